package dev.pgreach.core;

/**
 * A network a packet can be in: a virtual network, an on-premises network, or the internet (which
 * here includes the public side of the Azure backbone, where public endpoints live).
 */
public sealed interface Place {
  /** The internet. */
  Place INTERNET = new Internet();

  /**
   * A virtual network.
   *
   * @param virtualNetwork the network's id
   */
  record Vnet(ResourceId virtualNetwork) implements Place {
    /** {@return the network's id} */
    public ResourceId virtualNetwork() {
      return virtualNetwork;
    }

    /**
     * Checks the component.
     *
     * @param virtualNetwork the network's id
     * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null id
     */
    public Vnet {
      Checks.notNull(virtualNetwork, "Place.Vnet.virtualNetwork");
    }

    @Override
    public String toString() {
      return "virtual network " + virtualNetwork.name();
    }
  }

  /**
   * An on-premises network.
   *
   * @param network the network's id
   */
  record OnPremises(ResourceId network) implements Place {
    /** {@return the network's id} */
    public ResourceId network() {
      return network;
    }

    /**
     * Checks the component.
     *
     * @param network the network's id
     * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null id
     */
    public OnPremises {
      Checks.notNull(network, "Place.OnPremises.network");
    }

    @Override
    public String toString() {
      return "on-premises network " + network.name();
    }
  }

  /** The internet; use {@link Place#INTERNET}. */
  record Internet() implements Place {
    @Override
    public String toString() {
      return "the internet";
    }
  }
}
