package com.batchtrace.compliance.signature.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.batchtrace.platform.Sha256;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The canonical content a signature's SHA-256 is taken of (format 2): one exact text for one
 * record, and a different text for any different record, however its fields are cut.
 */
@Tag("URS-014")
class SignedContentTest {

  private static final String HEAD = "{\"type\":\"Test\",\"format\":2,";

  private static SignedContent test() {
    return SignedContent.of("Test");
  }

  @Test
  void theTypeAndFormatComeFirstAndTheFieldsInTheOrderTheRecordNamesThem() {
    String canonical = test().field("b", "2").field("a", 1L).field("c", true).canonical();

    assertEquals(HEAD + "\"b\":\"2\",\"a\":1,\"c\":true}", canonical);
  }

  @Test
  void textIsEscapedSoThatItCannotEndItsField() {
    String canonical = test().field("s", "say \"hi\" \\ there\nnext\r\tend").canonical();

    assertEquals(HEAD + "\"s\":\"say \\\"hi\\\" \\\\ there\\nnext\\r\\tend\"}", canonical);
  }

  @Test
  void otherControlCharactersAreWrittenAsUnicodeEscapes() {
    String canonical = test().field("s", "a\u0001b\u001fc").canonical();

    assertEquals(HEAD + "\"s\":\"a\\u0001b\\u001fc\"}", canonical);
  }

  @ParameterizedTest(name = "{0} is written {1}")
  @CsvSource({
    "12.500000, 12.5",
    "100.000000, 100",
    "1E+2, 100",
    "0.000000, 0",
    "-1.50, -1.5",
    "0.000100, 0.0001"
  })
  void decimalsArePlainWithoutTrailingZerosAndNeverInExponentForm(String value, String written) {
    assertEquals(
        HEAD + "\"q\":" + written + "}", test().field("q", new BigDecimal(value)).canonical());
  }

  @Test
  void wholeAndFloatingNumbersArePlainToo() {
    String canonical =
        test().field("i", Integer.valueOf(7)).field("d", 67.2d).field("e", 1e7d).canonical();

    assertEquals(HEAD + "\"i\":7,\"d\":67.2,\"e\":10000000}", canonical);
  }

  @Test
  void aMissingValueIsNull() {
    String canonical =
        test()
            .field("s", (String) null)
            .field("n", (BigDecimal) null)
            .field("t", (Instant) null)
            .canonical();

    assertEquals(HEAD + "\"s\":null,\"n\":null,\"t\":null}", canonical);
  }

  @Test
  void timesAreUtcIso8601() {
    String canonical = test().field("t", Instant.parse("2026-03-02T08:00:00.123456Z")).canonical();

    assertEquals(HEAD + "\"t\":\"2026-03-02T08:00:00.123456Z\"}", canonical);
  }

  @Test
  void listsAreArraysOfNestedObjectsInTheirOrder() {
    String canonical =
        test()
            .list("items", List.of("x", "y"), (item, c) -> c.field("name", item))
            .list("none", List.of(), (item, c) -> c.field("name", "never"))
            .canonical();

    assertEquals(HEAD + "\"items\":[{\"name\":\"x\"},{\"name\":\"y\"}],\"none\":[]}", canonical);
  }

  @Test
  void textMovedFromOneFieldToTheNextGivesAnotherContentAndHash() {
    String before = test().field("a", "x y").field("b", "z").canonical();
    String after = test().field("a", "x").field("b", "y z").canonical();

    assertNotEquals(before, after);
    assertNotEquals(Sha256.hex(before), Sha256.hex(after));
  }

  @Test
  void textThatLooksLikeTheNextFieldStaysInsideItsOwn() {
    String oneField = test().field("a", "x\",\"b\":\"z").canonical();
    String twoFields = test().field("a", "x").field("b", "z").canonical();

    assertNotEquals(oneField, twoFields);
    assertNotEquals(Sha256.hex(oneField), Sha256.hex(twoFields));
  }

  @Test
  void anItemMovedFromOneListToAnotherGivesAnotherHash() {
    String before =
        test()
            .list("a", List.of("1", "2"), (i, c) -> c.field("n", i))
            .list("b", List.<String>of(), (i, c) -> c.field("n", i))
            .canonical();
    String after =
        test()
            .list("a", List.of("1"), (i, c) -> c.field("n", i))
            .list("b", List.of("2"), (i, c) -> c.field("n", i))
            .canonical();

    assertNotEquals(Sha256.hex(before), Sha256.hex(after));
  }
}
