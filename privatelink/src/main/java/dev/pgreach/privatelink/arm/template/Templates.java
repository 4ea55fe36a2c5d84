package dev.pgreach.privatelink.arm.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import dev.pgreach.privatelink.arm.ResourceInput;
import java.util.HashMap;
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
   * @return the resources it deploys, resources it declares to exist elsewhere, notes, and what
   *     Azure refuses on its own: a parameter value the template does not declare or that does
   *     not fit its declaration ({@link ErrorCode#INVALID_VALUE}, the parameter read as unknown),
   *     a resource whose content cannot be evaluated (held as not known to exist), each naming the
   *     JSON path of the member at fault
   * @throws PgreachException {@link ErrorCode#INVALID_INPUT} for what no one resource can be
   *     refused for (a malformed template, a required parameter without a value), every
   *     independent problem at once, each naming the JSON path of the member at fault
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
    Map<String, String> givenBy = new HashMap<>();
    TemplateContext main = new TemplateContext(run, template, "$", target, null, false, supplied(template, deployment, run, givenBy));
    main.givenBy.putAll(givenBy);
    return run.run(main);
  }

  /**
   * The values given, read by their declared types. A value for a parameter the template does not
   * declare, or text that is not a value of the declared type, is refused (Azure refuses the
   * deployment): reported, and the parameter is read as unknown. Whether a value fits its
   * declaration is checked where the template reads it ({@link ParameterTypes}).
   */
  private static Map<String, JsonNode> supplied(JsonNode template, Deployment deployment, TemplateRun run, Map<String, String> givenBy) {
    JsonNode declared = Values.member(template, "parameters");
    Map<String, JsonNode> out = new HashMap<>();
    for (Map.Entry<String, Deployment.Given> e : deployment.given().entrySet()) {
      Deployment.Given g = e.getValue();
      String key = declared == null || !declared.isObject() ? null : Values.key(declared, g.name());
      if (key == null) {
        run.refuse(PgreachException.of(ErrorCode.INVALID_VALUE, "$.parameters%s (given by %s): the template declares no parameter %s; Azure refuses a deployment given it",
            Values.memberPath(g.name()), g.source(), g.name()));
        continue;
      }
      givenBy.put(e.getKey(), g.source());
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
              run.refuse(PgreachException.of(ErrorCode.INVALID_VALUE, "$.parameters%s (%s, given by %s): parameter %s is of type %s, and the text is not one; Azure refuses a deployment given it, so the parameter is read as unknown",
                  Values.memberPath(key), Values.show(TextNode.valueOf(t)), g.source(), key, typeNode.textValue()));
              out.put(e.getKey(), Values.unknown("the value given for parameter " + key + " is refused (not of type " + typeNode.textValue() + ")"));
              continue;
            }
            v = TextNode.valueOf(t);
          }
        }
      } else {
        v = g.json().orElseThrow();
      }
      out.put(e.getKey(), v);
    }
    return out;
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
