package dev.pgreach.firewall;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.PgreachException;
import java.util.OptionalInt;

/**
 * The first packet of a connection, as network security groups see it: source and destination
 * addresses, protocol, destination port and, when known, source port.
 *
 * <p>Clients pick their source port, so it is usually unknown: a rule that restricts source
 * ports then may or may not match, and pgreach fails closed. For protocols without ports (ICMP,
 * ESP, AH) the ports are ignored.
 *
 * <pre>{@code
 * Flow f = Flow.tcp(Ipv4Address.parse("10.1.0.4"), Ipv4Address.parse("10.0.1.4"), 5432);
 * }</pre>
 *
 * @param source the source address (after any NAT that happens before the filter)
 * @param destination the destination address
 * @param protocol the protocol; never {@link SecurityRuleProtocol#ANY}
 * @param destinationPort the destination port, 0 to 65535 (0 for protocols without ports)
 * @param sourcePort the source port, when known
 */
public record Flow(
    Ipv4Address source,
    Ipv4Address destination,
    SecurityRuleProtocol protocol,
    int destinationPort,
    OptionalInt sourcePort) {
  /** {@return the source address (after any NAT that happens before the filter)} */
  public Ipv4Address source() {
    return source;
  }

  /** {@return the destination address} */
  public Ipv4Address destination() {
    return destination;
  }

  /** {@return the protocol; never {@link SecurityRuleProtocol#ANY}} */
  public SecurityRuleProtocol protocol() {
    return protocol;
  }

  /** {@return the destination port, 0 to 65535 (0 for protocols without ports)} */
  public int destinationPort() {
    return destinationPort;
  }

  /** {@return the source port, when known} */
  public OptionalInt sourcePort() {
    return sourcePort;
  }

  /**
   * Checks the components.
   *
   * @param source the source address (after any NAT that happens before the filter)
   * @param destination the destination address
   * @param protocol the protocol; never {@link SecurityRuleProtocol#ANY}
   * @param destinationPort the destination port, 0 to 65535 (0 for protocols without ports)
   * @param sourcePort the source port, when known
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null component, {@link
   *     ErrorCode#INVALID_VALUE} for the protocol {@code *}, {@link ErrorCode#INVALID_PORT_RANGE}
   *     for a port outside 0–65535
   */
  public Flow {
    Names.notNull(source, "Flow.source");
    Names.notNull(destination, "Flow.destination");
    Names.notNull(protocol, "Flow.protocol");
    Names.notNull(sourcePort, "Flow.sourcePort");
    if (protocol == SecurityRuleProtocol.ANY) {
      throw PgreachException.of(ErrorCode.INVALID_VALUE, "Flow.protocol (*) must be one protocol, such as Tcp");
    }
    checkPort("destinationPort", destinationPort);
    if (sourcePort.isPresent()) {
      checkPort("sourcePort", sourcePort.getAsInt());
    }
  }

  private static void checkPort(String field, int port) {
    if (port < 0 || port > PortRange.MAX_PORT) {
      throw PgreachException.of(ErrorCode.INVALID_PORT_RANGE, "Flow.%s (%d) must be between 0 and 65535", field, port);
    }
  }

  /**
   * Returns a TCP connection attempt with an unknown source port.
   *
   * @param source the source address
   * @param destination the destination address
   * @param port the destination port
   * @return the flow
   * @throws PgreachException {@link ErrorCode#INVALID_PORT_RANGE} for a port outside 0–65535
   */
  public static Flow tcp(Ipv4Address source, Ipv4Address destination, int port) {
    return new Flow(source, destination, SecurityRuleProtocol.TCP, port, OptionalInt.empty());
  }

  /**
   * Returns a PostgreSQL connection attempt: TCP to port 5432.
   *
   * @param source the source address
   * @param destination the destination address
   * @return the flow
   */
  public static Flow postgres(Ipv4Address source, Ipv4Address destination) {
    return tcp(source, destination, FlexibleServer.POSTGRES_PORT);
  }

  /** Returns {@code Tcp 10.1.0.4 -> 10.0.1.4:5432}. */
  @Override
  public String toString() {
    return protocol.azureName()
        + " "
        + source
        + (sourcePort.isPresent() ? ":" + sourcePort.getAsInt() : "")
        + " -> "
        + destination
        + (protocol.hasPorts() ? ":" + destinationPort : "");
  }
}
