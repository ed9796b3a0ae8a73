package org.custodian.oversight.control;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** One step of an investigation, in the investigator's words: {@code {"text": "..."}}. */
public record RecordStep(@NotBlank @Size(max = 4000) String text) {}
