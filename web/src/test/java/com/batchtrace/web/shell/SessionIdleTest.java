package com.batchtrace.web.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The server's session ends after the idle time counted from the user's last request: the pages'
 * background refresh (the terminal's 5-second poll) never extends it.
 */
@Tag("URS-057")
class SessionIdleTest {

  private static final long MINUTE = 60_000;
  private static final long LIMIT = 15 * MINUTE;

  @Test
  void aBackgroundRefreshDoesNotExtendTheSession() {
    HttpSession session = Fakes.session(0);
    assertFalse(SessionIdle.expired(session, false, 0, LIMIT), "the page is opened");

    for (long t = 5_000; t <= LIMIT; t += 5_000) {
      assertFalse(SessionIdle.expired(session, true, t, LIMIT), "within the idle time at " + t);
    }
    assertTrue(
        SessionIdle.expired(session, true, LIMIT + 5_000, LIMIT),
        "15 minutes of polls and no touch: the session has ended");
  }

  @Test
  void theUsersOwnRequestExtendsIt() {
    HttpSession session = Fakes.session(-20 * MINUTE);

    assertFalse(
        SessionIdle.expired(session, false, 10 * MINUTE, LIMIT),
        "the first signed-in request starts the count, however long the sign-in took");
    assertFalse(SessionIdle.expired(session, true, 24 * MINUTE, LIMIT));
    assertTrue(SessionIdle.expired(session, false, 25 * MINUTE + 1, LIMIT));
  }

  @Test
  void aPollIsKnownByItsId() throws Exception {
    Map<String, String> ajax = Map.of("Faces-Request", "partial/ajax");

    assertTrue(
        SessionIdle.isBackground(
            Fakes.request(
                "/terminal/batch.xhtml",
                false,
                ajax,
                Map.of("jakarta.faces.source", "live:background-refresh"))));
    assertFalse(
        SessionIdle.isBackground(
            Fakes.request(
                "/terminal/batch.xhtml",
                false,
                ajax,
                Map.of("jakarta.faces.source", "sign:perform"))));
    assertFalse(
        SessionIdle.isBackground(
            Fakes.request(
                "/terminal/batch.xhtml",
                false,
                Map.of(),
                Map.of("jakarta.faces.source", "live:background-refresh"))),
        "only a Faces AJAX request");
  }

  /** A poll without the id would keep the session alive for ever: every poll carries it. */
  @Test
  void everyPollOfThePagesIsMarkedAsBackground() throws IOException {
    Pattern poll = Pattern.compile("<p:poll\\b[^>]*>");
    List<String> polls;
    try (Stream<Path> pages = Files.walk(Path.of("src/main/webapp"))) {
      polls =
          pages
              .filter(p -> p.toString().endsWith(".xhtml"))
              .flatMap(
                  p -> {
                    Matcher m = poll.matcher(read(p));
                    return m.results().map(r -> p + ": " + r.group());
                  })
              .toList();
    }
    assertEquals(2, polls.size(), polls.toString());
    polls.forEach(
        p ->
            assertTrue(
                p.contains("id=\"" + SessionIdle.BACKGROUND_REFRESH + "\""),
                "not marked as background: " + p));
  }

  private static String read(Path page) {
    try {
      return Files.readString(page);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
