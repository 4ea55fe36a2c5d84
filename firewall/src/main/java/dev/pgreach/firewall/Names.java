package dev.pgreach.firewall;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Small shared checks and name handling of this package. */
final class Names {
  /** The syntax of a service tag name: a letter, then letters, digits, dots, hyphens, underscores. */
  static final Pattern TAG_SYNTAX = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,79}");

  private Names() {}

  /** Returns the value, or throws {@link ErrorCode#MISSING_ATTRIBUTE} naming the field. */
  static <T> T notNull(T value, String field) {
    if (value == null) {
      throw PgreachException.of(ErrorCode.MISSING_ATTRIBUTE, "%s must not be null", field);
    }
    return value;
  }

  /** The case-insensitive key of an Azure resource name. */
  static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
