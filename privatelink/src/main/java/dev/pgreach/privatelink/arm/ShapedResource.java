package dev.pgreach.privatelink.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import java.util.Map;
import java.util.Optional;

/**
 * One resource in canonical ARM form, with where it came from and what its source showed.
 *
 * <p>The canonical form is a REST GET body: {@code id}, {@code name}, {@code type} in Azure's
 * spelling for the types pgreach describes, the envelope members the source gave ({@code
 * location}, {@code kind}, {@code sku}, {@code identity}, {@code tags} …), and {@code properties}
 * with Azure's member names. Resources of other types are as their source wrote them.
 *
 * <p>{@link #propertiesMissing()} says why a resource has no {@code properties}: its source wrote
 * {@code properties: null} ({@code az resource list}, {@code Get-AzResource} without {@code
 * -ExpandProperties}), left it out, or (flattened output) showed no property at all. Such a
 * resource's settings are unknown, not empty: nothing is invented for them. {@link
 * #shownMembers()} and {@link #nullMembers()} tell a member the source showed with a value from
 * one it wrote as {@code null} (what the service did not return) and from one it did not write.
 *
 * <p><b>Warning:</b> {@link #resource()} is a Jackson tree owned by this value; callers must not
 * change it.
 *
 * @param resource the canonical resource
 * @param path the JSON path of its first listing ({@code $[35]}, {@code b.json $.value[3]})
 * @param sources the paths of every listing merged into it, its nested children's included, in
 *     input order
 * @param form the form of its first listing
 * @param propertiesMissing why none of its listings showed {@code properties}, or empty when one
 *     did (a server whose own listings show none may still hold the {@code
 *     privateEndpointConnections} a list of them gave)
 * @param shownMembers the members of {@code properties} its sources showed with a value
 * @param nullMembers the members of {@code properties} its sources wrote only as {@code null}
 * @param origins where members came from, when not from {@code path} under the same name: each
 *     key is a path inside the canonical resource ({@code .properties.network}, {@code ""} for
 *     the resource itself), each value the path in the input that wrote it ({@code $[0].network})
 */
record ShapedResource(
    ObjectNode resource,
    String path,
    ImmutableList<String> sources,
    ResourceForm form,
    Optional<String> propertiesMissing,
    ImmutableSortedSet<String> shownMembers,
    ImmutableSortedSet<String> nullMembers,
    ImmutableSortedMap<String, String> origins) {

  /** Checks the parts and copies the collections. */
  ShapedResource {
    Checks.notNull(resource, "ShapedResource.resource");
    Checks.notNull(path, "ShapedResource.path");
    Checks.notNull(form, "ShapedResource.form");
    Checks.notNull(propertiesMissing, "ShapedResource.propertiesMissing");
    sources = ImmutableList.copyOf(sources);
    shownMembers = ImmutableSortedSet.copyOf(shownMembers);
    nullMembers = ImmutableSortedSet.copyOf(nullMembers);
    origins = ImmutableSortedMap.copyOf(origins);
  }

  /**
   * Returns a resource from collections of any kind, which are copied.
   *
   * @return the resource
   */
  static ShapedResource of(
      ObjectNode resource, String path, java.util.Collection<String> sources, ResourceForm form, Optional<String> propertiesMissing,
      java.util.Collection<String> shownMembers, java.util.Collection<String> nullMembers, Map<String, String> origins) {
    return new ShapedResource(
        resource, path, ImmutableList.copyOf(sources), form, propertiesMissing, ImmutableSortedSet.copyOf(shownMembers),
        ImmutableSortedSet.copyOf(nullMembers), ImmutableSortedMap.copyOf(origins));
  }

  /**
   * Returns the resource's id as the canonical resource writes it.
   *
   * @return the id, or empty for a resource of another type written without a string id
   */
  Optional<String> id() {
    JsonNode id = resource.get("id");
    return id != null && id.isTextual() ? Optional.of(id.textValue()) : Optional.empty();
  }

  /**
   * Returns the resource's type as the canonical resource writes it.
   *
   * @return the type, or empty when it has none a string gives
   */
  Optional<String> type() {
    JsonNode t = resource.get("type");
    return t != null && t.isTextual() ? Optional.of(t.textValue()) : Optional.empty();
  }

  /**
   * Returns the path in the input of a member of the canonical resource: {@code
   * .properties.network.publicNetworkAccess} of a flattened server listed at {@code $[0]} is
   * {@code $[0].network.publicNetworkAccess}.
   *
   * @param suffix a path inside the canonical resource, {@code ""} for the resource itself
   * @return the path in the input
   */
  String sourcePath(String suffix) {
    return translate(origins, path, suffix);
  }

  /**
   * The path in the input of a member of a canonical resource: the longest key of {@code origins}
   * that is the suffix or a part of it, followed by the rest of the suffix, else {@code base}
   * followed by the suffix.
   */
  static String translate(Map<String, String> origins, String base, String suffix) {
    String best = null;
    for (String k : origins.keySet()) {
      boolean at = suffix.equals(k) || (suffix.startsWith(k) && (suffix.charAt(k.length()) == '.' || suffix.charAt(k.length()) == '['));
      if (at && (best == null || k.length() > best.length())) {
        best = k;
      }
    }
    return best == null ? base + suffix : origins.get(best) + suffix.substring(best.length());
  }
}
