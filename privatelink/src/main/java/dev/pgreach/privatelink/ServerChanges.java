package dev.pgreach.privatelink;

import dev.pgreach.core.Finding;
import dev.pgreach.core.FindingCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.ServerSetting;
import dev.pgreach.core.ServerState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a template or plan changes on a server, for the comparison of two estates: its settings
 * and its firewall rules. A server whose state is known to be {@code Updating} refuses
 * control-plane writes until it is Ready again ("busy with other operations"), so changing it is
 * a finding ({@link FindingCode#SERVER_CHANGED_WHILE_UPDATING}).
 */
final class ServerChanges {
  private ServerChanges() {}

  /** Reports each server Updating before whose settings or firewall rules differ after. Cost: O(s) for s servers. */
  static void whileUpdating(Estate before, Estate after, List<Finding> out) {
    for (FlexibleServer s : before.network().flexibleServers()) {
      if (s.state() != ServerState.UPDATING || !s.isKnown(ServerSetting.STATE)) {
        continue;
      }
      Optional<FlexibleServer> later = after.network().flexibleServer(s.id());
      if (later.isEmpty()) {
        continue;
      }
      List<String> changed = changed(s, later.get());
      if (!before.firewallRulesOf(s.id()).equals(after.firewallRulesOf(s.id()))) {
        changed.add("firewallRules");
      }
      if (!changed.isEmpty()) {
        out.add(
            Finding.of(
                FindingCode.SERVER_CHANGED_WHILE_UPDATING,
                s.id(),
                "state",
                ServerState.UPDATING.armName(),
                s.name() + " is Updating; Azure refuses changes to it until it is Ready again (\"busy with other operations\"), so the change to "
                    + String.join(", ", changed) + " fails. Apply it once the server is Ready."));
      }
    }
  }

  /** The settings that differ between two versions of a server, by field name. */
  private static List<String> changed(FlexibleServer a, FlexibleServer b) {
    List<String> out = new ArrayList<>();
    check(out, "delegatedSubnet", a.delegatedSubnet(), b.delegatedSubnet());
    check(out, "privateDnsZone", a.privateDnsZone(), b.privateDnsZone());
    check(out, "publicNetworkAccess", a.publicNetworkAccess(), b.publicNetworkAccess());
    check(out, "requireSecureTransport", a.requireSecureTransport(), b.requireSecureTransport());
    check(out, "sslMinProtocolVersion", a.sslMinProtocolVersion(), b.sslMinProtocolVersion());
    check(out, "sslMaxProtocolVersion", a.sslMaxProtocolVersion(), b.sslMaxProtocolVersion());
    check(out, "pgBouncerEnabled", a.pgBouncerEnabled(), b.pgBouncerEnabled());
    check(out, "tier", a.tier(), b.tier());
    check(out, "highAvailability", a.highAvailability(), b.highAvailability());
    check(out, "version", a.version(), b.version());
    check(out, "region", a.region(), b.region());
    return out;
  }

  private static void check(List<String> out, String field, Object a, Object b) {
    if (!Objects.equals(a, b)) {
      out.add(field);
    }
  }
}
