package com.batchtrace.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The API denies by default, and every resource method says who may call it. */
@Tag("URS-053")
class ApiAccessRulesTest {

  @TestFactory
  Stream<DynamicTest> everyResourceMethodNamesWhoMayCallIt() {
    List<Method> methods = resourceMethods();
    assertTrue(methods.size() > 50, "found the API's resource methods: " + methods.size());
    return methods.stream()
        .map(
            method ->
                DynamicTest.dynamicTest(
                    method.getDeclaringClass().getSimpleName() + "." + method.getName(),
                    () ->
                        assertTrue(
                            ApiAccessFilter.Access.of(method, method.getDeclaringClass())
                                .isPresent(),
                            method + " has neither @RolesAllowed nor @PermitAll")));
  }

  @Test
  void aMethodWithoutRolesIsRefusedToEveryone() throws Exception {
    Method open = Forgotten.class.getMethod("open");

    Optional<String> refusal =
        ApiAccessFilter.refusal(open, Forgotten.class, role -> true, "admin");

    assertEquals(Optional.of("This request is not open to any role of the plant realm."), refusal);
  }

  @Test
  void theMethodsRolesComeBeforeItsClasss() throws Exception {
    Method qa = Guarded.class.getMethod("qaOnly");
    Method admin = Guarded.class.getMethod("adminByClass");
    Method anyone = Guarded.class.getMethod("anyone");

    assertTrue(
        ApiAccessFilter.refusal(qa, Guarded.class, "admin"::equals, "adrian").isPresent(),
        "admin may not call a QA method of an admin class");
    assertFalse(
        ApiAccessFilter.refusal(qa, Guarded.class, "qa-reviewer"::equals, "rita").isPresent());
    assertFalse(
        ApiAccessFilter.refusal(admin, Guarded.class, "admin"::equals, "adrian").isPresent());
    assertTrue(
        ApiAccessFilter.refusal(admin, Guarded.class, "operator"::equals, "olivia").isPresent());
    assertFalse(
        ApiAccessFilter.refusal(anyone, Guarded.class, role -> false, "gateway").isPresent());
  }

  /** Every method of the web module's JAX-RS resources that answers a request. */
  private static List<Method> resourceMethods() {
    return new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.batchtrace.web")
            .stream()
            .filter(c -> c.isAnnotatedWith(Path.class))
            .map(JavaClass::reflect)
            .flatMap(c -> Arrays.stream(c.getDeclaredMethods()))
            .filter(ApiAccessRulesTest::answersRequests)
            .toList();
  }

  private static boolean answersRequests(Method method) {
    return method.isAnnotationPresent(Path.class)
        || Arrays.stream(method.getAnnotations())
            .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class));
  }

  @Path("forgotten")
  public static class Forgotten {
    @GET
    public String open() {
      return "";
    }
  }

  @Path("guarded")
  @RolesAllowed("admin")
  public static class Guarded {
    @GET
    @RolesAllowed("qa-reviewer")
    public String qaOnly() {
      return "";
    }

    @GET
    public String adminByClass() {
      return "";
    }

    @GET
    @PermitAll
    public String anyone() {
      return "";
    }
  }
}
