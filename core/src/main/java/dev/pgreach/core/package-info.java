/**
 * The ground every pgreach module stands on: IPv4 address algebra, the Azure network model, routing,
 * and the shared vocabulary of answers.
 */
@PgreachStyle
package dev.pgreach.core;
