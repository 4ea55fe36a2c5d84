package dev.pgreach.privatelink.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.Inventory;
import dev.pgreach.core.ResourceId;
import dev.pgreach.dns.DnsName;
import dev.pgreach.dns.Resolution;
import dev.pgreach.dns.ResolutionDisposition;
import dev.pgreach.privatelink.Connectivity;
import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.arm.template.Deployment;
import org.junit.jupiter.api.Test;

/** A zone link whose network is known only at deployment may link any network. */
class UnknownZoneLinkTest {
  private static final String TEMPLATE =
      "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\", \"contentVersion\": \"1.0.0.0\","
          + " \"resources\": ["
          + " {\"type\": \"Microsoft.Network/virtualNetworks\", \"apiVersion\": \"2024-05-01\", \"name\": \"hub\", \"location\": \"westeurope\","
          + "  \"properties\": {\"addressSpace\": {\"addressPrefixes\": [\"10.0.0.0/16\"]}, \"subnets\": [{\"name\": \"app\", \"properties\": {\"addressPrefix\": \"10.0.0.0/24\"}}]}},"
          + " {\"type\": \"Microsoft.Network/privateDnsZones\", \"apiVersion\": \"2024-06-01\", \"name\": \"privatelink.postgres.database.azure.com\", \"location\": \"global\"},"
          + " {\"type\": \"Microsoft.Network/privateDnsZones/virtualNetworkLinks\", \"apiVersion\": \"2024-06-01\","
          + "  \"name\": \"privatelink.postgres.database.azure.com/link\", \"location\": \"global\","
          + "  \"properties\": {\"registrationEnabled\": false, \"virtualNetwork\": {\"id\": \"[reference('networkModule').outputs.id.value]\"}}}"
          + " ]}";

  @Test
  void aLinkToANetworkKnownOnlyAtDeployment_leavesEveryNetworksLinkedZonesUnknown_evenInAWholeInput() {
    Companion companion = Companion.parse("{\"complete\": true, \"clients\": [{\"name\": \"vm\", \"location\": {\"subnet\": \"hub/app\", \"address\": \"10.0.0.5\"}}]}");
    ArmImport read = ArmImport.read(TEMPLATE, companion, Deployment.builder().location("westeurope").build());
    Estate estate = read.estate();
    ResourceId hub = estate.network().virtualNetworks().get(0).id();

    assertTrue(!estate.coverage().isComplete(Inventory.LINKED_PRIVATE_DNS_ZONES, hub), () -> read.notes() + " " + estate.coverage());
    Resolution r = Connectivity.of(estate).resolve(estate.client("vm"), DnsName.parse("orders-db.privatelink.postgres.database.azure.com"));
    assertEquals(ResolutionDisposition.UNKNOWN, r.disposition(), r::toString);
  }
}
