package com.batchtrace.web.review;

import com.batchtrace.genealogy.boundary.LotView;
import com.batchtrace.genealogy.boundary.TraceStep;
import com.batchtrace.genealogy.boundary.TracedLot;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import org.primefaces.event.NodeExpandEvent;
import org.primefaces.model.DefaultTreeNode;
import org.primefaces.model.TreeNode;

/**
 * The model of the genealogy tree (resources/bt/genealogyTree.xhtml): a lot, the batches next to
 * it, the lots on their other side, and so on, one step loaded each time a lot is expanded. The
 * first lot comes expanded. A lot or batch already on the path from the first lot is shown but not
 * expanded again ("cycle"): bad data must not make the tree endless. Long lists end in a "more"
 * node that points to the flat table, which holds every lot.
 */
public final class GenealogyTree implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Node types, as the page's p:treeNode templates name them. */
  static final String LOT = "lot";

  static final String BATCH = "batch";
  static final String MORE = "more";

  /** One step of the trace from a lot: the service call, kept with the view. */
  @FunctionalInterface
  public interface Steps extends Serializable {
    TraceStep from(long lotId);
  }

  /**
   * What one node shows.
   *
   * @param label lot number, batch number, or the text of a "more" node
   * @param material the lot's material code; null for a batch
   * @param status a lot's status (its colour) or a batch's status
   * @param consumed how much went into the batch: on the batch forward, on the lot backward
   * @param continues whether a lot can be expanded further
   * @param cycle whether the node is already on the path above, so not expanded again
   */
  public record Entry(
      String type,
      long id,
      String label,
      String material,
      String status,
      String consumed,
      boolean continues,
      boolean cycle)
      implements Serializable {}

  private final Steps steps;
  private final DefaultTreeNode<Entry> root = new DefaultTreeNode<>();

  public GenealogyTree(LotView start, Steps steps) {
    this.steps = steps;
    LotNode first =
        new LotNode(
            new Entry(
                LOT,
                start.id(),
                start.lotNumber(),
                start.materialCode(),
                start.status(),
                null,
                true,
                false),
            root);
    load(first);
  }

  public TreeNode<Entry> getRoot() {
    return root;
  }

  /** The tree's expand listener: a lot expanded for the first time loads its step. */
  public void expand(NodeExpandEvent event) {
    if (event.getTreeNode() instanceof LotNode lot) {
      load(lot);
    }
  }

  private void load(LotNode node) {
    node.setExpanded(true);
    if (node.loaded || node.getData().cycle()) {
      return;
    }
    node.loaded = true;
    Set<String> path = path(node);
    TraceStep step = steps.from(node.getData().id());
    for (TraceStep.Batch batch : step.batches()) {
      boolean cycle = path.contains(BATCH + batch.id());
      TreeNode<Entry> batchNode =
          new DefaultTreeNode<>(
              BATCH,
              new Entry(
                  BATCH,
                  batch.id(),
                  batch.batchNumber(),
                  null,
                  batch.status(),
                  quantity(batch.consumed(), batch.unit()),
                  false,
                  cycle),
              node);
      if (cycle) {
        continue;
      }
      batchNode.setExpanded(true);
      for (TraceStep.Lot lot : batch.lots()) {
        TracedLot l = lot.lot();
        new LotNode(
            new Entry(
                LOT,
                l.id(),
                l.lotNumber(),
                l.materialCode(),
                l.status(),
                quantity(lot.consumed(), lot.unit()),
                lot.continues(),
                path.contains(LOT + l.id())),
            batchNode);
      }
      more(batchNode, batch.lotsLeftOut(), "lots");
    }
    more(node, step.batchesLeftOut(), "batches");
  }

  /** The lots and batches from the first lot down to this one. */
  private static Set<String> path(TreeNode<Entry> node) {
    Set<String> path = new HashSet<>();
    for (TreeNode<Entry> n = node; n != null && n.getData() != null; n = n.getParent()) {
      path.add(n.getData().type() + n.getData().id());
    }
    return path;
  }

  private static void more(TreeNode<Entry> parent, long leftOut, String what) {
    if (leftOut > 0) {
      new DefaultTreeNode<>(
          MORE,
          new Entry(
              MORE,
              0,
              "and " + leftOut + " more " + what + " — see the table below",
              null,
              null,
              null,
              false,
              false),
          parent);
    }
  }

  private static String quantity(BigDecimal quantity, String unit) {
    return quantity == null ? null : quantity.toPlainString() + " " + unit;
  }

  /** A lot: it has children to show before they are loaded, if the trace goes on from it. */
  private static final class LotNode extends DefaultTreeNode<Entry> {

    private static final long serialVersionUID = 1L;

    private boolean loaded;

    LotNode(Entry entry, TreeNode<Entry> parent) {
      super(LOT, entry, parent);
    }

    @Override
    public boolean isLeaf() {
      return loaded ? super.isLeaf() : !getData().continues() || getData().cycle();
    }
  }
}
