package dev.pgreach.privatelink.arm.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgreach.privatelink.arm.ArmImport;
import dev.pgreach.privatelink.arm.Companion;
import dev.pgreach.privatelink.arm.ResourceInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Evaluating a template, and reading it whole (parse, evaluate, read into an estate). The
 * template is the file given as {@code -p template=FILE} (with {@code -p companion=FILE}), or
 * else one generated here: a network of 200 subnets made by a variable loop and a module copied
 * 200 times, each making a firewall rule.
 *
 * <pre>{@code
 * mvn -o -Pjmh -pl privatelink -am test-compile exec:exec \
 *     -Djmh.args="-f 1 -wi 3 -i 5 -bm avgt -tu ms -p template=main.json TemplateBenchmark"
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TemplateBenchmark {
  /** A template file, or empty for the generated one. */
  @Param("")
  public String template;

  /** A companion document for it, or empty. */
  @Param("")
  public String companion;

  private String text;
  private JsonNode tree;
  private Companion comp;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    text = template.isEmpty() ? generated() : Files.readString(Path.of(template));
    comp = companion.isEmpty() ? Companion.empty() : Companion.parse(Files.readString(Path.of(companion)));
    tree = new ObjectMapper().readTree(text);
  }

  static String generated() {
    StringBuilder s = new StringBuilder();
    s.append("{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\", \"languageVersion\": \"2.0\",")
        .append("\"parameters\": {\"n\": {\"type\": \"int\", \"defaultValue\": 200}},")
        .append("\"variables\": {\"copy\": [{\"name\": \"subnets\", \"count\": \"[parameters('n')]\", \"input\": {\"name\": \"[format('s{0}', copyIndex('subnets'))]\",")
        .append("\"properties\": {\"addressPrefix\": \"[format('10.{0}.{1}.0/24', div(copyIndex('subnets'), 256), mod(copyIndex('subnets'), 256))]\"}}}]},")
        .append("\"resources\": {\"vnet\": {\"type\": \"Microsoft.Network/virtualNetworks\", \"apiVersion\": \"2023-11-01\", \"name\": \"big\", \"location\": \"westeurope\",")
        .append("\"properties\": {\"addressSpace\": {\"addressPrefixes\": [\"10.0.0.0/8\"]}, \"subnets\": \"[variables('subnets')]\"}},")
        .append("\"server\": {\"type\": \"Microsoft.DBforPostgreSQL/flexibleServers\", \"apiVersion\": \"2024-08-01\", \"name\": \"db\", \"location\": \"westeurope\", \"properties\": {\"version\": \"16\"}},")
        .append("\"rules\": {\"copy\": {\"name\": \"rules\", \"count\": \"[parameters('n')]\"}, \"type\": \"Microsoft.Resources/deployments\", \"apiVersion\": \"2022-09-01\",")
        .append("\"name\": \"[format('rule-{0}', uniqueString(string(copyIndex())))]\", \"properties\": {\"expressionEvaluationOptions\": {\"scope\": \"inner\"},")
        .append("\"parameters\": {\"i\": {\"value\": \"[copyIndex()]\"}}, \"template\": {\"languageVersion\": \"2.0\", \"parameters\": {\"i\": {\"type\": \"int\"}},")
        .append("\"resources\": {\"r\": {\"type\": \"Microsoft.DBforPostgreSQL/flexibleServers/firewallRules\", \"apiVersion\": \"2024-08-01\",")
        .append("\"name\": \"[format('db/r{0}', parameters('i'))]\", \"properties\": {\"startIpAddress\": \"[format('203.0.{0}.1', mod(parameters('i'), 256))]\",")
        .append("\"endIpAddress\": \"[format('203.0.{0}.1', mod(parameters('i'), 256))]\"}}}, \"outputs\": {\"id\": {\"type\": \"string\", \"value\": \"[guid(string(parameters('i')))]\"}}}}}}}");
    return s.toString();
  }

  /** Evaluation only: the parsed template to canonical resources. */
  @Benchmark
  public ResourceInput evaluate() {
    return Templates.evaluate(tree, Deployment.builder().location("westeurope").build());
  }

  /** The whole read: parse, evaluate, read into an estate. */
  @Benchmark
  public ArmImport read() {
    return ArmImport.read(text, comp, Deployment.builder().location("westeurope").build());
  }
}
