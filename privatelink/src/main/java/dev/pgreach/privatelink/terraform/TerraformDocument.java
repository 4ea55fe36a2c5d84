package dev.pgreach.privatelink.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import dev.pgreach.privatelink.arm.ResourceInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Terraform JSON document ({@code terraform show -json}) of a state or a plan, split into the
 * resource instances of each side: the state's resources; a plan's resources before it (each
 * change's {@code before}) and after it (each change's {@code after}, with {@code after_unknown}
 * and {@code after_sensitive}), and its data sources from {@code prior_state}.
 *
 * <p>Formats read: {@code format_version} 1.x (Terraform 1.0 on), and 0.x (Terraform 0.12 to
 * 0.15), whose members pgreach reads are the same. Problems of shape are collected, each naming its
 * JSON path, and thrown together.
 */
final class TerraformDocument {
  /** What a document is. */
  enum Kind {
    STATE,
    PLAN
  }

  final Kind kind;
  final JsonNode root;
  final String version;
  final List<Instance> before = new ArrayList<>();
  final List<Instance> after = new ArrayList<>();
  final List<String> notes = new ArrayList<>();
  final List<PgreachException> problems = new ArrayList<>();
  /** Each change's address with its actions, in document order. */
  final List<String[]> changes = new ArrayList<>();

  private TerraformDocument(Kind kind, JsonNode root, String version) {
    this.kind = kind;
    this.root = root;
    this.version = version;
  }

  /**
   * Parses a document and tells its kind.
   *
   * @param json the document
   * @param expected the kind the caller reads
   * @return the document, with its instances
   * @throws PgreachException {@link ErrorCode#INVALID_INPUT} for JSON that cannot be read, a
   *     format version pgreach does not read, a document of the other kind, or a mistake in shape
   */
  static TerraformDocument parse(String json, Kind expected) {
    JsonNode root = ResourceInput.parse(json, "$");
    if (!root.isObject()) {
      throw PgreachException.of(ErrorCode.INVALID_INPUT, "$ (%s): must be the JSON object terraform show -json prints", shape(root));
    }
    JsonNode fv = root.path("format_version");
    if (!fv.isTextual()) {
      throw PgreachException.of(ErrorCode.INVALID_INPUT, "$.format_version (%s): is required: terraform show -json writes it as text such as \"1.2\"", shape(fv));
    }
    String version = fv.textValue();
    String major = version.contains(".") ? version.substring(0, version.indexOf('.')) : version;
    if (!major.equals("1") && !major.equals("0")) {
      throw PgreachException.of(
          ErrorCode.INVALID_INPUT, "$.format_version (\"%s\"): is not a format pgreach reads; it reads 1.x (Terraform 1.0 on) and 0.x (Terraform 0.12 to 0.15)", clip(version));
    }
    boolean plan = root.has("resource_changes") || root.has("planned_values") || root.has("prior_state") || root.has("configuration");
    Kind kind = plan ? Kind.PLAN : Kind.STATE;
    if (kind != expected) {
      throw PgreachException.of(
          ErrorCode.INVALID_INPUT,
          kind == Kind.PLAN
              ? "$: is a plan (it has resource_changes, planned_values, prior_state or configuration), not a state; read it as a plan"
              : "$: is a state (it has no resource_changes, planned_values, prior_state or configuration), not a plan; read it as a state");
    }
    TerraformDocument d = new TerraformDocument(kind, root, version);
    if (kind == Kind.STATE) {
      d.module(root.path("values").path("root_module"), "$.values.root_module", d.before, true);
    } else {
      d.plan();
    }
    return d;
  }

  private void plan() {
    JsonNode changesNode = root.path("resource_changes");
    if (changesNode.isMissingNode() || changesNode.isNull()) {
      if (root.path("planned_values").path("root_module").path("resources").size() > 0
          || root.path("planned_values").path("root_module").path("child_modules").size() > 0) {
        problem("$.resource_changes (missing): is required in a plan with planned_values: without it, which values are known only after apply cannot be told");
      }
      return;
    }
    if (!changesNode.isArray()) {
      problem("$.resource_changes (%s): must be an array", shape(changesNode));
      return;
    }
    for (int i = 0; i < changesNode.size(); i++) {
      String at = "$.resource_changes[" + i + "]";
      JsonNode rc = changesNode.get(i);
      if (!rc.isObject()) {
        problem("%s (%s): must be an object", at, shape(rc));
        continue;
      }
      String address = requiredText(rc, "address", at);
      String type = requiredText(rc, "type", at);
      String name = requiredText(rc, "name", at);
      JsonNode change = rc.path("change");
      if (!change.isObject()) {
        problem("%s.change (%s): must be an object", at, shape(change));
        continue;
      }
      JsonNode actions = change.path("actions");
      if (!actions.isArray() || actions.isEmpty()) {
        problem("%s.change.actions (%s): must be a non-empty array, such as [\"create\"]", at, shape(actions));
        continue;
      }
      if (address == null || type == null || name == null) {
        continue;
      }
      List<String> acts = new ArrayList<>();
      actions.forEach(a -> acts.add(a.asText()));
      String mode = rc.path("mode").asText("managed");
      String module = rc.path("module_address").asText("");
      if (rc.has("deposed")) {
        notes.add(at + ": " + address + " (deposed object " + clip(rc.path("deposed").asText()) + ") is a leftover being destroyed; it is not read");
        continue;
      }
      changes.add(new String[] {address, String.join(",", acts)});
      JsonNode b = change.path("before");
      JsonNode a = change.path("after");
      if (!b.isNull() && !b.isMissingNode()) {
        if (!b.isObject()) {
          problem("%s.change.before (%s): must be an object or null", at, shape(b));
        } else {
          before.add(new Instance(address, module, mode, type, name, (ObjectNode) b, MissingNode.getInstance(), marks(change.path("before_sensitive")), at + ".change.before"));
        }
      }
      if (acts.equals(List.of("forget")) && b.isObject()) {
        // Removed from the state, not destroyed: the resource stays in Azure as it was.
        after.add(new Instance(address, module, mode, type, name, (ObjectNode) b, MissingNode.getInstance(), marks(change.path("before_sensitive")), at + ".change.before"));
        notes.add(at + ": " + address + " is forgotten (removed from the state, not destroyed); it is read as staying as it is");
        continue;
      }
      if (!a.isNull() && !a.isMissingNode()) {
        if (!a.isObject()) {
          problem("%s.change.after (%s): must be an object or null", at, shape(a));
        } else {
          after.add(new Instance(address, module, mode, type, name, (ObjectNode) a, marks(change.path("after_unknown")), marks(change.path("after_sensitive")), at + ".change.after"));
        }
      } else if (!acts.contains("delete") && mode.equals("managed")) {
        // An object whose after is not given (a change of a kind pgreach does not know): nothing is assumed.
        notes.add(at + ": " + address + " has no after value for actions " + acts + "; it is left out of the planned estate");
      }
    }
    // Data sources the plan read are outside it: known by id.
    JsonNode prior = root.path("prior_state").path("values").path("root_module");
    List<Instance> data = new ArrayList<>();
    module(prior, "$.prior_state.values.root_module", data, false);
    for (Instance d : data) {
      if (!d.managed()) {
        before.add(d);
        after.add(d);
      }
    }
  }

  /** Reads a module's resources and its child modules' into {@code out}. */
  private void module(JsonNode module, String at, List<Instance> out, boolean reportShape) {
    if (module.isMissingNode() || module.isNull()) {
      return;
    }
    if (!module.isObject()) {
      problem("%s (%s): must be an object", at, shape(module));
      return;
    }
    JsonNode resources = module.path("resources");
    for (int i = 0; i < resources.size(); i++) {
      String p = at + ".resources[" + i + "]";
      JsonNode r = resources.get(i);
      if (!r.isObject()) {
        problem("%s (%s): must be an object", p, shape(r));
        continue;
      }
      String address = requiredText(r, "address", p);
      String type = requiredText(r, "type", p);
      String name = requiredText(r, "name", p);
      JsonNode values = r.path("values");
      if (!values.isObject()) {
        if (reportShape) {
          problem("%s.values (%s): must be an object", p, shape(values));
        }
        continue;
      }
      if (address == null || type == null || name == null) {
        continue;
      }
      String moduleAddress = module.path("address").asText("");
      out.add(new Instance(address, moduleAddress, r.path("mode").asText("managed"), type, name, (ObjectNode) values, MissingNode.getInstance(), marks(r.path("sensitive_values")), p + ".values"));
    }
    JsonNode children = module.path("child_modules");
    for (int i = 0; i < children.size(); i++) {
      module(children.get(i), at + ".child_modules[" + i + "]", out, reportShape);
    }
  }

  private static JsonNode marks(JsonNode n) {
    return n.isMissingNode() || n.isNull() ? MissingNode.getInstance() : n;
  }

  private String requiredText(JsonNode node, String member, String at) {
    JsonNode v = node.path(member);
    if (!v.isTextual() || v.textValue().isBlank()) {
      problem("%s.%s (%s): is required text", at, member, shape(v));
      return null;
    }
    return v.textValue();
  }

  private void problem(String format, Object... args) {
    problems.add(PgreachException.of(ErrorCode.INVALID_INPUT, format, args));
  }

  /** A short description of a JSON value's shape for messages (never its content). */
  static String shape(JsonNode v) {
    if (v == null || v.isMissingNode()) {
      return "missing";
    }
    if (v.isNull()) {
      return "null";
    }
    if (v.isObject()) {
      return "an object";
    }
    if (v.isArray()) {
      return "an array of " + v.size();
    }
    if (v.isTextual()) {
      return "text";
    }
    return v.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  /** Text cut to a length fit for a message. */
  static String clip(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "... (" + s.length() + " characters)";
  }

  /** An attribute path as Terraform writes it: {@code ip_configuration[0].subnet_id}. */
  static String attributePath(List<Object> path) {
    StringBuilder s = new StringBuilder();
    for (Object step : path) {
      if (step instanceof Integer i) {
        s.append('[').append(i).append(']');
      } else {
        s.append(s.length() == 0 ? "" : ".").append(step);
      }
    }
    return s.toString();
  }
}
