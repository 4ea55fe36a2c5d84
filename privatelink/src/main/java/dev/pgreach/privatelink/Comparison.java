package dev.pgreach.privatelink;

import com.google.common.collect.ImmutableList;
import dev.pgreach.core.AddressSet;
import dev.pgreach.core.Client;
import dev.pgreach.core.Disposition;
import dev.pgreach.core.Finding;
import dev.pgreach.core.FindingCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Network;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.VirtualNetwork;
import dev.pgreach.firewall.FirewallRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answer to "what does this change break?": what Azure forbids in going from one version of an
 * estate to another, which clients gain or lose access, and which source addresses gain or lose
 * the ability to reach each server.
 *
 * <p>Forbidden after creation, with stable {@link FindingCode}s: changing a server's networking mode
 * ({@link FindingCode#NETWORKING_MODE_CHANGED}); moving a VNet-integrated server to another subnet
 * or virtual network ({@link FindingCode#SERVER_MOVED}); changing the prefix of a subnet that holds
 * resources ({@link FindingCode#SUBNET_RESIZED_WITH_RESOURCES}); changing a server whose state is
 * known to be {@code Updating} ({@link FindingCode#SERVER_CHANGED_WHILE_UPDATING}). Under a profile where {@link
 * ServiceProfile#vnetToPrivateEndpointMigration()} holds ({@code current}), a VNet-integrated server
 * that becomes a public-access server is not forbidden: it is a migration Azure performs through a
 * dedicated operation, listed apart ({@link FindingCode#NETWORKING_MODE_MIGRATION_REQUIRED}) with
 * what it requires and what it changes. The reverse stays forbidden.
 *
 * <p>Access is compared for every client both estates hold against every server both hold, by host
 * name on port 5432; exposure for every server both hold, on port 5432. Only differences are listed.
 *
 * <pre>{@code
 * Comparison c = Comparison.of(before, after, ServiceProfile.current(), Instant.now());
 * c.accessChanges().forEach(change -> System.out.println(change));   // orders-api -> orders-db: ALLOWED -> BLOCKED
 * }</pre>
 *
 * @param forbiddenChanges changes Azure does not allow after creation, sorted
 * @param migrations changes Azure makes only through a dedicated migration operation, each with
 *     what it requires and changes, sorted
 * @param accessChanges clients whose answer changed, by client then server
 * @param exposureChanges source addresses that gained or lost access, by server then place
 */
public record Comparison(
    ImmutableList<Finding> forbiddenChanges,
    ImmutableList<Finding> migrations,
    ImmutableList<AccessChange> accessChanges,
    ImmutableList<ExposureChange> exposureChanges) {
  /** {@return changes Azure does not allow after creation, sorted} */
  public ImmutableList<Finding> forbiddenChanges() {
    return forbiddenChanges;
  }

  /**
   * {@return changes Azure makes only through a dedicated migration operation, each with what it requires and changes, sorted}
   */
  public ImmutableList<Finding> migrations() {
    return migrations;
  }

  /** {@return clients whose answer changed, by client then server} */
  public ImmutableList<AccessChange> accessChanges() {
    return accessChanges;
  }

  /** {@return source addresses that gained or lost access, by server then place} */
  public ImmutableList<ExposureChange> exposureChanges() {
    return exposureChanges;
  }


  /** The port compared. */
  public static final int PORT = FlexibleServer.POSTGRES_PORT;

  /**
   * Checks the components.
   *
   * @param forbiddenChanges changes Azure does not allow after creation, sorted
   * @param migrations changes Azure makes only through a dedicated migration operation, sorted
   * @param accessChanges clients whose answer changed, by client then server
   * @param exposureChanges source addresses that gained or lost access, by server then place
   * @throws dev.pgreach.core.PgreachException {@link dev.pgreach.core.ErrorCode#MISSING_ATTRIBUTE}
   *     for a null component
   */
  public Comparison {
    Checks.notNull(forbiddenChanges, "Comparison.forbiddenChanges");
    Checks.notNull(migrations, "Comparison.migrations");
    Checks.notNull(accessChanges, "Comparison.accessChanges");
    Checks.notNull(exposureChanges, "Comparison.exposureChanges");
  }

  /**
   * One client's answer for one server, before and after.
   *
   * @param client the client's name
   * @param server the server
   * @param before the answer in the first estate
   * @param after the answer in the second estate
   */
  public record AccessChange(String client, ResourceId server, Connection before, Connection after) {
    /** {@return the client's name} */
    public String client() {
      return client;
    }

    /** {@return the server} */
    public ResourceId server() {
      return server;
    }

    /** {@return the answer in the first estate} */
    public Connection before() {
      return before;
    }

    /** {@return the answer in the second estate} */
    public Connection after() {
      return after;
    }

    /**
     * Checks the components.
     *
     * @param client the client's name
     * @param server the server
     * @param before the answer in the first estate
     * @param after the answer in the second estate
     * @throws dev.pgreach.core.PgreachException {@link
     *     dev.pgreach.core.ErrorCode#MISSING_ATTRIBUTE} for a null component
     */
    public AccessChange {
      Checks.notNull(client, "Comparison.AccessChange.client");
      Checks.notNull(server, "Comparison.AccessChange.server");
      Checks.notNull(before, "Comparison.AccessChange.before");
      Checks.notNull(after, "Comparison.AccessChange.after");
    }

    /**
     * Tells whether the client lost a connection it had.
     *
     * @return whether the answer went from allowed to anything else
     */
    public boolean isLoss() {
      return before.disposition() == Disposition.ALLOWED && after.disposition() != Disposition.ALLOWED;
    }

    /** Returns {@code client -> server: BEFORE -> AFTER (deciding reason)}. */
    @Override
    public String toString() {
      return client + " -> " + server.name() + ": " + Connection.headline(before.disposition()) + " -> "
          + Connection.headline(after.disposition())
          + after.decidingStep().map(s -> " [" + s.code() + "] " + s.reason()).orElse("");
    }
  }

  /**
   * Source addresses in one place that gained or lost access to a server. Undecided sources are
   * their own place (the place's text followed by " (undecided)"), and Azure-allocated sources
   * of every tenant are a place beginning with {@link #AZURE_SERVICES} and naming the rules that
   * admit them, whose gained or lost set is the public address space
   * ({@link AddressSet#PUBLIC}, where every Azure-allocated source address is) when the rule starts
   * or stops admitting all Azure-allocated sources; {@link #AZURE_SERVICES} followed by
   * " (undecided)" is the place where whether they are all admitted is not known (rules not all in
   * the input, a 0.0.0.0 rule propagating). Every gained or lost set of a public place is
   * within {@link AddressSet#PUBLIC}.
   *
   * @param server the server
   * @param place where the sources are, as text ("virtual network hub, subnet app to 10.1.1.4", "the public endpoint")
   * @param gained addresses that connect after but not before
   * @param lost addresses that connected before but not after
   */
  public record ExposureChange(ResourceId server, String place, AddressSet gained, AddressSet lost) {
    /** {@return the server} */
    public ResourceId server() {
      return server;
    }

    /** {@return where the sources are, as text ("virtual network hub, subnet app to 10.1.1.4", "the public endpoint")} */
    public String place() {
      return place;
    }

    /** {@return addresses that connect after but not before} */
    public AddressSet gained() {
      return gained;
    }

    /** {@return addresses that connected before but not after} */
    public AddressSet lost() {
      return lost;
    }

    /**
     * Checks the components.
     *
     * @param server the server
     * @param place where the sources are, as text
     * @param gained addresses that connect after but not before
     * @param lost addresses that connected before but not after
     * @throws dev.pgreach.core.PgreachException {@link
     *     dev.pgreach.core.ErrorCode#MISSING_ATTRIBUTE} for a null component
     */
    public ExposureChange {
      Checks.notNull(server, "Comparison.ExposureChange.server");
      Checks.notNull(place, "Comparison.ExposureChange.place");
      Checks.notNull(gained, "Comparison.ExposureChange.gained");
      Checks.notNull(lost, "Comparison.ExposureChange.lost");
    }
  }

  /**
   * Compares two versions of an estate.
   *
   * @param before the estate as it is
   * @param after the estate as it would be
   * @param profile the service profile
   * @param at the instant both are judged at
   * @return the differences
   */
  public static Comparison of(Estate before, Estate after, ServiceProfile profile, Instant at) {
    Checks.notNull(before, "Comparison.before");
    Checks.notNull(after, "Comparison.after");
    Checks.notNull(profile, "Comparison.profile");
    Checks.notNull(at, "Comparison.at");
    Connectivity was = Connectivity.of(before, profile);
    Connectivity will = Connectivity.of(after, profile);
    List<FlexibleServer> servers = new ArrayList<>();
    for (FlexibleServer s : before.network().flexibleServers()) {
      after.network().flexibleServer(s.id()).ifPresent(x -> servers.add(s));
    }
    servers.sort(Comparator.comparing(FlexibleServer::id));
    List<AccessChange> access = new ArrayList<>();
    List<Client> clients = new ArrayList<>(before.clients());
    clients.sort(Comparator.comparing(Client::name));
    for (Client c : clients) {
      Optional<Client> same = after.clients().stream().filter(x -> x.name().equals(c.name())).findFirst();
      if (same.isEmpty()) {
        continue;
      }
      for (FlexibleServer s : servers) {
        Connection b = was.connect(c, s.fullyQualifiedDomainName(), PORT, at);
        Connection a = will.connect(same.get(), s.fullyQualifiedDomainName(), PORT, at);
        if (b.disposition() != a.disposition()) {
          access.add(new AccessChange(c.name(), s.id(), b, a));
        }
      }
    }
    List<ExposureChange> exposure = new ArrayList<>();
    for (FlexibleServer s : servers) {
      Map<String, AddressSet[]> places = new LinkedHashMap<>();
      collect(was.expose(s.id(), PORT, at), places, 0);
      collect(will.expose(s.id(), PORT, at), places, 1);
      for (Map.Entry<String, AddressSet[]> e : places.entrySet()) {
        AddressSet b = e.getValue()[0] == null ? AddressSet.EMPTY : e.getValue()[0];
        AddressSet a = e.getValue()[1] == null ? AddressSet.EMPTY : e.getValue()[1];
        if (!a.equals(b)) {
          String place = e.getKey().equals(AZURE_SERVICES) ? AZURE_SERVICES + " " + azureCause(a.isEmpty() ? before : after, s.id()) : e.getKey();
          exposure.add(new ExposureChange(s.id(), place, a.difference(b), b.difference(a)));
        }
      }
    }
    List<Finding> migrations = new ArrayList<>();
    ImmutableList<Finding> forbidden = forbidden(before.network(), after.network(), before, after, profile, migrations);
    return new Comparison(forbidden, ImmutableList.sortedCopyOf(migrations), ImmutableList.copyOf(access), ImmutableList.copyOf(exposure));
  }

  /**
   * How the place of Azure-allocated sources begins; its addresses are the public address space
   * ({@link AddressSet#PUBLIC}) when every Azure-allocated source is admitted, whatever its tenant.
   * The place goes on to say, in parentheses, which rules admit them, classified as validation
   * classifies them: the allow-Azure-services rule (start and end 0.0.0.0, {@link
   * FindingCode#FIREWALL_ALLOWS_AZURE_SERVICES}), a rule admitting every IPv4 address, or rules
   * that together admit every address ({@link FindingCode#FIREWALL_RULE_ALLOWS_ALL}).
   */
  public static final String AZURE_SERVICES = "every Azure-allocated address";

  /** Which rules of a server admit every Azure-allocated source, in parentheses. */
  private static String azureCause(Estate estate, ResourceId server) {
    List<FirewallRule> rules = estate.firewallRulesOf(server).rules();
    Optional<FirewallRule> azure = rules.stream().filter(FirewallRule::isAllowAzureServices).findFirst();
    if (azure.isPresent()) {
      return "(the allow-Azure-services rule " + azure.get().name() + ", 0.0.0.0, which admits Azure-allocated addresses of every tenant)";
    }
    Optional<FirewallRule> all = rules.stream().filter(FirewallRule::isAllowAll).findFirst();
    if (all.isPresent()) {
      return "(firewall rule " + all.get().name() + " admits every IPv4 address, 0.0.0.0-255.255.255.255)";
    }
    return "(firewall rules that together admit every IPv4 address)";
  }

  private static void collect(Exposure x, Map<String, AddressSet[]> places, int side) {
    for (Exposure.Reach r : x.privatePaths()) {
      String key = r.place() + r.subnet().map(s -> ", subnet " + s.name()).orElse("") + " to " + r.address();
      places.computeIfAbsent(key, k -> new AddressSet[2])[side] = r.connected();
      places.computeIfAbsent(key + " (undecided)", k -> new AddressSet[2])[side] = r.undecided();
    }
    places.computeIfAbsent("the public endpoint", k -> new AddressSet[2])[side] = x.publicSources();
    places.computeIfAbsent("the public endpoint (undecided)", k -> new AddressSet[2])[side] = x.publicUndecided();
    places.computeIfAbsent(AZURE_SERVICES, k -> new AddressSet[2])[side] = x.azureServices() ? AddressSet.PUBLIC : AddressSet.EMPTY;
    places.computeIfAbsent(AZURE_SERVICES + " (undecided)", k -> new AddressSet[2])[side] = x.azureServicesUndecided() ? AddressSet.PUBLIC : AddressSet.EMPTY;
  }

  private static ImmutableList<Finding> forbidden(
      Network before, Network after, Estate beforeEstate, Estate afterEstate, ServiceProfile profile, List<Finding> migrations) {
    List<Finding> out = new ArrayList<>();
    for (FlexibleServer s : before.flexibleServers()) {
      Optional<FlexibleServer> later = after.flexibleServer(s.id());
      if (later.isEmpty()) {
        continue;
      }
      if (profile.vnetToPrivateEndpointMigration() && s.isVnetIntegrated() && later.get().hasPublicEndpoint()) {
        migrations.add(migration(s, later.get(), before));
      } else if (s.networkingMode() != later.get().networkingMode()) {
        out.add(Finding.of(FindingCode.NETWORKING_MODE_CHANGED, s.id(), "networkingMode", later.get().networkingMode(),
            s.name() + " was created with " + s.networkingMode() + "; Azure does not change a server's networking mode after creation."));
      } else if (s.isVnetIntegrated() && !s.delegatedSubnet().equals(later.get().delegatedSubnet())) {
        out.add(Finding.of(FindingCode.SERVER_MOVED, s.id(), "delegatedSubnet", later.get().delegatedSubnet().get(),
            s.name() + " is in " + s.delegatedSubnet().get() + "; a VNet-integrated server cannot move to another subnet or virtual network."));
      }
    }
    ServerChanges.whileUpdating(beforeEstate, afterEstate, out);
    for (VirtualNetwork v : before.virtualNetworks()) {
      for (Subnet subnet : v.subnets()) {
        Optional<Subnet> later = after.subnet(subnet.id());
        if (later.isEmpty() || later.get().addressPrefix().equals(subnet.addressPrefix()) || !holdsResources(before, beforeEstate, subnet)) {
          continue;
        }
        out.add(Finding.of(FindingCode.SUBNET_RESIZED_WITH_RESOURCES, subnet.id(), "addressPrefix", later.get().addressPrefix(),
            "Subnet " + subnet.name() + " (" + subnet.addressPrefix() + ") holds resources; Azure does not change its size while they exist."));
      }
    }
    return ImmutableList.sortedCopyOf(out);
  }

  /**
   * The migration of a VNet-integrated server to the private-endpoint-capable public access mode,
   * as Azure documents it (preview): what it requires and what it changes.
   */
  private static Finding migration(FlexibleServer was, FlexibleServer will, Network before) {
    String subnet = was.delegatedSubnet().map(id -> before.subnet(id).map(x -> x.name() + " (" + x.addressPrefix() + ")").orElse(id.toString())).orElse("its delegated subnet");
    return Finding.of(
        FindingCode.NETWORKING_MODE_MIGRATION_REQUIRED,
        was.id(),
        "networkingMode",
        will.networkingMode(),
        was.name() + " moves from private access (VNet integration) to public access, which Azure does only through its network"
            + " migration (az postgres flexible-server migrate-network, preview), not by a template or plan: the server is Updating"
            + " for about 20 minutes and unreachable for about 10, and existing connections are terminated. Afterwards it is no"
            + " longer in delegated subnet " + subnet + " (the subnet no longer holds it), its private DNS zone"
            + was.privateDnsZone().map(z -> " " + z.name()).orElse("") + " no longer answers for it (its name resolves through"
            + " public DNS, to a private endpoint's address where a privatelink zone holds one), and it accepts no connection"
            + " until a private endpoint or firewall rules admit one; public network access is "
            + (will.isKnown(dev.pgreach.core.ServerSetting.PUBLIC_NETWORK_ACCESS) ? will.publicNetworkAccess().toString() : "not known")
            + " in the new version.");
  }

  private static boolean holdsResources(Network n, Estate e, Subnet s) {
    return !n.networkInterfacesIn(s.id()).isEmpty()
        || !n.flexibleServersIn(s.id()).isEmpty()
        || e.privateEndpoints().stream().anyMatch(p -> p.subnet().equals(s.id()));
  }
}
