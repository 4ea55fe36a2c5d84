package dev.pgreach.privatelink.arm;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * Recognises the shapes of ARM input users have and turns them into canonical ARM resources:
 * {@code az resource list} and the other {@code az … list} and {@code show} commands (flattened or
 * not), ARM REST list responses (one page or several), single REST GET bodies, Azure Resource Graph
 * results ({@code az graph query}, the REST API, table form), PowerShell {@code Get-AzResource
 * -ExpandProperties} exports with nested children, and lists of one parent's children. Several
 * documents are read in order and merged by resource id ({@link ResourceMerge}).
 *
 * <p>How each shape is recognised and what it gives is the module README's "Shapes read".
 * Problems are gathered, not thrown: {@link ShapedInput#problems()} lists every independent one
 * (one per resource, up to {@link ShapedInput#MAX_PROBLEMS}), each naming the member at fault.
 *
 * <p>ARM templates are recognised ({@link #isTemplate}) but not read here.
 */
final class ArmShapes {
  private ArmShapes() {}

  /**
   * Tells whether a document is an ARM template: its {@code $schema} names a deployment template,
   * or it has {@code resources} and is not itself a resource.
   *
   * @param tree the parsed document
   * @return whether it is a template
   */
  static boolean isTemplate(JsonNode tree) {
    if (!tree.isObject()) {
      return false;
    }
    ObjectNode o = (ObjectNode) tree;
    Optional<JsonNode> schema = memberValue(o, "$schema");
    if (schema.isPresent() && schema.get().isTextual() && schema.get().textValue().toLowerCase(Locale.ROOT).contains("deploymenttemplate")) {
      return true;
    }
    return memberValue(o, "resources").isPresent() && !isResource(o);
  }

  /**
   * Reads one document that is not a template.
   *
   * @param tree the parsed document
   * @return the resources and what was found
   */
  static ShapedInput shape(JsonNode tree) {
    Gathered g = new Gathered();
    document(g, 0, "", tree, "$");
    return ResourceMerge.merge(g);
  }

  /**
   * Reads several documents in order and merges their resources. Paths start with the document's
   * name when there is more than one ({@code b.json $.value[3]}). A template among them is a
   * problem: a template is read on its own.
   *
   * @param documents the documents, in order
   * @return the merged resources and what was found
   */
  static ShapedInput shape(List<ArmDocument> documents) {
    Gathered g = new Gathered();
    boolean named = documents.size() > 1;
    for (int i = 0; i < documents.size(); i++) {
      ArmDocument d = documents.get(i);
      String root = named ? d.name() + " $" : "$";
      JsonNode tree;
      try {
        tree = Json.parse(d.json(), root);
      } catch (PgreachException e) {
        g.problem(e);
        continue;
      }
      if (isTemplate(tree)) {
        g.problem(templateAmongOthers((ObjectNode) tree, root));
        continue;
      }
      document(g, i, named ? d.name() : "", tree, root);
    }
    return ResourceMerge.merge(g);
  }

  private static PgreachException templateAmongOthers(ObjectNode o, String root) {
    String why = "makes the document an ARM template; a template is read on its own, not together with other documents";
    for (String member : new String[] {"resources", "$schema"}) {
      for (Map.Entry<String, JsonNode> m : o.properties()) {
        if (m.getKey().equalsIgnoreCase(member)) {
          return ResourceForms.error(root + Json.member(m.getKey()), m.getValue(), why);
        }
      }
    }
    return ResourceForms.error(root, o, why);
  }

  // ------------------------------------------------------------------ documents

  private static void document(Gathered g, int index, String name, JsonNode tree, String root) {
    ResourceForms forms = new ResourceForms(g, index);
    try {
      if (tree.isArray()) {
        if (tree.size() > 0 && allPages(tree)) {
          pages(g, forms, name, tree, root);
        } else {
          List<Listing> listed = new ArrayList<>();
          for (int i = 0; i < tree.size(); i++) {
            listed.addAll(forms.read(tree.get(i), root + "[" + i + "]", ResourceForms.Mode.ANY, Map.of()));
          }
          boolean az = !listed.isEmpty() && listed.stream().allMatch(l -> l.shaped().form() == ResourceForm.FLATTENED);
          childLists(g, listed, root, az ? ChildList.Completeness.COMPLETE : ChildList.Completeness.UNKNOWN, Optional.empty());
          g.documents.add(new DocumentShape(name, ArmShape.RESOURCE_ARRAY, root, listed.size(), Optional.empty()));
        }
        return;
      }
      if (!tree.isObject()) {
        throw unrecognised(root, tree);
      }
      ObjectNode o = (ObjectNode) tree;
      refuseControls(o, root);
      Optional<Map.Entry<String, JsonNode>> value = isResource(o) ? Optional.empty() : ResourceForms.member(o, "value", root, Map.of());
      Optional<Map.Entry<String, JsonNode>> data = isResource(o) ? Optional.empty() : ResourceForms.member(o, "data", root, Map.of());
      if (value.isPresent()) {
        restList(g, forms, name, o, value.get(), root);
      } else if (data.isPresent()) {
        graph(g, forms, name, o, data.get(), root);
      } else if (isResource(o)) {
        List<Listing> listed = forms.read(o, root, ResourceForms.Mode.ANY, Map.of());
        g.documents.add(new DocumentShape(name, ArmShape.RESOURCE, root, listed.size(), Optional.empty()));
      } else if (o.size() == 1 && o.properties().iterator().next().getValue().isObject() && isResource((ObjectNode) o.properties().iterator().next().getValue())) {
        Map.Entry<String, JsonNode> only = o.properties().iterator().next();
        String path = root + Json.member(only.getKey());
        List<Listing> listed = forms.read(only.getValue(), path, ResourceForms.Mode.ANY, Map.of());
        g.documents.add(new DocumentShape(name, ArmShape.WRAPPED_RESOURCE, path, listed.size(), Optional.empty()));
      } else {
        throw unrecognised(root, tree);
      }
    } catch (PgreachException e) {
      g.problem(e);
    }
  }

  private static PgreachException unrecognised(String root, JsonNode tree) {
    StringBuilder members = new StringBuilder();
    if (tree.isObject()) {
      List<String> names = new ArrayList<>();
      tree.fieldNames().forEachRemaining(names::add);
      members.append(names.isEmpty() ? "; it is empty" : "; its members are " + Json.clip(String.join(", ", names)));
    }
    return ResourceForms.error(
        root,
        tree,
        "must be a JSON array of ARM resources (as az resource list, az … list, a Resource Graph query or Get-AzResource gives), an object whose value (an ARM"
            + " REST list) or data (Resource Graph) is such an array, one resource (a REST GET body, az … show), or an ARM template with a resources array%s",
        members);
  }

  /** Documents that look like input but hold no resources: parameters files and REST API examples. */
  private static void refuseControls(ObjectNode o, String root) {
    Optional<Map.Entry<String, JsonNode>> schema = ResourceForms.member(o, "$schema", root, Map.of());
    if (schema.isPresent() && schema.get().getValue().isTextual() && schema.get().getValue().textValue().toLowerCase(Locale.ROOT).contains("deploymentparameters")) {
      throw ResourceForms.error(
          root + Json.member(schema.get().getKey()),
          schema.get().getValue(),
          "is an ARM deployment parameters file: it gives a template's parameter values, not resources; give them as the companion document's"
              + " deployment.parameters, with the template as the input");
    }
    Optional<Map.Entry<String, JsonNode>> responses = ResourceForms.member(o, "responses", root, Map.of());
    Optional<Map.Entry<String, JsonNode>> parameters = ResourceForms.member(o, "parameters", root, Map.of());
    if (responses.isPresent() && responses.get().getValue().isObject() && parameters.isPresent() && !isResource(o)) {
      throw ResourceForms.error(
          root + Json.member(responses.get().getKey()),
          responses.get().getValue(),
          "is a REST API example (a request's parameters and its responses), not a response; give a response body, such as %s",
          root + Json.member(responses.get().getKey()) + Json.member("200") + ".body");
    }
  }

  /** Whether an object is one resource rather than an envelope. */
  private static boolean isResource(ObjectNode o) {
    return ResourceForms.isPowerShell(o) || memberValue(o, "id").isPresent() || memberValue(o, "type").isPresent();
  }

  private static Optional<JsonNode> memberValue(ObjectNode o, String name) {
    for (Map.Entry<String, JsonNode> m : o.properties()) {
      if (m.getKey().equalsIgnoreCase(name) && !m.getValue().isNull()) {
        return Optional.of(m.getValue());
      }
    }
    return Optional.empty();
  }

  // ------------------------------------------------------------------ REST lists

  private static boolean allPages(JsonNode tree) {
    for (JsonNode e : tree) {
      if (!e.isObject() || isResource((ObjectNode) e) || memberValue((ObjectNode) e, "value").map(v -> !v.isArray()).orElse(true)) {
        return false;
      }
    }
    return true;
  }

  private static void restList(Gathered g, ResourceForms forms, String name, ObjectNode o, Map.Entry<String, JsonNode> value, String root) {
    String path = root + Json.member(value.getKey());
    Optional<String> next = nextLink(o, root);
    List<Listing> listed = elements(forms, value.getValue(), path, ResourceForms.Mode.ANY);
    next.ifPresent(n -> g.notes.add(continued(root, o, "nextLink", n, "the list is one page of more; the resources of the other pages are not in the input")));
    childLists(g, listed, path, next.isPresent() ? ChildList.Completeness.PAGE : ChildList.Completeness.COMPLETE, next);
    g.documents.add(new DocumentShape(name, ArmShape.REST_LIST, path, listed.size(), next));
  }

  private static void pages(Gathered g, ResourceForms forms, String name, JsonNode tree, String root) {
    List<Listing> listed = new ArrayList<>();
    boolean chained = true;
    Optional<String> next = Optional.empty();
    for (int i = 0; i < tree.size(); i++) {
      ObjectNode page = (ObjectNode) tree.get(i);
      String pageRoot = root + "[" + i + "]";
      Map.Entry<String, JsonNode> value = ResourceForms.member(page, "value", pageRoot, Map.of()).orElseThrow();
      next = nextLink(page, pageRoot);
      chained &= i == tree.size() - 1 || next.isPresent();
      listed.addAll(elements(forms, value.getValue(), pageRoot + Json.member(value.getKey()), ResourceForms.Mode.ANY));
    }
    Optional<String> last = next;
    last.ifPresent(n -> g.notes.add(continued(root + "[" + (tree.size() - 1) + "]", (ObjectNode) tree.get(tree.size() - 1), "nextLink", n, "the last page given has a next page; its resources are not in the input")));
    ChildList.Completeness completeness = last.isPresent() ? ChildList.Completeness.PAGE : chained ? ChildList.Completeness.COMPLETE : ChildList.Completeness.UNKNOWN;
    childLists(g, listed, root, completeness, last);
    g.documents.add(new DocumentShape(name, ArmShape.REST_LIST_PAGES, root, listed.size(), last));
  }

  /** A list's {@code nextLink}: a string, or absent or {@code null} on the last page. */
  private static Optional<String> nextLink(ObjectNode o, String root) {
    Optional<Map.Entry<String, JsonNode>> n = ResourceForms.member(o, "nextLink", root, Map.of());
    if (n.isEmpty() || n.get().getValue().isNull()) {
      return Optional.empty();
    }
    if (!n.get().getValue().isTextual()) {
      throw ResourceForms.error(root + Json.member(n.get().getKey()), n.get().getValue(), "must be a string or null");
    }
    return Optional.of(n.get().getValue().textValue()).filter(t -> !t.isEmpty());
  }

  private static String continued(String root, ObjectNode o, String member, String value, String what) {
    String key = ResourceForms.member(o, member, root, Map.of()).map(Map.Entry::getKey).orElse(member);
    return root + Json.member(key) + " (" + Json.quote(Json.clip(value)) + "): " + what;
  }

  private static List<Listing> elements(ResourceForms forms, JsonNode list, String path, ResourceForms.Mode mode) {
    if (!list.isArray()) {
      throw ResourceForms.error(path, list, "must be an array");
    }
    List<Listing> listed = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      listed.addAll(forms.read(list.get(i), path + "[" + i + "]", mode, Map.of()));
    }
    return listed;
  }

  // ------------------------------------------------------------------ Resource Graph

  private static void graph(Gathered g, ResourceForms forms, String name, ObjectNode o, Map.Entry<String, JsonNode> data, String root) {
    String path = root + Json.member(data.getKey());
    Optional<String> skip = Optional.empty();
    for (String token : new String[] {"skip_token", "$skipToken", "skipToken"}) {
      Optional<Map.Entry<String, JsonNode>> t = ResourceForms.member(o, token, root, Map.of());
      if (t.isPresent() && t.get().getValue().isTextual() && !t.get().getValue().textValue().isEmpty()) {
        skip = Optional.of(t.get().getValue().textValue());
        g.notes.add(continued(root, o, token, skip.get(), "the query's results continue beyond this document; the rows of the other pages are not in the input"));
      }
    }
    Optional<Map.Entry<String, JsonNode>> truncated = ResourceForms.member(o, "resultTruncated", root, Map.of());
    if (skip.isEmpty() && truncated.isPresent() && truncated.get().getValue().asText().equalsIgnoreCase("true")) {
      skip = Optional.of("resultTruncated");
      g.notes.add(root + Json.member(truncated.get().getKey()) + " (" + Json.show(truncated.get().getValue()) + "): the query's results were cut short; rows beyond them are not in the input");
    }
    List<Listing> listed;
    ArmShape shape;
    if (data.getValue().isObject()) {
      listed = table(forms, (ObjectNode) data.getValue(), path);
      shape = ArmShape.RESOURCE_GRAPH_TABLE;
    } else if (data.getValue().isArray()) {
      listed = elements(forms, data.getValue(), path, ResourceForms.Mode.GRAPH);
      shape = ArmShape.RESOURCE_GRAPH;
    } else {
      throw ResourceForms.error(path, data.getValue(), "must be an array of rows, or an object with columns and rows");
    }
    childLists(g, listed, path, skip.isPresent() ? ChildList.Completeness.PAGE : ChildList.Completeness.UNKNOWN, skip);
    g.documents.add(new DocumentShape(name, shape, path, listed.size(), skip));
  }

  /** Resource Graph's table form: {@code columns} name the members of each of the {@code rows}. */
  private static List<Listing> table(ResourceForms forms, ObjectNode data, String path) {
    Map.Entry<String, JsonNode> columns = ResourceForms.member(data, "columns", path, Map.of())
        .orElseThrow(() -> ResourceForms.error(path + ".columns", null, "is required in Resource Graph's table form"));
    Map.Entry<String, JsonNode> rows = ResourceForms.member(data, "rows", path, Map.of())
        .orElseThrow(() -> ResourceForms.error(path + ".rows", null, "is required in Resource Graph's table form"));
    String columnsPath = path + Json.member(columns.getKey());
    String rowsPath = path + Json.member(rows.getKey());
    if (!columns.getValue().isArray()) {
      throw ResourceForms.error(columnsPath, columns.getValue(), "must be an array");
    }
    if (!rows.getValue().isArray()) {
      throw ResourceForms.error(rowsPath, rows.getValue(), "must be an array");
    }
    List<String> names = new ArrayList<>();
    for (int k = 0; k < columns.getValue().size(); k++) {
      JsonNode c = columns.getValue().get(k);
      String at = columnsPath + "[" + k + "]";
      JsonNode n = c.isObject() ? c.get("name") : null;
      if (n == null || !n.isTextual() || n.textValue().isEmpty()) {
        throw ResourceForms.error(at + ".name", n, "must be the column's name");
      }
      if (names.stream().anyMatch(n.textValue()::equalsIgnoreCase)) {
        throw ResourceForms.error(at + ".name", n, "repeats another column's name");
      }
      names.add(n.textValue());
    }
    List<Listing> listed = new ArrayList<>();
    for (int i = 0; i < rows.getValue().size(); i++) {
      JsonNode row = rows.getValue().get(i);
      String rowPath = rowsPath + "[" + i + "]";
      if (!row.isArray() || row.size() != names.size()) {
        forms.gathered().problem(ResourceForms.error(rowPath, row, "must be an array of %d values, one per column", names.size()));
        continue;
      }
      ObjectNode o = Json.object();
      Map<String, String> sources = new LinkedHashMap<>();
      for (int k = 0; k < names.size(); k++) {
        o.set(names.get(k), row.get(k));
        sources.put(names.get(k), rowPath + "[" + k + "]");
      }
      listed.addAll(forms.read(o, rowPath, ResourceForms.Mode.GRAPH, sources));
    }
    return listed;
  }

  // ------------------------------------------------------------------ child lists

  /**
   * Records a list that holds only children of one parent: one {@link ChildList} per child type.
   * A list of anything else (top-level resources, children of several parents) records none.
   */
  private static void childLists(Gathered g, List<Listing> listed, String path, ChildList.Completeness completeness, Optional<String> continuation) {
    if (listed.isEmpty()) {
      return;
    }
    ResourceId parent = null;
    Map<String, List<ResourceId>> byType = new LinkedHashMap<>();
    Map<String, String> spelling = new LinkedHashMap<>();
    for (Listing l : listed) {
      Optional<ResourceId> id = l.shaped().id().flatMap(ResourceId::tryParse);
      Optional<ResourceId> p = id.flatMap(ResourceId::parent);
      if (p.isEmpty() || (parent != null && !parent.equals(p.get()))) {
        return;
      }
      parent = p.get();
      String type = l.shaped().type().orElse(id.get().type());
      spelling.putIfAbsent(type.toLowerCase(Locale.ROOT), type);
      byType.computeIfAbsent(type.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(id.get());
    }
    ResourceId of = parent;
    byType.forEach((type, ids) -> g.childLists.add(new ChildList(of, spelling.get(type), completeness, path, continuation, ImmutableList.copyOf(ids))));
  }

  /** The problem of a document that holds no resource at all. */
  static PgreachException noDocuments() {
    return PgreachException.of(ErrorCode.INVALID_VALUE, "ArmImport.read.documents must hold at least one document");
  }
}
