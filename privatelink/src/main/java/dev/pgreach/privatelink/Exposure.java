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
 * @param server the server
 * @param port the port
 * @param at the instant
 * @param privatePaths what reaches each private front door, one entry per source place and door
 * @param publicSources the public source addresses the public endpoint admits, within {@link
 *     AddressSet#PUBLIC}
 * @param publicUndecided the public source addresses whose admission cannot be decided yet, within
 *     {@link AddressSet#PUBLIC}
 * @param azureServices whether every Azure-allocated source address is admitted (the {@code
 *     0.0.0.0} rule), whatever its tenant
 */
public record Exposure(
    ResourceId server,
    int port,
    Instant at,
    ImmutableList<Reach> privatePaths,
    AddressSet publicSources,
    AddressSet publicUndecided,
    boolean azureServices) {
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

  /** {@return whether every Azure-allocated source address is admitted (the {@code 0.0.0.0} rule), whatever its tenant} */
  public boolean azureServices() {
    return azureServices;
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
   * @param azureServices whether every Azure-allocated source address is admitted
   * @throws dev.pgreach.core.PgreachException {@link dev.pgreach.core.ErrorCode#MISSING_ATTRIBUTE}
   *     for a null component; {@link dev.pgreach.core.ErrorCode#INVALID_VALUE} when the public
   *     sources or the undecided public sources hold an address outside {@link AddressSet#PUBLIC}
   */
  public Exposure {
    Checks.notNull(server, "Exposure.server");
    Checks.notNull(at, "Exposure.at");
    Checks.notNull(privatePaths, "Exposure.privatePaths");
    Checks.notNull(publicSources, "Exposure.publicSources");
    Checks.notNull(publicUndecided, "Exposure.publicUndecided");
    Checks.publicOnly(publicSources, "Exposure.publicSources");
    Checks.publicOnly(publicUndecided, "Exposure.publicUndecided");
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
   * Tells whether nothing can reach the server.
   *
   * @return whether no private path, no public source and no Azure service is admitted, and
   *     nothing is undecided
   */
  public boolean isClosed() {
    return privatePaths.stream().allMatch(r -> r.connected().isEmpty() && r.undecided().isEmpty())
        && publicSources.isEmpty()
        && publicUndecided.isEmpty()
        && !azureServices;
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
          .append(r.connected().isEmpty() ? "nobody" : r.connected().toString());
      if (!r.undecided().isEmpty()) {
        s.append(" (undecided: ").append(r.undecided()).append(')');
      }
    }
    if (!publicSources.isEmpty() || !publicUndecided.isEmpty() || azureServices) {
      s.append("\n  at the public endpoint, from public addresses ").append(publicSources.isEmpty() ? "none" : publicSources.toString());
      if (!publicUndecided.isEmpty()) {
        s.append(" (undecided: ").append(publicUndecided).append(')');
      }
      if (azureServices) {
        s.append(", and from every Azure-allocated address (any tenant)");
      }
    }
    return s.toString();
  }
}
