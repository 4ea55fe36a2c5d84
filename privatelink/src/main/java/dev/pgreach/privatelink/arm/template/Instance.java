package dev.pgreach.privatelink.arm.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One resource a template declares, one instance of its copy loop: where it is written, the scope
 * its expressions see, its full type and name and its id (text, or unknown when its name is known
 * only at deployment). A nested deployment keeps its outputs once evaluated.
 */
final class Instance {
  enum State { PENDING, EVALUATING, DONE }

  final TemplateContext context;
  final JsonNode declaration;
  final String path;
  final Scope scope;
  final Optional<String> symbol;
  final String type;
  final JsonNode name;
  final JsonNode id;
  final boolean existing;
  State state = State.PENDING;
  /** A nested deployment's outputs ({@code name: {type, value}}), unknown when they cannot be known. */
  JsonNode outputs;

  Instance(TemplateContext context, JsonNode declaration, String path, Scope scope, Optional<String> symbol, String type, JsonNode name, JsonNode id, boolean existing) {
    this.context = context;
    this.declaration = declaration;
    this.path = path;
    this.scope = scope;
    this.symbol = symbol;
    this.type = type;
    this.name = name;
    this.id = id;
    this.existing = existing;
  }

  boolean isDeployment() {
    return type.equalsIgnoreCase("Microsoft.Resources/deployments");
  }
}
