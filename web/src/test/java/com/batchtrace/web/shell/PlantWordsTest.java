package com.batchtrace.web.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Stored codes read as the plant's words; what people typed stays as they typed it. */
@Tag("URS-064")
class PlantWordsTest {

  private final PlantWords words = new PlantWords();

  @Test
  void statusesKindsAndActionsReadAsWords() {
    assertEquals("In review", words.of("IN_REVIEW"));
    assertEquals("Quarantine", words.of("QUARANTINE"));
    assertEquals("Lot refused", words.of("LOT_REFUSED"));
    assertEquals("CPP excursion", words.of("CPP_EXCURSION"));
    assertEquals("Modified", words.of("MODIFIED"));
  }

  @Test
  void recordTypesReadAsWhatTheyAre() {
    assertEquals("Step", words.of("StepExecution"));
    assertEquals("Master batch record", words.of("MasterBatchRecord"));
    assertEquals("Machine tag", words.of("UnsTag"));
  }

  @Test
  void fieldsReadAsWordsAndPointersByWhatTheyPointTo() {
    assertEquals("Line", words.field("line_id"));
    assertEquals("Taken at", words.field("taken_at"));
    assertEquals("Version", words.field("mbr_version"));
    assertEquals("Produced by batch", words.field("produced_by_batch_id"));
  }

  @Test
  void storedValuesReadAsPeopleReadThem() {
    assertTrue(
        words
            .value("taken_at", "2026-12-05T21:00:00.123456+00:00")
            .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} [+-]\\d{2}:\\d{2}"),
        "a stored time in the site's zone");
    assertEquals("yes", words.value("active", "true"));
    assertEquals("In review", words.value("status", "IN_REVIEW"));
    assertEquals("—", words.value("comment", null));
  }

  @Test
  void whatPeopleTypedOrCodesOfTheirOwnStayAsTheyAre() {
    assertEquals("PARA", words.value("code", "PARA"), "a material code is not a status");
    assertEquals("Granulator stopped", words.of("Granulator stopped"));
    assertEquals("Raw", words.of("RAW"));
    assertEquals("FG", words.of("FG"), "a short code stays as it is");
  }

  @Test
  void storedEventTextsReadInWords() {
    assertEquals(
        "PDF batch report of batch B-1 (in review): 10 bytes",
        words.text("PDF batch report of batch B-1 (IN_REVIEW): 10 bytes"));
    assertEquals("security events at 38", words.text("security_event at 38"));
    assertEquals("Lot L-1 (RAW-1)", words.text("Lot L-1 (RAW-1)"), "a code in brackets stays");
  }
}
