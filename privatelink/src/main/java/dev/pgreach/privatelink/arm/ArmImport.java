package dev.pgreach.privatelink.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import dev.pgreach.privatelink.Estate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.pgreach.privatelink.arm.template.Deployment;
import dev.pgreach.privatelink.arm.template.Templates;

/**
 * An estate read from Azure Resource Manager JSON and a {@link Companion companion document},
 * with a report of what was read, what was skipped and what was left out.
 *
 * <p>The ARM input is any of: a JSON array of resources, as {@code az resource list}, {@code az
 * graph query} or {@code az network vnet list} print them; an object whose {@code value} (ARM
 * REST list responses) or {@code data} (Resource Graph) member is such an array; pages of a REST
 * list; one resource (a REST GET body, {@code az … show}); or an ARM template (as Bicep, Azure
 * Verified Modules, quickstarts and {@code az group export} write them), which is evaluated as
 * deployed ({@link #read(String, Companion, Deployment)}). Resources may be REST bodies, Azure
 * CLI's flattened output or PowerShell {@code Get-AzResource -ExpandProperties} objects; several
 * documents are merged by resource id ({@link #readDocuments}). The module README's "Shapes read"
 * says how each shape is recognised. Resource types and member names match case-insensitively, as
 * ARM's do.
 *
 * <p>Read: virtual networks (with nested subnets and peerings), subnets and peerings listed on
 * their own, network security groups (with nested or separate security rules), route tables (with
 * routes), network interfaces, public IP addresses (for interfaces' public addresses), private
 * endpoints (with their connection's state; one without a status is Pending, never assumed
 * Approved, unless the companion document gives it) and their DNS zone groups, private DNS zones with
 * virtual network links and A and CNAME record sets, virtual network gateways, local network
 * gateways, gateway connections, DNS Private Resolver inbound endpoints, and PostgreSQL flexible
 * servers with their firewall rules and configurations ({@code require_secure_transport}, {@code
 * ssl_min_protocol_version}, {@code ssl_max_protocol_version}, {@code pgbouncer.enabled}). A
 * resource listed twice (nested in its parent and on its own) must say the same both times.
 * Resources of other types, and private endpoints of other services, are skipped and counted in
 * {@link #skippedTypes()}. Values pgreach does not model but that cannot change an IPv4 answer
 * (IPv6 prefixes, point-to-site connections) are left out and described in {@link #notes()}.
 *
 * <p>A reference to a resource that is not in the input (a subnet naming a missing network
 * security group, an endpoint naming a missing server) is an error. References Azure allows to
 * point outside one's view are kept and reported by validation instead: a peering's remote
 * virtual network, a virtual network link's network, a server's private DNS zone, a server's
 * source server.
 *
 * <pre>{@code
 * ArmImport read = ArmImport.read(Files.readString(Path.of("resources.json")),
 *     Companion.parse(Files.readString(Path.of("companion.json"))));
 * Estate estate = read.estate();
 * read.skippedTypes();   // {Microsoft.Compute/virtualMachines=3, Microsoft.Storage/storageAccounts=1}
 * }</pre>
 *
 * <p>This class and {@link ArmExport} read and write JSON with Jackson, a dependency of
 * pgreach-privatelink that comes with it.
 */
public final class ArmImport {
  private final Estate estate;
  private final int resourceCount;
  private final ImmutableSortedMap<String, Integer> skippedTypes;
  private final ImmutableList<String> notes;
  private final Optional<Instant> instant;
  private final ImmutableList<PgreachException> refused;

  ArmImport(Estate estate, int resourceCount, ImmutableSortedMap<String, Integer> skippedTypes, ImmutableList<String> notes, Optional<Instant> instant) {
    this(estate, resourceCount, skippedTypes, notes, instant, ImmutableList.of());
  }

  private ArmImport(
      Estate estate,
      int resourceCount,
      ImmutableSortedMap<String, Integer> skippedTypes,
      ImmutableList<String> notes,
      Optional<Instant> instant,
      ImmutableList<PgreachException> refused) {
    this.estate = estate;
    this.resourceCount = resourceCount;
    this.skippedTypes = skippedTypes;
    this.notes = notes;
    this.instant = instant;
    this.refused = refused;
  }

  /** The most rounds {@link #readLeavingOutRefused} reads before it gives up. */
  private static final int MAX_ROUNDS = 8;

  /**
   * Reads documents as {@link #readDocuments} (or, for one template, {@link #read(String,
   * Companion, Deployment)}) does, but leaves out every resource whose own content Azure would
   * refuse — a value the model rejects, a resource listed twice with other properties — instead
   * of failing: each such resource's problems are reported in {@link #refused()}, and the
   * resource is not in the estate, so what refers to it finds it outside the input and answers
   * that depend on it are indeterminate (removing knowledge never flips an answer). This is how
   * {@code pgreach validate} reads, so that it reports every other finding beside the refusals.
   *
   * <p>Problems that belong to no one resource (a malformed document, a companion entry, a
   * template expression that cannot be evaluated) still fail the read as {@link #readDocuments}
   * fails it.
   *
   * @param documents the documents, in order; at least one (a template only alone)
   * @param companion what the resources do not hold
   * @param deployment how a template is deployed ({@link Deployment#none()} for nothing given)
   * @return the estate of the resources that can be read, the report and the refusals
   * @throws PgreachException as {@link #readDocuments} does, for problems no resource can be left
   *     out for
   */
  public static ArmImport readLeavingOutRefused(List<ArmDocument> documents, Companion companion, Deployment deployment) {
    Checks.notNull(documents, "ArmImport.readLeavingOutRefused.documents");
    Checks.notNull(companion, "ArmImport.readLeavingOutRefused.companion");
    Checks.notNull(deployment, "ArmImport.readLeavingOutRefused.deployment");
    for (int i = 0; i < documents.size(); i++) {
      Checks.notNull(documents.get(i), "ArmImport.readLeavingOutRefused.documents[" + i + "]");
    }
    if (documents.isEmpty()) {
      throw ArmShapes.noDocuments();
    }
    ResourceInput input;
    Ids ids;
    java.util.function.UnaryOperator<PgreachException> translate;
    if (documents.size() == 1) {
      JsonNode tree = Json.parse(documents.get(0).json(), "$");
      if (ArmShapes.isTemplate(tree)) {
        input = Templates.evaluate(tree, deployment.orElse(companionDeployment(companion)));
        ids = new Ids();
        translate = e -> e;
      } else {
        ShapedInput shaped = shapedWithoutParameters(tree, deployment);
        input = shaped.toResourceInput();
        ids = shaped.ids();
        translate = shaped::translate;
      }
    } else {
      if (!deployment.parameterNames().isEmpty()) {
        throw PgreachException.of(ErrorCode.INVALID_VALUE, "the deployment gives parameters %s, but a template is read on its own", deployment.parameterNames());
      }
      ShapedInput shaped = ArmShapes.shape(documents);
      input = shaped.toResourceInput();
      ids = shaped.ids();
      translate = shaped::translate;
    }
    return leavingOutRefused(input, companion, ids, translate);
  }

  /**
   * Reads resources a front end hands over (Terraform resources after mapping) as {@link
   * #read(ResourceInput, Companion)} does, but leaves out every resource whose own content Azure
   * would refuse, as {@link #readLeavingOutRefused(List, Companion, Deployment)} does: each such
   * resource's problems are in {@link #refused()}, and what refers to it finds it outside the
   * input.
   *
   * @param input the resources
   * @param companion what the resources do not hold
   * @return the estate of the resources that can be read, the report and the refusals
   * @throws PgreachException as {@link #read(ResourceInput, Companion)} does, for problems no
   *     resource can be left out for
   */
  public static ArmImport readLeavingOutRefused(ResourceInput input, Companion companion) {
    Checks.notNull(input, "ArmImport.readLeavingOutRefused.input");
    Checks.notNull(companion, "ArmImport.readLeavingOutRefused.companion");
    return leavingOutRefused(input, companion, new Ids(), e -> e);
  }

  /** Reads, leaving out in rounds the resources whose problems name them; see {@link #readLeavingOutRefused}. */
  private static ArmImport leavingOutRefused(
      ResourceInput input, Companion companion, Ids ids, java.util.function.UnaryOperator<PgreachException> translate) {
    List<PgreachException> refused = new java.util.ArrayList<>(input.refusals());
    for (int round = 0; ; round++) {
      try {
        ArmImport read = new ArmReader(input, companion.root(), ids).read();
        return new ArmImport(read.estate, read.resourceCount, read.skippedTypes, read.notes, read.instant, ImmutableList.copyOf(refused));
      } catch (PgreachException e) {
        List<PgreachException> problems = e.problems().isEmpty() ? List.of(e) : e.problems();
        java.util.Map<String, String> leaveOut = new java.util.LinkedHashMap<>();
        for (PgreachException p : problems) {
          Optional<String> at = input.resourcePathOf(String.valueOf(p.getMessage()));
          if (at.isPresent()) {
            leaveOut.putIfAbsent(at.get(), "Azure would refuse it (" + p.code() + ")");
            refused.add(translate.apply(p));
          }
        }
        if (leaveOut.isEmpty() || round == MAX_ROUNDS) {
          throw translate.apply(e);
        }
        input = input.leavingOut(leaveOut);
      }
    }
  }

  private static ShapedInput shapedWithoutParameters(JsonNode tree, Deployment deployment) {
    if (!deployment.parameterNames().isEmpty()) {
      throw PgreachException.of(ErrorCode.INVALID_VALUE, "the deployment gives parameters %s, but the input is not an ARM template", deployment.parameterNames());
    }
    return ArmShapes.shape(tree);
  }

  /**
   * Returns the problems of the resources {@link #readLeavingOutRefused} left out, each naming the
   * resource's JSON path and the value at fault; empty for every other read, which fails instead.
   *
   * @return the refusals, in the order they were found
   */
  public ImmutableList<PgreachException> refused() {
    return refused;
  }

  /**
   * Reads ARM JSON without a companion document: the estate has no clients and no custom DNS
   * servers.
   *
   * @param armJson the ARM resources or template
   * @return the estate and the report
   * @throws PgreachException {@link ErrorCode#INVALID_INPUT} for JSON that cannot be read, a
   *     missing or mistyped member, or an unsupported template expression; {@link
   *     ErrorCode#DANGLING_REFERENCE} for a reference to a resource not in the input; {@link
   *     ErrorCode#DUPLICATE_RESOURCE} for a resource listed twice with different properties; or
   *     the model's own code (a malformed prefix, a bad name …). Every message starts with the
   *     JSON path and the value; mistakes in the shape of several resources (a missing id, a
   *     name the id does not give) are reported together, one a line, up to 100. {@link
   *     ErrorCode#MISSING_ATTRIBUTE} for a null argument, naming it.
   */
  public static ArmImport read(String armJson) {
    Checks.notNull(armJson, "ArmImport.read.armJson");
    return read(armJson, Companion.empty());
  }

  /**
   * Reads ARM JSON and a companion document.
   *
   * @param armJson the ARM resources or template
   * @param companion what ARM does not hold
   * @return the estate and the report
   * @throws PgreachException as {@link #read(String)} does; errors in the companion document name
   *     its path too ({@code companion $.clients[0].location.nic}); {@link
   *     ErrorCode#MISSING_ATTRIBUTE} for a null argument, naming it (use {@link Companion#empty()}
   *     for no companion document)
   */
  public static ArmImport read(String armJson, Companion companion) {
    Checks.notNull(armJson, "ArmImport.read.armJson");
    Checks.notNull(companion, "ArmImport.read.companion");
    return read(armJson, companion, Deployment.none());
  }

  /**
   * Reads ARM JSON and a companion document; a template is evaluated as deployed the given way
   * (package {@code dev.pgreach.privatelink.arm.template}), with what the deployment does not give
   * taken from the companion document's {@code deployment}, and the resources it deploys are read
   * as every other document's are.
   *
   * <pre>{@code
   * ArmImport read = ArmImport.read(Files.readString(Path.of("main.json")), Companion.empty(),
   *     Deployment.builder().name("main").resourceGroup("app-rg").location("westeurope")
   *         .parametersFile(Files.readString(Path.of("main.parameters.json")))
   *         .parameter("serverName=orders-db").build());
   * }</pre>
   *
   * @param armJson the ARM resources or template
   * @param companion what ARM does not hold
   * @param deployment how a template is deployed ({@link Deployment#none()} for nothing given)
   * @return the estate and the report
   * @throws PgreachException as {@link #read(String, Companion)} does; a template's problems name
   *     the JSON path of the member at fault ({@code $.resources[3].properties.x}), every
   *     independent one at once; {@link ErrorCode#INVALID_VALUE} for a parameter value the
   *     template does not declare or of another type, and for parameter values given with a
   *     document that is not a template
   */
  public static ArmImport read(String armJson, Companion companion, Deployment deployment) {
    Checks.notNull(armJson, "ArmImport.read.armJson");
    Checks.notNull(companion, "ArmImport.read.companion");
    Checks.notNull(deployment, "ArmImport.read.deployment");
    JsonNode tree = Json.parse(armJson, "$");
    if (ArmShapes.isTemplate(tree)) {
      return read(Templates.evaluate(tree, deployment.orElse(companionDeployment(companion))), companion);
    }
    if (!deployment.parameterNames().isEmpty()) {
      throw PgreachException.of(ErrorCode.INVALID_VALUE, "the deployment gives parameters %s, but the input is not an ARM template", deployment.parameterNames());
    }
    return read(ArmShapes.shape(tree), companion);
  }

  /** The companion document's {@code deployment}: subscription, resource group, location and parameter values. */
  private static Deployment companionDeployment(Companion companion) {
    Optional<Node> d = companion.root().opt("deployment").map(n -> n.requireObject().only("subscriptionId", "resourceGroup", "location", "parameters"));
    if (d.isEmpty()) {
      return Deployment.none();
    }
    Deployment.Builder b = Deployment.builder();
    d.get().optText("subscriptionId").ifPresent(b::subscriptionId);
    d.get().optText("resourceGroup").ifPresent(b::resourceGroup);
    d.get().optText("location").ifPresent(b::location);
    d.get().opt("parameters").ifPresent(p -> p.requireObject().members().forEach(m -> b.parameterJson(m.getKey(), Json.write(m.getValue().raw()), m.getValue().path())));
    return b.build();
  }

  /**
   * Reads several documents of ARM resources, in order, as one estate: each is read as {@link
   * #read(String, Companion)} reads a document that is not a template, then resources are merged
   * by id (ids compare ignoring case): a later document's members override an earlier one's,
   * arrays are replaced whole, and {@code null} (as {@code properties: null}) never replaces what
   * an earlier document showed. The rules are the module README's "Shapes read". With more than
   * one document, paths in messages and notes start with {@code #1}, {@code #2} …; {@link
   * #readDocuments} names them.
   *
   * @param documents the documents, in order; at least one
   * @param companion what the resources do not hold
   * @return the estate and the report
   * @throws PgreachException as {@link #read(String, Companion)} does; every problem the
   *     documents' shapes show at once (up to 100, one a line); a template among several documents
   *     is {@link ErrorCode#INVALID_INPUT} (a template is read on its own); {@link
   *     ErrorCode#INVALID_VALUE} for no document; {@link ErrorCode#MISSING_ATTRIBUTE} for a null
   *     argument or element
   */
  public static ArmImport read(List<String> documents, Companion companion) {
    Checks.notNull(documents, "ArmImport.read.documents");
    List<ArmDocument> named = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      named.add(ArmDocument.of("#" + (i + 1), Checks.notNull(documents.get(i), "ArmImport.read.documents[" + i + "]")));
    }
    return readDocuments(named, companion);
  }

  /**
   * Reads several named documents of ARM resources, in order, as one estate, as {@link
   * #read(List, Companion)} does; with more than one document, paths start with the document's
   * name ({@code rules.json $.value[1].properties.endIpAddress}). One document that is a template
   * is read as a template.
   *
   * @param documents the documents, in order; at least one
   * @param companion what the resources do not hold
   * @return the estate and the report
   * @throws PgreachException as {@link #read(List, Companion)} does
   */
  public static ArmImport readDocuments(List<ArmDocument> documents, Companion companion) {
    Checks.notNull(documents, "ArmImport.readDocuments.documents");
    Checks.notNull(companion, "ArmImport.readDocuments.companion");
    for (int i = 0; i < documents.size(); i++) {
      Checks.notNull(documents.get(i), "ArmImport.readDocuments.documents[" + i + "]");
    }
    if (documents.isEmpty()) {
      throw ArmShapes.noDocuments();
    }
    if (documents.size() == 1) {
      return read(documents.get(0).json(), companion);
    }
    return read(ArmShapes.shape(documents), companion);
  }

  /** Reads canonical resources, naming in errors the paths the input wrote. */
  private static ArmImport read(ShapedInput shaped, Companion companion) {
    ResourceInput input = shaped.toResourceInput();
    try {
      return new ArmReader(input, companion.root(), shaped.ids()).read();
    } catch (PgreachException e) {
      throw shaped.translate(e);
    }
  }

  /**
   * Reads resources a front end hands over (templates after evaluation, Terraform resources after
   * mapping), with a companion document.
   *
   * @param input the resources
   * @param companion what the resources do not hold
   * @return the estate and the report
   * @throws PgreachException as {@link #read(String, Companion)} does, naming each resource's path
   */
  public static ArmImport read(ResourceInput input, Companion companion) {
    Checks.notNull(input, "ArmImport.read.input");
    Checks.notNull(companion, "ArmImport.read.companion");
    if (input.refusals().isEmpty()) {
      return new ArmReader(input, companion.root()).read();
    }
    // what the front end refused fails a strict read, together with every problem the rest has
    List<PgreachException> all = new ArrayList<>(input.refusals());
    try {
      new ArmReader(input, companion.root()).read();
    } catch (PgreachException e) {
      all.addAll(e.problems().isEmpty() ? List.of(e) : e.problems());
    }
    throw PgreachException.several(all, 0);
  }

  /**
   * Returns the estate.
   *
   * @return the estate
   */
  public Estate estate() {
    return estate;
  }

  /**
   * Returns how many resources of the types pgreach reads were in the input (a resource listed
   * twice counts twice; children nested in a parent's properties are not counted).
   *
   * @return the count
   */
  public int resourceCount() {
    return resourceCount;
  }

  /**
   * Returns the types that were skipped, with how many resources of each.
   *
   * @return counts by type, as first written in the input; private endpoints of other services
   *     appear as {@code Microsoft.Network/privateEndpoints to <their target's type>}
   */
  public ImmutableSortedMap<String, Integer> skippedTypes() {
    return skippedTypes;
  }

  /**
   * Returns what was read but left out of the estate, one sentence each, starting with its JSON
   * path: IPv6 prefixes and addresses, IPv6-only security rules, point-to-site connections, an
   * ExpressRoute connection whose on-premises side the companion does not describe, a network
   * interface's public IP address that is not in the input, a network interface's own DNS servers
   * (interface-level DNS is not modelled), a private endpoint connection without a status (read as
   * Pending), template resources whose condition is false; and, last, one note for every
   * resource outside the input (referred to but not read, such as a server's delegated subnet in
   * another resource group), starting with its id and saying what referred to it.
   *
   * @return the notes, in the order they arose
   */
  public ImmutableList<String> notes() {
    return notes;
  }

  /**
   * Returns the companion document's default instant for questions.
   *
   * @return its {@code at}, or empty
   */
  public Optional<Instant> instant() {
    return instant;
  }

  @Override
  public String toString() {
    return "ArmImport[" + resourceCount + " resources read, skipped " + skippedTypes + ", " + notes.size() + " notes]";
  }
}
