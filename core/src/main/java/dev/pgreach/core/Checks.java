package dev.pgreach.core;

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

  /** Throws {@link ErrorCode#INVALID_VALUE} naming the field when a present address is not public. */
  static void publicAddress(java.util.Optional<Ipv4Address> address, String field) {
    notNull(address, field);
    address
        .filter(a -> !a.isPublic())
        .ifPresent(
            a -> {
              throw PgreachException.of(
                  ErrorCode.INVALID_VALUE,
                  "%s (%s) must be a public address; private, loopback, link-local and multicast addresses are not seen on the internet",
                  field,
                  a);
            });
  }

  /**
   * The {@link ErrorCode#DUPLICATE_RESOURCE} exception for a builder whose map attribute was given
   * one key twice (Guava's immutable map refuses it when the value is built); any other failure is
   * rethrown as it is.
   *
   * @param builder the builder, such as {@code Estate.Builder}
   * @param maps the builder's map attributes, one of which holds the key twice
   * @param failure what the generated builder threw
   */
  static PgreachException duplicateKey(String builder, String maps, IllegalArgumentException failure) {
    String message = String.valueOf(failure.getMessage());
    String prefix = "Multiple entries with same key: ";
    if (!message.startsWith(prefix)) {
      throw failure;
    }
    String rest = message.substring(prefix.length());
    int end = rest.indexOf('=');
    String key = end < 0 ? rest : rest.substring(0, end);
    return PgreachException.of(
        ErrorCode.DUPLICATE_RESOURCE, "%s is given key %s twice (in %s); each key of a map may be put once", builder, key, maps);
  }
}
