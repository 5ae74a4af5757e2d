package com.batchtrace.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Operator terminals under load (issue 6): N simulated terminals, each on a line of its own with
 * two operators of its own, work through batches over /api/v1/executions at the same time. Per
 * step: start, scan a lot, enter a value, sign "performed" (the step confirmation: the operator's
 * password is checked at Keycloak), and the second operator's "verified" signature; then the batch
 * is completed, signed "performed" too. Every request is timed; any answer other than 2xx is an
 * error (the benchmark makes no request that a rule should refuse).
 *
 * <p>The reference, in the same run and at the same concurrency and pacing: the same number of
 * writes as one value each to POST /api/v1/process-values as the gateway client, the plainest
 * authenticated write the API has (no rules, no signature, one short transaction). And, to show
 * what a signature costs by itself, Keycloak's password grant plus logout exactly as the server's
 * PasswordCheck makes it, straight at Keycloak.
 *
 * <p>Everything is set up through the API and Keycloak's admin API on the benchmark's own server
 * and Keycloak (./batchtrace bench terminals), before the clock runs.
 */
public final class TerminalBenchmark {

  private static final String PASSWORD = "Demo-Plant-2026"; // LOCAL DEMO ONLY (realm plant)
  private static final String CLIENT_SECRET = "batchtrace-demo-secret"; // LOCAL DEMO ONLY
  private static final String GATEWAY_SECRET = "plant-gateway-demo-secret"; // LOCAL DEMO ONLY
  private static final String PARAMETER = "Weight check";
  private static final Duration TOKEN_AGE = Duration.ofSeconds(200); // realm: 300 s lifespan

  private final String app = setting("BENCH_APP_URL", "http://localhost:8480/batchtrace");
  private final String keycloak = setting("BENCH_KEYCLOAK_URL", "http://localhost:8580");
  private final String keycloakAdminPassword = setting("KC_ADMIN_PASSWORD", "Admin-Local-1");
  private final int terminals = Integer.parseInt(setting("BENCH_TERMINALS", "50"));
  private final int steps = Integer.parseInt(setting("BENCH_STEPS", "3"));
  private final int pacedBatches = Integer.parseInt(setting("BENCH_BATCHES", "2"));
  private final int flatOutBatches = Integer.parseInt(setting("BENCH_FLAT_OUT_BATCHES", "1"));
  private final long thinkMs = Long.parseLong(setting("BENCH_THINK_MS", "5000"));
  private final String run =
      "T" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);

  private final CpuMeter cpu = new CpuMeter(processGroups());

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .executor(Executors.newFixedThreadPool(4))
          .build();

  /** One terminal: its line, its lot, its operators (a performs, b verifies) and its batches. */
  private record Terminal(
      int number, long lineId, String topic, String lot, Token performer, String verifier) {}

  /**
   * Keycloak's and WildFly's process groups, as ./batchtrace passes them; a clustered site's as
   * BENCH_PROCESS_GROUPS, {@code name=pgid} pairs separated by commas.
   */
  private static Map<String, String> processGroups() {
    Map<String, String> groups = new LinkedHashMap<>();
    String listed = setting("BENCH_PROCESS_GROUPS", "");
    if (!listed.isBlank()) {
      for (String pair : listed.split(",")) {
        groups.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
      return groups;
    }
    groups.put("Keycloak", setting("BENCH_KEYCLOAK_PGID", ""));
    groups.put("WildFly (Batchtrace)", setting("BENCH_SERVER_PGID", ""));
    return groups;
  }

  public static void main(String[] args) {
    String mode = args.length > 0 ? args[0] : "terminals";
    int status;
    try {
      TerminalBenchmark bench = new TerminalBenchmark();
      boolean pass =
          switch (mode) {
            case "terminals" -> bench.bench();
            case "cluster" -> bench.cluster();
            case "failover" -> bench.failover();
            default ->
                throw new IllegalArgumentException(
                    "mode terminals, cluster or failover, not " + mode);
          };
      status = pass ? 0 : 1;
    } catch (Exception | Error e) {
      e.printStackTrace();
      status = 2;
    }
    System.exit(status); // the HTTP client's threads would keep the JVM up
  }

  private boolean bench() throws Exception {
    List<Terminal> all = setUpAndWarmUp("Operator terminal benchmark");
    long recordId = masterBatchRecord;

    List<Long> grants = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      long t0 = System.nanoTime();
      signatureAtKeycloak(all.get(i % all.size()).verifier());
      grants.add(System.nanoTime() - t0);
    }

    boolean pass = true;
    String pacing = pacing();
    pass &= phase("PACED (the goal): " + pacing, all, recordId, pacedBatches, thinkMs, true);
    pass &=
        phase(
            "FLAT OUT (no think time: the most the server does)",
            all,
            recordId,
            flatOutBatches,
            0,
            false);

    Collections.sort(grants);
    System.out.printf(
        Locale.ROOT,
        "%nA signature's password check alone (Keycloak password grant + logout, as"
            + " PasswordCheck makes it, sequential on an idle stack, 20 times):%n    p50 %7.1f ms  "
            + " p95 %7.1f ms%n",
        millis(percentile(grants, 50)),
        millis(percentile(grants, 95)));
    keycloakUnderLoad(all);
    System.out.printf(Locale.ROOT, "%nResult: %s%n", pass ? "PASS" : "FAIL");
    return pass;
  }

  // --- a clustered site ---

  /** A request as it happened: epoch milliseconds of its start and end. */
  /** One request: its action, when it started and ended, and what went wrong (null when 2xx). */
  private record Timed(String action, long start, long end, String error, long nanos) {
    boolean ok() {
      return error == null;
    }
  }

  /** What kind of error an answer is, in a few words, so a run's errors can be told apart. */
  static String errorKind(int status, String answer) {
    String body = answer == null ? "" : answer;
    if (status == -1) {
      return "no answer (the connection closed: a node died with the request)";
    }
    if (body.contains("Signing is unavailable")) {
      return status + " signing unavailable (Keycloak's password check took longer than 10 s)";
    }
    if (status == 503 && body.contains("database cannot be reached")) {
      return "503 the database cannot be reached (try again)";
    }
    if (status == 503 || status == 502) {
      return status + " from HAProxy (no node could answer)";
    }
    return status + " other";
  }

  private static void printErrorKinds(String when, Stream<Timed> requests) {
    Map<String, Long> kinds =
        requests
            .filter(r -> !r.ok())
            .collect(Collectors.groupingBy(Timed::error, TreeMap::new, Collectors.counting()));
    kinds.forEach(
        (kind, n) -> System.out.printf(Locale.ROOT, "    errors %s: %,d x %s%n", when, n, kind));
  }

  private String pacing() {
    return String.format(
        Locale.ROOT,
        "think time %d ms (uniform %d to %d ms) after every action",
        thinkMs,
        thinkMs / 2,
        thinkMs * 3 / 2);
  }

  /** Set-up, its heading and the warm-up batch of every terminal (not counted). */
  private List<Terminal> setUpAndWarmUp(String what) throws Exception {
    Instant setupStart = Instant.now();
    List<Terminal> all = setUp();
    System.out.printf(
        Locale.ROOT,
        "%n%s: %d terminals, each on its own line with two operators of its own;%n  a batch is %d"
            + " steps of: start, scan a lot, enter a value, perform (signature), verify (second"
            + " person's signature); then complete (signature).%n  Set-up through %s: %.0f s (not"
            + " measured), then a warm-up batch per terminal (not counted).%n",
        what,
        terminals,
        steps,
        app,
        seconds(Duration.between(setupStart, Instant.now())));
    // Paced so that the warm-up offers the same steps a second whatever the number of terminals
    // (1 s of think time for 50); a tap that fails is repeated as in a failover run, so that every
    // line is free again for the measured batches.
    boolean recovering = recover;
    recover = true;
    Recorder warmUp = new Recorder(app);
    runTerminals(all, plan(all, masterBatchRecord, 1), Math.min(thinkMs, terminals * 20L), warmUp);
    recover = recovering;
    System.out.printf(
        Locale.ROOT,
        "  warm-up: %d requests, %d errors (not counted)%n",
        warmUp.total(),
        warmUp.errors());
    warmUp.printErrors();
    return all;
  }

  /**
   * The terminals through HAProxy against both nodes (judged), then the same load on one node
   * directly, bypassing HAProxy (the comparison), in the same run on the same stack.
   */
  private boolean cluster() throws Exception {
    String node = setting("BENCH_NODE_URL", "http://localhost:8730/batchtrace");
    List<Terminal> all = setUpAndWarmUp("Clustered site, operator terminals");
    Recorder two = new Recorder(app);
    measured(
        "THROUGH HAPROXY, TWO NODES (the goal): " + pacing(),
        all,
        masterBatchRecord,
        pacedBatches,
        thinkMs,
        two);
    two.printErrors();
    boolean pass = goal(two.p95("perform"), two.errors(), "through HAProxy");
    Recorder one = new Recorder(node);
    measured(
        "ONE NODE DIRECTLY (the comparison, " + node + "): " + pacing(),
        all,
        masterBatchRecord,
        pacedBatches,
        thinkMs,
        one);
    one.printErrors();
    System.out.printf(
        Locale.ROOT,
        "%nTwo nodes through HAProxy / one node directly: p95 of a step confirmation %.1f ms /"
            + " %.1f ms, errors %d / %d%n",
        two.p95("perform"),
        one.p95("perform"),
        two.errors(),
        one.errors());
    System.out.printf(Locale.ROOT, "%nResult: %s%n", pass ? "PASS" : "FAIL");
    return pass;
  }

  /**
   * The terminals through HAProxy while the script breaks a part of the site half way (a node
   * killed, or the database failed over) and writes the moment to BENCH_FAULT_AT. Errors are
   * allowed only from that moment to the last error (the failover window, at most
   * BENCH_FAILOVER_WINDOW_S), the p95 of a step confirmation after the window must stay under 300
   * ms, and every signing the terminals saw acknowledged must be in the batch records, once, and
   * VALID in the signature register.
   */
  private boolean failover() throws Exception {
    recover = true;
    Path started = Path.of(setting("BENCH_STARTED_MARKER", ".stack/bench-terminals.started"));
    Path faultFile = Path.of(setting("BENCH_FAULT_AT", ".stack/bench-fault.at"));
    long windowLimit = Long.parseLong(setting("BENCH_FAILOVER_WINDOW_S", "30"));
    Files.deleteIfExists(faultFile);
    List<Terminal> all = setUpAndWarmUp("Failover run, operator terminals through HAProxy");
    Files.writeString(started, Instant.now().toString());
    Recorder rec = new Recorder(app);
    measured(
        "DURING THE FAILOVER: " + pacing(), all, masterBatchRecord, pacedBatches, thinkMs, rec);
    if (!Files.exists(faultFile)) {
      System.out.println("  the fault did not happen during the terminals' run: FAIL");
      return false;
    }
    long faultAt = Long.parseLong(Files.readString(faultFile).strip());
    List<Timed> timeline = rec.timeline();
    long before = timeline.stream().filter(r -> !r.ok() && r.end() < faultAt).count();
    long lastError =
        timeline.stream().filter(r -> !r.ok()).mapToLong(Timed::end).max().orElse(faultAt);
    double window = Math.max(0, lastError - faultAt) / 1000.0;
    List<Long> after = new ArrayList<>();
    timeline.stream()
        .filter(r -> r.action().equals("perform") && r.start() > lastError)
        .forEach(r -> after.add(r.nanos()));
    Collections.sort(after);
    double p95After = millis(percentile(after, 95));
    // Recovered: the first request that started after the fault (or after its last error) and was
    // answered 2xx; a request may also have waited through the fault instead of failing.
    long recovered =
        timeline.stream()
            .filter(r -> r.ok() && r.start() >= Math.max(faultAt, lastError))
            .mapToLong(Timed::end)
            .min()
            .orElse(Long.MAX_VALUE);
    long slowest =
        timeline.stream()
            .filter(r -> r.start() <= faultAt && r.end() >= faultAt)
            .mapToLong(Timed::nanos)
            .max()
            .orElse(0);
    rec.printErrors();
    System.out.printf(
        Locale.ROOT,
        "  the fault at %s; errors before it: %d; errors from it on: %d (%d taps repeated after"
            + " the page was shown again)%n",
        Instant.ofEpochMilli(faultAt),
        before,
        rec.errors() - before,
        rec.count("reload"));
    printErrorKinds("before the fault", timeline.stream().filter(r -> r.end() < faultAt));
    printErrorKinds("from the fault on", timeline.stream().filter(r -> r.end() >= faultAt));
    System.out.printf(
        Locale.ROOT,
        "  recovered: the first request started after the fault%s answered %.1f s after the"
            + " fault; the slowest request in flight at the fault took %.1f s%n",
        lastError > faultAt ? " and its last error" : "",
        recovered == Long.MAX_VALUE ? Double.NaN : (recovered - faultAt) / 1000.0,
        slowest / 1e9);
    boolean windowOk = before == 0 && window <= windowLimit;
    boolean latency = !after.isEmpty() && p95After < 300;
    System.out.printf(
        Locale.ROOT,
        "  goal: errors only in the failover window (from the fault to the last error, at most"
            + " %d s): %.1f s  %s%n"
            + "  goal: p95 of a step confirmation after the window < 300 ms: %.1f ms (%d"
            + " confirmations)  %s%n"
            + "  goal: no batch abandoned (a tap not done within %d s): %d  %s%n",
        windowLimit,
        window,
        windowOk ? "PASS" : "FAIL",
        p95After,
        after.size(),
        latency ? "PASS" : "FAIL",
        RECOVERY.toSeconds(),
        abandoned.get(),
        abandoned.get() == 0 ? "PASS" : "FAIL");
    boolean signed = signedStepsKept(all);
    boolean register = registerValid();
    boolean pass = windowOk && latency && abandoned.get() == 0 && signed && register;
    System.out.printf(Locale.ROOT, "%nTerminals: %s%n", pass ? "PASS" : "FAIL");
    return pass;
  }

  /**
   * Every signing a terminal saw done (answered 2xx, or shown done when the page was read again) is
   * in its batch record exactly once: a step performed and verified, a batch completed.
   */
  private boolean signedStepsKept(List<Terminal> all) throws Exception {
    Recorder check = new Recorder(app);
    long performed = 0;
    long verified = 0;
    long completed = 0;
    long twice = 0;
    for (Map.Entry<Long, Terminal> b : everyBatch.entrySet()) {
      JsonObject batchRun =
          check.get("read", b.getValue().performer(), "/executions/" + b.getKey());
      if (batchRun == null) {
        throw new IllegalStateException("Batch " + b.getKey() + " cannot be read");
      }
      completed += "IN_PROGRESS".equals(batchRun.getString("status")) ? 0 : 1;
      for (JsonValue v : batchRun.getJsonArray("steps")) {
        Map<String, Long> meanings = new LinkedHashMap<>();
        for (JsonValue sig : v.asJsonObject().getJsonArray("signatures")) {
          meanings.merge(sig.asJsonObject().getString("meaning"), 1L, Long::sum);
        }
        performed += text(v.asJsonObject(), "performedAt") == null ? 0 : 1;
        verified += text(v.asJsonObject(), "verifiedAt") == null ? 0 : 1;
        twice += meanings.values().stream().filter(n -> n > 1).count();
      }
    }
    long ackPerformed = acknowledgedCount("perform");
    long ackVerified = acknowledgedCount("verify");
    long ackCompleted = acknowledgedCount("complete");
    boolean pass =
        performed == ackPerformed
            && verified == ackVerified
            && completed == ackCompleted
            && twice == 0;
    System.out.printf(
        Locale.ROOT,
        "  signed steps: acknowledged to the terminals / in the batch records: performed %,d /"
            + " %,d, verified %,d / %,d, batches completed %,d / %,d; a meaning signed twice on"
            + " a step: %d  %s%n",
        ackPerformed,
        performed,
        ackVerified,
        verified,
        ackCompleted,
        completed,
        twice,
        pass ? "PASS" : "FAIL");
    return pass;
  }

  private long acknowledgedCount(String action) {
    AtomicLong n = acknowledged.get(action);
    return n == null ? 0 : n.get();
  }

  /**
   * The signature register as an auditor reads it (GET /signatures, each signature's content hash
   * recomputed when read): every signature of the site VALID, and the run's operators' signatures
   * as many as the terminals saw acknowledged.
   */
  private boolean registerValid() throws Exception {
    Token auditor = Token.user(this, "auditor");
    Recorder check = new Recorder(app);
    long total = 0;
    long invalid = 0;
    long ours = 0;
    String prefix = run.toLowerCase(Locale.ROOT) + "-t";
    for (int offset = 0; offset < 1_000_000; offset += 500) {
      JsonObject page = check.get("register", auditor, "/signatures?limit=500&offset=" + offset);
      if (page == null) {
        throw new IllegalStateException("The signature register cannot be read");
      }
      var rows = page.getJsonArray("rows");
      for (JsonValue v : rows) {
        total++;
        invalid += v.asJsonObject().getBoolean("valid") ? 0 : 1;
        ours += v.asJsonObject().getString("signerId").startsWith(prefix) ? 1 : 0;
      }
      if (rows.size() < 500) {
        break;
      }
    }
    long expected =
        acknowledgedCount("perform") + acknowledgedCount("verify") + acknowledgedCount("complete");
    boolean pass = invalid == 0 && ours == expected;
    System.out.printf(
        Locale.ROOT,
        "  signature register: %,d signatures, %,d not VALID; the terminals' operators' %,d (%,d"
            + " acknowledged)  %s%n",
        total,
        invalid,
        ours,
        expected,
        pass ? "PASS" : "FAIL");
    return pass;
  }

  // --- the measured phases ---

  /** Terminals, then the reference with as many writes, the same concurrency and pacing. */
  private boolean phase(
      String title, List<Terminal> all, long recordId, int batchesEach, long think, boolean judged)
      throws Exception {
    Recorder terminalsRec = new Recorder(app);
    double terminalSeconds = measured(title, all, recordId, batchesEach, think, terminalsRec);
    long writes = terminalsRec.writes();
    long perTerminal = writes / all.size();
    Recorder referenceRec = new Recorder(app);
    double referenceSeconds = runReference(all, perTerminal, think, referenceRec);
    double writesPerSecond = writes / terminalSeconds;

    System.out.printf(
        Locale.ROOT,
        "  reference: bare REST write, POST /api/v1/process-values as the gateway, one value a"
            + " request,%n    %,d requests (%d per thread, as many as the terminals' writes),"
            + " same concurrency and pacing, %.1f s%n",
        referenceRec.total(),
        perTerminal,
        referenceSeconds);
    referenceRec.print("process-value");
    double referencePerSecond = referenceRec.total() / referenceSeconds;
    System.out.printf(
        Locale.ROOT,
        "  throughput: %.1f writes/s%n  terminals / reference:  writes/s %.2f,  p95 of a step"
            + " confirmation / p95 of a bare write %.1fx%n",
        referencePerSecond,
        writesPerSecond / referencePerSecond,
        terminalsRec.p95("perform") / referenceRec.p95("process-value"));

    long errors = terminalsRec.errors() + referenceRec.errors();
    terminalsRec.printErrors();
    referenceRec.printErrors();
    if (!judged) {
      System.out.printf(Locale.ROOT, "  errors: %d (no goal on this phase's latency)%n", errors);
      return errors == 0;
    }
    return goal(terminalsRec.p95("perform"), errors, "terminals and reference");
  }

  /** The goal of a judged phase: p95 of a step confirmation under 300 ms and no errors. */
  private static boolean goal(double p95, long errors, String where) {
    boolean latency = p95 < 300;
    boolean clean = errors == 0;
    System.out.printf(
        Locale.ROOT,
        "  goal: p95 of a step confirmation < 300 ms: %.1f ms  %s%n"
            + "  goal: no errors (%s): %d  %s%n",
        p95,
        latency ? "PASS" : "FAIL",
        where,
        errors,
        clean ? "PASS" : "FAIL");
    return latency && clean;
  }

  /**
   * Plans the batches, runs the terminals through them and prints their table, throughput and where
   * the CPU went; returns the seconds.
   */
  private double measured(
      String title, List<Terminal> all, long recordId, int batchesEach, long think, Recorder rec)
      throws Exception {
    Map<Terminal, List<Long>> batches = plan(all, recordId, batchesEach);
    CpuMeter.Reading before = cpu.read();
    double terminalSeconds = runTerminals(all, batches, think, rec);
    CpuMeter.Reading after = cpu.read();
    Recorder terminalsRec = rec;
    long writes = terminalsRec.writes();
    long performed = terminalsRec.count("perform");
    System.out.printf(
        Locale.ROOT,
        "%n%s%n  %d terminals x %d batches x %d steps = %,d step confirmations, %.1f s%n",
        title,
        all.size(),
        batchesEach,
        steps,
        performed,
        terminalSeconds);
    System.out.printf(
        Locale.ROOT,
        "    %-30s %7s %9s %9s %9s %9s %7s%n",
        "action",
        "count",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "max ms",
        "errors");
    for (String action : terminalsRec.actions()) {
      terminalsRec.print(action);
    }
    double actionsPerSecond = terminalsRec.total() / terminalSeconds;
    double writesPerSecond = writes / terminalSeconds;
    System.out.printf(
        Locale.ROOT,
        "  throughput: %.1f actions/s (%.1f writes/s), %.2f steps/s, %.2f batches/s%n",
        actionsPerSecond,
        writesPerSecond,
        performed / terminalSeconds,
        terminalsRec.count("complete") / terminalSeconds);
    CpuMeter.print(before, after, performed, "step");
    return terminalSeconds;
  }

  /** Each terminal on a thread of its own works through its batches; returns the seconds. */
  private double runTerminals(
      List<Terminal> all, Map<Terminal, List<Long>> batches, long think, Recorder rec)
      throws Exception {
    return concurrently(
        all,
        t -> {
          for (long batch : batches.get(t)) {
            work(t, batch, think, rec);
          }
        });
  }

  /** What one terminal's thread does. */
  private interface PerTerminal {
    void run(Terminal t) throws Exception;
  }

  /** A thread per terminal, all at once; returns the seconds until the last one finished. */
  private static double concurrently(List<Terminal> all, PerTerminal task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(all.size());
    try {
      long t0 = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (Terminal t : all) {
        done.add(
            pool.submit(
                () -> {
                  task.run(t);
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      return (System.nanoTime() - t0) / 1e9;
    } finally {
      pool.shutdown();
    }
  }

  private void work(Terminal t, long batch, long think, Recorder rec) throws Exception {
    String base = "/executions/" + batch;
    for (int step = 1; step <= steps; step++) {
      String s = base + "/steps/" + step;
      int at = step;
      pause(think);
      boolean ok =
          tap(
                  rec,
                  t,
                  batch,
                  "start",
                  s + "/start",
                  "{}",
                  r -> "NOT_STARTED".equals(step(r, at).getString("status")) ? null : "started")
              && pause(think)
              && tap(
                  rec,
                  t,
                  batch,
                  "scan",
                  s + "/scans",
                  json("lotNumber", t.lot(), "quantity", 10),
                  r -> step(r, at).getJsonArray("charges").isEmpty() ? null : "charged")
              && pause(think)
              && tap(
                  rec,
                  t,
                  batch,
                  "entry",
                  s + "/entries",
                  json("parameter", PARAMETER, "value", 50),
                  r -> step(r, at).getJsonArray("entries").isEmpty() ? null : "entered")
              && pause(think)
              && tap(
                  rec,
                  t,
                  batch,
                  "perform",
                  s + "/perform",
                  json("password", PASSWORD),
                  r -> text(step(r, at), "performedAt"))
              && pause(think)
              && tap(
                  rec,
                  t,
                  batch,
                  "verify",
                  s + "/verify",
                  json("username", t.verifier(), "password", PASSWORD),
                  r -> text(step(r, at), "verifiedAt"));
      if (!ok) {
        return;
      }
    }
    pause(think);
    tap(
        rec,
        t,
        batch,
        "complete",
        base + "/complete",
        json("lotNumber", run + "-" + batch, "quantity", 100, "password", PASSWORD),
        r -> "IN_PROGRESS".equals(r.getString("status")) ? null : "completed");
  }

  /** What the batch's record shows of an action: non-null once it is done. */
  private interface Shown {
    String in(JsonObject batchRun);
  }

  /**
   * One tap of a terminal. In a failover run a tap that fails is followed, as on the shop floor, by
   * the page shown again (the batch read afresh) and the tap repeated until the record shows it
   * done, within {@link #RECOVERY}; a tap found done is not sent twice (a signature is never given
   * twice). Returns whether the action is done; the batch is abandoned (and counted) when not.
   */
  private boolean tap(
      Recorder rec, Terminal t, long batch, String action, String path, String body, Shown shown)
      throws Exception {
    boolean ok = rec.post(action, t.performer(), path, body);
    Instant end = Instant.now().plus(RECOVERY);
    while (!ok && recover && Instant.now().isBefore(end)) {
      Thread.sleep(RETAP_MS); // the operator reads the error, then the page is shown again
      JsonObject batchRun = rec.get("reload", t.performer(), "/executions/" + batch);
      if (batchRun != null && shown.in(batchRun) != null) {
        ok = true;
      } else if (batchRun != null) {
        ok = rec.post(action, t.performer(), path, body);
      }
    }
    if (ok) {
      acknowledged.computeIfAbsent(action, a -> new AtomicLong()).incrementAndGet();
    } else if (recover) {
      abandoned.incrementAndGet();
    }
    return ok;
  }

  private static final Duration RECOVERY = Duration.ofSeconds(90);

  /** How long an operator takes to read an error before the page is shown again. */
  private static final int RETAP_MS = 500;

  private boolean recover;
  private final Map<String, AtomicLong> acknowledged = new ConcurrentHashMap<>();
  private final AtomicLong abandoned = new AtomicLong();

  private static JsonObject step(JsonObject batchRun, int position) {
    for (JsonValue v : batchRun.getJsonArray("steps")) {
      if (v.asJsonObject().getInt("position") == position) {
        return v.asJsonObject();
      }
    }
    throw new IllegalStateException("No step " + position + " in " + batchRun);
  }

  /** A field's text, or null when it is absent or null. */
  private static String text(JsonObject o, String name) {
    return o.containsKey(name) && !o.isNull(name) ? o.get(name).toString() : null;
  }

  /** The gateway posts one value a request to the terminal's line, as often as it wrote. */
  private double runReference(List<Terminal> all, long perThread, long think, Recorder rec)
      throws Exception {
    Token gateway = Token.client(this, "plant-gateway", GATEWAY_SECRET);
    AtomicLong clock = new AtomicLong(Instant.now().toEpochMilli() * 1000);
    return concurrently(
        all,
        t -> {
          for (long i = 0; i < perThread; i++) {
            pause(think);
            Instant at = Instant.EPOCH.plusNanos(clock.incrementAndGet() * 1000);
            String body =
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("topic", t.topic())
                            .add("value", 100 + i % 10)
                            .add("timestamp", at.toString()))
                    .build()
                    .toString();
            rec.post("process-value", gateway, "/process-values", body);
          }
        });
  }

  /** The password checks of a flat-out phase, straight at Keycloak, at the same concurrency. */
  private void keycloakUnderLoad(List<Terminal> all) throws Exception {
    int each = 2 * steps;
    Recorder rec = new Recorder(app);
    CpuMeter.Reading before = cpu.read();
    double s =
        concurrently(
            all,
            t -> {
              for (int i = 0; i < each; i++) {
                long t0 = System.nanoTime();
                signatureAtKeycloak(t.verifier());
                rec.record("grant+logout", System.nanoTime() - t0, true, null);
              }
            });
    System.out.printf(
        Locale.ROOT,
        "The same at Keycloak with %d threads at once, no think time (%d checks each, as many as"
            + " a batch signs):%n",
        all.size(),
        each);
    rec.print("grant+logout");
    System.out.printf(
        Locale.ROOT,
        "  %.1f password checks/s at most: a step needs two (performed, verified), so at most"
            + " %.1f steps/s on this machine%n",
        rec.total() / s,
        rec.total() / s / 2);
    CpuMeter.print(before, cpu.read(), rec.total(), "check");
  }

  /** What PasswordCheck does at a signature: a password grant, then ending its session. */
  private void signatureAtKeycloak(String username) throws IOException, InterruptedException {
    HttpResponse<String> token =
        send(
            HttpRequest.newBuilder(
                    URI.create(keycloak + "/realms/plant/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&scope=openid&client_id=batchtrace&client_secret="
                            + CLIENT_SECRET
                            + "&username="
                            + encode(username)
                            + "&password="
                            + encode(PASSWORD))));
    if (token.statusCode() != 200) {
      throw new IllegalStateException("Keycloak refused " + username + ": " + token.body());
    }
    String refresh = parse(token.body()).getString("refresh_token");
    send(
        HttpRequest.newBuilder(
                URI.create(keycloak + "/realms/plant/protocol/openid-connect/logout"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "client_id=batchtrace&client_secret="
                        + CLIENT_SECRET
                        + "&refresh_token="
                        + encode(refresh))));
  }

  // --- set-up, through the API (not measured) ---

  private long masterBatchRecord;
  private Token admin;

  private List<Terminal> setUp() throws Exception {
    createOperators();
    admin = Token.user(this, "admin");
    Token reviewer = Token.user(this, "reviewer");
    long enterprise =
        id(
            expect(
                201,
                admin,
                "/equipment",
                json("code", run.toLowerCase(Locale.ROOT), "name", "Terminal benchmark plant")));
    long site = id(expect(201, admin, "/equipment", equipment(enterprise, "site")));
    long area = id(expect(201, admin, "/equipment", equipment(site, "area")));
    String material = run + "-RAW";
    String product = run + "-FG";
    expect(201, admin, "/materials", material(material, "RAW"));
    expect(201, admin, "/materials", material(product, "FINISHED"));
    masterBatchRecord = id(expect(201, admin, "/master-batch-records", record(product, material)));
    expect(200, admin, "/master-batch-records/" + masterBatchRecord + "/submit", "{}");
    expect(
        200,
        reviewer,
        "/master-batch-records/" + masterBatchRecord + "/approve",
        json("password", PASSWORD));

    List<Terminal> all = new ArrayList<>();
    for (int i = 1; i <= terminals; i++) {
      long line = id(expect(201, admin, "/equipment", equipment(area, "line" + i)));
      String topic =
          parse(
                  expect(
                      200,
                      admin,
                      "/uns-tags",
                      json("equipmentId", line, "tag", "line-speed", "unit", "m/min")))
              .getString("topic");
      String lot = run + "-L" + i;
      long lotId =
          id(
              expect(
                  201,
                  admin,
                  "/lots",
                  json(
                      "lotNumber",
                      lot,
                      "materialCode",
                      material,
                      "quantity",
                      1_000_000,
                      "expiry",
                      LocalDate.now().plusYears(1).toString(),
                      "supplierLot",
                      "SUP-" + i)));
      expect(200, reviewer, "/lots/" + lotId + "/release", json("password", PASSWORD));
      all.add(
          new Terminal(i, line, topic, lot, Token.user(this, operator(i, "a")), operator(i, "b")));
    }
    return all;
  }

  /** Batches planned on each terminal's line, in the order it works through them. */
  private Map<Terminal, List<Long>> plan(List<Terminal> all, long recordId, int each)
      throws Exception {
    Map<Terminal, List<Long>> planned = new LinkedHashMap<>();
    for (Terminal t : all) {
      List<Long> ids = new ArrayList<>();
      for (int i = 0; i < each; i++) {
        ids.add(
            id(
                expect(
                    201,
                    admin,
                    "/batches",
                    json(
                        "batchNumber",
                        run + "-" + t.number() + "-" + planSequence.incrementAndGet(),
                        "masterBatchRecordId",
                        recordId,
                        "lineId",
                        t.lineId(),
                        "plannedQuantity",
                        100))));
      }
      planned.put(t, ids);
      ids.forEach(id -> everyBatch.put(id, t));
    }
    return planned;
  }

  private final AtomicLong planSequence = new AtomicLong();
  private final Map<Long, Terminal> everyBatch = new LinkedHashMap<>();

  private String operator(int terminal, String which) {
    return run.toLowerCase(Locale.ROOT) + "-t" + terminal + which;
  }

  /** Two operators a terminal, in one partial import of the bench's own Keycloak realm. */
  private void createOperators() throws Exception {
    var users = Json.createArrayBuilder();
    for (int i = 1; i <= terminals; i++) {
      for (String which : List.of("a", "b")) {
        users.add(
            Json.createObjectBuilder()
                .add("username", operator(i, which))
                .add("enabled", true)
                .add("emailVerified", true)
                .add("firstName", "Terminal " + i)
                .add("lastName", "Operator " + which.toUpperCase(Locale.ROOT))
                .add("email", operator(i, which) + "@plant.example")
                .add("realmRoles", Json.createArrayBuilder().add("operator"))
                // Assigned to every line (the realm's group /lines): the benchmark's lines are
                // its own, and operators work only on lines they are assigned to.
                .add("groups", Json.createArrayBuilder().add("/lines"))
                .add(
                    "credentials",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("type", "password")
                                .add("value", PASSWORD)
                                .add("temporary", false))));
      }
    }
    HttpResponse<String> token =
        send(
            HttpRequest.newBuilder(
                    URI.create(keycloak + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&client_id=admin-cli&username=admin&password="
                            + encode(keycloakAdminPassword))));
    if (token.statusCode() != 200) {
      throw new IllegalStateException("No Keycloak admin token: " + token.body());
    }
    HttpResponse<String> imported =
        send(
            HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/plant/partialImport"))
                .header("Authorization", "Bearer " + parse(token.body()).getString("access_token"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(5))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        Json.createObjectBuilder()
                            .add("ifResourceExists", "FAIL")
                            .add("users", users)
                            .build()
                            .toString())));
    if (imported.statusCode() != 200) {
      throw new IllegalStateException("Keycloak did not import the operators: " + imported.body());
    }
  }

  private static String equipment(long parent, String code) {
    return json("parentId", parent, "code", code, "name", "Terminal benchmark " + code);
  }

  private static String material(String code, String kind) {
    return json(
        "code",
        code,
        "name",
        "Benchmark " + code,
        "kind",
        kind,
        "unit",
        "kg",
        "shelfLifeDays",
        365);
  }

  /** Steps that each charge 10 kg of the raw material and take one value by hand, verified. */
  private String record(String product, String material) {
    var list = Json.createArrayBuilder();
    for (int i = 1; i <= steps; i++) {
      list.add(
          Json.createObjectBuilder()
              .add("operation", "Dispensing")
              .add("name", "Step " + i)
              .add("instructions", "Charge the material and check the weight.")
              .add("requiresVerification", true)
              .add(
                  "materials",
                  Json.createArrayBuilder()
                      .add(
                          Json.createObjectBuilder()
                              .add("material", material)
                              .add("quantity", 10)
                              .add("tolerancePercent", 2)))
              .add(
                  "parameters",
                  Json.createArrayBuilder()
                      .add(
                          Json.createObjectBuilder()
                              .add("name", PARAMETER)
                              .add("unit", "kg")
                              .add("low", 0)
                              .add("high", 100)
                              .add("critical", false))));
    }
    return Json.createObjectBuilder().add("product", product).add("steps", list).build().toString();
  }

  // --- HTTP, tokens, JSON ---

  /**
   * A bearer token that is renewed before it expires, outside the timed requests, with its refresh
   * token as a terminal's session would (no password hashing at Keycloak, which would otherwise put
   * a burst of 50 password grants into the measured phase every few minutes).
   */
  private static final class Token {
    private final TerminalBenchmark bench;
    private final String form;
    private String value;
    private String refresh;
    private Instant fetched = Instant.EPOCH;

    private Token(TerminalBenchmark bench, String form) {
      this.bench = bench;
      this.form = form;
    }

    static Token user(TerminalBenchmark bench, String username) throws Exception {
      Token t =
          new Token(
              bench,
              "grant_type=password&client_id=batchtrace&client_secret="
                  + CLIENT_SECRET
                  + "&username="
                  + encode(username)
                  + "&password="
                  + encode(PASSWORD));
      t.get();
      return t;
    }

    static Token client(TerminalBenchmark bench, String clientId, String secret) throws Exception {
      Token t =
          new Token(
              bench,
              "grant_type=client_credentials&client_id="
                  + encode(clientId)
                  + "&client_secret="
                  + encode(secret));
      t.get();
      return t;
    }

    synchronized String get() throws IOException, InterruptedException {
      if (Duration.between(fetched, Instant.now()).compareTo(TOKEN_AGE) > 0) {
        HttpResponse<String> r =
            refresh == null
                ? null
                : grant(
                    "grant_type=refresh_token&client_id=batchtrace&client_secret="
                        + CLIENT_SECRET
                        + "&refresh_token="
                        + encode(refresh));
        if (r == null || r.statusCode() != 200) {
          r = grant(form);
        }
        if (r.statusCode() != 200) {
          throw new IllegalStateException("Keycloak refused a token: " + r.body());
        }
        JsonObject tokens = parse(r.body());
        value = tokens.getString("access_token");
        refresh = tokens.getString("refresh_token", null);
        fetched = Instant.now();
      }
      return value;
    }

    private HttpResponse<String> grant(String body) throws IOException, InterruptedException {
      return bench.send(
          HttpRequest.newBuilder(
                  URI.create(bench.keycloak + "/realms/plant/protocol/openid-connect/token"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
  }

  /** Latencies and errors per action, for one phase. */
  private final class Recorder {
    private final String base;
    private final Map<String, List<Long>> nanos = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
    private final List<String> samples = new ArrayList<>();
    private final List<String> order = new ArrayList<>();
    private final List<Timed> timeline = Collections.synchronizedList(new ArrayList<>());

    /** The requests go to {@code base} (HAProxy or one node), e.g. http://host:port/batchtrace. */
    Recorder(String base) {
      this.base = base;
    }

    /** POSTs, times and records the request; true when it answered 2xx. */
    boolean post(String action, Token token, String path, String body) throws Exception {
      return send(
              action,
              HttpRequest.newBuilder(URI.create(base + "/api/v1" + path))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body)),
              token)
          != null;
    }

    /** GETs, times and records the request; its answer (or null when not 2xx). */
    JsonObject get(String action, Token token, String path) throws Exception {
      String body =
          send(action, HttpRequest.newBuilder(URI.create(base + "/api/v1" + path)).GET(), token);
      return body == null ? null : parse(body);
    }

    /** The answer's body when it was 2xx, else null. */
    private String send(String action, HttpRequest.Builder builder, Token token) throws Exception {
      HttpRequest request =
          builder
              .header("Authorization", "Bearer " + token.get())
              .header("Accept", "application/json")
              .timeout(Duration.ofSeconds(60))
              .build();
      long startedAt = System.currentTimeMillis();
      long t0 = System.nanoTime();
      int status;
      String answer;
      try {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        status = r.statusCode();
        answer = r.body();
      } catch (IOException e) {
        status = -1;
        answer = e.toString();
      }
      long elapsed = System.nanoTime() - t0;
      boolean ok = status / 100 == 2;
      record(
          action,
          elapsed,
          ok,
          ok ? null : action + " " + request.uri().getPath() + ": " + status + " " + answer);
      timeline.add(
          new Timed(
              action,
              startedAt,
              startedAt + elapsed / 1_000_000,
              ok ? null : errorKind(status, answer),
              elapsed));
      return ok ? answer : null;
    }

    List<Timed> timeline() {
      synchronized (timeline) {
        return List.copyOf(timeline);
      }
    }

    void record(String action, long elapsed, boolean ok, String failure) {
      nanos
          .computeIfAbsent(
              action,
              a -> {
                synchronized (order) {
                  order.add(a);
                }
                return Collections.synchronizedList(new ArrayList<>());
              })
          .add(elapsed);
      AtomicLong failed = failures.computeIfAbsent(action, a -> new AtomicLong());
      if (!ok) {
        failed.incrementAndGet();
        synchronized (samples) {
          if (samples.size() < 5) {
            samples.add(failure.length() > 300 ? failure.substring(0, 300) : failure);
          }
        }
      }
    }

    List<String> actions() {
      synchronized (order) {
        return List.copyOf(order);
      }
    }

    long count(String action) {
      List<Long> l = nanos.get(action);
      return l == null ? 0 : l.size();
    }

    long total() {
      return nanos.values().stream().mapToLong(List::size).sum();
    }

    /** Every request of a terminal is a write (POST). */
    long writes() {
      return total();
    }

    long errors() {
      return failures.values().stream().mapToLong(AtomicLong::get).sum();
    }

    double p95(String action) {
      return millis(percentile(sorted(action), 95));
    }

    private List<Long> sorted(String action) {
      List<Long> l = new ArrayList<>(nanos.getOrDefault(action, List.of()));
      Collections.sort(l);
      return l;
    }

    void print(String action) {
      List<Long> l = sorted(action);
      System.out.printf(
          Locale.ROOT,
          "    %-30s %7d %9.1f %9.1f %9.1f %9.1f %7d%n",
          action,
          l.size(),
          millis(percentile(l, 50)),
          millis(percentile(l, 95)),
          millis(percentile(l, 99)),
          millis(l.isEmpty() ? 0 : l.get(l.size() - 1)),
          failures.getOrDefault(action, new AtomicLong()).get());
    }

    void printErrors() {
      for (String s : samples) {
        System.out.println("    error: " + s);
      }
    }
  }

  private String expect(int status, Token token, String path, String body) throws Exception {
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(URI.create(app + "/api/v1" + path))
                .header("Authorization", "Bearer " + token.get())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    if (r.statusCode() != status) {
      throw new IllegalStateException(
          "Set-up: POST " + path + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    if (request.build().timeout().isEmpty()) {
      request.timeout(Duration.ofSeconds(60));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A JSON object of name, value pairs (strings and numbers). */
  private static String json(Object... pairs) {
    JsonObjectBuilder o = Json.createObjectBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      String name = (String) pairs[i];
      Object v = pairs[i + 1];
      if (v instanceof Number n) {
        o.add(name, Json.createValue(new java.math.BigDecimal(n.toString())));
      } else if (v == null) {
        o.add(name, JsonValue.NULL);
      } else {
        o.add(name, v.toString());
      }
    }
    return o.build().toString();
  }

  private static JsonObject parse(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  private static long id(String body) {
    return parse(body).getJsonNumber("id").longValue();
  }

  /** A think time (uniform think/2 to 3 think/2); true, so that it chains with the taps. */
  private static boolean pause(long think) throws InterruptedException {
    if (think > 0) {
      Thread.sleep(ThreadLocalRandom.current().nextLong(think / 2, think * 3 / 2 + 1));
    }
    return true;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Nearest rank. */
  private static long percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }

  private static String setting(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
