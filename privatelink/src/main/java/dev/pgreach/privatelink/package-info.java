/**
 * privatelink.
 */
@dev.pgreach.core.PgreachStyle
package dev.pgreach.privatelink;
