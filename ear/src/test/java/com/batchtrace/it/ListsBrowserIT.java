package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The office lists that grow (lots at receipt and at release, batches at planning and among all
 * batch records, signed audit trail reviews) are filtered in the plant's words, sorted by a
 * column's header and paged with a total; the equipment hierarchy is filtered with the parents of
 * each match kept. Hostile filters and sort columns get a clear message, never an error page.
 */
class ListsBrowserIT extends DeployedApplication {

  @Test
  @Tag("URS-085")
  void lotsAtReceiptAreFilteredByTextStatusAndDaySortedByColumnAndPaged() {
    String material = Lots.material();
    String prefix = Lots.unique("LS");
    int count = 27;
    // Expiry a permutation of the receipt order, so sorting by it is seen to change the rows.
    IntFunction<LocalDate> expiry = i -> LocalDate.now().plusDays(400 + (i * 7) % count);
    List<JsonObject> lots = received(prefix, count, material, expiry);
    Lots.released(lots.get(4));

    Browser.signInAs(DemoUser.ADMIN, "/admin/lots.xhtml");
    OfficePages.type("lots:filter-text", material);
    Browser.driver().findElement(By.id("lots:apply")).click();
    awaitReport("lots:latest", "1-25 of 27");
    awaitRows(
        "lots:latest", 1, lots(prefix, IntStream.rangeClosed(3, count).map(i -> count + 3 - i)));
    nextPage("lots:latest");
    awaitReport("lots:latest", "26-27 of 27");
    awaitRows("lots:latest", 1, List.of(lot(prefix, 2), lot(prefix, 1)));

    sortBy("lots:latest", "Lot");
    awaitRows("lots:latest", 1, lots(prefix, IntStream.rangeClosed(1, 25)));
    sortBy("lots:latest", "Lot");
    awaitRows(
        "lots:latest", 1, lots(prefix, IntStream.rangeClosed(3, count).map(i -> count + 3 - i)));
    sortBy("lots:latest", "Expiry");
    awaitRows("lots:latest", 1, firstBy(prefix, count, Comparator.comparing(expiry::apply), 25));

    new Select(Browser.visible(By.id("lots:filter-status"))).selectByVisibleText("Released");
    Browser.driver().findElement(By.id("lots:apply")).click();
    awaitReport("lots:latest", "1-1 of 1");
    awaitRows("lots:latest", 1, List.of(lot(prefix, 5)));

    new Select(Browser.visible(By.id("lots:filter-status"))).selectByVisibleText("Quarantine");
    OfficePages.type("lots:received-from_input", LocalDate.now().toString());
    Browser.driver().findElement(By.id("lots:apply")).click();
    awaitReport("lots:latest", "1-25 of 26");

    // Clear empties every filter; then none of them received up to yesterday.
    Browser.driver().findElement(By.id("lots:clear")).click();
    Browser.waiting()
        .until(
            d -> d.findElement(By.id("lots:received-from_input")).getAttribute("value").isEmpty());
    String yesterday = LocalDate.now().minusDays(1).toString();
    OfficePages.type("lots:filter-text", material);
    new Select(Browser.visible(By.id("lots:filter-status"))).selectByVisibleText("Quarantine");
    OfficePages.type("lots:received-to_input", yesterday);
    Browser.driver().findElement(By.id("lots:apply")).click();
    awaitEmpty(
        "lots:latest",
        "No lots match “"
            + material
            + "”, status Quarantine, received up to "
            + yesterday
            + ". Clear the filter to see them all.");
  }

  @Test
  @Tag("URS-085")
  void lotsAtReleaseAreFilteredSortedAndPagedInBothLists() {
    String material = Lots.material();
    String prefix = Lots.unique("LR");
    int count = 28;
    List<JsonObject> lots = received(prefix, count, material, i -> LocalDate.now().plusYears(1));
    Lots.released(lots.get(2));
    Lots.released(lots.get(6));
    List<String> waiting =
        lots(prefix, IntStream.rangeClosed(1, count).filter(i -> i != 3 && i != 7));

    Browser.signInAs(DemoUser.REVIEWER, "/review/lots.xhtml");
    OfficePages.type("filter:filter-text", material);
    Browser.driver().findElement(By.id("filter:apply")).click();
    awaitReport("queue:quarantine", "1-25 of 26");
    List<String> newestFirst = new ArrayList<>(waiting);
    java.util.Collections.reverse(newestFirst);
    awaitRows("queue:quarantine", 1, newestFirst.subList(0, 25));
    awaitReport("decided-lots:decisions", "1-2 of 2");
    awaitRows("decided-lots:decisions", 1, List.of(lot(prefix, 7), lot(prefix, 3)));

    sortBy("queue:quarantine", "Lot");
    awaitRows("queue:quarantine", 1, waiting.subList(0, 25));
    nextPage("queue:quarantine");
    awaitReport("queue:quarantine", "26-26 of 26");
    awaitRows("queue:quarantine", 1, List.of(lot(prefix, count)));

    sortBy("decided-lots:decisions", "Lot");
    awaitRows("decided-lots:decisions", 1, List.of(lot(prefix, 3), lot(prefix, 7)));

    OfficePages.type("filter:filter-text", prefix + "-99");
    Browser.driver().findElement(By.id("filter:apply")).click();
    awaitEmpty(
        "queue:quarantine",
        "No lots in quarantine match “" + prefix + "-99”. Clear the filter to see them all.");
    awaitEmpty(
        "decided-lots:decisions",
        "No decided lots match “" + prefix + "-99”. Clear the filter to see them all.");
  }

  @Test
  @Tag("URS-085")
  void batchesAreFilteredByNumberProductAndStatusSortedByColumnAndPaged() {
    String product = Lots.material("FINISHED");
    long record = Recipes.drying(product, Lots.material("RAW"));
    RestClient admin = RestClient.as(DemoUser.ADMIN);
    long line = admin.createLine("Listing plant").getJsonNumber("id").longValue();
    String prefix = Lots.unique("BL");
    int count = 26;
    IntFunction<Integer> planned = i -> 100 + (i * 7) % count;
    for (int i = 1; i <= count; i++) {
      HttpResponse<String> created =
          admin.post(
              "/batches",
              Json.createObjectBuilder()
                  .add("batchNumber", lot(prefix, i))
                  .add("masterBatchRecordId", record)
                  .add("lineId", line)
                  .add("plannedQuantity", planned.apply(i))
                  .build()
                  .toString());
      assertEquals(201, created.statusCode(), created.body());
    }
    List<String> newestFirst =
        lots(prefix, IntStream.rangeClosed(1, count).map(i -> count + 1 - i));

    Browser.signInAs(DemoUser.ADMIN, "/admin/batches.xhtml");
    OfficePages.type("batches:product", product);
    Browser.driver().findElement(By.id("batches:apply")).click();
    awaitReport("batches:all", "1-25 of 26");
    awaitRows("batches:all", 1, newestFirst.subList(0, 25));
    nextPage("batches:all");
    awaitReport("batches:all", "26-26 of 26");
    awaitRows("batches:all", 1, List.of(lot(prefix, 1)));

    sortBy("batches:all", "Batch");
    awaitRows("batches:all", 1, lots(prefix, IntStream.rangeClosed(1, 25)));
    sortBy("batches:all", "Planned quantity");
    awaitRows("batches:all", 1, firstBy(prefix, count, Comparator.comparing(planned::apply), 25));

    OfficePages.type("batches:number", prefix + "-1");
    new Select(Browser.visible(By.id("batches:status"))).selectByVisibleText("Planned");
    Browser.driver().findElement(By.id("batches:apply")).click();
    // -10 … -19 (-01 has no "-1").
    awaitReport("batches:all", "1-10 of 10");
    new Select(Browser.visible(By.id("batches:status"))).selectByVisibleText("Released");
    Browser.driver().findElement(By.id("batches:apply")).click();
    awaitEmpty(
        "batches:all",
        "No batches match “"
            + prefix
            + "-1”, product “"
            + product
            + "”, status Released. Clear the filter to see them all.");

    // All batch records (QA): the same list, here filtered and sorted from the page's address.
    Browser.signInAs(DemoUser.REVIEWER, "/review/batches.xhtml");
    Browser.driver()
        .get(
            TestStack.app("/review/batches.xhtml?product=" + product + "&sort=batch&order=desc")
                .toString());
    awaitReport("batches:all", "1-25 of 26");
    awaitRows("batches:all", 1, newestFirst.subList(0, 25));
    sortBy("batches:all", "Batch");
    awaitRows("batches:all", 1, lots(prefix, IntStream.rangeClosed(1, 25)));
  }

  @Test
  @Tag("URS-085")
  void signedAuditTrailReviewsAreFilteredSortedByPeriodAndPaged() {
    String token = Lots.unique("REVIEWLIST");
    int count = 11;
    // The period's start a permutation of the signing order, so sorting by it changes the rows.
    IntFunction<Integer> daysBack = i -> 20 + (i * 4) % count;
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    RestClient auditor = RestClient.as(DemoUser.AUDITOR);
    for (int i = 1; i <= count; i++) {
      HttpResponse<String> signed =
          auditor.post(
              "/audit-trail-reviews",
              Json.createObjectBuilder()
                  .add("periodFrom", now.minus(daysBack.apply(i), ChronoUnit.DAYS).toString())
                  .add("periodTo", now.minus(1, ChronoUnit.DAYS).toString())
                  .add("conclusion", lot(token, i))
                  .add(
                      "signature",
                      Json.createObjectBuilder()
                          .add("password", DemoUser.PASSWORD)
                          .add("reason", "Listing test"))
                  .build()
                  .toString());
      assertEquals(201, signed.statusCode(), signed.body());
    }

    Browser.signInAs(DemoUser.AUDITOR, "/audit/integrity.xhtml");
    OfficePages.type("reviews-list:filter-text", token.toLowerCase());
    Browser.driver().findElement(By.id("reviews-list:apply")).click();
    awaitReport("reviews-list:latest", "1-10 of 11");
    awaitRows(
        "reviews-list:latest",
        5,
        lots(token, IntStream.rangeClosed(2, count).map(i -> count + 2 - i)));
    nextPage("reviews-list:latest");
    awaitReport("reviews-list:latest", "11-11 of 11");
    awaitRows("reviews-list:latest", 5, List.of(lot(token, 1)));

    sortBy("reviews-list:latest", "Period");
    // Ascending: the earliest start first, the review reaching furthest back.
    awaitRows(
        "reviews-list:latest",
        5,
        firstBy(token, count, Comparator.comparing(daysBack::apply).reversed(), 10));

    String yesterday = LocalDate.now().minusDays(1).toString();
    OfficePages.type("reviews-list:signed-to_input", yesterday);
    Browser.driver().findElement(By.id("reviews-list:apply")).click();
    awaitEmpty(
        "reviews-list:latest",
        "No audit trail reviews match “"
            + token.toLowerCase()
            + "”, signed up to "
            + yesterday
            + ". Clear the filter to see them all.");
  }

  @Test
  @Tag("URS-085")
  void theEquipmentFilterKeepsEachMatchWithTheNodesAboveItInTheChosenOrder() {
    String plant = Lots.unique("Filter plant");
    RestClient admin = RestClient.as(DemoUser.ADMIN);
    JsonObject line = admin.createLine(plant);
    HttpResponse<String> sibling =
        admin.post(
            "/equipment",
            Json.createObjectBuilder()
                .add("parentId", line.getJsonNumber("parentId").longValue())
                .add("code", "alpha")
                .add("name", plant + " zeta")
                .build()
                .toString());
    assertEquals(201, sibling.statusCode(), sibling.body());
    admin.createLine(Lots.unique("Other plant"));

    Browser.signInAs(DemoUser.ADMIN, "/admin/equipment.xhtml");
    OfficePages.type("equipment:filter-text", plant + " area");
    Browser.driver().findElement(By.id("equipment:apply")).click();
    awaitReport("equipment:hierarchy", "1-3 of 3");
    awaitRows("equipment:hierarchy", 1, List.of(plant, plant + " site", plant + " area"));

    // Both lines match the plant's name; by code "alpha" comes first, by name "… line".
    OfficePages.type("equipment:filter-text", plant.toLowerCase());
    Browser.driver().findElement(By.id("equipment:apply")).click();
    awaitRows(
        "equipment:hierarchy",
        1,
        List.of(plant, plant + " site", plant + " area", plant + " zeta", plant + " line"));
    new Select(Browser.visible(By.id("equipment:order"))).selectByVisibleText("Name");
    Browser.driver().findElement(By.id("equipment:apply")).click();
    awaitRows(
        "equipment:hierarchy",
        1,
        List.of(plant, plant + " site", plant + " area", plant + " line", plant + " zeta"));
    awaitReport("equipment:hierarchy", "1-5 of 5");

    OfficePages.type("equipment:filter-text", "no such node " + plant);
    Browser.driver().findElement(By.id("equipment:apply")).click();
    awaitEmpty(
        "equipment:hierarchy",
        "No equipment matches “no such node "
            + plant
            + "” in its name, code or UNS path. Clear the filter to see the whole hierarchy.");
  }

  @Test
  @Tag("URS-086")
  void hostileFiltersAndUnknownSortColumnsAreRefusedWithAClearMessage() {
    String material = Lots.material();
    String lot = Lots.inQuarantine(material).getString("lotNumber");

    // An unknown sort column in the address: said, and the list shown in its own order.
    Browser.signInAs(DemoUser.ADMIN, "/admin/lots.xhtml");
    Browser.driver()
        .get(TestStack.app("/admin/lots.xhtml?sort=drop%20table%20lots&order=asc").toString());
    awaitMessage(
        "lots:messages",
        "Lots can be sorted by expiry, left, lot, material, received; 'drop table lots' is not"
            + " one of them. The list keeps its order.");
    awaitReport("lots:latest", " of ");

    Browser.driver()
        .get(TestStack.app("/admin/lots.xhtml?status=QUARANTINE'%20OR%201=1--").toString());
    awaitMessage(
        "lots:messages",
        "'QUARANTINE' OR 1=1--' is not a status of a lot. Choose one of the list. Nothing was"
            + " searched.");

    // Wildcards and quotes are taken literally: nothing has them in its number or material.
    for (String literal : List.of("%", "_", "' or '1'='1")) {
      OfficePages.type("lots:filter-text", literal);
      Browser.driver().findElement(By.id("lots:apply")).click();
      awaitEmpty(
          "lots:latest", "No lots match “" + literal + "”. Clear the filter to see them all.");
    }

    // A megabyte posted past the field's limit: the field keeps its 100 characters, which match
    // nothing, and the list says so.
    OfficePages.type("lots:filter-text", material);
    Browser.driver().findElement(By.id("lots:apply")).click();
    awaitReport("lots:latest", "1-1 of 1");
    awaitRows("lots:latest", 1, List.of(lot));
    megabyteInto("lots:filter-text");
    Browser.driver().findElement(By.id("lots:apply")).click();
    awaitEmpty(
        "lots:latest", "No lots match “" + FIELD_FULL + "”. Clear the filter to see them all.");

    // Longer than any identifier in the address: refused, and the list shown unfiltered.
    Browser.driver()
        .get(TestStack.app("/admin/lots.xhtml?q=" + "x".repeat(5000) + "&sort=lot").toString());
    awaitMessage(
        "lots:messages",
        "The filter for lots is at most 100 characters; the one given has 5000. Nothing was"
            + " searched.");
    awaitReport("lots:latest", " of ");

    // A day the database cannot hold, typed into the date field: refused with the years allowed.
    Browser.driver().get(TestStack.app("/admin/lots.xhtml").toString());
    OfficePages.type("lots:received-to_input", "+300000-01-01");
    Browser.driver().findElement(By.id("lots:apply")).click();
    awaitMessage(
        "lots:messages",
        "A day of the filter is between the years 2000 and 2999, not +300000-01-01. Nothing was"
            + " searched.");
    awaitReport("lots:latest", " of ");

    Browser.driver().get(TestStack.app("/admin/equipment.xhtml").toString());
    megabyteInto("equipment:filter-text");
    Browser.driver().findElement(By.id("equipment:apply")).click();
    awaitEmpty(
        "equipment:hierarchy",
        "No equipment matches “"
            + FIELD_FULL
            + "” in its name, code or UNS path. Clear the filter to see the whole hierarchy.");

    Browser.signInAs(DemoUser.REVIEWER, "/review/batches.xhtml");
    Browser.driver().get(TestStack.app("/review/batches.xhtml?sort=b.id;delete").toString());
    awaitMessage(
        "batches:messages",
        "Batches can be sorted by batch, line, planned, product, quantity, status; 'b.id;delete'"
            + " is not one of them. The list keeps its order.");
    awaitReport("batches:all", " of ");
    megabyteInto("batches:number");
    Browser.driver().findElement(By.id("batches:apply")).click();
    awaitEmpty(
        "batches:all", "No batches match “" + FIELD_FULL + "”. Clear the filter to see them all.");
    Browser.driver()
        .get(TestStack.app("/review/batches.xhtml?number=" + "x".repeat(5000)).toString());
    awaitMessage(
        "batches:messages",
        "The filter for the batch number is at most 100 characters; the one given has 5000.");

    Browser.signInAs(DemoUser.AUDITOR, "/audit/integrity.xhtml");
    megabyteInto("reviews-list:filter-text");
    Browser.driver().findElement(By.id("reviews-list:apply")).click();
    awaitEmpty(
        "reviews-list:latest",
        "No audit trail reviews match “" + FIELD_FULL + "”. Clear the filter to see them all.");
  }

  /** What a filter field keeps of a megabyte of "x": its 100 characters. */
  private static final String FIELD_FULL = "x".repeat(100);

  private static String lot(String prefix, int i) {
    return String.format("%s-%02d", prefix, i);
  }

  /** Lots numbered prefix-01 … prefix-count, received in that order; returns them. */
  private static List<JsonObject> received(
      String prefix, int count, String material, IntFunction<LocalDate> expiry) {
    List<JsonObject> lots = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      HttpResponse<String> received = Lots.receive(lot(prefix, i), material, expiry.apply(i));
      assertEquals(201, received.statusCode(), received.body());
      lots.add(TestStack.jsonObject(received));
    }
    return lots;
  }

  /** The first {@code limit} of the numbered items in the order of their index's key. */
  private static List<String> firstBy(
      String prefix, int count, Comparator<Integer> order, int limit) {
    return IntStream.rangeClosed(1, count)
        .boxed()
        .sorted(order)
        .limit(limit)
        .map(i -> lot(prefix, i))
        .toList();
  }

  private static List<String> lots(String prefix, IntStream indexes) {
    return indexes.mapToObj(i -> lot(prefix, i)).toList();
  }

  /** Puts 1 MiB into a text field, past its maxlength, as a forged request would. */
  private static void megabyteInto(String id) {
    WebElement field = Browser.visible(By.id(id));
    ((JavascriptExecutor) Browser.driver())
        .executeScript(
            "arguments[0].removeAttribute('maxlength'); arguments[0].value = 'x'.repeat(1048576);",
            field);
  }

  private static void sortBy(String table, String header) {
    clickWhileRedrawn(
        By.xpath(
            "//*[@id='"
                + table
                + "']//th[.//span[contains(@class, 'ui-column-title') and text()='"
                + header
                + "']]"));
  }

  private static void nextPage(String table) {
    clickWhileRedrawn(By.cssSelector("[id='" + table + "'] .ui-paginator-next"));
  }

  /** Clicks the element, found again if the table was redrawn between finding and clicking. */
  private static void clickWhileRedrawn(By locator) {
    Browser.waiting()
        .until(
            d -> {
              d.findElement(locator).click();
              return true;
            });
  }

  private static void awaitReport(String table, String report) {
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[id='" + table + "'] .ui-paginator-current"), report));
  }

  private static void awaitMessage(String messages, String text) {
    Browser.waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id(messages), text));
  }

  private static void awaitEmpty(String table, String message) {
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[id='" + table + "_data'] .ui-datatable-empty-message"), message));
  }

  /**
   * Waits until the table's rows show exactly these texts in the column (1-based), in this order;
   * fails with the rows last shown.
   */
  private static void awaitRows(String table, int column, List<String> expected) {
    AtomicReference<List<String>> shown = new AtomicReference<>(List.of());
    try {
      Browser.waiting()
          .until(
              d -> {
                shown.set(
                    d
                        .findElements(
                            By.cssSelector(
                                "[id='" + table + "_data'] > tr > td:nth-child(" + column + ")"))
                        .stream()
                        .map(c -> c.getText().strip())
                        .toList());
                return shown.get().equals(expected);
              });
    } catch (TimeoutException e) {
      assertEquals(expected, shown.get(), "rows of " + table);
    }
  }
}
