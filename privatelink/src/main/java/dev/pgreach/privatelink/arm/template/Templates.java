package dev.pgreach.privatelink.arm.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import dev.pgreach.privatelink.arm.ResourceInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates an ARM template as Azure would deploy it and hands the resources it deploys, in their
 * canonical ARM form, to the one reader of resources ({@link ResourceInput}).
 *
 * <p>The package documentation says what evaluates, what is unknown and why.
 *
 * <p><b>Warning:</b> this class is the bridge between the template front end and the reader; its
 * signatures use Jackson's types and it may change in any release. Read templates with {@code
 * ArmImport.read(String, Companion, Deployment)} instead.
 */
public final class Templates {
  /** The subscription a template is read into when the deployment names none. */
  public static final String PLACEHOLDER_SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";

  /** The resource group a template is read into when the deployment names none. */
  public static final String PLACEHOLDER_RESOURCE_GROUP = "deployment";

  private Templates() {}

  /**
   * Evaluates a template.
   *
   * @param template the parsed template
   * @param deployment how it is deployed
   * @return the resources it deploys, resources it declares to exist elsewhere, and notes
   * @throws PgreachException {@link ErrorCode#INVALID_INPUT} for what cannot be evaluated, every
   *     independent problem at once, each naming the JSON path of the member at fault; {@link
   *     ErrorCode#INVALID_VALUE} for a parameter value the template does not declare or whose
   *     type is not the declared one
   */
  public static ResourceInput evaluate(JsonNode template, Deployment deployment) {
    if (template == null || deployment == null) {
      throw PgreachException.of(ErrorCode.MISSING_ATTRIBUTE, "Templates.evaluate.%s is required", template == null ? "template" : "deployment");
    }
    if (!template.isObject()) {
      throw PgreachException.of(ErrorCode.INVALID_INPUT, "$ (%s): must be an ARM template object", Values.show(template));
    }
    TemplateRun run = new TemplateRun();
    JsonNode schema = Values.member(template, "$schema");
    String level = schema != null && schema.isTextual() ? schema.textValue().toLowerCase(Locale.ROOT) : "";
    boolean tenantLevel = level.contains("tenantdeploymenttemplate");
    boolean groupLevel = level.contains("managementgroupdeploymenttemplate");
    boolean subscriptionLevel = level.contains("subscriptiondeploymenttemplate");
    Optional<String> sub = tenantLevel || groupLevel ? Optional.empty() : Optional.of(deployment.subscriptionId().orElse(PLACEHOLDER_SUBSCRIPTION));
    Optional<String> group = tenantLevel || groupLevel || subscriptionLevel ? Optional.empty() : Optional.of(deployment.resourceGroup().orElse(PLACEHOLDER_RESOURCE_GROUP));
    if (sub.isPresent() && deployment.subscriptionId().isEmpty()) {
      run.note("$: the deployment names no subscription" + (group.isPresent() && deployment.resourceGroup().isEmpty() ? " nor resource group" : "")
          + "; ids are made in the placeholder subscription " + PLACEHOLDER_SUBSCRIPTION + (group.isPresent() ? " and resource group " + PLACEHOLDER_RESOURCE_GROUP : ""));
    }
    Target target = new Target(
        deployment.tenantId(),
        deployment.managementGroup(),
        sub,
        group,
        deployment.location(),
        deployment.name().<JsonNode>map(TextNode::valueOf).orElseGet(() -> Values.unknown("the deployment's name is not given")),
        deployment.cloud().map(c -> azureCloud()));
    TemplateContext main = new TemplateContext(run, template, "$", target, null, false, supplied(template, deployment));
    return run.run(main);
  }

  /** The values given, checked against the declared parameters and read by their types. */
  private static Map<String, JsonNode> supplied(JsonNode template, Deployment deployment) {
    JsonNode declared = Values.member(template, "parameters");
    Map<String, JsonNode> out = new HashMap<>();
    List<PgreachException> problems = new ArrayList<>();
    for (Map.Entry<String, Deployment.Given> e : deployment.given().entrySet()) {
      Deployment.Given g = e.getValue();
      String key = declared == null || !declared.isObject() ? null : Values.key(declared, g.name());
      if (key == null) {
        problems.add(PgreachException.of(ErrorCode.INVALID_VALUE, "%s: the template declares no parameter %s", g.source(), g.name()));
        continue;
      }
      JsonNode typeNode = Values.member(declared.get(key), "type");
      String type = typeNode != null && typeNode.isTextual() ? typeNode.textValue().toLowerCase(Locale.ROOT) : "";
      if (g.keyVault()) {
        out.put(e.getKey(), Values.unknown("parameter " + key + " is a Key Vault secret"));
        continue;
      }
      JsonNode v;
      if (g.text().isPresent()) {
        String t = g.text().get();
        if (type.equals("string") || type.equals("securestring")) {
          v = TextNode.valueOf(t);
        } else {
          try {
            v = Values.parseJson(t);
          } catch (TemplateError x) {
            if (!type.isEmpty()) {
              problems.add(PgreachException.of(ErrorCode.INVALID_VALUE, "%s (%s): parameter %s is of type %s, and the value is not one", g.source(), Values.show(TextNode.valueOf(t)), key, typeNode.textValue()));
              continue;
            }
            v = TextNode.valueOf(t);
          }
        }
      } else {
        v = g.json().orElseThrow();
      }
      if (!fits(type, v)) {
        problems.add(PgreachException.of(ErrorCode.INVALID_VALUE, "%s (%s): parameter %s is of type %s, not %s", g.source(), Values.show(v), key, typeNode.textValue(), Values.typeName(v)));
        continue;
      }
      out.put(e.getKey(), v);
    }
    if (!problems.isEmpty()) {
      throw PgreachException.several(problems, 0);
    }
    return out;
  }

  private static boolean fits(String type, JsonNode v) {
    if (Values.isNull(v)) {
      return true; // a nullable parameter, or Azure's own refusal of null: either way nothing to check here
    }
    switch (type) {
      case "string":
      case "securestring":
        return v.isTextual();
      case "int":
        return v.isIntegralNumber();
      case "bool":
        return v.isBoolean();
      case "array":
        return v.isArray();
      case "object":
      case "secureobject":
        return v.isObject();
      default:
        return true;
    }
  }

  /** {@code environment()} of Azure's public cloud. */
  private static JsonNode azureCloud() {
    ObjectNode e = Values.object();
    e.put("name", Deployment.AZURE_CLOUD);
    e.put("resourceManager", "https://management.azure.com/");
    e.put("portal", "https://portal.azure.com");
    e.put("galleryEndpoint", "https://gallery.azure.com/");
    e.put("graph", "https://graph.windows.net/");
    e.putObject("authentication").put("loginEndpoint", "https://login.microsoftonline.com/").put("audiences", "https://management.core.windows.net/");
    ObjectNode s = e.putObject("suffixes");
    s.put("storage", "core.windows.net");
    s.put("sqlServerHostname", ".database.windows.net");
    s.put("keyvaultDns", ".vault.azure.net");
    s.put("acrLoginServer", ".azurecr.io");
    s.put("azureDatalakeStoreFileSystem", "azuredatalakestore.net");
    s.put("azureDatalakeAnalyticsCatalogAndJob", "azuredatalakeanalytics.net");
    return e;
  }
}
