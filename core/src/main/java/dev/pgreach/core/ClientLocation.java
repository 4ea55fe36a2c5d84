package dev.pgreach.core;

import java.util.Optional;

/**
 * Where a client sits, which decides how its traffic is routed and which source address a
 * destination sees.
 *
 * <ul>
 *   <li>{@link InVirtualNetwork}: a host in a subnet (a VM, an AKS node, a VNet-integrated app),
 *       with a private address and, optionally, the public address its internet-bound traffic
 *       leaves from;
 *   <li>{@link OnPremises}: a host on an on-premises network connected by VPN or ExpressRoute;
 *   <li>{@link Internet}: a host on the internet, outside Azure;
 *   <li>{@link AzureHosted}: an Azure service of any tenant that is not in a virtual network (an
 *       App Service without VNet integration, another customer's VM), seen from outside with an
 *       Azure-allocated public address.
 * </ul>
 */
public sealed interface ClientLocation {
  /**
   * Returns the address the client's packets carry when they leave it.
   *
   * @return the client's own address
   */
  Ipv4Address address();

  /**
   * A host in a subnet of a virtual network.
   *
   * @param subnet the subnet's id
   * @param address the host's private address in that subnet
   * @param outboundPublicAddress the public address its internet-bound traffic leaves from (a
   *     public IP, a NAT gateway), or empty when not known; it is Azure-allocated either way
   * @param networkInterface the host's network interface, when modelled (its NSG then applies)
   */
  record InVirtualNetwork(
      ResourceId subnet,
      Ipv4Address address,
      Optional<Ipv4Address> outboundPublicAddress,
      Optional<ResourceId> networkInterface)
      implements ClientLocation {
    /** {@return the subnet's id} */
    public ResourceId subnet() {
      return subnet;
    }

    /** {@return the host's private address in that subnet} */
    public Ipv4Address address() {
      return address;
    }

    /**
     * {@return the public address its internet-bound traffic leaves from (a public IP, a NAT gateway), or empty when not known; it is Azure-allocated either way}
     */
    public Optional<Ipv4Address> outboundPublicAddress() {
      return outboundPublicAddress;
    }

    /** {@return the host's network interface, when modelled (its NSG then applies)} */
    public Optional<ResourceId> networkInterface() {
      return networkInterface;
    }

    /**
     * Checks the components.
     *
     * @param subnet the subnet's id
     * @param address the host's private address in that subnet
     * @param outboundPublicAddress the public address its internet-bound traffic leaves from (a public IP, a NAT gateway), or empty when not known; it is Azure-allocated either way
     * @param networkInterface the host's network interface, when modelled (its NSG then applies)
     * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null component, {@link
     *     ErrorCode#WRONG_RESOURCE_TYPE} for ids of the wrong type
     */
    public InVirtualNetwork {
      Checks.notNull(subnet, "ClientLocation.InVirtualNetwork.subnet");
      Checks.notNull(address, "ClientLocation.InVirtualNetwork.address");
      Checks.notNull(outboundPublicAddress, "ClientLocation.InVirtualNetwork.outboundPublicAddress");
      Checks.notNull(networkInterface, "ClientLocation.InVirtualNetwork.networkInterface");
      subnet.requireType(Subnet.RESOURCE_TYPE, "ClientLocation.InVirtualNetwork.subnet");
      Checks.publicAddress(outboundPublicAddress, "ClientLocation.InVirtualNetwork.outboundPublicAddress");
      networkInterface.ifPresent(
          n -> n.requireType(NetworkInterface.RESOURCE_TYPE, "ClientLocation.InVirtualNetwork.networkInterface"));
    }

    /**
     * Returns a host in a subnet with no known outbound public address and no modelled interface.
     *
     * @param subnet the subnet's id
     * @param address the private address
     * @return the location
     */
    public static InVirtualNetwork of(ResourceId subnet, Ipv4Address address) {
      return new InVirtualNetwork(subnet, address, Optional.empty(), Optional.empty());
    }
  }

  /**
   * A host on an on-premises network.
   *
   * @param network the on-premises network's id
   * @param address the host's address on that network
   * @param outboundPublicAddress the public address its internet-bound traffic leaves from, or
   *     empty when not known
   */
  record OnPremises(ResourceId network, Ipv4Address address, Optional<Ipv4Address> outboundPublicAddress)
      implements ClientLocation {
    /** {@return the on-premises network's id} */
    public ResourceId network() {
      return network;
    }

    /** {@return the host's address on that network} */
    public Ipv4Address address() {
      return address;
    }

    /** {@return the public address its internet-bound traffic leaves from, or empty when not known} */
    public Optional<Ipv4Address> outboundPublicAddress() {
      return outboundPublicAddress;
    }

    /**
     * Checks the components.
     *
     * @param network the on-premises network's id
     * @param address the host's address on that network
     * @param outboundPublicAddress the public address its internet-bound traffic leaves from, or empty when not known
     * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null component, {@link
     *     ErrorCode#WRONG_RESOURCE_TYPE} for an id of the wrong type
     */
    public OnPremises {
      Checks.notNull(network, "ClientLocation.OnPremises.network");
      Checks.notNull(address, "ClientLocation.OnPremises.address");
      Checks.notNull(outboundPublicAddress, "ClientLocation.OnPremises.outboundPublicAddress");
      network.requireType(OnPremisesNetwork.RESOURCE_TYPE, "ClientLocation.OnPremises.network");
      Checks.publicAddress(outboundPublicAddress, "ClientLocation.OnPremises.outboundPublicAddress");
    }

    /**
     * Returns an on-premises host with no known public address.
     *
     * @param network the network's id
     * @param address the host's address
     * @return the location
     */
    public static OnPremises of(ResourceId network, Ipv4Address address) {
      return new OnPremises(network, address, Optional.empty());
    }
  }

  /**
   * A host on the internet, outside Azure.
   *
   * @param address its public address
   */
  record Internet(Ipv4Address address) implements ClientLocation {
    /** {@return its public address} */
    public Ipv4Address address() {
      return address;
    }

    /**
     * Checks the component.
     *
     * @param address its public address
     * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null address, {@link
     *     ErrorCode#INVALID_VALUE} for an address an internet host cannot have (see {@link
     *     Ipv4Address#isPublic()})
     */
    public Internet {
      Checks.notNull(address, "ClientLocation.Internet.address");
      Checks.publicAddress(java.util.Optional.of(address), "ClientLocation.Internet.address");
    }
  }

  /**
   * An Azure-hosted service outside any virtual network, of any tenant.
   *
   * @param address its Azure-allocated public address
   * @param tenant the Microsoft Entra tenant that owns it (informational; the 0.0.0.0 firewall rule
   *     admits every tenant)
   */
  record AzureHosted(Ipv4Address address, String tenant) implements ClientLocation {
    /** {@return its Azure-allocated public address} */
    public Ipv4Address address() {
      return address;
    }

    /** {@return the Microsoft Entra tenant that owns it (informational; the 0.0.0.0 firewall rule admits every tenant)} */
    public String tenant() {
      return tenant;
    }

    /**
     * Checks the components.
     *
     * @param address its Azure-allocated public address
     * @param tenant the Microsoft Entra tenant that owns it (informational; the 0.0.0.0 firewall rule admits every tenant)
     * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null component, {@link
     *     ErrorCode#INVALID_VALUE} for an address that is not public
     */
    public AzureHosted {
      Checks.notNull(address, "ClientLocation.AzureHosted.address");
      Checks.notNull(tenant, "ClientLocation.AzureHosted.tenant");
      Checks.publicAddress(java.util.Optional.of(address), "ClientLocation.AzureHosted.address");
    }
  }
}
