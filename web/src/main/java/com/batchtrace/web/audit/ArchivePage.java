package com.batchtrace.web.audit;

import com.batchtrace.platform.SiteZone;
import com.batchtrace.quality.boundary.BatchArchive;
import com.batchtrace.quality.boundary.BatchArchive.ArchivePackage;
import com.batchtrace.web.shell.Feedback;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * Backing bean of audit/archive.xhtml: the retention list, every archive package of a batch record,
 * oldest first, with its age and where it is, and the export of the packages of a range of days for
 * long-term storage (prepared here, downloaded from {@link ArchiveExportServlet}). Nothing here
 * deletes or changes a package.
 */
@Named
@ViewScoped
public class ArchivePage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject BatchArchive archive;

  private List<ArchivePackage> packages;
  private LocalDate from = LocalDate.now(SiteZone.zone()).withDayOfYear(1);
  private LocalDate to = LocalDate.now(SiteZone.zone());
  private String exportLink;
  private String exportSummary;

  public List<ArchivePackage> getPackages() {
    if (packages == null) {
      packages = archive.packages();
    }
    return packages;
  }

  public String getDirectory() {
    return BatchArchive.location();
  }

  public String getZone() {
    return SiteZone.zone().getId();
  }

  /** How long ago the package was written: "today", "12 days", "3 months", "2 years 1 month". */
  public String age(ArchivePackage pkg) {
    if (pkg.writtenAt() == null) {
      return "";
    }
    Period p = Period.between(day(pkg.writtenAt()), LocalDate.now(SiteZone.zone()));
    if (p.getYears() > 0) {
      return count(p.getYears(), "year")
          + (p.getMonths() > 0 ? " " + count(p.getMonths(), "month") : "");
    }
    if (p.getMonths() > 0) {
      return count(p.getMonths(), "month");
    }
    return p.getDays() == 0 ? "today" : count(p.getDays(), "day");
  }

  /** Checks the days and prepares the download link, saying how many packages it will hold. */
  public void prepareExport() {
    exportLink = null;
    exportSummary = null;
    if (from.isAfter(to)) {
      Feedback.refuse("The first day (" + from + ") is after the last day (" + to + ").");
      return;
    }
    List<ArchivePackage> chosen =
        getPackages().stream()
            .filter(p -> p.complete() && p.writtenAt() != null)
            .filter(p -> !day(p.writtenAt()).isBefore(from) && !day(p.writtenAt()).isAfter(to))
            .toList();
    if (chosen.isEmpty()) {
      Feedback.refuse(
          "No archive package was written from " + from + " to " + to + ": nothing to export.");
      return;
    }
    exportSummary =
        count(chosen.size(), "package")
            + " written from "
            + from
            + " to "
            + to
            + ", "
            + chosen.get(0).batchNumber()
            + (chosen.size() > 1 ? " to " + chosen.get(chosen.size() - 1).batchNumber() : "")
            + ".";
    exportLink = "archive-export?from=" + from + "&to=" + to;
  }

  private static LocalDate day(Instant at) {
    return at.atZone(SiteZone.zone()).toLocalDate();
  }

  private static String count(int n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }

  public String getExportLink() {
    return exportLink;
  }

  public String getExportSummary() {
    return exportSummary;
  }
}
