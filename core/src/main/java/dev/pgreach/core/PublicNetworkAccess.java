package dev.pgreach.core;

/** A server's {@code network.publicNetworkAccess} setting. */
public enum PublicNetworkAccess {
  /** The public endpoint admits what the firewall rules allow. */
  ENABLED,
  /** The public endpoint admits nothing; firewall rules are kept but not enforced; only private endpoints carry traffic. */
  DISABLED
}
