package dev.pgreach.core;

import java.util.Optional;

/**
 * An IPv4 address: 32 bits, ordered as an unsigned number.
 *
 * <p>Text is the dotted-quad form Azure uses everywhere ({@code 10.0.0.4}): four decimal octets
 * from 0 to 255, without leading zeros, signs or surrounding blanks. IPv6 text is recognised and
 * rejected with {@link ErrorCode#ADDRESS_MUST_BE_IPV4}, because Azure firewall rules, subnets and
 * private endpoints of a flexible server are IPv4 only.
 *
 * <pre>{@code
 * Ipv4Address a = Ipv4Address.parse("10.0.0.4");
 * a.next();                       // 10.0.0.5
 * Ipv4Address.isValid("::1");     // false
 * }</pre>
 *
 * <p>Instances are immutable and compare as unsigned numbers, so {@code 128.0.0.0} sorts after
 * {@code 127.255.255.255}.
 */
public final class Ipv4Address implements Comparable<Ipv4Address> {
  /** {@code 0.0.0.0}, the smallest address. */
  public static final Ipv4Address MIN = new Ipv4Address(0);

  /** {@code 255.255.255.255}, the largest address. */
  public static final Ipv4Address MAX = new Ipv4Address(-1);

  /** The largest address as an unsigned number. */
  static final long MAX_VALUE = 0xFFFF_FFFFL;

  private final int bits;

  private Ipv4Address(int bits) {
    this.bits = bits;
  }

  /**
   * Returns the address with these 32 bits ({@code 0x0A000004} is {@code 10.0.0.4}).
   *
   * @param bits the address in network order, as a signed Java int
   * @return the address
   */
  public static Ipv4Address ofBits(int bits) {
    return bits == 0 ? MIN : bits == -1 ? MAX : new Ipv4Address(bits);
  }

  /**
   * Returns the address whose unsigned value is {@code value}.
   *
   * @param value a number from 0 to 4294967295
   * @return the address
   * @throws PgreachException {@link ErrorCode#INVALID_IPV4_ADDRESS} when the value is outside that range
   */
  public static Ipv4Address ofLong(long value) {
    if (value < 0 || value > MAX_VALUE) {
      throw PgreachException.of(
          ErrorCode.INVALID_IPV4_ADDRESS,
          "Ipv4Address value (%d) must be between 0 and %d",
          value,
          MAX_VALUE);
    }
    return ofBits((int) value);
  }

  /**
   * Parses dotted-quad text.
   *
   * @param text the address, such as {@code 10.0.0.4}
   * @return the address
   * @throws PgreachException {@link ErrorCode#ADDRESS_MUST_BE_IPV4} for IPv6 text, {@link
   *     ErrorCode#INVALID_IPV4_ADDRESS} for anything else that is not a dotted quad
   */
  public static Ipv4Address parse(String text) {
    return ofBits(Ipv4Text.parseAddress(text, "Ipv4Address"));
  }

  /**
   * Parses dotted-quad text, or returns empty for anything that is not one.
   *
   * @param text the candidate text; {@code null} gives empty
   * @return the address, or empty
   */
  public static Optional<Ipv4Address> tryParse(String text) {
    return isValid(text) ? Optional.of(parse(text)) : Optional.empty();
  }

  /**
   * Tells whether text is a dotted-quad IPv4 address that {@link #parse} accepts.
   *
   * @param text the candidate text; {@code null} gives {@code false}
   * @return whether it parses
   */
  public static boolean isValid(String text) {
    return text != null && Ipv4Text.addressProblem(text) == null;
  }

  /**
   * Returns the 32 bits of this address as a signed Java int ({@code 255.255.255.255} is -1).
   *
   * @return the bits
   */
  public int toBits() {
    return bits;
  }

  /**
   * Returns this address as an unsigned number from 0 to 4294967295.
   *
   * @return the unsigned value
   */
  public long toLong() {
    return Integer.toUnsignedLong(bits);
  }

  /**
   * Tells whether a next address exists (every address but {@code 255.255.255.255}).
   *
   * @return whether {@link #next()} may be called
   */
  public boolean hasNext() {
    return bits != -1;
  }

  /**
   * Returns the address after this one.
   *
   * @return this address plus one
   * @throws PgreachException {@link ErrorCode#INVALID_IPV4_ADDRESS} on {@code 255.255.255.255}
   */
  public Ipv4Address next() {
    if (!hasNext()) {
      throw PgreachException.of(
          ErrorCode.INVALID_IPV4_ADDRESS, "Ipv4Address (255.255.255.255) has no next address");
    }
    return ofBits(bits + 1);
  }

  /**
   * Tells whether a previous address exists (every address but {@code 0.0.0.0}).
   *
   * @return whether {@link #previous()} may be called
   */
  public boolean hasPrevious() {
    return bits != 0;
  }

  /**
   * Returns the address before this one.
   *
   * @return this address minus one
   * @throws PgreachException {@link ErrorCode#INVALID_IPV4_ADDRESS} on {@code 0.0.0.0}
   */
  public Ipv4Address previous() {
    if (!hasPrevious()) {
      throw PgreachException.of(
          ErrorCode.INVALID_IPV4_ADDRESS, "Ipv4Address (0.0.0.0) has no previous address");
    }
    return ofBits(bits - 1);
  }

  /**
   * Tells whether this address is in one of the private ranges of RFC 1918 ({@code 10.0.0.0/8},
   * {@code 172.16.0.0/12}, {@code 192.168.0.0/16}) or the shared address space of RFC 6598
   * ({@code 100.64.0.0/10}). Azure gives these ranges a system route with next hop None, so they
   * are never sent to the internet from a virtual network.
   *
   * @return whether the address is private in that sense
   */
  public boolean isPrivate() {
    return (bits >>> 24) == 10
        || (bits >>> 20) == 0xAC1
        || (bits >>> 16) == 0xC0A8
        || (bits >>> 22) == (0x6440 >>> 6);
  }

  /**
   * Tells whether a host on the internet can have this address as its own: it is in {@link
   * AddressSet#PUBLIC}, so not private ({@link #isPrivate()}), not in {@code 0.0.0.0/8} ("this
   * network"), loopback ({@code 127.0.0.0/8}), link-local ({@code 169.254.0.0/16}), IETF protocol
   * assignments ({@code 192.0.0.0/24} but its two anycast addresses), multicast ({@code 224.0.0.0/4}) or reserved ({@code
   * 240.0.0.0/4}, which holds {@code 255.255.255.255}). Documentation ranges such as {@code
   * 203.0.113.0/24} count as public, so examples can use them.
   *
   * @return whether the address can be a public source or destination
   */
  public boolean isPublic() {
    return AddressSet.PUBLIC.contains(this);
  }

  @Override
  public int compareTo(Ipv4Address other) {
    return Integer.compareUnsigned(bits, other.bits);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Ipv4Address && ((Ipv4Address) other).bits == bits;
  }

  @Override
  public int hashCode() {
    return bits;
  }

  /** Returns the dotted-quad form, such as {@code 10.0.0.4}. */
  @Override
  public String toString() {
    return Ipv4Text.format(bits);
  }
}
