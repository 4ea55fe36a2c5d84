package dev.pgreach.dns;

/** What kind of DNS server a {@link DnsServer} is, which decides what it does with a query no forwarder takes. */
public enum DnsServerKind {
  /**
   * A DNS server you run (a virtual machine, an appliance, a domain controller on-premises). It
   * forwards by its forwarders and conditional forwarders; a query none of them takes it resolves
   * itself through public DNS, which knows nothing of private zones.
   */
  CUSTOM,
  /**
   * An inbound endpoint of Azure DNS Private Resolver: an address in a virtual network at which
   * Azure-provided DNS answers queries from elsewhere (on-premises, other networks) exactly as it
   * answers that network's own hosts, with the zones linked to that network. It has no forwarders
   * of its own (forwarding rulesets are not modelled).
   */
  PRIVATE_RESOLVER_INBOUND_ENDPOINT
}
