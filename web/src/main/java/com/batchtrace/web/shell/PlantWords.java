package com.batchtrace.web.shell;

import com.batchtrace.platform.SiteZone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The plant's words for what the program stores as codes (DESIGN: pages speak the plant's language,
 * never an enum constant, class name or column): a status {@code IN_REVIEW} reads "In review", a
 * record type {@code StepExecution} "Step execution", a field {@code line_id} "Line", a stored time
 * the site's time. Pages call it as {@code #{words.of(batch.status())}}; the stored codes stay what
 * they are (exports, REST and the offline verifier read them).
 */
@Named("words")
@ApplicationScoped
public class PlantWords {

  /** Codes whose words are not their spelling in lower case. */
  private static final Map<String, String> SPOKEN =
      Map.ofEntries(
          Map.entry("CPP_EXCURSION", "CPP excursion"),
          Map.entry("RAW", "Raw"),
          Map.entry("UNS_TAG", "Machine tag"),
          Map.entry("IN_REVIEW", "In review"),
          Map.entry("ACCEPTED", "Accepted"),
          Map.entry("DEVIATION", "Deviation"),
          Map.entry("CREATED", "Created"),
          Map.entry("MODIFIED", "Modified"),
          Map.entry("DELETED", "Deleted"),
          Map.entry("FORWARD", "Forward"),
          Map.entry("BACKWARD", "Backward"),
          // record types in the audit trail
          Map.entry("UnsTag", "Machine tag"),
          Map.entry("MaterialLot", "Lot"),
          Map.entry("LotConsumption", "Lot charge"),
          Map.entry("StepExecution", "Step"),
          Map.entry("StepEntry", "Value entry"),
          Map.entry("BatchException", "Exception"),
          Map.entry("ExceptionDisposition", "Exception disposition"),
          Map.entry("PostReleaseReview", "Review of data after the decision"),
          // fields (columns) whose words differ from their name
          Map.entry("mbr_version", "Version"),
          Map.entry("revtype", "Action"),
          Map.entry("uns_path", "UNS path"),
          Map.entry("produced_by_batch_id", "Produced by batch"),
          Map.entry("master_batch_record_id", "Master batch record"),
          Map.entry("step_execution_id", "Step"),
          Map.entry("exception_id", "Exception"),
          Map.entry("allocation_id", "Equipment allocation"),
          Map.entry("tag_id", "Machine tag"),
          Map.entry("correction_of", "Corrects entry"),
          Map.entry("parent_id", "Parent"),
          Map.entry("product_id", "Product"),
          Map.entry("lot_id", "Lot"),
          Map.entry("shelf_life_days", "Shelf life (days)"),
          Map.entry("expected_interval_seconds", "Expected interval (s)"),
          Map.entry("accounts_sha256", "Accounts (SHA-256)"),
          Map.entry("chain_sha256", "Chain head (SHA-256)"),
          Map.entry("content_sha256", "Signed content (SHA-256)"),
          Map.entry("raised_by_id", "Raised by (account)"),
          Map.entry("signer_subject", "Signer (account)"));

  private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
  private static final Pattern CAMEL = Pattern.compile("[A-Z][a-z0-9]+([A-Z][a-z0-9]+)+");
  private static final Pattern COLUMN = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
  private static final Pattern STORED_TIME =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?([+-]\\d{2}:\\d{2}|Z)");

  /**
   * The words for a code: an enum constant, a record type or a field name; anything else (a text a
   * person typed, a number) as it is. Null reads as an empty text.
   */
  public String of(Object code) {
    if (code == null) {
      return "";
    }
    String text = code instanceof Enum<?> e ? e.name() : code.toString();
    String spoken = SPOKEN.get(text);
    if (spoken != null) {
      return spoken;
    }
    if (CONSTANT.matcher(text).matches() && text.length() > 3) {
      return sentence(text.replace('_', ' '));
    }
    if (CAMEL.matcher(text).matches()) {
      return sentence(text.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " "));
    }
    return text;
  }

  /** The words for a field (database column) of an audited record: {@code line_id} is "Line". */
  public String field(String column) {
    if (column == null) {
      return "";
    }
    String spoken = SPOKEN.get(column);
    if (spoken != null) {
      return spoken;
    }
    if (!COLUMN.matcher(column).matches()) {
      return column;
    }
    String words = column.endsWith("_id") ? column.substring(0, column.length() - 3) : column;
    return sentence(words.replace('_', ' '));
  }

  /** Fields whose stored values are codes (an enum constant), shown in words. */
  private static final java.util.Set<String> CODED =
      java.util.Set.of("status", "kind", "level", "decision", "disposition", "meaning");

  /**
   * A stored value of a field as people read it: a time in the site's zone, yes or no for a flag, a
   * status in words; anything else (a code, a name, a number) as it is.
   */
  public String value(String field, String stored) {
    if (stored == null || stored.isEmpty()) {
      return "—";
    }
    if (STORED_TIME.matcher(stored).matches()) {
      try {
        return SiteZone.format(OffsetDateTime.parse(stored).toInstant());
      } catch (DateTimeParseException e) {
        return stored;
      }
    }
    if (stored.equals("true")) {
      return "yes";
    }
    if (stored.equals("false")) {
      return "no";
    }
    return CODED.contains(field) ? of(stored) : stored;
  }

  /** The hash chains of the audit trail by what they hold. */
  private static final Map<String, String> CHAINS =
      Map.of(
          "revision", "Revisions",
          "security_event", "Security events",
          "signature", "Signatures");

  /** A hash chain by what it holds: {@code security_event} is "Security events". */
  public String chain(String name) {
    return CHAINS.getOrDefault(name, of(name));
  }

  /**
   * A stored text (a security event's detail, written by the program) with the chains named as
   * people say them; the stored text itself stays as it was written.
   */
  public String text(String stored) {
    if (stored == null) {
      return "";
    }
    // Events written before their texts used words: a status in brackets, e.g. "(RELEASED)".
    java.util.regex.Matcher status =
        java.util.regex.Pattern.compile("\\(((?=[A-Z_]{4,}\\))[A-Z]+(?:_[A-Z]+)*)\\)")
            .matcher(stored);
    StringBuilder text = new StringBuilder();
    while (status.find()) {
      status.appendReplacement(
          text,
          java.util.regex.Matcher.quoteReplacement(
              "(" + status.group(1).toLowerCase(Locale.ROOT).replace('_', ' ') + ")"));
    }
    status.appendTail(text);
    return text.toString().replaceAll("\\bsecurity_event\\b", "security events");
  }

  private static String sentence(String words) {
    String lower = words.toLowerCase(Locale.ROOT);
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }
}
