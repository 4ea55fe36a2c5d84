package dev.pgreach.privatelink.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.pgreach.core.ResourceId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the resource-list form of an estate (canonical ARM resources, in {@link ArmExport}'s
 * order) into a deployment template that deploys exactly those resources: the same members, with
 * ids made by {@code resourceId()} and the other features {@link TemplateOptions} asks for.
 *
 * <p>Order is kept: the reader keeps lists in the order resources come, and a template deploys its
 * resources, and the nested deployments among them, in declaration order. So resources are split
 * into runs of consecutive resources of one subscription and resource group: the first run's group
 * is the deployment's own, and every run of another group is a nested deployment at its place;
 * loops and modules only take consecutive resources.
 */
final class TemplateWriter {
  static final String SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";
  static final String DEPLOYMENTS = "Microsoft.Resources/deployments";
  static final String DEPLOYMENTS_API = "2022-09-01";
  private static final String FIREWALL_RULES = "Microsoft.DBforPostgreSQL/flexibleServers/firewallRules";
  private static final String VIRTUAL_NETWORKS = "Microsoft.Network/virtualNetworks";
  /** Azure's most instances of one copy loop. */
  static final int MAX_COPY = 800;
  /**
   * What a template may hold within Azure's limits of 256 parameters, 256 variables and 64
   * outputs: id parameters and address-prefix parameters, resource loops (a variable each), and the
   * variables that id variables and property loops may fill; past them a template writes the
   * plainer form (a {@code resourceId()} call, a literal array, single resources).
   */
  static final int MAX_ID_PARAMETERS = 100;
  static final int MAX_PREFIX_PARAMETERS = 90;
  static final int MAX_RESOURCE_LOOPS = 100;
  static final int MAX_SHARED_VARIABLES = 150;
  static final int MAX_OUTPUTS = 64;
  /** The most resources of the list one template deploys itself, below Azure's 800 with room for its nested deployments. */
  static final int MAX_RUN = 700;
  /** Arrays of children written inside their parent, whose elements a template names but gives no id. */
  private static final Map<String, List<String>> INLINE = Map.of(
      VIRTUAL_NETWORKS.toLowerCase(Locale.ROOT), List.of("subnets", "virtualNetworkPeerings"),
      "microsoft.network/networksecuritygroups", List.of("securityRules"),
      "microsoft.network/routetables", List.of("routes"));

  private final TemplateOptions options;
  final Tpl root;
  /** The deployment's region: the first the deployment's own resources are in. */
  final Optional<String> location;
  private final Map<String, String> symbols = new HashMap<>();
  private final Set<String> usedSymbols = new HashSet<>();
  private final Set<String> deploymentNames = new HashSet<>();
  private final Map<String, String> regionParameters = new LinkedHashMap<>();
  private final Set<String> parameterNames = new HashSet<>();
  private final Map<String, ObjectNode> parameterDeclarations = new HashMap<>();
  /** Each resource's id and body, made once: every step asks for them. */
  private final Map<ObjectNode, ResourceId> ids = new IdentityHashMap<>();
  private final Map<ObjectNode, ObjectNode> bodies = new IdentityHashMap<>();
  private int prefixParameters;

  /** One template: the deployment's own, or a nested deployment's. */
  static final class Tpl {
    final String subscription;
    final String group;
    final Tpl parent;
    /** The nested deployment holding this template, in its parent. */
    Entry owner;
    final List<Entry> entries = new ArrayList<>();
    final Map<String, ObjectNode> parameters = new LinkedHashMap<>();
    /** Values a nested deployment is given as they are, instead of its parent's parameters. */
    final Map<String, JsonNode> given = new LinkedHashMap<>();
    final ObjectNode variables = Json.object();
    final Map<String, String> idVariables = new HashMap<>();
    final ObjectNode outputs = Json.object();
    final Map<String, String> idOutputs = new HashMap<>();
    /** Ids passed in as parameters, from the outputs of an earlier nested deployment of the parent. */
    final Map<String, String> idParameters = new HashMap<>();
    /** The entry deploying each id (lower case), directly or through a nested deployment. */
    final Map<String, Integer> deployedAt = new HashMap<>();
    int loops;

    Tpl(String subscription, String group, Tpl parent) {
      this.subscription = subscription;
      this.group = group;
      this.parent = parent;
    }
  }

  enum Kind { RESOURCE, LOOP, MODULE }

  /** One declaration of a template: a resource, a copy loop, or a nested deployment. */
  static final class Entry {
    final Kind kind;
    final List<ObjectNode> resources;
    final Tpl inner;
    final boolean firewall;
    String name;
    String symbol;
    int index;
    ObjectNode declaration;

    Entry(Kind kind, List<ObjectNode> resources, Tpl inner, boolean firewall) {
      this.kind = kind;
      this.resources = resources;
      this.inner = inner;
      this.firewall = firewall;
    }
  }

  /** Where an expression is written: its template, the entry, and whether it may read module outputs. */
  private record Ctx(Tpl t, int entry, boolean outputs) {
    Ctx inVariable() {
      return new Ctx(t, entry, false);
    }
  }

  TemplateWriter(ArrayNode resources, TemplateOptions options) {
    this.options = options;
    List<ObjectNode> list = new ArrayList<>();
    resources.forEach(r -> list.add((ObjectNode) r.deepCopy()));
    if (list.isEmpty()) {
      root = new Tpl(null, null, null);
      location = Optional.empty();
      return;
    }
    int rootResources = 0;
    ResourceId first = id(list.get(0));
    root = new Tpl(first.subscriptionId(), first.resourceGroup(), null);
    for (int i = 0; i < list.size(); ) {
      ResourceId at = id(list.get(i));
      int j = i;
      while (j < list.size() && sameScope(id(list.get(j)), at)) {
        j++;
      }
      boolean own = at.subscriptionId().equals(root.subscription) && at.resourceGroup().equals(root.group);
      // Azure deploys at most 800 resources (copies counted) from one template: a long run is split
      for (int k = i; k < j; k += MAX_RUN) {
        List<ObjectNode> run = list.subList(k, Math.min(j, k + MAX_RUN));
        if (own && rootResources + run.size() <= MAX_RUN) {
          fill(root, run);
          rootResources += run.size();
        } else {
          Tpl t = new Tpl(at.subscriptionId(), at.resourceGroup(), root);
          fill(t, run);
          Entry m = new Entry(Kind.MODULE, List.of(), t, false);
          m.name = deploymentName(at.resourceGroup());
          add(root, m);
          rootResources++;
        }
      }
      i = j;
    }
    location = firstLocation(root, true).or(() -> firstLocation(root, false));
  }

  private static boolean sameScope(ResourceId a, ResourceId b) {
    return a.subscriptionId().equals(b.subscriptionId()) && a.resourceGroup().equals(b.resourceGroup());
  }

  private ResourceId id(ObjectNode r) {
    return ids.computeIfAbsent(r, x -> ResourceId.parse(x.get("id").textValue()));
  }

  private ObjectNode bodyOf(ObjectNode r) {
    return bodies.computeIfAbsent(r, TemplateWriter::body);
  }

  private static String key(ResourceId id) {
    return id.toString().toLowerCase(Locale.ROOT);
  }

  private Optional<String> firstLocation(Tpl t, boolean own) {
    for (Entry e : t.entries) {
      if (e.kind == Kind.MODULE) {
        if (!own) {
          Optional<String> l = firstLocation(e.inner, false);
          if (l.isPresent()) {
            return l;
          }
        }
        continue;
      }
      for (ObjectNode r : e.resources) {
        JsonNode l = r.get("location");
        if (l != null && l.isTextual() && !l.textValue().equalsIgnoreCase("global")) {
          return Optional.of(l.textValue());
        }
      }
    }
    return Optional.empty();
  }

  // ------------------------------------------------------------------ declarations

  /** Adds a run of resources of one scope to a template: modules of firewall rules, loops, single resources. */
  private void fill(Tpl t, List<ObjectNode> run) {
    for (int i = 0; i < run.size(); ) {
      ObjectNode r = run.get(i);
      int j = i + 1;
      if (options.has(TemplateFeature.MODULES) && options.has(TemplateFeature.RESOURCE_COPY) && isPlainFirewallRule(r)) {
        ResourceId server = id(r).parent().orElseThrow();
        while (j < run.size() && j - i < MAX_COPY && isPlainFirewallRule(run.get(j)) && id(run.get(j)).parent().orElseThrow().equals(server)) {
          j++;
        }
        Tpl f = new Tpl(t.subscription, t.group, t);
        Entry m = new Entry(Kind.MODULE, List.copyOf(run.subList(i, j)), f, true);
        m.name = deploymentName(server.name() + "-firewallRules");
        firewallModule(f, server.name(), m.resources);
        add(t, m);
      } else {
        if (options.has(TemplateFeature.RESOURCE_COPY) && t.loops < MAX_RESOURCE_LOOPS) {
          while (j < run.size() && j - i < MAX_COPY && loopsWith(r, run.get(j))) {
            j++;
          }
        }
        Entry e = j - i >= 2 ? new Entry(Kind.LOOP, List.copyOf(run.subList(i, j)), null, false) : new Entry(Kind.RESOURCE, List.of(r), null, false);
        if (e.kind == Kind.LOOP) {
          t.loops++;
          e.name = loopName(id(r));
          e.symbol = e.name;
        } else {
          e.symbol = symbol(id(r));
        }
        add(t, e);
      }
      i = j;
    }
  }

  private void add(Tpl t, Entry e) {
    e.index = t.entries.size();
    if (e.kind == Kind.MODULE) {
      e.symbol = e.symbol == null ? uniqueSymbol(TemplateNames.camel(e.name) + "Deployment") : e.symbol;
      e.inner.owner = e;
      e.inner.deployedAt.keySet().forEach(k -> t.deployedAt.putIfAbsent(k, e.index));
    }
    e.resources.forEach(r -> deployedIds(r).forEach(k -> t.deployedAt.putIfAbsent(k, e.index)));
    t.entries.add(e);
  }

  /** The ids (lower case) a resource deploys: its own and those of the children written inside it. */
  private List<String> deployedIds(ObjectNode r) {
    List<String> out = new ArrayList<>();
    ResourceId id = id(r);
    out.add(key(id));
    List<String> inline = INLINE.get(r.get("type").textValue().toLowerCase(Locale.ROOT));
    if (inline != null) {
      for (String member : inline) {
        for (JsonNode c : r.path("properties").path(member)) {
          if (c.path("name").isTextual() && !c.path("name").textValue().contains("/")) {
            out.add(key(id) + "/" + member.toLowerCase(Locale.ROOT) + "/" + c.path("name").textValue().toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    return out;
  }

  /** A firewall rule with only its range: what a module of rules passes in. */
  private static boolean isPlainFirewallRule(ObjectNode r) {
    if (!r.get("type").textValue().equalsIgnoreCase(FIREWALL_RULES) || r.size() != 4 || !r.has("properties")) {
      return false;
    }
    JsonNode p = r.get("properties");
    return p.isObject() && p.size() == 2 && p.path("startIpAddress").isTextual() && p.path("endIpAddress").isTextual();
  }

  /** Whether a resource repeats another's shape: one type, one parent, the same members. */
  private boolean loopsWith(ObjectNode a, ObjectNode b) {
    if (!a.get("type").textValue().equalsIgnoreCase(b.get("type").textValue())) {
      return false;
    }
    if (!id(a).parent().equals(id(b).parent())) {
      return false;
    }
    return JsonShapes.same(bodyOf(a), bodyOf(b));
  }

  /** A resource's members but its id, name and type; children written inside it lose their ids. */
  private static ObjectNode body(ObjectNode r) {
    ObjectNode b = r.deepCopy();
    b.remove(List.of("id", "name", "type"));
    List<String> inline = INLINE.get(r.get("type").textValue().toLowerCase(Locale.ROOT));
    if (inline != null && b.path("properties").isObject()) {
      for (String member : inline) {
        JsonNode children = b.get("properties").get(member);
        if (children != null && children.isArray()) {
          children.forEach(c -> ((ObjectNode) c).remove(List.of("id", "type")));
        }
      }
    }
    return b;
  }

  // ------------------------------------------------------------------ names

  private String symbol(ResourceId id) {
    return symbols.computeIfAbsent(key(id), k -> {
      List<String> names = TemplateNames.names(id);
      String base = TemplateNames.camel(String.join("-", names));
      if (usedSymbols.contains(base.toLowerCase(Locale.ROOT))) {
        base = base + TemplateNames.capital(TemplateNames.camel(TemplateNames.typeWord(id.type())));
      }
      return uniqueSymbol(base);
    });
  }

  private String uniqueSymbol(String base) {
    String s = base;
    for (int n = 2; !usedSymbols.add(s.toLowerCase(Locale.ROOT)); n++) {
      s = base + n;
    }
    return s;
  }

  private String loopName(ResourceId first) {
    String word = TemplateNames.typeWord(first.type());
    return uniqueSymbol(first.parent().map(p -> symbol(p) + TemplateNames.capital(TemplateNames.camel(word))).orElse(TemplateNames.camel(word)));
  }

  private String deploymentName(String base) {
    String clean = base.replaceAll("[^A-Za-z0-9_.()-]", "-");
    clean = clean.length() > 50 ? clean.substring(0, 50) : clean;
    String n = clean;
    for (int k = 2; !deploymentNames.add(n.toLowerCase(Locale.ROOT)); k++) {
      n = clean + "-" + k;
    }
    return n;
  }

  // ------------------------------------------------------------------ parameters

  private String regionParameter(String region) {
    return regionParameters.computeIfAbsent(region, r -> {
      boolean own = location.map(r::equals).orElse(false);
      String name = uniqueParameter(own ? "location" : "location" + TemplateNames.capital(TemplateNames.camel(r)));
      ObjectNode d = Json.object().put("type", "string");
      d.put("defaultValue", own ? "[resourceGroup().location]" : TemplateNames.lit(r));
      d.putObject("metadata").put("description", own ? "The region of the resources in the deployment's own region: the resource group's." : "The region of the resources in " + r + ".");
      parameterDeclarations.put(name, d);
      return name;
    });
  }

  private String uniqueParameter(String base) {
    String n = base;
    for (int k = 2; !parameterNames.add(n.toLowerCase(Locale.ROOT)); k++) {
      n = base + k;
    }
    return n;
  }

  /** Declares a parameter in a template: with its default value at the top, passed in below. */
  private void require(Tpl t, String name) {
    if (t.parameters.containsKey(name)) {
      return;
    }
    ObjectNode d = parameterDeclarations.get(name);
    if (t.parent == null) {
      t.parameters.put(name, d.deepCopy());
    } else {
      ObjectNode passed = Json.object().put("type", d.get("type").textValue());
      passed.set("metadata", d.get("metadata").deepCopy());
      t.parameters.put(name, passed);
    }
  }

  // ------------------------------------------------------------------ references

  private String reference(Ctx c, ResourceId id) {
    if (options.has(TemplateFeature.MODULES)) {
      Optional<Entry> m = earlierModule(c.t(), key(id), c.entry());
      if (c.outputs() && m.isPresent() && hasOutput(m.get(), id)) {
        return "[" + output(c.t(), m.get(), id) + "]";
      }
      Tpl t = c.t();
      Optional<Entry> sibling = t.parent == null ? Optional.empty() : earlierModule(t.parent, key(id), t.owner.index);
      if (sibling.isPresent() && hasOutput(sibling.get(), id) && (t.idParameters.containsKey(key(id)) || t.idParameters.size() < MAX_ID_PARAMETERS)) {
        // a module is given what an earlier module of its parent made, from that module's outputs
        String p = t.idParameters.computeIfAbsent(key(id), k -> {
          String n = uniqueParameter(symbol(id) + "Id");
          ObjectNode d = Json.object().put("type", "string");
          d.putObject("metadata").put("description", "The id of " + id.name() + ", an output of deployment " + sibling.get().name + ".");
          t.parameters.put(n, d);
          t.given.put(n, TextNode.valueOf("[" + output(t.parent, sibling.get(), id) + "]"));
          return n;
        });
        return "[parameters(" + TemplateNames.q(p) + ")]";
      }
    }
    if (options.has(TemplateFeature.VARIABLES) && (c.t().idVariables.containsKey(key(id)) || c.t().variables.size() < MAX_SHARED_VARIABLES)) {
      Tpl t = c.t();
      String v = t.idVariables.computeIfAbsent(key(id), k -> {
        String n = uniqueMember(t.variables, symbol(id) + "Id");
        t.variables.put(n, "[" + resourceIdCall(t, id) + "]");
        return n;
      });
      return "[variables(" + TemplateNames.q(v) + ")]";
    }
    return "[" + resourceIdCall(c.t(), id) + "]";
  }

  /** The nested deployment of a template, declared before an entry, that deploys an id. */
  private static Optional<Entry> earlierModule(Tpl t, String id, int before) {
    Integer j = t.deployedAt.get(id);
    return j != null && j < before && t.entries.get(j).kind == Kind.MODULE ? Optional.of(t.entries.get(j)) : Optional.empty();
  }

  /** Whether a nested deployment has, or may still declare, an output of an id. */
  private static boolean hasOutput(Entry m, ResourceId id) {
    return m.inner.idOutputs.containsKey(key(id)) || m.inner.outputs.size() < MAX_OUTPUTS;
  }

  /** {@code reference(…).outputs.<resource>Id.value} of a nested deployment, declaring the output. */
  private String output(Tpl t, Entry m, ResourceId id) {
    String out = m.inner.idOutputs.computeIfAbsent(key(id), k -> {
      String n = uniqueMember(m.inner.outputs, symbol(id) + "Id");
      m.inner.outputs.putObject(n).put("type", "string").put("value", "[" + resourceIdCall(m.inner, id) + "]");
      return n;
    });
    return "reference(" + deploymentReference(t, m) + ").outputs." + out + ".value";
  }

  private String deploymentReference(Tpl t, Entry m) {
    if (options.isBicep()) {
      return TemplateNames.q(m.symbol);
    }
    return deploymentId(t, m) + ", " + TemplateNames.q(DEPLOYMENTS_API);
  }

  private static String deploymentId(Tpl t, Entry m) {
    return "resourceId(" + scopeArguments(t, m.inner.subscription, m.inner.group) + TemplateNames.q(DEPLOYMENTS) + ", " + TemplateNames.q(m.name) + ")";
  }

  /** {@code resourceId(…)} of an id, as seen from a template: the group and subscription only where they differ. */
  static String resourceIdCall(Tpl t, ResourceId id) {
    StringBuilder b = new StringBuilder("resourceId(").append(scopeArguments(t, id.subscriptionId(), id.resourceGroup())).append(TemplateNames.q(id.type()));
    TemplateNames.names(id).forEach(n -> b.append(", ").append(TemplateNames.q(n)));
    return b.append(')').toString();
  }

  private static String scopeArguments(Tpl t, String subscription, String group) {
    boolean sameSubscription = subscription.equalsIgnoreCase(t.subscription);
    if (!sameSubscription) {
      return TemplateNames.q(subscription) + ", " + TemplateNames.q(group) + ", ";
    }
    return group.equalsIgnoreCase(t.group) ? "" : TemplateNames.q(group) + ", ";
  }

  private static String uniqueMember(ObjectNode o, String base) {
    Set<String> used = new HashSet<>();
    o.fieldNames().forEachRemaining(n -> used.add(n.toLowerCase(Locale.ROOT)));
    String n = base;
    for (int k = 2; used.contains(n.toLowerCase(Locale.ROOT)); k++) {
      n = base + k;
    }
    return n;
  }

  /** A value as a template writes it: ids as references, literal strings escaped. */
  private JsonNode rewrite(JsonNode v, Ctx c) {
    if (v.isTextual()) {
      String s = v.textValue();
      return TextNode.valueOf(TemplateNames.isId(s) ? reference(c, ResourceId.parse(s)) : TemplateNames.lit(s));
    }
    if (v.isObject()) {
      ObjectNode o = Json.object();
      v.properties().forEach(m -> o.set(m.getKey(), rewrite(m.getValue(), c)));
      return o;
    }
    if (v.isArray()) {
      ArrayNode a = Json.array();
      v.forEach(e -> a.add(rewrite(e, c)));
      return a;
    }
    return v.deepCopy();
  }

  /** A leaf of a resource's body: its top-level location as a parameter, anything else rewritten. */
  private JsonNode leaf(List<Object> path, JsonNode v, Ctx c) {
    if (path.size() == 1 && "location".equals(path.get(0)) && options.has(TemplateFeature.PARAMETERS) && v.isTextual() && !v.textValue().equalsIgnoreCase("global")) {
      String p = regionParameter(v.textValue());
      require(c.t(), p);
      return TextNode.valueOf("[parameters(" + TemplateNames.q(p) + ")]");
    }
    return rewrite(v, c);
  }

  // ------------------------------------------------------------------ rendering

  /** Writes a template and the templates nested in it. */
  ObjectNode render(Tpl t) {
    prepare(t);
    return assemble(t);
  }

  /**
   * Declares a template's entries and those of the templates nested in it, gathering the
   * parameters, variables and outputs they use: a later module's references add outputs to an
   * earlier one, so nothing is assembled before everything is declared.
   */
  private void prepare(Tpl t) {
    for (Entry e : t.entries) {
      Ctx c = new Ctx(t, e.index, true);
      e.declaration = switch (e.kind) {
        case RESOURCE -> resource(e, c);
        case LOOP -> e.firewall ? firewallLoop() : loop(e, c);
        case MODULE -> module(e, c);
      };
    }
    for (Entry e : t.entries) {
      if (e.kind == Kind.MODULE) {
        prepare(e.inner);
        e.inner.parameters.keySet().stream().filter(p -> !e.inner.given.containsKey(p)).forEach(p -> require(t, p));
      }
    }
  }

  private ObjectNode assemble(Tpl t) {
    for (Entry e : t.entries) {
      if (e.kind != Kind.MODULE) {
        continue;
      }
      ObjectNode props = (ObjectNode) e.declaration.get("properties");
      ObjectNode params = Json.object();
      if (!e.inner.parameters.isEmpty()) {
        props.set("parameters", params);
      }
      for (String p : e.inner.parameters.keySet()) {
        if (e.inner.given.containsKey(p)) {
          params.putObject(p).set("value", e.inner.given.get(p));
        } else {
          params.putObject(p).put("value", "[parameters(" + TemplateNames.q(p) + ")]");
        }
      }
      props.set("template", assemble(e.inner));
    }
    ObjectNode out = Json.object();
    out.put("$schema", SCHEMA);
    if (options.isBicep()) {
      out.put("languageVersion", "2.0");
    }
    out.put("contentVersion", "1.0.0.0");
    if (!t.parameters.isEmpty()) {
      ObjectNode p = out.putObject("parameters");
      t.parameters.forEach(p::set);
    }
    if (!t.variables.isEmpty()) {
      out.set("variables", t.variables);
    }
    if (options.isBicep()) {
      ObjectNode r = out.putObject("resources");
      t.entries.forEach(e -> r.set(e.symbol, e.declaration));
    } else {
      ArrayNode r = out.putArray("resources");
      t.entries.forEach(e -> r.add(e.declaration));
    }
    if (!t.outputs.isEmpty()) {
      out.set("outputs", t.outputs);
    }
    return out;
  }

  private ObjectNode head(String type, String name) {
    ObjectNode d = Json.object();
    d.put("type", type);
    d.put("apiVersion", TemplateNames.apiVersion(type));
    d.put("name", name);
    return d;
  }

  private ObjectNode resource(Entry e, Ctx c) {
    ObjectNode r = e.resources.get(0);
    ResourceId id = id(r);
    ObjectNode d = head(r.get("type").textValue(), TemplateNames.lit(String.join("/", TemplateNames.names(id))));
    ObjectNode body = bodyOf(r);
    for (Map.Entry<String, JsonNode> m : body.properties()) {
      boolean loops = m.getKey().equals("properties") && options.has(TemplateFeature.PROPERTY_COPY);
      d.set(m.getKey(), loops ? withPropertyLoops(m.getValue(), c, e.symbol) : leaf(List.of(m.getKey()), m.getValue(), c));
    }
    if (options.has(TemplateFeature.PARAMETERS) && r.get("type").textValue().equalsIgnoreCase(VIRTUAL_NETWORKS) && prefixParameters < MAX_PREFIX_PARAMETERS) {
      JsonNode prefixes = body.path("properties").path("addressSpace").path("addressPrefixes");
      if (prefixes.isArray()) {
        prefixParameters++;
        String p = uniqueParameter(e.symbol + "AddressPrefixes");
        ObjectNode decl = Json.object().put("type", "array");
        decl.set("defaultValue", rewrite(prefixes, c.inVariable()));
        decl.putObject("metadata").put("description", "The address space of virtual network " + id.name() + ".");
        parameterDeclarations.put(p, decl);
        require(c.t(), p);
        ((ObjectNode) d.get("properties").get("addressSpace")).put("addressPrefixes", "[parameters(" + TemplateNames.q(p) + ")]");
      }
    }
    dependsOn(d, e, c.t());
    return d;
  }

  /** A resource's properties, with arrays of two or more objects made by property copy loops. */
  private JsonNode withPropertyLoops(JsonNode v, Ctx c, String owner) {
    if (!v.isObject()) {
      return v.isArray() ? arrayWithPropertyLoops(v, c, owner) : rewrite(v, c);
    }
    ObjectNode o = Json.object();
    ArrayNode copy = null;
    for (Map.Entry<String, JsonNode> m : v.properties()) {
      JsonNode a = m.getValue();
      if (isLoopable(a) && !v.has("copy") && c.t().variables.size() < MAX_SHARED_VARIABLES) {
        copy = copy == null ? Json.array() : copy;
        copy.add(propertyLoop(m.getKey(), a, c, owner));
      } else {
        o.set(m.getKey(), withPropertyLoops(a, c, owner));
      }
    }
    if (copy != null) {
      o.set("copy", copy);
    }
    return o;
  }

  private JsonNode arrayWithPropertyLoops(JsonNode v, Ctx c, String owner) {
    ArrayNode a = Json.array();
    v.forEach(e -> a.add(withPropertyLoops(e, c, owner)));
    return a;
  }

  private static boolean isLoopable(JsonNode a) {
    if (!a.isArray() || a.size() < 2 || a.size() > MAX_COPY) {
      return false;
    }
    for (JsonNode e : a) {
      if (!e.isObject() || e.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** One property loop: {@code name}, {@code count} over a variable array, and its {@code input}. */
  private ObjectNode propertyLoop(String member, JsonNode elements, Ctx c, String owner) {
    String v = uniqueMember(c.t().variables, owner + TemplateNames.capital(TemplateNames.camel(member)));
    ObjectNode loop = Json.object().put("name", member).put("count", "[length(variables(" + TemplateNames.q(v) + "))]");
    String at = "variables(" + TemplateNames.q(v) + ")[copyIndex(" + TemplateNames.q(member) + ")]";
    boolean same = true;
    for (JsonNode e : elements) {
      same &= JsonShapes.same(elements.get(0), e);
    }
    if (!same) {
      c.t().variables.set(v, rewrite(elements, c.inVariable()));
      loop.put("input", "[" + at + "]");
      return loop;
    }
    List<JsonNode> list = new ArrayList<>();
    elements.forEach(list::add);
    loop.set("input", repeated(list, c, at, c.t().variables.putArray(v), List.of()));
    return loop;
  }

  /**
   * The input of a loop over values of one shape: leaves that all values share are written as
   * they are, the others read from the loop's variable array, whose elements this fills.
   */
  private JsonNode repeated(List<? extends JsonNode> values, Ctx c, String at, ArrayNode variable, List<String> reserved) {
    List<List<Object>> leaves = JsonShapes.leaves(values.get(0));
    List<ObjectNode> elements = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      elements.add(variable.size() > i ? (ObjectNode) variable.get(i) : variable.addObject());
    }
    Set<String> used = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    used.addAll(reserved);
    JsonNode input = values.get(0).deepCopy();
    for (List<Object> path : leaves) {
      JsonNode first = JsonShapes.get(values.get(0), path);
      boolean shared = values.stream().allMatch(x -> JsonShapes.get(x, path).equals(first));
      if (shared) {
        input = JsonShapes.set(input, path, leaf(path, first, c));
        continue;
      }
      String k = JsonShapes.key(path, used);
      for (int i = 0; i < values.size(); i++) {
        elements.get(i).set(k, leaf(path, JsonShapes.get(values.get(i), path), c.inVariable()));
      }
      input = JsonShapes.set(input, path, TextNode.valueOf("[" + at + "." + k + "]"));
    }
    return input;
  }

  private ObjectNode loop(Entry e, Ctx c) {
    ObjectNode first = e.resources.get(0);
    ResourceId id = id(first);
    String v = uniqueMember(c.t().variables, e.name);
    ArrayNode variable = c.t().variables.putArray(v);
    for (ObjectNode r : e.resources) {
      variable.addObject().put("name", TemplateNames.lit(id(r).name()));
    }
    String at = "variables(" + TemplateNames.q(v) + ")[copyIndex()]";
    String name = id.parent().map(p -> "[format('{0}/{1}', " + TemplateNames.q(String.join("/", TemplateNames.names(p))) + ", " + at + ".name)]").orElse("[" + at + ".name]");
    ObjectNode d = head(first.get("type").textValue(), name);
    d.putObject("copy").put("name", e.name).put("count", "[length(variables(" + TemplateNames.q(v) + "))]");
    List<ObjectNode> bodies = e.resources.stream().map(this::bodyOf).toList();
    JsonNode input = repeated(bodies, c, at, variable, List.of("name"));
    input.properties().forEach(m -> d.set(m.getKey(), m.getValue()));
    dependsOn(d, e, c.t());
    return d;
  }

  private ObjectNode module(Entry e, Ctx c) {
    ObjectNode d = head(DEPLOYMENTS, e.name);
    if (!e.firewall) {
      if (!e.inner.subscription.equalsIgnoreCase(c.t().subscription)) {
        d.put("subscriptionId", e.inner.subscription);
      }
      d.put("resourceGroup", e.inner.group);
    }
    ObjectNode p = d.putObject("properties");
    p.putObject("expressionEvaluationOptions").put("scope", "inner");
    p.put("mode", "Incremental");
    dependsOn(d, e, c.t());
    return d;
  }

  /** A module deploying one server's firewall rules, given as an array parameter, by a copy loop. */
  private void firewallModule(Tpl f, String server, List<ObjectNode> rules) {
    f.parameters.put("serverName", Json.object().put("type", "string"));
    f.parameters.get("serverName").putObject("metadata").put("description", "The flexible server the rules belong to.");
    f.parameters.put("firewallRules", Json.object().put("type", "array"));
    f.parameters.get("firewallRules").putObject("metadata").put("description", "The rules: name, startIpAddress, endIpAddress.");
    f.given.put("serverName", TextNode.valueOf(TemplateNames.lit(server)));
    ArrayNode given = Json.array();
    for (ObjectNode r : rules) {
      given.addObject()
          .put("name", TemplateNames.lit(id(r).name()))
          .put("startIpAddress", TemplateNames.lit(r.get("properties").get("startIpAddress").textValue()))
          .put("endIpAddress", TemplateNames.lit(r.get("properties").get("endIpAddress").textValue()));
    }
    f.given.put("firewallRules", given);
    Entry loop = new Entry(Kind.LOOP, rules, null, true);
    loop.name = "firewallRules";
    loop.symbol = "firewallRules";
    f.entries.add(loop);
    rules.forEach(r -> deployedIds(r).forEach(k -> f.deployedAt.putIfAbsent(k, 0)));
  }

  /** The copy loop of a firewall module, over its parameter. */
  private ObjectNode firewallLoop() {
    String at = "parameters('firewallRules')[copyIndex()]";
    ObjectNode d = head(FIREWALL_RULES, "[concat(parameters('serverName'), '/', " + at + ".name)]");
    d.putObject("copy").put("name", "firewallRules").put("count", "[length(parameters('firewallRules'))]");
    d.putObject("properties").put("startIpAddress", "[" + at + ".startIpAddress]").put("endIpAddress", "[" + at + ".endIpAddress]");
    return d;
  }

  /** {@code dependsOn}: the earlier declarations of the same template that deploy what the entry refers to. */
  private void dependsOn(ObjectNode d, Entry e, Tpl t) {
    if (e.firewall && e.kind == Kind.LOOP) {
      return;
    }
    Set<Integer> on = new TreeSet<>();
    for (String ref : references(e)) {
      Integer j = t.deployedAt.get(ref);
      if (j != null && j < e.index) {
        on.add(j);
      }
    }
    if (on.isEmpty()) {
      return;
    }
    ArrayNode a = d.putArray("dependsOn");
    for (int j : on) {
      Entry x = t.entries.get(j);
      if (options.isBicep()) {
        a.add(x.symbol);
      } else {
        a.add(switch (x.kind) {
          case RESOURCE -> "[" + resourceIdCall(t, id(x.resources.get(0))) + "]";
          case LOOP -> x.name;
          case MODULE -> "[" + deploymentId(t, x) + "]";
        });
      }
    }
  }

  /** The ids (lower case) an entry's resources refer to, their parents among them. */
  private Set<String> references(Entry e) {
    Set<String> out = new HashSet<>();
    if (e.kind == Kind.MODULE && !e.firewall) {
      e.inner.entries.forEach(x -> out.addAll(references(x)));
      return out;
    }
    for (ObjectNode r : e.resources) {
      id(r).parent().ifPresent(p -> out.add(key(p)));
      JsonShapes.texts(r.get("properties"), s -> {
        if (TemplateNames.isId(s)) {
          out.add(s.toLowerCase(Locale.ROOT));
        }
      });
    }
    return out;
  }
}
