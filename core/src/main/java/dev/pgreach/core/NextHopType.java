package dev.pgreach.core;

/** Where a route sends matching traffic, in Azure's route vocabulary. */
public enum NextHopType {
  /** Within the virtual network's own address space ({@code VnetLocal}). */
  VNET_LOCAL,
  /** Into a peered virtual network ({@code VNetPeering}); system routes only. */
  VNET_PEERING,
  /** To the virtual network gateway ({@code VirtualNetworkGateway}). */
  VIRTUAL_NETWORK_GATEWAY,
  /** To the internet or the Azure backbone with a public source address ({@code Internet}). */
  INTERNET,
  /** To a network virtual appliance at an address ({@code VirtualAppliance}). */
  VIRTUAL_APPLIANCE,
  /** Dropped ({@code None}). */
  NONE
}
