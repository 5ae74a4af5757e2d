package com.batchtrace.validation.iq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release manifest: what it records, read back as written, and what it expects of the schema.
 */
@Tag("URS-058")
class ReleaseManifestTest {

  @TempDir Path dir;

  @Test
  void writtenAndReadBackTheSame() throws IOException {
    Path file = dir.resolve(ReleaseManifest.FILE_NAME);
    IqChecksTest.RELEASE.write(file);

    ReleaseManifest read = ReleaseManifest.read(file);

    assertEquals(IqChecksTest.RELEASE, read);
    assertEquals("36", read.schemaVersion());
  }

  @Test
  void aFileThatIsNoManifestIsRefused() {
    assertThrows(IOException.class, () -> ReleaseManifest.parse("release.version=1.0\n"));
  }

  @Test
  void anEditedMigrationGetsAnotherChecksumThanTheReleasedOne() throws IOException {
    Path script = dir.resolve("V1__schema.sql");
    Files.writeString(script, "CREATE TABLE batch (id bigint);\n", StandardCharsets.UTF_8);
    int released = ReleaseManifestGenerator.checksum(script);
    Files.writeString(
        script, "CREATE TABLE batch (id bigint); -- edited\n", StandardCharsets.UTF_8);
    assertNotEquals(released, ReleaseManifestGenerator.checksum(script));
  }

  @Test
  void theProtectiveTriggersAreReadFromTheMigrations() {
    List<String> triggers =
        ReleaseManifestGenerator.triggers(
            List.of(
                "CREATE TRIGGER electronic_signature_immutable BEFORE UPDATE OR DELETE ON"
                    + " electronic_signature\n FOR EACH ROW EXECUTE FUNCTION x();\n"
                    + "-- CREATE TRIGGER commented_out BEFORE DELETE ON t\n"
                    + "SELECT audit_chain_attach('security_event', 'security', ARRAY['id']);",
                "SELECT audited_record_register('Batch', 'batch_aud');\n"
                    + "DROP TRIGGER IF EXISTS electronic_signature_immutable ON"
                    + " electronic_signature;"));
    assertEquals(
        List.of(
            "security_event.security_event_chain",
            "batch_aud.batch_aud_append_only",
            "batch_aud.batch_aud_no_truncate",
            "batch_aud.batch_aud_chain"),
        triggers);
  }

  @Test
  void theRepositorysMigrationsAreListedInOrderWithTheirTriggers() throws IOException {
    Path migrations = Path.of("..", "db/src/main/resources/db/migration");
    List<Path> scripts = ReleaseManifestGenerator.migrations(migrations);
    assertTrue(scripts.size() > 20, "found " + scripts.size());
    assertTrue(scripts.get(0).getFileName().toString().startsWith("V1__"));
    assertTrue(
        scripts.get(scripts.size() - 1).getFileName().toString().compareTo("V36") > 0,
        "V36 and later last, by number: " + scripts.get(scripts.size() - 1));
    List<String> sql = scripts.stream().map(ReleaseManifestTest::read).toList();
    List<String> triggers = ReleaseManifestGenerator.triggers(sql);
    assertTrue(
        triggers.contains("electronic_signature.electronic_signature_immutable"),
        triggers.toString());
    assertTrue(
        triggers.contains("installation_qualification_aud.installation_qualification_aud_chain"),
        triggers.toString());
    assertTrue(ReleaseManifestGenerator.functions(sql).contains("schema_migrations"));
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
