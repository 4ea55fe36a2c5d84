package dev.pgreach.firewall;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;

/**
 * An inclusive range of ports from 0 to 65535, as security rules write them: {@code 5432}, {@code
 * 1024-65535}, or {@code *} for every port.
 *
 * <pre>{@code
 * PortRange.parse("5432").contains(5432);        // true
 * PortRange.parse("*").equals(PortRange.ANY);    // true
 * }</pre>
 */
public final class PortRange implements Comparable<PortRange> {
  /** The largest port. */
  public static final int MAX_PORT = 65535;

  /** Every port, {@code *}. */
  public static final PortRange ANY = new PortRange(0, MAX_PORT);

  private final int first;
  private final int last;

  private PortRange(int first, int last) {
    this.first = first;
    this.last = last;
  }

  /**
   * Returns one port.
   *
   * @param port the port, 0 to 65535
   * @return the range holding it
   * @throws PgreachException {@link ErrorCode#INVALID_PORT_RANGE} for a port outside 0–65535
   */
  public static PortRange of(int port) {
    return of(port, port);
  }

  /**
   * Returns the ports from {@code first} to {@code last}, both included.
   *
   * @param first the first port
   * @param last the last port, not smaller than {@code first}
   * @return the range
   * @throws PgreachException {@link ErrorCode#INVALID_PORT_RANGE} for a port outside 0–65535 or
   *     when {@code last < first}
   */
  public static PortRange of(int first, int last) {
    checkPort(first, first + "-" + last);
    checkPort(last, first + "-" + last);
    if (last < first) {
      throw PgreachException.of(
          ErrorCode.INVALID_PORT_RANGE, "PortRange (\"%d-%d\") ends before it starts", first, last);
    }
    return first == 0 && last == MAX_PORT ? ANY : new PortRange(first, last);
  }

  /**
   * Parses {@code *}, a port, or {@code first-last}.
   *
   * @param text the text
   * @return the range
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for {@code null}, {@link
   *     ErrorCode#INVALID_PORT_RANGE} for anything else
   */
  public static PortRange parse(String text) {
    Names.notNull(text, "PortRange.parse.text");
    String t = text.strip();
    if (t.equals("*")) {
      return ANY;
    }
    int dash = t.indexOf('-');
    String a = dash < 0 ? t : t.substring(0, dash);
    String b = dash < 0 ? t : t.substring(dash + 1);
    if (!isNumber(a) || !isNumber(b)) {
      throw PgreachException.of(
          ErrorCode.INVALID_PORT_RANGE, "PortRange (\"%s\") must be *, a port or first-last, with ports 0 to 65535", text);
    }
    return of(Integer.parseInt(a), Integer.parseInt(b));
  }

  private static boolean isNumber(String s) {
    if (s.isEmpty() || s.length() > 5) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static void checkPort(int port, String shown) {
    if (port < 0 || port > MAX_PORT) {
      throw PgreachException.of(
          ErrorCode.INVALID_PORT_RANGE, "PortRange (\"%s\") has port %d; ports are 0 to 65535", shown, port);
    }
  }

  /**
   * Returns the first port.
   *
   * @return the first port
   */
  public int first() {
    return first;
  }

  /**
   * Returns the last port, included.
   *
   * @return the last port
   */
  public int last() {
    return last;
  }

  /**
   * Tells whether the port lies in this range.
   *
   * @param port a port
   * @return whether it is contained
   */
  public boolean contains(int port) {
    return first <= port && port <= last;
  }

  /**
   * Tells whether this is every port.
   *
   * @return whether the range is {@code 0-65535}
   */
  public boolean isAny() {
    return first == 0 && last == MAX_PORT;
  }

  /** Orders by first port, then last port. */
  @Override
  public int compareTo(PortRange other) {
    int c = Integer.compare(first, other.first);
    return c != 0 ? c : Integer.compare(last, other.last);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PortRange && ((PortRange) other).first == first && ((PortRange) other).last == last;
  }

  @Override
  public int hashCode() {
    return first * 65537 + last;
  }

  /** Returns {@code *}, a port, or {@code first-last}. */
  @Override
  public String toString() {
    return isAny() ? "*" : first == last ? Integer.toString(first) : first + "-" + last;
  }
}
