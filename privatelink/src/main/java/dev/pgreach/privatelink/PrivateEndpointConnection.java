package dev.pgreach.privatelink;

import dev.pgreach.core.ResourceId;

/**
 * A private endpoint connection as its server lists it ({@code properties.privateEndpointConnections}
 * of a flexible server): which endpoint, and in what state.
 *
 * <p>A server's own list names every endpoint connected to it, including endpoints the input does
 * not hold (in another subscription or tenant): an Approved connection to such an endpoint is a
 * way in whose address and network are not known, so answers about who can reach the server
 * through it are indeterminate, never "unreachable".
 *
 * @param server the server's id
 * @param privateEndpoint the endpoint's id, as the server lists it
 * @param state the connection's state as the server lists it
 */
public record PrivateEndpointConnection(ResourceId server, ResourceId privateEndpoint, PrivateEndpointConnectionState state) {
  /** {@return the server's id} */
  public ResourceId server() {
    return server;
  }

  /** {@return the endpoint's id, as the server lists it} */
  public ResourceId privateEndpoint() {
    return privateEndpoint;
  }

  /** {@return the connection's state as the server lists it} */
  public PrivateEndpointConnectionState state() {
    return state;
  }

  /**
   * Checks the components.
   *
   * @param server the server's id
   * @param privateEndpoint the endpoint's id, as the server lists it
   * @param state the connection's state as the server lists it
   * @throws dev.pgreach.core.PgreachException {@link dev.pgreach.core.ErrorCode#MISSING_ATTRIBUTE}
   *     for a null component, {@link dev.pgreach.core.ErrorCode#WRONG_RESOURCE_TYPE} for ids of
   *     another type
   */
  public PrivateEndpointConnection {
    Checks.notNull(server, "PrivateEndpointConnection.server");
    Checks.notNull(privateEndpoint, "PrivateEndpointConnection.privateEndpoint");
    Checks.notNull(state, "PrivateEndpointConnection.state");
    server.requireType(dev.pgreach.core.FlexibleServer.RESOURCE_TYPE, "PrivateEndpointConnection.server");
    privateEndpoint.requireType(PrivateEndpoint.RESOURCE_TYPE, "PrivateEndpointConnection.privateEndpoint");
  }
}
