package dev.pgreach.privatelink.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ResourceId;
import dev.pgreach.privatelink.arm.ResourceInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One side of a document (a state, or a plan before or after it): its instances, and the Azure id
 * of each, from its value where known.
 *
 * <p>An id known only after apply is made as Azure will make it: from the resource's group and
 * name (and its parent, for a child), in the subscription the document's known ids show when they
 * show one; in a plan, the id the same address had before, when its name and group are unchanged
 * (a resource replaced under the same name keeps its id). What cannot be known is a stand-in
 * derived from the Terraform address ({@code tf-module.db.azurerm_subnet.db_0_}) in the zero
 * subscription. Attributes naming other resources that are known only after apply follow the
 * configuration's references ({@link References}).
 */
final class Side {
  /** The subscription of stand-in ids when the document shows none. */
  static final String ZERO_SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";

  /** The resource group of stand-in ids whose group is not known. */
  static final String UNKNOWN_GROUP = "terraform-unknown-group";

  final String name;
  final List<Instance> instances;
  final References references;
  final Optional<Side> previous;
  final String subscription;
  final List<String> notes = new ArrayList<>();
  /** Each planned address's actions (empty for a state). */
  final Map<String, List<String>> actions = new HashMap<>();
  final List<PgreachException> problems = new ArrayList<>();
  private final Map<String, Instance> byAddress = new LinkedHashMap<>();
  private final Map<String, List<Instance>> byConfig = new HashMap<>();
  private final Map<String, Optional<ResourceId>> ids = new HashMap<>();
  private final Set<String> computing = new HashSet<>();

  Side(String name, List<Instance> instances, References references, Optional<Side> previous, String subscription) {
    this.name = name;
    this.instances = instances;
    this.references = references;
    this.previous = previous;
    this.subscription = subscription;
    for (Instance i : instances) {
      byAddress.putIfAbsent(i.address(), i);
      byConfig.computeIfAbsent(i.moduleAddress() + "|" + i.configAddress(), k -> new ArrayList<>()).add(i);
    }
  }

  /**
   * Whether an attribute is one a plan creates the resource without: the instance is created by
   * the plan, and its configuration, which the document holds, writes no expression for it.
   */
  boolean unsetOnCreate(Instance i, String attribute) {
    return actions.getOrDefault(i.address(), List.of()).contains("create") && references.configured(i).map(e -> !e.has(attribute)).orElse(false);
  }

  /** The instance at an address, if on this side. */
  Optional<Instance> at(String address) {
    return Optional.ofNullable(byAddress.get(address));
  }

  /** The instances of one resource in one module instance. */
  List<Instance> find(String module, String config) {
    return byConfig.getOrDefault(module + "|" + config, List.of());
  }

  /** The instance an attribute's configuration references name, with the attribute read of it. */
  Optional<References.Target> target(Instance from, Object... path) {
    return references.target(from, List.of(path), this::find);
  }

  /**
   * The Azure id of an instance of a type pgreach reads, or of a data source whose id is known.
   *
   * @return the id, or empty when the instance has none (an association, a data source whose id
   *     is not known, a problem reported already)
   */
  Optional<ResourceId> id(Instance i) {
    Optional<ResourceId> done = ids.get(i.address());
    if (done != null) {
      return done;
    }
    if (!computing.add(i.address())) {
      return Optional.empty(); // a cycle of names: nothing to derive from
    }
    Optional<ResourceId> id = compute(i);
    computing.remove(i.address());
    ids.put(i.address(), id);
    return id;
  }

  private Optional<ResourceId> compute(Instance i) {
    Optional<AzurermType> type = AzurermType.of(i.type());
    Optional<String> known = i.text("id").filter(t -> !t.isEmpty());
    if (known.isPresent()) {
      Optional<ResourceId> parsed = ResourceId.tryParse(known.get());
      if (parsed.isEmpty()) {
        if (type.isPresent() && i.managed() && !type.get().association()) {
          problems.add(PgreachException.of(ErrorCode.INVALID_INPUT, "%s.id (\"%s\"): is not an Azure resource id", i.address(), TerraformDocument.clip(known.get())));
        }
        return Optional.empty();
      }
      return parsed;
    }
    if (type.isEmpty() || type.get().association() || !i.managed()) {
      return Optional.empty();
    }
    AzurermType t = type.get();
    Optional<String> group = group(i);
    Optional<String> name = i.text("name").filter(s -> !s.isBlank() && s.indexOf('/') < 0);
    Optional<ResourceId> before = Optional.empty();
    if (previous.isPresent()) {
      Optional<Instance> was = previous.get().at(i.address()).filter(p -> same(p, i));
      if (was.isPresent()) {
        before = previous.get().id(was.get());
      }
    }
    if (before.isPresent() && before.get().type().equalsIgnoreCase(t.arm)) {
      notes.add(i.address() + ".id: known only after apply; the resource keeps its name and group, so it keeps its id " + before.get());
      return before;
    }
    String standIn = standIn(i.address(), t.arm);
    ResourceId id;
    boolean derived = name.isPresent();
    String own = name.orElse(standIn);
    if (t.parentArm == null && t.parentId == null) {
      derived &= group.isPresent();
      id = ResourceId.of(subscription, group.orElse(UNKNOWN_GROUP), t.arm, own);
    } else {
      Optional<ResourceId> parent = parent(i, t, group);
      derived &= parent.isPresent();
      ResourceId p = parent.orElseGet(() -> ResourceId.of(subscription, group.orElse(UNKNOWN_GROUP), parentType(t), standIn("parent of " + i.address(), parentType(t))));
      id = p.child(t.segment, own);
    }
    notes.add(i.address() + ".id: known only after apply; read as " + (derived ? "the id Azure gives it, " : "the stand-in ") + id);
    return Optional.of(id);
  }

  /**
   * A name derived from a Terraform address that is valid for every type pgreach reads (a server
   * name is 3 to 63 lower-case letters, digits and hyphens): {@code tf-}, the address in that
   * alphabet, cut to fit, and a hash of the whole address, so that two addresses never share it;
   * a DNS zone's ends in {@code .invalid}, the name DNS reserves for names that resolve nowhere.
   */
  static String standIn(String address, String type) {
    String plain = address.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    String hash = String.format(java.util.Locale.ROOT, "%08x", address.hashCode());
    String head = plain.length() > 40 ? plain.substring(0, 40).replaceAll("-$", "") : plain;
    return "tf-" + head + "-" + hash + (type.equalsIgnoreCase("Microsoft.Network/privateDnsZones") ? ".invalid" : "");
  }

  private static String parentType(AzurermType t) {
    return t.arm.substring(0, t.arm.lastIndexOf('/'));
  }

  /** Whether an instance before a plan has the same name, group and parent names as after it. */
  private static boolean same(Instance before, Instance after) {
    for (String a : new String[] {"name", "resource_group_name", "virtual_network_name", "network_security_group_name", "route_table_name", "private_dns_zone_name", "zone_name", "server_id", "private_dns_resolver_id"}) {
      JsonNode x = before.value(a);
      JsonNode y = after.value(a);
      if (ResourceInput.isUnknown(x) || ResourceInput.isUnknown(y) || !x.equals(y)) {
        return false;
      }
    }
    return true;
  }

  /** The resource group's name: the value, or the name of the resource group it references. */
  Optional<String> group(Instance i) {
    Optional<String> g = i.text("resource_group_name").filter(s -> !s.isBlank());
    if (g.isPresent() || !i.isUnknown("resource_group_name")) {
      return g;
    }
    return target(i, "resource_group_name").filter(x -> x.attribute().equals("name")).flatMap(x -> x.instance().text("name"));
  }

  private Optional<ResourceId> parent(Instance i, AzurermType t, Optional<String> group) {
    if (t.parentId != null) {
      JsonNode v = reference(i, t.parentId);
      return v.isTextual() ? ResourceId.tryParse(v.textValue()) : Optional.empty();
    }
    Optional<String> parentName = i.text(t.parentName).filter(s -> !s.isBlank() && s.indexOf('/') < 0);
    if (parentName.isPresent() && group.isPresent()) {
      Optional<ResourceId> referenced = referencedParent(i, t);
      if (referenced.isPresent() && referenced.get().name().equals(parentName.get())) {
        return referenced;
      }
      return Optional.of(ResourceId.of(subscription, group.get(), t.parentArm, parentName.get()));
    }
    if (i.isUnknown(t.parentName)) {
      return referencedParent(i, t);
    }
    return Optional.empty();
  }

  private Optional<ResourceId> referencedParent(Instance i, AzurermType t) {
    return target(i, t.parentName).filter(x -> x.attribute().equals("name")).flatMap(x -> id(x.instance())).filter(id -> id.type().equalsIgnoreCase(t.parentArm));
  }

  /**
   * An attribute that holds a resource id: its value when known (or absent); when known only
   * after apply, the id of the one instance the configuration's references name; otherwise the
   * unknown marker.
   */
  JsonNode reference(Instance i, Object... path) {
    JsonNode v = i.value(path);
    if (!ResourceInput.isUnknown(v) || ResourceInput.whyUnknown(v).orElse("").endsWith("sensitive values")) {
      return v;
    }
    Optional<References.Target> t = target(i, path);
    if (t.isPresent() && t.get().attribute().equals("id")) {
      Optional<ResourceId> id = id(t.get().instance());
      if (id.isPresent()) {
        return TextNode.valueOf(id.get().toString());
      }
    }
    return ResourceInput.unknown(ResourceInput.whyUnknown(v).orElse("") + ", and the configuration does not name the one resource it refers to");
  }
}
