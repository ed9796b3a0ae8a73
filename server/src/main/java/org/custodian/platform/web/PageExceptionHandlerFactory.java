package org.custodian.platform.web;

import jakarta.faces.FacesException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodian.platform.ConflictException;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.NotFoundException;
import org.custodian.platform.PasswordChangeRequiredException;

/**
 * Turns what a screen may throw into a clear page or message: a denied action is the 403 page, a
 * missing case the 404 page, an expired view the expired page; on an ajax request the message
 * appears on the page instead. Never a stack trace.
 */
public class PageExceptionHandlerFactory extends ExceptionHandlerFactory {

  public PageExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new Handler(getWrapped().getExceptionHandler());
  }

  static final class Handler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(Handler.class.getName());

    Handler(ExceptionHandler wrapped) {
      super(wrapped);
    }

    @Override
    public void handle() {
      FacesContext faces = FacesContext.getCurrentInstance();
      for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
          events.hasNext(); ) {
        Throwable thrown = events.next().getContext().getException();
        Throwable cause = rootOf(thrown);
        int status;
        String message;
        if (cause instanceof PasswordChangeRequiredException) {
          // a reset password: the password page first, whatever was asked for
          events.remove();
          try {
            faces.getExternalContext().getFlash().setKeepMessages(true);
            faces.addMessage(
                null, new FacesMessage(FacesMessage.SEVERITY_WARN, cause.getMessage(), null));
            faces
                .getExternalContext()
                .redirect(
                    faces.getExternalContext().getRequestContextPath() + "/me/password.xhtml");
            faces.responseComplete();
          } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not send the user to the password page", e);
          }
          continue;
        } else if (cause instanceof ForbiddenException) {
          status = 403;
          message = cause.getMessage();
        } else if (cause instanceof NotFoundException) {
          status = 404;
          message = cause.getMessage();
        } else if (cause instanceof ConflictException || cause instanceof InvalidInputException) {
          status = 409;
          message = cause.getMessage();
        } else if (cause instanceof ViewExpiredException || isCspNonceMismatch(cause)) {
          status = 440;
          message = "This page expired; nothing was saved. Open it again.";
        } else if (isTamperedInput(cause)) {
          status = 400;
          message =
              "The page sent a value it does not offer; nothing was saved. Use the page's own controls.";
        } else {
          continue;
        }
        events.remove();
        try {
          if (status == 400) {
            // a value PrimeFaces refuses while it reads or renders (a paginator asking for a
            // million
            // rows): the answer may be half written, so start it over and show the page again
            LOG.log(Level.INFO, "Refused a tampered request (" + message + "): " + cause);
            showAgain(faces);
          } else if (status == 440) {
            // the form's state is gone: say so on the home page, which the user can start from
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, message, null));
            faces.getExternalContext().getFlash().setKeepMessages(true);
            faces
                .getExternalContext()
                .redirect(faces.getExternalContext().getRequestContextPath() + "/");
          } else if (faces.getPartialViewContext().isAjaxRequest() || status == 409) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
            faces.validationFailed();
          } else {
            faces.getExternalContext().responseSendError(status, message);
            faces.responseComplete();
          }
        } catch (IOException e) {
          LOG.log(Level.WARNING, "Could not answer " + status, e);
        }
      }
      getWrapped().handle();
    }

    /**
     * A value a component refuses because the page never offers it: PrimeFaces throws
     * IllegalArgumentException for a paginator's rows that are not among its choices, and for other
     * request parameters it cannot read.
     */
    private static boolean isTamperedInput(Throwable t) {
      if (!(t instanceof IllegalArgumentException) || t.getStackTrace().length == 0) {
        return false;
      }
      for (StackTraceElement frame : t.getStackTrace()) {
        if (frame.getClassName().startsWith("org.primefaces.")) {
          return true;
        }
        if (frame.getClassName().startsWith("org.custodian.")) {
          return false;
        }
      }
      return false;
    }

    /**
     * Sends the browser to the page again, with a new answer: the one begun may be half written (a
     * partial response mid-update), so it is dropped, and an ajax request gets the redirect as a
     * partial response written here rather than by the half-used partial response writer.
     */
    private static void showAgain(FacesContext faces) throws IOException {
      var response =
          (jakarta.servlet.http.HttpServletResponse) faces.getExternalContext().getResponse();
      String page = currentPage(faces);
      if (response.isCommitted()) {
        LOG.warning("Could not show the page again: the answer was already sent");
      } else if (faces.getPartialViewContext().isAjaxRequest()) {
        response.resetBuffer();
        response.setStatus(200);
        response.setContentType("text/xml");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response
            .getWriter()
            .write(
                "<?xml version='1.0' encoding='UTF-8'?><partial-response><redirect url=\""
                    + org.jsoup.nodes.Entities.escape(page)
                    + "\"></redirect></partial-response>");
        response.getWriter().flush();
      } else {
        response.resetBuffer();
        response.sendRedirect(page);
      }
      faces.responseComplete();
    }

    /**
     * The page as it was asked for: the request's path and query, for a GET that shows it again.
     */
    private static String currentPage(FacesContext faces) {
      var request =
          (jakarta.servlet.http.HttpServletRequest) faces.getExternalContext().getRequest();
      return request.getRequestURI()
          + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    }

    /**
     * PrimeFaces' CSP mode refuses a postback whose nonce is not the page's (a forged or replayed
     * form): like an expired page, nothing was saved and the page must be opened again.
     */
    private static boolean isCspNonceMismatch(Throwable t) {
      return t != null && t.getClass().getName().equals("org.primefaces.csp.CspException");
    }

    private static Throwable rootOf(Throwable thrown) {
      Throwable t = thrown;
      while ((t instanceof FacesException
              || t instanceof jakarta.el.ELException
              || t.getClass().getName().contains("EJB"))
          && t.getCause() != null) {
        t = t.getCause();
      }
      for (Throwable c = t; c != null; c = c.getCause()) {
        if (c instanceof ForbiddenException
            || c instanceof NotFoundException
            || c instanceof ConflictException
            || c instanceof InvalidInputException
            || c instanceof ViewExpiredException
            || isCspNonceMismatch(c)) {
          return c;
        }
      }
      return t;
    }
  }
}
