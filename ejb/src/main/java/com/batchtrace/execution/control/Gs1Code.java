package com.batchtrace.execution.control;

import com.batchtrace.masterdata.entity.Gtin;
import com.batchtrace.platform.RuleViolation;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a scanner reads from a GS1 label, as a keyboard-wedge scanner types it: a GS1 element string
 * (GS1-128 or GS1 DataMatrix content, variable-length fields ended by the group separator,
 * optionally after a symbology identifier such as "]d2"), the same in its printed form with the
 * application identifiers in brackets, or a GS1 Digital Link URL. Batchtrace reads the GTIN (01),
 * lot (10), expiry (17), serial (21) and quantity (30 count, 310n net kilograms); the other AIs of
 * the table are checked for their length and skipped. No GS1 parsing library was found among the
 * artifacts the build can reach, so this one class holds the part of the GS1 AI table the plant's
 * labels use, and its tests (Gs1CodeTest) are its specification.
 */
public record Gs1Code(
    String gtin, String lot, LocalDate expiry, String serial, BigDecimal quantity, String unit) {

  /** The group separator (ASCII 29) that ends a variable-length field. */
  public static final char GS = '\u001D';

  /** The most characters a scan may have; a GS1 DataMatrix holds far fewer in practice. */
  static final int MAX_LENGTH = 512;

  private static final String NOTHING = " Nothing was charged.";

  /** One application identifier: its digits, fixed length or the longest variable length. */
  private record Ai(String digits, int length, boolean fixed, boolean numeric) {}

  /** The part of the GS1 AI table the plant's labels use (GS1 General Specifications, 3.2). */
  private static final Map<String, Ai> TABLE = new LinkedHashMap<>();

  static {
    fixed("00", 18, true);
    fixed("01", 14, true);
    fixed("02", 14, true);
    variable("10", 20, false);
    for (String date : new String[] {"11", "12", "13", "15", "16", "17"}) {
      fixed(date, 6, true);
    }
    fixed("20", 2, true);
    variable("21", 20, false);
    variable("22", 20, false);
    variable("30", 8, true);
    variable("37", 8, true);
    for (int measure = 310; measure <= 369; measure++) {
      for (int decimals = 0; decimals <= 9; decimals++) {
        fixed(measure + "" + decimals, 6, true);
      }
    }
    variable("240", 30, false);
    variable("241", 30, false);
    variable("250", 30, false);
    variable("251", 30, false);
    variable("400", 30, false);
    for (int party = 410; party <= 417; party++) {
      fixed(String.valueOf(party), 13, true);
    }
    fixed("7003", 10, true);
    variable("90", 30, false);
    for (int internal = 91; internal <= 99; internal++) {
      variable(String.valueOf(internal), 90, false);
    }
  }

  private static void fixed(String digits, int length, boolean numeric) {
    TABLE.put(digits, new Ai(digits, length, true, numeric));
  }

  private static void variable(String digits, int length, boolean numeric) {
    TABLE.put(digits, new Ai(digits, length, false, numeric));
  }

  private static final Pattern SYMBOLOGY = Pattern.compile("^\\][A-Za-z][0-9]");
  private static final Pattern BRACKETED = Pattern.compile("\\((\\d{2,4})\\)([^(]*)");
  private static final Pattern GS1_CHARACTERS = Pattern.compile("[!-~]+");

  /**
   * The GS1 code in a scan, or empty when the scan is a plain lot number. A scan that is a GS1 code
   * but breaks its rules is refused with the reason.
   */
  public static Optional<Gs1Code> read(String scanned) {
    if (scanned == null) {
      return Optional.empty();
    }
    String text = scanned.strip();
    if (!looksLikeGs1(text)) {
      return Optional.empty();
    }
    if (text.length() > MAX_LENGTH) {
      throw refused("it has more than " + MAX_LENGTH + " characters");
    }
    Map<String, String> fields;
    if (text.startsWith("http://") || text.startsWith("https://")) {
      fields = digitalLink(text);
    } else if (text.startsWith("(")) {
      fields = bracketed(text);
    } else {
      fields = elementString(SYMBOLOGY.matcher(text).replaceFirst(""));
    }
    return Optional.of(of(fields));
  }

  /** A GS1 code, not a lot number: a symbology identifier, a group separator, a URL, ... */
  static boolean looksLikeGs1(String text) {
    return SYMBOLOGY.matcher(text).find()
        || text.indexOf(GS) >= 0
        || text.matches("^\\(\\d{2,4}\\).*")
        || text.startsWith("http://")
        || text.startsWith("https://")
        || text.matches("^01\\d{14}.+");
  }

  private static Map<String, String> elementString(String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    int at = 0;
    while (at < text.length()) {
      if (text.charAt(at) == GS) {
        at++;
        continue;
      }
      Ai ai = aiAt(text, at);
      at += ai.digits().length();
      String value;
      if (ai.fixed()) {
        if (at + ai.length() > text.length()) {
          throw refused(
              "AI ("
                  + ai.digits()
                  + ") needs "
                  + ai.length()
                  + " characters, the code ends before");
        }
        value = text.substring(at, at + ai.length());
        at += ai.length();
      } else {
        int end = text.indexOf(GS, at);
        end = end < 0 ? text.length() : end;
        value = text.substring(at, end);
        at = end;
      }
      put(fields, ai, value);
    }
    return fields;
  }

  private static Ai aiAt(String text, int at) {
    for (int digits = 2; digits <= 4 && at + digits <= text.length(); digits++) {
      Ai ai = TABLE.get(text.substring(at, at + digits));
      if (ai != null) {
        return ai;
      }
    }
    String start = text.substring(at, Math.min(text.length(), at + 4));
    throw refused("'" + printable(start) + "' at position " + (at + 1) + " is not an AI it reads");
  }

  private static Map<String, String> bracketed(String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher m = BRACKETED.matcher(text);
    int at = 0;
    while (m.find()) {
      if (m.start() != at) {
        break;
      }
      Ai ai = TABLE.get(m.group(1));
      if (ai == null) {
        throw refused("(" + m.group(1) + ") is not an AI it reads");
      }
      put(fields, ai, m.group(2).strip());
      at = m.end();
    }
    if (at != text.length()) {
      throw refused("'" + printable(text.substring(at)) + "' is not in the form (AI)value");
    }
    return fields;
  }

  private static Map<String, String> digitalLink(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException notAUrl) {
      throw refused("it is not a valid web address");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String[] segments = path.split("/");
    int gtinAt = -1;
    for (int i = 0; i < segments.length - 1; i++) {
      if ("01".equals(segments[i])) {
        gtinAt = i;
        break;
      }
    }
    if (gtinAt < 0) {
      throw refused("the web address has no /01/ followed by a GTIN");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = gtinAt; i < segments.length; i += 2) {
      if (i + 1 >= segments.length) {
        throw refused("the web address ends with /" + printable(segments[i]) + "/ without a value");
      }
      Ai ai = TABLE.get(segments[i]);
      if (ai == null) {
        throw refused("/" + printable(segments[i]) + "/ in the web address is not an AI it reads");
      }
      put(fields, ai, decode(segments[i + 1]));
    }
    String query = uri.getRawQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        String key = eq < 0 ? pair : pair.substring(0, eq);
        Ai ai = TABLE.get(key);
        // Other parameters (linkType, context) are the resolver's, not data.
        if (ai != null) {
          put(fields, ai, decode(eq < 0 ? "" : pair.substring(eq + 1)));
        }
      }
    }
    return fields;
  }

  private static String decode(String value) {
    try {
      return URLDecoder.decode(value, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException badEscape) {
      throw refused("'" + printable(value) + "' in the web address is not valid");
    }
  }

  private static void put(Map<String, String> fields, Ai ai, String value) {
    if (value.isEmpty()) {
      throw refused("AI (" + ai.digits() + ") has no value");
    }
    if (ai.fixed() ? value.length() != ai.length() : value.length() > ai.length()) {
      throw refused(
          "AI ("
              + ai.digits()
              + ") has "
              + (ai.fixed() ? "exactly " : "at most ")
              + ai.length()
              + " characters, the code has "
              + value.length());
    }
    if (ai.numeric() ? !value.matches("[0-9]+") : !GS1_CHARACTERS.matcher(value).matches()) {
      throw refused(
          "AI ("
              + ai.digits()
              + ") '"
              + printable(value)
              + "' has "
              + (ai.numeric() ? "characters that are not digits" : "characters a GS1 code cannot"));
    }
    if (fields.putIfAbsent(ai.digits(), value) != null) {
      throw refused("AI (" + ai.digits() + ") appears twice");
    }
  }

  private static Gs1Code of(Map<String, String> fields) {
    String gtin = fields.get("01");
    if (gtin != null) {
      Optional<String> wrong = Gtin.check(gtin);
      if (wrong.isPresent()) {
        throw refused(wrong.get().substring(0, wrong.get().length() - 1));
      }
    }
    BigDecimal quantity = null;
    String unit = null;
    if (fields.containsKey("30")) {
      quantity = new BigDecimal(fields.get("30"));
    }
    for (Map.Entry<String, String> f : fields.entrySet()) {
      if (f.getKey().length() == 4 && f.getKey().startsWith("310")) {
        int decimals = f.getKey().charAt(3) - '0';
        quantity = new BigDecimal(f.getValue()).movePointLeft(decimals).stripTrailingZeros();
        unit = "kg";
      }
    }
    return new Gs1Code(
        gtin,
        fields.get("10"),
        fields.containsKey("17") ? date(fields.get("17")) : null,
        fields.get("21"),
        quantity,
        unit);
  }

  /** YYMMDD in this century; day 00 is the month's last day (GS1 General Specifications 7.12). */
  private static LocalDate date(String yymmdd) {
    int year = 2000 + Integer.parseInt(yymmdd.substring(0, 2));
    int month = Integer.parseInt(yymmdd.substring(2, 4));
    int day = Integer.parseInt(yymmdd.substring(4, 6));
    try {
      return day == 0 ? YearMonth.of(year, month).atEndOfMonth() : LocalDate.of(year, month, day);
    } catch (DateTimeException notADate) {
      throw refused("the expiry (17) " + yymmdd + " is not a date");
    }
  }

  /** The lot number (10) the code must carry to charge a lot. */
  public String requireLot() {
    if (lot == null) {
      throw new RuleViolation(
          "The scanned GS1 code has no lot number (AI 10): scan the code that names the lot."
              + NOTHING);
    }
    return lot;
  }

  private static RuleViolation refused(String reason) {
    return new RuleViolation("The scanned code is not a valid GS1 code: " + reason + "." + NOTHING);
  }

  /** Control characters shown as the scanner sent them, never raw. */
  private static String printable(String s) {
    String shown = s.length() > 40 ? s.substring(0, 40) + "…" : s;
    return shown.replace(String.valueOf(GS), "<GS>").replaceAll("\\p{Cntrl}", "?");
  }
}
