package com.batchtrace.web.terminal;

import com.batchtrace.platform.Units;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A number as an operator types it at the terminal, in the terminal's language: "12,5" and "12.5"
 * are both twelve and a half in German and in English. A single separator is the decimal one unless
 * it is the language's thousands separator followed by exactly three digits ("1.250" in German,
 * "1,250" in English): that could be either, so it is refused with both readings rather than
 * guessed. Thousands separators together with a decimal ("1.250,5") are refused too, and so is
 * anything that is not a plain decimal number (exponents, letters, more than 30 characters).
 */
public final class TerminalNumbers {

  private static final int MAX_LENGTH = 30;
  private static final Pattern PLAIN = Pattern.compile("[+-]?[0-9]*[.,]?[0-9]*");
  private static final Pattern DIGITS_AND_SEPARATORS = Pattern.compile("[+-]?[0-9.,]+");

  private TerminalNumbers() {}

  /** Why a typed number is not taken: the key of its message and the message's arguments. */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String key;
    private final transient Object[] args;

    Refused(String key, Object... args) {
      super(key, null, false, false);
      this.key = key;
      this.args = args;
    }

    /** The refusal in the terminal's words, in the page's language. */
    public String text() {
      return text(TerminalText.locale());
    }

    /** The refusal in the terminal's words, in the language. */
    public String text(Locale language) {
      return new java.text.MessageFormat(TerminalText.text(language, key), language).format(args);
    }

    /** The key of the terminal's bundle that says why. */
    public String key() {
      return key;
    }
  }

  /**
   * The number typed; empty for blank text.
   *
   * @throws Refused when it is not a number, or could be read two ways
   */
  public static Optional<BigDecimal> parse(String typed, Locale language) {
    if (typed == null || typed.isBlank()) {
      return Optional.empty();
    }
    String text = typed.strip();
    if (text.length() > MAX_LENGTH || !DIGITS_AND_SEPARATORS.matcher(text).matches()) {
      throw new Refused("number.notNumber", shorten(text));
    }
    char grouping = isGerman(language) ? '.' : ',';
    char decimal = isGerman(language) ? ',' : '.';
    if (!PLAIN.matcher(text).matches()) {
      throw new Refused("number.grouped", text);
    }
    int at = Math.max(text.indexOf('.'), text.indexOf(','));
    if (at >= 0 && text.charAt(at) == grouping && text.length() - at - 1 == 3 && at > 0) {
      String whole = text.substring(0, at) + text.substring(at + 1);
      String fraction = text.substring(0, at) + decimal + text.substring(at + 1);
      throw new Refused(
          "number.ambiguous", text, new BigDecimal(whole).toPlainString(), stripZeros(fraction));
    }
    try {
      return Optional.of(new BigDecimal(text.replace(',', '.')));
    } catch (NumberFormatException notANumber) {
      throw new Refused("number.notNumber", text);
    }
  }

  /**
   * A number as the terminal shows it in the language: no trailing zeros, never an exponent, and a
   * decimal comma in German ("12,5"); empty for none. Numbers are shown without grouping, so the
   * only separator is the decimal one.
   */
  public static String show(Object value, Locale language) {
    String plain = Units.number(value);
    return isGerman(language) ? plain.replace('.', ',') : plain;
  }

  private static String stripZeros(String fraction) {
    String trimmed = fraction.replaceAll("0+$", "");
    return trimmed.endsWith(".") || trimmed.endsWith(",")
        ? trimmed.substring(0, trimmed.length() - 1)
        : trimmed;
  }

  private static boolean isGerman(Locale language) {
    return language != null && "de".equals(language.getLanguage());
  }

  private static String shorten(String text) {
    return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "\u2026" : text;
  }
}
