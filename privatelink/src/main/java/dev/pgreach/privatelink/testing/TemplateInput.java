package dev.pgreach.privatelink.testing;

import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.arm.ArmTemplateExport;
import dev.pgreach.privatelink.arm.Companion;
import dev.pgreach.privatelink.arm.TemplateOptions;
import dev.pgreach.privatelink.arm.template.Deployment;

/**
 * An estate written as people deploy it: an ARM deployment template (parameters, variables, copy
 * loops, nested deployments, in the classic form or Bicep's language version 2.0) with the
 * companion document and the deployment it is read with, together with the estate and the options
 * it was written from. {@code ArmImport.read(templateJson, companion, deployment)} reads the same
 * estate as the resource-list form of {@link ArmInput#of(Estate)}.
 *
 * @param estate the estate the documents were written from
 * @param templateJson the deployment template, as JSON text
 * @param companion the companion document, with the {@code deployment} it is read with
 * @param deployment the subscription, resource group, region and name of the deployment
 * @param options the features and the form the template was written with
 */
public record TemplateInput(Estate estate, String templateJson, Companion companion, Deployment deployment, TemplateOptions options) {
  /**
   * Checks the components.
   *
   * @param estate the estate the documents were written from
   * @param templateJson the deployment template, as JSON text
   * @param companion the companion document
   * @param deployment the deployment
   * @param options the features and the form
   * @throws dev.pgreach.core.PgreachException {@link dev.pgreach.core.ErrorCode#MISSING_ATTRIBUTE}
   *     for a null component
   */
  public TemplateInput {
    Describe.notNull(estate, "TemplateInput.estate");
    Describe.notNull(templateJson, "TemplateInput.templateJson");
    Describe.notNull(companion, "TemplateInput.companion");
    Describe.notNull(deployment, "TemplateInput.deployment");
    Describe.notNull(options, "TemplateInput.options");
  }

  /**
   * Writes an estate with {@link ArmTemplateExport}.
   *
   * @param estate the estate
   * @param options the features and the form
   * @return its documents
   * @throws dev.pgreach.core.PgreachException as {@link ArmTemplateExport#write(Estate,
   *     TemplateOptions)} does
   */
  public static TemplateInput of(Estate estate, TemplateOptions options) {
    ArmTemplateExport export = ArmTemplateExport.write(estate, options);
    return new TemplateInput(estate, export.templateJson(), export.companion(), export.deployment(), options);
  }

  /**
   * Returns a short summary: the options, how long the documents are, and the estate's description.
   *
   * @return several lines of text
   */
  @Override
  public String toString() {
    return "TemplateInput(" + options + ", " + templateJson.length() + " characters of template, companion of " + companion.toJson().length() + ")\n"
        + Describe.estate(estate);
  }
}
