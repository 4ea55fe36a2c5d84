package dev.pgreach.privatelink;

import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.ReasonCode;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.Step;
import dev.pgreach.core.StepEffect;
import dev.pgreach.core.TlsVersion;
import java.util.Optional;

/**
 * The steps of a connection trace that belong to neither DNS, routing nor filtering: what answers
 * at the address, a private endpoint's connection state, the port, TLS, and notes.
 */
public sealed interface ConnectStep extends Step {

  /**
   * The destination address was matched to what answers there.
   *
   * @param kind the kind of front door
   * @param address the destination address
   * @param server the server behind it, when there is one
   * @param privateEndpoint the private endpoint, for {@link FrontDoorKind#PRIVATE_ENDPOINT}
   */
  record FrontDoor(FrontDoorKind kind, Ipv4Address address, Optional<ResourceId> server, Optional<ResourceId> privateEndpoint)
      implements ConnectStep {
    /** {@return the kind of front door} */
    public FrontDoorKind kind() {
      return kind;
    }

    /** {@return the destination address} */
    public Ipv4Address address() {
      return address;
    }

    /** {@return the server behind it, when there is one} */
    public Optional<ResourceId> server() {
      return server;
    }

    /** {@return the private endpoint, for {@link FrontDoorKind#PRIVATE_ENDPOINT}} */
    public Optional<ResourceId> privateEndpoint() {
      return privateEndpoint;
    }

    @Override
    public ReasonCode code() {
      switch (kind) {
        case SERVER_PRIVATE_ADDRESS:
          return ReasonCode.FRONT_DOOR_SERVER_PRIVATE;
        case PRIVATE_ENDPOINT:
          return ReasonCode.FRONT_DOOR_PRIVATE_ENDPOINT;
        case PUBLIC_ENDPOINT:
          return ReasonCode.FRONT_DOOR_PUBLIC_ENDPOINT;
        default:
          return ReasonCode.FRONT_DOOR_NOTHING;
      }
    }

    @Override
    public StepEffect effect() {
      return kind == FrontDoorKind.NOTHING ? StepEffect.BLOCKED : StepEffect.PASSED;
    }

    @Override
    public String subject() {
      return privateEndpoint.or(() -> server).map(Object::toString).orElse(address.toString());
    }

    @Override
    public String reason() {
      switch (kind) {
        case SERVER_PRIVATE_ADDRESS:
          return address + " is the private address of VNet-integrated server " + server.orElseThrow().name() + ".";
        case PRIVATE_ENDPOINT:
          return address + " is private endpoint " + privateEndpoint.orElseThrow().name() + " of server " + server.orElseThrow().name() + ".";
        case PUBLIC_ENDPOINT:
          return address + " is the public endpoint of server " + server.orElseThrow().name() + ".";
        default:
          return "Nothing in the estate answers at " + address + ".";
      }
    }
  }

  /**
   * A private endpoint's connection state was checked.
   *
   * @param privateEndpoint the endpoint
   * @param state its connection state
   */
  record EndpointState(ResourceId privateEndpoint, PrivateEndpointConnectionState state) implements ConnectStep {
    /** {@return the endpoint} */
    public ResourceId privateEndpoint() {
      return privateEndpoint;
    }

    /** {@return its connection state} */
    public PrivateEndpointConnectionState state() {
      return state;
    }

    @Override
    public ReasonCode code() {
      if (state == PrivateEndpointConnectionState.UNKNOWN) {
        return ReasonCode.ENDPOINT_STATE_UNKNOWN;
      }
      return state == PrivateEndpointConnectionState.APPROVED ? ReasonCode.ENDPOINT_APPROVED : ReasonCode.ENDPOINT_NOT_APPROVED;
    }

    @Override
    public StepEffect effect() {
      if (state == PrivateEndpointConnectionState.UNKNOWN) {
        return StepEffect.UNKNOWN;
      }
      return state == PrivateEndpointConnectionState.APPROVED ? StepEffect.PASSED : StepEffect.BLOCKED;
    }

    @Override
    public String subject() {
      return privateEndpoint.toString();
    }

    @Override
    public String reason() {
      if (state == PrivateEndpointConnectionState.UNKNOWN) {
        return "The connection state of private endpoint " + privateEndpoint.name()
            + " is not known from the input: only an Approved endpoint carries traffic, and approval is automatic only for a requester with the server's approval permission.";
      }
      return state == PrivateEndpointConnectionState.APPROVED
          ? "Private endpoint " + privateEndpoint.name() + " is Approved."
          : "Private endpoint " + privateEndpoint.name() + " is " + state + ": only Approved endpoints carry traffic.";
    }
  }

  /**
   * The server's listener on the port was checked.
   *
   * @param server the server
   * @param port the port
   * @param open whether something listens there
   * @param why the explanation
   */
  record Port(ResourceId server, int port, boolean open, String why) implements ConnectStep {
    /** {@return the server} */
    public ResourceId server() {
      return server;
    }

    /** {@return the port} */
    public int port() {
      return port;
    }

    /** {@return whether something listens there} */
    public boolean open() {
      return open;
    }

    /** {@return the explanation} */
    public String why() {
      return why;
    }

    @Override
    public ReasonCode code() {
      return open ? ReasonCode.PORT_OPEN : ReasonCode.PORT_CLOSED;
    }

    @Override
    public StepEffect effect() {
      return open ? StepEffect.PASSED : StepEffect.BLOCKED;
    }

    @Override
    public String subject() {
      return server.toString();
    }

    @Override
    public String reason() {
      return why;
    }
  }

  /**
   * The TLS handshake (or its absence) was judged against the server's settings.
   *
   * @param server the server
   * @param code {@link ReasonCode#TLS_ACCEPTED}, {@link ReasonCode#TLS_REFUSED}, {@link
   *     ReasonCode#TLS_REQUIRED} or {@link ReasonCode#TLS_NOT_USED}
   * @param negotiated the version both sides agree on, when TLS is used and accepted
   * @param why the explanation
   */
  record Tls(ResourceId server, ReasonCode code, Optional<TlsVersion> negotiated, String why) implements ConnectStep {
    /** {@return the server} */
    public ResourceId server() {
      return server;
    }

    /**
     * {@return {@link ReasonCode#TLS_ACCEPTED}, {@link ReasonCode#TLS_REFUSED}, {@link ReasonCode#TLS_REQUIRED} or {@link ReasonCode#TLS_NOT_USED}}
     */
    public ReasonCode code() {
      return code;
    }

    /** {@return the version both sides agree on, when TLS is used and accepted} */
    public Optional<TlsVersion> negotiated() {
      return negotiated;
    }

    /** {@return the explanation} */
    public String why() {
      return why;
    }

    @Override
    public StepEffect effect() {
      return code == ReasonCode.TLS_ACCEPTED || code == ReasonCode.TLS_NOT_USED ? StepEffect.PASSED : StepEffect.BLOCKED;
    }

    @Override
    public String subject() {
      return server.toString();
    }

    @Override
    public String reason() {
      return why;
    }
  }

  /**
   * A fact the answer wants read, deciding nothing: authentication still applies; an address is
   * not guaranteed to stay the same.
   *
   * @param code {@link ReasonCode#AUTHENTICATION_REQUIRED} or {@link ReasonCode#ADDRESS_NOT_STATIC}
   * @param subject what the note is about
   * @param reason the sentence
   */
  record Note(ReasonCode code, String subject, String reason) implements ConnectStep {
    /** {@return {@link ReasonCode#AUTHENTICATION_REQUIRED} or {@link ReasonCode#ADDRESS_NOT_STATIC}} */
    public ReasonCode code() {
      return code;
    }

    /** {@return what the note is about} */
    public String subject() {
      return subject;
    }

    /** {@return the sentence} */
    public String reason() {
      return reason;
    }

    @Override
    public StepEffect effect() {
      return StepEffect.NOTE;
    }
  }

  /**
   * A decision that belongs to the connection as a whole: the host name names another server than
   * the one that answers, a public endpoint whose path cannot be decided, public access excluded by
   * private endpoints under the profile, a name that did not resolve.
   *
   * @param code the reason code
   * @param subject what was judged
   * @param reason the sentence
   * @param effect {@link StepEffect#BLOCKED} or {@link StepEffect#UNKNOWN}
   */
  record Decision(ReasonCode code, String subject, String reason, StepEffect effect) implements ConnectStep {
    /** {@return the reason code} */
    public ReasonCode code() {
      return code;
    }

    /** {@return what was judged} */
    public String subject() {
      return subject;
    }

    /** {@return the sentence} */
    public String reason() {
      return reason;
    }

    /** {@return {@link StepEffect#BLOCKED} or {@link StepEffect#UNKNOWN}} */
    public StepEffect effect() {
      return effect;
    }

    /**
     * Checks that the decision decides.
     *
     * @param code the reason code
     * @param subject what was judged
     * @param reason the sentence
     * @param effect {@link StepEffect#BLOCKED} or {@link StepEffect#UNKNOWN}
     * @throws IllegalArgumentException when the effect is neither BLOCKED nor UNKNOWN
     */
    public Decision {
      if (effect != StepEffect.BLOCKED && effect != StepEffect.UNKNOWN) {
        throw new IllegalArgumentException("a decision blocks or is unknown, not " + effect);
      }
    }
  }

  /**
   * A step of routing or filtering toward a public endpoint whose address is not known, told in
   * terms of that endpoint: the decision is the inner step's, the sentence names the endpoint
   * instead of the stand-in address pgreach routed with.
   *
   * @param inner the step as routing or filtering took it
   * @param server the server whose public endpoint is meant
   * @param standIn the stand-in address used for the decision
   */
  record TowardPublicEndpoint(Step inner, ResourceId server, Ipv4Address standIn) implements ConnectStep {
    /** {@return the step as routing or filtering took it} */
    public Step inner() {
      return inner;
    }

    /** {@return the server whose public endpoint is meant} */
    public ResourceId server() {
      return server;
    }

    /** {@return the stand-in address used for the decision} */
    public Ipv4Address standIn() {
      return standIn;
    }

    @Override
    public ReasonCode code() {
      return inner.code();
    }

    @Override
    public StepEffect effect() {
      return inner.effect();
    }

    @Override
    public String subject() {
      return inner.subject().replace(standIn.toString(), "public endpoint of " + server.name());
    }

    @Override
    public String reason() {
      if (inner instanceof FrontDoor) {
        return "The target is the public endpoint of server " + server.name() + "; its address is not known.";
      }
      return inner.reason().replace(standIn.toString(), "the public endpoint of " + server.name() + " (address not known)");
    }
  }
}
