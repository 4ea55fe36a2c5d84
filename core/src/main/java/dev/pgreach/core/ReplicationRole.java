package dev.pgreach.core;

/** A flexible server's {@code replicationRole}. */
public enum ReplicationRole {
  /** Neither a primary with replicas nor a replica. */
  NONE,
  /** A primary that has read replicas. */
  PRIMARY,
  /** A read replica in the primary's region. */
  ASYNC_REPLICA,
  /** A read replica in another region. */
  GEO_ASYNC_REPLICA;

  /**
   * Tells whether the server takes part in replication.
   *
   * @return whether the role is not {@link #NONE}
   */
  public boolean isReplicating() {
    return this != NONE;
  }
}
