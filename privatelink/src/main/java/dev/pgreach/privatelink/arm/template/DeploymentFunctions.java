package dev.pgreach.privatelink.arm.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * Deployment and scope functions: {@code parameters}, {@code variables}, {@code copyIndex}, {@code
 * deployment}, {@code environment}, {@code subscription}, {@code resourceGroup}, {@code tenant} and
 * {@code managementGroup}. What the deployment does not give is unknown: the resource group's
 * location without {@code location}, the tenant without {@code tenantId}, the deployment's name
 * without {@code name}, the cloud without {@code cloud}; members Azure adds when deploying
 * (display names, tags, provisioning state) are unknown too.
 */
final class DeploymentFunctions {
  private DeploymentFunctions() {}

  static void register() {
    Functions.define("parameters", (ev, call, scope) -> {
      List<JsonNode> a = Functions.arguments(ev, call, scope, 1, 1);
      return scope.template().parameter(Functions.string(call.name(), a, 0), scope);
    });
    Functions.define("variables", (ev, call, scope) -> {
      List<JsonNode> a = Functions.arguments(ev, call, scope, 1, 1);
      return scope.template().variable(Functions.string(call.name(), a, 0), scope);
    });
    Functions.define("copyIndex", (ev, call, scope) -> {
      List<JsonNode> a = Functions.arguments(ev, call, scope, 0, 2);
      Optional<String> loop = Optional.empty();
      long offset = 0;
      if (a.size() == 2) {
        loop = Optional.of(Functions.string(call.name(), a, 0));
        offset = Functions.integer(call.name(), a, 1);
      } else if (a.size() == 1 && a.get(0).isTextual()) {
        loop = Optional.of(a.get(0).textValue());
      } else if (a.size() == 1) {
        offset = Functions.integer(call.name(), a, 0);
      }
      Optional<String> named = loop;
      int i = scope.copyIndex(loop).orElseThrow(() -> new TemplateError(
          named.map(n -> "copyIndex names loop '" + n + "', which the value is not inside of").orElse("copyIndex() is used outside a copy loop")));
      return LongNode.valueOf(i + offset);
    });
    Functions.define("deployment", (ev, call, scope) -> {
      Functions.count(call, 0, 0);
      Target t = scope.template().target;
      ObjectNode d = Values.object();
      d.set("name", t.deploymentName());
      ObjectNode properties = d.putObject("properties");
      ObjectNode template = properties.putObject("template");
      JsonNode contentVersion = Values.member(scope.template().template, "contentVersion");
      template.set("contentVersion", contentVersion == null ? Values.unknown("the template's contentVersion is not written") : contentVersion);
      ev.open(template);
      ev.open(properties);
      t.location().ifPresent(l -> d.put("location", l));
      return ev.open(d);
    });
    Functions.define("environment", (ev, call, scope) -> {
      Functions.count(call, 0, 0);
      return scope.template().target.environment().map(ev::open)
          .orElseGet(() -> Values.unknown("environment() is the cloud deployed to, which the deployment does not name (give the cloud)"));
    });
    Functions.define("subscription", (ev, call, scope) -> {
      Functions.count(call, 0, 0);
      Target t = scope.template().target;
      if (t.unknownScope().isPresent()) {
        return Values.unknown(t.unknownScope().get());
      }
      if (t.subscriptionId().isEmpty()) {
        return Values.unknown("subscription() of a deployment that is not in a subscription");
      }
      ObjectNode s = Values.object();
      s.put("id", "/subscriptions/" + t.subscriptionId().get());
      s.put("subscriptionId", t.subscriptionId().get());
      s.set("tenantId", t.tenantId().<JsonNode>map(Values.F::textNode).orElseGet(() -> Values.unknown("the tenant is not given")));
      return ev.open(s);
    });
    Functions.define("resourceGroup", (ev, call, scope) -> {
      Functions.count(call, 0, 0);
      Target t = scope.template().target;
      if (t.unknownScope().isPresent()) {
        return Values.unknown(t.unknownScope().get());
      }
      if (t.resourceGroup().isEmpty() || t.subscriptionId().isEmpty()) {
        return Values.unknown("resourceGroup() of a deployment that is not to a resource group");
      }
      ObjectNode g = Values.object();
      g.put("id", "/subscriptions/" + t.subscriptionId().get() + "/resourceGroups/" + t.resourceGroup().get());
      g.put("name", t.resourceGroup().get());
      g.put("type", "Microsoft.Resources/resourceGroups");
      g.set("location", t.location().<JsonNode>map(Values.F::textNode)
          .orElseGet(() -> Values.unknown("the resource group's location is not in the input (give deployment.location in the companion document, or the deployment's location)")));
      return ev.open(g);
    });
    Functions.define("tenant", (ev, call, scope) -> {
      Functions.count(call, 0, 0);
      Target t = scope.template().target;
      ObjectNode g = Values.object();
      g.set("tenantId", t.tenantId().<JsonNode>map(Values.F::textNode).orElseGet(() -> Values.unknown("the tenant is not given")));
      return ev.open(g);
    });
    Functions.define("managementGroup", (ev, call, scope) -> {
      Functions.arguments(ev, call, scope, 0, 1);
      Target t = scope.template().target;
      if (t.managementGroup().isEmpty()) {
        return Values.unknown("managementGroup() of a deployment whose management group is not given");
      }
      ObjectNode g = Values.object();
      g.put("id", "/providers/Microsoft.Management/managementGroups/" + t.managementGroup().get());
      g.put("name", t.managementGroup().get());
      g.put("type", "Microsoft.Management/managementGroups");
      return ev.open(g);
    });
  }
}
