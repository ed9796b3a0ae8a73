package org.custodian.platform.rest;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodian.platform.ConflictException;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.InvalidInputException.FieldError;
import org.custodian.platform.NotFoundException;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.common.engine.api.FlowableTaskAlreadyClaimedException;

/**
 * Every failure leaves as a problem document, never a stack trace. A lost race (two reviewers
 * completing one task) is a 409; anything unexpected is a 500 whose detail hides the internals.
 */
public final class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

  private ProblemMappers() {}

  @Provider
  public static class Invalid implements ExceptionMapper<InvalidInputException> {
    @Override
    public Response toResponse(InvalidInputException e) {
      return Problem.response(400, "Bad Request", e.getMessage(), e.errors());
    }
  }

  @Provider
  public static class Forbidden implements ExceptionMapper<ForbiddenException> {
    @Override
    public Response toResponse(ForbiddenException e) {
      return Problem.response(Status.FORBIDDEN, e.getMessage());
    }
  }

  @Provider
  public static class SignInAgain
      implements ExceptionMapper<org.custodian.platform.SignInAgainException> {
    @Override
    public Response toResponse(org.custodian.platform.SignInAgainException e) {
      return Response.fromResponse(Problem.response(Status.UNAUTHORIZED, e.getMessage()))
          .header("WWW-Authenticate", org.custodian.platform.SignInAgainException.BASIC_CHALLENGE)
          .build();
    }
  }

  @Provider
  public static class NotFound implements ExceptionMapper<NotFoundException> {
    @Override
    public Response toResponse(NotFoundException e) {
      return Problem.response(Status.NOT_FOUND, e.getMessage());
    }
  }

  @Provider
  public static class Conflict implements ExceptionMapper<ConflictException> {
    @Override
    public Response toResponse(ConflictException e) {
      return Problem.response(Status.CONFLICT, e.getMessage());
    }
  }

  @Provider
  public static class TooMany
      implements ExceptionMapper<org.custodian.platform.TooManyRequestsException> {
    @Override
    public Response toResponse(org.custodian.platform.TooManyRequestsException e) {
      return Response.fromResponse(Problem.response(Status.TOO_MANY_REQUESTS, e.getMessage()))
          .header("Retry-After", Math.max(1, e.retryAfter().toSeconds()))
          .build();
    }
  }

  @Provider
  public static class Json implements ExceptionMapper<JsonException> {
    @Override
    public Response toResponse(JsonException e) {
      return Problem.response(
          400,
          "Bad Request",
          "The request body is not valid JSON.",
          List.of(new FieldError("body", "not valid JSON")));
    }
  }

  @Provider
  public static class Jsonb implements ExceptionMapper<JsonbException> {
    @Override
    public Response toResponse(JsonbException e) {
      return Problem.response(
          400,
          "Bad Request",
          "The request body does not match this endpoint.",
          List.of(new FieldError("body", "does not match the expected fields and types")));
    }
  }

  @Provider
  public static class Processing implements ExceptionMapper<ProcessingException> {
    @Override
    public Response toResponse(ProcessingException e) {
      return Problem.response(
          400,
          "Bad Request",
          "The request body could not be read.",
          List.of(new FieldError("body", "not valid JSON")));
    }
  }

  @Provider
  public static class Validation implements ExceptionMapper<ConstraintViolationException> {
    @Override
    public Response toResponse(ConstraintViolationException e) {
      return Problem.response(
          400,
          "Bad Request",
          "Some fields are not valid.",
          org.custodian.platform.Validation.errors(e.getConstraintViolations()));
    }
  }

  @Provider
  public static class WebApplication implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      Response original = e.getResponse();
      Status status = Status.fromStatusCode(original.getStatus());
      String title = status == null ? "Error" : status.getReasonPhrase();
      String detail =
          switch (original.getStatus()) {
            case 401 -> "Sign in first (HTTP Basic).";
            case 403 -> "You are not allowed to do this.";
            case 404 -> "Nothing here.";
            case 405 -> "This method is not allowed here.";
            case 415 -> "Send application/json.";
            default -> title;
          };
      return Problem.response(original.getStatus(), title, detail, List.of());
    }
  }

  @Provider
  public static class Engine implements ExceptionMapper<RuntimeException> {
    @Override
    public Response toResponse(RuntimeException e) {
      Throwable cause = e;
      while (cause != null) {
        if (cause instanceof FlowableOptimisticLockingException
            || cause instanceof OptimisticLockException
            || cause instanceof FlowableTaskAlreadyClaimedException
            || cause instanceof ConflictException) {
          return Problem.response(
              Status.CONFLICT, "Someone else acted on this meanwhile; reload and try again.");
        }
        if (cause instanceof FlowableObjectNotFoundException) {
          return Problem.response(Status.NOT_FOUND, "It no longer exists.");
        }
        if (cause instanceof InvalidInputException invalid) {
          return new Invalid().toResponse(invalid);
        }
        if (cause instanceof ConstraintViolationException violations) {
          return new Validation().toResponse(violations);
        }
        if (cause instanceof ForbiddenException forbidden) {
          return Problem.response(Status.FORBIDDEN, forbidden.getMessage());
        }
        if (cause instanceof PersistenceException && isConstraintViolation(cause)) {
          return Problem.response(
              Status.CONFLICT, "This was changed or recorded meanwhile; reload and try again.");
        }
        cause = cause.getCause() == cause ? null : cause.getCause();
      }
      LOG.log(Level.SEVERE, "Unexpected failure", e);
      return Problem.response(
          Status.INTERNAL_SERVER_ERROR, "Something went wrong on our side; nothing was saved.");
    }

    private static boolean isConstraintViolation(Throwable t) {
      for (Throwable c = t; c != null; c = c.getCause()) {
        if (c instanceof java.sql.SQLIntegrityConstraintViolationException
            || c.getClass().getSimpleName().equals("ConstraintViolationException")) {
          return true;
        }
      }
      return false;
    }
  }
}
