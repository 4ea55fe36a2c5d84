package dev.pgreach.core;

/** Parsing and formatting of dotted-quad text, shared by the address, prefix and range types. */
final class Ipv4Text {
  private Ipv4Text() {}

  /** Returns the bits of a dotted quad, or throws a {@link PgreachException} naming {@code type}. */
  static int parseAddress(String text, String type) {
    if (text == null) {
      throw PgreachException.of(ErrorCode.MISSING_ATTRIBUTE, "%s text must not be null", type);
    }
    String problem = addressProblem(text);
    if (problem != null) {
      ErrorCode code =
          looksLikeIpv6(text) ? ErrorCode.ADDRESS_MUST_BE_IPV4 : ErrorCode.INVALID_IPV4_ADDRESS;
      throw PgreachException.of(code, "%s (\"%s\") %s", type, text, problem);
    }
    int bits = 0;
    int octet = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.') {
        bits = (bits << 8) | octet;
        octet = 0;
      } else {
        octet = octet * 10 + (c - '0');
      }
    }
    return (bits << 8) | octet;
  }

  /**
   * Tells whether the text is meant as IPv6: before an optional zone id ({@code %eth0}, which may
   * hold any character) it holds at least two colons, as every IPv6 address does, and only hex
   * digits, dots, colons and a {@code /length}. One colon ({@code 10.0.0.4:5432}) is an IPv4
   * address with a port, not IPv6.
   */
  static boolean looksLikeIpv6(String text) {
    int zone = text.indexOf('%');
    int end = zone < 0 ? text.length() : zone;
    int colons = 0;
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (c == ':') {
        colons++;
      } else if (!hex && c != '.' && c != '/') {
        return false;
      }
    }
    return colons >= 2;
  }

  /** Returns why the text is not a dotted quad, or {@code null} when it is one. */
  static String addressProblem(String text) {
    if (looksLikeIpv6(text)) {
      return "is an IPv6 address; the address must be IPv4, such as 12.12.12.12";
    }
    if (text.isEmpty()) {
      return "is empty; expected a dotted-quad IPv4 address such as 10.0.0.4";
    }
    int octets = 0;
    int i = 0;
    int n = text.length();
    while (true) {
      int start = i;
      int value = 0;
      while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        if (i - start >= 3) {
          return "has an octet with more than three digits";
        }
        value = value * 10 + (text.charAt(i) - '0');
        i++;
      }
      if (i == start) {
        return "is not a dotted-quad IPv4 address: octet " + (octets + 1) + " is not a number";
      }
      if (i - start > 1 && text.charAt(start) == '0') {
        return "has octet "
            + (octets + 1)
            + " with a leading zero ("
            + text.substring(start, i)
            + "), which is ambiguous";
      }
      if (value > 255) {
        return "is not a dotted-quad IPv4 address: octet "
            + (octets + 1)
            + " ("
            + value
            + ") is above 255";
      }
      octets++;
      if (i == n) {
        break;
      }
      if (text.charAt(i) != '.' || octets == 4) {
        return "is not a dotted-quad IPv4 address: unexpected '" + text.charAt(i) + "'";
      }
      i++;
    }
    return octets == 4
        ? null
        : "is not a dotted-quad IPv4 address: it has " + octets + " octets instead of 4";
  }

  static String format(int bits) {
    return (bits >>> 24) + "." + ((bits >>> 16) & 0xFF) + "." + ((bits >>> 8) & 0xFF) + "." + (bits & 0xFF);
  }
}
