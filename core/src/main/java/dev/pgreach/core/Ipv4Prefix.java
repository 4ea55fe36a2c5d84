package dev.pgreach.core;

import java.util.Optional;

/**
 * An IPv4 network prefix in CIDR form ({@code 10.0.0.0/24}): a network address and a length from 0
 * to 32, with every bit after the length zero.
 *
 * <p>{@link #parse} is strict, as Azure is for address spaces and subnets: {@code 10.0.0.5/24} is
 * rejected with {@link ErrorCode#PREFIX_HOST_BITS_SET} and a message naming the network it
 * probably meant. {@link #containing} is the lenient form that masks the host bits away.
 *
 * <pre>{@code
 * Ipv4Prefix subnet = Ipv4Prefix.parse("10.0.1.0/28");
 * subnet.size();                                   // 16
 * subnet.contains(Ipv4Address.parse("10.0.1.9"));  // true
 * }</pre>
 */
public final class Ipv4Prefix implements Comparable<Ipv4Prefix> {
  /** {@code 0.0.0.0/0}, every address. */
  public static final Ipv4Prefix ALL = new Ipv4Prefix(0, 0);

  private final int network;
  private final int length;

  private Ipv4Prefix(int network, int length) {
    this.network = network;
    this.length = length;
  }

  /**
   * Returns the prefix of a network address and a length.
   *
   * @param network the first address; its bits after {@code length} must be zero
   * @param length the prefix length, 0 to 32
   * @return the prefix
   * @throws PgreachException {@link ErrorCode#INVALID_PREFIX} for a length outside 0–32, {@link
   *     ErrorCode#PREFIX_HOST_BITS_SET} when the network has host bits set
   */
  public static Ipv4Prefix of(Ipv4Address network, int length) {
    checkLength(length, network + "/" + length);
    int bits = network.toBits();
    if ((bits & ~mask(length)) != 0) {
      throw hostBits(network + "/" + length, bits, length);
    }
    return new Ipv4Prefix(bits, length);
  }

  /**
   * Returns the prefix of the given length that contains the address, clearing its host bits
   * ({@code containing(10.0.0.5, 24)} is {@code 10.0.0.0/24}).
   *
   * @param address any address of the network
   * @param length the prefix length, 0 to 32
   * @return the prefix
   * @throws PgreachException {@link ErrorCode#INVALID_PREFIX} for a length outside 0–32
   */
  public static Ipv4Prefix containing(Ipv4Address address, int length) {
    checkLength(length, address + "/" + length);
    return new Ipv4Prefix(address.toBits() & mask(length), length);
  }

  /**
   * Returns the single-address prefix {@code address/32}.
   *
   * @param address the address
   * @return the /32 prefix
   */
  public static Ipv4Prefix host(Ipv4Address address) {
    return new Ipv4Prefix(address.toBits(), 32);
  }

  /**
   * Parses CIDR text, such as {@code 10.0.0.0/16}.
   *
   * @param text the prefix text; the {@code /length} part is required
   * @return the prefix
   * @throws PgreachException {@link ErrorCode#INVALID_PREFIX} for malformed text or a bad length,
   *     {@link ErrorCode#PREFIX_HOST_BITS_SET} when the address has bits set after the length,
   *     {@link ErrorCode#ADDRESS_MUST_BE_IPV4} for IPv6 text
   */
  public static Ipv4Prefix parse(String text) {
    if (text == null) {
      throw PgreachException.of(ErrorCode.MISSING_ATTRIBUTE, "Ipv4Prefix text must not be null");
    }
    if (Ipv4Text.looksLikeIpv6(text)) {
      throw PgreachException.of(
          ErrorCode.ADDRESS_MUST_BE_IPV4,
          "Ipv4Prefix (\"%s\") is an IPv6 prefix; the prefix must be IPv4, such as 10.0.0.0/16",
          text);
    }
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw PgreachException.of(
          ErrorCode.INVALID_PREFIX,
          "Ipv4Prefix (\"%s\") has no /length; expected CIDR text such as 10.0.0.0/16",
          text);
    }
    String addressText = text.substring(0, slash);
    String problem = Ipv4Text.addressProblem(addressText);
    if (problem != null) {
      throw PgreachException.of(
          ErrorCode.INVALID_PREFIX, "Ipv4Prefix (\"%s\"): address %s", text, problem);
    }
    int length = parseLength(text, text.substring(slash + 1));
    int bits = Ipv4Text.parseAddress(addressText, "Ipv4Prefix");
    if ((bits & ~mask(length)) != 0) {
      throw hostBits(text, bits, length);
    }
    return new Ipv4Prefix(bits, length);
  }

  /**
   * Parses CIDR text, or returns empty for anything {@link #parse} rejects.
   *
   * @param text the candidate text; {@code null} gives empty
   * @return the prefix, or empty
   */
  public static Optional<Ipv4Prefix> tryParse(String text) {
    try {
      return text == null ? Optional.empty() : Optional.of(parse(text));
    } catch (PgreachException e) {
      return Optional.empty();
    }
  }

  /**
   * Tells whether {@link #parse} accepts the text.
   *
   * @param text the candidate text; {@code null} gives {@code false}
   * @return whether it parses
   */
  public static boolean isValid(String text) {
    return tryParse(text).isPresent();
  }

  /**
   * Returns the network address, the first address of the prefix.
   *
   * @return the network address
   */
  public Ipv4Address network() {
    return Ipv4Address.ofBits(network);
  }

  /**
   * Returns the prefix length, from 0 to 32.
   *
   * @return the length
   */
  public int length() {
    return length;
  }

  /**
   * Returns the first address (the network address).
   *
   * @return the first address
   */
  public Ipv4Address first() {
    return network();
  }

  /**
   * Returns the last address (the broadcast address for lengths below 31).
   *
   * @return the last address
   */
  public Ipv4Address last() {
    return Ipv4Address.ofBits(network | ~mask(length));
  }

  /**
   * Returns the number of addresses, {@code 2^(32 - length)}; {@code 4294967296} for {@code /0}.
   *
   * @return the size
   */
  public long size() {
    return 1L << (32 - length);
  }

  /**
   * Tells whether the address lies inside this prefix.
   *
   * @param address the address
   * @return whether it is contained
   */
  public boolean contains(Ipv4Address address) {
    return (address.toBits() & mask(length)) == network;
  }

  /**
   * Tells whether every address of {@code other} lies inside this prefix.
   *
   * @param other the other prefix
   * @return whether it is contained (a prefix contains itself)
   */
  public boolean contains(Ipv4Prefix other) {
    return other.length >= length && (other.network & mask(length)) == network;
  }

  /**
   * Tells whether the two prefixes share at least one address (for prefixes, that means one
   * contains the other).
   *
   * @param other the other prefix
   * @return whether they overlap
   */
  public boolean overlaps(Ipv4Prefix other) {
    return contains(other) || other.contains(this);
  }

  /**
   * Returns this prefix as an inclusive range.
   *
   * @return the range from {@link #first()} to {@link #last()}
   */
  public Ipv4Range toRange() {
    return Ipv4Range.of(first(), last());
  }

  /**
   * Returns this prefix as an address set.
   *
   * @return the set of its addresses
   */
  public AddressSet toAddressSet() {
    return AddressSet.of(this);
  }

  /** Orders by network address, then by length (shorter first). */
  @Override
  public int compareTo(Ipv4Prefix other) {
    int c = Integer.compareUnsigned(network, other.network);
    return c != 0 ? c : Integer.compare(length, other.length);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Ipv4Prefix
        && ((Ipv4Prefix) other).network == network
        && ((Ipv4Prefix) other).length == length;
  }

  @Override
  public int hashCode() {
    return network * 31 + length;
  }

  /** Returns the CIDR form, such as {@code 10.0.0.0/24}. */
  @Override
  public String toString() {
    return Ipv4Text.format(network) + "/" + length;
  }

  /** The netmask of a length as bits: {@code mask(24)} is {@code 0xFFFFFF00}, {@code mask(0)} is 0. */
  static int mask(int length) {
    return length == 0 ? 0 : -1 << (32 - length);
  }

  private static void checkLength(int length, String shown) {
    if (length < 0 || length > 32) {
      throw PgreachException.of(
          ErrorCode.INVALID_PREFIX,
          "Ipv4Prefix (\"%s\") has length %d; the length must be between 0 and 32",
          shown,
          length);
    }
  }

  private static int parseLength(String text, String lengthText) {
    boolean digits = !lengthText.isEmpty() && lengthText.length() <= 2;
    for (int i = 0; i < lengthText.length() && digits; i++) {
      digits = Character.isDigit(lengthText.charAt(i)) && lengthText.charAt(i) < 128;
    }
    if (!digits || (lengthText.length() == 2 && lengthText.charAt(0) == '0')) {
      throw PgreachException.of(
          ErrorCode.INVALID_PREFIX,
          "Ipv4Prefix (\"%s\") has length \"%s\"; the length must be a number between 0 and 32",
          text,
          lengthText);
    }
    int length = Integer.parseInt(lengthText);
    checkLength(length, text);
    return length;
  }

  private static PgreachException hostBits(String shown, int bits, int length) {
    return PgreachException.of(
        ErrorCode.PREFIX_HOST_BITS_SET,
        "Ipv4Prefix (\"%s\") has host bits set after /%d; the network prefix is %s/%d",
        shown,
        length,
        Ipv4Text.format(bits & mask(length)),
        length);
  }
}
