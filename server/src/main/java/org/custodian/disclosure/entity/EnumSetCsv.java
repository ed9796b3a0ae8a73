package org.custodian.disclosure.entity;

import jakarta.persistence.AttributeConverter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A set of enum constants stored as one comma-separated column (a scope's few values). */
abstract class EnumSetCsv<E extends Enum<E>> implements AttributeConverter<Set<E>, String> {

  private final Class<E> type;

  EnumSetCsv(Class<E> type) {
    this.type = type;
  }

  @Override
  public String convertToDatabaseColumn(Set<E> values) {
    return values == null
        ? ""
        : values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
  }

  @Override
  public Set<E> convertToEntityAttribute(String column) {
    EnumSet<E> set = EnumSet.noneOf(type);
    if (column != null && !column.isBlank()) {
      Arrays.stream(column.split(","))
          .map(String::trim)
          .forEach(name -> set.add(Enum.valueOf(type, name)));
    }
    return set;
  }

  @jakarta.persistence.Converter
  public static class RecipientKinds extends EnumSetCsv<RecipientKind> {
    public RecipientKinds() {
      super(RecipientKind.class);
    }
  }

  @jakarta.persistence.Converter
  public static class PurposeCategories extends EnumSetCsv<PurposeCategory> {
    public PurposeCategories() {
      super(PurposeCategory.class);
    }
  }

  @jakarta.persistence.Converter
  public static class DataCategories extends EnumSetCsv<DataCategory> {
    public DataCategories() {
      super(DataCategory.class);
    }
  }
}
