package dev.pgreach.dns;

import com.google.common.collect.ImmutableList;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Place;
import dev.pgreach.core.ReasonCode;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.Step;
import dev.pgreach.core.StepEffect;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The steps of a name resolution: which resolver was asked, where it forwarded, which zone and
 * link or public DNS answered with which record, which CNAME was followed, and why resolution
 * stopped.
 *
 * <p>Steps that end an attempt without an address ({@link NxDomain}, {@link Refused}, {@link
 * Unreachable}, {@link ForwardingLoop}, {@link CnameLoop}, {@link DepthExceeded}) have effect
 * {@link StepEffect#BLOCKED}; a host whose first DNS server fails tries the next one, so a blocking
 * step may be followed by the next attempt's steps. Steps that end it without an answer the model
 * can give ({@link PublicNotModelled}, {@link ServerAddressUnknown}) have effect {@link
 * StepEffect#UNKNOWN}. {@link #reason()} renders a sentence for people; programs use {@link
 * #code()} and the record components.
 */
public sealed interface DnsStep extends Step {

  /**
   * A resolver was asked for a name.
   *
   * @param nameServer who was asked
   * @param name the name asked for
   */
  record Queried(NameServer nameServer, DnsName name) implements DnsStep {
    /** {@return who was asked} */
    public NameServer nameServer() {
      return nameServer;
    }

    /** {@return the name asked for} */
    public DnsName name() {
      return name;
    }

    /**
     * Checks the components.
     *
     * @param nameServer who was asked
     * @param name the name asked for
     * @throws dev.pgreach.core.PgreachException for a null component
     */
    public Queried {
      Checks.notNull(nameServer, "DnsStep.Queried.nameServer");
      Checks.notNull(name, "DnsStep.Queried.name");
    }

    @Override
    public ReasonCode code() {
      return ReasonCode.DNS_QUERY;
    }

    @Override
    public StepEffect effect() {
      return StepEffect.NOTE;
    }

    @Override
    public String subject() {
      if (nameServer instanceof NameServer.AzureProvided) {
        return ((NameServer.AzureProvided) nameServer).virtualNetwork().toString();
      }
      if (nameServer instanceof NameServer.Configured) {
        return ((NameServer.Configured) nameServer).dnsServer().toString();
      }
      return nameServer.toString();
    }

    @Override
    public String reason() {
      return "Asks " + nameServer + " for " + name + ".";
    }
  }

  /**
   * A custom DNS server had no forwarder for a name and resolved it itself, through public DNS.
   *
   * @param dnsServer the server
   * @param name the name
   */
  record Recursed(ResourceId dnsServer, DnsName name) implements DnsStep {
    /** {@return the server} */
    public ResourceId dnsServer() {
      return dnsServer;
    }

    /** {@return the name} */
    public DnsName name() {
      return name;
    }

    /**
     * Checks the components.
     *
     * @param dnsServer the server
     * @param name the name
     * @throws dev.pgreach.core.PgreachException for a null component
     */
    public Recursed {
      Checks.notNull(dnsServer, "DnsStep.Recursed.dnsServer");
      Checks.notNull(name, "DnsStep.Recursed.name");
    }

    @Override
    public ReasonCode code() {
      return ReasonCode.DNS_QUERY;
    }

    @Override
    public StepEffect effect() {
      return StepEffect.NOTE;
    }

    @Override
    public String subject() {
      return dnsServer.toString();
    }

    @Override
    public String reason() {
      return "DNS server "
          + dnsServer.name()
          + " has no forwarder for "
          + name
          + ", so it resolves the name itself through public DNS, which holds no private zone.";
    }
  }

  /**
   * A DNS server forwarded a query.
   *
   * @param dnsServer the forwarding server
   * @param name the name
   * @param target the address forwarded to
   * @param conditionalDomain the domain of the conditional forwarder that took the name, or empty
   *     when the server's general forwarders did
   */
  record Forwarded(ResourceId dnsServer, DnsName name, Ipv4Address target, Optional<DnsName> conditionalDomain)
      implements DnsStep {
    /** {@return the forwarding server} */
    public ResourceId dnsServer() {
      return dnsServer;
    }

    /** {@return the name} */
    public DnsName name() {
      return name;
    }

    /** {@return the address forwarded to} */
    public Ipv4Address target() {
      return target;
    }

    /** {@return the domain of the conditional forwarder that took the name, or empty when the server's general forwarders did} */
    public Optional<DnsName> conditionalDomain() {
      return conditionalDomain;
    }

    /**
     * Checks the components.
     *
     * @param dnsServer the forwarding server
     * @param name the name
     * @param target the address forwarded to
     * @param conditionalDomain the domain of the conditional forwarder that took the name, or empty when the server's general forwarders did
     * @throws dev.pgreach.core.PgreachException for a null component
     */
    public Forwarded {
      Checks.notNull(dnsServer, "DnsStep.Forwarded.dnsServer");
      Checks.notNull(name, "DnsStep.Forwarded.name");
      Checks.notNull(target, "DnsStep.Forwarded.target");
      Checks.notNull(conditionalDomain, "DnsStep.Forwarded.conditionalDomain");
    }

    @Override
    public ReasonCode code() {
      return ReasonCode.DNS_FORWARDED;
    }

    @Override
    public StepEffect effect() {
      return StepEffect.PASSED;
    }

    @Override
    public String subject() {
      return dnsServer.toString();
    }

    @Override
    public String reason() {
      return "DNS server "
          + dnsServer.name()
          + " forwards "
          + name
          + " to "
          + target
          + conditionalDomain.map(d -> " (conditional forwarder for " + d + ")").orElse(" (its forwarders)")
          + ".";
    }
  }

  /**
   * A private DNS zone linked to the resolving virtual network answered with records.
   *
   * @param name the name
   * @param zone the zone's id
   * @param zoneName the zone's name
   * @param link the link through which the zone is visible
   * @param records the records at the name: one CNAME, or one or more A records
   * @param writtenForServer the VNet-integrated server whose A record Azure keeps in its zone, when
   *     the answer is that record and the zone as given did not list it
   */
  record ZoneAnswered(
      DnsName name,
      ResourceId zone,
      ZoneName zoneName,
      ResourceId link,
      ImmutableList<DnsRecord> records,
      Optional<ResourceId> writtenForServer)
      implements DnsStep {
    /** {@return the name} */
    public DnsName name() {
      return name;
    }

    /** {@return the zone's id} */
    public ResourceId zone() {
      return zone;
    }

    /** {@return the zone's name} */
    public ZoneName zoneName() {
      return zoneName;
    }

    /** {@return the link through which the zone is visible} */
    public ResourceId link() {
      return link;
    }

    /** {@return the records at the name: one CNAME, or one or more A records} */
    public ImmutableList<DnsRecord> records() {
      return records;
    }

    /**
     * {@return the VNet-integrated server whose A record Azure keeps in its zone, when the answer is that record and the zone as given did not list it}
     */
    public Optional<ResourceId> writtenForServer() {
      return writtenForServer;
    }

    /**
     * Checks the components.
     *
     * @param name the name
     * @param zone the zone's id
     * @param zoneName the zone's name
     * @param link the link through which the zone is visible
     * @param records the records at the name: one CNAME, or one or more A records
     * @param writtenForServer the VNet-integrated server whose A record Azure keeps in its zone, when the answer is that record and the zone as given did not list it
     * @throws dev.pgreach.core.PgreachException for a null component
     */
    public ZoneAnswered {
      Checks.notNull(name, "DnsStep.ZoneAnswered.name");
      Checks.notNull(zone, "DnsStep.ZoneAnswered.zone");
      Checks.notNull(zoneName, "DnsStep.ZoneAnswered.zoneName");
      Checks.notNull(link, "DnsStep.ZoneAnswered.link");
      Checks.notNull(records, "DnsStep.ZoneAnswered.records");
      Checks.notNull(writtenForServer, "DnsStep.ZoneAnswered.writtenForServer");
    }

    @Override
    public ReasonCode code() {
      return ReasonCode.DNS_PRIVATE_ZONE_ANSWERED;
    }

    @Override
    public StepEffect effect() {
      return StepEffect.PASSED;
    }

    @Override
    public String subject() {
      return zone.toString();
    }

    @Override
    public String reason() {
      return "Private DNS zone "
          + zoneName
          + ", linked by "
          + link.name()
          + ", answers "
          + name
          + " with "
          + records.stream().map(Object::toString).collect(Collectors.joining(", "))
          + writtenForServer.map(s -> " (the record Azure keeps for server " + s.name() + ")").orElse("")
          + ".";
    }
  }

  /**
   * Public DNS's answer for a server's name is its public endpoint whether or not the server has
   * a private endpoint, which the input does not show: with one, public DNS points the name into
   * {@code privatelink.postgres.database.azure.com}, which the asking resolver can answer only as
   * public DNS does (with the public endpoint); without one, at the public endpoint's name. The
   * address is known; which aliases lead there is not.
   *
   * @param name the name
   * @param server the server
   * @param privatelinkName the name the answer goes through if the server has a private endpoint
   * @param addresses the public endpoint's address, when it is known
   */
  record PublicAnsweredEitherWay(DnsName name, ResourceId server, DnsName privatelinkName, ImmutableList<Ipv4Address> addresses) implements DnsStep {
    /** {@return the name} */
    public DnsName name() {
      return name;
    }

    /** {@return the server} */
    public ResourceId server() {
      return server;
    }

    /** {@return the name the answer goes through if the server has a private endpoint} */
    public DnsName privatelinkName() {
      return privatelinkName;
    }

    /** {@return the public endpoint's address, when it is known} */
    public ImmutableList<Ipv4Address> addresses() {
      return addresses;
    }

    /**
     * Checks the components.
     *
     * @param name the name
     * @param server the server
     * @param privatelinkName the name the answer goes through if the server has a private endpoint
     * @param addresses the public endpoint's address, when it is known
     * @throws dev.pgreach.core.PgreachException for a null component
     */
    public PublicAnsweredEitherWay {
      Checks.notNull(name, "DnsStep.PublicAnsweredEitherWay.name");
      Checks.notNull(server, "DnsStep.PublicAnsweredEitherWay.server");
      Checks.notNull(privatelinkName, "DnsStep.PublicAnsweredEitherWay.privatelinkName");
      Checks.notNull(addresses, "DnsStep.PublicAnsweredEitherWay.addresses");
    }

    @Override
    public ReasonCode code() {
      return ReasonCode.DNS_PUBLIC_ANSWERED;
    }

    @Override
    public StepEffect effect() {
      return StepEffect.PASSED;
    }

    @Override
    public String subject() {
      return server.toString();
    }

    @Override
    public String reason() {
      return "Whether server " + server.name() + " has a private endpoint is not known from the input, but public DNS ends at its public endpoint either way: with one it points "
          + name + " into " + privatelinkName + ", which the resolver asked holds in no private zone, so public DNS answers it with the public endpoint; without one it points "
          + name + " at the public endpoint's name. It answers "
          + (addresses.isEmpty() ? "with the public endpoint of " + server.name() + " (its address is not in the input)" : "with " + addresses.stream().map(Object::toString).collect(Collectors.joining(", ")))
          + ".";
    }
  }

  /**
   * Public DNS answered: a CNAME Azure publishes for a flexible server, or a server's public
   * endpoint.
   *
   * @param name the name
   * @param canonicalName the CNAME target, when the answer is an alias
   * @param addresses the public endpoint's address, when the answer is an address
   * @param publicEndpointOf the server whose public endpoint the answer is, when it is one
   */
  record PublicAnswered(
      DnsName name, Optional<DnsName> canonicalName, ImmutableList<Ipv4Address> addresses, Optional<ResourceId> publicEndpointOf)
      implements DnsStep {
    /** {@return the name} */
    public DnsName name() {
      return name;
    }

    /** {@return the CNAME target, when the answer is an alias} */
    public Optional<DnsName> canonicalName() {
      return canonicalName;
    }

    /** {@return the public endpoint's address, when the answer is an address} */
    public ImmutableList<Ipv4Address> addresses() {
      return addresses;
    }

    /** {@return the server whose public endpoint the answer is, when it is one} */
    public Optional<ResourceId> publicEndpointOf() {
      return publicEndpointOf;
    }

    /**
     * Checks the components.
     *
     * @param name the name
     * @param canonicalName the CNAME target, when the answer is an alias
     * @param addresses the public endpoint's address, when the answer is an address
     * @param publicEndpointOf the server whose public endpoint the answer is, when it is one
     * @throws dev.pgreach.core.PgreachException for a null component
     */
    public PublicAnswered {
      Checks.notNull(name, "DnsStep.PublicAnswered.name");
      Checks.notNull(canonicalName, "DnsStep.PublicAnswered.canonicalName");
      Checks.notNull(addresses, "DnsStep.PublicAnswered.addresses");
      Checks.notNull(publicEndpointOf, "DnsStep.PublicAnswered.publicEndpointOf");
    }

    @Override
    public ReasonCode code() {
      return ReasonCode.DNS_PUBLIC_ANSWERED;
    }

    @Override
    public StepEffect effect() {
      return StepEffect.PASSED;
    }

    @Override
    public String subject() {
      return publicEndpointOf.map(Object::toString).orElse(name.toString());
    }

    @Override
    public String reason() {
      String answer;
      if (canonicalName.isPresent()) {
        answer = "CNAME " + canonicalName.get();
      } else if (!addresses.isEmpty()) {
        answer = "A " + addresses.stream().map(Object::toString).collect(Collectors.joining(", "))
            + publicEndpointOf.map(s -> ", the public endpoint of server " + s.name()).orElse("");
      } else {
        answer = "the public endpoint of server "
            + publicEndpointOf.map(ResourceId::name).orElse("?")
            + ", whose address the model does not know";
      }
      return "Public DNS answers " + name + " with " + answer + ".";
    }
  }

  /**
   * A CNAME was followed: resolution continues with the canonical name.
   *
   * @param name the alias
   * @param target the canonical name
   */
  record CnameFollowed(DnsName name, DnsName target) implements DnsStep {
    /** {@return the alias} */
    public DnsName name() {
      return name;
    }

    /** {@return the canonical name} */
    public DnsName target() {
      return target;
    }

    /**
     * Checks the components.
     *
     * @param name the alias
     * @param target the canonical name
     * @throws dev.pgreach.core.PgreachException for a null component
     */
    public CnameFollowed {
      Checks.notNull(name, "DnsStep.CnameFollowed.name");
      Checks.notNull(target, "DnsStep.CnameFollowed.target");
    }

    @Override
    public ReasonCode code() {
      return ReasonCode.DNS_CNAME_FOLLOWED;
    }

    @Override
    public StepEffect effect() {
      return StepEffect.PASSED;
    }

    @Override
    public String subject() {
      return name.toString();
    }

    @Override
    public String reason() {
      return "Follows the CNAME from " + name + " to " + target + ".";
    }
  }

  /**
   * A linked zone had no record for a name, and its link's {@link
   * ResolutionPolicy#NX_DOMAIN_REDIRECT} sent the query on to public DNS.
   *
   * @param name the name
   * @param zone the zone's id
   * @param link the link with the redirect policy
   */
  record FallbackToInternet(DnsName name, ResourceId zone, ResourceId link) implements DnsStep {
    /** {@return the name} */
    public DnsName name() {
      return name;
    }

    /** {@return the zone's id} */
    public ResourceId zone() {
      return zone;
    }

    /** {@return the link with the redirect policy} */
    public ResourceId link() {
      return link;
    }

    /**
     * Checks the components.
     *
     * @param name the name
     * @param zone the zone's id
     * @param link the link with the redirect policy
     * @throws dev.pgreach.core.PgreachException for a null component
     */
    public FallbackToInternet {
      Checks.notNull(name, "DnsStep.FallbackToInternet.name");
      Checks.notNull(zone, "DnsStep.FallbackToInternet.zone");
      Checks.notNull(link, "DnsStep.FallbackToInternet.link");
    }

    @Override
    public ReasonCode code() {
      return ReasonCode.DNS_FALLBACK_TO_INTERNET;
    }

    @Override
    public StepEffect effect() {
      return StepEffect.PASSED;
    }

    @Override
    public String subject() {
      return link.toString();
    }

    @Override
    public String reason() {
      return "Zone "
          + zone.name()
          + " has no record for "
          + name
          + ", and link "
          + link.name()
          + " has resolution policy NxDomainRedirect: the query falls back to public DNS.";
    }
  }

  /**
   * The name does not exist: a linked private zone that holds its namespace has no record for it,
   * or public DNS has none.
   *
   * @param name the name
   * @param zone the authoritative private zone, or empty when public DNS answered
   * @param link the link through which the zone is visible, or empty when public DNS answered
   * @param redirectIgnored whether the link asked for NxDomainRedirect but Azure does not honour
   *     it here (not a Private Link zone, or a service profile without the feature)
   */
  record NxDomain(DnsName name, Optional<ResourceId> zone, Optional<ResourceId> link, boolean redirectIgnored)
      implements DnsStep {
    /** {@return the name} */
    public DnsName name() {
      return name;
    }

    /** {@return the authoritative private zone, or empty when public DNS answered} */
    public Optional<ResourceId> zone() {
      return zone;
    }

    /** {@return the link through which the zone is visible, or empty when public DNS answered} */
    public Optional<ResourceId> link() {
      return link;
    }

    /**
     * {@return whether the link asked for NxDomainRedirect but Azure does not honour it here (not a Private Link zone, or a service profile without the feature)}
     */
    public boolean redirectIgnored() {
      return redirectIgnored;
    }

    /**
     * Checks the components.
     *
     * @param name the name
     * @param zone the authoritative private zone, or empty when public DNS answered
     * @param link the link through which the zone is visible, or empty when public DNS answered
     * @param redirectIgnored whether the link asked for NxDomainRedirect but Azure does not honour it here (not a Private Link zone, or a service profile without the feature)
     * @throws dev.pgreach.core.PgreachException for a null component
     */
    public NxDomain {
      Checks.notNull(name, "DnsStep.NxDomain.name");
      Checks.notNull(zone, "DnsStep.NxDomain.zone");
      Checks.notNull(link, "DnsStep.NxDomain.link");
    }

    @Override
    public ReasonCode code() {
      return ReasonCode.DNS_NXDOMAIN;
    }

    @Override
    public StepEffect effect() {
      return StepEffect.BLOCKED;
    }

    @Override
    public String subject() {
      return zone.map(Object::toString).orElse(name.toString());
    }

    @Override
    public String reason() {
      if (zone.isEmpty()) {
        return "Public DNS has no record for " + name + ": NXDOMAIN.";
      }
      return "Private DNS zone "
          + zone.get().name()
          + ", linked by "
          + link.map(ResourceId::name).orElse("?")
          + ", is authoritative for "
          + name
          + " but has no record for it: NXDOMAIN, with no fallback to public DNS"
          + (redirectIgnored ? " (the link's NxDomainRedirect is not honoured here)" : "")
          + ".";
    }
  }

  /**
   * A resolver refused the query: Azure-provided DNS answers only queries that originate inside
   * a virtual network.
   *
   * @param address the refusing resolver's address
   * @param from where the query came from
   */
  record Refused(Ipv4Address address, Place from) implements DnsStep {
    /** {@return the refusing resolver's address} */
    public Ipv4Address address() {
      return address;
    }

    /** {@return where the query came from} */
    public Place from() {
      return from;
    }

    /**
     * Checks the components.
     *
     * @param address the refusing resolver's address
     * @param from where the query came from
     * @throws dev.pgreach.core.PgreachException for a null component
     */
    public Refused {
      Checks.notNull(address, "DnsStep.Refused.address");
      Checks.notNull(from, "DnsStep.Refused.from");
    }

    @Override
    public ReasonCode code() {
      return ReasonCode.DNS_RESOLVER_REFUSED;
    }

    @Override
    public StepEffect effect() {
      return StepEffect.BLOCKED;
    }

    @Override
    public String subject() {
      return address.toString();
    }

    @Override
    public String reason() {
      return "Azure-provided DNS ("
          + address
          + ") answers only queries that originate inside a virtual network; a query from "
          + from
          + " gets no answer.";
    }
  }

  /**
   * A DNS server could not be reached from the asker: routing drops the packet, or nothing the
   * model knows answers DNS at the address it arrives at.
   *
   * @param address the server's address
   * @param from where the query came from
   * @param routingStep the routing step that dropped the query, or empty when the packet arrived
   *     but no DNS server is modelled there
   */
  record Unreachable(Ipv4Address address, Place from, Optional<Step> routingStep) implements DnsStep {
    /** {@return the server's address} */
    public Ipv4Address address() {
      return address;
    }

    /** {@return where the query came from} */
    public Place from() {
      return from;
    }

    /** {@return the routing step that dropped the query, or empty when the packet arrived but no DNS server is modelled there} */
    public Optional<Step> routingStep() {
      return routingStep;
    }

    /**
     * Checks the components.
     *
     * @param address the server's address
     * @param from where the query came from
     * @param routingStep the routing step that dropped the query, or empty when the packet arrived but no DNS server is modelled there
     * @throws dev.pgreach.core.PgreachException for a null component
     */
    public Unreachable {
      Checks.notNull(address, "DnsStep.Unreachable.address");
      Checks.notNull(from, "DnsStep.Unreachable.from");
      Checks.notNull(routingStep, "DnsStep.Unreachable.routingStep");
    }

    @Override
    public ReasonCode code() {
      return ReasonCode.DNS_RESOLVER_UNREACHABLE;
    }

    @Override
    public StepEffect effect() {
      return StepEffect.BLOCKED;
    }

    @Override
    public String subject() {
      return address.toString();
    }

    @Override
    public String reason() {
      return routingStep
          .map(s -> "DNS server " + address + " cannot be reached from " + from + ": " + s.reason())
          .orElse("No DNS server is modelled at " + address + ", where a query from " + from + " arrives: no answer.");
    }
  }

  /**
   * DNS servers forwarded a query around a circle, back to a server already forwarding it.
   *
   * @param dnsServer the server the query came back to
   * @param name the name
   */
  record ForwardingLoop(ResourceId dnsServer, DnsName name) implements DnsStep {
    /** {@return the server the query came back to} */
    public ResourceId dnsServer() {
      return dnsServer;
    }

    /** {@return the name} */
    public DnsName name() {
      return name;
    }

    /**
     * Checks the components.
     *
     * @param dnsServer the server the query came back to
     * @param name the name
     * @throws dev.pgreach.core.PgreachException for a null component
     */
    public ForwardingLoop {
      Checks.notNull(dnsServer, "DnsStep.ForwardingLoop.dnsServer");
      Checks.notNull(name, "DnsStep.ForwardingLoop.name");
    }

    @Override
    public ReasonCode code() {
      return ReasonCode.DNS_FORWARDING_LOOP;
    }

    @Override
    public StepEffect effect() {
      return StepEffect.BLOCKED;
    }

    @Override
    public String subject() {
      return dnsServer.toString();
    }

    @Override
    public String reason() {
      return "The query for " + name + " comes back to DNS server " + dnsServer.name() + ", which is already forwarding it: forwarding loop.";
    }
  }

  /**
   * A CNAME pointed back to a name already in the chain.
   *
   * @param name the alias whose CNAME closes the loop
   * @param target the name it points back to
   */
  record CnameLoop(DnsName name, DnsName target) implements DnsStep {
    /** {@return the alias whose CNAME closes the loop} */
    public DnsName name() {
      return name;
    }

    /** {@return the name it points back to} */
    public DnsName target() {
      return target;
    }

    /**
     * Checks the components.
     *
     * @param name the alias whose CNAME closes the loop
     * @param target the name it points back to
     * @throws dev.pgreach.core.PgreachException for a null component
     */
    public CnameLoop {
      Checks.notNull(name, "DnsStep.CnameLoop.name");
      Checks.notNull(target, "DnsStep.CnameLoop.target");
    }

    @Override
    public ReasonCode code() {
      return ReasonCode.DNS_CNAME_LOOP;
    }

    @Override
    public StepEffect effect() {
      return StepEffect.BLOCKED;
    }

    @Override
    public String subject() {
      return name.toString();
    }

    @Override
    public String reason() {
      return "The CNAME of " + name + " points back to " + target + ", already in the chain: CNAME loop.";
    }
  }

  /**
   * The CNAME chain reached the depth limit.
   *
   * @param name the last alias followed
   * @param target the CNAME target that would exceed the limit
   * @param limit the most CNAMEs followed in one resolution
   */
  record DepthExceeded(DnsName name, DnsName target, int limit) implements DnsStep {
    /** {@return the last alias followed} */
    public DnsName name() {
      return name;
    }

    /** {@return the CNAME target that would exceed the limit} */
    public DnsName target() {
      return target;
    }

    /** {@return the most CNAMEs followed in one resolution} */
    public int limit() {
      return limit;
    }

    /**
     * Checks the components.
     *
     * @param name the last alias followed
     * @param target the CNAME target that would exceed the limit
     * @param limit the most CNAMEs followed in one resolution
     * @throws dev.pgreach.core.PgreachException for a null component
     */
    public DepthExceeded {
      Checks.notNull(name, "DnsStep.DepthExceeded.name");
      Checks.notNull(target, "DnsStep.DepthExceeded.target");
    }

    @Override
    public ReasonCode code() {
      return ReasonCode.DNS_DEPTH_EXCEEDED;
    }

    @Override
    public StepEffect effect() {
      return StepEffect.BLOCKED;
    }

    @Override
    public String subject() {
      return name.toString();
    }

    @Override
    public String reason() {
      return "The CNAME of " + name + " to " + target + " would make the chain longer than " + limit + " CNAMEs: resolution gives up.";
    }
  }

  /**
   * Public DNS would answer a name outside what the model knows.
   *
   * @param name the name
   */
  record PublicNotModelled(DnsName name) implements DnsStep {
    /** {@return the name} */
    public DnsName name() {
      return name;
    }

    /**
     * Checks the component.
     *
     * @param name the name
     * @throws dev.pgreach.core.PgreachException for a null name
     */
    public PublicNotModelled {
      Checks.notNull(name, "DnsStep.PublicNotModelled.name");
    }

    @Override
    public ReasonCode code() {
      return ReasonCode.DNS_PUBLIC_NOT_MODELLED;
    }

    @Override
    public StepEffect effect() {
      return StepEffect.UNKNOWN;
    }

    @Override
    public String subject() {
      return name.toString();
    }

    @Override
    public String reason() {
      return "Public DNS answers " + name + ", but the model knows public records only under " + ZoneName.POSTGRES + ": the answer is unknown.";
    }
  }

  /**
   * A VNet-integrated server's name was looked up in the server's own private DNS zone, where
   * Azure keeps the server's A record, but the model does not know the server's private address:
   * the server has no {@code privateAddress}, and the zone as given lists no A record at that
   * name inside the server's delegated subnet (the usual case after reading ARM resources without
   * the zone's record sets). The answer is left open, never NXDOMAIN and never an invented
   * address.
   *
   * @param name the name looked up, {@code <server>.<zone>}
   * @param zone the zone's id
   * @param zoneName the zone's name
   * @param link the link through which the zone is visible
   * @param server the VNet-integrated server whose address the answer would be
   * @param ignoredRecords A records the zone lists at the name whose addresses lie outside the
   *     server's delegated subnet, and which therefore are not taken as its address; often empty
   */
  record ServerAddressUnknown(
      DnsName name, ResourceId zone, ZoneName zoneName, ResourceId link, ResourceId server, ImmutableList<DnsRecord> ignoredRecords)
      implements DnsStep {
    /** {@return the name looked up, {@code <server>.<zone>}} */
    public DnsName name() {
      return name;
    }

    /** {@return the zone's id} */
    public ResourceId zone() {
      return zone;
    }

    /** {@return the zone's name} */
    public ZoneName zoneName() {
      return zoneName;
    }

    /** {@return the link through which the zone is visible} */
    public ResourceId link() {
      return link;
    }

    /** {@return the VNet-integrated server whose address the answer would be} */
    public ResourceId server() {
      return server;
    }

    /**
     * {@return A records the zone lists at the name whose addresses lie outside the server's delegated subnet, and which therefore are not taken as its address; often empty}
     */
    public ImmutableList<DnsRecord> ignoredRecords() {
      return ignoredRecords;
    }

    /**
     * Checks the components.
     *
     * @param name the name looked up, {@code <server>.<zone>}
     * @param zone the zone's id
     * @param zoneName the zone's name
     * @param link the link through which the zone is visible
     * @param server the VNet-integrated server whose address the answer would be
     * @param ignoredRecords A records the zone lists at the name whose addresses lie outside the server's delegated subnet, and which therefore are not taken as its address; often empty
     * @throws dev.pgreach.core.PgreachException for a null component
     */
    public ServerAddressUnknown {
      Checks.notNull(name, "DnsStep.ServerAddressUnknown.name");
      Checks.notNull(zone, "DnsStep.ServerAddressUnknown.zone");
      Checks.notNull(zoneName, "DnsStep.ServerAddressUnknown.zoneName");
      Checks.notNull(link, "DnsStep.ServerAddressUnknown.link");
      Checks.notNull(server, "DnsStep.ServerAddressUnknown.server");
      Checks.notNull(ignoredRecords, "DnsStep.ServerAddressUnknown.ignoredRecords");
    }

    @Override
    public ReasonCode code() {
      return ReasonCode.DNS_SERVER_ADDRESS_UNKNOWN;
    }

    @Override
    public StepEffect effect() {
      return StepEffect.UNKNOWN;
    }

    @Override
    public String subject() {
      return server.toString();
    }

    @Override
    public String reason() {
      return "Private DNS zone "
          + zoneName
          + ", linked by "
          + link.name()
          + ", holds the A record Azure keeps for server "
          + server.name()
          + " at "
          + name
          + ", but the model does not know the server's private address"
          + (ignoredRecords.isEmpty()
              ? ""
              : " ("
                  + ignoredRecords.stream().map(Object::toString).collect(Collectors.joining(", "))
                  + (ignoredRecords.size() == 1 ? " is" : " are")
                  + " outside the server's delegated subnet)")
          + ": the answer is unknown.";
    }
  }

  /**
   * The resolution ended with an answer.
   *
   * @param name the canonical name, the last in the alias chain
   * @param addresses the addresses, ascending; empty when the answer is a public endpoint whose
   *     address the model does not know
   * @param publicEndpointOf the server whose public endpoint the answer is, when it is one
   */
  record Answered(DnsName name, ImmutableList<Ipv4Address> addresses, Optional<ResourceId> publicEndpointOf)
      implements DnsStep {
    /** {@return the canonical name, the last in the alias chain} */
    public DnsName name() {
      return name;
    }

    /** {@return the addresses, ascending; empty when the answer is a public endpoint whose address the model does not know} */
    public ImmutableList<Ipv4Address> addresses() {
      return addresses;
    }

    /** {@return the server whose public endpoint the answer is, when it is one} */
    public Optional<ResourceId> publicEndpointOf() {
      return publicEndpointOf;
    }

    /**
     * Checks the components.
     *
     * @param name the canonical name, the last in the alias chain
     * @param addresses the addresses, ascending; empty when the answer is a public endpoint whose address the model does not know
     * @param publicEndpointOf the server whose public endpoint the answer is, when it is one
     * @throws dev.pgreach.core.PgreachException for a null component
     */
    public Answered {
      Checks.notNull(name, "DnsStep.Answered.name");
      Checks.notNull(addresses, "DnsStep.Answered.addresses");
      Checks.notNull(publicEndpointOf, "DnsStep.Answered.publicEndpointOf");
    }

    @Override
    public ReasonCode code() {
      return ReasonCode.DNS_ANSWER;
    }

    @Override
    public StepEffect effect() {
      return StepEffect.PASSED;
    }

    @Override
    public String subject() {
      return name.toString();
    }

    @Override
    public String reason() {
      String what =
          addresses.isEmpty()
              ? "the public endpoint of server " + publicEndpointOf.map(ResourceId::name).orElse("?") + " (address not known)"
              : addresses.stream().map(Object::toString).collect(Collectors.joining(", "))
                  + publicEndpointOf.map(s -> " (public endpoint of server " + s.name() + ")").orElse("");
      return name + " resolves to " + what + ".";
    }
  }

  /**
   * The answer cannot be told from the input: the zones linked to the resolving network, a zone's
   * record sets, a server's settings or private endpoints, or what answers at a DNS server's
   * address are not all in it, and what is missing could answer.
   *
   * @param code {@link ReasonCode#OUTSIDE_INPUT}, {@link ReasonCode#NOT_OBSERVED} or {@link
   *     ReasonCode#SETTING_UNKNOWN}
   * @param name the name being resolved
   * @param subject the resource whose content is missing, as text
   * @param why the explanation, naming what is missing and what it would decide
   */
  record Undecided(ReasonCode code, DnsName name, String subject, String why) implements DnsStep {
    /** {@return {@link ReasonCode#OUTSIDE_INPUT}, {@link ReasonCode#NOT_OBSERVED} or {@link ReasonCode#SETTING_UNKNOWN}} */
    public ReasonCode code() {
      return code;
    }

    /** {@return the name being resolved} */
    public DnsName name() {
      return name;
    }

    /** {@return the explanation, naming what is missing and what it would decide} */
    public String why() {
      return why;
    }

    /**
     * Checks the components.
     *
     * @param code {@link ReasonCode#OUTSIDE_INPUT}, {@link ReasonCode#NOT_OBSERVED} or {@link ReasonCode#SETTING_UNKNOWN}
     * @param name the name being resolved
     * @param subject the resource whose content is missing, as text
     * @param why the explanation, naming what is missing and what it would decide
     * @throws dev.pgreach.core.PgreachException for a null component
     */
    public Undecided {
      Checks.notNull(code, "DnsStep.Undecided.code");
      Checks.notNull(name, "DnsStep.Undecided.name");
      Checks.notNull(subject, "DnsStep.Undecided.subject");
      Checks.notNull(why, "DnsStep.Undecided.why");
    }

    @Override
    public StepEffect effect() {
      return StepEffect.UNKNOWN;
    }

    @Override
    public String subject() {
      return subject;
    }

    @Override
    public String reason() {
      return why;
    }
  }
}
