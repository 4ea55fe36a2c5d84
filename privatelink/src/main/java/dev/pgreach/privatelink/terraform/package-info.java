/**
 * Reads estates from Terraform's machine-readable JSON ({@code terraform show -json}) of states
 * and plans, for the {@code azurerm} resources that shape PostgreSQL flexible servers' networking.
 *
 * <p>{@link dev.pgreach.privatelink.terraform.TerraformImport#readState} reads a state; {@link
 * dev.pgreach.privatelink.terraform.TerraformImport#readPlan} reads a plan as the estate before it
 * and the one it plans, which {@link dev.pgreach.privatelink.Comparison} compares: what the plan
 * breaks. Each {@code azurerm} resource is mapped to the Azure resource it makes, in the form Azure
 * Resource Manager gives it, and read by the ARM reader of {@link dev.pgreach.privatelink.arm}, so
 * that the Terraform and ARM front ends share one mapping to the model. The module README's
 * "Terraform" section holds the table of {@code azurerm} attributes and the Azure properties they
 * become, and the decisions taken where Terraform does not say what Azure would.
 *
 * <p>In an open world: a value known only after apply ({@code after_unknown}) is unknown, never a
 * default; an id known only after apply is the id Azure will give (from the resource group and
 * name), or a stand-in derived from the Terraform address; an attribute naming another resource
 * that is known only after apply follows the configuration's {@code references} to the one
 * resource they name, and is unknown otherwise. Sensitive values are never read, so never printed.
 * Problems name the Terraform address and attribute, and are reported all at once.
 *
 * <p>Left out: resource types pgreach does not model (counted), data sources' content (they are
 * resources outside the input, known by id), {@code local} values, deposed objects, and anything
 * the JSON does not hold. Nothing here runs Terraform or calls Azure.
 *
 * <p>This package needs Jackson ({@code com.fasterxml.jackson.core:jackson-databind}), an optional
 * dependency of pgreach-privatelink; no Jackson type appears in its API.
 */
@dev.pgreach.core.PgreachStyle
package dev.pgreach.privatelink.terraform;
