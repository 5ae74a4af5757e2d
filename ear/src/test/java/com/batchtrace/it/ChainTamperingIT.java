package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of tampering the database owner can do to one row, on each of the three chains (audit
 * revisions, electronic signatures, security events): UPDATE a row, DELETE a row, INSERT a forged
 * row, and reorder two links. Each attack disables the triggers as the owner role, and the
 * integrity check names the row or link; once the row is put back the chains are intact again.
 */
@Tag("URS-016")
@Tag("URS-040")
class ChainTamperingIT extends DeployedApplication {

  /** A chain, the table whose rows the attacks change, and a second table for the DELETE. */
  enum Chain {
    REVISION("revision", "audit_revision", "equipment_aud"),
    SIGNATURE("signature", "electronic_signature", "electronic_signature"),
    SECURITY_EVENT("security_event", "security_event", "security_event");

    final String name;
    final String table;
    final String deleteTable;

    Chain(String name, String table, String deleteTable) {
      this.name = name;
      this.table = table;
      this.deleteTable = deleteTable;
    }
  }

  static Stream<Arguments> attacks() {
    return Stream.of(Chain.values())
        .flatMap(
            chain ->
                Stream.of("UPDATE", "DELETE", "INSERT", "REORDER")
                    .map(attack -> Arguments.of(chain, attack)));
  }

  @BeforeEach
  void somethingOnEveryChain() {
    RestClient.as(DemoUser.ADMIN).createEnterprise("Tampering subject");
    Signing.review(DemoUser.AUDITOR, DemoUser.PASSWORD, "Subject of the tampering tests.");
    JsonObject before = RogueOwner.verify();
    assertTrue(before.getJsonArray("problems").isEmpty(), "intact before: " + before);
  }

  @ParameterizedTest(name = "{1} on the {0} chain is found")
  @MethodSource("attacks")
  void everyKindOfTamperingIsFoundOnEveryChain(Chain chain, String attack) throws SQLException {
    switch (attack) {
      case "UPDATE" -> update(chain);
      case "DELETE" -> delete(chain);
      case "INSERT" -> insert(chain);
      case "REORDER" -> reorder(chain);
      default -> throw new IllegalArgumentException(attack);
    }
    JsonObject after = RogueOwner.verify();
    assertTrue(
        after.getJsonArray("problems").isEmpty(),
        "intact again once the owner put it back: " + after);
  }

  /** The owner changes a row's content: the check names the row as changed. */
  private static void update(Chain chain) throws SQLException {
    long id = latest(chain.table);
    String column =
        switch (chain) {
          case REVISION -> "reason";
          case SIGNATURE -> "signer_name";
          case SECURITY_EVENT -> "detail";
        };
    String original =
        RogueOwner.value(
            "select " + column + " from batchtrace." + chain.table + " where id = ?", id);
    RogueOwner.withTriggersOff(
        List.of(chain.table),
        "update batchtrace." + chain.table + " set " + column + " = 'Forged' where id = " + id);
    try {
      expect(
          chain, chain.table, String.valueOf(id), "row content was changed after it was recorded");
    } finally {
      RogueOwner.withTriggersOff(
          List.of(chain.table),
          "update batchtrace."
              + chain.table
              + " set "
              + column
              + " = '"
              + original.replace("'", "''")
              + "' where id = "
              + id);
    }
  }

  /** The owner deletes a row: the check names the row as deleted. */
  private static void delete(Chain chain) throws SQLException {
    String table = chain.deleteTable;
    String key =
        chain == Chain.REVISION
            ? RogueOwner.value(
                "select id || '/' || rev from batchtrace." + table + " order by rev desc limit 1")
            : String.valueOf(latest(table));
    String where = chain == Chain.REVISION ? "id || '/' || rev = '" + key + "'" : "id = " + key;
    String saved =
        RogueOwner.value("select to_jsonb(t)::text from batchtrace." + table + " t where " + where);
    RogueOwner.withTriggersOff(
        List.of(table), "delete from batchtrace." + table + " where " + where);
    try {
      expect(chain, table, key, "row was deleted");
    } finally {
      RogueOwner.withTriggersOff(
          List.of(table),
          "insert into batchtrace."
              + table
              + " select * from jsonb_populate_record(null::batchtrace."
              + table
              + ", '"
              + saved.replace("'", "''")
              + "'::jsonb)");
    }
  }

  /** The owner slips in a forged row, without a link: the check names it as not in the chain. */
  private static void insert(Chain chain) throws SQLException {
    long source = latest(chain.table);
    long forged = source + 1_000_000_000L;
    RogueOwner.withTriggersOff(
        List.of(chain.table),
        "insert into batchtrace."
            + chain.table
            + " select * from jsonb_populate_record(null::batchtrace."
            + chain.table
            + ", (select to_jsonb(t) || jsonb_build_object('id', "
            + forged
            + ", 'source_id', null) from batchtrace."
            + chain.table
            + " t where id = "
            + source
            + "))");
    try {
      expect(chain, chain.table, String.valueOf(forged), "row is not in the chain");
    } finally {
      RogueOwner.withTriggersOff(
          List.of(chain.table), "delete from batchtrace." + chain.table + " where id = " + forged);
    }
  }

  /**
   * The owner swaps two links of the chain: the check finds the first that no longer continues the
   * one before it. A checkpoint is signed first, so no checkpoint records the swapped links.
   */
  private static void reorder(Chain chain) throws SQLException {
    RogueOwner.checkpoint();
    long head =
        RogueOwner.number(
            "select position from batchtrace.audit_chain_head where chain = ?", chain.name);
    // Below the head and below the link the checkpoint's own security event added.
    long second = head - 2;
    long first = head - 3;
    String swap =
        "update batchtrace.audit_chain set position = %d where chain = '"
            + chain.name
            + "' and position = %d";
    List<String> swapTwice =
        List.of(
            String.format(swap, -1, first),
            String.format(swap, first, second),
            String.format(swap, second, -1));
    RogueOwner.withTriggersOff(List.of("audit_chain"), swapTwice.toArray(String[]::new));
    try {
      JsonObject first1 = firstProblem(chain);
      assertEquals(first, first1.getJsonNumber("position").longValue(), first1.toString());
      assertTrue(
          first1.getString("problem").contains("does not continue the previous link"),
          first1.toString());
    } finally {
      RogueOwner.withTriggersOff(List.of("audit_chain"), swapTwice.toArray(String[]::new));
    }
  }

  private static void expect(Chain chain, String table, String rowKey, String problem) {
    JsonObject first = firstProblem(chain);
    assertEquals(table, first.getString("table"), first.toString());
    assertEquals(rowKey, first.getString("rowKey"), first.toString());
    assertEquals(problem, first.getString("problem"), first.toString());
  }

  /** The first problem the integrity check reports on the chain. */
  private static JsonObject firstProblem(Chain chain) {
    JsonObject report = RogueOwner.verify();
    return report.getJsonArray("problems").stream()
        .map(p -> p.asJsonObject())
        .filter(p -> chain.name.equals(p.getString("chain")))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("nothing found on chain " + chain.name + ": " + report));
  }

  private static long latest(String table) throws SQLException {
    return RogueOwner.number("select max(id) from batchtrace." + table);
  }
}
