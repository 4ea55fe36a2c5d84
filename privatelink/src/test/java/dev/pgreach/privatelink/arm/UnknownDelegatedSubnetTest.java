package dev.pgreach.privatelink.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.Disposition;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.privatelink.Connection;
import dev.pgreach.privatelink.Connectivity;
import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.arm.template.Deployment;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A server in a subnet known only at deployment may be in any network: "nothing there" is not known. */
class UnknownDelegatedSubnetTest {
  private static final String TEMPLATE =
      "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\", \"contentVersion\": \"1.0.0.0\","
          + " \"resources\": ["
          + " {\"type\": \"Microsoft.Network/virtualNetworks\", \"apiVersion\": \"2024-05-01\", \"name\": \"hub\", \"location\": \"westeurope\","
          + "  \"properties\": {\"addressSpace\": {\"addressPrefixes\": [\"10.0.0.0/16\"]}, \"subnets\": [{\"name\": \"app\", \"properties\": {\"addressPrefix\": \"10.0.0.0/24\"}}]}},"
          + " {\"type\": \"Microsoft.DBforPostgreSQL/flexibleServers\", \"apiVersion\": \"2024-08-01\", \"name\": \"orders-db\", \"location\": \"westeurope\","
          + "  \"sku\": {\"name\": \"Standard_D2ds_v5\", \"tier\": \"GeneralPurpose\"},"
          + "  \"properties\": {\"version\": \"16\", \"network\": {\"delegatedSubnetResourceId\": \"[reference('networkModule').outputs.subnetId.value]\"}}}"
          + " ]}";

  @Test
  void anAddressWhereNothingIsKnown_isUndecided_whileAServersSubnetIsKnownOnlyAtDeployment() {
    Companion companion = Companion.parse("{\"complete\": true, \"clients\": [{\"name\": \"vm\", \"location\": {\"subnet\": \"hub/app\", \"address\": \"10.0.0.5\"}}]}");
    ArmImport read = ArmImport.read(TEMPLATE, companion, Deployment.builder().location("westeurope").build());
    Estate estate = read.estate();
    FlexibleServer server = estate.network().flexibleServers().get(0);
    assertTrue(estate.coverage().standIns().contains(server.delegatedSubnet().orElseThrow()), estate.coverage()::toString);

    Connection c = Connectivity.of(estate).connect(estate.client("vm"), "10.0.200.4", 5432, Instant.parse("2026-11-24T12:00:00Z"));
    assertEquals(Disposition.INDETERMINATE, c.disposition(), c::explanation);
    assertTrue(c.explanation().contains("subnet whose id is not known"), c::explanation);
  }
}
