package dev.pgreach.privatelink.arm.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Where a template deploys: its tenant, management group, subscription and resource group (as far
 * as they are given), the resource group's location, the deployment's name (text, or unknown when
 * not given) and the cloud's {@code environment()} (unknown when not given).
 */
record Target(
    Optional<String> tenantId,
    Optional<String> managementGroup,
    Optional<String> subscriptionId,
    Optional<String> resourceGroup,
    Optional<String> location,
    JsonNode deploymentName,
    Optional<JsonNode> environment,
    Optional<String> unknownScope) {

  /** A target whose scope is all known. */
  Target(Optional<String> tenantId, Optional<String> managementGroup, Optional<String> subscriptionId, Optional<String> resourceGroup, Optional<String> location,
      JsonNode deploymentName, Optional<JsonNode> environment) {
    this(tenantId, managementGroup, subscriptionId, resourceGroup, location, deploymentName, environment, Optional.empty());
  }

  /** This target with another resource group (empty for a subscription-level deployment). */
  Target inResourceGroup(Optional<String> subscription, Optional<String> group, Optional<String> groupLocation, JsonNode name) {
    return new Target(tenantId, managementGroup, subscription, group, groupLocation, name, environment, unknownScope);
  }

  /** This target with a subscription or resource group known only at deployment. */
  Target withUnknownScope(String why) {
    return new Target(tenantId, managementGroup, subscriptionId, resourceGroup, Optional.empty(), deploymentName, environment, Optional.of(why));
  }
}
