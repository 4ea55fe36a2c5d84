package dev.pgreach.privatelink;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;

/** Argument checks that throw {@link PgreachException}s in the library's message form. */
final class Checks {
  private Checks() {}

  static <T> T notNull(T value, String field) {
    if (value == null) {
      throw PgreachException.of(ErrorCode.MISSING_ATTRIBUTE, "%s must not be null", field);
    }
    return value;
  }

  /** Throws {@link ErrorCode#INVALID_VALUE} naming the field when the set holds a non-public address. */
  static void publicOnly(dev.pgreach.core.AddressSet set, String field) {
    dev.pgreach.core.AddressSet outside = set.difference(dev.pgreach.core.AddressSet.PUBLIC);
    if (!outside.isEmpty()) {
      throw PgreachException.of(
          ErrorCode.INVALID_VALUE, "%s holds %s, which is not public address space (AddressSet.PUBLIC)", field, outside);
    }
  }
}
