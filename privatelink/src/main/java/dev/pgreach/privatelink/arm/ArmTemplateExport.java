package dev.pgreach.privatelink.arm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.arm.template.Deployment;

/**
 * An estate written as an ARM deployment template, as people deploy estates, with its {@link
 * Companion companion document}: reading them with {@link ArmImport#read(String, Companion,
 * Deployment)} gives the same estate as reading {@link ArmExport}'s resource-list form of it.
 *
 * <p>The template ({@code $schema} {@value TemplateWriter#SCHEMA}, {@code contentVersion}
 * {@code 1.0.0.0}) deploys exactly the resources of the resource-list form: each one's {@code
 * type}, {@code apiVersion}, {@code name} (a child's as {@code parent/child}) and its other members
 * ({@code location}, {@code sku}, {@code properties}); ids it refers to are {@code resourceId()}
 * calls, with the resource group and subscription where they are not the template's own; a
 * resource's {@code dependsOn} names the earlier declarations of its template that deploy what it
 * refers to. A template deploys to one resource group, so the resources of other groups and
 * subscriptions are in nested deployments ({@code Microsoft.Resources/deployments} with {@code
 * subscriptionId} and {@code resourceGroup}, {@code expressionEvaluationOptions.scope} {@code
 * inner}): one for each run of consecutive resources of one group, at its place, so that
 * everything deploys in the resource list's order. The {@link TemplateFeature features} of the
 * options add parameters with defaults, variables, resource and property copy loops, and modules
 * whose outputs the template reads; {@link TemplateOptions#bicep(boolean) Bicep's form} writes
 * language version 2.0 with symbolic names. Every template keeps within Azure's limits: 800
 * resources deployed (a longer run is split into nested deployments of the same group), 256
 * parameters, 256 variables, 64 outputs (past them, the plainer form), 800 copies a loop.
 *
 * <pre>{@code
 * ArmTemplateExport out = ArmTemplateExport.write(estate, TemplateOptions.defaults().bicep(true));
 * Files.writeString(Path.of("main.json"), out.templateJson());
 * Files.writeString(Path.of("companion.json"), out.companion().toJson());
 * Estate again = ArmImport.read(out.templateJson(), out.companion(), out.deployment()).estate();
 * }</pre>
 *
 * <p>The companion is {@link ArmExport}'s with a {@code deployment} member: the subscription,
 * resource group and region the template is deployed to (the first resource's group, the region
 * of the first of its resources that has one), so the two documents read on their own; {@link
 * #deployment()} gives the same as a {@link Deployment}, with a name.
 *
 * <p><b>Warning:</b> what {@link ArmExport} cannot carry, the template cannot either (see its
 * warning); reading back gives the same estate as reading the resource-list form, not always the
 * estate written. A resource whose region the estate does not hold (a network security group, a
 * route table, a local network gateway, a connection) is written without {@code location}, as in
 * the resource list: the template says what the estate knows, and Azure needs a region for them
 * to deploy it.
 */
public final class ArmTemplateExport {
  /** The name {@link #deployment()} gives the deployment. */
  public static final String DEPLOYMENT_NAME = "estate";

  private final String templateJson;
  private final Companion companion;
  private final Deployment deployment;
  private final TemplateOptions options;

  private ArmTemplateExport(String templateJson, Companion companion, Deployment deployment, TemplateOptions options) {
    this.templateJson = templateJson;
    this.companion = companion;
    this.deployment = deployment;
    this.options = options;
  }

  /**
   * Writes an estate as a template with every feature, in the classic form.
   *
   * @param estate the estate
   * @return the template, the companion and the deployment
   * @throws PgreachException as {@link ArmExport#write(Estate)} does
   */
  public static ArmTemplateExport write(Estate estate) {
    return write(estate, TemplateOptions.defaults());
  }

  /**
   * Writes an estate as a template.
   *
   * @param estate the estate
   * @param options the features and the form
   * @return the template, the companion and the deployment
   * @throws PgreachException as {@link ArmExport#write(Estate)} does ({@link
   *     ErrorCode#INVALID_VALUE} for a record set ARM cannot hold); {@link
   *     ErrorCode#MISSING_ATTRIBUTE} for a null argument, naming it
   */
  public static ArmTemplateExport write(Estate estate, TemplateOptions options) {
    Checks.notNull(estate, "ArmTemplateExport.write.estate");
    Checks.notNull(options, "ArmTemplateExport.write.options");
    ArmExport.Trees trees = ArmExport.trees(estate);
    TemplateWriter w = new TemplateWriter(trees.resources(), options);
    String template = Json.write(w.render(w.root));
    ObjectNode companion = trees.companion();
    Deployment.Builder d = Deployment.builder().name(DEPLOYMENT_NAME);
    if (w.root.subscription != null) {
      ObjectNode at = Json.object();
      at.put("subscriptionId", w.root.subscription);
      at.put("resourceGroup", w.root.group);
      w.location.ifPresent(l -> at.put("location", l));
      companion.set("deployment", at);
      d.subscriptionId(w.root.subscription).resourceGroup(w.root.group);
      w.location.ifPresent(d::location);
    }
    return new ArmTemplateExport(template, Companion.of(companion), d.build(), options);
  }

  /**
   * Returns the template as indented JSON.
   *
   * @return the JSON text
   */
  public String templateJson() {
    return templateJson;
  }

  /**
   * Returns the companion document: {@link ArmExport}'s, with the {@code deployment} the template
   * is read with (omitted for an estate without resources).
   *
   * @return the companion
   */
  public Companion companion() {
    return companion;
  }

  /**
   * Returns how the template is deployed: the name {@value #DEPLOYMENT_NAME}, and the subscription,
   * resource group and region of the companion's {@code deployment}; no parameter values (every
   * parameter has a default).
   *
   * @return the deployment
   */
  public Deployment deployment() {
    return deployment;
  }

  /**
   * Returns the options the template was written with.
   *
   * @return the options
   */
  public TemplateOptions options() {
    return options;
  }

  /** Returns a short summary: the options and the length of the template. */
  @Override
  public String toString() {
    return "ArmTemplateExport(" + options + ", " + templateJson.length() + " characters of template)";
  }
}
