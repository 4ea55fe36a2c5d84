package dev.pgreach.privatelink.arm;

import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ResourceId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The resource ids one import has parsed, by their exact text, so that each text is parsed once
 * however often the shapes, the merge and the reader meet it (a firewall rule's id is read by
 * each of them, and its parent by every rule of the server).
 *
 * <p>A cached id is the one {@link ResourceId#parse} gives for the same text: ids are immutable
 * and keep their text, so sharing one changes nothing but the work. Text that does not parse is
 * not cached: every attempt fails as {@link ResourceId#parse} fails. One cache belongs to one
 * import, which one thread runs.
 */
final class Ids {
  private final Map<String, ResourceId> parsed = new HashMap<>();

  /**
   * Parses an id, or returns the one parsed from the same text before.
   *
   * @param text the id's text
   * @return the id
   * @throws PgreachException as {@link ResourceId#parse} does
   */
  ResourceId parse(String text) {
    ResourceId id = parsed.get(text);
    if (id == null) {
      id = ResourceId.parse(text);
      parsed.put(text, id);
    }
    return id;
  }

  /**
   * Parses an id as {@link #parse} does, or returns empty for text {@link ResourceId#parse}
   * rejects.
   *
   * @param text the candidate text; {@code null} gives empty
   * @return the id, or empty
   */
  Optional<ResourceId> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    ResourceId id = parsed.get(text);
    if (id != null) {
      return Optional.of(id);
    }
    try {
      return Optional.of(parse(text));
    } catch (PgreachException e) {
      return Optional.empty();
    }
  }

  /**
   * Returns an id's parent: the id parsed from the parent's text, so that the children of one
   * parent share it and its own parent is found once too. The parent's text is the id's up to
   * its last type segment, as {@link ResourceId#parent} takes it.
   *
   * @param id an id
   * @return its parent, or empty for a top-level resource
   */
  Optional<ResourceId> parent(ResourceId id) {
    String type = id.type();
    if (type.indexOf('/') == type.lastIndexOf('/')) {
      return Optional.empty(); // a namespace and one type: a top-level resource
    }
    String text = id.toString();
    return Optional.of(parse(text.substring(0, text.lastIndexOf('/', text.lastIndexOf('/') - 1))));
  }

  @Override
  public String toString() {
    return "Ids[" + parsed.size() + " parsed]";
  }
}
