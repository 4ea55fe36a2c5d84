package dev.pgreach.firewall;

import com.google.common.collect.ImmutableMap;
import dev.pgreach.core.AddressSet;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Prefix;
import java.util.Map;

/**
 * What the addresses of a security rule stand for in one place: for each entry, the addresses it
 * certainly covers and the addresses it may or may not cover.
 */
final class TagTable {
  /** RFC 1918 and RFC 6598 space, which Azure never routes to the internet from a virtual network. */
  static final AddressSet PRIVATE =
      AddressSet.of(
          Ipv4Prefix.parse("10.0.0.0/8"),
          Ipv4Prefix.parse("172.16.0.0/12"),
          Ipv4Prefix.parse("192.168.0.0/16"),
          Ipv4Prefix.parse("100.64.0.0/10"));

  /** The AzureLoadBalancer tag: the platform's virtual public address 168.63.129.16. */
  static final AddressSet AZURE_LOAD_BALANCER = AddressSet.of(Ipv4Prefix.host(Ipv4Address.parse("168.63.129.16")));

  private final AddressSet vnetYes;
  private final AddressSet vnetMaybe;
  private final AddressSet internetYes;
  private final AddressSet internetMaybe;
  /** Caller-supplied ranges by lower-case tag name. */
  private final ImmutableMap<String, AddressSet> supplied;
  /** Addresses certainly in an otherwise opaque tag, by lower-case tag name (the tag may hold more). */
  private final ImmutableMap<String, AddressSet> lowerBounds;

  /**
   * Builds a table from the addresses certainly in the VirtualNetwork tag, those that may be in it,
   * and those certainly outside the Internet tag (a subset of the first).
   */
  private TagTable(
      AddressSet vnetYes,
      AddressSet vnetMaybe,
      AddressSet notInternet,
      ImmutableMap<String, AddressSet> supplied,
      ImmutableMap<String, AddressSet> lowerBounds) {
    this.vnetYes = vnetYes;
    this.vnetMaybe = vnetMaybe.difference(vnetYes);
    this.internetYes = vnetYes.union(vnetMaybe).union(PRIVATE).complement();
    this.internetMaybe = notInternet.union(internetYes).complement();
    this.supplied = supplied;
    this.lowerBounds = lowerBounds;
  }

  /**
   * The table of a subnet (or of a network interface in it), from the subnet's VirtualNetwork tag
   * (its network's tag, the host address and the prefixes of the subnet's user routes) and its
   * network's tag alone (space, connected peers, gateway-learned prefixes), which is certainly
   * outside the Internet tag. Addresses the subnet's tag adds to the network's may or may not be
   * Internet addresses, as private addresses outside the network may.
   */
  static TagTable of(AddressSet subnetTag, AddressSet networkTag, ImmutableMap<String, AddressSet> supplied) {
    return new TagTable(subnetTag, AddressSet.EMPTY, networkTag.intersection(subnetTag), supplied, ImmutableMap.of());
  }

  /**
   * The table of a subnet whose network's VirtualNetwork tag is not known in full (a peering, peer
   * or gateway connection it depends on is not in the input): the known addresses are certainly in
   * the tag, any other address may be.
   */
  static TagTable ofIncomplete(AddressSet subnetTag, AddressSet networkTag, ImmutableMap<String, AddressSet> supplied) {
    return new TagTable(subnetTag, AddressSet.ALL, networkTag.intersection(subnetTag), supplied, ImmutableMap.of());
  }

  /** The table of a group associated with no virtual network: VirtualNetwork may be anything. */
  static TagTable unattached(ImmutableMap<String, AddressSet> supplied) {
    return new TagTable(AddressSet.EMPTY, AddressSet.ALL, AddressSet.EMPTY, supplied, ImmutableMap.of());
  }

  /**
   * Returns this table knowing that an opaque tag certainly holds some addresses (and may hold
   * others): {@code Storage} holds the ranges of {@code Storage.<region>}, for example.
   */
  TagTable withLowerBound(String tag, AddressSet certainly) {
    ImmutableMap.Builder<String, AddressSet> b = ImmutableMap.builder();
    lowerBounds.forEach((k, v) -> {
      if (!k.equals(Names.key(tag))) {
        b.put(k, v);
      }
    });
    b.put(Names.key(tag), certainly);
    return new TagTable(vnetYes, vnetMaybe, internetMaybe.union(internetYes).complement(), supplied, b.buildOrThrow());
  }

  /** Normalises caller-supplied tag ranges, keyed by lower-case name. */
  static ImmutableMap<String, AddressSet> normalise(Map<String, AddressSet> ranges) {
    ImmutableMap.Builder<String, AddressSet> b = ImmutableMap.builder();
    ranges.forEach((k, v) -> b.put(Names.key(k), v));
    return b.buildOrThrow();
  }

  AddressSet yes(SecurityRuleAddress a) {
    if (a instanceof SecurityRuleAddress.Any) {
      return AddressSet.ALL;
    }
    if (a instanceof SecurityRuleAddress.Prefix) {
      return ((SecurityRuleAddress.Prefix) a).prefix().toAddressSet();
    }
    if (a instanceof SecurityRuleAddress.Range) {
      return ((SecurityRuleAddress.Range) a).range().toAddressSet();
    }
    String name = ((SecurityRuleAddress.ServiceTag) a).name();
    switch (name) {
      case SecurityRuleAddress.VIRTUAL_NETWORK_TAG:
        return vnetYes;
      case SecurityRuleAddress.INTERNET_TAG:
        return internetYes;
      case SecurityRuleAddress.AZURE_LOAD_BALANCER_TAG:
        return AZURE_LOAD_BALANCER;
      default:
        return supplied.getOrDefault(Names.key(name), lowerBounds.getOrDefault(Names.key(name), AddressSet.EMPTY));
    }
  }

  AddressSet maybe(SecurityRuleAddress a) {
    if (!(a instanceof SecurityRuleAddress.ServiceTag)) {
      return AddressSet.EMPTY;
    }
    String name = ((SecurityRuleAddress.ServiceTag) a).name();
    switch (name) {
      case SecurityRuleAddress.VIRTUAL_NETWORK_TAG:
        return vnetMaybe;
      case SecurityRuleAddress.INTERNET_TAG:
        return internetMaybe;
      case SecurityRuleAddress.AZURE_LOAD_BALANCER_TAG:
        return AddressSet.EMPTY;
      default:
        return isOpaque(name) ? lowerBounds.getOrDefault(Names.key(name), AddressSet.EMPTY).complement() : AddressSet.EMPTY;
    }
  }

  /** Tells whether a tag's addresses are unknown: not computed and not supplied. */
  boolean isOpaque(String tag) {
    return !new SecurityRuleAddress.ServiceTag(tag).isComputed() && !supplied.containsKey(Names.key(tag));
  }

  /** The ranges the caller supplied for a tag, if any. */
  AddressSet supplied(String tag) {
    return supplied.get(Names.key(tag));
  }

  /**
   * Tells whether some public address other than the host address (which no service's tag holds)
   * may or may not be in the Internet tag: whether user routes put public space in the
   * VirtualNetwork tag.
   */
  boolean internetUncertainForServiceAddresses() {
    return !internetMaybe.difference(PRIVATE).difference(AZURE_LOAD_BALANCER).isEmpty();
  }

  /** Says why an entry may or may not cover an address, for explanations. */
  String whyUncertain(SecurityRuleAddress a) {
    String name = ((SecurityRuleAddress.ServiceTag) a).name();
    switch (name) {
      case SecurityRuleAddress.VIRTUAL_NETWORK_TAG:
        return "the group is associated with no virtual network, so the VirtualNetwork tag's addresses are not known";
      case SecurityRuleAddress.INTERNET_TAG:
        return "whether private addresses outside the virtual network, and addresses the VirtualNetwork tag holds only through the host address or user routes, belong to the Internet tag is not documented";
      default:
        return "the addresses of service tag " + name + " are not known";
    }
  }
}
