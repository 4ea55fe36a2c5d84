/**
 * Reads estates from Azure Resource Manager JSON and writes them back.
 *
 * <p>{@link dev.pgreach.privatelink.arm.ArmImport} turns the JSON users already have ({@code az
 * resource list}, Azure Resource Graph results, ARM REST list responses, ARM templates) into an
 * {@link dev.pgreach.privatelink.Estate}; a {@link dev.pgreach.privatelink.arm.Companion companion
 * document} adds what ARM does not hold: clients, custom and on-premises DNS servers and their
 * forwarding, server addresses, firewall-rule change times, known Azure ranges and the instant of
 * the question. {@link dev.pgreach.privatelink.arm.ArmExport} writes an estate as ARM resources and
 * a companion document, so that reading them back gives the same estate; {@link
 * dev.pgreach.privatelink.arm.ArmTemplateExport} writes it as a deployment template (parameters,
 * variables, copy loops, nested deployments; {@link dev.pgreach.privatelink.arm.TemplateOptions})
 * that reads back as the same estate as the resource list.
 *
 * <p>Malformed input never escapes as a parser's exception: it becomes a {@link
 * dev.pgreach.core.PgreachException} whose message names the JSON path and the value, and nothing
 * is loaded half-way. Hostile input is bounded: nesting depth, string, number and name lengths,
 * document size and template expressions all have limits.
 *
 * <p>Left out: resource types pgreach does not model (they are counted), IPv6, and template
 * features beyond naming and referring to resources (copy loops, conditions other than constants,
 * functions other than those {@link dev.pgreach.privatelink.arm.ArmImport} lists). Nothing here
 * calls Azure: the JSON is the whole input.
 *
 * <p>This package reads JSON with Jackson ({@code com.fasterxml.jackson.core:jackson-databind}), a
 * dependency of pgreach-privatelink; no Jackson type appears in its API.
 */
@dev.pgreach.core.PgreachStyle
package dev.pgreach.privatelink.arm;
