package com.batchtrace.validation;

import com.batchtrace.validation.JavaTokens.Kind;
import com.batchtrace.validation.JavaTokens.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds, in one test source file, the test methods and the requirement ids tagged on them and on
 * their classes.
 *
 * <p>Not a Java parser: it follows just enough structure on the tokens of {@link JavaTokens} (the
 * package, nested type declarations, annotations and method headers) to name each test the way the
 * JUnit reports do ({@code package.Outer$Nested} and the method name). A tag on a class applies to
 * its test methods and to those of the classes nested in it, as in JUnit. Tags that reach a test
 * only through a superclass, an interface or a composed annotation are not seen; put the tag on the
 * test class itself.
 */
final class TestClassParser {

  private static final Set<String> TEST_ANNOTATIONS =
      Set.of("Test", "ParameterizedTest", "RepeatedTest", "TestFactory", "TestTemplate");
  private static final Set<String> TAG_ANNOTATIONS = Set.of("Tag", "Tags");
  private static final Set<String> TYPE_KEYWORDS = Set.of("class", "interface", "enum", "record");

  /** An annotation: its simple name, the string literals among its arguments and its line. */
  private record Annotation(String name, List<String> strings, int line) {}

  /** A type whose body is open: its binary name, the brace depth of its body, its tags. */
  private record TypeScope(String binaryName, int bodyDepth, Set<String> requirementIds) {}

  private final List<Token> tokens;
  private final String module;
  private final String file;
  private final List<TaggedTest> tests = new ArrayList<>();
  private final List<RequirementTag> tags = new ArrayList<>();
  private final Deque<TypeScope> scopes = new ArrayDeque<>();
  private final List<Annotation> pending = new ArrayList<>();
  private String packagePrefix = "";
  private int depth;
  private int position;

  private TestClassParser(String source, String module, String file) {
    this.tokens = JavaTokens.tokenize(source);
    this.module = module;
    this.file = file;
  }

  /**
   * The tagged test methods and the requirement tags of one source file.
   *
   * @param source the Java source text
   * @param module the module folder the file belongs to
   * @param file the file relative to the repository root, for messages
   */
  static TestSources parse(String source, String module, String file) {
    return new TestClassParser(source, module, file).run();
  }

  private TestSources run() {
    while (position < tokens.size()) {
      Token token = tokens.get(position);
      if (token.isSymbol('@') && !isIdentifier(position + 1, "interface")) {
        pending.add(readAnnotation());
      } else if (token.is(Kind.IDENTIFIER, "package") && depth == 0) {
        readPackage();
      } else if (isTypeDeclaration()) {
        declareType();
      } else if (isMethodHeader()) {
        declareMethod();
      } else {
        step(token);
      }
    }
    return new TestSources(tests, tags);
  }

  private void step(Token token) {
    if (token.isSymbol('{')) {
      depth++;
      pending.clear();
    } else if (token.isSymbol('}')) {
      depth--;
      while (!scopes.isEmpty() && scopes.peek().bodyDepth() > depth) {
        scopes.pop();
      }
    } else if (token.isSymbol(';') || token.isSymbol('=')) {
      pending.clear();
    }
    position++;
  }

  private Annotation readAnnotation() {
    int line = tokens.get(position).line();
    position++;
    String name = "";
    while (position < tokens.size() && tokens.get(position).kind() == Kind.IDENTIFIER) {
      name = tokens.get(position).text();
      position++;
      if (!isSymbol(position, '.')) {
        break;
      }
      position++;
    }
    List<String> strings = new ArrayList<>();
    if (isSymbol(position, '(')) {
      int close = closingParenthesis(position);
      for (Token argument : tokens.subList(position, close)) {
        if (argument.kind() == Kind.STRING) {
          strings.add(argument.text());
        }
      }
      position = close + 1;
    }
    return new Annotation(name, strings, line);
  }

  private void readPackage() {
    StringBuilder name = new StringBuilder();
    position++;
    while (position < tokens.size() && !isSymbol(position, ';')) {
      name.append(tokens.get(position).text());
      position++;
    }
    packagePrefix = name.isEmpty() ? "" : name + ".";
    pending.clear();
  }

  private boolean isTypeDeclaration() {
    Token token = tokens.get(position);
    return token.kind() == Kind.IDENTIFIER
        && TYPE_KEYWORDS.contains(token.text())
        && !isSymbol(position - 1, '.')
        && position + 1 < tokens.size()
        && tokens.get(position + 1).kind() == Kind.IDENTIFIER;
  }

  private void declareType() {
    String name = tokens.get(position + 1).text();
    TypeScope enclosing = scopes.peek();
    Set<String> requirementIds = new TreeSet<>();
    if (enclosing != null) {
      requirementIds.addAll(enclosing.requirementIds());
    }
    requirementIds.addAll(pendingRequirementIds());
    String binaryName =
        enclosing == null ? packagePrefix + name : enclosing.binaryName() + "$" + name;
    position += 2;
    while (position < tokens.size() && !tokens.get(position).isSymbol('{')) {
      position++;
    }
    depth++;
    position++;
    scopes.push(new TypeScope(binaryName, depth, requirementIds));
    pending.clear();
  }

  private boolean isMethodHeader() {
    return tokens.get(position).isSymbol('(')
        && !pending.isEmpty()
        && !scopes.isEmpty()
        && scopes.peek().bodyDepth() == depth
        && position > 0
        && tokens.get(position - 1).kind() == Kind.IDENTIFIER;
  }

  private void declareMethod() {
    String name = tokens.get(position - 1).text();
    TypeScope type = scopes.peek();
    Set<String> requirementIds = new TreeSet<>(type.requirementIds());
    Set<String> own = pendingRequirementIds();
    requirementIds.addAll(own);
    Set<String> byClassOnly = new TreeSet<>(type.requirementIds());
    byClassOnly.removeAll(own);
    boolean test = pending.stream().anyMatch(a -> TEST_ANNOTATIONS.contains(a.name()));
    if (test && !requirementIds.isEmpty()) {
      TestMethod method = new TestMethod(module, type.binaryName(), name);
      tests.add(new TaggedTest(method, requirementIds, displayName(), byClassOnly));
    }
    position = closingParenthesis(position) + 1;
    pending.clear();
  }

  /** The requirement ids among the pending annotations' tags; each is recorded with its place. */
  private Set<String> pendingRequirementIds() {
    Set<String> ids = new TreeSet<>();
    for (Annotation annotation : pending) {
      if (!TAG_ANNOTATIONS.contains(annotation.name())) {
        continue;
      }
      for (String value : annotation.strings()) {
        if (RequirementTag.refersToRequirement(value)) {
          String id = value.strip();
          ids.add(id);
          tags.add(new RequirementTag(id, file, annotation.line()));
        }
      }
    }
    return ids;
  }

  private String displayName() {
    return pending.stream()
        .filter(a -> a.name().equals("DisplayName") && !a.strings().isEmpty())
        .map(a -> a.strings().get(0))
        .findFirst()
        .orElse(null);
  }

  /** The index of the ')' that closes the '(' at {@code open}; the last token if it is missing. */
  private int closingParenthesis(int open) {
    int nesting = 0;
    for (int i = open; i < tokens.size(); i++) {
      if (tokens.get(i).isSymbol('(')) {
        nesting++;
      } else if (tokens.get(i).isSymbol(')') && --nesting == 0) {
        return i;
      }
    }
    return tokens.size() - 1;
  }

  private boolean isSymbol(int index, char symbol) {
    return index >= 0 && index < tokens.size() && tokens.get(index).isSymbol(symbol);
  }

  private boolean isIdentifier(int index, String text) {
    return index < tokens.size() && tokens.get(index).is(Kind.IDENTIFIER, text);
  }
}
