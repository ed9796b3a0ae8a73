package org.custodian.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.custodian.platform.InvalidInputException;

/** Small helpers the screens share: messages beside fields, times in New York. */
public final class Pages {

  public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("MMM d, yyyy h:mm a z").withZone(NEW_YORK);

  private Pages() {}

  /**
   * Each field error beside its input ({@code formId:field}, a nested field such as {@code
   * recipient.kind} at {@code formId:recipient_kind}); an error with no input of that id shows at
   * the top of the page. The view keeps what was typed.
   */
  public static void show(String formId, InvalidInputException e) {
    show(formId, e, java.util.Map.of());
  }

  /**
   * The same, where the form's input for a field has another id: a task form with one text box for
   * whichever text the task takes ({@code approvalText} or {@code comment} at {@code text}).
   */
  public static void show(
      String formId, InvalidInputException e, java.util.Map<String, String> inputOf) {
    FacesContext faces = FacesContext.getCurrentInstance();
    for (InvalidInputException.FieldError error : e.errors()) {
      String field = inputOf.getOrDefault(error.field(), error.field());
      String clientId =
          formId + ":" + field.replaceAll("[^A-Za-z0-9_-]+", "_").replaceAll("_$", "");
      boolean beside;
      try {
        beside =
            faces.getViewRoot() != null
                && faces.getViewRoot().findComponent(":" + clientId) != null;
      } catch (IllegalArgumentException notAnId) {
        beside = false;
      }
      faces.addMessage(
          beside ? clientId : null,
          new FacesMessage(FacesMessage.SEVERITY_ERROR, error.message(), null));
    }
    faces.validationFailed();
  }

  public static void error(String message) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    faces.validationFailed();
  }

  public static void info(String message) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
    faces.getExternalContext().getFlash().setKeepMessages(true);
  }

  /**
   * A choice a screen submitted, as its enum constant: null when none was made; a value the screen
   * never offered (a tampered request) is bad input naming the field, never a 500.
   */
  public static <E extends Enum<E>> E choice(String field, Class<E> type, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(value)) {
        return constant;
      }
    }
    throw new InvalidInputException(field, "Choose one of the options offered.");
  }

  /** Several choices, as {@link #choice}: an empty set when none was made. */
  public static <E extends Enum<E>> java.util.EnumSet<E> choices(
      String field, Class<E> type, java.util.Collection<String> values) {
    java.util.EnumSet<E> set = java.util.EnumSet.noneOf(type);
    if (values != null) {
      for (String value : values) {
        E constant = choice(field, type, value);
        if (constant != null) {
          set.add(constant);
        }
      }
    }
    return set;
  }

  public static String time(Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }
}
