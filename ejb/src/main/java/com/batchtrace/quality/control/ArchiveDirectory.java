package com.batchtrace.quality.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The archive directory (BATCHTRACE_ARCHIVE_DIR): one folder per package, named after the batch; a
 * batch archived again gets the next number (GRN-26-0001-2, -3 ...). Nothing here is ever
 * overwritten: a package's folder is claimed with an atomic create (two nodes or two requests never
 * share one), every file is created new and synced to disk, and the manifest is written last, so a
 * folder without one is an interrupted package, never a finished one.
 */
public final class ArchiveDirectory {

  /** More packages of one batch than anyone makes: beyond it something is wrong. */
  static final int MAX_PACKAGES = 999;

  private final Path root;

  public ArchiveDirectory(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /** A new, empty package folder for the batch: the batch number, or the next numbered one. */
  public Path claim(String batchNumber) {
    String base = folderName(batchNumber);
    try {
      Files.createDirectories(root);
      for (int n = 1; n <= MAX_PACKAGES; n++) {
        Path folder = root.resolve(n == 1 ? base : base + "-" + n);
        try {
          return Files.createDirectory(folder);
        } catch (FileAlreadyExistsException taken) {
          // an earlier package of this batch: try the next number
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "The archive directory " + root + " cannot be written: " + e.getMessage(), e);
    }
    throw new IllegalStateException(
        "Batch " + batchNumber + " has " + MAX_PACKAGES + " archive packages already in " + root);
  }

  /** Writes a new file into a package folder; an existing file is never replaced. */
  public static void create(Path folder, String name, byte[] bytes) {
    Path file = folder.resolve(name);
    try (FileChannel out =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        out.write(buffer);
      }
      out.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("The archive file " + file + " cannot be written", e);
    }
    // Read-only once written: a slip of the hand cannot change it (the manifest's hashes catch
    // anyone who makes it writable again).
    if (!file.toFile().setReadOnly()) {
      throw new IllegalStateException("The archive file " + file + " cannot be made read-only");
    }
  }

  /**
   * A package folder as listed: its manifest read back, or why it cannot be (an interrupted package
   * has none).
   */
  public record Listed(Path folder, ArchiveManifest.Parsed manifest, String problem) {}

  /** Every package folder, by name. */
  public List<Listed> list() {
    List<Listed> listed = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return listed;
    }
    try (Stream<Path> folders = Files.list(root)) {
      for (Path folder :
          folders.filter(Files::isDirectory).sorted(Comparator.naturalOrder()).toList()) {
        Path manifest = folder.resolve(ArchiveManifest.FILE);
        if (!Files.isRegularFile(manifest)) {
          listed.add(new Listed(folder, null, "no manifest: the package was not finished"));
          continue;
        }
        try {
          String text = Files.readString(manifest, StandardCharsets.UTF_8);
          listed.add(new Listed(folder, ArchiveManifest.parse(text), null));
        } catch (IOException | RuntimeException e) {
          listed.add(new Listed(folder, null, "the manifest cannot be read: " + e.getMessage()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "The archive directory " + root + " cannot be read: " + e.getMessage(), e);
    }
    return listed;
  }

  /**
   * The folder name of a batch's packages: the batch number with anything but letters, digits, dot,
   * dash and underscore replaced, so no batch number can reach outside the directory.
   */
  static String folderName(String batchNumber) {
    String name = batchNumber.replaceAll("[^A-Za-z0-9._-]", "_");
    if (name.isEmpty() || name.startsWith(".")) {
      name = "_" + name;
    }
    return name.length() > 100 ? name.substring(0, 100) : name;
  }
}
