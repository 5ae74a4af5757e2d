package com.batchtrace.web.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The server's refusals on the German terminal are German, with their identifiers unchanged; on the
 * English terminal they stay as the server wrote them.
 */
@Tag("URS-076")
class ServerMessagesTest {

  /** Words that only an untranslated English sentence has. */
  private static final Pattern ENGLISH =
      Pattern.compile("\\b(the|was|is|are|not|Nothing|Enter|Step|Lot|before|refused|charged)\\b");

  /** The messages the terminal shows most, as the server writes them, with their German. */
  private static final Map<String, String> SAMPLES =
      Map.ofEntries(
          Map.entry(
              "Wrong password for operator1: nothing was signed. 2 attempts are left before signing"
                  + " is locked.",
              "Falsches Passwort für operator1: Es wurde nichts unterschrieben. Noch 2 Versuche,"
                  + " bevor das Unterschreiben gesperrt wird."),
          Map.entry(
              "'Granulate moisture' taken at 2026-12-06 08:10:00 +01:00 was entered at 2026-12-06"
                  + " 08:40:12 +01:00, more than 15 minutes later.",
              "„Granulate moisture“, gemessen 2026-12-06 08:10:00 +01:00, wurde 2026-12-06"
                  + " 08:40:12 +01:00 erfasst, mehr als 15 Minuten später."),
          Map.entry(
              "Enter your password to sign. Nothing was signed.",
              "Geben Sie Ihr Passwort ein, um zu unterschreiben. Es wurde nichts unterschrieben."),
          Map.entry(
              "You are signed in as operator1: sign with your own user id and password. Nothing"
                  + " was signed.",
              "Sie sind als operator1 angemeldet: Unterschreiben Sie mit Ihrer eigenen"
                  + " Benutzerkennung und Ihrem Passwort. Es wurde nichts unterschrieben."),
          Map.entry(
              "Step 2 (Dry) is not finished: steps run in the master record's order. Nothing was"
                  + " started.",
              "Schritt 2 (Dry) ist nicht abgeschlossen: Die Schritte laufen in der Reihenfolge der"
                  + " Herstellvorschrift. Es wurde nichts gestartet."),
          Map.entry(
              "Steps 1 (Dispense and blend), 2 (Dry) are not finished: every step must be done"
                  + " before batch GRN-26-0001 is completed. Nothing was completed.",
              "Nicht erledigt: Schritt 1 (Dispense and blend), 2 (Dry). Alle Schritte müssen"
                  + " erledigt sein, bevor die Charge GRN-26-0001 abgeschlossen wird. Es wurde"
                  + " nichts abgeschlossen."),
          Map.entry(
              "Enter 'Blend time' before signing Step 1 (Dispense and blend). Nothing was signed.",
              "Geben Sie „Blend time“ ein, bevor Sie Schritt 1 (Dispense and blend)"
                  + " unterschreiben. Es wurde nichts unterschrieben."),
          Map.entry(
              "Charge 49 to 51 kg of API-0001 before signing Step 1 (Dispense and blend) (25 kg"
                  + " charged). Nothing was signed.",
              "Buchen Sie 49 bis 51 kg von API-0001, bevor Sie Schritt 1 (Dispense and blend)"
                  + " unterschreiben (25 kg gebucht). Es wurde nichts unterschrieben."),
          Map.entry(
              "There is no lot L-9: check the label and scan again. Nothing was charged.",
              "Es gibt keine Materialcharge L-9: Prüfen Sie das Etikett und scannen Sie erneut."
                  + " Es wurde nichts gebucht."),
          Map.entry(
              "Lot L-1 expired on 2026-01-31: it cannot be used.",
              "Materialcharge L-1 ist am 2026-01-31 abgelaufen: Sie kann nicht verwendet werden."),
          Map.entry(
              "Charging 30 kg would make 55 kg of API-0001 in step 1; it needs 50 kg ± 2% (at most"
                  + " 51 kg). Nothing was charged.",
              "30 kg zu buchen ergäbe 55 kg von API-0001 in Schritt 1; gebraucht werden 50 kg ± 2"
                  + " % (höchstens 51 kg). Es wurde nichts gebucht."),
          Map.entry(
              "'Blend time' = 20 min is outside 10 to 15 min: add a comment saying why. Nothing"
                  + " was recorded.",
              "„Blend time“ = 20 min liegt außerhalb 10 bis 15 min: Geben Sie einen Kommentar mit"
                  + " der Begründung ein. Es wurde nichts erfasst."),
          Map.entry(
              "25 kg of lot L-1 (API-0001) charged into step 1.",
              "25 kg der Materialcharge L-1 (API-0001) in Schritt 1 gebucht."),
          Map.entry(
              "Batch GRN-26-0001 is completed already (it is In review). Nothing was completed.",
              "Charge GRN-26-0001 ist bereits abgeschlossen (Status: in Prüfung). Es wurde nichts"
                  + " abgeschlossen."),
          Map.entry(
              "Yield 90 % (90 of the planned 100 kg) is outside 95 to 102 %: add a comment saying"
                  + " why. Nothing was completed.",
              "Ausbeute 90 % (90 von geplanten 100 kg) liegt außerhalb 95 bis 102 %: Geben Sie"
                  + " einen Kommentar mit der Begründung ein. Es wurde nichts abgeschlossen."));

  @Test
  void theTerminalsCommonRefusalsAreGermanOnTheGermanTerminalWithNoEnglishLeft() {
    SAMPLES.forEach(
        (english, german) -> {
          String shown = ServerMessages.in(Locale.GERMAN, english);
          assertEquals(german, shown, english);
          assertFalse(ENGLISH.matcher(shown).find(), "English left in: " + shown);
        });
  }

  @Test
  void numbersGetTheDecimalCommaButIdentifiersKeepTheirPoints() {
    assertEquals(
        "Ausbeute 98,4 % (98,4 von geplanten 100 kg) liegt außerhalb 99,5 bis 102,25 %: Geben Sie"
            + " einen Kommentar mit der Begründung ein. Es wurde nichts abgeschlossen.",
        ServerMessages.in(
            Locale.GERMAN,
            "Yield 98.4 % (98.4 of the planned 100 kg) is outside 99.5 to 102.25 %: add a comment"
                + " saying why. Nothing was completed."));
    assertEquals(
        "12,5 kg der Materialcharge L-1.5 (API-0001) in Schritt 1 gebucht.",
        ServerMessages.in(Locale.GERMAN, "12.5 kg of lot L-1.5 (API-0001) charged into step 1."));
    assertEquals(
        "Es gibt keine Materialcharge 2026.001: Prüfen Sie das Etikett und scannen Sie erneut.",
        ServerMessages.in(
            Locale.GERMAN, "There is no lot 2026.001: check the label and scan again."));
    assertEquals(
        "12.5 kg of lot L-1 (API-0001) charged into step 1.",
        ServerMessages.in(Locale.ENGLISH, "12.5 kg of lot L-1 (API-0001) charged into step 1."));
  }

  @Test
  void hostileInputIsRefusedInGermanToo() {
    assertEquals(
        "Die zu buchende Menge der Materialcharge L-1 liegt außerhalb des Bereichs: höchstens 12"
            + " Stellen vor und 6 nach dem Komma. Es wurde nichts gebucht.",
        ServerMessages.in(
            Locale.GERMAN,
            "The quantity of lot L-1 to charge is out of range: at most 12 digits before and 6"
                + " after the decimal point. Nothing was charged."));
    assertEquals(
        "Der gescannte Code ist kein gültiger GS1-Code: er hat mehr als 300 Zeichen. Es wurde"
            + " nichts gebucht.",
        ServerMessages.in(
            Locale.GERMAN,
            "The scanned code is not a valid GS1 code: it has more than 300 characters. Nothing"
                + " was charged."));
    assertEquals(
        "Der Wert von „Blend time“ liegt außerhalb des Bereichs: höchstens 12 Stellen vor und 6"
            + " nach dem Komma. Es wurde nichts erfasst.",
        ServerMessages.in(
            Locale.GERMAN,
            "The value of 'Blend time' is out of range: at most 12 digits before and 6 after the"
                + " decimal point. Nothing was recorded."));
  }

  @Test
  void theEnglishTerminalShowsTheServersWordsUnchanged() {
    SAMPLES
        .keySet()
        .forEach(english -> assertEquals(english, ServerMessages.in(Locale.ENGLISH, english)));
  }

  @Test
  void aSentenceNoRuleKnowsStaysAsItWasNotHalfGuessed() {
    assertEquals(
        "The scale is offline. Es wurde nichts gebucht.",
        ServerMessages.in(Locale.GERMAN, "The scale is offline. Nothing was charged."));
  }
}
