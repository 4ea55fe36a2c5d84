package dev.pgreach.privatelink.intent;

import com.google.common.collect.ImmutableList;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import java.util.Arrays;
import java.util.Collection;

/**
 * One statement of what must or must not be reachable in an estate. Servers, clients and places
 * are named as people name them (a server by its name, a subnet as {@code network/subnet}), so
 * that one set of intents can be checked against any export of the same estate.
 *
 * <p>Each intent is checked exhaustively, with the address sets of {@link
 * dev.pgreach.privatelink.Exposure} (not samples): a violation comes with a concrete flow that
 * breaks it and that flow's whole trace. See {@link Intents#verify}.
 *
 * <pre>{@code
 * Intents intents = Intents.of(
 *     Intent.noServerReachableFromInternet(),
 *     Intent.reachableOnlyFrom("orders-db", "spoke-apps", "hub/management", "datacenter"),
 *     Intent.clientsCanConnect("orders-db", "orders-api"),
 *     Intent.resolvableWhereRoutable(),
 *     Intent.noAzureServicesRule(),
 *     Intent.privateEndpointsApproved());
 * }</pre>
 */
public sealed interface Intent {
  /** The word a source list uses for the public endpoint reached from any public address. */
  String INTERNET = "internet";

  /** The word a source list uses for the Azure-services ({@code 0.0.0.0}) firewall rule. */
  String AZURE_SERVICES = "azure-services";

  /**
   * Returns the intent's kind as the intent file writes it ({@code "kind"}).
   *
   * @return the kind
   */
  String kind();

  /**
   * Returns the intent as a sentence.
   *
   * @return the sentence
   */
  String describe();

  /**
   * No server (or none of the named ones) is reachable from the internet: its public endpoint
   * admits no public source address, and no Azure-services rule admits every Azure address.
   *
   * @param servers the servers' names; empty for every server of the estate
   */
  record NoInternetExposure(ImmutableList<String> servers) implements Intent {
    /**
     * Checks the components.
     *
     * @param servers the servers' names; empty for every server
     */
    public NoInternetExposure {
      requireNames(servers, "NoInternetExposure.servers");
    }

    /**
     * Returns the servers' names; empty for every server.
     *
     * @return the servers' names; empty for every server
     */
    @Override
    public ImmutableList<String> servers() {
      return servers;
    }

    @Override
    public String kind() {
      return "noServerReachableFromInternet";
    }

    @Override
    public String describe() {
      return (servers.isEmpty() ? "No server is" : String.join(", ", servers) + (servers.size() == 1 ? " is" : " are") + " not") + " reachable from the internet";
    }
  }

  /**
   * A server is reachable only from the listed places: subnets ({@code network/subnet}), whole
   * virtual networks ({@code network}), on-premises networks (by name), {@value #INTERNET} (its
   * public endpoint from public addresses) and {@value #AZURE_SERVICES} (the {@code 0.0.0.0}
   * rule). Being reachable from none of them is fine.
   *
   * @param server the server's name
   * @param from the places allowed
   */
  record ReachableOnlyFrom(String server, ImmutableList<String> from) implements Intent {
    /**
     * Checks the components.
     *
     * @param server the server's name
     * @param from the places allowed
     */
    public ReachableOnlyFrom {
      requireName(server, "ReachableOnlyFrom.server");
      requireNames(from, "ReachableOnlyFrom.from");
    }

    /**
     * Returns the server's name.
     *
     * @return the server's name
     */
    @Override
    public String server() {
      return server;
    }

    /**
     * Returns the places allowed.
     *
     * @return the places allowed
     */
    @Override
    public ImmutableList<String> from() {
      return from;
    }

    @Override
    public String kind() {
      return "reachableOnlyFrom";
    }

    @Override
    public String describe() {
      return server + " is reachable only from " + (from.isEmpty() ? "nowhere" : String.join(", ", from));
    }
  }

  /**
   * Clients can open a session to a server by its host name (port 5432).
   *
   * @param server the server's name
   * @param clients the clients' names; empty for every client of the estate
   */
  record ClientsCanConnect(String server, ImmutableList<String> clients) implements Intent {
    /**
     * Checks the components.
     *
     * @param server the server's name
     * @param clients the clients' names; empty for every client
     */
    public ClientsCanConnect {
      requireName(server, "ClientsCanConnect.server");
      requireNames(clients, "ClientsCanConnect.clients");
    }

    /**
     * Returns the server's name.
     *
     * @return the server's name
     */
    @Override
    public String server() {
      return server;
    }

    /**
     * Returns the clients' names; empty for every client.
     *
     * @return the clients' names; empty for every client
     */
    @Override
    public ImmutableList<String> clients() {
      return clients;
    }

    @Override
    public String kind() {
      return "clientsCanConnect";
    }

    @Override
    public String describe() {
      return (clients.isEmpty() ? "Every client" : String.join(", ", clients)) + " can connect to " + server + " by name";
    }
  }

  /**
   * Every server (or every named one) can be reached by its host name from every subnet and
   * on-premises network whose hosts can reach one of its private front doors by address: wherever
   * routing and filtering let a host in, its DNS leads it to a door that lets it in.
   *
   * @param servers the servers' names; empty for every server
   */
  record ResolvableWhereRoutable(ImmutableList<String> servers) implements Intent {
    /**
     * Checks the components.
     *
     * @param servers the servers' names; empty for every server
     */
    public ResolvableWhereRoutable {
      requireNames(servers, "ResolvableWhereRoutable.servers");
    }

    /**
     * Returns the servers' names; empty for every server.
     *
     * @return the servers' names; empty for every server
     */
    @Override
    public ImmutableList<String> servers() {
      return servers;
    }

    @Override
    public String kind() {
      return "resolvableWhereRoutable";
    }

    @Override
    public String describe() {
      return (servers.isEmpty() ? "Every server is" : String.join(", ", servers) + (servers.size() == 1 ? " is" : " are"))
          + " reachable by name from every place that can reach it by address";
    }
  }

  /**
   * No server (or none of the named ones) admits every Azure-allocated address, whatever its
   * tenant, through the Azure-services ({@code 0.0.0.0}) firewall rule.
   *
   * @param servers the servers' names; empty for every server
   */
  record NoAzureServicesRule(ImmutableList<String> servers) implements Intent {
    /**
     * Checks the components.
     *
     * @param servers the servers' names; empty for every server
     */
    public NoAzureServicesRule {
      requireNames(servers, "NoAzureServicesRule.servers");
    }

    /**
     * Returns the servers' names; empty for every server.
     *
     * @return the servers' names; empty for every server
     */
    @Override
    public ImmutableList<String> servers() {
      return servers;
    }

    @Override
    public String kind() {
      return "noAzureServicesRule";
    }

    @Override
    public String describe() {
      return (servers.isEmpty() ? "No server is" : String.join(", ", servers) + (servers.size() == 1 ? " is" : " are") + " not")
          + " exposed to other tenants through the Azure-services rule";
    }
  }

  /**
   * Every private endpoint connection of every server (or of the named ones) is Approved: those
   * the estate holds and those a server lists for endpoints outside the estate.
   *
   * @param servers the servers' names; empty for every server
   */
  record PrivateEndpointsApproved(ImmutableList<String> servers) implements Intent {
    /**
     * Checks the components.
     *
     * @param servers the servers' names; empty for every server
     */
    public PrivateEndpointsApproved {
      requireNames(servers, "PrivateEndpointsApproved.servers");
    }

    /**
     * Returns the servers' names; empty for every server.
     *
     * @return the servers' names; empty for every server
     */
    @Override
    public ImmutableList<String> servers() {
      return servers;
    }

    @Override
    public String kind() {
      return "privateEndpointsApproved";
    }

    @Override
    public String describe() {
      return "Every private endpoint" + (servers.isEmpty() ? "" : " of " + String.join(", ", servers)) + " is Approved";
    }
  }

  /**
   * No server is reachable from the internet.
   *
   * @param servers the servers meant; none for every server
   * @return the intent
   */
  static Intent noServerReachableFromInternet(String... servers) {
    return new NoInternetExposure(list(servers, "Intent.noServerReachableFromInternet.servers"));
  }

  /**
   * A server is reachable only from the given places.
   *
   * @param server the server's name
   * @param from subnets ({@code network/subnet}), virtual networks, on-premises networks, {@value
   *     #INTERNET} or {@value #AZURE_SERVICES}
   * @return the intent
   */
  static Intent reachableOnlyFrom(String server, String... from) {
    return new ReachableOnlyFrom(server, list(from, "Intent.reachableOnlyFrom.from"));
  }

  /**
   * A server is reachable only from the given places.
   *
   * @param server the server's name
   * @param from the places
   * @return the intent
   */
  static Intent reachableOnlyFrom(String server, Collection<String> from) {
    return new ReachableOnlyFrom(server, copy(from, "Intent.reachableOnlyFrom.from"));
  }

  /**
   * Clients can connect to a server by name.
   *
   * @param server the server's name
   * @param clients the clients' names; none for every client of the estate
   * @return the intent
   */
  static Intent clientsCanConnect(String server, String... clients) {
    return new ClientsCanConnect(server, list(clients, "Intent.clientsCanConnect.clients"));
  }

  /**
   * Servers are reachable by name wherever they are reachable by address.
   *
   * @param servers the servers meant; none for every server
   * @return the intent
   */
  static Intent resolvableWhereRoutable(String... servers) {
    return new ResolvableWhereRoutable(list(servers, "Intent.resolvableWhereRoutable.servers"));
  }

  /**
   * No server admits every Azure address through the Azure-services rule.
   *
   * @param servers the servers meant; none for every server
   * @return the intent
   */
  static Intent noAzureServicesRule(String... servers) {
    return new NoAzureServicesRule(list(servers, "Intent.noAzureServicesRule.servers"));
  }

  /**
   * Every private endpoint connection is Approved.
   *
   * @param servers the servers meant; none for every server
   * @return the intent
   */
  static Intent privateEndpointsApproved(String... servers) {
    return new PrivateEndpointsApproved(list(servers, "Intent.privateEndpointsApproved.servers"));
  }

  private static ImmutableList<String> list(String[] names, String field) {
    if (names == null) {
      throw PgreachException.of(ErrorCode.MISSING_ATTRIBUTE, "%s must not be null", field);
    }
    return copy(Arrays.asList(names), field);
  }

  private static ImmutableList<String> copy(Collection<String> names, String field) {
    if (names == null) {
      throw PgreachException.of(ErrorCode.MISSING_ATTRIBUTE, "%s must not be null", field);
    }
    for (String n : names) {
      requireName(n, field);
    }
    return ImmutableList.copyOf(names);
  }

  private static void requireName(String name, String field) {
    if (name == null) {
      throw PgreachException.of(ErrorCode.MISSING_ATTRIBUTE, "%s must not be null", field);
    }
    if (name.isBlank()) {
      throw PgreachException.of(ErrorCode.INVALID_VALUE, "%s (\"%s\") must not be blank", field, name);
    }
  }

  private static void requireNames(ImmutableList<String> names, String field) {
    if (names == null) {
      throw PgreachException.of(ErrorCode.MISSING_ATTRIBUTE, "%s must not be null", field);
    }
    names.forEach(n -> requireName(n, field));
  }
}
