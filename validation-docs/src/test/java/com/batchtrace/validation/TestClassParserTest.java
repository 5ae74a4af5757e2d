package com.batchtrace.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("URS-012")
class TestClassParserTest {

  private static final String FILE = "ejb/src/test/java/com/example/SampleTest.java";

  private static TestSources parse(String source) {
    return TestClassParser.parse(source, "ejb", FILE);
  }

  /** Each test as {@code class#method=ids}. */
  private static Set<String> tests(TestSources sources) {
    return sources.tests().stream()
        .map(t -> t.test().qualifiedName() + "=" + String.join(",", t.requirementIds()))
        .collect(Collectors.toSet());
  }

  @Test
  void classTagAppliesToEveryTestMethodAndMethodTagsAdd() {
    TestSources sources =
        parse(
            """
            package com.example;

            import org.junit.jupiter.api.*;

            @Tag("URS-001")
            @DisplayName("sample")
            class SampleTest {
              @Test
              void plain() {}

              @org.junit.jupiter.api.Tag("URS-002")
              @ParameterizedTest
              @ValueSource(strings = {"a", "b"})
              public void parameterized(@TempDir String value) throws Exception {
                new Object() { void inner() {} };
              }

              @RepeatedTest(3) @Tag("slow") void repeated() {}

              @TestFactory Object factory() { return null; }

              @TestTemplate void template() {}

              @BeforeEach void setUp() {}

              void helper() {}
            }
            """);

    assertEquals(
        Set.of(
            "com.example.SampleTest#plain=URS-001",
            "com.example.SampleTest#parameterized=URS-001,URS-002",
            "com.example.SampleTest#repeated=URS-001",
            "com.example.SampleTest#factory=URS-001",
            "com.example.SampleTest#template=URS-001"),
        tests(sources));
    assertEquals(
        List.of(new RequirementTag("URS-001", FILE, 5), new RequirementTag("URS-002", FILE, 11)),
        sources.tags());
  }

  @Test
  void methodTagWithoutClassTagIsFoundAndUntaggedTestsAreLeftOut() {
    TestSources sources =
        parse(
            """
            package com.example;
            class SampleTest {
              @Test void untagged() {}
              @Test @Tags({@Tag("URS-003"), @Tag("fast")}) void tagged() {}
            }
            """);

    assertEquals(Set.of("com.example.SampleTest#tagged=URS-003"), tests(sources));
  }

  @Test
  void nestedClassesAreNamedLikeTheReportsAndInheritTheOuterTags() {
    TestSources sources =
        parse(
            """
            package com.example;
            @Tag("URS-001")
            class SampleTest {
              private static final Class<?> TYPE = SampleTest.class;
              @Nested
              @Tag("URS-002")
              class Inner {
                @Test void deep() {}
              }
              @Test void outer() {}
            }
            """);

    assertEquals(
        Set.of(
            "com.example.SampleTest$Inner#deep=URS-001,URS-002",
            "com.example.SampleTest#outer=URS-001"),
        tests(sources));
  }

  @Test
  void tagsInCommentsStringsAndTextBlocksAreIgnored() {
    String quotes = "\"\"\"";
    TestSources sources =
        parse(
            "package com.example;\n"
                + "// @Tag(\"URS-900\")\n"
                + "/* @Tag(\"URS-901\") */\n"
                + "class SampleTest {\n"
                + "  String s = \"@Tag(\\\"URS-902\\\")\";\n"
                + "  String t = "
                + quotes
                + "\n    @Tag(\"URS-903\") @Test void x() {}\n    "
                + quotes
                + ";\n"
                + "  @Test void plain() {}\n"
                + "}\n");

    assertEquals(List.of(), sources.tests());
    assertEquals(List.of(), sources.tags());
  }

  @Test
  void mistypedIdsAreRecordedWithTheirPlace() {
    TestSources sources =
        parse(
            """
            package com.example;
            class SampleTest {
              @Test
              @Tag("URS-01")
              void typo() {}
            }
            """);

    assertEquals(Set.of("com.example.SampleTest#typo=URS-01"), tests(sources));
    assertEquals(List.of(new RequirementTag("URS-01", FILE, 4)), sources.tags());
  }

  @Test
  void displayNameIsKept() {
    TestSources sources =
        parse(
            """
            package com.example;
            class SampleTest {
              @Test @DisplayName("signs in <quickly>") @Tag("URS-001") void signIn() {}
            }
            """);

    assertEquals("signs in <quickly>", sources.tests().get(0).displayName());
  }
}
