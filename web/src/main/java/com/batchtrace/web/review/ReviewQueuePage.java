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

  /** Whether any batch waits (the empty state otherwise). */
  public boolean isAnyWaiting() {
    return review().queue(0, 0).total() > 0;
  }
}
