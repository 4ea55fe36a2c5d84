/**
 * The ARM template language, evaluated as Azure Resource Manager deploys a template: what a
 * template deploys becomes canonical ARM resources for the one reader of resources ({@link
 * dev.pgreach.privatelink.arm.ResourceInput}).
 *
 * <p>{@link dev.pgreach.privatelink.arm.template.Deployment} says how a template is deployed (its
 * name, subscription, resource group and location, parameter values from a parameters file or
 * {@code name=value} pairs); {@link dev.pgreach.privatelink.arm.template.Templates} evaluates it;
 * {@code ArmImport.read(String, Companion, Deployment)} reads the result into an estate.
 *
 * <p>Evaluated: template syntax, language version 2.0 (symbolic names, {@code existing},
 * nullable parameters), parameters, variables, user-defined functions, conditions, copy loops of
 * resources, properties, variables and outputs, nested deployments in inner or outer scope with
 * their parameters and outputs, and the functions of Azure's template functions reference, one
 * class per family ({@code LogicalFunctions}, {@code ComparisonFunctions}, {@code
 * StringFunctions}, {@code ArrayFunctions}, {@code ObjectFunctions}, {@code NumericFunctions},
 * {@code CidrFunctions}, {@code LambdaFunctions}, {@code DeploymentFunctions}, {@code
 * ResourceFunctions}; {@code Hashes}
 * for {@code uniqueString} and {@code guid}, bit for bit as Azure's).
 *
 * <p>Unknown: what only a deployment knows ({@code reference()} of a deployed resource, {@code
 * list*()}, {@code resourceInfo()}, {@code newGuid()}, {@code utcNow()}, secrets) and what the
 * deployment does not give. An unknown value is {@link
 * dev.pgreach.privatelink.arm.ResourceInput#unknown(String)}'s marker; it spreads through
 * functions, and the reader reads a modelled property it reaches as unknown. A resource whose
 * condition is unknown is handed over as uncertain.
 *
 * <p>Refused on its own, as Azure refuses it: a parameter value that does not fit its declaration
 * ({@code ParameterTypes}; reported, and the parameter read as unknown) and a resource whose
 * content cannot be evaluated (reported at the member at fault, and held as not known to exist);
 * the rest of the deployment is read. The module README's "Templates" says more.
 */
package dev.pgreach.privatelink.arm.template;
