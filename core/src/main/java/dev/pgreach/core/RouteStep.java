package dev.pgreach.core;

import java.util.Optional;

/** The steps of a routing trace: routes chosen, peerings and gateways crossed, and why a packet was dropped. */
public sealed interface RouteStep extends Step {

  /**
   * The effective routes of a subnet chose a route for the destination.
   *
   * @param subnet the subnet whose routes were consulted
   * @param destination the destination address
   * @param route the chosen route
   */
  record RouteChosen(ResourceId subnet, Ipv4Address destination, EffectiveRoute route) implements RouteStep {
    /** {@return the subnet whose routes were consulted} */
    public ResourceId subnet() {
      return subnet;
    }

    /** {@return the destination address} */
    public Ipv4Address destination() {
      return destination;
    }

    /** {@return the chosen route} */
    public EffectiveRoute route() {
      return route;
    }

    @Override
    public ReasonCode code() {
      return route.source() == RouteSource.USER ? ReasonCode.USER_DEFINED_ROUTE : ReasonCode.ROUTE_SELECTED;
    }

    @Override
    public StepEffect effect() {
      return StepEffect.NOTE;
    }

    @Override
    public String subject() {
      return subnet.toString();
    }

    @Override
    public String reason() {
      return "Subnet " + subnet.name() + " routes " + destination + " by " + route + ".";
    }
  }

  /**
   * The packet crossed a connected peering.
   *
   * @param peering the sending side's peering link
   * @param from the sending network
   * @param to the receiving network
   */
  record PeeringCrossed(ResourceId peering, ResourceId from, ResourceId to) implements RouteStep {
    /** {@return the sending side's peering link} */
    public ResourceId peering() {
      return peering;
    }

    /** {@return the sending network} */
    public ResourceId from() {
      return from;
    }

    /** {@return the receiving network} */
    public ResourceId to() {
      return to;
    }

    @Override
    public ReasonCode code() {
      return ReasonCode.PEERING_CROSSED;
    }

    @Override
    public StepEffect effect() {
      return StepEffect.PASSED;
    }

    @Override
    public String subject() {
      return peering.toString();
    }

    @Override
    public String reason() {
      return "Crossed the connected peering " + peering.name() + " from " + from.name() + " to " + to.name() + ".";
    }
  }

  /**
   * The packet crossed a VPN or ExpressRoute gateway.
   *
   * @param gateway the gateway
   * @param connection the connection used
   * @param from where the packet came from
   * @param to where it went
   * @param transitPeering the spoke's peering link using the hub's gateway, for gateway transit
   */
  record GatewayCrossed(
      ResourceId gateway, ResourceId connection, Place from, Place to, Optional<ResourceId> transitPeering)
      implements RouteStep {
    /** {@return the gateway} */
    public ResourceId gateway() {
      return gateway;
    }

    /** {@return the connection used} */
    public ResourceId connection() {
      return connection;
    }

    /** {@return where the packet came from} */
    public Place from() {
      return from;
    }

    /** {@return where it went} */
    public Place to() {
      return to;
    }

    /** {@return the spoke's peering link using the hub's gateway, for gateway transit} */
    public Optional<ResourceId> transitPeering() {
      return transitPeering;
    }

    @Override
    public ReasonCode code() {
      return transitPeering.isPresent() ? ReasonCode.GATEWAY_TRANSIT : ReasonCode.GATEWAY_CROSSED;
    }

    @Override
    public StepEffect effect() {
      return StepEffect.PASSED;
    }

    @Override
    public String subject() {
      return gateway.toString();
    }

    @Override
    public String reason() {
      return "Crossed gateway "
          + gateway.name()
          + " over connection "
          + connection.name()
          + " from "
          + from
          + " to "
          + to
          + transitPeering.map(p -> ", using gateway transit through peering " + p.name()).orElse("")
          + ".";
    }
  }

  /**
   * A network virtual appliance forwarded the packet.
   *
   * @param networkInterface the appliance's interface
   * @param address its address
   */
  record ApplianceForwarded(ResourceId networkInterface, Ipv4Address address) implements RouteStep {
    /** {@return the appliance's interface} */
    public ResourceId networkInterface() {
      return networkInterface;
    }

    /** {@return its address} */
    public Ipv4Address address() {
      return address;
    }

    @Override
    public ReasonCode code() {
      return ReasonCode.APPLIANCE_FORWARDED;
    }

    @Override
    public StepEffect effect() {
      return StepEffect.PASSED;
    }

    @Override
    public String subject() {
      return networkInterface.toString();
    }

    @Override
    public String reason() {
      return "Appliance " + networkInterface.name() + " (" + address + ") forwards the packet.";
    }
  }

  /**
   * The packet left for the internet or the public side of the Azure backbone.
   *
   * @param sourceAddress the public source address, when known
   * @param azureAllocated whether the source address is allocated by Azure
   */
  record InternetEgress(Optional<Ipv4Address> sourceAddress, boolean azureAllocated) implements RouteStep {
    /** {@return the public source address, when known} */
    public Optional<Ipv4Address> sourceAddress() {
      return sourceAddress;
    }

    /** {@return whether the source address is allocated by Azure} */
    public boolean azureAllocated() {
      return azureAllocated;
    }

    @Override
    public ReasonCode code() {
      return ReasonCode.INTERNET_EGRESS;
    }

    @Override
    public StepEffect effect() {
      return StepEffect.PASSED;
    }

    @Override
    public String subject() {
      return sourceAddress.map(Object::toString).orElse("unknown public address");
    }

    @Override
    public String reason() {
      return "Leaves for the internet from "
          + sourceAddress.map(a -> "public address " + a).orElse("a public address the model does not know")
          + (azureAllocated ? " (allocated by Azure)." : ".");
    }
  }

  /**
   * The packet arrived in the destination's network.
   *
   * @param place the network
   * @param destination the destination address
   * @param subnet the destination's subnet, when known
   */
  record Arrived(Place place, Ipv4Address destination, Optional<ResourceId> subnet) implements RouteStep {
    /** {@return the network} */
    public Place place() {
      return place;
    }

    /** {@return the destination address} */
    public Ipv4Address destination() {
      return destination;
    }

    /** {@return the destination's subnet, when known} */
    public Optional<ResourceId> subnet() {
      return subnet;
    }

    @Override
    public ReasonCode code() {
      return ReasonCode.ARRIVED;
    }

    @Override
    public StepEffect effect() {
      return StepEffect.PASSED;
    }

    @Override
    public String subject() {
      return subnet.map(Object::toString).orElse(place.toString());
    }

    @Override
    public String reason() {
      return "Arrives at " + destination + " in " + place + subnet.map(s -> ", subnet " + s.name()).orElse("") + ".";
    }
  }

  /**
   * The packet was dropped.
   *
   * @param code why: {@link ReasonCode#NO_ROUTE}, {@link ReasonCode#ROUTE_NONE}, {@link
   *     ReasonCode#PEERING_NOT_CONNECTED}, {@link ReasonCode#PEERING_NOT_TRANSITIVE}, …
   * @param subject the resource that decided, as text
   * @param reason the explanation
   */
  record Dropped(ReasonCode code, String subject, String reason) implements RouteStep {
    /**
     * {@return why: {@link ReasonCode#NO_ROUTE}, {@link ReasonCode#ROUTE_NONE}, {@link ReasonCode#PEERING_NOT_CONNECTED}, {@link ReasonCode#PEERING_NOT_TRANSITIVE}, …}
     */
    public ReasonCode code() {
      return code;
    }

    /** {@return the resource that decided, as text} */
    public String subject() {
      return subject;
    }

    /** {@return the explanation} */
    public String reason() {
      return reason;
    }

    /**
     * Checks the components.
     *
     * @param code why: {@link ReasonCode#NO_ROUTE}, {@link ReasonCode#ROUTE_NONE}, {@link ReasonCode#PEERING_NOT_CONNECTED}, {@link ReasonCode#PEERING_NOT_TRANSITIVE}, …
     * @param subject the resource that decided, as text
     * @param reason the explanation
     * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null component
     */
    public Dropped {
      Checks.notNull(code, "RouteStep.Dropped.code");
      Checks.notNull(subject, "RouteStep.Dropped.subject");
      Checks.notNull(reason, "RouteStep.Dropped.reason");
    }

    @Override
    public StepEffect effect() {
      return StepEffect.BLOCKED;
    }
  }

  /**
   * Where the packet goes cannot be told from the input: a route table whose routes the input does
   * not hold, peerings or gateway connections it does not show, a network outside the input.
   *
   * @param code why: {@link ReasonCode#NOT_OBSERVED}, {@link ReasonCode#OUTSIDE_INPUT}
   * @param subject the resource whose content is missing, as text
   * @param reason the explanation, naming what is missing and what it would decide
   */
  record Undecided(ReasonCode code, String subject, String reason) implements RouteStep {
    /** {@return why: {@link ReasonCode#NOT_OBSERVED}, {@link ReasonCode#OUTSIDE_INPUT}} */
    public ReasonCode code() {
      return code;
    }

    /** {@return the resource whose content is missing, as text} */
    public String subject() {
      return subject;
    }

    /** {@return the explanation, naming what is missing and what it would decide} */
    public String reason() {
      return reason;
    }

    /**
     * Checks the components.
     *
     * @param code why: {@link ReasonCode#NOT_OBSERVED}, {@link ReasonCode#OUTSIDE_INPUT}
     * @param subject the resource whose content is missing, as text
     * @param reason the explanation, naming what is missing and what it would decide
     * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null component
     */
    public Undecided {
      Checks.notNull(code, "RouteStep.Undecided.code");
      Checks.notNull(subject, "RouteStep.Undecided.subject");
      Checks.notNull(reason, "RouteStep.Undecided.reason");
    }

    @Override
    public StepEffect effect() {
      return StepEffect.UNKNOWN;
    }
  }
}
