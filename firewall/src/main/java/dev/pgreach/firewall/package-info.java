/**
 * firewall.
 */
@dev.pgreach.core.PgreachStyle
package dev.pgreach.firewall;
