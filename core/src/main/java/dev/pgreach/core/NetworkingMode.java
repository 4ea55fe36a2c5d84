package dev.pgreach.core;

/** How a flexible server is networked, chosen at creation and never changed afterwards. */
public enum NetworkingMode {
  /** Private access: the server is injected into a delegated subnet and has no public endpoint. */
  PRIVATE_ACCESS,
  /** Public access: a public endpoint guarded by firewall rules, and (under {@code current}) private endpoints. */
  PUBLIC_ACCESS
}
