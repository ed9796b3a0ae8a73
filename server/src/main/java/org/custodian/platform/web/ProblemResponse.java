package org.custodian.platform.web;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * An RFC 9457 problem document written by a servlet filter, which answers before JAX-RS (and its
 * exception mappers) is reached; the same shape as {@code org.custodian.platform.rest.Problem}.
 */
final class ProblemResponse {

  private ProblemResponse() {}

  static void write(
      HttpServletResponse response, int status, String title, String detail, String field)
      throws IOException {
    JsonArrayBuilder errors = Json.createArrayBuilder();
    if (field != null) {
      errors.add(Json.createObjectBuilder().add("field", field).add("message", detail));
    }
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status)
                .add("detail", detail)
                .add("errors", errors)
                .build()
                .toString());
  }
}
