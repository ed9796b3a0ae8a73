package org.custodian.platform.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a command parameter: the largest body, in bytes, this endpoint reads (a whole policy text);
 * without it {@link JsonCommands#DEFAULT_MAX_BYTES}.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface MaxBytes {
  long value();
}
