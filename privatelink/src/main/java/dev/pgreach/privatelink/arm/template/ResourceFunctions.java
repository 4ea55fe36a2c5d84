package dev.pgreach.privatelink.arm.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Optional;

/**
 * Resource functions: {@code resourceId}, {@code subscriptionResourceId}, {@code
 * tenantResourceId}, {@code extensionResourceId} and {@code managementGroupResourceId} (ids made of
 * the deployment's scope, a type and names); {@code reference} (a nested deployment's outputs, and
 * otherwise a deployed resource's state, which is unknown); {@code resourceInfo}, {@code
 * providers}, {@code pickZones} and every {@code list*} function, which are known only at
 * deployment.
 */
final class ResourceFunctions {
  private ResourceFunctions() {}

  static void register() {
    Functions.define("resourceId", (ev, call, scope) -> {
      List<JsonNode> a = Functions.arguments(ev, call, scope, 2, Integer.MAX_VALUE);
      JsonNode u = unknownIn(a);
      if (u != null) {
        return u;
      }
      int typeAt = typeIndex(call.name(), a, 2);
      Target t = scope.template().target;
      if (typeAt < 2 && t.unknownScope().isPresent()) {
        return Values.unknown(t.unknownScope().get());
      }
      Optional<String> sub = typeAt == 2 ? Optional.of(Functions.string(call.name(), a, 0)) : t.subscriptionId();
      Optional<String> group = typeAt >= 1 ? Optional.of(Functions.string(call.name(), a, typeAt - 1)) : t.resourceGroup();
      String tail = tail(call.name(), a, typeAt);
      if (sub.isEmpty()) {
        return TextNode.valueOf(tail);
      }
      if (group.isEmpty()) {
        return TextNode.valueOf("/subscriptions/" + sub.get() + tail);
      }
      return TextNode.valueOf("/subscriptions/" + sub.get() + "/resourceGroups/" + group.get() + tail);
    });
    Functions.define("subscriptionResourceId", (ev, call, scope) -> {
      List<JsonNode> a = Functions.arguments(ev, call, scope, 2, Integer.MAX_VALUE);
      JsonNode u = unknownIn(a);
      if (u != null) {
        return u;
      }
      int typeAt = typeIndex(call.name(), a, 1);
      Optional<String> sub = typeAt == 1 ? Optional.of(Functions.string(call.name(), a, 0)) : scope.template().target.subscriptionId();
      if (sub.isEmpty()) {
        return Values.unknown("subscriptionResourceId() of a deployment whose subscription is not given");
      }
      return TextNode.valueOf("/subscriptions/" + sub.get() + tail(call.name(), a, typeAt));
    });
    Functions.define("tenantResourceId", (ev, call, scope) -> {
      List<JsonNode> a = Functions.arguments(ev, call, scope, 2, Integer.MAX_VALUE);
      JsonNode u = unknownIn(a);
      return u != null ? u : TextNode.valueOf(tail(call.name(), a, typeIndex(call.name(), a, 0)));
    });
    Functions.define("managementGroupResourceId", (ev, call, scope) -> {
      List<JsonNode> a = Functions.arguments(ev, call, scope, 2, Integer.MAX_VALUE);
      JsonNode u = unknownIn(a);
      if (u != null) {
        return u;
      }
      int typeAt = typeIndex(call.name(), a, 1);
      Optional<String> group = typeAt == 1 ? Optional.of(Functions.string(call.name(), a, 0)) : scope.template().target.managementGroup();
      if (group.isEmpty()) {
        return Values.unknown("managementGroupResourceId() of a deployment whose management group is not given");
      }
      return TextNode.valueOf("/providers/Microsoft.Management/managementGroups/" + group.get() + tail(call.name(), a, typeAt));
    });
    Functions.define("extensionResourceId", (ev, call, scope) -> {
      List<JsonNode> a = Functions.arguments(ev, call, scope, 3, Integer.MAX_VALUE);
      JsonNode u = unknownIn(a);
      if (u != null) {
        return u;
      }
      String base = Functions.string(call.name(), a, 0);
      return TextNode.valueOf((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + tail(call.name(), a, 1));
    });
    Functions.define("reference", (ev, call, scope) -> {
      List<JsonNode> a = Functions.arguments(ev, call, scope, 1, 3);
      JsonNode target = a.get(0);
      if (Values.isUnknown(target)) {
        return target;
      }
      boolean full = a.size() == 3 && a.get(2).isTextual() && a.get(2).textValue().equalsIgnoreCase("full");
      return scope.template().run.reference(scope.template(), Functions.string(call.name(), a, 0), full);
    });
    for (String name : new String[] {"resourceInfo", "providers", "pickZones"}) {
      Functions.define(name, (ev, call, scope) -> {
        Functions.arguments(ev, call, scope, 0, Integer.MAX_VALUE);
        return Values.unknown(call.name() + "() reads what Azure knows at deployment");
      });
    }
  }

  private static JsonNode unknownIn(List<JsonNode> a) {
    for (JsonNode v : a) {
      if (Values.isUnknown(v)) {
        return v;
      }
    }
    return null;
  }

  /** The index of the resource type among the arguments: the first that names a provider's type, at most {@code most}. */
  private static int typeIndex(String name, List<JsonNode> a, int most) {
    for (int i = 0; i <= Math.min(most, a.size() - 1); i++) {
      JsonNode v = a.get(i);
      if (v.isTextual()) {
        String t = v.textValue();
        int slash = t.indexOf('/');
        if (slash > 0 && t.substring(0, slash).indexOf('.') > 0 && !t.startsWith("/")) {
          return i;
        }
      }
    }
    throw new TemplateError("function '" + name + "' needs a resource type such as 'Microsoft.Network/virtualNetworks' among its first " + (most + 1) + " arguments");
  }

  /** {@code /providers/Type/name1/child/name2}, checking there is one name per level of the type. */
  private static String tail(String name, List<JsonNode> a, int typeAt) {
    String type = Functions.string(name, a, typeAt);
    String[] levels = type.split("/");
    StringBuilder names = new StringBuilder();
    int given = 0;
    for (int i = typeAt + 1; i < a.size(); i++) {
      String n = Functions.string(name, a, i);
      names.append(i == typeAt + 1 ? "" : "/").append(n);
      given += n.split("/", -1).length;
    }
    if (given != levels.length - 1) {
      throw new TemplateError("function '" + name + "' needs " + (levels.length - 1) + " name" + (levels.length == 2 ? "" : "s") + " for type " + type + ", not " + given);
    }
    String[] parts = names.toString().split("/", -1);
    StringBuilder out = new StringBuilder("/providers/").append(levels[0]).append('/').append(levels[1]).append('/').append(parts[0]);
    for (int k = 2; k < levels.length; k++) {
      out.append('/').append(levels[k]).append('/').append(parts[k - 1]);
    }
    return out.toString();
  }
}
