package com.batchtrace.validation.iq;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The QA person executing the IQ: their user id (BATCHTRACE_IQ_USER, or asked) and password (asked
 * without echo; read from standard input when there is no terminal). They sign in to read the
 * integrity of the chains, and sign the record. Never written anywhere.
 */
record QaSigner(Optional<String> username, String password) {

  static QaSigner fromConsole(Map<String, String> env) {
    Console console = System.console();
    String user = env.getOrDefault("BATCHTRACE_IQ_USER", "").strip();
    try {
      BufferedReader stdin =
          console == null
              ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
              : null;
      if (user.isEmpty()) {
        System.out.print("QA user id executing this IQ (empty: run without signing): ");
        System.out.flush();
        String line = console != null ? console.readLine() : stdin.readLine();
        user = line == null ? "" : line.strip();
      }
      if (user.isEmpty()) {
        return new QaSigner(Optional.empty(), "");
      }
      String password;
      if (console != null) {
        char[] typed = console.readPassword("Password of %s: ", user);
        password = typed == null ? "" : new String(typed);
      } else {
        System.out.print("Password of " + user + ": ");
        System.out.flush();
        String line = stdin.readLine();
        password = line == null ? "" : line;
      }
      System.out.println();
      return new QaSigner(Optional.of(user), password);
    } catch (IOException e) {
      return new QaSigner(Optional.empty(), "");
    }
  }
}
