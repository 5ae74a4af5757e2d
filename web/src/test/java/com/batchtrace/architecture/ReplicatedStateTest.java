package com.batchtrace.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What a page keeps between requests lives in the session, and a clustered site copies the session
 * to the other node after every request. A field the copy cannot serialize is not copied (the node
 * logs ISPN000559 and goes on), so after a failover the page's form is refused as expired. Every
 * field of a view- or session-scoped bean, and everything inside it, must be serializable.
 */
@Tag("URS-081")
class ReplicatedStateTest {

  @Test
  void everythingAPageKeepsBetweenRequestsCanBeCopiedToTheOtherNode() {
    List<Class<?>> pages = new ArrayList<>();
    for (JavaClass page :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.batchtrace.web")) {
      if (page.isAnnotatedWith(ViewScoped.class) || page.isAnnotatedWith(SessionScoped.class)) {
        pages.add(page.reflect());
      }
    }
    assertTrue(pages.size() > 10, "found the view- and session-scoped pages: " + pages);
    List<String> problems = new ArrayList<>();
    for (Class<?> page : pages) {
      problems.addAll(new Walk(page.getSimpleName()).of(page));
    }
    assertEquals(List.of(), problems, "not serializable, so not copied to the other node");
  }

  /**
   * An injected service is restored with the page at the other node (CDI serializes its proxy); a
   * transient one comes back empty, and the page's next action fails there.
   */
  @Test
  void aPageKeepsItsServicesWhenItMovesToTheOtherNode() {
    List<String> emptyAfterTheMove = new ArrayList<>();
    for (JavaClass page :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.batchtrace.web")) {
      if (page.isAnnotatedWith(ViewScoped.class) || page.isAnnotatedWith(SessionScoped.class)) {
        for (Field field : page.reflect().getDeclaredFields()) {
          if ((field.isAnnotationPresent(Inject.class) || field.isAnnotationPresent(EJB.class))
              && Modifier.isTransient(field.getModifiers())) {
            emptyAfterTheMove.add(page.getSimpleName() + "." + field.getName());
          }
        }
      }
    }
    assertEquals(List.of(), emptyAfterTheMove, "injected but transient: empty at the other node");
  }

  @Test
  void aRecordThatIsNotSerializableIsFound() {
    assertEquals(
        List.of("Sample.kept: ReplicatedStateTest.Plain"), new Walk("Sample").of(Sample.class));
  }

  record Plain(String name) {}

  record Wrapped(List<Plain> plain) implements Serializable {}

  static final class Sample implements Serializable {
    @Inject Object injected;
    transient Plain notKept;
    Map<String, List<Wrapped>> kept;
  }

  /** Walks a bean's fields into their declared types, records' components and type arguments. */
  private static final class Walk {

    private final String root;
    private final Set<Type> seen = new HashSet<>();
    private final List<String> problems = new ArrayList<>();

    Walk(String root) {
      this.root = root;
    }

    List<String> of(Class<?> bean) {
      fields(root, bean);
      return problems;
    }

    private void fields(String where, Class<?> bean) {
      // A library's own fields (a PrimeFaces data model's listeners) are the library's business.
      for (Class<?> c = bean;
          c != null && c.getName().startsWith("com.batchtrace.");
          c = c.getSuperclass()) {
        for (Field field : c.getDeclaredFields()) {
          int modifiers = field.getModifiers();
          if (Modifier.isStatic(modifiers)
              || Modifier.isTransient(modifiers)
              || field.isAnnotationPresent(Inject.class)
              || field.isAnnotationPresent(EJB.class)
              || field.isSynthetic()) {
            continue;
          }
          type(where + "." + field.getName(), field.getGenericType());
        }
      }
    }

    private void type(String where, Type type) {
      if (!seen.add(type)) {
        return;
      }
      if (type instanceof ParameterizedType parameterized) {
        type(where, parameterized.getRawType());
        for (Type argument : parameterized.getActualTypeArguments()) {
          type(where, argument);
        }
      } else if (type instanceof WildcardType wildcard) {
        for (Type bound : wildcard.getUpperBounds()) {
          type(where, bound);
        }
      } else if (type instanceof GenericArrayType array) {
        type(where, array.getGenericComponentType());
      } else if (type instanceof Class<?> c) {
        clazz(where, c);
      }
    }

    private void clazz(String where, Class<?> c) {
      if (c.isPrimitive() || c.isEnum() || c == Object.class) {
        return;
      }
      if (c.isArray()) {
        clazz(where, c.getComponentType());
      } else if (c.isInterface()) {
        // A collection or map is serializable when its implementation is (ArrayList, HashMap and
        // List.of are); what it holds is walked through the type arguments.
        if (!Collection.class.isAssignableFrom(c)
            && !Map.class.isAssignableFrom(c)
            && !Serializable.class.isAssignableFrom(c)) {
          problems.add(where + ": " + name(c));
        }
      } else if (!Serializable.class.isAssignableFrom(c)) {
        problems.add(where + ": " + name(c));
      } else if (c.isRecord()) {
        for (RecordComponent component : c.getRecordComponents()) {
          type(where, component.getGenericType());
        }
      } else if (c.getName().startsWith("com.batchtrace.")) {
        fields(where, c);
      }
    }

    private static String name(Class<?> c) {
      return c.getEnclosingClass() == null
          ? c.getName()
          : c.getEnclosingClass().getSimpleName() + "." + c.getSimpleName();
    }
  }
}
