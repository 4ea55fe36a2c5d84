package dev.pgreach.privatelink.arm.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ResourceId;
import dev.pgreach.privatelink.arm.ResourceInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One evaluation of a template and of the deployments nested in it: every resource instance
 * becomes a canonical ARM resource ({@code id}, {@code name}, {@code type}, {@code location},
 * {@code sku}, {@code properties} …) for the one reader of resources; nested deployments are
 * expanded in their own scope; problems are gathered, each at its JSON path.
 */
final class TemplateRun {
  /** Members of a resource declaration that are not part of the resource. */
  private static final List<String> NOT_RESOURCE = List.of("copy", "condition", "dependsOn", "resources", "existing", "scope", "comments", "apiVersion", "metadata", "subscriptionId", "resourceGroup", "import", "asserts");

  final Evaluator evaluator = new Evaluator();
  private final ResourceInput.Builder out = ResourceInput.builder().requests();
  private final List<PgreachException> problems = new ArrayList<>();
  private final List<ObjectNode> deployed = new ArrayList<>();
  private final Map<ResourceId, String> existing = new java.util.LinkedHashMap<>();
  private int more;
  private int resources;
  private int nesting;

  /** Evaluates the main template and returns what it deploys. */
  ResourceInput run(TemplateContext main) {
    expand(main);
    // an existing resource that the deployment itself deploys (a module's view of its parent) is in the input
    java.util.Set<ResourceId> made = new java.util.HashSet<>();
    for (ObjectNode r : deployed) {
      if (r.has("id")) {
        ResourceId.tryParse(r.get("id").textValue()).ifPresent(made::add);
      }
    }
    existing.forEach((id, path) -> {
      if (!made.contains(id)) {
        out.addExisting(id, path);
      }
    });
    if (!problems.isEmpty()) {
      throw PgreachException.several(problems, more);
    }
    return out.build();
  }

  /** The resources deployed (certain or not), in the order they were evaluated. */
  List<ObjectNode> deployed() {
    return deployed;
  }

  /**
   * Gathers a problem, once: the instances of a copy loop evaluate the same member, and a problem
   * none of them can escape (a parameter given no value) is the same problem for each.
   */
  void problem(PgreachException e) {
    if (!e.problems().isEmpty()) {
      e.problems().forEach(this::problem);
    } else if (problems.stream().anyMatch(p -> p.code() == e.code() && java.util.Objects.equals(p.getMessage(), e.getMessage()))) {
      return;
    } else if (problems.size() < 100) {
      problems.add(e);
    } else {
      more++;
    }
  }

  private void problem(String path, JsonNode raw, TemplateError t) {
    problem(Evaluator.located(path, raw, t).exception());
  }

  /** A part of the input Azure refuses on its own (a parameter value): reported, and the rest is read. */
  void refuse(PgreachException e) {
    out.refuse(e);
  }

  /** Each problem, at the member at fault; one outside the resource (a variable) also names the resource it refuses. */
  private static List<PgreachException> at(String path, String type, List<TemplateError.Located> problems) {
    List<PgreachException> out = new ArrayList<>();
    for (TemplateError.Located l : problems) {
      PgreachException p = l.exception();
      String m = String.valueOf(p.getMessage());
      boolean starts = m.startsWith(path) && (m.length() == path.length() || " .[".indexOf(m.charAt(path.length())) >= 0);
      out.add(starts ? p : PgreachException.of(p.code(), "%s; so Azure would refuse %s (a %s), which uses it", m, path, type));
    }
    return out;
  }

  /**
   * A declared resource that cannot be evaluated (its condition, loop, name or id): refused on its
   * own, unless it is of a type the reader does not read, which is counted as skipped with a note.
   */
  private void refuseDeclaration(TemplateContext ctx, JsonNode decl, String path, Instance parent, TemplateError.Located l) {
    if (l.fatal()) {
      problem(l.exception());
      return;
    }
    PgreachException e = l.exception();
    String type = literalType(decl, parent);
    if (type != null && !ResourceInput.isReadType(type) && !type.equalsIgnoreCase("Microsoft.Resources/deployments")) {
      skip(path, type, e);
      return;
    }
    List<PgreachException> located = at(path, type == null ? "resource" : type, List.of(l));
    located.forEach(out::refuse);
    note(path + ": Azure would refuse this resource (" + e.code() + "); its id is not known, so it is not read, and what depends on it is not known");
  }

  /** A resource of a type the reader does not read whose content cannot be evaluated: it cannot change an answer. */
  private void skip(String path, String type, PgreachException e) {
    ObjectNode skipped = Values.object();
    skipped.put("type", type);
    out.add(skipped, path);
    note(path + ": cannot be evaluated (" + e.getMessage() + "); a " + type + " is not read, so it is counted as skipped");
  }

  /** A resource instance that cannot be evaluated: refused on its own (a stand-in keeps its id), every problem reported. */
  private void refuseInstance(Instance i, List<TemplateError.Located> problems) {
    if (problems.stream().anyMatch(TemplateError::fatal)) {
      problems.stream().filter(TemplateError::fatal).forEach(l -> problem(l.exception()));
      return;
    }
    if (!ResourceInput.isReadType(i.type) && !i.isDeployment()) {
      skip(i.path, i.type, problems.get(0).exception());
      return;
    }
    List<PgreachException> located = at(i.path, i.type, problems);
    if (i.id.isTextual() && i.name.isTextual() && !i.isDeployment()) {
      ObjectNode stub = Values.object();
      stub.put("id", i.id.textValue());
      stub.put("name", i.name.textValue().substring(i.name.textValue().lastIndexOf('/') + 1));
      stub.put("type", i.type);
      out.addRefused(stub, i.path, located.get(0));
      located.subList(1, located.size()).forEach(out::refuse);
    } else {
      located.forEach(out::refuse);
      note(i.path + ": Azure would refuse this " + (i.isDeployment() ? "deployment; what it deploys is not read" : "resource; it is not read")
          + ", and what depends on it is not known");
    }
  }

  /** The type a declaration writes as text (a child's joined to its parent's), or null for an expression. */
  private static String literalType(JsonNode decl, Instance parent) {
    JsonNode t = decl.isObject() ? Values.member(decl, "type") : null;
    if (t == null || !t.isTextual() || t.textValue().startsWith("[") || t.textValue().isBlank()) {
      return null;
    }
    String type = t.textValue();
    return parent != null && type.indexOf('/') < 0 ? parent.type + "/" + type : type;
  }

  void note(String note) {
    out.note(note);
  }

  // ------------------------------------------------------------------ declarations

  /** Declares every resource of a template, then deploys each. */
  private void expand(TemplateContext ctx) {
    ctx.checkGiven();
    JsonNode declared = Values.member(ctx.template, "resources");
    String key = Values.key(ctx.template, "resources");
    if (declared == null || Values.isNull(declared)) {
      return;
    }
    String at = ctx.path + Values.memberPath(key);
    if (declared.isArray()) {
      for (int i = 0; i < declared.size(); i++) {
        declare(ctx, declared.get(i), at + "[" + i + "]", Optional.empty(), null);
      }
    } else if (declared.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = declared.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> m = it.next();
        declare(ctx, m.getValue(), at + Values.memberPath(m.getKey()), Optional.of(m.getKey()), null);
      }
    } else {
      problem(ctx.error(Values.memberPath(key), declared, "must be an array of resources, or an object of resources by symbolic name"));
      return;
    }
    for (Instance i : new ArrayList<>(ctx.instances)) {
      deploy(i);
    }
  }

  /** Declares one resource: each instance of its copy loop, and its nested child resources. */
  private void declare(TemplateContext ctx, JsonNode decl, String path, Optional<String> symbol, Instance parent) {
    if (!decl.isObject()) {
      problem(path, decl, new TemplateError("must be an object: a resource"));
      return;
    }
    Scope base = parent == null ? Scope.of(ctx) : parent.scope;
    String copyKey = Values.key(decl, "copy");
    JsonNode copy = copyKey == null ? null : decl.get(copyKey);
    if (copy == null || Values.isNull(copy)) {
      instance(ctx, decl, path, base, symbol, parent);
      return;
    }
    String copyPath = path + Values.memberPath(copyKey);
    if (!copy.isObject()) {
      problem(copyPath, copy, new TemplateError("a resource's copy must be an object with name and count"));
      return;
    }
    JsonNode name;
    JsonNode count;
    try {
      name = evaluator.value(Values.member(copy, "name"), base, copyPath + ".name");
      count = evaluator.value(Values.member(copy, "count"), base, copyPath + ".count");
    } catch (TemplateError.Located l) {
      refuseDeclaration(ctx, decl, path, parent, l);
      return;
    }
    if (name == null || !name.isTextual()) {
      problem(copyPath + ".name", name == null ? Values.nullValue() : name, new TemplateError("a copy loop needs a name"));
      return;
    }
    if (Values.holdsUnknown(count)) {
      note(copyPath + ".count: the number of instances of loop " + name.textValue() + " is known only at deployment; its resources are not read, and what depends on them is not known");
      return;
    }
    int n;
    try {
      n = Evaluator.copyCount(count);
    } catch (TemplateError t) {
      refuseDeclaration(ctx, decl, path, parent, Evaluator.located(copyPath + ".count", Values.member(copy, "count"), t));
      return;
    }
    for (int i = 0; i < n; i++) {
      Instance made = instance(ctx, decl, path, base.inCopy(name.textValue(), i), symbol.map(s -> s), parent);
      if (made != null && symbol.isPresent()) {
        ctx.bySymbol.computeIfAbsent((symbol.get() + "[" + i + "]").toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(made);
      }
    }
  }

  private Instance instance(TemplateContext ctx, JsonNode decl, String path, Scope scope, Optional<String> symbol, Instance parent) {
    if (++resources > Limits.MAX_RESOURCES) {
      if (resources == Limits.MAX_RESOURCES + 1) {
        problem(path, decl, new TemplateError("the template makes more than " + Limits.MAX_RESOURCES + " resources"));
      }
      return null;
    }
    String typeKey = Values.key(decl, "type");
    String nameKey = Values.key(decl, "name");
    String conditionKey = Values.key(decl, "condition");
    JsonNode type;
    JsonNode name;
    try {
      if (conditionKey != null) {
        // a resource whose condition is false is not deployed: Azure evaluates nothing else of it
        JsonNode c = evaluator.value(decl.get(conditionKey), scope, path + Values.memberPath(conditionKey));
        if (c.isBoolean() && !c.booleanValue()) {
          note(path + ": condition is false; the resource is not deployed and was not read");
          return null;
        }
      }
      type = typeKey == null ? null : evaluator.value(decl.get(typeKey), scope, path + ".type");
      name = nameKey == null ? null : evaluator.value(decl.get(nameKey), scope, path + ".name");
    } catch (TemplateError.Located l) {
      refuseDeclaration(ctx, decl, path, parent, l);
      return null;
    }
    if (type == null || !type.isTextual() || type.textValue().isBlank()) {
      problem(path + ".type", type == null ? Values.nullValue() : type, new TemplateError(type == null ? "is required but missing" : "must be a resource type"));
      return null;
    }
    if (name == null || (!name.isTextual() && !Values.isUnknown(name))) {
      problem(path + ".name", name == null ? Values.nullValue() : name, new TemplateError(name == null ? "is required but missing" : "must be a string"));
      return null;
    }
    String fullType = type.textValue();
    JsonNode fullName = name;
    if (parent != null && fullType.indexOf('/') < 0) {
      fullType = parent.type + "/" + fullType;
      fullName = Values.isUnknown(parent.name) || Values.isUnknown(name) ? Values.unknown("the name of " + path + " is known only at deployment")
          : Values.F.textNode(parent.name.textValue() + "/" + name.textValue());
    }
    JsonNode existing = Values.member(decl, "existing");
    if (parent != null && fullName.isTextual() && fullType.split("/").length - 1 == parent.type.split("/").length && fullName.textValue().split("/", -1).length == 1
        && parent.name.isTextual()) {
      fullName = Values.F.textNode(parent.name.textValue() + "/" + fullName.textValue()); // a child with its full type and its own name only
    }
    JsonNode id;
    try {
      id = id(ctx, decl, path, scope, fullType, fullName);
    } catch (TemplateError.Located l) {
      if (ResourceInput.isReadType(fullType) || fullType.equalsIgnoreCase("Microsoft.Resources/deployments")) {
        refuseDeclaration(ctx, decl, path, parent, l);
        return null;
      }
      id = Values.unknown(l.getMessage()); // a type pgreach does not read: its id is not needed
    }
    Instance made = new Instance(ctx, decl, path, scope, symbol, fullType, fullName, id, existing != null && existing.isBoolean() && existing.booleanValue());
    ctx.instances.add(made);
    symbol.ifPresent(s -> ctx.bySymbol.computeIfAbsent(s.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(made));
    if (id.isTextual()) {
      ctx.byId.put(id.textValue().toLowerCase(Locale.ROOT), made);
    }
    if (fullName.isTextual()) {
      ctx.bySymbol.computeIfAbsent("name:" + fullName.textValue().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(made);
    }
    String childrenKey = Values.key(decl, "resources");
    JsonNode children = childrenKey == null ? null : decl.get(childrenKey);
    if (children != null && children.isArray()) {
      for (int i = 0; i < children.size(); i++) {
        declare(ctx, children.get(i), path + Values.memberPath(childrenKey) + "[" + i + "]", Optional.empty(), made);
      }
    }
    return made;
  }

  /** A resource's id: its scope (the deployment's, or its own subscriptionId, resourceGroup or scope), its type and name. */
  private JsonNode id(TemplateContext ctx, JsonNode decl, String path, Scope scope, String type, JsonNode name) {
    if (Values.isUnknown(name)) {
      return name;
    }
    if (ctx.target.unknownScope().isPresent() && Values.key(decl, "scope") == null && Values.key(decl, "subscriptionId") == null) {
      return Values.unknown(ctx.target.unknownScope().get());
    }
    String[] levels = type.split("/");
    String[] names = name.textValue().split("/", -1);
    if (levels.length < 2 || names.length != levels.length - 1) {
      throw Evaluator.located(path + ".name", name, new TemplateError("a resource of type " + type + " needs " + (levels.length - 1) + " name segment" + (levels.length == 2 ? "" : "s") + " separated by '/'"));
    }
    StringBuilder tail = new StringBuilder("/providers/").append(levels[0]).append('/').append(levels[1]).append('/').append(names[0]);
    for (int k = 2; k < levels.length; k++) {
      tail.append('/').append(levels[k]).append('/').append(names[k - 1]);
    }
    String scopeKey = Values.key(decl, "scope");
    if (scopeKey != null) {
      JsonNode s = evaluator.value(decl.get(scopeKey), scope, path + Values.memberPath(scopeKey));
      if (Values.isUnknown(s)) {
        return s;
      }
      if (s.isTextual()) {
        String base = s.textValue();
        if (base.startsWith("/")) {
          return Values.F.textNode((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + tail);
        }
        if (base.indexOf('/') > 0) {
          // Bicep's relative form: Namespace/type/name, in the deployment's own scope
          Target t = ctx.target;
          String root = t.subscriptionId().map(sid -> "/subscriptions/" + sid + t.resourceGroup().map(g -> "/resourceGroups/" + g).orElse("")).orElse("");
          return Values.F.textNode(root + "/providers/" + base + tail);
        }
        // a 2.0 symbolic scope: a resource of this template, by symbolic name
        List<Instance> target = ctx.bySymbol.get(base.toLowerCase(Locale.ROOT));
        if (target != null && target.size() == 1) {
          return target.get(0).id.isTextual() ? Values.F.textNode(target.get(0).id.textValue() + tail) : target.get(0).id;
        }
        return Values.unknown("the scope of " + path + " is not a resource id this template makes");
      }
    }
    Target t = ctx.target;
    Optional<String> sub = t.subscriptionId();
    Optional<String> group = t.resourceGroup();
    String subKey = Values.key(decl, "subscriptionId");
    String groupKey = Values.key(decl, "resourceGroup");
    if (subKey != null) {
      JsonNode s = evaluator.value(decl.get(subKey), scope, path + Values.memberPath(subKey));
      if (Values.isUnknown(s)) {
        return s;
      }
      sub = Optional.of(s.asText());
      group = groupKey == null ? Optional.empty() : group;
    }
    if (groupKey != null) {
      JsonNode g = evaluator.value(decl.get(groupKey), scope, path + Values.memberPath(groupKey));
      if (Values.isUnknown(g)) {
        return g;
      }
      group = Optional.of(g.asText());
    }
    if (type.equalsIgnoreCase("Microsoft.Resources/resourceGroups") && sub.isPresent()) {
      return Values.F.textNode("/subscriptions/" + sub.get() + "/resourceGroups/" + names[0]);
    }
    if (type.equalsIgnoreCase("Microsoft.Resources/subscriptions") || sub.isEmpty()) {
      boolean noSubscription = sub.isEmpty();
      return Values.F.textNode(t.managementGroup().filter(m -> noSubscription).map(m -> "/providers/Microsoft.Management/managementGroups/" + m).orElse("") + tail);
    }
    if (group.isEmpty()) {
      return Values.F.textNode("/subscriptions/" + sub.get() + tail);
    }
    return Values.F.textNode("/subscriptions/" + sub.get() + "/resourceGroups/" + group.get() + tail);
  }

  // ------------------------------------------------------------------ deploying

  /** Deploys one instance: its condition, then (unless existing) its content or its nested deployment. */
  private void deploy(Instance i) {
    if (i.state != Instance.State.PENDING) {
      return;
    }
    Optional<Boolean> condition;
    try {
      condition = condition(i);
    } catch (TemplateError.Located l) {
      i.state = Instance.State.DONE;
      refuseInstance(i, List.of(l));
      return;
    }
    if (condition.isPresent() && !condition.get()) {
      i.state = Instance.State.DONE;
      note(i.path + ": condition is false; the resource is not deployed and was not read");
      return;
    }
    if (i.existing) {
      i.state = Instance.State.DONE;
      if (i.id.isTextual()) {
        ResourceId.tryParse(i.id.textValue()).ifPresent(id -> existing.putIfAbsent(id, i.path + " (an existing resource)"));
      }
      return;
    }
    if (i.isDeployment()) {
      nested(i, condition.isEmpty());
      return;
    }
    i.state = Instance.State.DONE;
    if (!ResourceInput.isReadType(i.type)) {
      // counted as skipped by the reader; its content cannot change an answer, so it is not evaluated
      ObjectNode skipped = Values.object();
      if (i.id.isTextual() && !isExtension(i.id.textValue())) {
        skipped.put("id", i.id.textValue());
      }
      skipped.put("type", i.type);
      out.add(skipped, i.path);
      return;
    }
    if (!i.id.isTextual() || !i.name.isTextual()) {
      note(i.path + ": the name of this " + i.type + " is known only at deployment (" + ResourceInput.whyUnknown(i.id).orElse("") + "); it is not read");
      return;
    }
    List<TemplateError.Located> faults = new ArrayList<>();
    ObjectNode resource = body(i, faults);
    if (!faults.isEmpty()) {
      refuseInstance(i, faults);
      return;
    }
    deployed.add(resource);
    if (condition.isEmpty() || i.context.uncertain) {
      out.addUncertain(resource, i.path, condition.isEmpty() ? "its condition is known only at deployment" : "the condition of the deployment holding it is known only at deployment");
    } else {
      out.add(resource, i.path);
    }
  }

  /** Whether an id is an extension resource's (a lock on a server): no resource id the model names. */
  private static boolean isExtension(String id) {
    int providers = id.indexOf("/providers/");
    return providers >= 0 && id.indexOf("/providers/", providers + 1) >= 0;
  }

  /** The condition: true when absent, empty when unknown. */
  private Optional<Boolean> condition(Instance i) {
    String key = Values.key(i.declaration, "condition");
    if (key == null) {
      return Optional.of(true);
    }
    JsonNode c = evaluator.value(i.declaration.get(key), i.scope, i.path + Values.memberPath(key));
    if (Values.holdsUnknown(c)) {
      note(i.path + Values.memberPath(key) + ": the condition is known only at deployment (" + ResourceInput.whyUnknown(Values.firstUnknown(c)).orElse("") + ")");
      return Optional.empty();
    }
    if (!c.isBoolean()) {
      throw Evaluator.located(i.path + Values.memberPath(key), i.declaration.get(key), new TemplateError("a condition must be a bool, not " + Values.typeName(c)));
    }
    return Optional.of(c.booleanValue());
  }

  /**
   * The canonical resource: its evaluated members, its id, full type and last name segment. What
   * cannot be evaluated goes to {@code faults}, each member (and each member of {@code properties})
   * on its own, so that every problem is reported at once.
   */
  private ObjectNode body(Instance i, List<TemplateError.Located> faults) {
    ObjectNode r = Values.object();
    r.put("id", i.id.textValue());
    r.put("name", i.name.textValue().substring(i.name.textValue().lastIndexOf('/') + 1));
    r.put("type", i.type);
    for (Iterator<Map.Entry<String, JsonNode>> it = i.declaration.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> m = it.next();
      String k = m.getKey();
      if (k.equalsIgnoreCase("id") || k.equalsIgnoreCase("name") || k.equalsIgnoreCase("type") || NOT_RESOURCE.stream().anyMatch(k::equalsIgnoreCase)) {
        continue;
      }
      String at = i.path + Values.memberPath(k);
      JsonNode raw = m.getValue();
      if (k.equalsIgnoreCase("properties") && raw.isObject() && Values.key(raw, "copy") == null) {
        ObjectNode props = r.putObject(k);
        for (Iterator<Map.Entry<String, JsonNode>> p = raw.properties().iterator(); p.hasNext(); ) {
          Map.Entry<String, JsonNode> pm = p.next();
          member(props, pm.getKey(), pm.getValue(), i.scope, at + Values.memberPath(pm.getKey()), faults);
        }
      } else {
        member(r, k, raw, i.scope, at, faults);
      }
    }
    return r;
  }

  private void member(ObjectNode into, String key, JsonNode raw, Scope scope, String at, List<TemplateError.Located> faults) {
    try {
      into.set(key, evaluator.value(raw, scope, at));
    } catch (TemplateError.Located l) {
      faults.add(l);
    } catch (TemplateError t) {
      faults.add(Evaluator.located(at, raw, t));
    }
  }

  // ------------------------------------------------------------------ nested deployments

  /** Expands a nested deployment: its template in its scope, with its parameters; keeps its outputs. */
  private void nested(Instance i, boolean uncertain) {
    i.state = Instance.State.EVALUATING;
    i.outputs = Values.unknown("the outputs of " + i.path + " are not known");
    try {
      if (++nesting > Limits.MAX_DEPTH) {
        throw Evaluator.located(i.path, i.declaration, new TemplateError("nested deployments nest deeper than " + Limits.MAX_DEPTH));
      }
      String propsKey = Values.key(i.declaration, "properties");
      JsonNode props = propsKey == null ? null : i.declaration.get(propsKey);
      String at = i.path + (propsKey == null ? ".properties" : Values.memberPath(propsKey));
      if (props == null || !props.isObject()) {
        throw Evaluator.located(at, props == null ? Values.nullValue() : props, new TemplateError("a deployment needs properties with its template"));
      }
      String templateKey = Values.key(props, "template");
      JsonNode template = templateKey == null ? null : props.get(templateKey);
      if (template == null || !template.isObject()) {
        note(at + ": the deployment's template is linked (templateLink), not in the input; the resources it deploys are not known");
        return;
      }
      JsonNode options = Values.member(props, "expressionEvaluationOptions");
      JsonNode scopeOption = options == null || !options.isObject() ? null : Values.member(options, "scope");
      boolean inner = scopeOption != null && scopeOption.isTextual() && scopeOption.textValue().equalsIgnoreCase("inner");
      Map<String, JsonNode> supplied = new HashMap<>();
      Map<String, String> givenBy = new HashMap<>();
      String paramsKey = Values.key(props, "parameters");
      if (inner && paramsKey != null && props.get(paramsKey).isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = props.get(paramsKey).properties().iterator(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> m = it.next();
          String p = at + Values.memberPath(paramsKey) + Values.memberPath(m.getKey());
          givenBy.put(m.getKey().toLowerCase(Locale.ROOT), p);
          JsonNode given = m.getValue().isTextual() ? evaluator.value(m.getValue(), i.scope, p) : m.getValue();
          if (Values.isUnknown(given)) {
            supplied.put(m.getKey().toLowerCase(Locale.ROOT), given);
            continue;
          }
          JsonNode value = given.isObject() ? Values.member(given, "value") : null;
          if (value != null) {
            supplied.put(m.getKey().toLowerCase(Locale.ROOT), m.getValue().isTextual() ? value : evaluator.value(value, i.scope, p + ".value"));
          } else if (given.isObject() && Values.member(given, "reference") != null) {
            supplied.put(m.getKey().toLowerCase(Locale.ROOT), Values.unknown("parameter " + m.getKey() + " of " + i.path + " is a Key Vault secret"));
          } else {
            throw Evaluator.located(p, given, new TemplateError("a nested deployment's parameter must be an object with a value"));
          }
        }
      }
      TemplateContext ctx = new TemplateContext(this, template, at + Values.memberPath(templateKey), target(i, template), i.context, !inner, supplied);
      ctx.uncertain = uncertain || i.context.uncertain;
      ctx.givenBy.putAll(givenBy);
      expand(ctx);
      if (uncertain) {
        note(i.path + ": the deployment's condition is known only at deployment; what it deploys is read as uncertain");
      }
      i.outputs = outputs(ctx);
    } catch (TemplateError.Located l) {
      refuseInstance(i, List.of(l));
    } finally {
      nesting--;
      i.state = Instance.State.DONE;
    }
  }

  /** Where a nested deployment deploys: its resourceGroup and subscriptionId, else its parent's scope. */
  private Target target(Instance i, JsonNode template) {
    Target t = i.context.target;
    Optional<String> sub = t.subscriptionId();
    Optional<String> group = t.resourceGroup();
    Optional<String> location = t.location();
    JsonNode schema = Values.member(template, "$schema");
    boolean subscriptionLevel = schema != null && schema.isTextual() && schema.textValue().toLowerCase(Locale.ROOT).contains("subscriptiondeploymenttemplate");
    String subKey = Values.key(i.declaration, "subscriptionId");
    String groupKey = Values.key(i.declaration, "resourceGroup");
    Optional<String> unknown = Optional.empty();
    if (subKey != null) {
      JsonNode s = evaluator.value(i.declaration.get(subKey), i.scope, i.path + Values.memberPath(subKey));
      sub = s.isTextual() ? Optional.of(s.textValue()) : Optional.empty();
      if (!s.isTextual()) {
        unknown = Optional.of("the subscription of " + i.path + " is known only at deployment");
      }
      if (groupKey == null) {
        group = Optional.empty();
      }
    }
    if (groupKey != null) {
      JsonNode g = evaluator.value(i.declaration.get(groupKey), i.scope, i.path + Values.memberPath(groupKey));
      Optional<String> given = g.isTextual() ? Optional.of(g.textValue()) : Optional.empty();
      if (!g.isTextual()) {
        unknown = Optional.of("the resource group of " + i.path + " is known only at deployment");
      }
      if (!given.map(x -> x.equalsIgnoreCase(t.resourceGroup().orElse(""))).orElse(false)) {
        location = Optional.empty(); // another group's location is not known
      }
      group = given;
    }
    if (subscriptionLevel) {
      group = Optional.empty();
    }
    Target nested = t.inResourceGroup(sub, group, location, i.name);
    return unknown.map(nested::withUnknownScope).orElse(nested);
  }

  private JsonNode outputs(TemplateContext ctx) {
    JsonNode declared = Values.member(ctx.template, "outputs");
    ObjectNode out = Values.object();
    if (declared == null || !declared.isObject()) {
      return out;
    }
    String base = ctx.path + Values.memberPath(Values.key(ctx.template, "outputs"));
    for (Iterator<Map.Entry<String, JsonNode>> it = declared.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> m = it.next();
      String at = base + Values.memberPath(m.getKey());
      ObjectNode o = out.putObject(m.getKey());
      JsonNode type = Values.member(m.getValue(), "type");
      if (type != null) {
        o.set("type", type);
      }
      try {
        JsonNode copy = Values.member(m.getValue(), "copy");
        if (copy != null && copy.isObject()) {
          JsonNode count = evaluator.value(Values.member(copy, "count"), Scope.of(ctx), at + ".copy.count");
          if (Values.holdsUnknown(count)) {
            o.set("value", Values.unknown("the number of elements of output " + m.getKey() + " is known only at deployment"));
            continue;
          }
          var values = Values.array();
          int n = Evaluator.copyCount(count);
          for (int k = 0; k < n; k++) {
            values.add(evaluator.value(Values.member(copy, "input"), Scope.of(ctx).inCopy(m.getKey(), k), at + ".copy.input"));
          }
          o.set("value", values);
        } else {
          JsonNode value = Values.member(m.getValue(), "value");
          o.set("value", value == null ? Values.nullValue() : evaluator.value(value, Scope.of(ctx), at + ".value"));
        }
      } catch (TemplateError.Located l) {
        // an output that cannot be evaluated is unknown to whoever reads it; it is no problem of its own
        o.set("value", Values.unknown("output " + m.getKey() + " cannot be evaluated: " + l.getMessage()));
      } catch (TemplateError t) {
        o.set("value", Values.unknown("output " + m.getKey() + " cannot be evaluated: " + t.getMessage()));
      }
    }
    return out;
  }

  /** {@code reference(…)}: a nested deployment's outputs; anything else deployed is unknown. */
  JsonNode reference(TemplateContext ctx, String target, boolean full) {
    for (TemplateContext c = ctx; c != null; c = c.parent) {
      String key = target.toLowerCase(Locale.ROOT);
      Instance found = c.byId.get(key);
      if (found == null) {
        List<Instance> s = c.bySymbol.get(key);
        if (s == null) {
          s = c.bySymbol.get("name:" + key);
        }
        found = s != null && s.size() == 1 ? s.get(0) : null;
      }
      if (found != null) {
        if (!found.isDeployment()) {
          break;
        }
        if (found.state == Instance.State.PENDING) {
          deploy(found);
        }
        if (found.outputs == null || Values.isUnknown(found.outputs)) {
          return found.outputs == null ? Values.unknown("the outputs of " + found.path + " are not known yet") : found.outputs;
        }
        ObjectNode r = Values.object();
        if (full) {
          evaluator.open(r.putObject("properties").set("outputs", found.outputs));
          evaluator.open(r.get("properties"));
        } else {
          r.set("outputs", found.outputs);
        }
        return evaluator.open(r);
      }
    }
    return Values.unknown("reference('" + target + "') reads a deployed resource's state, known only at deployment");
  }
}
