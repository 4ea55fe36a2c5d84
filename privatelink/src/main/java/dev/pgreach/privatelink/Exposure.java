package dev.pgreach.privatelink;

import com.google.common.collect.ImmutableList;
import dev.pgreach.core.AddressSet;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Place;
import dev.pgreach.core.ResourceId;
import java.time.Instant;
import java.util.Optional;

/**
 * The answer to "who can reach this server at all?": the source addresses, per place, that can
 * open a session to the server on a port at an instant. Answers are address sets, not samples.
 *
 * <p>Private paths (a VNet-integrated server's private address, private endpoints) are given per
 * subnet of each virtual network and per on-premises network, in the addresses hosts there have.
 * The public endpoint is given in the public source addresses it sees — a host in a virtual
 * network or on premises reaches it from its outbound public address, which is where the firewall
 * judges it — together with whether every Azure-allocated address is admitted (the {@code 0.0.0.0}
 * rule).
 *
 * <p>Addresses whose answer depends on something still propagating (a firewall change within five
 * minutes) or undecidable (an opaque service tag in a deny rule) are reported apart as undecided,
 * never as connected. The client's TLS offer is taken to be TLS 1.2 and 1.3.
 *
 * <p>The world is open: a way in the input cannot see — an Approved private endpoint connection
 * whose endpoint is not in the input, a delegated subnet outside it, a network peered with a front
 * door's network that the input does not hold — is listed in {@link #unknownWaysIn()}, each with a
 * sentence naming the missing resource and what it would decide. Whoever may come in that way is
 * not known, so an exposure with an unknown way in is never {@linkplain #isClosed() closed}: its
 * answer to "can anyone reach the server?" is undecided unless some source is known to connect.
 * Likewise whether every Azure-allocated address is admitted may be undecided ({@link
 * #azureServicesUndecided()}: the firewall rules are not all in the input, or the server's settings
 * are not known), never stated false.
 *
 * @param server the server
 * @param port the port
 * @param at the instant
 * @param privatePaths what reaches each private front door, one entry per source place and door
 * @param publicSources the public source addresses the public endpoint admits, within {@link
 *     AddressSet#PUBLIC}
 * @param publicUndecided the public source addresses whose admission cannot be decided yet, within
 *     {@link AddressSet#PUBLIC}
 * @param azureServices whether every Azure-allocated source address is known to be admitted (the
 *     {@code 0.0.0.0} rule), whatever its tenant
 * @param azureServicesUndecided whether it is not known if every Azure-allocated source address is
 *     admitted; never together with {@code azureServices}
 * @param unknownWaysIn the ways in the input cannot see, in the order of the resources they name
 */
public record Exposure(
    ResourceId server,
    int port,
    Instant at,
    ImmutableList<Reach> privatePaths,
    AddressSet publicSources,
    AddressSet publicUndecided,
    boolean azureServices,
    boolean azureServicesUndecided,
    ImmutableList<UnknownWay> unknownWaysIn) {
  /**
   * Makes an exposure of a closed world: the Azure-services answer decided and no unknown way in.
   *
   * @param server the server
   * @param port the port
   * @param at the instant
   * @param privatePaths what reaches each private front door, one entry per source place and door
   * @param publicSources the public source addresses the public endpoint admits
   * @param publicUndecided the public source addresses whose admission cannot be decided yet
   * @param azureServices whether every Azure-allocated source address is admitted
   * @throws dev.pgreach.core.PgreachException as the canonical constructor does
   */
  public Exposure(
      ResourceId server,
      int port,
      Instant at,
      ImmutableList<Reach> privatePaths,
      AddressSet publicSources,
      AddressSet publicUndecided,
      boolean azureServices) {
    this(server, port, at, privatePaths, publicSources, publicUndecided, azureServices, false, ImmutableList.of());
  }

  /** {@return the server} */
  public ResourceId server() {
    return server;
  }

  /** {@return the port} */
  public int port() {
    return port;
  }

  /** {@return the instant} */
  public Instant at() {
    return at;
  }

  /** {@return what reaches each private front door, one entry per source place and door} */
  public ImmutableList<Reach> privatePaths() {
    return privatePaths;
  }

  /** {@return the public source addresses the public endpoint admits, within {@link AddressSet#PUBLIC}} */
  public AddressSet publicSources() {
    return publicSources;
  }

  /** {@return the public source addresses whose admission cannot be decided yet, within {@link AddressSet#PUBLIC}} */
  public AddressSet publicUndecided() {
    return publicUndecided;
  }

  /**
   * Tells whether every Azure-allocated source address is known to be admitted (the {@code 0.0.0.0}
   * rule), whatever its tenant. False says "not known to be": see {@link #azureServicesUndecided()}.
   *
   * @return whether it is known to be admitted
   */
  public boolean azureServices() {
    return azureServices;
  }

  /**
   * Tells whether it is not known if every Azure-allocated source address is admitted: the public
   * endpoint may admit it, but the firewall rules are not all in the input or a setting it depends
   * on is not known.
   *
   * @return whether the Azure-services answer is undecided
   */
  public boolean azureServicesUndecided() {
    return azureServicesUndecided;
  }

  /**
   * Returns the ways in the input cannot see: each names a resource outside the input (or an
   * inventory not all in it) and says what it would decide.
   *
   * @return the unknown ways in, empty when the input shows every way in
   */
  public ImmutableList<UnknownWay> unknownWaysIn() {
    return unknownWaysIn;
  }

  /**
   * A way into the server that the input cannot see.
   *
   * @param resource the resource the input does not hold (an endpoint, a subnet, a network), or the
   *     server whose inventory is not all in the input
   * @param reason a sentence naming what is missing and what it would decide
   */
  public record UnknownWay(ResourceId resource, String reason) {
    /** {@return the resource the input does not hold, or the server whose inventory is not all in it} */
    public ResourceId resource() {
      return resource;
    }

    /** {@return a sentence naming what is missing and what it would decide} */
    public String reason() {
      return reason;
    }

    /**
     * Checks the components.
     *
     * @param resource the resource
     * @param reason the sentence
     * @throws dev.pgreach.core.PgreachException {@link
     *     dev.pgreach.core.ErrorCode#MISSING_ATTRIBUTE} for a null component
     */
    public UnknownWay {
      Checks.notNull(resource, "Exposure.UnknownWay.resource");
      Checks.notNull(reason, "Exposure.UnknownWay.reason");
    }
  }


  /**
   * Checks the components.
   *
   * @param server the server
   * @param port the port
   * @param at the instant
   * @param privatePaths what reaches each private front door, one entry per source place and door
   * @param publicSources the public source addresses the public endpoint admits
   * @param publicUndecided the public source addresses whose admission cannot be decided yet
   * @param azureServices whether every Azure-allocated source address is known to be admitted
   * @param azureServicesUndecided whether that is not known
   * @param unknownWaysIn the ways in the input cannot see
   * @throws dev.pgreach.core.PgreachException {@link dev.pgreach.core.ErrorCode#MISSING_ATTRIBUTE}
   *     for a null component; {@link dev.pgreach.core.ErrorCode#INVALID_VALUE} when the public
   *     sources or the undecided public sources hold an address outside {@link AddressSet#PUBLIC},
   *     or when the Azure-services answer is both admitted and undecided
   */
  public Exposure {
    Checks.notNull(server, "Exposure.server");
    Checks.notNull(at, "Exposure.at");
    Checks.notNull(privatePaths, "Exposure.privatePaths");
    Checks.notNull(publicSources, "Exposure.publicSources");
    Checks.notNull(publicUndecided, "Exposure.publicUndecided");
    Checks.publicOnly(publicSources, "Exposure.publicSources");
    Checks.publicOnly(publicUndecided, "Exposure.publicUndecided");
    Checks.notNull(unknownWaysIn, "Exposure.unknownWaysIn");
    if (azureServices && azureServicesUndecided) {
      throw dev.pgreach.core.PgreachException.of(
          dev.pgreach.core.ErrorCode.INVALID_VALUE, "Exposure.azureServicesUndecided (true) must be false when Exposure.azureServices is true");
    }
  }

  /**
   * What reaches one private front door from one place.
   *
   * @param place where the sources are (a virtual network or an on-premises network)
   * @param subnet the sources' subnet, for a virtual network
   * @param door the kind of front door: the server's private address or a private endpoint
   * @param address the front door's address
   * @param privateEndpoint the private endpoint, for {@link FrontDoorKind#PRIVATE_ENDPOINT}
   * @param connected the source addresses that connect
   * @param undecided the source addresses whose answer is indeterminate
   */
  public record Reach(
      Place place,
      Optional<ResourceId> subnet,
      FrontDoorKind door,
      Ipv4Address address,
      Optional<ResourceId> privateEndpoint,
      AddressSet connected,
      AddressSet undecided) {
    /** {@return where the sources are (a virtual network or an on-premises network)} */
    public Place place() {
      return place;
    }

    /** {@return the sources' subnet, for a virtual network} */
    public Optional<ResourceId> subnet() {
      return subnet;
    }

    /** {@return the kind of front door: the server's private address or a private endpoint} */
    public FrontDoorKind door() {
      return door;
    }

    /** {@return the front door's address} */
    public Ipv4Address address() {
      return address;
    }

    /** {@return the private endpoint, for {@link FrontDoorKind#PRIVATE_ENDPOINT}} */
    public Optional<ResourceId> privateEndpoint() {
      return privateEndpoint;
    }

    /** {@return the source addresses that connect} */
    public AddressSet connected() {
      return connected;
    }

    /** {@return the source addresses whose answer is indeterminate} */
    public AddressSet undecided() {
      return undecided;
    }

    /**
     * Checks the components.
     *
     * @param place where the sources are (a virtual network or an on-premises network)
     * @param subnet the sources' subnet, for a virtual network
     * @param door the kind of front door: the server's private address or a private endpoint
     * @param address the front door's address
     * @param privateEndpoint the private endpoint, for {@link FrontDoorKind#PRIVATE_ENDPOINT}
     * @param connected the source addresses that connect
     * @param undecided the source addresses whose answer is indeterminate
     * @throws dev.pgreach.core.PgreachException {@link
     *     dev.pgreach.core.ErrorCode#MISSING_ATTRIBUTE} for a null component
     */
    public Reach {
      Checks.notNull(place, "Exposure.Reach.place");
      Checks.notNull(subnet, "Exposure.Reach.subnet");
      Checks.notNull(door, "Exposure.Reach.door");
      Checks.notNull(address, "Exposure.Reach.address");
      Checks.notNull(privateEndpoint, "Exposure.Reach.privateEndpoint");
      Checks.notNull(connected, "Exposure.Reach.connected");
      Checks.notNull(undecided, "Exposure.Reach.undecided");
    }
  }

  /**
   * Tells whether nothing can reach the server, for certain.
   *
   * @return whether no private path, no public source and no Azure service is admitted, nothing is
   *     undecided, and the input shows every way in
   */
  public boolean isClosed() {
    return privatePaths.stream().allMatch(r -> r.connected().isEmpty() && r.undecided().isEmpty())
        && publicSources.isEmpty()
        && publicUndecided.isEmpty()
        && !azureServices
        && !azureServicesUndecided
        && unknownWaysIn.isEmpty();
  }

  /**
   * Tells whether some source is known to connect: a private path's connected addresses, an
   * admitted public address, or every Azure-allocated address.
   *
   * @return whether the server is reachable for certain
   */
  public boolean isReachable() {
    return !publicSources.isEmpty() || azureServices || privatePaths.stream().anyMatch(r -> !r.connected().isEmpty());
  }

  /**
   * Answers "can anyone reach the server?" in one word: {@code REACHABLE} when some source is known
   * to connect ({@link #isReachable()}), {@code UNREACHABLE} when nothing can, for certain ({@link
   * #isClosed()}), {@code UNDECIDED} otherwise — some source only may, or a way in is not known.
   *
   * @return {@code REACHABLE}, {@code UNREACHABLE} or {@code UNDECIDED}
   */
  public String headline() {
    return isReachable() ? "REACHABLE" : isClosed() ? "UNREACHABLE" : "UNDECIDED";
  }

  /**
   * Renders the exposure for people, one line per place.
   *
   * @return several lines of text
   */
  public String explanation() {
    StringBuilder s = new StringBuilder("Who can reach ").append(server.name()).append(':').append(port).append(" at ").append(at);
    if (isClosed()) {
      return s.append("\n  nobody").toString();
    }
    for (Reach r : privatePaths) {
      s.append("\n  from ")
          .append(r.place())
          .append(r.subnet().map(x -> ", subnet " + x.name()).orElse(""))
          .append(" to ")
          .append(r.door() == FrontDoorKind.PRIVATE_ENDPOINT ? "private endpoint " + r.privateEndpoint().map(ResourceId::name).orElse("") + " " : "")
          .append(r.address())
          .append(": ")
          .append(r.connected().isEmpty() ? "none for certain" : r.connected().toString());
      if (!r.undecided().isEmpty()) {
        s.append(" (undecided: ").append(r.undecided()).append(')');
      }
    }
    if (!publicSources.isEmpty() || !publicUndecided.isEmpty() || azureServices || azureServicesUndecided) {
      s.append("\n  at the public endpoint, from public addresses ").append(publicSources.isEmpty() ? "none" : publicSources.toString());
      if (!publicUndecided.isEmpty()) {
        s.append(" (undecided: ").append(publicUndecided).append(')');
      }
      if (azureServices) {
        s.append(", and from every Azure-allocated address (any tenant)");
      } else if (azureServicesUndecided) {
        s.append("; whether from every Azure-allocated address (any tenant) is not known");
      }
    }
    for (UnknownWay w : unknownWaysIn) {
      s.append("\n  undecided, a way in the input does not show: ").append(w.reason());
    }
    return s.toString();
  }
}
