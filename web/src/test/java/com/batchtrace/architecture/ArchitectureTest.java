package com.batchtrace.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.batchtrace.compliance.signature.entity.SignedRecord;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The structure docs/architecture.md describes, as rules the build enforces:
 * Boundary-Control-Entity inside every bounded context, the one direction of dependencies between
 * contexts, web classes only through boundaries and entities, signed content never built from a
 * page's view, and the execution context as the one door to the genealogy's edges.
 */
class ArchitectureTest {

  private static final String ROOT = "com.batchtrace.";

  /** Each context and the contexts it may depend on (besides itself, platform and identity). */
  private static final List<Context> CONTEXTS =
      List.of(
          new Context("masterdata", "compliance"),
          new Context("genealogy", "masterdata", "compliance"),
          new Context("execution", "genealogy", "masterdata", "compliance"),
          new Context("collection", "execution", "genealogy", "masterdata", "compliance"),
          new Context(
              "quality", "execution", "collection", "genealogy", "masterdata", "compliance"),
          new Context("compliance"),
          // Who is acting: every context may ask; identity itself depends on no context.
          new Context("identity"));

  /** Boundary-Control-Entity units: each context, and each part of compliance. */
  private static final List<String> UNITS =
      List.of(
          "masterdata",
          "genealogy",
          "execution",
          "collection",
          "quality",
          "identity",
          "compliance.audit",
          "compliance.integrity",
          "compliance.qualification",
          "compliance.review",
          "compliance.security",
          "compliance.signature");

  private static JavaClasses classes;

  @BeforeAll
  static void importTheCode() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.batchtrace");
  }

  @TestFactory
  Stream<DynamicTest> entitiesDependOnNeitherControlNorBoundary() {
    return perUnit(
        unit ->
            noClasses()
                .that()
                .resideInAPackage(ROOT + unit + ".entity..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(ROOT + unit + ".boundary..", ROOT + unit + ".control..")
                .because("the domain model is the core: it knows no service"));
  }

  /**
   * Control is used by the boundary, never the reverse: it may build the boundary's data records
   * (what the boundary answers), but never calls a boundary service.
   */
  @TestFactory
  Stream<DynamicTest> controlNeverCallsItsBoundary() {
    return perUnit(
        unit ->
            noClasses()
                .that()
                .resideInAPackage(ROOT + unit + ".control..")
                .should()
                .dependOnClassesThat(
                    resideInAPackage(ROOT + unit + ".boundary..")
                        .and(
                            annotatedWith(ApplicationScoped.class)
                                .or(annotatedWith(RequestScoped.class))
                                .or(annotatedWith(Stateless.class))
                                .or(annotatedWith(Singleton.class))))
                .because("the boundary coordinates; control does the work it is given"));
  }

  @TestFactory
  Stream<DynamicTest> noClassUsesAnotherContextsControl() {
    return perUnit(
        unit ->
            noClasses()
                .that()
                .resideOutsideOfPackage(ROOT + unit + "..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ROOT + unit + ".control..")
                .because(
                    "a context is used through its boundary (and its entities), never its"
                        + " internals"));
  }

  /** One test per Boundary-Control-Entity unit; a unit without such classes passes. */
  private static Stream<DynamicTest> perUnit(Function<String, ArchRule> rule) {
    return UNITS.stream()
        .map(
            unit ->
                DynamicTest.dynamicTest(
                    unit, () -> rule.apply(unit).allowEmptyShould(true).check(classes)));
  }

  @TestFactory
  Stream<DynamicTest> contextsDependInOneDirection() {
    return CONTEXTS.stream()
        .map(
            context ->
                DynamicTest.dynamicTest(
                    context.name + " may use " + Arrays.toString(context.allowed),
                    () -> context.rule().check(classes)));
  }

  @Test
  void platformDependsOnNoContext() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + "platform..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(CONTEXTS.stream().map(c -> ROOT + c.name + "..").toArray(String[]::new))
        .check(classes);
  }

  @Test
  void noBusinessCodeDependsOnThePages() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + "web..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + "web..")
        .check(classes);
  }

  @Test
  void signedContentIsNeverBuiltFromAPagesView() {
    noClasses()
        .that()
        .implement(SignedRecord.class)
        .should()
        .dependOnClassesThat()
        .haveSimpleNameEndingWith("View")
        .because(
            "what a signature covers comes from the record; a page's cosmetic change must not"
                + " invalidate signatures")
        .check(classes);
  }

  @Test
  void onlyTheExecutionContextWritesGenealogyEdges() {
    noClasses()
        .that()
        .resideOutsideOfPackages(ROOT + "execution..", ROOT + "genealogy..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName(ROOT + "genealogy.boundary.GenealogyEdges")
        .because("charges and completion go through the execution context's rules, one door")
        .check(classes);
  }

  /** A context and the ones it may depend on. */
  private record Context(String name, String... allowed) {

    ArchRule rule() {
      List<String> forbidden = new ArrayList<>();
      for (Context other : CONTEXTS) {
        if (!other.name.equals(name)
            && !other.name.equals("identity")
            && !Arrays.asList(allowed).contains(other.name)) {
          forbidden.add(ROOT + other.name + "..");
        }
      }
      forbidden.add(ROOT + "web..");
      return noClasses()
          .that()
          .resideInAPackage(ROOT + name + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(forbidden.toArray(String[]::new))
          .because("dependencies between contexts run one way (docs/architecture.md)");
    }
  }
}
