package com.batchtrace.db.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster in a data directory of its own, on its own port, listening on 127.0.0.1 and
 * a socket directory beside it: never the machine's shared cluster. Started and stopped by whoever
 * made it.
 */
final class LocalCluster implements AutoCloseable {

  final Path dataDir;
  final int port;
  final Path socketDir;
  private boolean running;

  LocalCluster(Path dataDir, int port, Path socketDir) {
    this.dataDir = dataDir.toAbsolutePath();
    this.port = port;
    this.socketDir = socketDir.toAbsolutePath();
  }

  /** The folder of PostgreSQL's programs: BATCHTRACE_PG_BIN, else the newest Debian install. */
  static Path bin() {
    String configured = System.getenv("BATCHTRACE_PG_BIN");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        return versions
            .filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
            .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())))
            .map(v -> v.resolve("bin"))
            .orElseThrow(() -> new IllegalStateException("no PostgreSQL server in " + debian));
      } catch (IOException e) {
        throw new IllegalStateException("cannot list " + debian, e);
      }
    }
    throw new IllegalStateException(
        "PostgreSQL's programs not found: install postgresql or set BATCHTRACE_PG_BIN");
  }

  /** A new cluster (superuser postgres, local trust on this machine only) with these settings. */
  void create(String settings) throws IOException {
    Files.createDirectories(dataDir.getParent());
    Files.createDirectories(socketDir);
    Command.giveToClusterUser(socketDir);
    Command.giveToClusterUser(dataDir.getParent());
    Command.run(
        List.of(
            bin().resolve("initdb").toString(),
            "-D",
            dataDir.toString(),
            "-U",
            "postgres",
            "--auth=trust",
            "--encoding=UTF8",
            "--no-locale",
            "--no-sync"));
    appendSettings(settings);
  }

  /** Settings of this cluster itself: port, listen address and socket directory win. */
  void appendSettings(String settings) throws IOException {
    String own =
        "\n# Batchtrace: this cluster's own port and sockets\n"
            + "listen_addresses = '127.0.0.1'\n"
            + "port = "
            + port
            + "\nunix_socket_directories = '"
            + socketDir
            + "'\n"
            + settings
            + "\n";
    Files.writeString(
        dataDir.resolve("postgresql.auto.conf"),
        own,
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  void start() {
    Command.run(
        List.of(
            bin().resolve("pg_ctl").toString(),
            "-D",
            dataDir.toString(),
            "-l",
            dataDir.getParent().resolve(dataDir.getFileName() + ".log").toString(),
            "-w",
            "-t",
            "300",
            "start"));
    running = true;
  }

  void stop() {
    if (running || Files.exists(dataDir.resolve("postmaster.pid"))) {
      Command.run(
          List.of(
              bin().resolve("pg_ctl").toString(),
              "-D",
              dataDir.toString(),
              "-m",
              "fast",
              "-w",
              "stop"));
    }
    running = false;
  }

  String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  Connection connect(String database, String user, String password) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), user, password);
  }

  @Override
  public void close() {
    try {
      stop();
    } catch (IllegalStateException e) {
      System.err.println("could not stop the cluster in " + dataDir + ": " + e.getMessage());
    }
  }
}
