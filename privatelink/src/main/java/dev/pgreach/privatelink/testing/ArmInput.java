package dev.pgreach.privatelink.testing;

import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.arm.ArmExport;
import dev.pgreach.privatelink.arm.Companion;

/**
 * An estate written as pgreach reads it from Azure: ARM JSON (an array of resources, as {@code az
 * resource list} or a template export holds them) and the companion document for what ARM does not
 * hold, together with the estate they were written from.
 *
 * @param estate the estate the documents were written from
 * @param resourcesJson the ARM resources, as JSON text
 * @param companion the companion document
 */
public record ArmInput(Estate estate, String resourcesJson, Companion companion) {
  /**
   * Checks the components.
   *
   * @param estate the estate the documents were written from
   * @param resourcesJson the ARM resources, as JSON text
   * @param companion the companion document
   * @throws dev.pgreach.core.PgreachException {@link dev.pgreach.core.ErrorCode#MISSING_ATTRIBUTE}
   *     for a null component
   */
  public ArmInput {
    Describe.notNull(estate, "ArmInput.estate");
    Describe.notNull(resourcesJson, "ArmInput.resourcesJson");
    Describe.notNull(companion, "ArmInput.companion");
  }

  /**
   * Writes an estate with {@link ArmExport}.
   *
   * @param estate the estate
   * @return its documents
   */
  public static ArmInput of(Estate estate) {
    ArmExport export = ArmExport.write(estate);
    return new ArmInput(estate, export.resourcesJson(), export.companion());
  }

  /**
   * Returns a short summary: how long the documents are, and the estate's description.
   *
   * @return several lines of text
   */
  @Override
  public String toString() {
    return "ArmInput(" + resourcesJson.length() + " characters of ARM JSON, companion of " + companion.toJson().length() + ")\n"
        + Describe.estate(estate);
  }
}
