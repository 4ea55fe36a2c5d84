package dev.pgreach.privatelink.arm;

import dev.pgreach.core.CreateMode;
import dev.pgreach.core.GatewayConnection;
import dev.pgreach.core.HighAvailabilityMode;
import dev.pgreach.core.NextHopType;
import dev.pgreach.core.PrivateEndpointNetworkPolicies;
import dev.pgreach.core.PublicNetworkAccess;
import dev.pgreach.core.ReplicationRole;
import dev.pgreach.core.ServerTier;
import dev.pgreach.core.VirtualNetworkGateway;
import dev.pgreach.dns.ResolutionPolicy;
import dev.pgreach.privatelink.PrivateEndpointConnectionState;

/**
 * How Azure Resource Manager spells the values pgreach models, for reading ({@link
 * Node#choice}) and for writing ({@link ArmExport}) alike, so that the two cannot disagree.
 */
final class ArmNames {
  private ArmNames() {}

  static String nextHop(NextHopType t) {
    switch (t) {
      case VNET_LOCAL:
        return "VnetLocal";
      case VNET_PEERING:
        return "VNetPeering";
      case VIRTUAL_NETWORK_GATEWAY:
        return "VirtualNetworkGateway";
      case INTERNET:
        return "Internet";
      case VIRTUAL_APPLIANCE:
        return "VirtualAppliance";
      default:
        return "None";
    }
  }

  static String policy(PrivateEndpointNetworkPolicies p) {
    switch (p) {
      case ENABLED:
        return "Enabled";
      case NETWORK_SECURITY_GROUP_ENABLED:
        return "NetworkSecurityGroupEnabled";
      case ROUTE_TABLE_ENABLED:
        return "RouteTableEnabled";
      default:
        return "Disabled";
    }
  }

  static String gatewayType(VirtualNetworkGateway.GatewayType t) {
    return t == VirtualNetworkGateway.GatewayType.VPN ? "Vpn" : "ExpressRoute";
  }

  static String connectionType(GatewayConnection.ConnectionType t) {
    switch (t) {
      case IPSEC:
        return "IPsec";
      case EXPRESS_ROUTE:
        return "ExpressRoute";
      default:
        return "Vnet2Vnet";
    }
  }

  static String tier(ServerTier t) {
    switch (t) {
      case BURSTABLE:
        return "Burstable";
      case MEMORY_OPTIMIZED:
        return "MemoryOptimized";
      default:
        return "GeneralPurpose";
    }
  }

  static String highAvailability(HighAvailabilityMode m) {
    switch (m) {
      case SAME_ZONE:
        return "SameZone";
      case ZONE_REDUNDANT:
        return "ZoneRedundant";
      default:
        return "Disabled";
    }
  }

  static String access(PublicNetworkAccess a) {
    return a == PublicNetworkAccess.ENABLED ? "Enabled" : "Disabled";
  }

  static String role(ReplicationRole r) {
    switch (r) {
      case PRIMARY:
        return "Primary";
      case ASYNC_REPLICA:
        return "AsyncReplica";
      case GEO_ASYNC_REPLICA:
        return "GeoAsyncReplica";
      default:
        return "None";
    }
  }

  static String createMode(CreateMode m) {
    switch (m) {
      case POINT_IN_TIME_RESTORE:
        return "PointInTimeRestore";
      case GEO_RESTORE:
        return "GeoRestore";
      case REPLICA:
        return "Replica";
      case REVIVE_DROPPED:
        return "ReviveDropped";
      default:
        return "Default";
    }
  }

  static String resolutionPolicy(ResolutionPolicy p) {
    return p == ResolutionPolicy.NX_DOMAIN_REDIRECT ? "NxDomainRedirect" : "Default";
  }

  /** The status ARM writes; {@link PrivateEndpointConnectionState#UNKNOWN} has no ARM spelling and reads as none. */
  static String state(PrivateEndpointConnectionState s) {
    switch (s) {
      case PENDING:
        return "Pending";
      case REJECTED:
        return "Rejected";
      case DISCONNECTED:
        return "Disconnected";
      case UNKNOWN:
        return "(unknown)";
      default:
        return "Approved";
    }
  }
}
