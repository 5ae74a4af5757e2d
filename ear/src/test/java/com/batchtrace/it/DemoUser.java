package com.batchtrace.it;

import java.util.Set;

/** The demo users of realm plant (docker/keycloak/realm-plant.json) and what each may open. */
public enum DemoUser {
  OPERATOR1("operator1", "Olivia Ortega", "Terminal"),
  OPERATOR2("operator2", "Omar Okafor", "Terminal"),
  REVIEWER("reviewer", "Rita Reyes", "Review"),
  AUDITOR("auditor", "Ava Adams", "Audit"),
  ADMIN("admin", "Adrian Alvarez", "Admin");

  /** LOCAL DEMO password of every demo user. */
  public static final String PASSWORD = "Demo-Plant-2026";

  /** Every area of the navigation, with the page it opens. */
  public static final Set<String> AREAS = Set.of("Terminal", "Review", "Audit", "Admin");

  public final String username;
  public final String displayName;
  public final String area;

  DemoUser(String username, String displayName, String area) {
    this.username = username;
    this.displayName = displayName;
    this.area = area;
  }

  /** The page of an area in the navigation. */
  public static String pageOf(String area) {
    return switch (area) {
      case "Terminal" -> "/terminal/index.xhtml";
      case "Review" -> "/review/index.xhtml";
      case "Audit" -> "/audit/index.xhtml";
      case "Admin" -> "/admin/equipment.xhtml";
      default -> throw new IllegalArgumentException("No such area: " + area);
    };
  }
}
