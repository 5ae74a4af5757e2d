package com.batchtrace.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits Java source into the few kinds of tokens the test scanner needs: identifiers, string
 * literals and single-character symbols. Comments, character literals, text blocks and numbers are
 * dropped, so an annotation in a comment or a string is never mistaken for a real one.
 */
final class JavaTokens {

  enum Kind {
    IDENTIFIER,
    STRING,
    SYMBOL
  }

  /** One token; {@code text} of a string literal is its (unescaped) content. */
  record Token(Kind kind, String text, int line) {

    boolean is(Kind expectedKind, String expectedText) {
      return kind == expectedKind && text.equals(expectedText);
    }

    boolean isSymbol(char symbol) {
      return kind == Kind.SYMBOL && text.length() == 1 && text.charAt(0) == symbol;
    }
  }

  private final String source;
  private int position;
  private int line = 1;

  private JavaTokens(String source) {
    this.source = source;
  }

  static List<Token> tokenize(String source) {
    return new JavaTokens(source).all();
  }

  private List<Token> all() {
    List<Token> tokens = new ArrayList<>();
    while (position < source.length()) {
      char c = source.charAt(position);
      if (c == '\n') {
        line++;
        position++;
      } else if (Character.isWhitespace(c)) {
        position++;
      } else if (source.startsWith("//", position)) {
        skipUntil("\n", false);
      } else if (source.startsWith("/*", position)) {
        position += 2;
        skipUntil("*/", true);
      } else if (source.startsWith("\"\"\"", position)) {
        position += 3;
        skipTextBlock();
      } else if (c == '"') {
        int startLine = line;
        tokens.add(new Token(Kind.STRING, readQuoted('"'), startLine));
      } else if (c == '\'') {
        readQuoted('\'');
      } else if (Character.isJavaIdentifierStart(c)) {
        int start = position;
        while (position < source.length()
            && Character.isJavaIdentifierPart(source.charAt(position))) {
          position++;
        }
        tokens.add(new Token(Kind.IDENTIFIER, source.substring(start, position), line));
      } else if (Character.isDigit(c)) {
        while (position < source.length()
            && (Character.isJavaIdentifierPart(source.charAt(position))
                || source.charAt(position) == '.')) {
          position++;
        }
      } else {
        tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), line));
        position++;
      }
    }
    return tokens;
  }

  private void skipUntil(String end, boolean consumeEnd) {
    int found = source.indexOf(end, position);
    int stop = found < 0 ? source.length() : found;
    countLines(position, stop);
    position = found < 0 ? source.length() : (consumeEnd ? found + end.length() : found);
  }

  private void skipTextBlock() {
    while (position < source.length()) {
      char c = source.charAt(position);
      if (c == '\\') {
        position += 2;
        continue;
      }
      if (c == '\n') {
        line++;
      }
      if (source.startsWith("\"\"\"", position)) {
        position += 3;
        return;
      }
      position++;
    }
  }

  private String readQuoted(char quote) {
    StringBuilder content = new StringBuilder();
    position++;
    while (position < source.length()) {
      char c = source.charAt(position);
      if (c == quote || c == '\n') {
        position++;
        if (c == '\n') {
          line++;
        }
        break;
      }
      if (c == '\\' && position + 1 < source.length()) {
        char escaped = source.charAt(position + 1);
        content.append(
            switch (escaped) {
              case 'n' -> '\n';
              case 't' -> '\t';
              default -> escaped;
            });
        position += 2;
        continue;
      }
      content.append(c);
      position++;
    }
    return content.toString();
  }

  private void countLines(int from, int to) {
    for (int i = from; i < to && i < source.length(); i++) {
      if (source.charAt(i) == '\n') {
        line++;
      }
    }
  }
}
