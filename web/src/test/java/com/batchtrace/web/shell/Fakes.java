package com.batchtrace.web.shell;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

/** Servlet objects for plain tests: only what the code under test reads and writes. */
final class Fakes {

  private Fakes() {}

  /** A session created at {@code created} (epoch millis) holding its attributes in a map. */
  static HttpSession session(long created) {
    Map<String, Object> attributes = new HashMap<>();
    return fake(
        HttpSession.class,
        (method, args) ->
            switch (method) {
              case "getCreationTime" -> created;
              case "getAttribute" -> attributes.get((String) args[0]);
              case "setAttribute" -> attributes.put((String) args[0], args[1]);
              default -> throw new UnsupportedOperationException(method);
            });
  }

  /** A request with these headers and parameters, on TLS or not, to {@code servletPath}. */
  static HttpServletRequest request(
      String servletPath, boolean secure, Map<String, String> headers, Map<String, String> params) {
    return fake(
        HttpServletRequest.class,
        (method, args) ->
            switch (method) {
              case "getServletPath" -> servletPath;
              case "isSecure" -> secure;
              case "getHeader" -> headers.get((String) args[0]);
              case "getParameter" -> params.get((String) args[0]);
              case "getCharacterEncoding" -> "UTF-8";
              default -> throw new UnsupportedOperationException(method);
            });
  }

  /** A response whose headers land in {@code headers}. */
  static HttpServletResponse response(Map<String, String> headers) {
    return fake(
        HttpServletResponse.class,
        (method, args) -> {
          if (!method.equals("setHeader")) {
            throw new UnsupportedOperationException(method);
          }
          return headers.put((String) args[0], (String) args[1]);
        });
  }

  private static <T> T fake(Class<T> type, BiFunction<String, Object[], Object> answer) {
    return type.cast(
        Proxy.newProxyInstance(
            Fakes.class.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> answer.apply(method.getName(), args)));
  }
}
