package dev.pgreach.firewall;

import dev.pgreach.core.AddressSet;
import dev.pgreach.core.Ipv4Range;

/**
 * The one place firewall validation asks about the public address space, which is core's {@link
 * AddressSet#PUBLIC} (the addresses {@link dev.pgreach.core.Ipv4Address#isPublic()} accepts).
 */
final class PublicSpace {
  private PublicSpace() {}

  /** Whether a range holds at least one public address. */
  static boolean admitsPublic(Ipv4Range range) {
    return AddressSet.PUBLIC.intersects(range.toAddressSet());
  }

  /** How many public addresses the ranges admit together, each counted once. */
  static long publicAddressesAdmitted(Iterable<Ipv4Range> ranges) {
    return AddressSet.ofRanges(ranges).intersection(AddressSet.PUBLIC).size();
  }
}
