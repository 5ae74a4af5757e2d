package com.batchtrace.web.admin;

import com.batchtrace.masterdata.boundary.EquipmentView;
import com.batchtrace.platform.ListFilter;
import com.batchtrace.platform.RuleViolation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The equipment hierarchy as the page shows it: in tree order with each level's nodes by code or by
 * name, and, when filtered, the nodes whose name, code or UNS path contains the text together with
 * every node above them, so each match is seen where it sits. The hierarchy is a plant's few
 * hundred nodes, read whole; so it is filtered here, not in the database.
 */
final class EquipmentTree {

  /** The orders within a level, by the word the page offers. */
  static final Map<String, Comparator<EquipmentView>> ORDERS =
      Map.of(
          "code",
          Comparator.comparing(EquipmentView::code),
          "name",
          Comparator.comparing((EquipmentView e) -> e.name().toLowerCase(Locale.ROOT))
              .thenComparing(EquipmentView::code));

  private EquipmentTree() {}

  /**
   * The nodes to show: those matching the text (all when blank) with their parents, in tree order
   * with each level ordered by the given word ("code" or "name").
   */
  static List<EquipmentView> shown(List<EquipmentView> all, String text, String order) {
    Comparator<EquipmentView> siblings = ORDERS.get(order);
    if (siblings == null) {
      throw new RuleViolation(
          "The equipment can be ordered by code or name; '"
              + (order == null ? "" : order.length() > 40 ? order.substring(0, 40) + "…" : order)
              + "' is not one of them.");
    }
    String wanted = ListFilter.bounded("equipment", text);
    Map<Long, EquipmentView> byId = new HashMap<>();
    all.forEach(e -> byId.put(e.id(), e));
    Set<Long> kept = new HashSet<>();
    for (EquipmentView e : all) {
      if (wanted == null || matches(e, wanted.toLowerCase(Locale.ROOT))) {
        for (EquipmentView n = e; n != null && kept.add(n.id()); ) {
          n = n.parentId() == null ? null : byId.get(n.parentId());
        }
      }
    }
    Map<Long, List<EquipmentView>> children = new HashMap<>();
    List<EquipmentView> roots = new ArrayList<>();
    for (EquipmentView e : all) {
      if (!kept.contains(e.id())) {
        continue;
      }
      if (e.parentId() == null || !byId.containsKey(e.parentId())) {
        roots.add(e);
      } else {
        children.computeIfAbsent(e.parentId(), k -> new ArrayList<>()).add(e);
      }
    }
    List<EquipmentView> shown = new ArrayList<>();
    add(roots, children, siblings, shown);
    return shown;
  }

  private static void add(
      List<EquipmentView> level,
      Map<Long, List<EquipmentView>> children,
      Comparator<EquipmentView> siblings,
      List<EquipmentView> shown) {
    for (EquipmentView e : level.stream().sorted(siblings).toList()) {
      shown.add(e);
      add(children.getOrDefault(e.id(), List.of()), children, siblings, shown);
    }
  }

  private static boolean matches(EquipmentView e, String wanted) {
    return e.name().toLowerCase(Locale.ROOT).contains(wanted)
        || e.code().toLowerCase(Locale.ROOT).contains(wanted)
        || e.unsPath().toLowerCase(Locale.ROOT).contains(wanted);
  }
}
