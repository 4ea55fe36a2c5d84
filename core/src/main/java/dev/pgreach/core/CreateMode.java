package dev.pgreach.core;

/** How a flexible server was created ({@code createMode}). */
public enum CreateMode {
  /** A new server. */
  DEFAULT,
  /** Restored from a backup to a point in time. */
  POINT_IN_TIME_RESTORE,
  /** Restored from a geo-redundant backup in another region. */
  GEO_RESTORE,
  /** Created as a read replica. */
  REPLICA,
  /** Revived from a dropped server's backup. */
  REVIVE_DROPPED
}
