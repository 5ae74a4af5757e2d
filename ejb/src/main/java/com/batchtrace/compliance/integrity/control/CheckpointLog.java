package com.batchtrace.compliance.integrity.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The checkpoint log: a directory outside the database (BATCHTRACE_CHECKPOINT_DIR) with one file
 * per checkpoint, {@code checkpoint-000000000042.txt}. The server only ever creates a new file
 * (CREATE_NEW, flushed to disk, then made read-only); it never rewrites or deletes one. Copy the
 * directory to write-once storage to keep it beyond the server's reach as well.
 */
public final class CheckpointLog {

  private static final Pattern NAME = Pattern.compile("checkpoint-(\\d{12})\\.txt");

  private final Path directory;

  public CheckpointLog(Path directory) {
    this.directory = directory;
  }

  public Path directory() {
    return directory;
  }

  public static String fileName(long sequence) {
    return String.format("checkpoint-%012d.txt", sequence);
  }

  /** A file of the log, read back whole. */
  public record Entry(long sequence, String file, byte[] bytes) {
    public String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  /** The last checkpoint in the log, if any. */
  public Optional<Entry> last() {
    List<Long> numbers = sequences();
    return numbers.isEmpty()
        ? Optional.empty()
        : Optional.of(read(numbers.get(numbers.size() - 1)));
  }

  /** Every checkpoint, oldest first. */
  public List<Entry> all() {
    List<Entry> entries = new ArrayList<>();
    for (long n : sequences()) {
      entries.add(read(n));
    }
    return entries;
  }

  /**
   * Writes checkpoint {@code sequence} as a new file. Fails, writing nothing, if that file exists
   * (another server node took the number first).
   */
  public Entry append(long sequence, String text) throws FileAlreadyExistsException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Path file = directory.resolve(fileName(sequence));
    try {
      Files.createDirectories(directory);
      try (FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
      } catch (UnsupportedOperationException notPosix) {
        // read-only is a courtesy; the server never opens a checkpoint for writing again
      }
      return new Entry(sequence, file.getFileName().toString(), bytes);
    } catch (FileAlreadyExistsException taken) {
      throw taken;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the checkpoint " + file, e);
    }
  }

  /**
   * Appends with the next free number, trying again if another node took it first. {@code textFor}
   * gets the number and the checkpoint before it (none for the first).
   */
  public Entry appendNext(BiFunction<Long, Optional<Entry>, String> textFor) {
    for (int attempt = 0; attempt < 5; attempt++) {
      Optional<Entry> previous = last();
      long next = previous.map(e -> e.sequence() + 1).orElse(1L);
      try {
        return append(next, textFor.apply(next, previous));
      } catch (FileAlreadyExistsException taken) {
        // re-read the log and take the next number
      }
    }
    throw new IllegalStateException("The checkpoint log " + directory + " kept changing");
  }

  private Entry read(long sequence) {
    Path file = directory.resolve(fileName(sequence));
    try {
      return new Entry(sequence, file.getFileName().toString(), Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the checkpoint " + file, e);
    }
  }

  private List<Long> sequences() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .map(p -> NAME.matcher(p.getFileName().toString()))
          .filter(Matcher::matches)
          .map(m -> Long.parseLong(m.group(1)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the checkpoint log " + directory, e);
    }
  }
}
