package org.custodian.platform.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** Absent values are written as null, so every documented field is present in every answer. */
@Provider
public class JsonbConfig implements ContextResolver<Jsonb> {

  private final Jsonb jsonb =
      JsonbBuilder.create(new jakarta.json.bind.JsonbConfig().withNullValues(true));

  @Override
  public Jsonb getContext(Class<?> type) {
    return jsonb;
  }
}
