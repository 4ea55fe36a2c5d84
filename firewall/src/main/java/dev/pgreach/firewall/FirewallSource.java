package dev.pgreach.firewall;

import dev.pgreach.core.Arrival;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.PgreachException;
import java.util.Optional;

/**
 * The source of a connection as a server's public endpoint sees it: the address, when known, and
 * whether it is allocated by Azure.
 *
 * <p>pgreach does not know Azure's address plan: the caller says whether a source is
 * Azure-allocated (traffic leaving a virtual network or an Azure-hosted service is; {@link
 * Arrival#sourceAzureAllocated()} carries that), and may also give {@link PublicAccess} the
 * ranges it loaded from Azure's published service-tag files.
 *
 * <pre>{@code
 * FirewallSource.of(Ipv4Address.parse("198.51.100.7"));        // an internet host
 * FirewallSource.azure(Ipv4Address.parse("20.50.2.9"));        // an Azure-hosted service
 * FirewallSource.unknown(true);                                 // a VM whose public address is not modelled
 * }</pre>
 *
 * @param address the source address, or empty when it is not known
 * @param azureAllocated whether the address is allocated by Azure (to any tenant)
 */
public record FirewallSource(Optional<Ipv4Address> address, boolean azureAllocated) {
  /** {@return the source address, or empty when it is not known} */
  public Optional<Ipv4Address> address() {
    return address;
  }

  /** {@return whether the address is allocated by Azure (to any tenant)} */
  public boolean azureAllocated() {
    return azureAllocated;
  }

  /**
   * Checks the components.
   *
   * @param address the source address, or empty when it is not known
   * @param azureAllocated whether the address is allocated by Azure (to any tenant)
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null address
   */
  public FirewallSource {
    Names.notNull(address, "FirewallSource.address");
  }

  /**
   * Returns a known address that the caller does not know to be Azure-allocated.
   *
   * @param address the address
   * @return the source
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null address
   */
  public static FirewallSource of(Ipv4Address address) {
    return new FirewallSource(Optional.of(Names.notNull(address, "FirewallSource.address")), false);
  }

  /**
   * Returns a known Azure-allocated address.
   *
   * @param address the address
   * @return the source
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null address
   */
  public static FirewallSource azure(Ipv4Address address) {
    return new FirewallSource(Optional.of(Names.notNull(address, "FirewallSource.address")), true);
  }

  /**
   * Returns a source whose address is not known.
   *
   * @param azureAllocated whether it is known to be Azure-allocated
   * @return the source
   */
  public static FirewallSource unknown(boolean azureAllocated) {
    return new FirewallSource(Optional.empty(), azureAllocated);
  }

  /**
   * Returns the source a routed packet shows at its destination.
   *
   * @param arrival where the packet arrived
   * @return its source address and whether it is Azure-allocated
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null arrival
   */
  public static FirewallSource from(Arrival arrival) {
    Names.notNull(arrival, "FirewallSource.arrival");
    return new FirewallSource(arrival.sourceAddress(), arrival.sourceAzureAllocated());
  }

  /** Returns the address, or {@code unknown address}, with {@code (Azure)} when Azure-allocated. */
  @Override
  public String toString() {
    return address.map(Object::toString).orElse("unknown address") + (azureAllocated ? " (Azure)" : "");
  }
}
