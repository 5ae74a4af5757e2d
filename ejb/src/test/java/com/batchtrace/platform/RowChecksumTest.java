package com.batchtrace.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every CSV export line is written by RowChecksum: a cell a spreadsheet would run as a formula is
 * written as text, and the checksum covers exactly the bytes written.
 */
@Tag("URS-056")
class RowChecksumTest {

  @ParameterizedTest
  @ValueSource(strings = {"=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"})
  void aCellThatWouldRunAsAFormulaIsWrittenAsText(String value) {
    String line = line(new RowChecksum().row(List.of("ok", value)));

    String cell = line.substring("ok,".length());
    assertTrue(
        cell.startsWith("'" + value.charAt(0)) || cell.startsWith("\"'" + value.charAt(0)),
        "written with a leading apostrophe: " + cell);
  }

  @Test
  void ordinaryCellsAreWrittenAsTheyAre() {
    assertEquals(
        "GRN-26-0001,Rita Reyes,\"Lot 4, corrected\",,1.5\r\n",
        line(
            new RowChecksum()
                .row(Arrays.asList("GRN-26-0001", "Rita Reyes", "Lot 4, corrected", "", "1.5"))));
  }

  @Test
  void theChecksumIsOfTheNeutralisedBytes() {
    RowChecksum export = new RowChecksum();
    byte[] header = export.header(List.of("user", "reason"));
    byte[] row = export.row(List.of("=cmd", "fix"));

    RowChecksum recomputed = new RowChecksum();
    recomputed.header(List.of("user", "reason"));
    recomputed.row(List.of("'=cmd", "fix"));
    assertEquals("user,reason\r\n'=cmd,fix\r\n", line(header) + line(row));
    assertEquals(recomputed.hex(), export.hex(), "an apostrophe is never doubled");
  }

  @Test
  void theRuleSaysHow() {
    assertTrue(RowChecksum.RULE.contains("leading apostrophe"), RowChecksum.RULE);
  }

  private static String line(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
