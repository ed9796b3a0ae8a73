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
        if (cause instanceof ForbiddenException) {
          status = 403;
          message = cause.getMessage();
        } else if (cause instanceof NotFoundException) {
          status = 404;
          message = cause.getMessage();
        } else if (cause instanceof ConflictException || cause instanceof InvalidInputException) {
          status = 409;
          message = cause.getMessage();
        } else if (cause instanceof ViewExpiredException) {
          status = 440;
          message = "This page expired; nothing was saved. Open it again.";
        } else {
          continue;
        }
        events.remove();
        try {
          if (status == 440) {
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
            || c instanceof ViewExpiredException) {
          return c;
        }
      }
      return t;
    }
  }
}
