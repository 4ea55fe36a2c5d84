package dev.pgreach.dns;

import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.ResourceId;
import java.util.Optional;
import java.util.Set;

/**
 * Where a query to a DNS server's address is sent from, as far as routing tells places apart: a
 * subnet (with the host's interface, if it names one, and its outbound address), an on-premises
 * network, or the internet. Null from {@link #of} for a host at an interface's address that does
 * not name it (routing then treats it as that interface), which is not cached.
 */
record ContactKey(int kind, Optional<ResourceId> where, Optional<ResourceId> networkInterface, Optional<Ipv4Address> outbound, Ipv4Address address) {
  static ContactKey of(ClientLocation from, Ipv4Address address, Set<Ipv4Address> interfaceAddresses) {
    if (from instanceof ClientLocation.InVirtualNetwork) {
      ClientLocation.InVirtualNetwork v = (ClientLocation.InVirtualNetwork) from;
      if (v.networkInterface().isEmpty() && interfaceAddresses.contains(v.address())) {
        return null;
      }
      return new ContactKey(0, Optional.of(v.subnet()), v.networkInterface(), v.outboundPublicAddress(), address);
    }
    if (from instanceof ClientLocation.OnPremises) {
      ClientLocation.OnPremises o = (ClientLocation.OnPremises) from;
      return new ContactKey(1, Optional.of(o.network()), Optional.empty(), o.outboundPublicAddress(), address);
    }
    return new ContactKey(from instanceof ClientLocation.AzureHosted ? 3 : 2, Optional.empty(), Optional.empty(), Optional.empty(), address);
  }
}
