package dev.pgreach.dns;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.pgreach.core.Coverage;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Inventory;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Network;
import dev.pgreach.core.NetworkingMode;
import dev.pgreach.core.ReasonCode;
import dev.pgreach.core.ServerName;
import dev.pgreach.core.ServerSetting;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Public DNS's answers for names under {@code postgres.database.azure.com}, as {@link Resolver}
 * documents them: a server's name is a CNAME into its private zone, into the Private Link zone or
 * to its public endpoint's name, which answers with the public address; any other name there is
 * NXDOMAIN, and answers that depend on what the input does not show are unknown. What each
 * server's names answer is worked out once, when the resolver is created.
 */
final class PublicDns {
  private final DnsEstate estate;
  private final Network network;
  /** What public DNS answers for each server's names; of two servers with one name, the smaller id's. */
  private final ImmutableMap<ServerName, PublicNames> publicNames;

  PublicDns(DnsEstate estate) {
    this.estate = estate;
    this.network = estate.network();
    Map<ServerName, FlexibleServer> byName = new TreeMap<>();
    network.flexibleServers().stream()
        .sorted(Comparator.comparing(FlexibleServer::id))
        .forEach(s -> byName.putIfAbsent(s.name(), s));
    ImmutableMap.Builder<ServerName, PublicNames> names = ImmutableMap.builder();
    byName.forEach((n, s) -> names.put(n, PublicNames.of(estate, s)));
    this.publicNames = names.buildOrThrow();
  }

  /**
   * Public DNS's answer for a name.
   *
   * @param name the name
   * @param steps where the steps go
   * @param onlyPublicDnsAnswers whether the resolver the client asked answers a name only as public
   *     DNS does (no private zone of it may hold the name)
   */
  Resolver.Answer answer(DnsName name, List<DnsStep> steps, java.util.function.Predicate<DnsName> onlyPublicDnsAnswers) {
    Optional<RecordName> relative = ZoneName.POSTGRES.relativize(name);
    if (relative.isEmpty()) {
      steps.add(new DnsStep.PublicNotModelled(name));
      return Resolver.Answer.UNKNOWN;
    }
    ImmutableList<String> labels = relative.get().labels();
    PublicNames names = labels.isEmpty() ? null : ServerName.tryParse(labels.get(0)).map(publicNames::get).orElse(null);
    Optional<FlexibleServer> server = names == null ? Optional.empty() : Optional.of(names.server);
    Optional<Resolver.Answer> open = publicDnsUnknown(name, labels, server, steps, onlyPublicDnsAnswers);
    if (open.isPresent()) {
      return open.get();
    }
    if (server.isPresent() && labels.size() == 1) {
      Optional<DnsName> target = names.cnameTarget;
      if (target.isPresent()) {
        steps.add(new DnsStep.PublicAnswered(name, target, ImmutableList.of(), Optional.empty()));
        return Resolver.Answer.cname(target.get());
      }
    }
    if (server.isPresent() && labels.size() == 2 && !server.get().isVnetIntegrated()) {
      FlexibleServer s = server.get();
      String second = labels.get(1);
      boolean privatelink = second.equals(ZoneName.POSTGRES_PRIVATELINK.firstLabel()) && names.privateEndpoint;
      if (privatelink || second.equals(names.endpointLabel)) {
        ImmutableList<Ipv4Address> addresses = s.publicAddress().map(ImmutableList::of).orElse(ImmutableList.of());
        steps.add(new DnsStep.PublicAnswered(name, Optional.empty(), addresses, Optional.of(s.id())));
        return addresses.isEmpty() ? Resolver.Answer.publicEndpoint(s.id()) : Resolver.Answer.address(addresses, Optional.of(s.id()));
      }
    }
    steps.add(new DnsStep.NxDomain(name, Optional.empty(), Optional.empty(), false));
    return Resolver.Answer.NXDOMAIN;
  }

  /**
   * Where public DNS's answer for a name under {@code postgres.database.azure.com} depends on what
   * the input does not show: a server it does not hold, a server whose networking mode, private
   * DNS zone or private endpoints it does not show.
   */
  private Optional<Resolver.Answer> publicDnsUnknown(
      DnsName name, ImmutableList<String> labels, Optional<FlexibleServer> server, List<DnsStep> steps, java.util.function.Predicate<DnsName> onlyPublicDnsAnswers) {
    if (labels.isEmpty() || labels.size() > 2) {
      return Optional.empty();
    }
    Coverage coverage = network.coverage();
    if (server.isEmpty()) {
      if (coverage.isOpen() && ServerName.isValid(labels.get(0))) {
        steps.add(
            new DnsStep.Undecided(
                ReasonCode.OUTSIDE_INPUT,
                name,
                name.toString(),
                "No server named " + labels.get(0) + " is in the input: public DNS answers for it as that server's settings say, which are not known."));
        return Optional.of(Resolver.Answer.UNKNOWN);
      }
      return Optional.empty();
    }
    FlexibleServer s = server.get();
    if (s.networkingMode() == NetworkingMode.UNKNOWN) {
      steps.add(
          new DnsStep.Undecided(
              ReasonCode.SETTING_UNKNOWN,
              name,
              s.id().toString(),
              "Whether server " + s.name() + " is VNet-integrated is not known from the input, and public DNS answers differently for each."));
      return Optional.of(Resolver.Answer.UNKNOWN);
    }
    if (s.isVnetIntegrated() && !s.isKnown(ServerSetting.PRIVATE_DNS_ZONE)) {
      steps.add(
          new DnsStep.Undecided(
              ReasonCode.SETTING_UNKNOWN,
              name,
              s.id().toString(),
              "The private DNS zone of server " + s.name() + " is not known from the input, so the name public DNS points " + name + " at is not known."));
      return Optional.of(Resolver.Answer.UNKNOWN);
    }
    if (!s.isVnetIntegrated() && !estate.hasPrivateEndpoint(s.id()) && !coverage.isComplete(Inventory.PRIVATE_ENDPOINT_CONNECTIONS, s.id())) {
      Optional<DnsName> privatelink = DnsName.tryParse(s.name() + "." + ZoneName.POSTGRES_PRIVATELINK);
      if (labels.size() == 1 && privatelink.isPresent() && onlyPublicDnsAnswers.test(privatelink.get())) {
        // Both ways end at the public endpoint for this resolver: the answer is known, its aliases are not.
        ImmutableList<Ipv4Address> addresses = s.publicAddress().map(ImmutableList::of).orElse(ImmutableList.of());
        steps.add(new DnsStep.PublicAnsweredEitherWay(name, s.id(), privatelink.get(), addresses));
        return Optional.of(addresses.isEmpty() ? Resolver.Answer.publicEndpoint(s.id()) : Resolver.Answer.address(addresses, Optional.of(s.id())));
      }
      steps.add(
          new DnsStep.Undecided(
              ReasonCode.NOT_OBSERVED,
              name,
              s.id().toString(),
              "No private endpoint of server " + s.name() + " is in the input, and " + Inventory.PRIVATE_ENDPOINT_CONNECTIONS.of(s.name().toString())
                  + " are not all in it: with a private endpoint public DNS points the name into privatelink.postgres.database.azure.com, without one at its public endpoint."));
      return Optional.of(Resolver.Answer.UNKNOWN);
    }
    return Optional.empty();
  }

  /** What public DNS answers for one server's names. */
  private static final class PublicNames {
    /** The server (of two with one name, the one with the smaller id). */
    final FlexibleServer server;
    /** Where {@code <server>.postgres.database.azure.com} points, when that is a valid name. */
    final Optional<DnsName> cnameTarget;
    /** The {@code rs-<id>} label of the server's public name. */
    final String endpointLabel;
    /** Whether the server has a private endpoint. */
    final boolean privateEndpoint;

    private PublicNames(FlexibleServer server, Optional<DnsName> cnameTarget, String endpointLabel, boolean privateEndpoint) {
      this.server = server;
      this.cnameTarget = cnameTarget;
      this.endpointLabel = endpointLabel;
      this.privateEndpoint = privateEndpoint;
    }

    static PublicNames of(DnsEstate estate, FlexibleServer s) {
      Optional<DnsName> target;
      if (s.isVnetIntegrated()) {
        target =
            s.privateDnsZone()
                .flatMap(z -> ZoneName.tryParse(z.name()))
                .flatMap(z -> DnsName.tryParse(s.name() + "." + z));
      } else if (estate.hasPrivateEndpoint(s.id())) {
        target = DnsName.tryParse(s.name() + "." + ZoneName.POSTGRES_PRIVATELINK);
      } else {
        target = DnsName.tryParse(s.name() + "." + estate.publicEndpointLabel(s.name()) + "." + ZoneName.POSTGRES);
      }
      return new PublicNames(s, target, estate.publicEndpointLabel(s.name()), estate.hasPrivateEndpoint(s.id()));
    }
  }
}
