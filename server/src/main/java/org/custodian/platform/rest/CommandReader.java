package org.custodian.platform.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Every JSON request body that is a command record enters here ({@link JsonCommands}): one door, so
 * no endpoint reads its body by hand. Checking the command's constraints is the control service's,
 * after it has decided the actor may act.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class CommandReader implements MessageBodyReader<Record> {

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type.isRecord();
  }

  @Override
  public Record readFrom(
      Class<Record> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> headers,
      InputStream body) {
    long max = JsonCommands.DEFAULT_MAX_BYTES;
    for (Annotation annotation : annotations) {
      if (annotation instanceof MaxBytes limit) {
        max = limit.value();
      }
    }
    return JsonCommands.read(body, type, max);
  }
}
