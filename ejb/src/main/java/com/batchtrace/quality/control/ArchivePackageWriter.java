package com.batchtrace.quality.control;

import com.batchtrace.platform.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Writes one archive package into a folder claimed for it ({@link ArchiveDirectory#claim}): the
 * PDF/A-3b record with the JSON record inside, the JSON record beside it, the JSON Schema it
 * follows, the signed checkpoint of the chains taken for it, and last the manifest with every
 * file's SHA-256, signed with the checkpoint key.
 */
public final class ArchivePackageWriter {

  public static final String PDF = "record.pdf";
  public static final String JSON = ArchivePdf.JSON_NAME;
  public static final String CHECKPOINT = "checkpoint.txt";

  private ArchivePackageWriter() {}

  /** What was written: the folder and the manifest's text. */
  public record Written(Path folder, String manifest, List<ArchiveManifest.Entry> files) {}

  /**
   * @param checkpoint the text of the signed checkpoint taken at archiving
   * @param sign signs the manifest with the checkpoint key (Ed25519)
   */
  public static Written write(
      Path folder,
      ArchiveContent content,
      String checkpoint,
      long checkpointSequence,
      String keyId,
      UnaryOperator<byte[]> sign) {
    byte[] json = ArchiveJson.write(content);
    byte[] pdf = ArchivePdf.write(content, json);
    List<ArchiveManifest.Entry> files = new ArrayList<>();
    files.add(create(folder, PDF, pdf));
    files.add(create(folder, JSON, json));
    files.add(create(folder, ArchiveJson.SCHEMA, schema()));
    files.add(create(folder, CHECKPOINT, checkpoint.getBytes(StandardCharsets.UTF_8)));
    String unsigned =
        ArchiveManifest.unsigned(
            content.packageName(),
            content.run().batchNumber(),
            content.status(),
            content.archivedAt(),
            content.reason(),
            keyId,
            CHECKPOINT,
            checkpointSequence,
            files);
    String manifest =
        ArchiveManifest.signed(unsigned, sign.apply(unsigned.getBytes(StandardCharsets.UTF_8)));
    ArchiveDirectory.create(
        folder, ArchiveManifest.FILE, manifest.getBytes(StandardCharsets.UTF_8));
    return new Written(folder, manifest, List.copyOf(files));
  }

  private static ArchiveManifest.Entry create(Path folder, String name, byte[] bytes) {
    ArchiveDirectory.create(folder, name, bytes);
    return new ArchiveManifest.Entry(name, Sha256.hex(bytes), bytes.length);
  }

  /** The published JSON Schema of the record, as the build ships it. */
  public static byte[] schema() {
    try (InputStream in =
        ArchivePackageWriter.class.getResourceAsStream("/archive/" + ArchiveJson.SCHEMA)) {
      if (in == null) {
        throw new IllegalStateException("The archive schema is missing from the build");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
