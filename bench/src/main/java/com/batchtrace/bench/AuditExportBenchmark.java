package com.batchtrace.bench;

import com.batchtrace.compliance.audit.boundary.AuditEntry;
import com.batchtrace.compliance.audit.boundary.AuditQuery;
import com.batchtrace.compliance.audit.boundary.ExportHeader;
import com.batchtrace.compliance.audit.boundary.ExportResult;
import com.batchtrace.compliance.audit.control.AuditTrailQueries;
import com.batchtrace.compliance.audit.control.CsvExportWriter;
import com.batchtrace.compliance.integrity.boundary.ChainHead;
import com.batchtrace.platform.RowChecksum;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Audit trail CSV export, measured against PostgreSQL's own {@code COPY ... TO STDOUT} of the same
 * rows in the same run. The export runs the application's own export path (the cursor query of
 * AuditTrailQueries, the checksum and the CSV writer), in this JVM, so its heap can be sampled
 * while it runs. Goals (issue 3): at least half the COPY throughput, heap growth under 256 MB.
 */
public final class AuditExportBenchmark {

  private static final long GOAL_HEAP_BYTES = 256L << 20;
  private static final int ROUNDS = 3;

  public static void main(String[] args) throws Exception {
    String url = setting("BATCHTRACE_DB_URL", "jdbc:postgresql://127.0.0.1:5432/batchtrace_bench");
    String owner = setting("BATCHTRACE_DB_OWNER_USER", "batchtrace_owner");
    String ownerPassword = setting("BATCHTRACE_DB_OWNER_PASSWORD", "batchtrace-owner-demo");
    String app = setting("BATCHTRACE_DB_USER", "batchtrace_app");
    String appPassword = setting("BATCHTRACE_DB_PASSWORD", "batchtrace-app-demo");
    long revisions = Long.parseLong(setting("BENCH_REVISIONS", "1000000"));

    try (Connection db = DriverManager.getConnection(url, owner, ownerPassword)) {
      generate(db, revisions);
    }

    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(url);
    dataSource.setUser(app);
    dataSource.setPassword(appPassword);

    // Warm-up of both paths on the same data, then ROUNDS measured runs of each, alternating so
    // that both see the same machine; the median of each is reported.
    long rows = copy(dataSource);
    export(dataSource, new HeapSampler());
    double[] copyTimes = new double[ROUNDS];
    double[] exportTimes = new double[ROUNDS];
    ExportResult result = null;
    HeapSampler heap = null;
    for (int round = 0; round < ROUNDS; round++) {
      long copyStart = System.nanoTime();
      copy(dataSource);
      copyTimes[round] = (System.nanoTime() - copyStart) / 1e9;
      HeapSampler sampler = new HeapSampler();
      long exportStart = System.nanoTime();
      result = export(dataSource, sampler);
      exportTimes[round] = (System.nanoTime() - exportStart) / 1e9;
      sampler.stop();
      if (heap == null || sampler.growth() > heap.growth()) {
        heap = sampler;
      }
    }
    double copySeconds = median(copyTimes);
    double exportSeconds = median(exportTimes);

    double copyRate = rows / copySeconds;
    double exportRate = result.rows() / exportSeconds;
    PrintWriter out = new PrintWriter(System.out, true);
    out.printf(
        "Audit trail CSV export benchmark (%,d audit trail entries, median of %d runs each)%n",
        rows, ROUNDS);
    out.printf(
        "  COPY ... TO STDOUT (reference): %,12.0f rows/s  (%.2f s)%n", copyRate, copySeconds);
    out.printf(
        "  Batchtrace export path:         %,12.0f rows/s  (%.2f s, %,d rows, sha256 %s)%n",
        exportRate, exportSeconds, result.rows(), result.sha256().substring(0, 16) + "…");
    out.printf(
        "  export / COPY:                  %12.2f   (goal >= 0.50: %s)%n",
        exportRate / copyRate, exportRate / copyRate >= 0.5 ? "met" : "NOT MET");
    out.printf(
        "  heap growth during an export:   %,12d MB in use at peak (worst run), %,d MB live after GC"
            + " (goal < 256 MB: %s; max heap %,d MB)%n",
        heap.growth() >> 20,
        heap.liveGrowth() >> 20,
        heap.growth() < GOAL_HEAP_BYTES ? "met" : "NOT MET",
        Runtime.getRuntime().maxMemory() >> 20);
    if (result.rows() != rows) {
      throw new IllegalStateException(
          "The export wrote " + result.rows() + " rows but COPY " + rows + ": not the same rows");
    }
  }

  /** Tops the audit trail up to {@code revisions} revisions, one equipment change each. */
  private static void generate(Connection db, long revisions) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("set search_path = batchtrace");
      var rs = s.executeQuery("select count(*) from audit_revision");
      rs.next();
      long existing = rs.getLong(1);
      if (existing >= revisions) {
        System.out.printf("Using the %,d revisions already generated.%n", existing);
        return;
      }
      System.out.printf(
          "Generating %,d audit revisions (once; kept for later runs)…%n", revisions - existing);
      s.execute(
          "insert into equipment (id, parent_id, level, code, name, uns_path, active, version)"
              + " values (900000001, null, 'ENTERPRISE', 'bench', 'Bench', 'bench', true, 0)"
              + " on conflict do nothing");
      long chunk = 100_000;
      for (long done = existing; done < revisions; done += chunk) {
        long from = 1_000_000_000L + done;
        long to = 1_000_000_000L + Math.min(revisions, done + chunk) - 1;
        s.execute(
            "insert into audit_revision (id, revision_time, user_id, user_name, reason,"
                + " client_address) select g, timestamptz '2026-01-01 00:00:00+00'"
                + " + (g - 1000000000) * interval '1 second', 'user' || (g % 40), 'Bench user '"
                + " || (g % 40), 'Benchmark change ' || g || ', reason per SOP-12', '10.0.0.'"
                + " || (g % 200) from generate_series("
                + from
                + ", "
                + to
                + ") g");
        s.execute(
            "insert into equipment_aud (id, rev, revtype, level, code, name, uns_path, active)"
                + " select 900000001, g, case when g = 1000000000 then 0 else 1 end, 'ENTERPRISE',"
                + " 'bench', 'Bench ' || g, 'bench', true from generate_series("
                + from
                + ", "
                + to
                + ") g");
        System.out.printf("  %,d%n", Math.min(revisions, done + chunk));
      }
    }
  }

  private static long copy(DataSource dataSource) throws SQLException, IOException {
    try (Connection c = dataSource.getConnection()) {
      return c.unwrap(PGConnection.class)
          .getCopyAPI()
          .copyOut(
              "COPY ("
                  + AuditTrailQueries.ALL_ENTRIES_OLDEST_FIRST
                  + ") TO STDOUT WITH (FORMAT csv)",
              OutputStream.nullOutputStream());
    }
  }

  /** The application's export path: cursor query, checksum and CSV writer, to a null sink. */
  private static ExportResult export(DataSource dataSource, HeapSampler heap) throws IOException {
    DataSource inTransaction = new CursorDataSource(dataSource);
    RowChecksum checksum = new RowChecksum();
    CsvExportWriter writer =
        new CsvExportWriter(OutputStream.nullOutputStream(), checksum.header(AuditEntry.COLUMNS));
    writer.begin(
        new ExportHeader(
            AuditQuery.ALL.describe(),
            "bench",
            "Benchmark",
            Instant.now(),
            new ChainHead("revision", 0, "0".repeat(64))));
    AtomicLong count = new AtomicLong();
    new AuditTrailQueries(inTransaction)
        .stream(
            AuditQuery.ALL,
            entry -> {
              try {
                writer.row(entry, checksum.row(entry.values()));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              if (count.incrementAndGet() % 10_000 == 0) {
                heap.sample();
              }
            });
    ExportResult result = new ExportResult(checksum.rows(), checksum.hex());
    writer.end(result);
    return result;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String setting(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  /**
   * Heap sampled during the export. Two figures: the peak of heap in use (live data plus garbage
   * not yet collected) and the peak of what the last collection left alive (the live set): the
   * second is what would grow if the export held rows in memory.
   */
  private static final class HeapSampler {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final long baseline;
    private final long liveBaseline;
    private long peak;
    private long livePeak;

    HeapSampler() {
      System.gc();
      baseline = memory.getHeapMemoryUsage().getUsed();
      liveBaseline = live();
      peak = baseline;
      livePeak = liveBaseline;
    }

    void sample() {
      peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
      livePeak = Math.max(livePeak, live());
    }

    void stop() {
      sample();
    }

    long growth() {
      return Math.max(0, peak - baseline);
    }

    long liveGrowth() {
      return Math.max(0, livePeak - liveBaseline);
    }

    /** Heap left alive by the most recent collection of each heap pool. */
    private static long live() {
      return ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null)
          .mapToLong(p -> p.getCollectionUsage().getUsed())
          .sum();
    }
  }
}
