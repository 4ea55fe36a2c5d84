package dev.pgreach.core;

/** How a flexible server is networked, chosen at creation and never changed afterwards. */
public enum NetworkingMode {
  /** Private access: the server is injected into a delegated subnet and has no public endpoint. */
  PRIVATE_ACCESS,
  /** Public access: a public endpoint guarded by firewall rules, and (under {@code current}) private endpoints. */
  PUBLIC_ACCESS,
  /**
   * The input does not show which (a server listed with {@code properties: null}, or whose
   * delegated subnet a template takes from {@code reference()}): every answer that depends on it
   * is indeterminate.
   */
  UNKNOWN
}
