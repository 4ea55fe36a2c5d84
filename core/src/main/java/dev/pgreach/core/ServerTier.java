package dev.pgreach.core;

/** A flexible server's compute tier ({@code sku.tier}). */
public enum ServerTier {
  /** Burstable: no built-in PgBouncer. */
  BURSTABLE,
  /** General purpose. */
  GENERAL_PURPOSE,
  /** Memory optimized. */
  MEMORY_OPTIMIZED
}
