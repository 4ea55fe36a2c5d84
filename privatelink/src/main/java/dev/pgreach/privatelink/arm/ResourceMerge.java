package dev.pgreach.privatelink.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgreach.core.ResourceId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Merges the listings of several documents into one resource per id.
 *
 * <p>The rules, in input order (document by document, each in its own order):
 *
 * <ul>
 *   <li>Ids compare ignoring case. A resource keeps the {@code id}, {@code name} and {@code type}
 *       text and the place in the output of its first listing.
 *   <li>A later document's listing is merged into the earlier one: objects merge member by member
 *       (names compare ignoring case), a later value replaces an earlier one, an array replaces an
 *       earlier array whole, and {@code null} never replaces anything: a later {@code properties:
 *       null} (what {@code az resource list} and Resource Graph projections give) or a member
 *       written as {@code null} is "not shown", so the earlier description stands. A resource
 *       whose {@code properties} no listing shows has none.
 *   <li>A resource listed twice by one document is not merged: both listings go to the reader,
 *       which requires them to agree.
 *   <li>A child that a parent from another document lists inline (a virtual network's {@code
 *       subnets}, a group's {@code securityRules}, a table's {@code routes}) is merged into that
 *       inline element instead of being listed twice: a later standalone listing into the earlier
 *       parent's element, an earlier standalone listing under the later parent's element. A
 *       standalone child the parent's inline list does not hold stays on its own.
 *   <li>A flexible server's private endpoint connection listed on its own (a {@code
 *       PrivateEndpointConnectionList}) joins its server's {@code privateEndpointConnections}
 *       when the server is in the input, from any document: merged with the entry of the same id,
 *       else appended.
 *   <li>Every listing's path is kept ({@link ShapedResource#sources()}), and every member keeps the
 *       path that gave it ({@link ShapedResource#origins()}).
 * </ul>
 */
final class ResourceMerge {
  /**
   * A resource being merged. It starts as its first listing, whose tree it takes over (the
   * listing's tree is the resource's own, made by {@link ResourceForms} over the input); what is
   * merged into it changes that tree in place, and its bookkeeping (sources, origins, members
   * shown) is copied out of the listing on the first change only, so that a resource listed once
   * costs nothing here.
   */
  private static final class Entry {
    final ObjectNode resource;
    final String path;
    final ResourceForm form;
    final Optional<String> key;
    /** The parent's id, its case folded, as the resource's first id text gives it; null when it has none. */
    final String parentKey;
    private final ShapedResource first;
    private final int firstSequence;
    private final int firstDocument;
    private Map<Integer, String> sources;
    private Map<String, String> origins;
    private Set<Integer> documents;
    private SortedSet<String> shown;
    private SortedSet<String> nulls;
    private Map<String, Integer> collectionDocument;
    Optional<String> missing;
    Optional<String> missingNote;
    boolean folded;

    Entry(Listing l, Ids ids) {
      ShapedResource s = l.shaped();
      this.first = s;
      this.resource = s.resource();
      this.path = s.path();
      this.form = s.form();
      this.missing = s.propertiesMissing();
      this.missingNote = l.missingNote();
      this.key = l.key();
      this.firstSequence = l.sequence();
      this.firstDocument = l.document();
      // Only a child that some parent lists inline can be folded into one.
      this.parentKey = s.type().flatMap(ArmTypes::collectionOf).isEmpty()
          ? null
          : s.id().flatMap(ids::tryParse).flatMap(ResourceId::parent).map(p -> Json.foldCase(p.toString())).orElse(null);
      noteCollections(this, l);
    }

    /** Makes the bookkeeping the entry's own, before its first change. */
    void change() {
      if (origins == null) {
        sources = new TreeMap<>();
        sources.put(firstSequence, path);
        origins = new TreeMap<>(first.origins());
        documents = new HashSet<>();
        documents.add(firstDocument);
        shown = new TreeSet<>(first.shownMembers());
        nulls = new TreeSet<>(first.nullMembers());
      }
    }

    Map<String, String> origins() {
      return origins == null ? first.origins() : origins;
    }

    Map<Integer, String> sources() {
      return sources == null ? Map.of(firstSequence, path) : sources;
    }

    boolean inDocument(int document) {
      return documents == null ? document == firstDocument : documents.contains(document);
    }

    int collectionDocument(String member) {
      return collectionDocument == null ? -1 : collectionDocument.getOrDefault(member, -1);
    }

    void collectionFrom(String member, int document) {
      if (collectionDocument == null) {
        collectionDocument = new LinkedHashMap<>();
      }
      collectionDocument.put(member, document);
    }

    String type() {
      JsonNode t = resource.get("type");
      return t != null && t.isTextual() ? t.textValue() : "";
    }

    String idText() {
      JsonNode id = resource.get("id");
      return id != null && id.isTextual() ? id.textValue() : null;
    }

    String pathOf(String suffix) {
      return ShapedResource.translate(origins(), path, suffix);
    }

    ShapedResource shaped() {
      if (origins == null) {
        return first;
      }
      return ShapedResource.of(resource, path, new ArrayList<>(sources.values()), form, missing, shown, nulls, origins);
    }
  }

  private final List<Entry> entries = new ArrayList<>();
  private final Map<String, List<Entry>> byKey = new LinkedHashMap<>();
  /** The entries by their parent's folded id, in the order of {@link #entries}. */
  private final Map<String, List<Entry>> byParent = new HashMap<>();
  /**
   * Whether a merge changed an entry's id or type text, which {@link #byParent} was made from: the
   * fold then looks at every entry, as it would without the index.
   */
  private boolean rekeyed;
  private final Ids ids;


  private ResourceMerge(Ids ids) {
    this.ids = ids;
  }

  /**
   * Merges what the documents gave.
   *
   * @param g the listings, notes, child lists and problems of every document
   * @return the input
   */
  static ShapedInput merge(Gathered g) {
    ResourceMerge m = new ResourceMerge(g.ids);
    g.listings.forEach(m::add);
    List<ShapedResource> out = new ArrayList<>();
    List<String> notes = new ArrayList<>(g.notes);
    for (Entry e : m.entries) {
      if (!e.folded) {
        out.add(e.shaped());
        e.missingNote.ifPresent(notes::add);
      }
    }
    return new ShapedInput(out, g.documents, g.childLists, notes, g.problems, g.problemCount(), g.ids);
  }

  private void add(Listing l) {
    if (l.key().isPresent()) {
      List<Entry> same = byKey.getOrDefault(l.key().get(), List.of());
      boolean sameDocument = same.stream().anyMatch(e -> e.inDocument(l.document()));
      if (!same.isEmpty() && !sameDocument) {
        for (Entry e : same) {
          merge(e, l);
          foldStandaloneChildren(e, l.document());
        }
        return;
      }
      if (same.isEmpty() && foldIntoParent(l)) {
        return;
      }
    }
    Entry e = new Entry(l, ids);
    entries.add(e);
    if (e.parentKey != null) {
      byParent.computeIfAbsent(e.parentKey, x -> new ArrayList<>()).add(e);
    }
    l.key().ifPresent(k -> byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(e));
    foldStandaloneChildren(e, l.document());
  }

  private void merge(Entry e, Listing l) {
    ShapedResource s = l.shaped();
    e.change();
    String id = e.idText();
    String type = e.type();
    deepMerge(e.resource, s.resource(), "", "", s::sourcePath, e.origins, true);
    rekeyed |= !java.util.Objects.equals(id, e.idText()) || !type.equals(e.type());
    e.sources.put(l.sequence(), s.path());
    e.documents.add(l.document());
    if (s.propertiesMissing().isEmpty()) {
      e.missing = Optional.empty();
      e.missingNote = Optional.empty();
    }
    e.shown.addAll(s.shownMembers());
    e.nulls.addAll(s.nullMembers());
    e.nulls.removeAll(e.shown);
    noteCollections(e, l);
  }

  /** Remembers which document last gave each of a parent's inline collections. */
  private static void noteCollections(Entry e, Listing l) {
    JsonNode p = l.shaped().resource().get("properties");
    for (ArmTypes.Collection c : ArmTypes.collectionsOf(e.type())) {
      JsonNode list = p == null ? null : memberIgnoringCase(p, c.member());
      if (list != null && list.isArray()) {
        e.collectionFrom(c.member(), l.document());
      }
    }
  }

  /** A later standalone child that its parent lists inline is merged into that element. */
  private boolean foldIntoParent(Listing l) {
    ShapedResource child = l.shaped();
    Optional<ArmTypes.Collection> c = child.type().flatMap(t -> ArmTypes.collectionOf(t));
    if (c.isEmpty()) {
      return false;
    }
    Optional<ResourceId> parentId = child.id().flatMap(ids::tryParse).flatMap(ResourceId::parent);
    if (parentId.isEmpty()) {
      return false;
    }
    boolean connection = c.get().childType().equals(ArmTypes.PRIVATE_ENDPOINT_CONNECTION);
    for (Entry parent : byKey.getOrDefault(parentId.get().toString().toLowerCase(Locale.ROOT), List.of())) {
      if (!parent.type().equals(c.get().parentType()) || (!connection && parent.collectionDocument(c.get().member()) == l.document())) {
        continue;
      }
      ArrayNode list = inlineList(parent, c.get().member(), connection);
      if (list == null) {
        continue;
      }
      int i = indexOf(list, child.id().orElseThrow());
      String elementKey = ".properties" + Json.member(c.get().member()) + "[" + (i < 0 ? list.size() : i) + "]";
      if (i < 0 && !connection) {
        continue;
      }
      parent.change();
      if (i < 0) {
        ObjectNode element = inline(child.resource());
        list.add(element);
        record(parent.origins, elementKey, "", element, child::sourcePath);
      } else {
        deepMerge((ObjectNode) list.get(i), inline(child.resource()), elementKey, "", child::sourcePath, parent.origins, true);
      }
      parent.sources.put(l.sequence(), child.path());
      parent.shown.add(c.get().member());
      parent.nulls.remove(c.get().member());
      return true;
    }
    return false;
  }

  /**
   * Earlier standalone children (from other documents, or private endpoint connections from any)
   * that a parent's inline list now holds are folded under the inline element, which wins.
   */
  private void foldStandaloneChildren(Entry parent, int document) {
    List<ArmTypes.Collection> collections = ArmTypes.collectionsOf(parent.type());
    if (collections.isEmpty()) {
      return;
    }
    String parentId = parent.idText();
    List<Entry> candidates = rekeyed ? entries : parentId == null ? List.of() : byParent.getOrDefault(Json.foldCase(parentId), List.of());
    for (ArmTypes.Collection c : collections) {
      boolean connection = c.childType().equals(ArmTypes.PRIVATE_ENDPOINT_CONNECTION);
      for (Entry s : candidates) {
        if (s.folded || s == parent || !s.type().equals(c.childType()) || (!connection && s.inDocument(document)) || !isChildOf(s, parent)) {
          continue;
        }
        ArrayNode list = inlineList(parent, c.member(), connection);
        if (list == null) {
          continue;
        }
        int i = indexOf(list, s.resource.get("id").textValue());
        if (i < 0 && !connection) {
          continue;
        }
        String elementKey = ".properties" + Json.member(c.member()) + "[" + (i < 0 ? list.size() : i) + "]";
        ObjectNode merged = inline(s.resource);
        Map<String, String> origins = new TreeMap<>();
        record(origins, elementKey, "", merged, s::pathOf);
        parent.change();
        if (i >= 0) {
          deepMerge(merged, list.get(i), elementKey, elementKey, parent::pathOf, origins, true);
          list.set(i, merged);
        } else {
          list.add(merged);
        }
        removeUnder(parent.origins, elementKey);
        parent.origins.putAll(origins);
        parent.sources.putAll(s.sources());
        parent.shown.add(c.member());
        parent.nulls.remove(c.member());
        s.folded = true;
        s.key.ifPresent(k -> byKey.getOrDefault(k, new ArrayList<>()).remove(s));
      }
    }
  }

  private boolean isChildOf(Entry child, Entry parent) {
    JsonNode id = child.resource.get("id");
    JsonNode parentId = parent.resource.get("id");
    if (id == null || !id.isTextual() || parentId == null || !parentId.isTextual()) {
      return false;
    }
    return ids.tryParse(id.textValue()).flatMap(ResourceId::parent).map(p -> p.toString().equalsIgnoreCase(parentId.textValue())).orElse(false);
  }

  /**
   * A parent's inline list: the array under {@code properties}; made when {@code create} (a
   * server's private endpoint connections, which join it from wherever they are listed), else
   * {@code null} when it has none.
   */
  private static ArrayNode inlineList(Entry parent, String member, boolean create) {
    JsonNode p = parent.resource.get("properties");
    if (p == null || !p.isObject()) {
      if (!create) {
        return null;
      }
      p = parent.resource.putObject("properties");
    }
    JsonNode list = memberIgnoringCase(p, member);
    if (list != null && list.isArray()) {
      return (ArrayNode) list;
    }
    return create && (list == null || list.isNull()) ? ((ObjectNode) p).putArray(member) : null;
  }

  private static int indexOf(ArrayNode list, String id) {
    for (int i = 0; i < list.size(); i++) {
      JsonNode e = list.get(i);
      JsonNode eid = e.isObject() ? memberIgnoringCase(e, "id") : null;
      if (eid != null && eid.isTextual() && eid.textValue().equalsIgnoreCase(id)) {
        return i;
      }
    }
    return -1;
  }

  /** A child in the form its parent lists it: only {@code id}, {@code name}, {@code type}, {@code etag} and {@code properties}. */
  private static ObjectNode inline(ObjectNode child) {
    ObjectNode o = Json.object();
    for (String m : new String[] {"id", "name", "type", "etag", "properties"}) {
      JsonNode v = child.get(m);
      if (v != null) {
        o.set(m, v.deepCopy());
      }
    }
    return o;
  }

  private static JsonNode memberIgnoringCase(JsonNode o, String name) {
    for (Map.Entry<String, JsonNode> m : o.properties()) {
      if (m.getKey().equalsIgnoreCase(name)) {
        return m.getValue();
      }
    }
    return null;
  }

  /**
   * Merges {@code over} into {@code base}: objects member by member, everything else replaced,
   * {@code null} ignored; at the top ({@code root}) {@code id}, {@code name} and {@code type}
   * keep the base's text. Every value taken from {@code over} records its path in {@code
   * origins}.
   */
  private static void deepMerge(
      ObjectNode base, JsonNode over, String baseKey, String overKey, UnaryOperator<String> overPath, Map<String, String> origins, boolean root) {
    for (Map.Entry<String, JsonNode> m : over.properties()) {
      JsonNode v = m.getValue();
      if (v.isNull() || (root && (m.getKey().equals("id") || m.getKey().equals("name") || m.getKey().equals("type")))) {
        continue;
      }
      String existing = null;
      for (Map.Entry<String, JsonNode> b : base.properties()) {
        if (b.getKey().equalsIgnoreCase(m.getKey())) {
          existing = b.getKey();
        }
      }
      String name = existing != null ? existing : m.getKey();
      String k = baseKey + Json.member(name);
      String ko = overKey + Json.member(m.getKey());
      JsonNode current = existing != null ? base.get(existing) : null;
      if (current != null && current.isObject() && v.isObject()) {
        deepMerge((ObjectNode) current, v, k, ko, overPath, origins, false);
      } else {
        base.set(name, v.deepCopy());
        removeUnder(origins, k);
        record(origins, k, ko, v, overPath);
      }
    }
  }

  /** Records where a value and the parts of it that a source wrote elsewhere came from. */
  private static void record(Map<String, String> origins, String key, String overKey, JsonNode value, UnaryOperator<String> overPath) {
    String at = overPath.apply(overKey);
    origins.put(key, at);
    recordParts(origins, key, overKey, value, overPath, at);
  }

  private static void recordParts(Map<String, String> origins, String key, String overKey, JsonNode value, UnaryOperator<String> overPath, String at) {
    if (value.isObject()) {
      for (Map.Entry<String, JsonNode> m : value.properties()) {
        String step = Json.member(m.getKey());
        String part = overPath.apply(overKey + step);
        if (!part.equals(at + step)) {
          origins.put(key + step, part);
        }
        recordParts(origins, key + step, overKey + step, m.getValue(), overPath, part);
      }
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        String step = "[" + i + "]";
        String part = overPath.apply(overKey + step);
        if (!part.equals(at + step)) {
          origins.put(key + step, part);
        }
        recordParts(origins, key + step, overKey + step, value.get(i), overPath, part);
      }
    }
  }

  private static void removeUnder(Map<String, String> origins, String key) {
    origins.keySet().removeIf(k -> k.equals(key) || (k.startsWith(key) && (k.charAt(key.length()) == '.' || k.charAt(key.length()) == '[')));
  }
}
