package dev.pgreach.privatelink;

/** What answers at a destination address: the "front door" a connection knocks on. */
public enum FrontDoorKind {
  /** A VNet-integrated server's private address in its delegated subnet. */
  SERVER_PRIVATE_ADDRESS,
  /** A private endpoint of a server. */
  PRIVATE_ENDPOINT,
  /** A public-access server's public endpoint. */
  PUBLIC_ENDPOINT,
  /** Nothing the model knows listens at the address. */
  NOTHING
}
