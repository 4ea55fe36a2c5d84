package dev.pgreach.privatelink.arm;

/**
 * What an estate written as a deployment template by {@link ArmTemplateExport} uses besides plain
 * resource declarations. {@link TemplateOptions#without(TemplateFeature...)} leaves a feature out;
 * the template then writes the same resources without it.
 */
public enum TemplateFeature {
  /**
   * Parameters with default values: one {@code location} parameter per region the resources are
   * in (the deployment's own region defaulting to {@code [resourceGroup().location]}), and an
   * {@code <network>AddressPrefixes} array per virtual network declared on its own; nested
   * deployments declare the ones they use and are passed them.
   */
  PARAMETERS,
  /**
   * Variables for the ids a template refers to: {@code <resource>Id} holding {@code
   * [resourceId(…)]}, used wherever the template names that resource. Without it, each reference
   * is its own {@code resourceId(…)} call.
   */
  VARIABLES,
  /**
   * Resource-level {@code copy} loops: consecutive sibling resources of one type and one shape
   * (firewall rules, server configurations, record sets, zone links, private DNS zones …) as one
   * declaration over a variable array, named with {@code format()} and {@code copyIndex()}.
   */
  RESOURCE_COPY,
  /**
   * Property-level {@code copy} loops: arrays of two or more objects in a resource's properties
   * (subnets, security rules, routes, A records, zone configurations) made by a {@code copy}
   * member over a variable array, with {@code copyIndex('<member>')}.
   */
  PROPERTY_COPY,
  /**
   * Modules: each server's firewall rules in a nested deployment of their own (inner scope, the
   * server's name and the rules passed in as parameters, deployed by a copy loop over them; needs
   * {@link #RESOURCE_COPY}), and references from a template to resources an earlier nested
   * deployment of it made read that deployment's {@code outputs} ({@code
   * reference(…).outputs.<resource>Id.value}). Resources outside the deployment's resource group
   * are always in nested deployments, with or without this feature: a template deploys to one
   * group.
   */
  MODULES
}
