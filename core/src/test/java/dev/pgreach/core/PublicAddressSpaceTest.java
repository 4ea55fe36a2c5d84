package dev.pgreach.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.testing.Ipv4Arbitraries;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one definition of the public address space, {@link AddressSet#PUBLIC}, and {@link Ipv4Address#isPublic()}. */
class PublicAddressSpaceTest {
  /** The blocks that are not public, written out octet by octet as an independent reference. */
  private static boolean referenceNotPublic(Ipv4Address a) {
    long v = a.toLong();
    int o1 = (int) (v >>> 24);
    int o2 = (int) ((v >>> 16) & 0xFF);
    int o3 = (int) ((v >>> 8) & 0xFF);
    return o1 == 0
        || o1 == 10
        || (o1 == 100 && o2 >= 64 && o2 <= 127)
        || o1 == 127
        || (o1 == 169 && o2 == 254)
        || (o1 == 172 && o2 >= 16 && o2 <= 31)
        || (o1 == 192 && o2 == 0 && o3 == 0 && (v & 0xFF) != 9 && (v & 0xFF) != 10)
        || (o1 == 192 && o2 == 168)
        || o1 >= 224;
  }

  private static final List<String> BLOCKS =
      List.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.168.0.0/16", "224.0.0.0/4", "240.0.0.0/4");

  @Provide
  Arbitrary<Ipv4Address> addressesNearBlocks() {
    List<Ipv4Address> edges = new ArrayList<>();
    for (String b : BLOCKS) {
      Ipv4Prefix p = Ipv4Prefix.parse(b);
      edges.add(p.first());
      edges.add(p.last());
      if (p.first().toLong() > 0) {
        edges.add(p.first().previous());
      }
      if (p.last().toLong() < Ipv4Address.MAX.toLong()) {
        edges.add(p.last().next());
      }
    }
    return Arbitraries.oneOf(Ipv4Arbitraries.addresses(), Arbitraries.of(edges));
  }

  @Property(tries = 2000)
  void isPublic_agreesWithTheReferenceAndWithMembershipInPublic(@ForAll("addressesNearBlocks") Ipv4Address a) {
    assertEquals(!referenceNotPublic(a), a.isPublic(), a::toString);
    assertEquals(a.isPublic(), AddressSet.PUBLIC.contains(a), a::toString);
    assertEquals(!a.isPublic(), AddressSet.NOT_PUBLIC.contains(a), a::toString);
  }

  @Property(tries = 500)
  void privateAddresses_areNeverPublic(@ForAll("addressesNearBlocks") Ipv4Address a) {
    if (a.isPrivate()) {
      assertTrue(!a.isPublic(), a::toString);
    }
  }

  @Test
  void publicAndNotPublic_partitionTheAddressSpace() {
    assertEquals(AddressSet.EMPTY, AddressSet.PUBLIC.intersection(AddressSet.NOT_PUBLIC));
    assertEquals(AddressSet.ALL, AddressSet.PUBLIC.union(AddressSet.NOT_PUBLIC));
    assertEquals(AddressSet.parse(String.join(", ", BLOCKS)).difference(AddressSet.parse("192.0.0.9/32, 192.0.0.10/32")), AddressSet.NOT_PUBLIC);
  }

  @ParameterizedTest
  @CsvSource({
    "192.0.0.8, false",
    "192.0.0.9, true",
    "192.0.0.10, true",
    "192.0.0.11, false",
    "192.0.0.255, false",
    "192.0.1.0, true",
    "192.0.2.1, true",
    "198.18.0.1, true",
    "198.51.100.23, true",
    "203.0.113.7, true",
    "223.255.255.255, true",
    "224.0.0.0, false",
    "239.255.255.255, false",
    "240.0.0.0, false",
    "255.255.255.255, false",
    "0.0.0.0, false",
    "100.63.255.255, true",
    "100.128.0.0, true"
  })
  void isPublic_ianaSpecialPurposeBlocks_areNotPublicExceptDocumentationAndBenchmarking(String text, boolean expected) {
    assertEquals(expected, Ipv4Address.parse(text).isPublic());
  }
}
