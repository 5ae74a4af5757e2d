package com.batchtrace.execution.control;

import static com.batchtrace.testing.Refusals.refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scan fields read GS1 codes as a keyboard-wedge scanner types them: element strings with the
 * group separator, the bracketed printed form and GS1 Digital Link URLs; a plain lot number stays a
 * lot number, and a malformed code is refused with its reason.
 */
@Tag("URS-062")
class Gs1CodeTest {

  private static final String GS = "\u001D";
  // GS1's own example GTIN (valid check digit).
  private static final String GTIN = "09506000134352";

  private static Gs1Code read(String scan) {
    return Gs1Code.read(scan).orElseThrow();
  }

  @Test
  void aDataMatrixElementStringGivesGtinExpiryLotAndSerial() {
    Gs1Code code = read("]d2" + "01" + GTIN + "17270531" + "10ABC-123" + GS + "21SN0001");
    assertEquals(GTIN, code.gtin());
    assertEquals(LocalDate.of(2027, 5, 31), code.expiry());
    assertEquals("ABC-123", code.lot());
    assertEquals("SN0001", code.serial());
  }

  @Test
  void aVariableFieldEndsAtTheGroupSeparatorOrTheEnd() {
    Gs1Code code = read("01" + GTIN + "10L1" + GS + "17270500");
    assertEquals("L1", code.lot());
    assertEquals(LocalDate.of(2027, 5, 31), code.expiry(), "day 00 is the month's last day");
  }

  @Test
  void netWeightAndCountAreQuantities() {
    Gs1Code kilograms = read("]C1" + "01" + GTIN + "3103025500" + "10L2");
    assertEquals(0, new BigDecimal("25.5").compareTo(kilograms.quantity()));
    assertEquals("kg", kilograms.unit());
    Gs1Code count = read("01" + GTIN + "3012" + GS + "10L3");
    assertEquals(0, BigDecimal.valueOf(12).compareTo(count.quantity()));
    assertNull(count.unit());
  }

  @Test
  void theBracketedPrintedFormReadsTheSame() {
    Gs1Code code = read("(01)" + GTIN + "(17)270531(10)ABC-123");
    assertEquals(GTIN, code.gtin());
    assertEquals("ABC-123", code.lot());
    assertEquals(LocalDate.of(2027, 5, 31), code.expiry());
  }

  @Test
  void aDigitalLinkUrlGivesItsPathAndQueryData() {
    Gs1Code code =
        read("https://id.gs1.org/01/" + GTIN + "/10/ABC%2F123/21/S9?17=270531&linkType=gs1:pip");
    assertEquals(GTIN, code.gtin());
    assertEquals("ABC/123", code.lot());
    assertEquals("S9", code.serial());
    assertEquals(LocalDate.of(2027, 5, 31), code.expiry());
    assertEquals("L7", read("https://example.com/products/01/" + GTIN + "/10/L7").lot());
  }

  @ParameterizedTest
  @ValueSource(strings = {"GRN-26-0001", "LOT-ABC", "0123", "B-12 34"})
  void aPlainLotNumberIsNotAGs1Code(String lot) {
    assertEquals(Optional.empty(), Gs1Code.read(lot));
  }

  @Test
  void theElementStringOfALabelReadsBack() {
    String s =
        com.batchtrace.masterdata.entity.Gtin.elementString(
            "9506000134352", LocalDate.of(2027, 1, 15), "GRN-26-0001");
    assertEquals("01" + GTIN + "17270115" + "10GRN-26-0001", s);
    Gs1Code code = read(s);
    assertEquals("GRN-26-0001", code.lot());
    assertEquals(LocalDate.of(2027, 1, 15), code.expiry());
  }

  @Test
  void malformedCodesAreRefusedWithTheirReason() {
    assertTrue(
        refusal(() -> Gs1Code.read("01" + "09506000134353" + "10L1"))
            .contains("check digit is 3, the digits before it give 2"));
    assertTrue(
        refusal(() -> Gs1Code.read("01" + GTIN + "17271332" + "10L1")).contains("is not a date"));
    assertTrue(refusal(() -> Gs1Code.read("]d20109506")).contains("the code ends before"));
    assertTrue(
        refusal(() -> Gs1Code.read("01" + GTIN + "10L1" + GS + "88XYZ"))
            .contains("'88XY' at position 22 is not an AI it reads"));
    assertTrue(
        refusal(() -> Gs1Code.read("01" + GTIN + "10" + "A".repeat(21)))
            .contains("AI (10) has at most 20 characters"));
    assertTrue(
        refusal(() -> Gs1Code.read("01" + GTIN + "10L1" + GS + "10L2")).contains("appears twice"));
    assertTrue(refusal(() -> Gs1Code.read("(01)" + GTIN + "(10)")).contains("has no value"));
    assertTrue(refusal(() -> Gs1Code.read("https://x.example/p/1")).contains("no /01/"));
    assertTrue(
        refusal(() -> Gs1Code.read("https://x.example/01/" + GTIN + "/10"))
            .contains("without a value"));
    assertTrue(refusal(() -> Gs1Code.read("]d2" + "1".repeat(600))).contains("more than 512"));
    assertTrue(refusal(() -> Gs1Code.read("01" + GTIN + "3103" + "02X500")).contains("not digits"));
    String lotless = refusal(() -> read("01" + GTIN + "17270531").requireLot());
    assertTrue(lotless.contains("no lot number (AI 10)"), lotless);
    assertTrue(lotless.endsWith("Nothing was charged."), lotless);
  }

  @Test
  void controlCharactersInAReasonAreShownNotSent() {
    String reason = refusal(() -> Gs1Code.read("01" + GTIN + GS + "\u0007\u0008XY"));
    assertTrue(reason.contains("'??XY'"), reason);
  }
}
