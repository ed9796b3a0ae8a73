package org.custodian.platform.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.custodian.platform.InvalidInputException.FieldError;

/** An RFC 9457 problem document: status, title, detail, and the fields at fault. */
public record Problem(
    String type, String title, int status, String detail, List<FieldError> errors) {

  public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

  public static Response response(Response.Status status, String detail) {
    return response(status.getStatusCode(), status.getReasonPhrase(), detail, List.of());
  }

  public static Response response(
      int status, String title, String detail, List<FieldError> errors) {
    return Response.status(status)
        .type(MEDIA_TYPE)
        .entity(new Problem("about:blank", title, status, detail, errors))
        .build();
  }
}
