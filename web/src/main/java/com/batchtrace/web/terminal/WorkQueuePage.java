package com.batchtrace.web.terminal;

import com.batchtrace.execution.boundary.BatchRecords;
import com.batchtrace.execution.boundary.BatchRunView.QueueEntry;
import com.batchtrace.identity.boundary.Actor;
import com.batchtrace.masterdata.boundary.EquipmentService;
import com.batchtrace.masterdata.boundary.EquipmentView;
import com.batchtrace.web.shell.Feedback;
import com.batchtrace.web.shell.Shell;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Backing bean of terminal/index.xhtml: the work queue of the terminal's line. The line is picked
 * once and remembered on the terminal (a cookie, or {@code ?line=} in the address for a bookmarked
 * terminal), so the next operator signing in at the same terminal sees the same line. A batch is
 * opened by touching it or by scanning its number.
 */
@Named
@ViewScoped
public class WorkQueuePage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The cookie that remembers the terminal's line; it names an equipment id, nothing personal. */
  static final String LINE_COOKIE = "bt-terminal-line";

  private static final int ONE_YEAR = 365 * 24 * 3600;

  @Inject BatchRecords records;

  @Inject EquipmentService equipment;

  @Inject Shell shell;

  private Long lineId;
  private EquipmentView line;
  private List<EquipmentView> lines;
  private List<QueueEntry> queue;
  private String batchNumber;
  private boolean choose;

  /** f:viewAction: the line of the address, else the remembered one; remembers the choice. */
  public void load() {
    if (choose) {
      return;
    }
    if (lineId == null) {
      lineId = rememberedLine().orElse(null);
    }
    line =
        lineId == null
            ? null
            : activeLines().stream().filter(l -> l.id() == lineId).findFirst().orElse(null);
    if (line == null) {
      if (lineId != null && !activeLines().isEmpty()) {
        Feedback.refuse(TerminalText.format("msg.notYourLine"));
      }
      lineId = null;
      return;
    }
    remember(line.id());
    queue = records.workQueue(line.id());
  }

  /** Opens the batch whose number was scanned or typed, when it is in this line's queue. */
  public String open() {
    String wanted = batchNumber == null ? "" : batchNumber.strip();
    batchNumber = null;
    if (wanted.isEmpty()) {
      Feedback.refuse(TerminalText.format("msg.scanBatch"));
      return null;
    }
    queue = records.workQueue(line.id());
    Optional<QueueEntry> entry =
        queue.stream().filter(e -> e.batchNumber().equalsIgnoreCase(wanted)).findFirst();
    if (entry.isEmpty()) {
      Feedback.refuse(TerminalText.format("msg.batchNotReady", wanted, line.name()));
      return null;
    }
    return "/terminal/batch?faces-redirect=true&batch=" + entry.get().batchId();
  }

  /** Active production lines (ISA-88 process cells), in UNS order. */
  public List<EquipmentView> getLines() {
    return activeLines();
  }

  /** The active lines; for an operator, only the lines they are assigned to. */
  private List<EquipmentView> activeLines() {
    if (lines == null) {
      Actor user = shell.getUser();
      lines =
          equipment.hierarchy().stream()
              .filter(node -> "LINE".equals(node.level()) && node.active())
              .filter(node -> !user.viewsOnlyOwnLines() || user.assignedTo(node.unsPath()))
              .toList();
    }
    return lines;
  }

  private static Optional<Long> rememberedLine() {
    Object cookie =
        FacesContext.getCurrentInstance()
            .getExternalContext()
            .getRequestCookieMap()
            .get(LINE_COOKIE);
    if (cookie instanceof Cookie c) {
      try {
        return Optional.of(Long.valueOf(c.getValue()));
      } catch (NumberFormatException notALine) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static void remember(long line) {
    ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
    context.addResponseCookie(
        LINE_COOKIE,
        String.valueOf(line),
        Map.of(
            "maxAge",
            ONE_YEAR,
            "path",
            context.getRequestContextPath() + "/terminal",
            "httpOnly",
            true));
  }

  public EquipmentView getLine() {
    return line;
  }

  public List<QueueEntry> getQueue() {
    return queue;
  }

  public Long getLineId() {
    return lineId;
  }

  public void setLineId(Long lineId) {
    this.lineId = lineId;
  }

  /** {@code ?choose=true}: show the lines to pick another one. */
  public boolean isChoose() {
    return choose;
  }

  public void setChoose(boolean choose) {
    this.choose = choose;
  }

  public String getBatchNumber() {
    return batchNumber;
  }

  public void setBatchNumber(String batchNumber) {
    this.batchNumber = batchNumber;
  }
}
