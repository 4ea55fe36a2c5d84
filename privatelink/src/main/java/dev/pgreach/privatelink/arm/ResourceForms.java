package dev.pgreach.privatelink.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ResourceId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns one resource, in the form a document writes it ({@link ResourceForm}), into canonical ARM
 * form: a REST body with {@code id}, {@code name} and {@code type} in Azure's spelling and the
 * settings in {@code properties}. Problems are gathered, one per resource, each naming the member
 * at fault; a resource with a problem gives no listing.
 *
 * <p>Decisions:
 *
 * <ul>
 *   <li>A resource of a type pgreach describes ({@link ArmTypes}) must have a string {@code id}
 *       that is a resource id of its {@code type}; a missing {@code type} is taken from the id. Its
 *       {@code name}, when given, must be the id's last name (or the id's names joined by {@code
 *       /}); {@code resourceGroup} and {@code subscriptionId}, added by the command line and
 *       Resource Graph, must agree with the id, and are dropped.
 *   <li>Such a resource without a {@code properties} member, showing members that are not
 *       envelope, is Azure CLI's flattened output: those members become {@code properties}, in
 *       sub-resources too, {@code null}s (what the service did not return) are dropped, and so is
 *       the {@code resourceGroup} the command line adds to every object with an id. Resource
 *       Graph rows are never read as flattened: their other columns are a query's projections.
 *   <li>A resource whose {@code properties} is {@code null} or missing, or whose flattened form
 *       shows none, gets no {@code properties}, with a note (unless another document shows them):
 *       its settings are unknown.
 *   <li>Resources of other types pass through unchanged, but for a missing {@code type}, which
 *       their id gives.
 * </ul>
 */
final class ResourceForms {
  /** How a list's elements may be written. */
  enum Mode {
    /** As a REST body, flattened, or as a PowerShell object. */
    ANY,
    /** As a REST body only (a PowerShell object, once its members are mapped). */
    REST,
    /** As a Resource Graph row: a REST body whose {@code properties} a query may have left out. */
    GRAPH
  }

  /** PowerShell's member names, by canonical member; the first present wins. */
  private static final ImmutableList<String[]> POWERSHELL =
      ImmutableList.of(
          new String[] {"id", "ResourceId", "Id"},
          new String[] {"name", "Name", "ResourceName"},
          new String[] {"type", "ResourceType", "Type"},
          new String[] {"location", "Location"},
          new String[] {"kind", "Kind"},
          new String[] {"sku", "Sku"},
          new String[] {"identity", "Identity"},
          new String[] {"plan", "Plan"},
          new String[] {"managedBy", "ManagedBy"},
          new String[] {"zones", "Zones"},
          new String[] {"extendedLocation", "ExtendedLocation"},
          new String[] {"tags", "Tags"},
          new String[] {"etag", "ETag"},
          new String[] {"properties", "Properties"},
          new String[] {"resourceGroup", "ResourceGroupName"},
          new String[] {"subscriptionId", "SubscriptionId"});

  private final Gathered out;
  private final int document;

  /**
   * Makes the reader of one document's resources.
   *
   * @param out where listings, notes, child lists and problems go
   * @param document the document's index
   */
  ResourceForms(Gathered out, int document) {
    this.out = out;
    this.document = document;
  }

  /**
   * Reads one element of a list.
   *
   * @param node the element
   * @param path its JSON path
   * @param mode how it may be written
   * @param sources the paths of its members, when they are not {@code path} and the member's name
   *     (the columns of a Resource Graph table)
   * @return the listings it gave (a PowerShell object's nested children included), none after a
   *     problem
   */
  List<Listing> read(JsonNode node, String path, Mode mode, Map<String, String> sources) {
    List<Listing> added = new ArrayList<>();
    try {
      if (!node.isObject()) {
        throw error(path, node, "must be an object");
      }
      ObjectNode o = (ObjectNode) node;
      if (mode == Mode.ANY && isPowerShell(o)) {
        powerShell(o, path, Optional.empty(), added);
      } else {
        added.add(resource(o, path, mode, sources, Map.of(), ResourceForm.REST));
      }
    } catch (PgreachException e) {
      out.problem(e);
    }
    out.listings.addAll(added);
    return added;
  }

  /** Where this reader's listings and problems go. */
  Gathered gathered() {
    return out;
  }

  /** Whether an object is a PowerShell {@code Get-AzResource} object. */
  static boolean isPowerShell(ObjectNode o) {
    return o.has("ResourceId") || o.has("ResourceType");
  }

  // ------------------------------------------------------------------ REST and flattened

  private Listing resource(ObjectNode o, String path, Mode mode, Map<String, String> sources, Map<String, String> extraOrigins, ResourceForm restForm) {
    Map<String, String> origins = new TreeMap<>(extraOrigins);
    Optional<Map.Entry<String, JsonNode>> typeMember = present(member(o, "type", path, sources));
    Optional<Map.Entry<String, JsonNode>> idMember = present(member(o, "id", path, sources));
    String typeText;
    if (typeMember.isPresent()) {
      typeText = nonBlank(typeMember.get(), path, sources);
    } else {
      if (idMember.isEmpty() || !idMember.get().getValue().isTextual()) {
        throw PgreachException.of(ErrorCode.INVALID_INPUT, "%s is required but missing", at(path, sources, "type"));
      }
      typeText = parseId(idMember.get().getValue().textValue(), path, sources, idMember.get().getKey(), idMember.get().getValue()).type();
    }
    Optional<String> canonical = ArmTypes.canonical(typeText);
    if (canonical.isEmpty()) {
      ObjectNode unchanged = o;
      if (typeMember.isEmpty()) {
        unchanged = o.deepCopy();
        List<String> nulls = new ArrayList<>();
        unchanged.fieldNames().forEachRemaining(k -> {
          if (k.equalsIgnoreCase("type")) {
            nulls.add(k);
          }
        });
        unchanged.remove(nulls);
        unchanged.put("type", typeText);
      }
      return passThrough(unchanged, path, sources, extraOrigins, idMember, restForm);
    }
    ArmTypes.Schema schema = ArmTypes.schemaOf(canonical.get());
    if (idMember.isEmpty()) {
      throw error(at(path, sources, "id"), MissingNode.getInstance(), "is required: every resource in a resource list has its id");
    }
    String idKey = idMember.get().getKey();
    JsonNode idValue = idMember.get().getValue();
    if (!idValue.isTextual()) {
      throw error(at(path, sources, idKey), idValue, "must be a string");
    }
    String idText = idValue.textValue();
    ResourceId id = parseId(idText, path, sources, idKey, idValue);
    if (!id.isOfType(canonical.get())) {
      throw error(at(path, sources, idKey), idValue, "is a %s id, but the resource's type is %s", id.type(), typeText);
    }
    String name = name(o, path, sources, idText, id);
    checkAdded(o, path, sources, id);
    Optional<Map.Entry<String, JsonNode>> props = member(o, "properties", path, sources);
    boolean flattened = mode == Mode.ANY && props.isEmpty() && showsPropertyMembers(o, canonical);
    if (flattened) {
      refuseServiceCmdletObject(o, path, canonical);
    }

    ObjectNode r = Json.object();
    r.put("id", canonicalId(idText, canonical.get()));
    r.put("name", name);
    r.put("type", canonical.get());
    origin(origins, path, sources, idMember.get().getKey(), "id");
    typeMember.ifPresent(t -> origin(origins, path, sources, t.getKey(), "type"));
    present(member(o, "name", path, sources)).ifPresent(n -> origin(origins, path, sources, n.getKey(), "name"));
    for (String env : ArmTypes.ENVELOPE.subList(3, ArmTypes.ENVELOPE.size())) {
      if (flattened && !ArmTypes.isEnvelope(canonical, env)) {
        continue;
      }
      Optional<Map.Entry<String, JsonNode>> e = present(member(o, env, path, sources));
      if (e.isPresent()) {
        JsonNode v = flattened ? clean(e.get().getValue()) : e.get().getValue();
        if (v != null) {
          r.set(env, v);
          origin(origins, path, sources, e.get().getKey(), env);
        }
      }
    }
    SortedSet<String> shown = new TreeSet<>();
    SortedSet<String> nulls = new TreeSet<>();
    Optional<String> missing;
    if (flattened) {
      ObjectNode p = flatten(o, path, sources, canonical, schema, origins, shown, nulls);
      missing = p.isEmpty() ? Optional.of("no property member is shown") : Optional.empty();
      if (!p.isEmpty()) {
        r.set("properties", p);
      }
    } else if (props.isPresent()) {
      JsonNode v = props.get().getValue();
      if (v.isNull()) {
        missing = Optional.of("properties is null");
      } else if (!v.isObject()) {
        throw error(at(path, sources, props.get().getKey()), v, "must be an object");
      } else {
        missing = Optional.empty();
        r.set("properties", v);
        for (Map.Entry<String, JsonNode> m : v.properties()) {
          (m.getValue().isNull() ? nulls : shown).add(m.getKey());
        }
      }
      origin(origins, path, sources, props.get().getKey(), "properties");
    } else {
      missing = Optional.of(mode == Mode.GRAPH ? "the query's columns leave properties out" : "properties is missing");
    }
    if (!flattened) {
      for (Map.Entry<String, JsonNode> m : o.properties()) {
        if (!consumed(m.getKey())) {
          r.set(m.getKey(), m.getValue());
        }
      }
    }
    Optional<String> note = missing.map(why -> missingNote(path, sources, props, why, canonical.get(), name));
    ResourceForm form = flattened ? ResourceForm.FLATTENED : restForm;
    ShapedResource shaped = ShapedResource.of(r, path, ImmutableList.of(path), form, missing, shown, nulls, origins);
    return new Listing(shaped, document, out.nextSequence(), Optional.of(idText.toLowerCase(Locale.ROOT)), note);
  }

  private static String missingNote(String path, Map<String, String> sources, Optional<Map.Entry<String, JsonNode>> props, String why, String type, String name) {
    String where;
    if (props.isPresent()) {
      where = at(path, sources, props.get().getKey()) + " (" + Json.show(props.get().getValue()) + ")";
    } else if (why.startsWith("no property")) {
      where = path;
    } else {
      where = at(path, sources, "properties") + " (missing)";
    }
    return where + ": " + why + ", so the settings of " + type + " " + name + " are not known";
  }

  /** A resource of a type pgreach does not describe: unchanged, merged by its id when it has one. */
  private Listing passThrough(
      ObjectNode o, String path, Map<String, String> sources, Map<String, String> extraOrigins, Optional<Map.Entry<String, JsonNode>> id, ResourceForm form) {
    Map<String, String> origins = new TreeMap<>(extraOrigins);
    o.properties().forEach(m -> origin(origins, path, sources, m.getKey(), m.getKey()));
    SortedSet<String> shown = new TreeSet<>();
    SortedSet<String> nulls = new TreeSet<>();
    Optional<String> missing = Optional.empty();
    JsonNode p = null;
    for (Map.Entry<String, JsonNode> m : o.properties()) {
      if (m.getKey().equalsIgnoreCase("properties")) {
        p = m.getValue();
      }
    }
    if (p != null && p.isObject()) {
      p.properties().forEach(m -> (m.getValue().isNull() ? nulls : shown).add(m.getKey()));
    } else {
      missing = Optional.of(p == null ? "properties is missing" : "properties is " + Json.show(p));
    }
    Optional<String> key = id.filter(e -> e.getValue().isTextual()).map(e -> e.getValue().textValue().toLowerCase(Locale.ROOT));
    ShapedResource shaped = ShapedResource.of(o, path, ImmutableList.of(path), form, missing, shown, nulls, origins);
    return new Listing(shaped, document, out.nextSequence(), key, Optional.empty());
  }

  /** The members a canonical resource takes from the envelope, or drops. */
  private static boolean consumed(String member) {
    return ArmTypes.envelopeSpelling(member).isPresent() || member.equalsIgnoreCase("properties") || ArmTypes.isAdded(member);
  }

  /** Whether a resource without {@code properties} shows members that belong there. */
  private static boolean showsPropertyMembers(ObjectNode o, Optional<String> canonical) {
    for (Map.Entry<String, JsonNode> m : o.properties()) {
      String k = m.getKey();
      if (!ArmTypes.isEnvelope(canonical, k) && !ArmTypes.isAdded(k)) {
        return true;
      }
    }
    return false;
  }

  /**
   * PowerShell's service cmdlets ({@code Get-AzPostgreSqlFlexibleServer}, {@code
   * Get-AzVirtualNetwork} …) flatten in their own way ({@code NetworkPublicNetworkAccess} for
   * {@code network.publicNetworkAccess}): read as Azure CLI's form, a setting would silently go
   * missing, so such an object is refused. Its members start with a capital letter; ARM's and the
   * command line's never do.
   */
  private static void refuseServiceCmdletObject(ObjectNode o, String path, Optional<String> canonical) {
    for (Map.Entry<String, JsonNode> m : o.properties()) {
      String k = m.getKey();
      if (!k.isEmpty() && Character.isUpperCase(k.charAt(0)) && !ArmTypes.isEnvelope(canonical, k) && !ArmTypes.isAdded(k)) {
        throw error(
            path + Json.member(k),
            m.getValue(),
            "is a member of a PowerShell service cmdlet's object (Get-AzPostgreSqlFlexibleServer, Get-AzVirtualNetwork …), which flattens settings in its own way"
                + " and which pgreach does not read; export with Get-AzResource -ExpandProperties, the az command line or Resource Graph");
      }
    }
  }

  /** The {@code properties} of a flattened resource: every member outside the envelope. */
  private static ObjectNode flatten(
      ObjectNode o, String path, Map<String, String> sources, Optional<String> canonical, ArmTypes.Schema schema,
      Map<String, String> origins, SortedSet<String> shown, SortedSet<String> nulls) {
    ObjectNode p = Json.object();
    Map<String, String> seen = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> m : o.properties()) {
      String k = m.getKey();
      if (ArmTypes.isEnvelope(canonical, k) || ArmTypes.isAdded(k)) {
        continue;
      }
      String name = schema.spelling(k);
      String source = at(path, sources, k);
      String earlier = seen.put(name.toLowerCase(Locale.ROOT), k);
      if (earlier != null) {
        throw error(source, m.getValue(), "repeats member \"%s\" in another case; ARM member names are case-insensitive", earlier);
      }
      if (m.getValue().isNull()) {
        nulls.add(name);
        continue;
      }
      String key = ".properties" + Json.member(name);
      p.set(name, flattenValue(schema, name, m.getValue(), source, key, origins));
      shown.add(name);
      if (!source.equals(path + Json.member(name))) {
        origins.put(key, source);
      }
    }
    origins.put(".properties", path);
    nulls.removeAll(shown);
    return p;
  }

  /** A flattened member's value: sub-resources get their {@code properties} back, nulls are dropped. */
  private static JsonNode flattenValue(ArmTypes.Schema schema, String member, JsonNode value, String source, String key, Map<String, String> origins) {
    Optional<ArmTypes.Schema> sub = schema.subResource(member);
    if (!value.isArray() || sub.isEmpty()) {
      JsonNode c = clean(value);
      return c == null ? NullNode.getInstance() : c;
    }
    ArrayNode a = Json.array();
    for (int i = 0; i < value.size(); i++) {
      JsonNode e = value.get(i);
      String elementSource = source + "[" + i + "]";
      String elementKey = key + "[" + i + "]";
      if (e.isObject() && !hasMember(e, "properties")) {
        a.add(flattenSubResource(sub.get(), (ObjectNode) e, elementSource, elementKey, origins));
      } else {
        JsonNode c = clean(e);
        a.add(c == null ? NullNode.getInstance() : c);
      }
    }
    return a;
  }

  private static ObjectNode flattenSubResource(ArmTypes.Schema schema, ObjectNode e, String source, String key, Map<String, String> origins) {
    ObjectNode r = Json.object();
    ObjectNode p = Json.object();
    Optional<String> group = resourceGroupOfId(e);
    Map<String, String> seen = new LinkedHashMap<>();
    for (String env : ArmTypes.SUB_ENVELOPE) {
      for (Map.Entry<String, JsonNode> m : e.properties()) {
        JsonNode c = m.getKey().equalsIgnoreCase(env) ? clean(m.getValue()) : null;
        if (c != null) {
          r.set(env, c);
        }
      }
    }
    for (Map.Entry<String, JsonNode> m : e.properties()) {
      String k = m.getKey();
      boolean addedGroup = k.equalsIgnoreCase("resourceGroup") && m.getValue().isTextual() && group.map(g -> g.equalsIgnoreCase(m.getValue().textValue())).orElse(false);
      if (ArmTypes.SUB_ENVELOPE.stream().anyMatch(k::equalsIgnoreCase) || addedGroup || m.getValue().isNull()) {
        continue;
      }
      String name = schema.spelling(k);
      String earlier = seen.put(name.toLowerCase(Locale.ROOT), k);
      if (earlier != null) {
        throw error(source + Json.member(k), m.getValue(), "repeats member \"%s\" in another case; ARM member names are case-insensitive", earlier);
      }
      String memberKey = key + ".properties" + Json.member(name);
      p.set(name, flattenValue(schema, name, m.getValue(), source + Json.member(k), memberKey, origins));
      if (!k.equals(name)) {
        origins.put(memberKey, source + Json.member(k));
      }
    }
    if (!p.isEmpty()) {
      r.set("properties", p);
      origins.put(key + ".properties", source);
    }
    return r;
  }

  /**
   * A copy without {@code null} members (what the service did not return) and without the {@code
   * resourceGroup} the command line adds beside an {@code id}; {@code null} for {@code null}.
   */
  static JsonNode clean(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return null;
    }
    if (v.isObject()) {
      ObjectNode c = Json.object();
      Optional<String> group = resourceGroupOfId(v);
      for (Map.Entry<String, JsonNode> m : v.properties()) {
        boolean added = m.getKey().equals("resourceGroup") && m.getValue().isTextual() && group.map(g -> g.equalsIgnoreCase(m.getValue().textValue())).orElse(false);
        JsonNode x = added ? null : clean(m.getValue());
        if (x != null) {
          c.set(m.getKey(), x);
        }
      }
      return c;
    }
    if (v.isArray()) {
      ArrayNode a = Json.array();
      v.forEach(e -> {
        JsonNode x = clean(e);
        a.add(x == null ? NullNode.getInstance() : x);
      });
      return a;
    }
    return v.deepCopy();
  }

  private static Optional<String> resourceGroupOfId(JsonNode o) {
    JsonNode id = o.get("id");
    return id != null && id.isTextual() ? ResourceId.tryParse(id.textValue()).map(ResourceId::resourceGroup) : Optional.empty();
  }

  private static boolean hasMember(JsonNode o, String name) {
    for (Map.Entry<String, JsonNode> m : o.properties()) {
      if (m.getKey().equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  /** The name: the given one when it is the id's (in its case), else the id's last name. */
  private static String name(ObjectNode o, String path, Map<String, String> sources, String idText, ResourceId id) {
    Optional<Map.Entry<String, JsonNode>> n = present(member(o, "name", path, sources));
    if (n.isEmpty()) {
      return id.name();
    }
    if (!n.get().getValue().isTextual()) {
      throw error(at(path, sources, n.get().getKey()), n.get().getValue(), "must be a string");
    }
    String given = n.get().getValue().textValue();
    if (given.equalsIgnoreCase(id.name())) {
      return given;
    }
    if (given.equalsIgnoreCase(names(idText))) {
      return id.name();
    }
    throw error(at(path, sources, n.get().getKey()), n.get().getValue(), "names %s, but the id names %s", Json.quote(given), Json.quote(id.name()));
  }

  /** The names in an id, joined by {@code /}: {@code vnet/subnet}. */
  private static String names(String idText) {
    String[] s = idText.split("/", -1);
    StringBuilder b = new StringBuilder();
    for (int i = 8; i < s.length; i += 2) {
      b.append(b.length() == 0 ? "" : "/").append(s[i]);
    }
    return b.toString();
  }

  /** {@code resourceGroup} and {@code subscriptionId}, which tools add, must agree with the id. */
  private static void checkAdded(ObjectNode o, String path, Map<String, String> sources, ResourceId id) {
    for (Map.Entry<String, JsonNode> m : o.properties()) {
      String k = m.getKey().toLowerCase(Locale.ROOT);
      JsonNode v = m.getValue();
      String expected = k.equals("resourcegroup") ? id.resourceGroup() : k.equals("subscriptionid") ? id.subscriptionId() : null;
      if (expected == null || v.isNull()) {
        continue;
      }
      if (!v.isTextual() || !v.textValue().equalsIgnoreCase(expected)) {
        throw error(at(path, sources, m.getKey()), v, "does not agree with the id, which names %s", Json.quote(expected));
      }
    }
  }

  /**
   * An id with the fixed segments and the types in Azure's spelling, the names as written:
   * {@code /subscriptions/s/resourcegroups/rg/providers/microsoft.network/virtualnetworks/Hub}
   * becomes {@code /subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/Hub}.
   */
  static String canonicalId(String idText, String canonicalType) {
    String[] t = TYPE_SEGMENTS.computeIfAbsent(canonicalType, k -> k.split("/"));
    if (isCanonicalId(idText, t)) {
      return idText; // the same text, not a copy of it: the id parsed from it is parsed once
    }
    String[] s = idText.split("/", -1);
    if (s.length != 5 + 2 * t.length) {
      return idText;
    }
    s[1] = "subscriptions";
    s[3] = "resourceGroups";
    s[5] = "providers";
    s[6] = t[0];
    for (int j = 1; j < t.length; j++) {
      s[5 + 2 * j] = t[j];
    }
    return String.join("/", s);
  }

  /** The segments of each canonical type, split once. */
  private static final java.util.concurrent.ConcurrentMap<String, String[]> TYPE_SEGMENTS = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Whether {@link #canonicalId} would give the id's own text: it has the segments of an id of
   * the type, and its fixed segments and types are spelled as Azure spells them already.
   */
  private static boolean isCanonicalId(String idText, String[] type) {
    int segments = 5 + 2 * type.length;
    int at = 0; // the start of the segment being read, after its slash
    int segment = 0;
    while (true) {
      int slash = idText.indexOf('/', at);
      int end = slash < 0 ? idText.length() : slash;
      if (segment > 0) {
        String expected = segment == 1 ? "subscriptions" : segment == 3 ? "resourceGroups" : segment == 5 ? "providers" : segment == 6 ? type[0] : null;
        if (segment > 6 && segment % 2 == 1 && (segment - 5) / 2 < type.length) {
          expected = type[(segment - 5) / 2];
        }
        if (expected != null && !(end - at == expected.length() && idText.startsWith(expected, at))) {
          return false;
        }
      }
      segment++;
      if (slash < 0) {
        return segment == segments;
      }
      at = slash + 1;
    }
  }

  // ------------------------------------------------------------------ PowerShell

  /**
   * A {@code Get-AzResource} object: its members mapped to ARM's, then read as a REST body; its
   * nested {@code resources} become resources of their own, with ids made from the parent's when
   * they have none.
   */
  private void powerShell(ObjectNode o, String path, Optional<String[]> parent, List<Listing> added) {
    ObjectNode r = Json.object();
    Map<String, String> sources = new LinkedHashMap<>();
    Map<String, String> origins = new TreeMap<>();
    for (String[] names : POWERSHELL) {
      String canonical = names[0];
      Map.Entry<String, JsonNode> chosen = null;
      for (int i = 1; i < names.length; i++) {
        Optional<Map.Entry<String, JsonNode>> m = member(o, names[i], path, Map.of());
        if (m.isEmpty() || (chosen != null && m.get().getValue().isNull())) {
          continue;
        }
        if (chosen == null || chosen.getValue().isNull()) {
          chosen = m.get();
        } else if (!canonical.equals("name") && !sameText(chosen.getValue(), m.get().getValue())) {
          throw error(path + Json.member(m.get().getKey()), m.get().getValue(), "does not agree with %s (%s)", chosen.getKey(), Json.show(chosen.getValue()));
        }
      }
      if (chosen == null) {
        continue;
      }
      String source = path + Json.member(chosen.getKey());
      sources.put(canonical, source);
      JsonNode v = chosen.getValue();
      if (canonical.equals("sku") && v.isObject()) {
        ObjectNode sku = Json.object();
        for (Map.Entry<String, JsonNode> m : v.properties()) {
          if (m.getValue().isNull()) {
            continue;
          }
          String k = m.getKey().isEmpty() ? m.getKey() : Character.toLowerCase(m.getKey().charAt(0)) + m.getKey().substring(1);
          sku.set(k, m.getValue());
          if (!k.equals(m.getKey())) {
            origins.put(".sku" + Json.member(k), source + Json.member(m.getKey()));
          }
        }
        v = sku;
      }
      if (!v.isNull() || canonical.equals("properties")) {
        r.set(canonical, v);
      }
    }
    if (parent.isPresent() && !present(member(r, "id", path, Map.of())).isPresent()) {
      derivedId(r, path, sources, parent.get());
    }
    Listing listing = resource(r, path, Mode.REST, sources, origins, ResourceForm.POWERSHELL);
    added.add(listing);
    Optional<Map.Entry<String, JsonNode>> children = present(member(o, "resources", path, Map.of()));
    if (children.isEmpty()) {
      return;
    }
    String listPath = path + Json.member(children.get().getKey());
    JsonNode list = children.get().getValue();
    if (!list.isArray()) {
      throw error(listPath, list, "must be an array");
    }
    String parentId = listing.shaped().id().orElseThrow();
    String parentType = listing.shaped().type().orElseThrow();
    Map<String, List<ResourceId>> byType = new LinkedHashMap<>();
    Map<String, String> typeSpelling = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      String childPath = listPath + "[" + i + "]";
      List<Listing> child = new ArrayList<>();
      try {
        JsonNode e = list.get(i);
        if (!e.isObject()) {
          throw error(childPath, e, "must be an object");
        }
        powerShell((ObjectNode) e, childPath, Optional.of(new String[] {parentId, parentType}), child);
      } catch (PgreachException x) {
        out.problem(x);
      }
      for (Listing c : child) {
        Optional<ResourceId> id = c.shaped().id().flatMap(out.ids::tryParse);
        if (id.isPresent() && id.get().parent().map(p -> p.toString().equalsIgnoreCase(parentId)).orElse(false)) {
          String type = c.shaped().type().orElseThrow();
          typeSpelling.putIfAbsent(type.toLowerCase(Locale.ROOT), type);
          byType.computeIfAbsent(type.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(id.get());
        }
      }
      added.addAll(child);
    }
    ResourceId parentResource = out.ids.parse(parentId);
    byType.forEach((type, ids) -> out.childLists.add(new ChildList(parentResource, typeSpelling.get(type), ChildList.Completeness.UNKNOWN, listPath, Optional.empty(), ImmutableList.copyOf(ids))));
  }

  /** A nested PowerShell child's id: its parent's, its type's last segment and its name. */
  private static void derivedId(ObjectNode r, String path, Map<String, String> sources, String[] parent) {
    JsonNode type = r.get("type");
    JsonNode name = r.get("name");
    if (type == null || !type.isTextual() || name == null || !name.isTextual()) {
      String missing = type == null || !type.isTextual() ? "ResourceType" : "Name";
      throw error(path + Json.member(missing), r.get(missing.equals("Name") ? "name" : "type"), "is required of a nested resource that has no ResourceId");
    }
    String t = type.textValue();
    int slash = t.lastIndexOf('/');
    if (slash < 0 || !t.substring(0, slash).equalsIgnoreCase(parent[1])) {
      throw error(sources.getOrDefault("type", path + ".ResourceType"), type, "is not a child type of %s, the type of the resource it is nested in", parent[1]);
    }
    String n = name.textValue();
    String own = n.substring(n.lastIndexOf('/') + 1);
    r.put("id", parent[0] + "/" + t.substring(slash + 1) + "/" + own);
    sources.put("id", path);
  }

  private static boolean sameText(JsonNode a, JsonNode b) {
    return a.isTextual() && b.isTextual() ? a.textValue().equalsIgnoreCase(b.textValue()) : a.equals(b);
  }

  // ------------------------------------------------------------------ members and errors

  /** The member named so ignoring case; two such members are an error naming the second. */
  static Optional<Map.Entry<String, JsonNode>> member(ObjectNode o, String name, String path, Map<String, String> sources) {
    Map.Entry<String, JsonNode> found = null;
    for (Map.Entry<String, JsonNode> m : o.properties()) {
      if (m.getKey().equalsIgnoreCase(name)) {
        if (found != null) {
          throw error(at(path, sources, m.getKey()), m.getValue(), "repeats member \"%s\" in another case; ARM member names are case-insensitive", found.getKey());
        }
        found = m;
      }
    }
    return Optional.ofNullable(found);
  }

  /** A member that is present and not {@code null}. */
  private static Optional<Map.Entry<String, JsonNode>> present(Optional<Map.Entry<String, JsonNode>> m) {
    return m.filter(e -> e.getValue() != null && !e.getValue().isNull());
  }

  /** Where a member of an element is in the input. */
  static String at(String path, Map<String, String> sources, String member) {
    String s = sources.get(member);
    return s != null ? s : path + Json.member(member);
  }

  /** Records where a canonical top-level member came from, when not from its own name under {@code path}. */
  private static void origin(Map<String, String> origins, String path, Map<String, String> sources, String inputName, String canonicalName) {
    if (inputName.equals(canonicalName) && (sources.isEmpty() || !sources.containsKey(inputName))) {
      return; // written where the canonical resource has it
    }
    String source = at(path, sources, inputName);
    if (!source.equals(path + Json.member(canonicalName))) {
      origins.put(Json.member(canonicalName), source);
    }
  }

  private static String text(JsonNode v, String path) {
    if (!v.isTextual()) {
      throw error(path, v, "must be a string");
    }
    return v.textValue();
  }

  private static String nonBlank(Map.Entry<String, JsonNode> m, String path, Map<String, String> sources) {
    JsonNode v = m.getValue();
    if (!v.isTextual()) {
      throw error(at(path, sources, m.getKey()), v, "must be a string");
    }
    String t = v.textValue();
    if (t.isBlank()) {
      throw error(at(path, sources, m.getKey()), v, "must not be blank");
    }
    return t;
  }

  /** Parses the id at a member; an error names the member's path, made only then. */
  private ResourceId parseId(String text, String path, Map<String, String> sources, String member, JsonNode value) {
    try {
      return out.ids.parse(text);
    } catch (PgreachException e) {
      PgreachException x = PgreachException.of(e.code(), "%s (%s): %s", at(path, sources, member), Json.show(value), Json.message(e.getMessage()));
      x.initCause(e);
      throw x;
    }
  }

  /** An error about the value at a path, in the reader's form: {@code path (value): sentence}. */
  static PgreachException error(String path, JsonNode value, String format, Object... args) {
    return PgreachException.of(ErrorCode.INVALID_INPUT, "%s (%s): %s", path, Json.show(value), String.format(Locale.ROOT, format, args));
  }
}
