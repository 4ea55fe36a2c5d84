package dev.pgreach.privatelink.cli;

import com.google.common.collect.ImmutableSet;
import dev.pgreach.core.Client;
import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Network;
import dev.pgreach.core.NetworkInterface;
import dev.pgreach.core.OnPremisesNetwork;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.TlsVersion;
import dev.pgreach.privatelink.Estate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The client of a question, from {@code --from} and {@code --tls}: a client the companion document
 * names, or a place written on the command line.
 */
final class Places {
  /** The forms {@code --from} accepts, for messages. */
  static final String FORMS =
      "a client named in the companion document, a network interface id, nic:NAME, VNET/SUBNET:ADDRESS, SUBNET-ID@ADDRESS, onprem:NETWORK:ADDRESS, internet:ADDRESS or azure:ADDRESS[:TENANT]";

  private Places() {}

  /**
   * Returns the client asking.
   *
   * @param estate the estate
   * @param from the {@code --from} text
   * @param tls the {@code --tls} text, if given
   * @return the client
   * @throws CommandFailure when the text names nothing in the estate
   */
  static Client client(Estate estate, String from, Optional<String> tls) {
    Optional<Client> named = estate.clients().stream().filter(c -> c.name().equals(from)).findFirst();
    Client.Builder b = Client.builder();
    if (named.isPresent()) {
      b.name(named.get().name()).location(named.get().location());
    } else {
      b.name(from).location(location(estate, from));
    }
    if (tls.isPresent()) {
      b.tlsVersions(tls(tls.get()));
    } else {
      named.ifPresent(c -> b.tlsVersions(c.tlsVersions()));
    }
    return b.build();
  }

  /** TLS versions, comma-separated ({@code 1.2,1.3} or {@code TLSv1.2}), or {@code none}. */
  static ImmutableSet<TlsVersion> tls(String text) {
    if (text.strip().equalsIgnoreCase("none")) {
      return ImmutableSet.of();
    }
    ImmutableSet.Builder<TlsVersion> b = ImmutableSet.builder();
    for (String v : text.split(",", -1)) {
      b.add(TlsVersion.tryParse(v).orElseThrow(() -> CommandFailure.option("--tls", "--tls (" + text + ") must be versions such as 1.2,1.3, or none")));
    }
    return b.build();
  }

  private static ClientLocation location(Estate estate, String from) {
    Network n = estate.network();
    String lower = from.toLowerCase(Locale.ROOT);
    if (lower.startsWith("/subscriptions/")) {
      int at = from.indexOf('@');
      if (at > 0) {
        Subnet s = n.subnet(id(from.substring(0, at))).orElseThrow(() -> notFound(from, "no such subnet"));
        return inSubnet(from, s, address(from, from.substring(at + 1)));
      }
      NetworkInterface nic = n.networkInterface(id(from)).orElseThrow(() -> notFound(from, "no such network interface"));
      return onInterface(nic);
    }
    if (lower.startsWith("nic:")) {
      return onInterface(one(from, n.networkInterfaces(), NetworkInterface::name, from.substring(4), "network interface"));
    }
    if (lower.startsWith("onprem:")) {
      String rest = from.substring(7);
      int colon = rest.lastIndexOf(':');
      if (colon <= 0) {
        throw notFound(from, "expected onprem:NETWORK:ADDRESS");
      }
      String network = rest.substring(0, colon);
      OnPremisesNetwork o =
          network.startsWith("/")
              ? n.onPremisesNetwork(id(network)).orElseThrow(() -> notFound(from, "no such on-premises network"))
              : one(from, n.onPremisesNetworks(), OnPremisesNetwork::name, network, "on-premises network");
      Ipv4Address address = address(from, rest.substring(colon + 1));
      if (!o.addresses().contains(address)) {
        throw notFound(from, address + " is outside the prefixes of on-premises network " + o.name() + " (" + o.addressPrefixes() + ")");
      }
      return ClientLocation.OnPremises.of(o.id(), address);
    }
    if (lower.startsWith("internet:")) {
      return new ClientLocation.Internet(publicAddress(from, from.substring(9), "an internet host"));
    }
    if (lower.startsWith("azure:")) {
      String rest = from.substring(6);
      int colon = rest.indexOf(':');
      String tenant = colon < 0 ? "unknown" : rest.substring(colon + 1);
      if (tenant.isBlank() || tenant.indexOf(':') >= 0 || !tenant.strip().equals(tenant)) {
        throw notFound(from, "the tenant after the address must be a tenant name or id, such as contoso.onmicrosoft.com, not \"" + tenant + "\"");
      }
      return new ClientLocation.AzureHosted(publicAddress(from, colon < 0 ? rest : rest.substring(0, colon), "an Azure service outside a virtual network"), tenant);
    }
    int slash = from.indexOf('/');
    int colon = from.lastIndexOf(':');
    if (slash > 0 && colon > slash + 1) {
      String vnet = from.substring(0, slash);
      String subnet = from.substring(slash + 1, colon);
      List<Subnet> found =
          n.virtualNetworks().stream()
              .filter(v -> v.name().equalsIgnoreCase(vnet))
              .flatMap(v -> v.subnet(subnet).stream())
              .collect(Collectors.toList());
      if (found.size() != 1) {
        throw notFound(from, found.isEmpty() ? "no subnet " + subnet + " in a virtual network named " + vnet : "several virtual networks are named " + vnet + "; give the subnet id");
      }
      return inSubnet(from, found.get(0), address(from, from.substring(colon + 1)));
    }
    List<String> names = estate.clients().stream().map(Client::name).collect(Collectors.toList());
    String suggestion = Suggestions.didYouMean(from, names);
    String known = suggestion.isEmpty() && !names.isEmpty() ? " (" + String.join(", ", names) + ")" : "";
    throw CommandFailure.option(
        "--from", "--from (" + from + ") is not a client in the companion document" + known + " nor a place" + suggestion + (suggestion.isEmpty() ? "; expected " : " Expected ") + FORMS);
  }

  /** A host at an address of a subnet, which must be inside the subnet's prefix. */
  private static ClientLocation inSubnet(String from, Subnet subnet, Ipv4Address address) {
    if (!subnet.addressPrefix().contains(address)) {
      throw notFound(from, address + " is outside subnet " + subnet.name() + " (" + subnet.addressPrefix() + ")");
    }
    return ClientLocation.InVirtualNetwork.of(subnet.id(), address);
  }

  /** An address that must be public, for a host on the internet or an Azure service outside any network. */
  private static Ipv4Address publicAddress(String from, String text, String what) {
    Ipv4Address a = address(from, text);
    if (!a.isPublic()) {
      throw notFound(from, a + " is not a public address, so it cannot be " + what + "'s; private, shared, loopback, link-local, multicast and reserved addresses are not seen on the internet");
    }
    return a;
  }

  private static ClientLocation onInterface(NetworkInterface nic) {
    return new ClientLocation.InVirtualNetwork(nic.subnet(), nic.privateAddress(), Optional.empty(), Optional.of(nic.id()));
  }

  private static <T> T one(String from, List<T> all, Function<T, String> name, String wanted, String what) {
    List<T> found = all.stream().filter(x -> name.apply(x).equalsIgnoreCase(wanted)).collect(Collectors.toList());
    if (found.size() != 1) {
      throw notFound(from, found.isEmpty() ? "no " + what + " named " + wanted : "several resources are named " + wanted + "; give the id");
    }
    return found.get(0);
  }

  private static ResourceId id(String text) {
    try {
      return ResourceId.parse(text);
    } catch (PgreachException e) {
      throw CommandFailure.usage("--from: " + e.getMessage());
    }
  }

  private static Ipv4Address address(String from, String text) {
    return Ipv4Address.tryParse(text).orElseThrow(() -> notFound(from, "\"" + text + "\" is not an IPv4 address"));
  }

  private static CommandFailure notFound(String from, String problem) {
    return CommandFailure.option("--from", "--from (" + from + "): " + problem);
  }
}
