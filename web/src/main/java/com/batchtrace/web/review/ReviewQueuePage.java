package com.batchtrace.web.review;

import com.batchtrace.quality.boundary.BatchReview;
import com.batchtrace.quality.boundary.BatchReview.QueueEntry;
import com.batchtrace.quality.boundary.PostReleaseData;
import com.batchtrace.web.shell.PagedModel;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Backing bean of review/index.xhtml, QA's review queue: the batches in review, those with the most
 * open exceptions first, then the longest waiting; each opens the batch review page.
 */
@Named
@ViewScoped
public class ReviewQueuePage implements Serializable {

  private static final long serialVersionUID = 1L;

  private final PagedModel<QueueEntry> queue =
      new PagedModel<>(
          () -> review().queue(0, 0).total(),
          (offset, limit) -> review().queue(offset, limit).rows());

  private static BatchReview review() {
    return CDI.current().select(BatchReview.class).get();
  }

  public PagedModel<QueueEntry> getQueue() {
    return queue;
  }

  private List<PostReleaseData.Summary> afterDecision;

  /**
   * Decided batches with machine data after the decision that QA has not reviewed (once a view).
   */
  public List<PostReleaseData.Summary> getAfterDecision() {
    if (afterDecision == null) {
      afterDecision = CDI.current().select(PostReleaseData.class).get().waiting();
    }
    return afterDecision;
  }

  /** QA's numbers at a glance, each linking to its list; read once per view. */
  public record Dashboard(
      long batchesWaiting,
      String oldestWaitingSince,
      long lotsInQuarantine,
      long recordsAwaitingApproval,
      long batchesWithDataAfterDecision)
      implements Serializable {}

  private Dashboard dashboard;

  public Dashboard getDashboard() {
    if (dashboard == null) {
      var waiting = review().queue(0, 1000).rows();
      String oldest =
          waiting.stream()
              .map(QueueEntry::completedAt)
              .filter(java.util.Objects::nonNull)
              .min(java.util.Comparator.naturalOrder())
              .map(com.batchtrace.platform.SiteZone::format)
              .orElse("");
      long quarantine =
          CDI.current()
              .select(com.batchtrace.genealogy.boundary.LotService.class)
              .get()
              .page(com.batchtrace.genealogy.entity.LotDisposition.QUARANTINE, 0, 1)
              .total();
      long inReview =
          CDI
              .current()
              .select(com.batchtrace.masterdata.boundary.MasterBatchRecordService.class)
              .get()
              .all()
              .stream()
              .filter(r -> r.status().equals("IN_REVIEW"))
              .count();
      dashboard =
          new Dashboard(
              review().queue(0, 0).total(),
              oldest,
              quarantine,
              inReview,
              getAfterDecision().size());
    }
    return dashboard;
  }

  /** Whether any batch waits (the empty state otherwise). */
  public boolean isAnyWaiting() {
    return review().queue(0, 0).total() > 0;
  }
}
