package dev.pgreach.privatelink.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import java.time.Instant;
import java.util.Optional;

/**
 * The companion document: what an estate needs that Azure Resource Manager does not hold.
 *
 * <p>ARM describes networks, servers and their settings, but not who the clients are, how
 * on-premises DNS servers forward, which custom DNS servers run in virtual machines, a server's
 * addresses, when a firewall rule last changed, or which address ranges the caller knows to be
 * Azure's. The companion is a small JSON object that says those things, referring to ARM
 * resources by id or by name; {@link ArmImport#read(String, Companion)} resolves it against the
 * ARM resources. Its format is documented, with an example, in the module's README under
 * "Companion document"; its members are:
 *
 * <ul>
 *   <li>{@code at}: the default instant of questions, such as {@code 2026-11-24T12:00:00Z};
 *   <li>{@code clients}: named clients, each with a {@code location} ({@code nic}, {@code subnet}
 *       with {@code address}, {@code onPremises} with {@code address}, {@code internet} or {@code
 *       azure} with {@code tenant}; the {@code internet}, {@code azure} and {@code
 *       outboundPublicAddress} addresses must be public) and the {@code tls} versions it offers, or
 *       {@code "none"};
 *   <li>{@code dnsServers}: custom DNS servers (virtual machines in virtual networks, on-premises
 *       servers) with their {@code forwarders} and {@code conditionalForwarders};
 *   <li>{@code onPremisesNetworks}: the DNS server addresses of on-premises networks, extra
 *       address prefixes, and on-premises networks behind an ExpressRoute circuit;
 *   <li>{@code servers}: a server's {@code privateAddress} and {@code publicAddress}, server
 *       {@code parameters} ({@code require_secure_transport}, {@code ssl_min_protocol_version},
 *       {@code ssl_max_protocol_version}, {@code pgbouncer.enabled}) that override ARM's, the
 *       {@code changedAt} instants of {@code firewallRules}, {@code removedFirewallRules} and the
 *       {@code publicEndpointLabel};
 *   <li>{@code networkSecurityGroups}: a group (by {@code id} or {@code name}) and the {@code
 *       changedAt} instants of its {@code securityRules}, by rule name, as for firewall rules;
 *   <li>{@code privateEndpoints}: the {@code requestingTenant} of endpoints requested from
 *       another tenant, and the {@code connectionState} ({@code Approved}, {@code Pending}, {@code
 *       Rejected}, {@code Disconnected}) of an endpoint, which overrides ARM's and is needed when
 *       ARM gives no status (an endpoint without one is read as Pending);
 *   <li>{@code azureRanges}, {@code serviceTagRanges} and {@code
 *       droppedServersWithPrivateEndpoints};
 *   <li>{@code deployment}: the {@code subscriptionId}, {@code resourceGroup}, {@code location}
 *       and {@code parameters} an ARM template is read with.
 * </ul>
 *
 * <p>Parsing checks that the text is JSON, that it is an object holding only these members, and
 * the instant; every other value is checked when the document is resolved against ARM
 * resources, and errors then name the path in the companion document ({@code companion
 * $.clients[2].location.nic}).
 *
 * <pre>{@code
 * Companion companion = Companion.parse("{\"at\": \"2026-11-24T12:00:00Z\", \"clients\": []}");
 * companion.instant();   // Optional[2026-11-24T12:00:00Z]
 * }</pre>
 *
 * <p>Instances are immutable; two are equal when their documents are equal as JSON.
 */
public final class Companion {
  /** The members a companion document may hold. */
  static final String[] MEMBERS = {
    "$schema",
    "description",
    "at",
    "deployment",
    "clients",
    "dnsServers",
    "onPremisesNetworks",
    "servers",
    "networkSecurityGroups",
    "privateEndpoints",
    "azureRanges",
    "serviceTagRanges",
    "droppedServersWithPrivateEndpoints",
    "complete"
  };

  /** The path of the root in error messages. */
  static final String ROOT = "companion $";

  private static final Companion EMPTY = new Companion(Json.object(), Optional.empty());

  private final JsonNode tree;
  private final Optional<Instant> instant;

  private Companion(JsonNode tree, Optional<Instant> instant) {
    this.tree = tree;
    this.instant = instant;
  }

  /**
   * Parses a companion document.
   *
   * @param json the document
   * @return the companion
   * @throws PgreachException {@link ErrorCode#INVALID_INPUT} naming the path, when the text is
   *     not JSON, not an object, holds a member other than those listed above, or {@code at} is
   *     not an instant; {@link ErrorCode#MISSING_ATTRIBUTE} for a null argument
   */
  public static Companion parse(String json) {
    Checks.notNull(json, "Companion.parse.json");
    return of(Json.parse(json, ROOT));
  }

  /** Checks and wraps a tree; the tree must not be changed afterwards. */
  static Companion of(JsonNode tree) {
    Node root = Node.root(tree, ROOT).requireObject().only(MEMBERS);
    Optional<Instant> at = root.opt("at").map(Node::instant);
    return new Companion(tree.deepCopy(), at);
  }

  /**
   * Returns the empty companion: no clients, no DNS servers, no instant.
   *
   * @return the empty companion
   */
  public static Companion empty() {
    return EMPTY;
  }

  /**
   * Returns the default instant of questions ({@code at}).
   *
   * @return the instant, or empty when the document gives none
   */
  public Optional<Instant> instant() {
    return instant;
  }

  /**
   * Writes the document as indented JSON.
   *
   * @return the JSON text
   */
  public String toJson() {
    return Json.write(tree);
  }

  /** The root, for reading. */
  Node root() {
    return Node.root(tree, ROOT);
  }

  /** A copy of the tree, for building on. */
  ObjectNode copy() {
    return (ObjectNode) tree.deepCopy();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Companion && ((Companion) other).tree.equals(tree);
  }

  @Override
  public int hashCode() {
    return tree.hashCode();
  }

  /** Returns the document as compact JSON. */
  @Override
  public String toString() {
    return tree.toString();
  }
}
