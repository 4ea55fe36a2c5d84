package dev.pgreach.core;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * An inclusive range of IPv4 addresses from {@link #first()} to {@link #last()}, as Azure firewall
 * rules ({@code startIpAddress}–{@code endIpAddress}) and security rule address ranges are written.
 *
 * <p>A single address is a range whose first and last are equal. The text form is {@code
 * 10.0.0.1-10.0.0.9}, or a single address.
 *
 * <pre>{@code
 * Ipv4Range r = Ipv4Range.parse("10.0.0.0-10.0.0.255");
 * r.size();        // 256
 * r.toPrefixes();  // [10.0.0.0/24]
 * }</pre>
 */
public final class Ipv4Range implements Comparable<Ipv4Range> {
  /** {@code 0.0.0.0-255.255.255.255}, every address. */
  public static final Ipv4Range ALL = new Ipv4Range(0, -1);

  private final int first;
  private final int last;

  private Ipv4Range(int first, int last) {
    this.first = first;
    this.last = last;
  }

  /**
   * Returns the range between two addresses, both included.
   *
   * @param first the first address
   * @param last the last address, not smaller than {@code first}
   * @return the range
   * @throws PgreachException {@link ErrorCode#END_ADDRESS_SMALLER_THAN_START} when {@code last <
   *     first}
   */
  public static Ipv4Range of(Ipv4Address first, Ipv4Address last) {
    if (last.compareTo(first) < 0) {
      throw PgreachException.of(
          ErrorCode.END_ADDRESS_SMALLER_THAN_START,
          "Ipv4Range end address (%s) is smaller than the start address (%s)",
          last,
          first);
    }
    return new Ipv4Range(first.toBits(), last.toBits());
  }

  /**
   * Returns the range holding one address.
   *
   * @param address the address
   * @return the one-address range
   */
  public static Ipv4Range single(Ipv4Address address) {
    return new Ipv4Range(address.toBits(), address.toBits());
  }

  /** Unchecked factory for callers that already know {@code first <= last} (unsigned). */
  static Ipv4Range ofBits(int first, int last) {
    return new Ipv4Range(first, last);
  }

  /**
   * Parses {@code first-last} or a single address.
   *
   * @param text the range text, such as {@code 10.0.0.1-10.0.0.9}
   * @return the range
   * @throws PgreachException {@link ErrorCode#INVALID_RANGE} for malformed text, {@link
   *     ErrorCode#ADDRESS_MUST_BE_IPV4} for IPv6 text, {@link
   *     ErrorCode#END_ADDRESS_SMALLER_THAN_START} when the end comes before the start
   */
  public static Ipv4Range parse(String text) {
    if (text == null) {
      throw PgreachException.of(ErrorCode.MISSING_ATTRIBUTE, "Ipv4Range text must not be null");
    }
    int dash = text.indexOf('-');
    String firstText = dash < 0 ? text : text.substring(0, dash);
    String lastText = dash < 0 ? text : text.substring(dash + 1);
    for (String part : new String[] {firstText, lastText}) {
      if (Ipv4Text.looksLikeIpv6(part)) {
        throw PgreachException.of(
            ErrorCode.ADDRESS_MUST_BE_IPV4,
            "Ipv4Range (\"%s\") holds an IPv6 address; the address must be IPv4",
            text);
      }
      String problem = Ipv4Text.addressProblem(part);
      if (problem != null) {
        throw PgreachException.of(
            ErrorCode.INVALID_RANGE,
            "Ipv4Range (\"%s\") is not first-last: \"%s\" %s",
            text,
            part,
            problem);
      }
    }
    return of(Ipv4Address.parse(firstText), Ipv4Address.parse(lastText));
  }

  /**
   * Parses range text, or returns empty for anything {@link #parse} rejects.
   *
   * @param text the candidate text; {@code null} gives empty
   * @return the range, or empty
   */
  public static Optional<Ipv4Range> tryParse(String text) {
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
   * Returns the first address.
   *
   * @return the first address
   */
  public Ipv4Address first() {
    return Ipv4Address.ofBits(first);
  }

  /**
   * Returns the last address (included).
   *
   * @return the last address
   */
  public Ipv4Address last() {
    return Ipv4Address.ofBits(last);
  }

  /**
   * Returns the number of addresses, from 1 to 4294967296.
   *
   * @return the size
   */
  public long size() {
    return Integer.toUnsignedLong(last) - Integer.toUnsignedLong(first) + 1;
  }

  /**
   * Tells whether the address lies inside this range.
   *
   * @param address the address
   * @return whether it is contained
   */
  public boolean contains(Ipv4Address address) {
    int a = address.toBits();
    return Integer.compareUnsigned(first, a) <= 0 && Integer.compareUnsigned(a, last) <= 0;
  }

  /**
   * Tells whether every address of the other range lies inside this one.
   *
   * @param other the other range
   * @return whether it is contained
   */
  public boolean contains(Ipv4Range other) {
    return Integer.compareUnsigned(first, other.first) <= 0
        && Integer.compareUnsigned(other.last, last) <= 0;
  }

  /**
   * Tells whether the two ranges share at least one address.
   *
   * @param other the other range
   * @return whether they overlap
   */
  public boolean overlaps(Ipv4Range other) {
    return Integer.compareUnsigned(first, other.last) <= 0
        && Integer.compareUnsigned(other.first, last) <= 0;
  }

  /**
   * Tells whether this range is exactly one CIDR prefix.
   *
   * @return whether {@link #toPrefixes()} has one element
   */
  public boolean isPrefix() {
    long size = size();
    return Long.bitCount(size) == 1 && (Integer.toUnsignedLong(first) & (size - 1)) == 0;
  }

  /**
   * Returns the fewest CIDR prefixes that cover exactly this range, in address order.
   *
   * @return the minimal prefix decomposition
   */
  public ImmutableList<Ipv4Prefix> toPrefixes() {
    ImmutableList.Builder<Ipv4Prefix> out = ImmutableList.builder();
    appendPrefixes(first, last, out);
    return out.build();
  }

  /**
   * Returns this range as an address set.
   *
   * @return the set of its addresses
   */
  public AddressSet toAddressSet() {
    return AddressSet.of(this);
  }

  /** Orders by first address, then by last address. */
  @Override
  public int compareTo(Ipv4Range other) {
    int c = Integer.compareUnsigned(first, other.first);
    return c != 0 ? c : Integer.compareUnsigned(last, other.last);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Ipv4Range
        && ((Ipv4Range) other).first == first
        && ((Ipv4Range) other).last == last;
  }

  @Override
  public int hashCode() {
    return first * 31 + last;
  }

  /** Returns {@code first-last}, or the single address when both are equal. */
  @Override
  public String toString() {
    return first == last ? Ipv4Text.format(first) : Ipv4Text.format(first) + "-" + Ipv4Text.format(last);
  }

  /**
   * Appends the minimal CIDR cover of {@code [first, last]} (unsigned bits). Each step takes the
   * largest block that starts at {@code first}, is aligned to its own size and does not pass
   * {@code last}; that greedy choice is optimal because any cover must split at those alignments.
   */
  static void appendPrefixes(int first, int last, ImmutableList.Builder<Ipv4Prefix> out) {
    long start = Integer.toUnsignedLong(first);
    long end = Integer.toUnsignedLong(last);
    while (start <= end) {
      int alignment = start == 0 ? 32 : Long.numberOfTrailingZeros(start);
      int fit = 63 - Long.numberOfLeadingZeros(end - start + 1);
      int hostBits = Math.min(alignment, fit);
      out.add(Ipv4Prefix.of(Ipv4Address.ofLong(start), 32 - hostBits));
      start += 1L << hostBits;
    }
  }
}
