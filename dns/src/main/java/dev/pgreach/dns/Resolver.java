package dev.pgreach.dns;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import dev.pgreach.core.Arrival;
import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.Coverage;
import dev.pgreach.core.Disposition;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.Inventory;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Network;
import dev.pgreach.core.OnPremisesNetwork;
import dev.pgreach.core.Path;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.Place;
import dev.pgreach.core.Reachability;
import dev.pgreach.core.ReasonCode;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Step;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.VirtualNetwork;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves names as Azure does, from wherever a client sits, and explains every step.
 *
 * <p>What is modelled:
 *
 * <ul>
 *   <li><b>Which resolver a host asks.</b> A host in a virtual network without custom DNS servers
 *       asks Azure-provided DNS ({@code 168.63.129.16}) with that network's zone
 *       links; with custom DNS servers it asks them in order, and the network's own links are not
 *       consulted. An on-premises host asks its network's DNS servers in order (public DNS when
 *       none is listed). Internet hosts and Azure services outside any network see public DNS. A
 *       host moves on to its next DNS server when one cannot be reached, refuses, or fails; an
 *       address, NXDOMAIN or an unknown answer is final.
 *   <li><b>Reaching a resolver.</b> A DNS server must be reachable from whoever asks it (core
 *       routing, {@link Reachability}). {@code 168.63.129.16} needs no route from
 *       inside a virtual network and refuses every query from outside one. An address where no
 *       {@link DnsServer} is modelled is a public resolver (public view) when it is reached on the
 *       internet, and nothing at all when it is reached in a private network.
 *   <li><b>Azure-provided DNS in a virtual network.</b> For each name along the chain the most
 *       specific zone linked to the network that contains the name is authoritative: its record
 *       answers, or the answer is NXDOMAIN, with no public fallback unless the link says {@link
 *       ResolutionPolicy#NX_DOMAIN_REDIRECT} on a Private Link zone under a profile that has it. A
 *       name in no linked zone goes to public DNS. Links work across regions and need no peering.
 *       A VNet-integrated server's A record ({@code <server>} → its private address) is in its
 *       zone even when the zone as given does not list it; a listed A record wins when its address
 *       is inside the server's delegated subnet (one outside it cannot be the server's address and
 *       is not used). When neither the server's {@code privateAddress} nor such a record is known,
 *       the answer is {@link ResolutionDisposition#UNKNOWN}, naming the server: Azure always keeps
 *       the record, so NXDOMAIN would be wrong.
 *   <li><b>Custom DNS servers</b> ({@link DnsServer}): the conditional forwarder with the longest
 *       matching domain, else the general forwarders, targets tried in order; with neither, the
 *       server resolves through public DNS. Forwarding to {@code 168.63.129.16} uses
 *       the forwarding server's own network's links. A Private Resolver inbound endpoint answers as
 *       Azure-provided DNS of its network. Forwarding circles are detected.
 *   <li><b>Public DNS</b> for flexible servers: {@code <name>.postgres.database.azure.com} is a
 *       CNAME to {@code <name>.<zone>} for a VNet-integrated server (public DNS has no records
 *       there: NXDOMAIN), to {@code <name>.privatelink.postgres.database.azure.com} for a server
 *       with a private endpoint, else to {@code <name>.rs-<id>.postgres.database.azure.com}; the
 *       last two lead to the server's public endpoint. Any other name under {@code
 *       postgres.database.azure.com} is NXDOMAIN; names elsewhere are {@link
 *       ResolutionDisposition#UNKNOWN}.
 *   <li><b>Conditional forwarders apply to every name of the chain.</b> A DNS server that forwards
 *       only {@code privatelink.postgres.database.azure.com} (or a server's private zone) resolves
 *       {@code <server>.postgres.database.azure.com} through public DNS, gets the CNAME into that
 *       zone, and forwards the CNAME's target: the private answer still arrives.
 *   <li><b>CNAME chains</b> are followed to the end by the resolver the host asked, which applies
 *       its own rules to every name in the chain; a loop, or more than {@value #MAX_CNAME_CHAIN}
 *       CNAMEs, is a failure.
 * </ul>
 *
 * <p>What is not: record types other than A and CNAME, reverse lookups, TTLs and caching (answers
 * never go stale), wildcard records, automatic registration of virtual machines, DNS forwarding
 * rulesets of Private Resolver outbound endpoints, network security groups on port 53, and any
 * real DNS traffic.
 *
 * <pre>{@code
 * Resolver resolver = Resolver.of(estate, ServiceProfile.current());
 * Resolution r = resolver.resolve(
 *     ClientLocation.InVirtualNetwork.of(appSubnet, Ipv4Address.parse("10.1.1.4")),
 *     DnsName.parse("orders-db.postgres.database.azure.com"));
 * r.disposition();   // ADDRESS, NXDOMAIN, PUBLIC_ENDPOINT, FAILURE or UNKNOWN, with r.steps()
 * }</pre>
 *
 * <p>A resolver indexes the estate once, when it is created; it is immutable and safe to share
 * between threads. The same question always gets the same answer, whatever order zones, records,
 * links and DNS servers were supplied in.
 */
public final class Resolver {
  /** Azure-provided DNS, {@code 168.63.129.16}: answers only queries from inside a virtual network. */
  public static final Ipv4Address AZURE_PROVIDED_DNS = Ipv4Address.parse("168.63.129.16");

  /** The most CNAMEs one resolution follows; one more is a failure. */
  public static final int MAX_CNAME_CHAIN = 16;

  private final DnsEstate estate;
  private final Network network;
  private final Reachability routing;
  private final ServiceProfile profile;
  private final ImmutableListMultimap<ResourceId, LinkedZone> linkedZones;
  /** The linked zones by network and name, for the suffix walk. */
  private final LinkedZoneIndex zoneIndex;
  private final ImmutableMap<ResourceId, ZoneTable> tables;
  private final ImmutableMap<Place, ImmutableMap<Ipv4Address, DnsServer>> serversAt;
  /** Networks linked to two zones of one name, as {@code network|zone name}: which link exists is not known. */
  private final Set<String> conflicted;
  /** The networks in {@link #conflicted}, so that a question about any other network builds no key. */
  private final Set<ResourceId> conflictedNetworks;
  /** What public DNS answers for names under {@code postgres.database.azure.com}. */
  private final PublicDns publicDns;
  /** Every network interface's address: a host at one is that interface, whose routes may differ. */
  private final Set<Ipv4Address> interfaceAddresses;
  /**
   * Who answers at a DNS server's address, for each place a query is sent from, when the path
   * arrives: routing does not depend on the source address within a place (only on its subnet,
   * interface and outbound address), so the answer is shared by every host there. Keys are DNS
   * server addresses of the estate's networks and forwarders, so the cache is bounded by the
   * estate, not by the questions; a racing thread stores an equal view.
   */
  private final java.util.concurrent.ConcurrentHashMap<ContactKey, View> contacts = new java.util.concurrent.ConcurrentHashMap<>();

  private Resolver(DnsEstate estate, Reachability routing) {
    this.estate = estate;
    this.network = estate.network();
    this.routing = routing;
    this.profile = routing.profile();
    ResolverIndices indices = new ResolverIndices(estate, this::place);
    this.tables = indices.tables;
    this.linkedZones = indices.linkedZones;
    this.conflicted = indices.conflicted;
    this.conflictedNetworks = indices.conflictedNetworks;
    this.zoneIndex = new LinkedZoneIndex(linkedZones);
    this.serversAt = indices.serversAt;
    this.publicDns = new PublicDns(estate);
    Set<Ipv4Address> nics = new HashSet<>();
    network.networkInterfaces().forEach(n -> nics.add(n.privateAddress()));
    this.interfaceAddresses = nics;
  }

  /**
   * Indexes an estate for resolution, routing with {@link Reachability#of(Network,
   * ServiceProfile)}.
   *
   * @param estate the estate
   * @param profile the service profile (whether NxDomainRedirect exists; routing rules)
   * @return the resolver
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null argument
   */
  public static Resolver of(DnsEstate estate, ServiceProfile profile) {
    Checks.notNull(estate, "Resolver.of.estate");
    Checks.notNull(profile, "Resolver.of.profile");
    return new Resolver(estate, Reachability.of(estate.network(), profile));
  }

  /**
   * Indexes an estate for resolution with routing already compiled (for example with private
   * endpoints' routes); the profile is the routing's.
   *
   * @param estate the estate
   * @param routing routing over the estate's network
   * @return the resolver
   * @throws PgreachException {@link ErrorCode#INVALID_VALUE} when the routing is over another
   *     network
   */
  public static Resolver of(DnsEstate estate, Reachability routing) {
    Checks.notNull(estate, "Resolver.of.estate");
    Checks.notNull(routing, "Resolver.of.routing");
    if (routing.network() != estate.network() && !routing.network().equals(estate.network())) {
      throw PgreachException.of(
          ErrorCode.INVALID_VALUE, "Resolver.of.routing (%s) must route over the estate's network", routing.profile());
    }
    return new Resolver(estate, routing);
  }

  /**
   * Returns the estate.
   *
   * @return the estate
   */
  public DnsEstate estate() {
    return estate;
  }

  /** Returns the routing the resolver uses to reach DNS servers. */
  Reachability routing() {
    return routing;
  }

  /**
   * Returns the service profile.
   *
   * @return the profile
   */
  public ServiceProfile profile() {
    return profile;
  }

  /**
   * Resolves a name as a client at a location would.
   *
   * @param client where the asking host sits
   * @param name the name looked up
   * @return the resolution
   * @throws PgreachException {@link ErrorCode#UNKNOWN_RESOURCE} when the location names a subnet,
   *     network interface or on-premises network that is not in the network; {@link
   *     ErrorCode#INVALID_VALUE} when the client's address is outside its subnet or network
   */
  public Resolution resolve(ClientLocation client, DnsName name) {
    Checks.notNull(client, "Resolver.resolve.client");
    Checks.notNull(name, "Resolver.resolve.name");
    Optional<VirtualNetwork> clientNetwork = checkClient(client);
    Place place = clientNetwork.<Place>map(v -> new Place.Vnet(v.id())).orElseGet(() -> place(client));
    List<DnsStep> steps = new ArrayList<>();
    List<Ipv4Address> servers;
    if (client instanceof ClientLocation.InVirtualNetwork) {
      ResourceId vnet = ((Place.Vnet) place).virtualNetwork();
      servers = clientNetwork.orElseThrow().dnsServers();
      if (servers.isEmpty()) {
        return finish(name, chase(new AzureView(vnet), name, steps), steps);
      }
    } else if (client instanceof ClientLocation.OnPremises) {
      servers = network.onPremisesNetwork(((ClientLocation.OnPremises) client).network()).orElseThrow().dnsServers();
    } else {
      servers = List.of();
    }
    if (servers.isEmpty()) {
      return finish(name, chase(new PublicView(Optional.empty()), name, steps), steps);
    }
    Attempt last = null;
    for (Ipv4Address address : servers) {
      Optional<View> view = contact(client, place, address, steps, true);
      if (view.isEmpty()) {
        last = Attempt.failure(List.of(name));
        continue;
      }
      last = chase(view.get(), name, steps);
      if (last.disposition != ResolutionDisposition.FAILURE) {
        break;
      }
    }
    return finish(name, last, steps);
  }

  /**
   * Resolves a name with Azure-provided DNS as a host in a virtual network sees it (the zones
   * linked to that network), whatever DNS servers the network is set to use.
   *
   * @param virtualNetwork the network's id
   * @param name the name
   * @return the resolution
   * @throws PgreachException {@link ErrorCode#UNKNOWN_RESOURCE} when the network is not in the model
   */
  public Resolution resolveWithAzureProvidedDns(ResourceId virtualNetwork, DnsName name) {
    Checks.notNull(virtualNetwork, "Resolver.resolveWithAzureProvidedDns.virtualNetwork");
    Checks.notNull(name, "Resolver.resolveWithAzureProvidedDns.name");
    if (network.virtualNetwork(virtualNetwork).isEmpty()) {
      throw PgreachException.of(
          ErrorCode.UNKNOWN_RESOURCE, "Resolver.resolveWithAzureProvidedDns.virtualNetwork (%s) is not in the network", virtualNetwork);
    }
    List<DnsStep> steps = new ArrayList<>();
    return finish(name, chase(new AzureView(virtualNetwork), name, steps), steps);
  }

  /**
   * Resolves a name through public DNS, as a host on the internet sees it.
   *
   * @param name the name
   * @return the resolution
   */
  public Resolution resolvePublic(DnsName name) {
    Checks.notNull(name, "Resolver.resolvePublic.name");
    List<DnsStep> steps = new ArrayList<>();
    return finish(name, chase(new PublicView(Optional.empty()), name, steps), steps);
  }

  // ---------------------------------------------------------------- the chase

  private Attempt chase(View view, DnsName name, List<DnsStep> steps) {
    List<DnsName> aliases = new ArrayList<>();
    aliases.add(name);
    DnsName current = name;
    while (true) {
      Answer a = ask(view, view, current, new HashSet<>(), steps);
      switch (a.kind) {
        case ADDRESS:
        case PUBLIC_ENDPOINT:
          steps.add(new DnsStep.Answered(current, a.addresses, a.server));
          return new Attempt(
              a.kind == Kind.ADDRESS ? ResolutionDisposition.ADDRESS : ResolutionDisposition.PUBLIC_ENDPOINT,
              aliases,
              a.addresses,
              a.server,
              Optional.empty());
        case CNAME:
          DnsName target = a.target.orElseThrow();
          if (aliases.contains(target)) {
            steps.add(new DnsStep.CnameLoop(current, target));
            return Attempt.failure(aliases);
          }
          if (aliases.size() > MAX_CNAME_CHAIN) {
            steps.add(new DnsStep.DepthExceeded(current, target, MAX_CNAME_CHAIN));
            return Attempt.failure(aliases);
          }
          steps.add(new DnsStep.CnameFollowed(current, target));
          aliases.add(target);
          current = target;
          break;
        case NXDOMAIN:
          return new Attempt(ResolutionDisposition.NXDOMAIN, aliases, ImmutableList.of(), Optional.empty(), Optional.empty());
        case UNKNOWN:
          return new Attempt(ResolutionDisposition.UNKNOWN, aliases, ImmutableList.of(), Optional.empty(), a.server);
        case FAILURE:
          return Attempt.failure(aliases);
        default:
          throw new IllegalStateException("unhandled answer " + a.kind);
      }
    }
  }

  private static Resolution finish(DnsName name, Attempt attempt, List<DnsStep> steps) {
    return new Resolution(
        name,
        attempt.disposition,
        ImmutableList.copyOf(attempt.aliases),
        attempt.addresses,
        attempt.server,
        attempt.unknownServer,
        ImmutableList.copyOf(steps));
  }

  /** Asks one resolver for one name; the answer is one step of the chain. */
  private Answer ask(View view, View asker, DnsName name, Set<ResourceId> forwarding, List<DnsStep> steps) {
    if (!(view instanceof UnknownView)) {
      steps.add(new DnsStep.Queried(view.nameServer(), name));
    }
    if (view instanceof AzureView) {
      return azureProvided(((AzureView) view).virtualNetwork, asker, name, steps);
    }
    if (view instanceof PublicView) {
      return publicDns(asker, name, steps);
    }
    if (view instanceof UnknownView) {
      UnknownView u = (UnknownView) view;
      steps.add(new DnsStep.Undecided(u.code, name, u.address.toString(), u.why));
      return Answer.UNKNOWN;
    }
    return dnsServer(((ServerView) view).server, asker, name, forwarding, steps);
  }

  private Answer dnsServer(DnsServer server, View asker, DnsName name, Set<ResourceId> forwarding, List<DnsStep> steps) {
    if (!forwarding.add(server.id())) {
      steps.add(new DnsStep.ForwardingLoop(server.id(), name));
      return Answer.FAILURE;
    }
    try {
      if (server.kind() == DnsServerKind.PRIVATE_RESOLVER_INBOUND_ENDPOINT) {
        return ask(new AzureView(placeOf(server.location()).virtualNetwork()), asker, name, forwarding, steps);
      }
      Optional<ConditionalForwarder> rule = server.conditionalForwarderFor(name);
      List<Ipv4Address> targets = rule.map(ConditionalForwarder::targets).orElse(server.forwarders());
      if (targets.isEmpty()) {
        steps.add(new DnsStep.Recursed(server.id(), name));
        return publicDns(asker, name, steps);
      }
      Place here = place(server.location());
      for (Ipv4Address target : targets) {
        steps.add(new DnsStep.Forwarded(server.id(), name, target, rule.map(ConditionalForwarder::domain)));
        Optional<View> view = contact(server.location(), here, target, steps, true);
        if (view.isPresent()) {
          Answer a = ask(view.get(), asker, name, forwarding, steps);
          if (a.kind != Kind.FAILURE) {
            return a;
          }
        }
      }
      return Answer.FAILURE;
    } finally {
      forwarding.remove(server.id());
    }
  }

  private Answer azureProvided(ResourceId virtualNetwork, View asker, DnsName name, List<DnsStep> steps) {
    Coverage coverage = network.coverage();
    if (!coverage.isComplete(Inventory.LINKED_PRIVATE_DNS_ZONES, virtualNetwork)) {
      steps.add(
          new DnsStep.Undecided(
              coverage.isOutsideInput(virtualNetwork) ? ReasonCode.OUTSIDE_INPUT : ReasonCode.NOT_OBSERVED,
              name,
              virtualNetwork.toString(),
              Inventory.LINKED_PRIVATE_DNS_ZONES.of(virtualNetwork.name())
                  + " are not known to be all in the input (ARM keeps no list of them on the network; declare the inventory complete if the input holds every zone): a zone linked to it may answer for "
                  + name + "."));
      return Answer.UNKNOWN;
    }
    LinkedZone zone = zoneIndex.find(virtualNetwork, name);
    if (zone == null) {
      return publicDns(asker, name, steps);
    }
    if (conflictedNetworks.contains(virtualNetwork) && conflicted.contains(virtualNetwork + "|" + zone.name)) {
      steps.add(
          new DnsStep.Undecided(
              ReasonCode.NOT_OBSERVED,
              name,
              zone.zone.toString(),
              virtualNetwork.name() + " is linked to two zones named " + zone.name
                  + ", which Azure refuses (a network cannot be linked to zones with overlapping namespaces): which link exists is not known."));
      return Answer.UNKNOWN;
    }
    ZoneTable table = tables.get(zone.zone);
    RecordName relative = zone.name.relativize(name).orElseThrow();
    ImmutableList<DnsRecord> records = table.at(relative);
    boolean recordsComplete = coverage.isComplete(Inventory.RECORD_SETS, zone.zone);
    if (!recordsComplete
        && table.writtenFor(relative).isEmpty()
        && table.addressUnknown(relative).isEmpty()
        && (records.isEmpty() || estate.unobservedRecordSets().containsEntry(zone.zone, relative))) {
      steps.add(
          new DnsStep.Undecided(
              coverage.isOutsideInput(zone.zone) ? ReasonCode.OUTSIDE_INPUT : ReasonCode.NOT_OBSERVED,
              name,
              zone.zone.toString(),
              (records.isEmpty()
                      ? "Zone " + zone.name + " (linked to " + virtualNetwork.name() + ") holds no record for " + name + " in the input"
                      : "Zone " + zone.name + " gets " + records + " for " + name + " from private endpoints' DNS zone groups, but the record set itself is not in the input")
                  + ", and " + Inventory.RECORD_SETS.of("zone " + zone.name) + " are not all in it: a record not shown may answer."));
      return Answer.UNKNOWN;
    }
    if (!records.isEmpty()) {
      steps.add(new DnsStep.ZoneAnswered(name, zone.zone, zone.name, zone.link.id(), records, table.writtenFor(relative)));
      if (records.get(0) instanceof DnsRecord.Cname) {
        return Answer.cname(((DnsRecord.Cname) records.get(0)).target());
      }
      ImmutableList<Ipv4Address> addresses =
          records.stream()
              .map(r -> ((DnsRecord.A) r).address())
              .distinct()
              .sorted()
              .collect(ImmutableList.toImmutableList());
      return Answer.address(addresses, Optional.empty());
    }
    Optional<ResourceId> unknown = table.addressUnknown(relative);
    if (unknown.isPresent()) {
      steps.add(new DnsStep.ServerAddressUnknown(name, zone.zone, zone.name, zone.link.id(), unknown.get(), table.setAside(relative)));
      return Answer.addressUnknown(unknown.get());
    }
    boolean redirect = zone.link.resolutionPolicy() == ResolutionPolicy.NX_DOMAIN_REDIRECT;
    if (redirect && zone.name.isPrivatelinkZone() && profile.nxDomainRedirectSupported()) {
      steps.add(new DnsStep.FallbackToInternet(name, zone.zone, zone.link.id()));
      return publicDns(asker, name, steps);
    }
    steps.add(new DnsStep.NxDomain(name, Optional.of(zone.zone), Optional.of(zone.link.id()), redirect));
    return Answer.NXDOMAIN;
  }



  private Answer publicDns(View asker, DnsName name, List<DnsStep> steps) {
    return publicDns.answer(name, steps, n -> onlyPublicDnsAnswers(asker, n));
  }

  /**
   * Whether the resolver a client asked ({@code asker}, the first of the chain) can answer a name
   * only as public DNS does: the internet's resolvers always; Azure-provided DNS of a network whose
   * linked zones are all in the input and none of them holds the name; a custom DNS server or a
   * resolver the input does not show never, as far as pgreach can tell.
   */
  private boolean onlyPublicDnsAnswers(View asker, DnsName name) {
    if (asker instanceof PublicView) {
      return true;
    }
    if (asker instanceof AzureView) {
      ResourceId vnet = ((AzureView) asker).virtualNetwork;
      return network.coverage().isComplete(Inventory.LINKED_PRIVATE_DNS_ZONES, vnet) && zoneIndex.find(vnet, name) == null;
    }
    return false;
  }

  // ---------------------------------------------------------------- reaching resolvers

  /**
   * Sends a query from a location to a resolver's address: returns who answers there, or adds the
   * step that says why nobody does.
   *
   * @param cache whether the address is one of the estate's (a network's or a forwarder's DNS
   *     server), so that an arriving path's answer may be kept for the place
   */
  private Optional<View> contact(ClientLocation from, Place fromPlace, Ipv4Address address, List<DnsStep> steps, boolean cache) {
    if (address.equals(AZURE_PROVIDED_DNS)) {
      if (fromPlace instanceof Place.Vnet) {
        return Optional.of(new AzureView(((Place.Vnet) fromPlace).virtualNetwork()));
      }
      steps.add(new DnsStep.Refused(address, fromPlace));
      return Optional.empty();
    }
    ContactKey key = cache ? ContactKey.of(from, address, interfaceAddresses) : null;
    if (key != null) {
      View known = contacts.get(key);
      if (known != null) {
        return Optional.of(known);
      }
    }
    Optional<View> view = reach(from, fromPlace, address, steps);
    if (key != null && view.isPresent() && !(view.get() instanceof UnknownView)) {
      contacts.putIfAbsent(key, view.get());
    }
    return view;
  }

  /** {@link #contact} without the cache: routes the query and says who answers. */
  private Optional<View> reach(ClientLocation from, Place fromPlace, Ipv4Address address, List<DnsStep> steps) {
    Path path = routing.route(from, address);
    if (path.verdict().disposition() == Disposition.INDETERMINATE) {
      Step why = path.verdict().unknownSteps().get(0);
      return Optional.of(new UnknownView(address, why.code(), "Whether DNS server " + address + " can be reached is not known: " + why.reason()));
    }
    if (!path.arrives()) {
      steps.add(new DnsStep.Unreachable(address, fromPlace, path.verdict().blockingStep()));
      return Optional.empty();
    }
    Arrival arrival = path.arrival().orElseThrow();
    DnsServer server = serversAt.getOrDefault(arrival.place(), ImmutableMap.of()).get(address);
    if (server != null) {
      return Optional.of(new ServerView(server));
    }
    if (arrival.place() instanceof Place.Internet) {
      return Optional.of(new PublicView(Optional.of(address)));
    }
    ResourceId owner =
        arrival.place() instanceof Place.Vnet ? ((Place.Vnet) arrival.place()).virtualNetwork() : ((Place.OnPremises) arrival.place()).network();
    if (!network.coverage().isComplete(Inventory.DNS_SERVERS, owner)) {
      return Optional.of(
          new UnknownView(
              address,
              ReasonCode.NOT_OBSERVED,
              "Nothing in the input says what answers DNS at " + address + ", and " + Inventory.DNS_SERVERS.of(owner.name())
                  + " are not known to be all described (describe it in the companion document's dnsServers, or declare them complete)."));
    }
    steps.add(new DnsStep.Unreachable(address, fromPlace, Optional.empty()));
    return Optional.empty();
  }

  /**
   * Resolves a name as one DNS server answers it: with its forwarders and conditional forwarders
   * applied to every name of the chain, or, for an inbound endpoint, as Azure-provided DNS of its
   * network.
   */
  Resolution resolveThrough(DnsServer server, DnsName name) {
    List<DnsStep> steps = new ArrayList<>();
    return finish(name, chase(new ServerView(server), name, steps), steps);
  }

  /** The A records listed at a name of a zone that the resolver sets aside as outside a server's subnet. */
  ImmutableList<DnsRecord> recordsSetAside(ResourceId zone, RecordName name) {
    ZoneTable table = tables.get(zone);
    return table == null ? ImmutableList.of() : table.setAside(name);
  }

  /** Tells why a query from a location to a resolver address gets no answer at all, if it does not. */
  Optional<DnsStep> contactFailure(ClientLocation from, Ipv4Address address) {
    List<DnsStep> steps = new ArrayList<>();
    return contact(from, place(from), address, steps, false).isPresent() ? Optional.empty() : Optional.of(steps.get(0));
  }

  /** Returns the modelled DNS server a query from a location to an address reaches, if any. */
  Optional<DnsServer> serverReached(ClientLocation from, Ipv4Address address) {
    Optional<View> view = contact(from, place(from), address, new ArrayList<>(), false);
    return view.filter(v -> v instanceof ServerView).map(v -> ((ServerView) v).server);
  }

  /** Returns the zones linked to a network, most specific first. */
  ImmutableList<LinkedZone> linkedZones(ResourceId virtualNetwork) {
    return linkedZones.get(virtualNetwork);
  }

  Place place(ClientLocation location) {
    if (location instanceof ClientLocation.InVirtualNetwork) {
      return placeOf(location);
    }
    if (location instanceof ClientLocation.OnPremises) {
      return new Place.OnPremises(((ClientLocation.OnPremises) location).network());
    }
    return Place.INTERNET;
  }

  private Place.Vnet placeOf(ClientLocation location) {
    ResourceId subnet = ((ClientLocation.InVirtualNetwork) location).subnet();
    Subnet s =
        network
            .subnet(subnet)
            .orElseThrow(() -> PgreachException.of(ErrorCode.UNKNOWN_RESOURCE, "Subnet (%s) is not in the network", subnet));
    return new Place.Vnet(networkOf(s).id());
  }

  /** The network holding a subnet of the network, as the network holds it (its id's own spelling), looked up by hash. */
  private VirtualNetwork networkOf(Subnet s) {
    return network.virtualNetwork(s.virtualNetwork()).orElseThrow();
  }

  /**
   * Checks that the client's place is in the network and holds its address.
   *
   * @return the client's virtual network, for a client in one
   */
  private Optional<VirtualNetwork> checkClient(ClientLocation client) {
    if (client instanceof ClientLocation.InVirtualNetwork) {
      ClientLocation.InVirtualNetwork at = (ClientLocation.InVirtualNetwork) client;
      Subnet subnet =
          network
              .subnet(at.subnet())
              .orElseThrow(
                  () ->
                      PgreachException.of(
                          ErrorCode.UNKNOWN_RESOURCE, "Resolver.resolve.client.subnet (%s) is not in the network", at.subnet()));
      if (!subnet.addressPrefix().contains(at.address())) {
        throw PgreachException.of(
            ErrorCode.INVALID_VALUE,
            "Resolver.resolve.client.address (%s) is outside subnet %s (%s)",
            at.address(),
            subnet.name(),
            subnet.addressPrefix());
      }
      at.networkInterface()
          .filter(n -> network.networkInterface(n).isEmpty())
          .ifPresent(
              n -> {
                throw PgreachException.of(
                    ErrorCode.UNKNOWN_RESOURCE, "Resolver.resolve.client.networkInterface (%s) is not in the network", n);
              });
      return Optional.of(networkOf(subnet));
    } else if (client instanceof ClientLocation.OnPremises) {
      ClientLocation.OnPremises at = (ClientLocation.OnPremises) client;
      OnPremisesNetwork onPremises =
          network
              .onPremisesNetwork(at.network())
              .orElseThrow(
                  () ->
                      PgreachException.of(
                          ErrorCode.UNKNOWN_RESOURCE, "Resolver.resolve.client.network (%s) is not in the network", at.network()));
      if (!onPremises.addresses().contains(at.address())) {
        throw PgreachException.of(
            ErrorCode.INVALID_VALUE, "Resolver.resolve.client.address (%s) is outside the prefixes of %s", at.address(), onPremises.name());
      }
    }
    return Optional.empty();
  }

  // ---------------------------------------------------------------- internal values

  /** A zone linked to a network, with the link that applies. */
  static final class LinkedZone {
    final ResourceId zone;
    final ZoneName name;
    final VirtualNetworkLink link;

    LinkedZone(ResourceId zone, ZoneName name, VirtualNetworkLink link) {
      this.zone = zone;
      this.name = name;
      this.link = link;
    }
  }

  /** Who answers a query. */
  private interface View {
    NameServer nameServer();
  }

  private static final class AzureView implements View {
    final ResourceId virtualNetwork;

    AzureView(ResourceId virtualNetwork) {
      this.virtualNetwork = virtualNetwork;
    }

    @Override
    public NameServer nameServer() {
      return new NameServer.AzureProvided(virtualNetwork);
    }
  }

  private static final class PublicView implements View {
    final Optional<Ipv4Address> address;

    PublicView(Optional<Ipv4Address> address) {
      this.address = address;
    }

    @Override
    public NameServer nameServer() {
      return new NameServer.Public(address);
    }
  }

  /** A resolver address where what answers is not known from the input. */
  private static final class UnknownView implements View {
    final Ipv4Address address;
    final ReasonCode code;
    final String why;

    UnknownView(Ipv4Address address, ReasonCode code, String why) {
      this.address = address;
      this.code = code;
      this.why = why;
    }

    @Override
    public NameServer nameServer() {
      return new NameServer.Public(Optional.of(address));
    }
  }

  private static final class ServerView implements View {
    final DnsServer server;

    ServerView(DnsServer server) {
      this.server = server;
    }

    @Override
    public NameServer nameServer() {
      return new NameServer.Configured(server.id(), server.address(), server.kind());
    }
  }


  enum Kind {
    ADDRESS,
    PUBLIC_ENDPOINT,
    CNAME,
    NXDOMAIN,
    UNKNOWN,
    FAILURE
  }

  /** One resolver's answer for one name. */
  static final class Answer {
    static final Answer NXDOMAIN = new Answer(Kind.NXDOMAIN, ImmutableList.of(), Optional.empty(), Optional.empty());
    static final Answer UNKNOWN = new Answer(Kind.UNKNOWN, ImmutableList.of(), Optional.empty(), Optional.empty());
    static final Answer FAILURE = new Answer(Kind.FAILURE, ImmutableList.of(), Optional.empty(), Optional.empty());

    final Kind kind;
    final ImmutableList<Ipv4Address> addresses;
    final Optional<DnsName> target;
    final Optional<ResourceId> server;

    private Answer(Kind kind, ImmutableList<Ipv4Address> addresses, Optional<DnsName> target, Optional<ResourceId> server) {
      this.kind = kind;
      this.addresses = addresses;
      this.target = target;
      this.server = server;
    }

    static Answer cname(DnsName target) {
      return new Answer(Kind.CNAME, ImmutableList.of(), Optional.of(target), Optional.empty());
    }

    static Answer address(ImmutableList<Ipv4Address> addresses, Optional<ResourceId> server) {
      return new Answer(Kind.ADDRESS, addresses, Optional.empty(), server);
    }

    static Answer publicEndpoint(ResourceId server) {
      return new Answer(Kind.PUBLIC_ENDPOINT, ImmutableList.of(), Optional.empty(), Optional.of(server));
    }

    /** A VNet-integrated server's own name, whose address the model does not know. */
    static Answer addressUnknown(ResourceId server) {
      return new Answer(Kind.UNKNOWN, ImmutableList.of(), Optional.empty(), Optional.of(server));
    }
  }

  /** How one attempt (one DNS server the host asked) ended. */
  private static final class Attempt {
    final ResolutionDisposition disposition;
    final List<DnsName> aliases;
    final ImmutableList<Ipv4Address> addresses;
    final Optional<ResourceId> server;
    final Optional<ResourceId> unknownServer;

    Attempt(
        ResolutionDisposition disposition,
        List<DnsName> aliases,
        ImmutableList<Ipv4Address> addresses,
        Optional<ResourceId> server,
        Optional<ResourceId> unknownServer) {
      this.disposition = disposition;
      this.aliases = aliases;
      this.addresses = addresses;
      this.server = server;
      this.unknownServer = unknownServer;
    }

    static Attempt failure(List<DnsName> aliases) {
      return new Attempt(ResolutionDisposition.FAILURE, aliases, ImmutableList.of(), Optional.empty(), Optional.empty());
    }
  }
}
