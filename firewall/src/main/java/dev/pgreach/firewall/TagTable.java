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

  private TagTable(AddressSet vnetYes, AddressSet vnetMaybe, ImmutableMap<String, AddressSet> supplied) {
    this.vnetYes = vnetYes;
    this.vnetMaybe = vnetMaybe.difference(vnetYes);
    AddressSet notInternet = vnetYes.union(vnetMaybe).union(PRIVATE);
    this.internetYes = notInternet.complement();
    this.internetMaybe = vnetMaybe.union(PRIVATE).difference(vnetYes);
    this.supplied = supplied;
  }

  /** The table of a place in a virtual network whose VirtualNetwork tag is known. */
  static TagTable of(AddressSet virtualNetworkTag, ImmutableMap<String, AddressSet> supplied) {
    return new TagTable(virtualNetworkTag, AddressSet.EMPTY, supplied);
  }

  /** The table of a group associated with no virtual network: VirtualNetwork may be anything. */
  static TagTable unattached(ImmutableMap<String, AddressSet> supplied) {
    return new TagTable(AddressSet.EMPTY, AddressSet.ALL, supplied);
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
        return supplied.getOrDefault(Names.key(name), AddressSet.EMPTY);
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
        return isOpaque(name) ? AddressSet.ALL : AddressSet.EMPTY;
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

  /** Says why an entry may or may not cover an address, for explanations. */
  String whyUncertain(SecurityRuleAddress a) {
    String name = ((SecurityRuleAddress.ServiceTag) a).name();
    switch (name) {
      case SecurityRuleAddress.VIRTUAL_NETWORK_TAG:
        return "the group is associated with no virtual network, so the VirtualNetwork tag's addresses are not known";
      case SecurityRuleAddress.INTERNET_TAG:
        return "whether private addresses outside the virtual network belong to the Internet tag is not documented";
      default:
        return "the addresses of service tag " + name + " are not known";
    }
  }
}
