package dev.pgreach.privatelink;

/**
 * The state of a private endpoint's connection to its server
 * ({@code privateLinkServiceConnectionState.status}). Only {@link #APPROVED} carries traffic.
 */
public enum PrivateEndpointConnectionState {
  /** The server's owner approved the connection (or it was approved automatically); traffic flows. */
  APPROVED,
  /** Created by someone without approval rights; waits for the server's owner. No traffic. */
  PENDING,
  /** The server's owner rejected the connection. No traffic. */
  REJECTED,
  /** The server's owner removed the connection; the endpoint is informative only and should be deleted. No traffic. */
  DISCONNECTED,
  /**
   * The input does not say: a template or plan before deployment (approval is automatic only when
   * whoever creates the endpoint holds the server's approval permission), or an export without the
   * status. Traffic may or may not flow: answers that depend on it are indeterminate.
   */
  UNKNOWN
}
