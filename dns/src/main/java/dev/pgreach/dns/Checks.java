package dev.pgreach.dns;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;

/** Argument checks that throw {@link PgreachException}s in the library's message form. */
final class Checks {
  private Checks() {}

  /** Returns the value, or throws {@link ErrorCode#MISSING_ATTRIBUTE} naming the field. */
  static <T> T notNull(T value, String field) {
    if (value == null) {
      throw PgreachException.of(ErrorCode.MISSING_ATTRIBUTE, "%s must not be null", field);
    }
    return value;
  }
}
