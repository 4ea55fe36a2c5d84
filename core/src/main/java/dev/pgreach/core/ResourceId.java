package dev.pgreach.core;

import com.google.common.collect.ImmutableList;
import java.util.Locale;
import java.util.Optional;

/**
 * An Azure Resource Manager resource id, such as {@code
 * /subscriptions/0000…/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/hub/subnets/db}.
 *
 * <p>Ids compare case-insensitively, as ARM does; {@link #toString()} keeps the text as given. A
 * child resource's id extends its parent's id by a type segment and a name, so {@link #parent()}
 * and {@link #child(String, String)} move between them.
 *
 * <pre>{@code
 * ResourceId vnet = ResourceId.of("0000", "net", "Microsoft.Network/virtualNetworks", "hub");
 * ResourceId subnet = vnet.child("subnets", "db");
 * subnet.type();   // Microsoft.Network/virtualNetworks/subnets
 * subnet.name();   // db
 * }</pre>
 *
 * <p>Only syntax is checked: that a resource with this id exists is the model's business.
 */
public final class ResourceId implements Comparable<ResourceId> {
  private final String text;
  private final String key;
  private final String subscriptionId;
  private final String resourceGroup;
  private final String type;
  private final ImmutableList<String> names;
  /**
   * The parent, parsed on first use: ids are immutable, so a racing thread at worst parses it
   * again and stores an equal value.
   */
  private Optional<ResourceId> parent;

  private ResourceId(String text, String subscriptionId, String resourceGroup, String type, ImmutableList<String> names) {
    this.text = text;
    this.key = text.toLowerCase(Locale.ROOT);
    this.subscriptionId = subscriptionId;
    this.resourceGroup = resourceGroup;
    this.type = type;
    this.names = names;
  }

  /**
   * Returns the id of a top-level resource.
   *
   * @param subscriptionId the subscription, such as {@code 00000000-0000-0000-0000-000000000000}
   * @param resourceGroup the resource group name
   * @param type the provider namespace and type, such as {@code Microsoft.Network/virtualNetworks}
   * @param name the resource name
   * @return the id
   * @throws PgreachException {@link ErrorCode#INVALID_RESOURCE_ID} when a part is empty or holds a
   *     slash where it may not
   */
  public static ResourceId of(String subscriptionId, String resourceGroup, String type, String name) {
    return parse(
        "/subscriptions/"
            + subscriptionId
            + "/resourceGroups/"
            + resourceGroup
            + "/providers/"
            + type
            + "/"
            + name);
  }

  /**
   * Parses an ARM resource id.
   *
   * @param text the id; segment names are matched case-insensitively
   * @return the id
   * @throws PgreachException {@link ErrorCode#INVALID_RESOURCE_ID} for text that is not a resource
   *     id of the form {@code /subscriptions/{s}/resourceGroups/{g}/providers/{namespace}/{type}/{name}[/{childType}/{childName}]…}
   */
  public static ResourceId parse(String text) {
    if (text == null) {
      throw PgreachException.of(ErrorCode.MISSING_ATTRIBUTE, "ResourceId text must not be null");
    }
    ResourceId quick = parseWellFormed(text);
    if (quick != null) {
      return quick;
    }
    String[] s = text.split("/", -1);
    // "", subscriptions, sub, resourceGroups, rg, providers, ns, type, name, [childType, childName]...
    if (s.length < 9
        || s.length % 2 == 0
        || !s[0].isEmpty()
        || !s[1].equalsIgnoreCase("subscriptions")
        || !s[3].equalsIgnoreCase("resourceGroups")
        || !s[5].equalsIgnoreCase("providers")) {
      throw invalid(text, "is not /subscriptions/{id}/resourceGroups/{group}/providers/{namespace}/{type}/{name}");
    }
    for (int i = 1; i < s.length; i++) {
      if (s[i].isBlank() || !s[i].strip().equals(s[i])) {
        throw invalid(text, "has an empty or blank-padded segment at position " + i);
      }
    }
    StringBuilder type = new StringBuilder(s[6]).append('/').append(s[7]);
    ImmutableList.Builder<String> names = ImmutableList.builder();
    names.add(s[8]);
    for (int i = 9; i < s.length; i += 2) {
      type.append('/').append(s[i]);
      names.add(s[i + 1]);
    }
    return new ResourceId(text, s[2], s[4], type.toString(), names.build());
  }

  /**
   * Parses an id in one pass over its text, without splitting it: the same id {@link #parse}
   * makes, or null for text with any fault, which {@link #parse} then describes.
   */
  private static ResourceId parseWellFormed(String text) {
    int length = text.length();
    if (length == 0 || text.charAt(0) != '/') {
      return null;
    }
    int segments = 1;
    for (int i = 0; i < length; i++) {
      if (text.charAt(i) == '/') {
        segments++;
      }
    }
    if (segments < 9 || segments % 2 == 0) {
      return null;
    }
    int[] start = new int[segments]; // segment i is text[start[i], end(i)), end(i) = start[i + 1] - 1 or length
    for (int i = 1, k = 1; i < length; i++) {
      if (text.charAt(i - 1) == '/') {
        start[k++] = i;
      }
    }
    if (length > 0 && text.charAt(length - 1) == '/') {
      start[segments - 1] = length;
    }
    for (int i = 1; i < segments; i++) {
      int from = start[i];
      int to = i + 1 < segments ? start[i + 1] - 1 : length;
      if (from >= to || Character.isWhitespace(text.codePointAt(from)) || Character.isWhitespace(text.codePointBefore(to))) {
        return null; // empty, blank or padded
      }
    }
    if (!segmentIs(text, start, 1, "subscriptions") || !segmentIs(text, start, 3, "resourceGroups") || !segmentIs(text, start, 5, "providers")) {
      return null;
    }
    String subscription = text.substring(start[2], start[3] - 1);
    String group = text.substring(start[4], start[5] - 1);
    if (segments == 9) {
      return new ResourceId(text, subscription, group, text.substring(start[6], start[8] - 1), ImmutableList.of(text.substring(start[8])));
    }
    StringBuilder type = new StringBuilder(length - start[6]).append(text, start[6], start[8] - 1);
    ImmutableList.Builder<String> names = ImmutableList.builderWithExpectedSize((segments - 7) / 2);
    names.add(text.substring(start[8], start[9] - 1));
    for (int i = 9; i < segments; i += 2) {
      type.append('/').append(text, start[i], start[i + 1] - 1);
      names.add(text.substring(start[i + 1], i + 2 < segments ? start[i + 2] - 1 : length));
    }
    return new ResourceId(text, subscription, group, type.toString(), names.build());
  }

  private static boolean segmentIs(String text, int[] start, int i, String expected) {
    int to = start[i + 1] - 1;
    return to - start[i] == expected.length() && text.regionMatches(true, start[i], expected, 0, expected.length());
  }

  /**
   * Parses an ARM resource id, or returns empty for text {@link #parse} rejects.
   *
   * @param text the candidate text; {@code null} gives empty
   * @return the id, or empty
   */
  public static Optional<ResourceId> tryParse(String text) {
    try {
      return text == null ? Optional.empty() : Optional.of(parse(text));
    } catch (PgreachException e) {
      return Optional.empty();
    }
  }

  /**
   * Tells whether {@link #parse} accepts the text.
   *
   * @param text the candidate text; {@code null} gives {@code false}
   * @return whether it parses
   */
  public static boolean isValid(String text) {
    return tryParse(text).isPresent();
  }

  /**
   * Returns the id of a child resource of this one.
   *
   * @param childType the child type segment, such as {@code subnets}
   * @param childName the child name
   * @return the child's id
   * @throws PgreachException {@link ErrorCode#INVALID_RESOURCE_ID} when a part is empty or holds a slash
   */
  public ResourceId child(String childType, String childName) {
    if (childType.contains("/") || childName.contains("/")) {
      throw invalid(text + "/" + childType + "/" + childName, "has a slash inside a child segment");
    }
    return parse(text + "/" + childType + "/" + childName);
  }

  /**
   * Returns the parent resource's id, for a child resource.
   *
   * @return the parent id, or empty for a top-level resource
   */
  public Optional<ResourceId> parent() {
    Optional<ResourceId> p = parent;
    if (p == null) {
      if (names.size() == 1) {
        p = Optional.empty();
      } else {
        // The text up to the last type segment is an id already checked: what parse would make of it.
        int cut = text.lastIndexOf('/', text.lastIndexOf('/') - 1);
        p = Optional.of(new ResourceId(text.substring(0, cut), subscriptionId, resourceGroup, type.substring(0, type.lastIndexOf('/')), names.subList(0, names.size() - 1)));
      }
      parent = p;
    }
    return p;
  }

  /**
   * Returns the subscription id.
   *
   * @return the subscription
   */
  public String subscriptionId() {
    return subscriptionId;
  }

  /**
   * Returns the resource group name.
   *
   * @return the resource group
   */
  public String resourceGroup() {
    return resourceGroup;
  }

  /**
   * Returns the full resource type, such as {@code Microsoft.Network/virtualNetworks/subnets}.
   *
   * @return the type as written in the id
   */
  public String type() {
    return type;
  }

  /**
   * Tells whether this id is of the given type, ignoring case.
   *
   * @param resourceType a full type such as {@code Microsoft.Network/virtualNetworks}
   * @return whether the types match
   */
  public boolean isOfType(String resourceType) {
    return type.equalsIgnoreCase(resourceType);
  }

  /**
   * Returns this id after checking that it is of the expected type.
   *
   * @param resourceType the expected full type
   * @param field where the id was given, named in the error, such as {@code Subnet[db].networkSecurityGroup}
   * @return this id
   * @throws PgreachException {@link ErrorCode#WRONG_RESOURCE_TYPE} when the type differs
   */
  public ResourceId requireType(String resourceType, String field) {
    if (!isOfType(resourceType)) {
      throw PgreachException.of(
          ErrorCode.WRONG_RESOURCE_TYPE,
          "%s (%s) must be a %s id, not a %s id",
          field,
          text,
          resourceType,
          type);
    }
    return this;
  }

  /**
   * Returns the resource name, the last segment.
   *
   * @return the name
   */
  public String name() {
    return names.get(names.size() - 1);
  }

  /** Orders by the case-insensitive text, so ordering agrees with {@link #equals}. */
  @Override
  public int compareTo(ResourceId other) {
    return key.compareTo(other.key);
  }

  /** Ids are equal when their texts are equal ignoring case. */
  @Override
  public boolean equals(Object other) {
    return other instanceof ResourceId && ((ResourceId) other).key.equals(key);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }

  /** Returns the id as it was given. */
  @Override
  public String toString() {
    return text;
  }

  private static PgreachException invalid(String text, String problem) {
    return PgreachException.of(ErrorCode.INVALID_RESOURCE_ID, "ResourceId (\"%s\") %s", text, problem);
  }
}
