package com.batchtrace.quality.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * An archive package as the server writes it: a PDF/A-3b record that veraPDF passes, the JSON
 * record valid against its published schema and the same inside the PDF as beside it, a signed
 * manifest, and a second package of the batch in a new numbered folder, never over the first.
 */
@Tag("URS-050")
class ArchivePackageTest {

  @TempDir Path root;

  private static ArchiveFixture fixture;

  @BeforeAll
  static void initialise() throws Exception {
    VeraGreenfieldFoundryProvider.initialise();
    fixture = new ArchiveFixture();
  }

  @Test
  void theRecordIsPdfA3bAsVeraPdfValidatesIt() throws Exception {
    Path pdf = fixture.write(root, "released").folder().resolve(ArchivePackageWriter.PDF);
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
              "veraPDF: "
                  + result.getTestAssertions().stream()
                      .filter(a -> a.getStatus().toString().equals("FAILED"))
                      .map(a -> a.getRuleId().getClause() + " " + a.getMessage())
                      .distinct()
                      .collect(Collectors.joining("; ")));
    }
  }

  @Test
  void theRecordPrintsTheBatchOnEveryPageWithItsFontsEmbedded() throws Exception {
    Path pdf = fixture.write(root, "released").folder().resolve(ArchivePackageWriter.PDF);
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      assertTrue(doc.getNumberOfPages() >= 3, "the fixture's audit trail fills several pages");
      int pages = doc.getNumberOfPages();
      for (int i = 1; i <= pages; i++) {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(i);
        stripper.setEndPage(i);
        String text = stripper.getText(doc);
        assertTrue(text.contains("Batch record GRN-26-0001"), "header on page " + i);
        assertTrue(text.contains("Page " + i + " of " + pages), "footer on page " + i);
        for (COSName name : doc.getPage(i - 1).getResources().getFontNames()) {
          PDFont font = doc.getPage(i - 1).getResources().getFont(name);
          assertTrue(font.isEmbedded(), font.getName() + " is embedded");
        }
      }
      String all = new PDFTextStripper().getText(doc);
      for (String expected :
          List.of(
              "GRN-0500 version 1 (approved)",
              "L-API-24001",
              "Typing",
              "Released by Name of reviewer (reviewer)",
              "Disposition: ACCEPTED",
              "Inlet temperature",
              "20 s",
              "backward (what went into it)",
              "881 2026-11-20 08:20:20")) {
        assertTrue(all.contains(expected), () -> "the record shows " + expected);
      }
    }
  }

  @Test
  void theJsonRecordIsValidAgainstTheSchemaAndTheSameInsideThePdf() throws Exception {
    Path folder = fixture.write(root, "released").folder();
    byte[] beside = Files.readAllBytes(folder.resolve(ArchivePackageWriter.JSON));
    JsonSchema schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(
                new String(
                    Files.readAllBytes(folder.resolve(ArchiveJson.SCHEMA)),
                    StandardCharsets.UTF_8));
    Set<ValidationMessage> errors =
        schema.validate(
            new String(beside, StandardCharsets.UTF_8), com.networknt.schema.InputFormat.JSON);
    assertEquals(Set.of(), errors);
    try (PDDocument doc = Loader.loadPDF(folder.resolve(ArchivePackageWriter.PDF).toFile())) {
      PDComplexFileSpecification spec =
          doc.getDocumentCatalog()
              .getNames()
              .getEmbeddedFiles()
              .getNames()
              .get(ArchivePdf.JSON_NAME);
      assertEquals(
          "Data", spec.getCOSObject().getNameAsString(COSName.getPDFName("AFRelationship")));
      assertEquals("application/json", spec.getEmbeddedFile().getSubtype());
      assertArrayEquals(beside, spec.getEmbeddedFile().toByteArray());
    }
  }

  @Test
  void theSchemaRefusesARecordWithoutItsBatch() throws Exception {
    Path folder = fixture.write(root, "released").folder();
    String json = Files.readString(folder.resolve(ArchivePackageWriter.JSON));
    JsonSchema schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(Files.readString(folder.resolve(ArchiveJson.SCHEMA)));
    String broken = json.replace("\"batchNumber\": \"GRN-26-0001\"", "\"batchNumber\": 7");
    assertFalse(schema.validate(broken, com.networknt.schema.InputFormat.JSON).isEmpty());
  }

  @Test
  void archivingTwiceMakesASecondNumberedPackageAndNeverOverwrites() throws Exception {
    ArchivePackageWriter.Written first = fixture.write(root, "released");
    byte[] firstPdf = Files.readAllBytes(first.folder().resolve(ArchivePackageWriter.PDF));
    ArchivePackageWriter.Written second = fixture.write(root, "on demand by Ava Adams (auditor)");
    assertEquals("GRN-26-0001", first.folder().getFileName().toString());
    assertEquals("GRN-26-0001-2", second.folder().getFileName().toString());
    assertArrayEquals(
        firstPdf, Files.readAllBytes(first.folder().resolve(ArchivePackageWriter.PDF)));
    ArchiveManifest.Parsed parsed = ArchiveManifest.parse(second.manifest());
    assertEquals("GRN-26-0001-2", parsed.packageName());
    assertEquals(4, parsed.files().size());
    // An existing file is never replaced.
    assertThrows(
        java.io.UncheckedIOException.class,
        () -> ArchiveDirectory.create(first.folder(), ArchivePackageWriter.PDF, new byte[] {1}));
    assertArrayEquals(
        firstPdf, Files.readAllBytes(first.folder().resolve(ArchivePackageWriter.PDF)));
    List<ArchiveDirectory.Listed> listed = new ArchiveDirectory(root).list();
    assertEquals(2, listed.size());
  }

  @Test
  void aBatchNumberCannotReachOutsideTheArchiveDirectory() {
    assertEquals("_.._.._etc_passwd", ArchiveDirectory.folderName("../../etc/passwd"));
    Path folder = new ArchiveDirectory(root).claim("../outside");
    assertEquals(root, folder.getParent());
  }

  @Test
  void theManifestIsSignedWithTheCheckpointKey() throws Exception {
    String manifest = fixture.write(root, "released").manifest();
    java.security.Signature s = java.security.Signature.getInstance("Ed25519");
    s.initVerify(fixture.key.getPublic());
    s.update(ArchiveManifest.signedPart(manifest));
    String signature = manifest.substring(manifest.lastIndexOf("signature: ") + 11).strip();
    assertTrue(s.verify(java.util.Base64.getDecoder().decode(signature)));
  }

  @Test
  void aRecordOfFormatOneCommittedInTheRepositoryIsValidAgainstTodaysSchema() throws Exception {
    // The package the verifier's tests keep: today's schema must accept yesterday's records.
    Path old = Path.of("../verify/src/test/resources/archive-package-v1/GRN-26-0001/record.json");
    JsonSchema schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(new String(ArchivePackageWriter.schema(), StandardCharsets.UTF_8));
    assertEquals(
        Set.of(), schema.validate(Files.readString(old), com.networknt.schema.InputFormat.JSON));
  }
}
