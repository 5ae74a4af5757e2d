package com.batchtrace.it;

import static com.batchtrace.it.RestClient.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * A released batch has its archive package in the archive directory: veraPDF passes its record as
 * PDF/A-3b, the offline verifier accepts it with the public key and rejects a copy with one byte of
 * the PDF or the JSON changed; archiving again on demand makes a second, numbered package that
 * verifies too; a package that cannot be written never undoes the release.
 */
class ArchivePackageIT extends DeployedApplication {

  private static String performerId;
  private static String verifierId;
  private static RestClient performer;
  private static final RestClient rita = RestClient.as(DemoUser.REVIEWER);
  private static final RestClient ava = RestClient.as(DemoUser.AUDITOR);

  @TempDir Path copies;

  @BeforeAll
  static void operators() {
    performerId = TestStack.newOperator("Archie");
    verifierId = TestStack.newOperator("Vicky");
    performer = RestClient.as(performerId);
    VeraGreenfieldFoundryProvider.initialise();
  }

  static Path archiveDir() {
    return Path.of(TestStack.property("test.archive.dir"));
  }

  private static HttpResponse<String> release(TerminalBatch batch) {
    return rita.post(
        "/reviews/" + batch.id + "/release", "{\"password\":\"" + DemoUser.PASSWORD + "\"}");
  }

  @Test
  @Tag("URS-050")
  @Tag("URS-051")
  @Tag("URS-052")
  void aReleasedBatchHasItsArchivePackageAndTheOfflineVerifierAcceptsIt() throws Exception {
    TerminalBatch batch = new TerminalBatch();
    batch.completed(performer, performerId, verifierId);
    JsonObject released = expect(200, release(batch));
    assertEquals(batch.number, released.getString("archivePackage"), released.toString());
    Path folder = archiveDir().resolve(batch.number);
    for (String file :
        List.of(
            "record.pdf",
            "record.json",
            "batch-record-v1.schema.json",
            "checkpoint.txt",
            "manifest.txt")) {
      assertTrue(Files.isRegularFile(folder.resolve(file)), file + " in " + folder);
    }
    assertTrue(Files.readString(folder.resolve("manifest.txt")).contains("status: RELEASED"));
    assertPdfA3b(folder.resolve("record.pdf"));
    assertTrue(Files.readString(folder.resolve("record.json")).contains(batch.number));

    RogueOwner.Verdict genuine =
        RogueOwner.offlineVerifier(
            folder.toString(), "--public-key", RogueOwner.publicKey().toString());
    assertEquals(0, genuine.exitCode(), genuine.output());

    for (String file : List.of("record.pdf", "record.json")) {
      Path copy = copy(folder, copies.resolve(file + "-changed"));
      Path changed = copy.resolve(file);
      byte[] bytes = Files.readAllBytes(changed);
      bytes[bytes.length / 2] ^= 0x01;
      Files.write(changed, bytes);
      RogueOwner.Verdict verdict =
          RogueOwner.offlineVerifier(
              copy.toString(), "--public-key", RogueOwner.publicKey().toString());
      assertEquals(1, verdict.exitCode(), verdict.output());
      assertTrue(verdict.output().contains(file + " was CHANGED"), verdict.output());
    }

    // On demand, an auditor: a second, numbered package; the first is untouched; both verify.
    byte[] firstPdf = Files.readAllBytes(folder.resolve("record.pdf"));
    JsonObject second =
        TestStack.jsonObject(expectStatus(201, ava.post("/archive/batches/" + batch.id, "")));
    assertEquals(batch.number + "-2", second.getString("name"));
    Path secondFolder = archiveDir().resolve(batch.number + "-2");
    RogueOwner.Verdict both =
        RogueOwner.offlineVerifier(
            secondFolder.toString(), "--public-key", RogueOwner.publicKey().toString());
    assertEquals(0, both.exitCode(), both.output());
    assertTrue(java.util.Arrays.equals(firstPdf, Files.readAllBytes(folder.resolve("record.pdf"))));

    // The retention list shows both, where they are.
    String listed = expectStatus(200, ava.get("/archive")).body();
    assertTrue(listed.contains("\"name\":\"" + batch.number + "\""), listed);
    assertTrue(listed.contains("\"name\":\"" + batch.number + "-2\""), listed);
    assertTrue(listed.contains(secondFolder.toString()), listed);
    Browser.signInAs(DemoUser.AUDITOR, "/audit/archive.xhtml");
    String page = Browser.visible(By.id("packages")).getText();
    assertTrue(page.contains(batch.number + "-2"), page);
  }

  @Test
  @Tag("URS-050")
  void aPackageThatCannotBeWrittenNeverUndoesTheReleaseAndQaWritesItAgain() throws Exception {
    TerminalBatch batch = new TerminalBatch();
    batch.completed(performer, performerId, verifierId);
    // Every folder name the batch's packages could take is taken: the package cannot be written.
    Files.createDirectories(archiveDir());
    for (int n = 1; n <= 999; n++) {
      Files.createFile(archiveDir().resolve(n == 1 ? batch.number : batch.number + "-" + n));
    }
    try {
      JsonObject released = expect(200, release(batch));
      assertEquals("RELEASED", released.getString("status"));
      // JSON-B leaves out a null field: no package named.
      assertFalse(
          released.containsKey("archivePackage") && !released.isNull("archivePackage"),
          released.toString());
      assertTrue(
          released.getString("archiveProblem").contains("the decision stands"),
          released.toString());
      assertEquals(
          1,
          Signing.count(
              "select count(*) from batchtrace.security_event where kind = 'ARCHIVE_FAILED'"
                  + " and detail like ?",
              "%" + batch.number + "%"));
    } finally {
      for (int n = 1; n <= 999; n++) {
        Files.deleteIfExists(archiveDir().resolve(n == 1 ? batch.number : batch.number + "-" + n));
      }
    }
    JsonObject decided =
        TestStack.jsonObject(expectStatus(200, rita.get("/batches/" + batch.id + "/disposition")));
    assertEquals("RELEASED", decided.getString("status"));
    // QA writes it again from the batch review page.
    Browser.signInAs(DemoUser.REVIEWER, "/review/index.xhtml");
    Browser.driver().get(TestStack.app("/review/batch.xhtml?batch=" + batch.id).toString());
    Browser.visible(By.id("archive:write-archive")).click();
    Browser.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("archive:messages"), "Archive package " + batch.number + " of batch"));
    assertTrue(Browser.visible(By.id("archive:packages")).getText().contains(batch.number));
    RogueOwner.Verdict verdict =
        RogueOwner.offlineVerifier(
            archiveDir().resolve(batch.number).toString(),
            "--public-key",
            RogueOwner.publicKey().toString());
    assertEquals(0, verdict.exitCode(), verdict.output());
  }

  @Test
  @Tag("URS-050")
  void archivingANonExistentBatchOrAsAnOperatorIsRefusedAndWritesNothing() throws Exception {
    long before = countFolders();
    HttpResponse<String> missing = rita.post("/archive/batches/987654321", "");
    assertEquals(422, missing.statusCode(), missing.body());
    assertTrue(missing.body().contains("987654321"), missing.body());
    assertEquals(403, performer.post("/archive/batches/1", "").statusCode());
    assertEquals(403, performer.get("/archive").statusCode());
    assertEquals(before, countFolders());
  }

  @Test
  @Tag("URS-052")
  void thePackagesOfARangeOfDaysExportAsOneFileWithOneSignedManifest() throws Exception {
    TerminalBatch batch = new TerminalBatch();
    batch.completed(performer, performerId, verifierId);
    expect(200, release(batch));
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String range = "?from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
    HttpResponse<byte[]> response = rita.getBytes("/archive/export" + range);
    assertEquals(200, response.statusCode(), new String(response.body()));
    assertTrue(
        response.headers().firstValue("Content-Disposition").orElse("").contains(".zip"),
        response.headers().toString());
    Path export = copies.resolve("archive-export.zip");
    Files.write(export, response.body());
    List<String> entries = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        entries.add(e.getName());
      }
    }
    assertTrue(entries.contains(batch.number + "/record.pdf"), entries.toString());
    assertTrue(entries.contains(batch.number + "/manifest.txt"), entries.toString());
    assertTrue(entries.contains("export-manifest.txt"), entries.toString());

    RogueOwner.Verdict genuine =
        RogueOwner.offlineVerifier(
            export.toString(), "--public-key", RogueOwner.publicKey().toString());
    assertEquals(0, genuine.exitCode(), genuine.output());
    assertTrue(
        genuine.output().contains("every file of its") && genuine.output().contains(batch.number),
        genuine.output());
    assertTrue(
        Signing.count(
                "select count(*) from batchtrace.security_event where kind = 'EXPORT'"
                    + " and detail like ?",
                "%Archive export%" + batch.number + "%")
            >= 1);

    // One byte of one record changed inside the export: rejected, named.
    Path changed = copies.resolve("archive-export-changed.zip");
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(response.body()));
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(changed))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        byte[] bytes = in.readAllBytes();
        if (e.getName().equals(batch.number + "/record.json")) {
          bytes[bytes.length / 2] ^= 0x01;
        }
        out.putNextEntry(new ZipEntry(e.getName()));
        out.write(bytes);
        out.closeEntry();
      }
    }
    RogueOwner.Verdict verdict =
        RogueOwner.offlineVerifier(
            changed.toString(), "--public-key", RogueOwner.publicKey().toString());
    assertEquals(1, verdict.exitCode(), verdict.output());
    assertTrue(
        verdict
            .output()
            .contains(batch.number + "/record.json is not the file the manifest signed"),
        verdict.output());

    // Wrong days are refused with the reason; an operator may not export.
    Map<String, String> wrongDays =
        Map.of(
            "?from=" + today.plusDays(1) + "&to=" + today.minusDays(1),
            "is after the last day",
            "?from=2026-13-45&to=2026-12-31",
            "as 2026-01-31, not '2026-13-45'",
            "?from=1999-01-01&to=1999-12-31",
            "between the years 2000 and 2999",
            "?to=" + today,
            "Give the first day",
            "?from=2990-01-01&to=2990-12-31",
            "No archive package was written from 2990-01-01 to 2990-12-31");
    wrongDays.forEach(
        (query, reason) -> {
          HttpResponse<String> refused = rita.get("/archive/export" + query);
          assertEquals(422, refused.statusCode(), query + ": " + refused.body());
          assertTrue(refused.body().contains(reason), query + ": " + refused.body());
        });
    assertEquals(403, performer.get("/archive/export" + range).statusCode());

    // The same from the archive page: this year so far by default, prepared, then downloaded.
    Browser.signInAs(DemoUser.AUDITOR, "/audit/archive.xhtml");
    Browser.visible(By.id("export:prepare")).click();
    String summary = Browser.visible(By.id("export:download")).getText();
    assertTrue(summary.contains(batch.number) && summary.contains("written from"), summary);
    byte[] downloaded = Browser.download(By.id("export:export-link"));
    Path fromPage = copies.resolve("archive-export-from-page.zip");
    Files.write(fromPage, downloaded);
    RogueOwner.Verdict pageExport =
        RogueOwner.offlineVerifier(
            fromPage.toString(), "--public-key", RogueOwner.publicKey().toString());
    assertEquals(0, pageExport.exitCode(), pageExport.output());
    String packages = Browser.visible(By.id("packages")).getText();
    assertTrue(packages.contains("Released") && !packages.contains("RELEASED"), packages);
  }

  private static long countFolders() throws Exception {
    if (!Files.isDirectory(archiveDir())) {
      return 0;
    }
    try (var files = Files.list(archiveDir())) {
      return files.count();
    }
  }

  private static HttpResponse<String> expectStatus(int status, HttpResponse<String> response) {
    assertEquals(status, response.statusCode(), response.body());
    return response;
  }

  private static Path copy(Path folder, Path target) throws Exception {
    Files.createDirectories(target);
    try (var files = Files.list(folder)) {
      for (Path file : files.toList()) {
        Path to = target.resolve(file.getFileName());
        Files.copy(file, to);
        to.toFile().setWritable(true);
      }
    }
    return target;
  }

  private static void assertPdfA3b(Path pdf) throws Exception {
    try (PDFAParser parser =
            Foundries.defaultInstance()
                .createParser(
                    new ByteArrayInputStream(Files.readAllBytes(pdf)), PDFAFlavour.PDFA_3_B);
        PDFAValidator validator =
            Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
      ValidationResult result = validator.validate(parser);
      assertTrue(
          result.isCompliant(),
          () ->
              result.getTestAssertions().stream()
                  .filter(a -> a.getStatus().toString().equals("FAILED"))
                  .map(a -> a.getRuleId().getClause() + " " + a.getMessage())
                  .distinct()
                  .collect(Collectors.joining("; ")));
    }
    assertFalse(
        Files.getPosixFilePermissions(pdf)
            .contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE),
        "the archive's files are read-only");
  }
}
