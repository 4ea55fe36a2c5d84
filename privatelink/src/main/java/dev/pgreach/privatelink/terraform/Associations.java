package dev.pgreach.privatelink.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pgreach.core.ResourceId;
import dev.pgreach.privatelink.arm.ResourceInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Associations: {@code azurerm_subnet_network_security_group_association}, {@code
 * azurerm_subnet_route_table_association} and {@code
 * azurerm_network_interface_security_group_association} set the {@code networkSecurityGroup} or
 * {@code routeTable} member of the subnet or network interface they name, as Azure shows it.
 *
 * <p>Fail closed: an association whose subnet (or interface) is not known makes that member
 * unknown on every subnet (interface) of the input that no association names, since any of them
 * may be the one; the reader then reads those as outside the input. An association whose group
 * or table is not known makes the member unknown on the one it names. An association naming a
 * subnet the input does not hold is noted and left out.
 */
final class Associations {
  private Associations() {}

  static void apply(Mapping m, List<Instance> associations) {
    List<String> unresolvedSubnetGroups = new ArrayList<>();
    List<String> unresolvedSubnetTables = new ArrayList<>();
    List<String> unresolvedInterfaceGroups = new ArrayList<>();
    List<ResourceId> withGroup = new ArrayList<>();
    List<ResourceId> withTable = new ArrayList<>();
    List<ResourceId> interfacesWithGroup = new ArrayList<>();
    for (Instance a : associations) {
      AzurermType t = AzurermType.of(a.type()).orElseThrow();
      boolean nic = t == AzurermType.NETWORK_INTERFACE_SECURITY_GROUP_ASSOCIATION;
      String ownerAttr = nic ? "network_interface_id" : "subnet_id";
      String targetAttr = t == AzurermType.SUBNET_ROUTE_TABLE_ASSOCIATION ? "route_table_id" : "network_security_group_id";
      String member = t == AzurermType.SUBNET_ROUTE_TABLE_ASSOCIATION ? "routeTable" : "networkSecurityGroup";
      JsonNode owner = m.side.reference(a, ownerAttr);
      Optional<ResourceId> ownerId = owner.isTextual() ? ResourceId.tryParse(owner.textValue()) : Optional.empty();
      if (ownerId.isEmpty()) {
        (nic ? unresolvedInterfaceGroups : member.equals("routeTable") ? unresolvedSubnetTables : unresolvedSubnetGroups).add(a.address() + "." + ownerAttr);
        continue;
      }
      Form form = m.forms.get(ownerId.get());
      if (form == null) {
        m.side.notes.add(a.address() + "." + ownerAttr + ": names " + ownerId.get() + ", which is not in the input; the association is not read");
        continue;
      }
      (nic ? interfacesWithGroup : member.equals("routeTable") ? withTable : withGroup).add(ownerId.get());
      JsonNode target = m.side.reference(a, targetAttr);
      if (nic) {
        form.setId("properties.networkSecurityGroup", target, null);
        form.origin("properties.networkSecurityGroup.id", targetAttr + " (of " + a.address() + ")");
      } else {
        form.setId("properties." + member, target, null);
        form.origin("properties." + member + ".id", targetAttr + " (of " + a.address() + ")");
      }
    }
    failClosed(m, unresolvedSubnetGroups, withGroup, AzurermType.SUBNET.arm, "networkSecurityGroup", "network security group");
    failClosed(m, unresolvedSubnetTables, withTable, AzurermType.SUBNET.arm, "routeTable", "route table");
    failClosed(m, unresolvedInterfaceGroups, interfacesWithGroup, AzurermType.NETWORK_INTERFACE.arm, "networkSecurityGroup", "network security group");
  }

  private static void failClosed(Mapping m, List<String> unresolved, List<ResourceId> named, String type, String member, String what) {
    if (unresolved.isEmpty()) {
      return;
    }
    for (Form f : m.forms.values()) {
      ResourceId id = ResourceId.parse(f.resource.get("id").textValue());
      if (!id.isOfType(type) || named.contains(id) || f.properties().has(member)) {
        continue;
      }
      String why = unresolved.get(0) + " is known only after apply and the configuration does not name the one resource it refers to; " + id.name() + " may be the one it gives a " + what;
      f.properties().set(member, ResourceInput.unknown(why));
    }
  }
}
