package dev.pgreach.privatelink.arm;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;

/**
 * One document of ARM input and the name that error messages and notes give it, such as a file
 * name: with several documents, paths read {@code b.json $.value[3].properties.endIpAddress}.
 *
 * <pre>{@code
 * ArmImport read = ArmImport.readDocuments(List.of(
 *     ArmDocument.of("servers.json", Files.readString(Path.of("servers.json"))),
 *     ArmDocument.of("rules.json", Files.readString(Path.of("rules.json")))), Companion.empty());
 * }</pre>
 *
 * <p>Instances are immutable; two are equal when their names and texts are.
 */
public final class ArmDocument {
  private final String name;
  private final String json;

  private ArmDocument(String name, String json) {
    this.name = name;
    this.json = json;
  }

  /**
   * Returns a named document.
   *
   * @param name what messages call it; not blank
   * @param json its JSON text
   * @return the document
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null argument; {@link
   *     ErrorCode#INVALID_VALUE} for a blank name
   */
  public static ArmDocument of(String name, String json) {
    Checks.notNull(name, "ArmDocument.of.name");
    Checks.notNull(json, "ArmDocument.of.json");
    if (name.isBlank()) {
      throw PgreachException.of(ErrorCode.INVALID_VALUE, "ArmDocument.name (%s) must not be blank", Json.quote(name));
    }
    return new ArmDocument(name, json);
  }

  /**
   * Returns the document's name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the document's JSON text.
   *
   * @return the text
   */
  public String json() {
    return json;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ArmDocument && ((ArmDocument) other).name.equals(name) && ((ArmDocument) other).json.equals(json);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + json.hashCode();
  }

  @Override
  public String toString() {
    return "ArmDocument[" + name + ", " + json.length() + " characters]";
  }
}
