package dev.pgreach.privatelink;

import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.Disposition;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Range;
import dev.pgreach.core.Network;
import dev.pgreach.core.OnPremisesNetwork;
import dev.pgreach.core.Path;
import dev.pgreach.core.Reachability;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.Subnet;
import dev.pgreach.firewall.Flow;
import dev.pgreach.firewall.NetworkSecurity;
import dev.pgreach.firewall.SecurityRuleProtocol;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Whether a client's DNS queries (UDP 53) to one of the DNS servers its network names get through
 * unfiltered: the path does not arrive (the resolver reports that itself), or it arrives and every
 * network security group on it allows the query with nothing unknown. Only then does the DNS check
 * of a connection add nothing to its trace, so that is what is kept; any other outcome is worked
 * out again for the question's own client, whose address its steps name.
 *
 * <p>The answer depends only on the client's place (subnet with its named interface and outbound
 * address, or on-premises network), the class of its address among the estate's {@link
 * ExposureCuts} (every security rule's source boundary and every interface's address is a cut, so
 * every group treats the addresses of one class alike, and routing does not depend on the source
 * address within a place) and the DNS server. Each answer is worked out for the first address of
 * the class within the place, whoever asks first, so it does not depend on the order of questions;
 * the kept answers are bounded by places × classes × DNS servers of the estate, not by questions.
 * Thread-safe: a racing thread works out an equal answer.
 */
final class DnsPaths {
  private final Network network;
  private final Reachability reachability;
  private final NetworkSecurity security;
  private final Supplier<long[]> cuts;
  private final ConcurrentHashMap<Key, Boolean> kept = new ConcurrentHashMap<>();

  DnsPaths(Network network, Reachability reachability, NetworkSecurity security, Supplier<long[]> cuts) {
    this.network = network;
    this.reachability = reachability;
    this.security = security;
    this.cuts = cuts;
  }

  /** One place, class of source addresses and DNS server. */
  private record Key(int kind, ResourceId where, Optional<ResourceId> networkInterface, Optional<Ipv4Address> outbound, int addressClass, Ipv4Address dns) {}

  /**
   * Whether queries from the client to the DNS server get through unfiltered (or do not arrive),
   * as kept for the client's place and class of addresses.
   *
   * @param from the client's location, in a virtual network or on premises
   * @param dns one of the DNS servers its network names
   */
  boolean clear(ClientLocation from, Ipv4Address dns) {
    long[] c = cuts.get();
    int addressClass = classOf(c, from.address().toLong());
    Key key;
    if (from instanceof ClientLocation.InVirtualNetwork) {
      ClientLocation.InVirtualNetwork v = (ClientLocation.InVirtualNetwork) from;
      key = new Key(0, v.subnet(), v.networkInterface(), v.outboundPublicAddress(), addressClass, dns);
    } else if (from instanceof ClientLocation.OnPremises) {
      ClientLocation.OnPremises o = (ClientLocation.OnPremises) from;
      key = new Key(1, o.network(), Optional.empty(), o.outboundPublicAddress(), addressClass, dns);
    } else {
      return clearNow(from, dns);
    }
    Boolean known = kept.get(key);
    if (known == null) {
      known = clearNow(representative(from, c, addressClass), dns);
      kept.putIfAbsent(key, known);
    }
    return known;
  }

  /**
   * The same question worked out for this very client, without what is kept: the evaluation that
   * {@link #clear} keeps.
   */
  boolean clearNow(ClientLocation from, Ipv4Address dns) {
    Path toDns = reachability.route(from, dns);
    if (!toDns.arrives()) {
      return true;
    }
    Flow flow = new Flow(from.address(), dns, SecurityRuleProtocol.UDP, 53, OptionalInt.empty());
    return security.along(toDns, flow).disposition() == Disposition.ALLOWED;
  }

  /** The index of the class (between two cuts) holding an address. */
  private static int classOf(long[] cuts, long address) {
    int i = Arrays.binarySearch(cuts, address);
    return i >= 0 ? i : -i - 2; // -1: below the first cut
  }

  /**
   * The first address of a class within the client's place, at the client's place: the address
   * every client of the class is judged by. A client naming its interface, or at an interface's
   * address, is alone in its class (interface addresses are cuts).
   */
  private ClientLocation representative(ClientLocation from, long[] cuts, int addressClass) {
    long classStart = addressClass < 0 ? 0 : cuts[addressClass];
    long address = from.address().toLong();
    if (from instanceof ClientLocation.InVirtualNetwork) {
      ClientLocation.InVirtualNetwork v = (ClientLocation.InVirtualNetwork) from;
      if (v.networkInterface().isPresent()) {
        return from;
      }
      Optional<Subnet> subnet = network.subnet(v.subnet());
      if (subnet.isEmpty()) {
        return from; // routing reports it
      }
      long first = Math.max(classStart, subnet.get().addressPrefix().first().toLong());
      return first == address
          ? from
          : new ClientLocation.InVirtualNetwork(v.subnet(), Ipv4Address.ofLong(first), v.outboundPublicAddress(), Optional.empty());
    }
    ClientLocation.OnPremises o = (ClientLocation.OnPremises) from;
    Optional<OnPremisesNetwork> onPremises = network.onPremisesNetwork(o.network());
    if (onPremises.isEmpty()) {
      return from;
    }
    for (Ipv4Range r : onPremises.get().addresses().ranges()) {
      if (r.first().toLong() <= address && address <= r.last().toLong()) {
        long first = Math.max(classStart, r.first().toLong());
        return first == address ? from : new ClientLocation.OnPremises(o.network(), Ipv4Address.ofLong(first), o.outboundPublicAddress());
      }
    }
    return from;
  }
}
