/**
 * dns.
 */
@dev.pgreach.core.PgreachStyle
package dev.pgreach.dns;
