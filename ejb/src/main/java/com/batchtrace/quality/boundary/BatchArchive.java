package com.batchtrace.quality.boundary;

import com.batchtrace.collection.boundary.ProcessSeries;
import com.batchtrace.compliance.audit.boundary.AuditSearch;
import com.batchtrace.compliance.integrity.boundary.Checkpoints;
import com.batchtrace.compliance.integrity.boundary.SignedCheckpoint;
import com.batchtrace.compliance.security.boundary.SecurityLog;
import com.batchtrace.compliance.security.entity.SecurityEventKind;
import com.batchtrace.execution.boundary.BatchRecords;
import com.batchtrace.execution.boundary.BatchRunView;
import com.batchtrace.genealogy.boundary.GenealogyService;
import com.batchtrace.identity.boundary.Actor;
import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.platform.RuleViolation;
import com.batchtrace.platform.Settings;
import com.batchtrace.platform.SiteZone;
import com.batchtrace.quality.control.ArchiveContent;
import com.batchtrace.quality.control.ArchiveDirectory;
import com.batchtrace.quality.control.ArchiveExport;
import com.batchtrace.quality.control.ArchiveManifest;
import com.batchtrace.quality.control.ArchivePackageWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Archive packages of batch records: written right after QA releases or rejects a batch (the
 * decision is committed first, so a package that cannot be written never undoes it: it is recorded
 * as a security event and QA writes it again on demand), and on demand by QA or an auditor. Each
 * package is a new folder in the archive directory (BATCHTRACE_ARCHIVE_DIR), never overwritten: the
 * PDF/A-3b record with the JSON record inside, the JSON record beside it, its schema, the signed
 * checkpoint taken at archiving and the manifest signed with the checkpoint key. The offline
 * verifier (verify/) checks a package with the public key alone. The retention list reads the
 * folders back.
 */
@ApplicationScoped
public class BatchArchive {

  private static final Logger LOG = Logger.getLogger(BatchArchive.class.getName());

  @Inject BatchRecords records;

  @Inject BatchReview review;

  @Inject ProcessSeries processSeries;

  @Inject GenealogyService genealogy;

  @Inject AuditSearch auditSearch;

  @Inject Checkpoints checkpoints;

  @Inject SecurityLog securityLog;

  @Inject CurrentActor actor;

  @Inject Clock clock;

  /** Where the archive directory is, as pages show it. */
  public static String location() {
    return directory().root().toString();
  }

  /** The archive directory: BATCHTRACE_ARCHIVE_DIR, else "archive" in the server's data folder. */
  private static ArchiveDirectory directory() {
    return new ArchiveDirectory(
        Path.of(
            Settings.text(
                "BATCHTRACE_ARCHIVE_DIR",
                Path.of(System.getProperty("jboss.server.data.dir", "."), "archive").toString())));
  }

  /**
   * Writes the package of a batch just released or rejected. Never throws: the decision stands
   * whatever happens here, and a failure is recorded as a security event with its reason.
   *
   * @return the package written, or empty when it could not be (the reason is in the security log)
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public Optional<ArchivePackage> afterDecision(long batchId, String decision) {
    try {
      return Optional.of(write(batchId, decision));
    } catch (RuntimeException | LinkageError e) {
      // LinkageError too: a broken installation (a library missing) must not turn a committed
      // release into an error page.
      LOG.log(Level.WARNING, "The archive package of batch " + batchId + " was not written", e);
      String batch = batchNumberOr(batchId);
      try {
        securityLog.record(
            SecurityEventKind.ARCHIVE_FAILED,
            "The archive package of batch "
                + batch
                + " ("
                + decision
                + ") was not written: "
                + e.getMessage()
                + ". The decision stands; QA writes the package again from the batch record page.");
      } catch (RuntimeException alsoFailed) {
        LOG.log(Level.SEVERE, "Recording the failed archive package failed too", alsoFailed);
      }
      return Optional.empty();
    }
  }

  /** QA or an auditor writes a package of the batch now: a new numbered one if one exists. */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public ArchivePackage onDemand(long batchId) {
    actor.require(Roles.QA_REVIEWER, Roles.AUDITOR);
    Actor by = actor.get();
    try {
      return write(batchId, "on demand by " + by.displayName() + " (" + by.userId() + ")");
    } catch (RuleViolation refused) {
      throw refused;
    } catch (RuntimeException | LinkageError e) {
      LOG.log(Level.WARNING, "An archive package of batch " + batchId + " was not written", e);
      securityLog.record(
          SecurityEventKind.ARCHIVE_FAILED,
          "An archive package of batch "
              + batchNumberOr(batchId)
              + " was not written: "
              + e.getMessage());
      throw new RuleViolation(
          "The archive package was not written: "
              + e.getMessage()
              + " Nothing in the archive was changed; ask the administrator to fix it, then try"
              + " again.");
    }
  }

  private ArchivePackage write(long batchId, String reason) {
    actor.require(Roles.QA_REVIEWER, Roles.AUDITOR);
    // Read first: a batch that does not exist is refused before any folder is claimed.
    BatchRunView run = records.view(batchId);
    BatchReview.Disposition decision = review.dispositionOfBatch(batchId);
    ArchiveDirectory directory = directory();
    // The key is loaded before a folder is claimed: without it no package could be signed.
    String keyId = checkpoints.keyId();
    Path folder = directory.claim(run.batchNumber());
    Instant now = clock.instant();
    Actor by = actor.get();
    ArchiveContent content =
        new ArchiveContent(
            folder.getFileName().toString(),
            reason,
            now,
            by.userId(),
            by.displayName(),
            run,
            decision.status(),
            decision.signature(),
            decision.lots(),
            review.exceptions(batchId).stream()
                .map(
                    r ->
                        new ArchiveContent.Exception(
                            r.exception(),
                            r.disposition() == null ? null : r.disposition().decision(),
                            r.disposition() == null ? null : r.disposition().justification(),
                            r.disposition() == null ? null : r.disposition().deviationReference(),
                            r.disposition() == null ? List.of() : r.disposition().signatures()))
                .toList(),
            summaries(batchId),
            decision.lots().stream()
                .map(
                    lot ->
                        new ArchiveContent.Genealogy(
                            lot.lotNumber(),
                            genealogy.trace(lot.id(), "BACKWARD").lots(),
                            genealogy.trace(lot.id(), "FORWARD").lots()))
                .toList(),
            auditSearch.ofBatch(batchId));
    SignedCheckpoint checkpoint =
        checkpoints.take(
            "archive package " + content.packageName() + " of batch " + run.batchNumber());
    ArchivePackageWriter.Written written =
        ArchivePackageWriter.write(
            folder, content, checkpoint.text(), checkpoint.sequence(), keyId, checkpoints::sign);
    ArchivePackage result =
        new ArchivePackage(
            run.batchNumber(),
            content.packageName(),
            folder.toString(),
            decision.status(),
            now,
            reason,
            true,
            null);
    securityLog.record(
        SecurityEventKind.ARCHIVE_WRITTEN,
        "Archive package "
            + result.name()
            + " of batch "
            + run.batchNumber()
            + " ("
            + reason
            + ") in "
            + folder
            + ": "
            + written.files().stream()
                .map(f -> f.name() + " SHA-256 " + f.sha256())
                .reduce((a, b) -> a + ", " + b)
                .orElse("")
            + "; checkpoint "
            + checkpoint.sequence());
    return result;
  }

  /** Each parameter's chart points and the exact figures of all its values. */
  private List<ArchiveContent.ProcessSummary> summaries(long batchId) {
    List<ProcessSeries.ParameterSeries> series = processSeries.of(batchId).parameters();
    Map<String, ProcessSeries.Statistics> exact = processSeries.statistics(batchId, series);
    return series.stream()
        .map(s -> ArchiveContent.ProcessSummary.of(s, exact.get(ProcessSeries.key(s))))
        .toList();
  }

  private String batchNumberOr(long batchId) {
    try {
      return records.view(batchId).batchNumber();
    } catch (RuntimeException e) {
      return "with id " + batchId;
    }
  }

  /**
   * Every archive package in the archive directory, oldest batch decision first: the retention list
   * (nothing is ever deleted by the application).
   */
  public List<ArchivePackage> packages() {
    actor.require(Roles.QA_REVIEWER, Roles.AUDITOR);
    List<ArchivePackage> all = new ArrayList<>();
    for (ArchiveDirectory.Listed listed : directory().list()) {
      ArchiveManifest.Parsed m = listed.manifest();
      String name = listed.folder().getFileName().toString();
      all.add(
          m == null
              ? new ArchivePackage(
                  null, name, listed.folder().toString(), null, null, null, false, listed.problem())
              : new ArchivePackage(
                  m.batch(),
                  m.packageName(),
                  listed.folder().toString(),
                  m.status(),
                  m.writtenAt(),
                  m.reason(),
                  true,
                  null));
    }
    all.sort(
        Comparator.comparing(
                ArchivePackage::writtenAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ArchivePackage::name));
    return all;
  }

  /**
   * What an export for long-term storage holds: every complete package written on the days {@code
   * from} to {@code to} (inclusive, in the site's time zone), oldest first. Recorded in the
   * security log before anything is sent; refused with the reason when the days are wrong or hold
   * nothing.
   */
  public ArchiveExportSelection exportSelection(String from, String to) {
    actor.require(Roles.QA_REVIEWER, Roles.AUDITOR);
    LocalDate first = day("first", from);
    LocalDate last = day("last", to);
    if (first.isAfter(last)) {
      throw new RuleViolation(
          "The first day (" + first + ") is after the last day (" + last + "): nothing to export.");
    }
    ZoneId zone = SiteZone.zone();
    Instant start = first.atStartOfDay(zone).toInstant();
    Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();
    List<ArchiveDirectory.Listed> chosen =
        directory().list().stream()
            .filter(l -> l.manifest() != null && l.manifest().writtenAt() != null)
            .filter(
                l ->
                    !l.manifest().writtenAt().isBefore(start)
                        && l.manifest().writtenAt().isBefore(end))
            .sorted(
                Comparator.comparing((ArchiveDirectory.Listed l) -> l.manifest().writtenAt())
                    .thenComparing(l -> l.folder().getFileName().toString()))
            .toList();
    if (chosen.isEmpty()) {
      throw new RuleViolation(
          "No archive package was written from "
              + first
              + " to "
              + last
              + " ("
              + zone.getId()
              + "): there is nothing to export for these days.");
    }
    String keyId = checkpoints.keyId();
    Actor by = actor.get();
    securityLog.record(
        SecurityEventKind.EXPORT,
        "Archive export of "
            + chosen.size()
            + " package(s) written from "
            + first
            + " to "
            + last
            + " ("
            + zone.getId()
            + ") for long-term storage: "
            + chosen.stream()
                .map(l -> l.folder().getFileName().toString())
                .collect(java.util.stream.Collectors.joining(", ")));
    return new ArchiveExportSelection(
        first,
        last,
        zone,
        clock.instant(),
        by.userId() + " (" + by.displayName() + ")",
        keyId,
        chosen.stream().map(ArchiveDirectory.Listed::folder).toList());
  }

  /** Writes the export chosen by {@link #exportSelection} as a ZIP with its signed manifest. */
  public void writeExport(ArchiveExportSelection selection, OutputStream out) {
    ArchiveExport.write(selection, checkpoints::sign, out);
  }

  /** A day as 2026-01-31, between the years 2000 and 2999. */
  private static LocalDate day(String which, String text) {
    String hint = "Give the " + which + " day of the export as 2026-01-31";
    if (text == null || text.isBlank()) {
      throw new RuleViolation(hint + ".");
    }
    LocalDate day;
    try {
      day = LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new RuleViolation(hint + ", not '" + abbreviate(text) + "'.");
    }
    if (day.getYear() < 2000 || day.getYear() > 2999) {
      throw new RuleViolation(hint + ", a day between the years 2000 and 2999, not " + day + ".");
    }
    return day;
  }

  private static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }

  /** The packages of one batch, oldest first. */
  public List<ArchivePackage> packagesOf(String batchNumber) {
    return packages().stream().filter(p -> batchNumber.equals(p.batchNumber())).toList();
  }

  /**
   * One archive package as listed.
   *
   * @param complete false for a folder without a readable manifest (an interrupted write)
   * @param problem why it is not complete; null when it is
   */
  public record ArchivePackage(
      String batchNumber,
      String name,
      String location,
      String status,
      Instant writtenAt,
      String reason,
      boolean complete,
      String problem)
      implements Serializable {}
}
