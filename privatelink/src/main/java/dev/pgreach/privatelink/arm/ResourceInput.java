package dev.pgreach.privatelink.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.pgreach.core.ResourceId;
import java.util.Map;
import java.util.Optional;

/**
 * Azure resources as a front end hands them to the one reader that turns resources into an
 * estate: templates after evaluation, Terraform's {@code azurerm} resources after mapping to their
 * ARM form. Every front end goes through this, so there is one mapping from Azure's resources to
 * the model and the front ends cannot drift apart.
 *
 * <p>Each resource is a JSON object in the form Azure Resource Manager gives it ({@code id},
 * {@code name}, {@code type}, {@code location}, {@code sku}, {@code properties} …), with the
 * path that names it in messages (a template path such as {@code
 * $.resources['server']}, or a Terraform address). A value the front end cannot know (a template's
 * {@code reference()}, a Terraform value known only after apply) is the node {@link
 * #unknown(String)} makes: the reader reads the setting it lands in as unknown, never as a
 * default. A resource whose existence is not known (a template condition that cannot be
 * evaluated) is added with {@link Builder#addUncertain}; one declared to exist elsewhere (a
 * template's {@code existing} resource, a Terraform data source) with {@link
 * Builder#addExisting}: it is outside the input.
 *
 * <p><b>Warning:</b> this class is the bridge between pgreach's own front ends
 * ({@code dev.pgreach.privatelink.arm.template}, {@code dev.pgreach.privatelink.terraform}) and the
 * reader. Its signatures use Jackson's types, unlike the rest of the API, and it may change in any
 * release; read ARM JSON with {@link ArmImport} instead.
 */
public final class ResourceInput {
  /** One resource and where it came from. */
  record Entry(JsonNode resource, String path, ImmutableMap<String, String> memberPaths, Optional<String> uncertain) {}

  /** A collection the input holds in full: every child of one type of one parent. */
  record Collection(ResourceId parent, String childType, String path) {}

  private final ImmutableList<Entry> resources;
  private final ImmutableMap<ResourceId, String> existing;
  private final ImmutableList<String> notes;
  private final ImmutableList<Collection> collections;
  private final ImmutableList<dev.pgreach.core.PgreachException> refusals;
  private final boolean requests;

  private ResourceInput(Builder b) {
    this.requests = b.requests;
    this.resources = b.resources.build();
    this.existing = ImmutableMap.copyOf(b.existing);
    this.notes = b.notes.build();
    this.collections = b.collections.build();
    this.refusals = b.refusals.build();
  }

  /**
   * Returns the marker of a value that cannot be known from the input. No JSON text parses to it.
   *
   * @param why what the value is and why it is not known, for notes and reasons
   * @return the marker node
   */
  public static JsonNode unknown(String why) {
    Checks.notNull(why, "ResourceInput.unknown.why");
    return new POJONode(new Unknown(why));
  }

  /**
   * Tells whether a node is the marker of an unknown value.
   *
   * @param node a node, or null
   * @return whether it was made by {@link #unknown(String)}
   */
  public static boolean isUnknown(JsonNode node) {
    return node instanceof POJONode && ((POJONode) node).getPojo() instanceof Unknown;
  }

  /**
   * Returns why a value is unknown.
   *
   * @param node a node made by {@link #unknown(String)}
   * @return the reason, or empty for any other node
   */
  public static Optional<String> whyUnknown(JsonNode node) {
    return isUnknown(node) ? Optional.of(((Unknown) ((POJONode) node).getPojo()).why()) : Optional.empty();
  }

  /**
   * Parses a JSON document under the limits the ARM reader applies to its own input (nesting
   * depth, string, number and name lengths, document size; duplicate keys and trailing content
   * are errors), so that a front end reads its documents as safely as ARM JSON is read.
   *
   * @param json the document
   * @param root the path of the document's root in messages, such as {@code $}
   * @return the tree
   * @throws dev.pgreach.core.PgreachException {@link dev.pgreach.core.ErrorCode#INVALID_INPUT}
   *     naming where reading stopped; {@link dev.pgreach.core.ErrorCode#MISSING_ATTRIBUTE} for a
   *     null argument
   */
  public static JsonNode parse(String json, String root) {
    Checks.notNull(json, "ResourceInput.parse.json");
    Checks.notNull(root, "ResourceInput.parse.root");
    return Json.parse(json, root);
  }

  /**
   * Tells whether the reader reads resources of a type; resources of other types are only counted
   * (as skipped), so a front end need not evaluate their content.
   *
   * @param type a full resource type, in any case
   * @return whether the reader maps it to the model
   */
  public static boolean isReadType(String type) {
    Checks.notNull(type, "ResourceInput.isReadType.type");
    return ArmReader.Kind.of(type).isPresent();
  }

  /** The content of an unknown-value marker. */
  private record Unknown(String why) {
    @Override
    public String toString() {
      return "(unknown: " + why + ")";
    }
  }

  /**
   * The path of the resource a problem's message names: the longest resource path the message
   * starts with, at a member boundary.
   */
  Optional<String> resourcePathOf(String message) {
    String best = null;
    for (Entry e : resources) {
      String p = e.path();
      boolean boundary = message.startsWith(p) && (message.length() == p.length() || " .[".indexOf(message.charAt(p.length())) >= 0);
      if (boundary && (best == null || p.length() > best.length())) {
        best = p;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * This input with the resources at some paths no longer read: each is held as a resource whose
   * existence is not known (outside the input, its collection not known in full), for the reason
   * given, and everything else stays as it is.
   */
  ResourceInput leavingOut(Map<String, String> reasons) {
    // Every listing of a resource left out goes with it (two listings that disagree are both in doubt).
    Map<String, String> byId = new java.util.HashMap<>();
    for (Entry e : resources) {
      String why = reasons.get(e.path());
      JsonNode id = e.resource().get("id");
      if (why != null && id != null && id.isTextual()) {
        byId.putIfAbsent(id.asText().toLowerCase(java.util.Locale.ROOT), why);
      }
    }
    Builder b = builder();
    for (Entry e : resources) {
      JsonNode id = e.resource().get("id");
      String why = reasons.containsKey(e.path())
          ? reasons.get(e.path())
          : id != null && id.isTextual() ? byId.get(id.asText().toLowerCase(java.util.Locale.ROOT)) : null;
      b.resources.add(why == null ? e : new Entry(e.resource(), e.path(), e.memberPaths(), Optional.of(why)));
    }
    b.existing.putAll(existing);
    b.notes.addAll(notes);
    b.collections.addAll(collections);
    b.refusals.addAll(refusals);
    return b.build();
  }

  ImmutableList<Entry> resources() {
    return resources;
  }

  ImmutableMap<ResourceId, String> existing() {
    return existing;
  }

  ImmutableList<String> notes() {
    return notes;
  }

  /** Whether the resources are requests, whose omitted members take Azure's create-time values ({@link Builder#requests()}). */
  boolean requests() {
    return requests;
  }

  ImmutableList<Collection> collections() {
    return collections;
  }

  /** What the front end refused on its own (a parameter value, a resource it cannot evaluate), each at its path. */
  ImmutableList<dev.pgreach.core.PgreachException> refusals() {
    return refusals;
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ResourceInput}s. */
  public static final class Builder {
    private final ImmutableList.Builder<Entry> resources = ImmutableList.builder();
    private final Map<ResourceId, String> existing = new java.util.LinkedHashMap<>();
    private final ImmutableList.Builder<String> notes = ImmutableList.builder();
    private final ImmutableList.Builder<Collection> collections = ImmutableList.builder();
    private final ImmutableList.Builder<dev.pgreach.core.PgreachException> refusals = ImmutableList.builder();
    private boolean requests;

    private Builder() {}

    /**
     * Declares that the resources are requests Azure is to carry out (a template's resources, a
     * Terraform configuration's), not descriptions of deployed resources: a member a request
     * leaves out takes the value Azure gives it when the resource is created (a flexible server
     * without {@code properties.network} is created with public access, Enabled; a server being
     * deployed is Ready). Without this, the resources are read as exports (a REST GET, {@code az},
     * Resource Graph), which always show those members when Azure has them, so that a member
     * left out was projected away and is unknown.
     *
     * @return this builder
     */
    public Builder requests() {
      requests = true;
      return this;
    }

    /**
     * Records a problem for which Azure would refuse one part of the input on its own (a template
     * parameter value of another type than declared, a resource whose content cannot be
     * evaluated), so that the rest is still read: a lenient read ({@link
     * ArmImport#readLeavingOutRefused}) reports it among {@link ArmImport#refused()}, a strict read
     * fails with it and every other problem.
     *
     * @param problem what is wrong, its message starting with the JSON path of the member at fault
     * @return this builder
     */
    public Builder refuse(dev.pgreach.core.PgreachException problem) {
      Checks.notNull(problem, "ResourceInput.problem");
      refusals.add(problem);
      return this;
    }

    /**
     * Adds a resource that Azure would refuse (its content cannot be evaluated), known only by its
     * id, name and type: it is held as not known to exist (outside the input, its collection not
     * known in full), and the problem is recorded as {@link #refuse} records it.
     *
     * @param resource the resource's {@code id}, {@code name} and {@code type} in ARM form
     * @param path what names it in messages
     * @param problem why Azure would refuse it
     * @return this builder
     */
    public Builder addRefused(JsonNode resource, String path, dev.pgreach.core.PgreachException problem) {
      Checks.notNull(resource, "ResourceInput.resource");
      Checks.notNull(path, "ResourceInput.path");
      refuse(problem);
      resources.add(new Entry(resource, path, ImmutableMap.of(), Optional.of("Azure would refuse it (" + problem.code() + ")")));
      return this;
    }

    /**
     * Declares that the input holds one parent's whole collection of children of one type (a REST
     * list of the collection without {@code nextLink}, an {@code az … list} output, a Terraform
     * resource whose inline blocks are authoritative), so that the reader knows nothing else is in
     * it.
     *
     * @param parent the parent's id
     * @param childType the children's full type, such as {@code
     *     Microsoft.DBforPostgreSQL/flexibleServers/firewallRules}
     * @param path where the list is, for notes
     * @return this builder
     */
    public Builder completeCollection(ResourceId parent, String childType, String path) {
      Checks.notNull(parent, "ResourceInput.parent");
      Checks.notNull(childType, "ResourceInput.childType");
      Checks.notNull(path, "ResourceInput.path");
      collections.add(new Collection(parent, childType, path));
      return this;
    }

    /**
     * Adds a resource.
     *
     * @param resource the resource in ARM form
     * @param path what names it in messages
     * @return this builder
     */
    public Builder add(JsonNode resource, String path) {
      return add(resource, path, Map.of());
    }

    /**
     * Adds a resource whose members came from elsewhere: each entry maps a member's path inside the
     * resource in ARM form ({@code properties.network.delegatedSubnetResourceId}) to what named it
     * where it came from ({@code delegated_subnet_id}), so that messages name what the user wrote.
     *
     * @param resource the resource in ARM form
     * @param path what names it in messages, such as a Terraform address
     * @param memberPaths where members came from, relative to {@code path}
     * @return this builder
     */
    public Builder add(JsonNode resource, String path, Map<String, String> memberPaths) {
      Checks.notNull(resource, "ResourceInput.resource");
      Checks.notNull(path, "ResourceInput.path");
      Checks.notNull(memberPaths, "ResourceInput.memberPaths");
      resources.add(new Entry(resource, path, ImmutableMap.copyOf(memberPaths), Optional.empty()));
      return this;
    }

    /**
     * Adds a resource that may or may not be deployed (a template condition that cannot be
     * evaluated): nothing is known to exist because of it, and nothing is known to be absent.
     *
     * @param resource the resource in ARM form
     * @param path what names it in messages
     * @param why why its existence is not known
     * @return this builder
     */
    public Builder addUncertain(JsonNode resource, String path, String why) {
      Checks.notNull(resource, "ResourceInput.resource");
      Checks.notNull(path, "ResourceInput.path");
      Checks.notNull(why, "ResourceInput.why");
      resources.add(new Entry(resource, path, ImmutableMap.of(), Optional.of(why)));
      return this;
    }

    /**
     * Adds a resource declared to exist but described elsewhere (a template's {@code existing}
     * resource, a Terraform data source): it is outside the input.
     *
     * @param id its id
     * @param path what names it in messages
     * @return this builder
     */
    public Builder addExisting(ResourceId id, String path) {
      Checks.notNull(id, "ResourceInput.id");
      Checks.notNull(path, "ResourceInput.path");
      existing.putIfAbsent(id, path);
      return this;
    }

    /**
     * Adds a note about what the front end left out or could not tell, starting with the path it
     * concerns.
     *
     * @param note the sentence
     * @return this builder
     */
    public Builder note(String note) {
      Checks.notNull(note, "ResourceInput.note");
      notes.add(note);
      return this;
    }

    /**
     * Builds the input.
     *
     * @return the input
     */
    public ResourceInput build() {
      return new ResourceInput(this);
    }
  }
}
