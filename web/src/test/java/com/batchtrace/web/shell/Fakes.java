package com.batchtrace.web.shell;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** Servlet objects for plain tests: only what the code under test reads and writes. */
final class Fakes {

  private Fakes() {}

  /** A session created at {@code created} (epoch millis) holding its attributes in a map. */
  static HttpSession session(long created) {
    Map<String, Object> attributes = new HashMap<>();
    return (HttpSession)
        Proxy.newProxyInstance(
            Fakes.class.getClassLoader(),
            new Class<?>[] {HttpSession.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getCreationTime" -> created;
                  case "getAttribute" -> attributes.get((String) args[0]);
                  case "setAttribute" -> attributes.put((String) args[0], args[1]);
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  /** A request with these headers and parameters, on TLS or not, to {@code servletPath}. */
  static HttpServletRequest request(
      String servletPath, boolean secure, Map<String, String> headers, Map<String, String> params) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            Fakes.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getServletPath" -> servletPath;
                  case "isSecure" -> secure;
                  case "getHeader" -> headers.get((String) args[0]);
                  case "getParameter" -> params.get((String) args[0]);
                  case "getCharacterEncoding" -> "UTF-8";
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  /** A response whose headers land in {@code headers}. */
  static HttpServletResponse response(Map<String, String> headers) {
    return (HttpServletResponse)
        Proxy.newProxyInstance(
            Fakes.class.getClassLoader(),
            new Class<?>[] {HttpServletResponse.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}
