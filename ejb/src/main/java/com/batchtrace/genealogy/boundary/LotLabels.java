package com.batchtrace.genealogy.boundary;

import com.batchtrace.genealogy.control.LotLabelPdf;
import com.batchtrace.genealogy.entity.LotLabelPrint;
import com.batchtrace.genealogy.entity.MaterialLot;
import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.masterdata.entity.Gtin;
import com.batchtrace.platform.RuleViolation;
import com.batchtrace.platform.Settings;
import com.batchtrace.platform.SiteZone;
import com.batchtrace.platform.Units;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lot labels: a printable PDF of a lot's label at the plant's label size (BATCHTRACE_LABEL_SIZE,
 * width x height in mm, default 100x60) with its GS1 DataMatrix. Every print is recorded, the first
 * and each reprint, and a reprint says so on the label.
 */
@ApplicationScoped
public class LotLabels {

  private static final Pattern SIZE = Pattern.compile("(\\d{2,3})x(\\d{2,3})");
  static final String DEFAULT_SIZE = "100x60";

  @PersistenceContext EntityManager em;

  @Inject CurrentActor actor;

  @Inject Clock clock;

  /** A printed label: the PDF, its file name, and whether it is a reprint. */
  public record Label(byte[] pdf, String fileName, boolean reprint) {}

  /** Prints the lot's label, recording the print (a reprint when it was printed before). */
  @Transactional
  public Label print(String lotNumber) {
    actor.require(Roles.OPERATOR, Roles.ADMIN);
    if (lotNumber == null || lotNumber.isBlank() || lotNumber.length() > 64) {
      throw new RuleViolation("Say which lot's label to print. Nothing was printed.");
    }
    MaterialLot lot =
        em.createQuery(
                "select l from MaterialLot l join fetch l.material where l.lotNumber = :n",
                MaterialLot.class)
            .setParameter("n", lotNumber.strip())
            .getResultStream()
            .findFirst()
            .orElseThrow(
                () ->
                    new RuleViolation(
                        "There is no lot " + lotNumber.strip() + ". Nothing was printed."));
    long before =
        em.createQuery("select count(p) from LotLabelPrint p where p.lot = :lot", Long.class)
            .setParameter("lot", lot)
            .getSingleResult();
    String size = size();
    Instant now = clock.instant();
    boolean reprint = before > 0;
    em.persist(
        new LotLabelPrint(
            lot, now, actor.get().userId(), actor.get().displayName(), reprint, size));
    em.flush();
    String gtin = lot.getMaterial().getGtin();
    LotLabelPdf.Content content =
        new LotLabelPdf.Content(
            lot.getMaterial().getName(),
            lot.getMaterial().getCode() + (gtin == null ? "" : " · GTIN " + gtin),
            lot.getLotNumber(),
            Units.quantity(lot.getReceivedQuantity(), lot.getMaterial().getUnit()),
            lot.getExpiry().toString(),
            lot.statusOn(LocalDate.now(clock.withZone(SiteZone.zone()))),
            gtin == null ? null : Gtin.elementString(gtin, lot.getExpiry(), lot.getLotNumber()),
            (reprint ? "REPRINT " + before + " · " : "")
                + "printed "
                + SiteZone.format(now)
                + " by "
                + actor.get().displayName());
    Matcher m = SIZE.matcher(size);
    m.matches();
    return new Label(
        LotLabelPdf.render(content, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))),
        "label-" + lot.getLotNumber().replaceAll("[^A-Za-z0-9-]", "_") + ".pdf",
        reprint);
  }

  /** The configured label size, e.g. 100x60 (mm); an unusable setting falls back to it. */
  static String size() {
    String configured = Settings.text("BATCHTRACE_LABEL_SIZE", DEFAULT_SIZE).strip();
    Matcher m = SIZE.matcher(configured);
    if (!m.matches()) {
      return DEFAULT_SIZE;
    }
    int width = Integer.parseInt(m.group(1));
    int height = Integer.parseInt(m.group(2));
    return width >= 40 && width <= 300 && height >= 25 && height <= 300 ? configured : DEFAULT_SIZE;
  }
}
