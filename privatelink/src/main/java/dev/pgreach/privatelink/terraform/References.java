package dev.pgreach.privatelink.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The references a plan's {@code configuration} records for each attribute's expression, followed
 * to the one resource instance they name, for values known only after apply.
 *
 * <p>A reference is followed only when it names one instance for certain: {@code
 * azurerm_subnet.db.id}, {@code azurerm_subnet.db[0].id}, {@code azurerm_subnet.db["a"].id} (the
 * instance with that key), {@code var.x} (the module call's expression for {@code x}, in the
 * calling module) and {@code module.m.x} (the module's output {@code x}, in the module). An
 * expression whose references name more than one instance ({@code var.ha ? azurerm_subnet.a.id :
 * azurerm_subnet.b.id}), or anything pgreach cannot follow ({@code local.x}, {@code each.value},
 * a resource with several instances named without a key, a module with several instances), names
 * none: the value stays unknown, never a guess.
 */
final class References {
  /** How deep {@code var} and {@code module} references are followed. */
  private static final int MAX_DEPTH = 32;

  private static final Pattern RESOURCE = Pattern.compile("^((?:data\\.)?[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)(\\[(?:\\d+|\"(?:[^\"\\\\]|\\\\.)*\")\\])?(?:\\.([A-Za-z0-9_-]+))?(.*)$");
  private static final Pattern MODULE_SEGMENT = Pattern.compile("module\\.([A-Za-z0-9_-]+)(\\[[^\\]]*\\])?");

  private final JsonNode rootModule;

  References(JsonNode configuration) {
    this.rootModule = configuration.path("root_module");
  }

  /** Whether the document has a configuration to follow. */
  boolean present() {
    return rootModule.isObject();
  }

  /**
   * The one instance an attribute's expression refers to, with the attribute it reads of it.
   *
   * @param from the instance whose attribute it is
   * @param path the attribute's path ({@code delegated_subnet_id}, {@code ip_configuration, 0, subnet_id})
   * @param find finds the instances of a resource in a module instance: (module address, resource
   *     address in the module) to instances
   * @return the target and the attribute read of it, or empty
   */
  Optional<Target> target(Instance from, List<Object> path, BiFunction<String, String, List<Instance>> find) {
    if (!present()) {
      return Optional.empty();
    }
    JsonNode module = moduleConfig(from.moduleAddress());
    JsonNode expressions = null;
    for (JsonNode r : module.path("resources")) {
      if (r.path("address").asText().equals(from.configAddress())) {
        expressions = r.path("expressions");
      }
    }
    if (expressions == null) {
      return Optional.empty();
    }
    JsonNode e = expressions;
    for (Object step : path) {
      e = step instanceof Integer i ? e.path(i) : e.path((String) step);
    }
    return follow(e.path("references"), from.moduleAddress(), find, 0);
  }

  /** The expressions the configuration writes for an instance's resource, if the document holds them. */
  Optional<JsonNode> configured(Instance from) {
    if (!present()) {
      return Optional.empty();
    }
    for (JsonNode r : moduleConfig(from.moduleAddress()).path("resources")) {
      if (r.path("address").asText().equals(from.configAddress())) {
        return Optional.of(r.path("expressions"));
      }
    }
    return Optional.empty();
  }

  /** The instance and attribute a reference names. */
  record Target(Instance instance, String attribute) {}

  private Optional<Target> follow(JsonNode refs, String scope, BiFunction<String, String, List<Instance>> find, int depth) {
    if (!refs.isArray() || refs.isEmpty() || depth > MAX_DEPTH) {
      return Optional.empty();
    }
    List<String> all = new ArrayList<>();
    refs.forEach(r -> all.add(r.asText()));
    Set<Target> found = new LinkedHashSet<>();
    for (String ref : all) {
      boolean covered = all.stream().anyMatch(o -> !o.equals(ref) && (o.startsWith(ref + ".") || o.startsWith(ref + "[")));
      if (covered) {
        continue; // "azurerm_subnet.db" beside "azurerm_subnet.db.id" says nothing more
      }
      Optional<Target> t = one(ref, scope, find, depth);
      if (t.isEmpty()) {
        return Optional.empty();
      }
      found.add(t.get());
    }
    return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
  }

  private Optional<Target> one(String ref, String scope, BiFunction<String, String, List<Instance>> find, int depth) {
    if (ref.startsWith("var.")) {
      String name = ref.substring(4);
      if (!name.matches("[A-Za-z0-9_-]+") || scope.isEmpty()) {
        return Optional.empty();
      }
      int cut = scope.lastIndexOf("module.");
      String parent = cut == 0 ? "" : scope.substring(0, cut - 1);
      Matcher m = MODULE_SEGMENT.matcher(scope.substring(cut));
      if (!m.matches()) {
        return Optional.empty();
      }
      JsonNode call = moduleConfig(parent).path("module_calls").path(m.group(1));
      return follow(call.path("expressions").path(name).path("references"), parent, find, depth + 1);
    }
    if (ref.startsWith("module.")) {
      Matcher m = Pattern.compile("^module\\.([A-Za-z0-9_-]+)(\\[[^\\]]*\\])?\\.([A-Za-z0-9_-]+)$").matcher(ref);
      if (!m.matches()) {
        return Optional.empty();
      }
      JsonNode call = moduleConfig(scope).path("module_calls").path(m.group(1));
      if (m.group(2) == null && (call.has("count_expression") || call.has("for_each_expression"))) {
        return Optional.empty(); // several instances of the module, none named
      }
      String child = (scope.isEmpty() ? "" : scope + ".") + "module." + m.group(1) + (m.group(2) == null ? "" : m.group(2));
      JsonNode output = call.path("module").path("outputs").path(m.group(3));
      return follow(output.path("expression").path("references"), child, find, depth + 1);
    }
    Matcher m = RESOURCE.matcher(ref);
    if (!m.matches() || m.group(3) == null || !m.group(4).isEmpty()) {
      return Optional.empty();
    }
    String head = m.group(1).split("\\.")[0];
    if (!m.group(1).startsWith("data.") && !head.contains("_")) {
      return Optional.empty(); // local.x, each.value, count.index, path.module, self.x …
    }
    List<Instance> instances = find.apply(scope, m.group(1));
    List<Instance> named = new ArrayList<>();
    for (Instance i : instances) {
      String own = Instance.key(i);
      if (m.group(2) == null ? own == null : m.group(2).equals(own)) {
        named.add(i);
      }
    }
    if (named.size() != 1) {
      return Optional.empty();
    }
    return Optional.of(new Target(named.get(0), m.group(3)));
  }

  /** The configuration of the module an instance address names, keys left out. */
  private JsonNode moduleConfig(String moduleAddress) {
    JsonNode m = rootModule;
    Matcher seg = MODULE_SEGMENT.matcher(moduleAddress);
    while (seg.find()) {
      m = m.path("module_calls").path(seg.group(1)).path("module");
    }
    return m;
  }
}
