package dev.pgreach.dns;

/**
 * What Azure DNS does when a name falls in a linked private zone that has no record for it: a
 * virtual network link's {@code resolutionPolicy} (private DNS API version 2024-06-01).
 */
public enum ResolutionPolicy {
  /** The zone's answer is final: a name without a record is NXDOMAIN, with no public retry. */
  DEFAULT,
  /**
   * "Enable fallback to internet": an NXDOMAIN from the zone is retried through public DNS. Azure
   * honours it only on links to Private Link zones ({@code privatelink.*}) and only under a
   * service profile that has the feature; elsewhere it is ignored (and validation says so).
   */
  NX_DOMAIN_REDIRECT
}
