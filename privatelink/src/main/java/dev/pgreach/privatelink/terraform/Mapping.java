package dev.pgreach.privatelink.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.pgreach.core.ResourceId;
import dev.pgreach.privatelink.arm.ResourceInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Maps one side's {@code azurerm} instances to Azure resources in canonical ARM form, for the one
 * reader that turns Azure resources into an estate ({@link ResourceInput}).
 *
 * <p>Each resource's path in messages is its Terraform address, and its members' origins are the
 * attributes they came from, so that an error names {@code
 * module.db.azurerm_postgresql_flexible_server.main[0].delegated_subnet_id}. Associations set the
 * {@code networkSecurityGroup} or {@code routeTable} of the subnet, or the {@code
 * networkSecurityGroup} of the network interface, they name. Data sources whose id is known are
 * resources declared to exist outside the input. Other types are counted as skipped.
 */
final class Mapping {
  final Side side;
  final Map<String, Integer> skipped = new TreeMap<>();
  final Map<String, ResourceId> addresses = new TreeMap<>();
  /** The forms made, in the order their instances come. */
  private final List<Form> all = new ArrayList<>();
  /** The first form of each id. */
  final Map<ResourceId, Form> forms = new LinkedHashMap<>();
  /** Subnets defined by an {@code azurerm_subnet}: a virtual network's inline list does not repeat them. */
  private final Map<ResourceId, String> standaloneSubnets = new LinkedHashMap<>();
  private final List<String[]> completeCollections = new ArrayList<>();
  private final Map<ResourceId, String> existing = new LinkedHashMap<>();
  /** The group a virtual network's {@code subnet} list shows for a subnet an azurerm_subnet defines: id and where. */
  final Map<ResourceId, String[]> inlineGroups = new LinkedHashMap<>();
  private int read;

  Mapping(Side side) {
    this.side = side;
  }

  /** How many instances of the types pgreach reads were mapped. */
  int read() {
    return read;
  }

  /**
   * Maps every instance.
   *
   * @return the reader's input
   */
  ResourceInput map() {
    List<Instance> associations = new ArrayList<>();
    for (Instance i : side.instances) {
      if (i.managed() && AzurermType.of(i.type()).map(t -> t == AzurermType.SUBNET).orElse(false)) {
        side.id(i).ifPresent(id -> standaloneSubnets.put(id, i.address()));
      }
    }
    for (Instance i : side.instances) {
      Optional<AzurermType> type = AzurermType.of(i.type());
      if (!i.managed()) {
        side.id(i).filter(id -> type.isPresent() && !type.get().association() && id.isOfType(type.get().arm)).ifPresent(id -> existing.putIfAbsent(id, i.address()));
        continue;
      }
      if (type.isEmpty()) {
        skipped.merge(i.type(), 1, Integer::sum);
        continue;
      }
      read++;
      if (type.get().association()) {
        associations.add(i);
        continue;
      }
      Optional<ResourceId> id = side.id(i);
      if (id.isEmpty()) {
        continue; // reported by the side
      }
      addresses.put(i.address(), id.get());
      Forms.map(this, type.get(), i, id.get());
    }
    Associations.apply(this, associations);
    inlineGroups.forEach((subnet, group) -> {
      Form f = forms.get(subnet);
      if (f != null && !f.properties().has("networkSecurityGroup")) {
        f.properties().set("networkSecurityGroup", Form.idObject(TextNode.valueOf(group[0])));
        f.origin("properties.networkSecurityGroup.id", "security_group (of " + group[1] + ")");
      }
    });
    endpointPolicies();
    ResourceInput.Builder b = ResourceInput.builder().requests();
    side.notes.forEach(b::note);
    for (Form f : all) {
      if (f.outside) {
        existing.putIfAbsent(ResourceId.parse(f.resource.get("id").textValue()), f.path);
      } else {
        b.add(f.resource, f.path, f.origins);
      }
    }
    for (String[] c : completeCollections) {
      b.completeCollection(ResourceId.parse(c[0]), c[1], c[2]);
    }
    existing.forEach((id, path) -> {
      if (!forms.containsKey(id) || forms.get(id).outside) {
        b.addExisting(id, path);
      }
    });
    return b.build();
  }

  /**
   * Adds a form. A second form of one id (two addresses for one Azure resource) is a second
   * listing, which the reader accepts when both say the same.
   */
  void add(Form f) {
    all.add(f);
    forms.putIfAbsent(ResourceId.parse(f.resource.get("id").textValue()), f);
  }

  /**
   * A subnet's {@code privateEndpointNetworkPolicies} decide only whether its network security
   * group and route table apply to private endpoints in it. Known only after apply (the provider
   * computes it), it is dropped from a subnet no private endpoint of the input is in, when every
   * endpoint's subnet is known; otherwise it stays unknown, and the reader reads the subnet as
   * outside the input.
   */
  private void endpointPolicies() {
    java.util.Set<String> endpointSubnets = new java.util.HashSet<>();
    boolean anyUnknown = false;
    for (Form f : all) {
      if (f.resource.get("type").textValue().equals(AzurermType.PRIVATE_ENDPOINT.arm)) {
        JsonNode s = f.properties().path("subnet").path("id");
        if (s.isTextual()) {
          endpointSubnets.add(s.textValue().toLowerCase(Locale.ROOT));
        } else {
          anyUnknown = true;
        }
      }
    }
    for (Form f : all) {
      JsonNode policies = f.properties().path("privateEndpointNetworkPolicies");
      if (!f.resource.get("type").textValue().equals(AzurermType.SUBNET.arm) || !ResourceInput.isUnknown(policies) || anyUnknown
          || endpointSubnets.contains(f.resource.get("id").textValue().toLowerCase(Locale.ROOT))) {
        continue;
      }
      f.properties().remove("privateEndpointNetworkPolicies");
      side.notes.add(f.path + ": private endpoint network policies are known only after apply; they matter only to private endpoints in subnet "
          + f.resource.get("name").textValue() + ", and the input has none there");
    }
  }

  /** Declares that a parent's children of a type are all in the input. */
  void complete(ResourceId parent, String childType, String path) {
    completeCollections.add(new String[] {parent.toString(), childType, path});
  }

  /** Whether an {@code azurerm_subnet} defines the subnet. */
  boolean standalone(ResourceId subnet) {
    return standaloneSubnets.containsKey(subnet);
  }

  // ------------------------------------------------------------------ value helpers

  /** A location as Azure writes it ({@code westeurope}), unknown when unknown. */
  static JsonNode location(Instance i) {
    JsonNode v = i.shown("location");
    if (v.isTextual()) {
      return TextNode.valueOf(v.textValue().replace(" ", "").toLowerCase(Locale.ROOT));
    }
    return v;
  }

  /** A boolean as Azure's {@code Enabled}/{@code Disabled}; anything else as it is. */
  static JsonNode enabled(JsonNode v) {
    if (v.isBoolean()) {
      return TextNode.valueOf(v.booleanValue() ? "Enabled" : "Disabled");
    }
    return v;
  }

  /** A boolean negated; anything else as it is. */
  static JsonNode not(JsonNode v) {
    if (v.isBoolean()) {
      return BooleanNode.valueOf(!v.booleanValue());
    }
    return v;
  }

  /** The first of the values that is present (known or unknown). */
  static JsonNode first(JsonNode... values) {
    for (JsonNode v : values) {
      if (!v.isMissingNode()) {
        return v;
      }
    }
    return MissingNode.getInstance();
  }

  /** A path of attribute names and indexes with one more step. */
  static Object[] path(Object[] base, Object... more) {
    Object[] out = new Object[base.length + more.length];
    System.arraycopy(base, 0, out, 0, base.length);
    System.arraycopy(more, 0, out, base.length, more.length);
    return out;
  }

  /** An attribute path as Terraform writes it. */
  static String attr(Object... path) {
    return TerraformDocument.attributePath(List.of(path));
  }
}
