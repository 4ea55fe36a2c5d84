package dev.pgreach.dns;

import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.ResourceId;
import java.util.Optional;

/**
 * Who answers a query: Azure-provided DNS on behalf of one virtual network, a modelled DNS
 * server, or public DNS.
 */
public sealed interface NameServer {
  /**
   * Azure-provided DNS ({@code 168.63.129.16}) answering a query that originates in a virtual
   * network, with the private zones linked to that network.
   *
   * @param virtualNetwork the network whose links apply
   */
  record AzureProvided(ResourceId virtualNetwork) implements NameServer {
    /** {@return the network whose links apply} */
    public ResourceId virtualNetwork() {
      return virtualNetwork;
    }

    /**
     * Checks the component.
     *
     * @param virtualNetwork the network whose links apply
     * @throws dev.pgreach.core.PgreachException for a null id
     */
    public AzureProvided {
      Checks.notNull(virtualNetwork, "NameServer.AzureProvided.virtualNetwork");
    }

    @Override
    public String toString() {
      return "Azure-provided DNS (" + Resolver.AZURE_PROVIDED_DNS + ") in virtual network " + virtualNetwork.name();
    }
  }

  /**
   * A {@link DnsServer} of the estate.
   *
   * @param dnsServer the server's id
   * @param address its address
   * @param kind its kind
   */
  record Configured(ResourceId dnsServer, Ipv4Address address, DnsServerKind kind) implements NameServer {
    /** {@return the server's id} */
    public ResourceId dnsServer() {
      return dnsServer;
    }

    /** {@return its address} */
    public Ipv4Address address() {
      return address;
    }

    /** {@return its kind} */
    public DnsServerKind kind() {
      return kind;
    }

    /**
     * Checks the components.
     *
     * @param dnsServer the server's id
     * @param address its address
     * @param kind its kind
     * @throws dev.pgreach.core.PgreachException for a null component
     */
    public Configured {
      Checks.notNull(dnsServer, "NameServer.Configured.dnsServer");
      Checks.notNull(address, "NameServer.Configured.address");
      Checks.notNull(kind, "NameServer.Configured.kind");
    }

    @Override
    public String toString() {
      return (kind == DnsServerKind.PRIVATE_RESOLVER_INBOUND_ENDPOINT ? "Private Resolver inbound endpoint " : "DNS server ")
          + dnsServer.name()
          + " ("
          + address
          + ")";
    }
  }

  /**
   * Public DNS: the internet's view, which holds Azure's public records for flexible servers and
   * no private zone.
   *
   * @param address the public resolver's address, when a specific one was asked
   */
  record Public(Optional<Ipv4Address> address) implements NameServer {
    /** {@return the public resolver's address, when a specific one was asked} */
    public Optional<Ipv4Address> address() {
      return address;
    }

    /**
     * Checks the component.
     *
     * @param address the public resolver's address, when a specific one was asked
     * @throws dev.pgreach.core.PgreachException for a null component
     */
    public Public {
      Checks.notNull(address, "NameServer.Public.address");
    }

    @Override
    public String toString() {
      return address.map(a -> "public resolver " + a).orElse("public DNS");
    }
  }
}
