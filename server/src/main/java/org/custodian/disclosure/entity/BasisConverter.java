package org.custodian.disclosure.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A basis is stored as its number (1-7), the way the policies count them. */
@Converter
public class BasisConverter implements AttributeConverter<Basis, Integer> {
  @Override
  public Integer convertToDatabaseColumn(Basis basis) {
    return basis == null ? null : basis.number();
  }

  @Override
  public Basis convertToEntityAttribute(Integer number) {
    return number == null ? null : Basis.of(number);
  }
}
