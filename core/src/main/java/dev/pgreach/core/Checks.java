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
}
