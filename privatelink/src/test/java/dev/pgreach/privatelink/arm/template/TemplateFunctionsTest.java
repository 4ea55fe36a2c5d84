package dev.pgreach.privatelink.arm.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pgreach.core.PgreachException;
import dev.pgreach.privatelink.arm.ResourceInput;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each function family against the examples of Azure's template functions reference (the inputs
 * and results it documents), and the hashes against published input/output pairs.
 */
class TemplateFunctionsTest {
  static Stream<Arguments> documented() {
    return Stream.of(
        // logical
        Arguments.of("and(true(), false())", "false"),
        Arguments.of("or(true(), false())", "true"),
        Arguments.of("not(true())", "false"),
        Arguments.of("if(equals('a', 'a'), 'yes', 'no')", "\"yes\""),
        Arguments.of("bool('true')", "true"),
        Arguments.of("bool(0)", "false"),
        Arguments.of("coalesce(null(), null(), 'default')", "\"default\""),
        Arguments.of("coalesce(null(), createObject('a', 1))", "{\"a\": 1}"),
        // comparison
        Arguments.of("equals(createArray('a', 'b'), createArray('a', 'b'))", "true"),
        Arguments.of("equals('a', 'A')", "false"),
        Arguments.of("less(1, 2)", "true"),
        Arguments.of("lessOrEquals('A', 'a')", "true"),
        Arguments.of("greater(10, 5)", "true"),
        Arguments.of("greaterOrEquals('b', 'a')", "true"),
        // strings
        Arguments.of("format('{0}, {1}. Formatted number: {2:N0}', 'Hello', 'User', 8175133)", "\"Hello, User. Formatted number: 8,175,133\""),
        Arguments.of("format('{0:D3}-{1}', 7, true())", "\"007-True\""),
        Arguments.of("split('one,two,three', ',')", "[\"one\", \"two\", \"three\"]"),
        Arguments.of("split('one;two,three', createArray(',', ';'))", "[\"one\", \"two\", \"three\"]"),
        Arguments.of("substring('one two three', 4, 3)", "\"two\""),
        Arguments.of("replace('123-123-1234', '-', '')", "\"1231231234\""),
        Arguments.of("padLeft('123', 10, '0')", "\"0000000123\""),
        Arguments.of("toUpper('One Two Three')", "\"ONE TWO THREE\""),
        Arguments.of("trim('    one two three   ')", "\"one two three\""),
        Arguments.of("startsWith('abcdef', 'AB')", "true"),
        Arguments.of("endsWith('abcdef', 'F')", "true"),
        Arguments.of("indexOf('abcdef', 'CD')", "2"),
        Arguments.of("lastIndexOf('abcdef', 'AB')", "0"),
        Arguments.of("indexOf('abcdef', 'z')", "-1"),
        Arguments.of("base64('one, two, three')", "\"b25lLCB0d28sIHRocmVl\""),
        Arguments.of("base64ToString('b25lLCB0d28sIHRocmVl')", "\"one, two, three\""),
        Arguments.of("uriComponent('http://contoso.com/resources/nested/azuredeploy.json')", "\"http%3A%2F%2Fcontoso.com%2Fresources%2Fnested%2Fazuredeploy.json\""),
        Arguments.of("uriComponentToString('http%3A%2F%2Fcontoso.com%2Fresources%2Fnested%2Fazuredeploy.json')", "\"http://contoso.com/resources/nested/azuredeploy.json\""),
        Arguments.of("uri('http://contoso.org/firstpath', 'myscript.sh')", "\"http://contoso.org/myscript.sh\""),
        Arguments.of("string(createObject('valueA', 10, 'valueB', 'Example Text'))", "\"{\\\"valueA\\\":10,\\\"valueB\\\":\\\"Example Text\\\"}\""),
        Arguments.of("string(true())", "\"True\""),
        Arguments.of("json('{\"a\": \"b\"}').a", "\"b\""),
        Arguments.of("join(createArray('one', 'two', 'three'), ',')", "\"one,two,three\""),
        // arrays and strings
        Arguments.of("concat('prefix', '-', 'suffix')", "\"prefix-suffix\""),
        Arguments.of("concat(createArray('1-1', '1-2'), createArray('2-1'))", "[\"1-1\", \"1-2\", \"2-1\"]"),
        Arguments.of("contains('OneTwoThree', 'e')", "true"),
        Arguments.of("contains('OneTwoThree', 'two')", "false"),
        Arguments.of("contains(createObject('one', 'a', 'two', 'b'), 'ONE')", "true"),
        Arguments.of("contains(createArray('one', 'two'), 'three')", "false"),
        Arguments.of("empty('')", "true"),
        Arguments.of("empty(createObject())", "true"),
        Arguments.of("empty(null())", "true"),
        Arguments.of("first('One Two Three')", "\"O\""),
        Arguments.of("last(createArray('one', 'two', 'three'))", "\"three\""),
        Arguments.of("first(createArray())", "null"),
        Arguments.of("length(createObject('a', 1, 'b', 2))", "2"),
        Arguments.of("length('One Two Three')", "13"),
        Arguments.of("take('one two three', 2)", "\"on\""),
        Arguments.of("take(createArray('one', 'two', 'three'), 2)", "[\"one\", \"two\"]"),
        Arguments.of("skip('one two three', 4)", "\"two three\""),
        Arguments.of("skip(createArray('one', 'two', 'three'), 5)", "[]"),
        Arguments.of("range(1, 3)", "[1, 2, 3]"),
        Arguments.of("flatten(createArray(createArray('one', 'two'), createArray('three')))", "[\"one\", \"two\", \"three\"]"),
        Arguments.of("union(createArray('one', 'two', 'three'), createArray('three', 'four'))", "[\"one\", \"two\", \"three\", \"four\"]"),
        Arguments.of("union(createObject('one', 'a', 'two', 'b', 'three', 'c1'), createObject('three', 'c2', 'four', 'd', 'five', 'e'))",
            "{\"one\": \"a\", \"two\": \"b\", \"three\": \"c2\", \"four\": \"d\", \"five\": \"e\"}"),
        Arguments.of("union(createObject('n', createObject('a', 1, 'b', 2)), createObject('n', createObject('b', 3)))", "{\"n\": {\"a\": 1, \"b\": 3}}"),
        Arguments.of("intersection(createArray('one', 'two', 'three'), createArray('two', 'three'))", "[\"two\", \"three\"]"),
        Arguments.of("intersection(createObject('one', 'a', 'two', 'b'), createObject('one', 'a', 'two', 'z'))", "{\"one\": \"a\"}"),
        Arguments.of("tryIndexFromEnd(createArray(1, 2, 3), 1)", "3"),
        // objects
        Arguments.of("items(createObject('b', 2, 'a', 1))", "[{\"key\": \"a\", \"value\": 1}, {\"key\": \"b\", \"value\": 2}]"),
        Arguments.of("shallowMerge(createArray(createObject('one', 'a', 'n', createObject('x', 1)), createObject('two', 'b', 'n', createObject('y', 2))))",
            "{\"one\": \"a\", \"n\": {\"y\": 2}, \"two\": \"b\"}"),
        Arguments.of("tryGet(createObject('a', createObject('b', 1)), 'a', 'b')", "1"),
        Arguments.of("tryGet(createObject('a', 1), 'missing')", "null"),
        Arguments.of("objectKeys(createObject('a', 1, 'b', 2))", "[\"a\", \"b\"]"),
        // numeric
        Arguments.of("add(5, 3)", "8"),
        Arguments.of("sub(7, 3)", "4"),
        Arguments.of("mul(5, 3)", "15"),
        Arguments.of("div(8, 3)", "2"),
        Arguments.of("mod(7, 3)", "1"),
        Arguments.of("int('4')", "4"),
        Arguments.of("min(createArray(0, 3, 2, 5, 4))", "0"),
        Arguments.of("max(0, 3, 2, 5, 4)", "5"),
        // lambdas
        Arguments.of("filter(createArray(1, 5, 8, 2), lambda('n', greater(lambdaVariables('n'), 4)))", "[5, 8]"),
        Arguments.of("map(createArray('a', 'b'), lambda('x', 'i', format('{0}{1}', lambdaVariables('x'), lambdaVariables('i'))))", "[\"a0\", \"b1\"]"),
        Arguments.of("reduce(createArray(5, 3, 2), 0, lambda('cur', 'next', add(lambdaVariables('cur'), lambdaVariables('next'))))", "10"),
        Arguments.of("sort(createArray(3, 1, 2), lambda('a', 'b', less(lambdaVariables('a'), lambdaVariables('b'))))", "[1, 2, 3]"),
        Arguments.of("toObject(createArray(createObject('name', 'x', 'v', 1)), lambda('e', lambdaVariables('e').name), lambda('e', lambdaVariables('e').v))", "{\"x\": 1}"),
        Arguments.of("groupBy(createArray('foo', 'bar', 'baz'), lambda('x', substring(lambdaVariables('x'), 0, 1)))", "{\"f\": [\"foo\"], \"b\": [\"bar\", \"baz\"]}"),
        Arguments.of("mapValues(createObject('a', 1), lambda('v', mul(lambdaVariables('v'), 2)))", "{\"a\": 2}"),
        // deployment and resources
        Arguments.of("resourceGroup().id", "\"/subscriptions/sub/resourceGroups/rg\""),
        Arguments.of("resourceGroup().location", "\"westeurope\""),
        Arguments.of("subscription().subscriptionId", "\"sub\""),
        Arguments.of("deployment().name", "\"main\""),
        Arguments.of("resourceId('Microsoft.Network/virtualNetworks/subnets', 'v', 's')", "\"/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s\""),
        Arguments.of("resourceId('other', 'Microsoft.Network/virtualNetworks', 'v')", "\"/subscriptions/sub/resourceGroups/other/providers/Microsoft.Network/virtualNetworks/v\""),
        Arguments.of("resourceId('s2', 'other', 'Microsoft.Network/virtualNetworks', 'v')", "\"/subscriptions/s2/resourceGroups/other/providers/Microsoft.Network/virtualNetworks/v\""),
        Arguments.of("subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'r')", "\"/subscriptions/sub/providers/Microsoft.Authorization/roleDefinitions/r\""),
        Arguments.of("tenantResourceId('Microsoft.Management/managementGroups', 'm')", "\"/providers/Microsoft.Management/managementGroups/m\""),
        Arguments.of("extensionResourceId('/subscriptions/sub/resourceGroups/rg', 'Microsoft.Authorization/locks', 'l')", "\"/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Authorization/locks/l\""),
        // literals and access
        Arguments.of("createObject('a', createArray(1, 2))['a'][1]", "2"),
        Arguments.of("'it''s'", "\"it's\""));
  }

  /** The CIDR functions reference's own examples, IPv4 and IPv6. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "parseCidr('10.144.0.0/20')|{\"network\":\"10.144.0.0\",\"netmask\":\"255.255.240.0\",\"broadcast\":\"10.144.15.255\",\"firstUsable\":\"10.144.0.1\",\"lastUsable\":\"10.144.15.254\",\"cidr\":20}",
        "parseCidr('fdad:3236:5555::/48')|{\"network\":\"fdad:3236:5555::\",\"netmask\":\"ffff:ffff:ffff::\",\"firstUsable\":\"fdad:3236:5555::\",\"lastUsable\":\"fdad:3236:5555:ffff:ffff:ffff:ffff:ffff\",\"cidr\":48}",
        "createArray(cidrSubnet('10.144.0.0/20', 24, 0), cidrSubnet('10.144.0.0/20', 24, 1), cidrSubnet('10.144.0.0/20', 24, 4))|[\"10.144.0.0/24\",\"10.144.1.0/24\",\"10.144.4.0/24\"]",
        "createArray(cidrSubnet('fdad:3236:5555::/48', 52, 0), cidrSubnet('fdad:3236:5555::/48', 52, 1), cidrSubnet('fdad:3236:5555::/48', 52, 4))|[\"fdad:3236:5555::/52\",\"fdad:3236:5555:1000::/52\",\"fdad:3236:5555:4000::/52\"]",
        "createArray(cidrHost('10.144.3.0/24', 0), cidrHost('10.144.3.0/24', 1), cidrHost('10.144.3.0/24', 4))|[\"10.144.3.1\",\"10.144.3.2\",\"10.144.3.5\"]",
        "createArray(cidrHost('fdad:3236:5555:3000::/52', 0), cidrHost('fdad:3236:5555:3000::/52', 4))|[\"fdad:3236:5555:3000::1\",\"fdad:3236:5555:3000::5\"]"
      })
  void cidrFunctions_giveTheDocumentedResults(String expression, String expected) {
    JsonNode actual = Eval.of(expression);
    assertEquals(Eval.json(expected), actual, expression);
  }

  @Test
  void cidrFunctions_refuseWhatHasNoAnswer() {
    for (String bad : new String[] {"cidrHost('10.0.0.0/30', 2)", "cidrHost('10.0.0.0/24', -1)", "cidrSubnet('10.0.0.0/24', 23, 0)", "cidrSubnet('10.0.0.0/24', 26, 4)",
        "parseCidr('10.0.0.0')", "parseCidr('10.0.0.0/33')", "parseCidr('fdad::/129')", "parseCidr('host/24')"}) {
      assertThrows(TemplateError.class, () -> Eval.of(bad), bad);
    }
    assertEquals("10.0.0.0/24", Eval.of("cidrSubnet('10.0.0.77/24', 24, 0)").textValue(), "host bits of the given address are cleared");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documented")
  void function_givesTheDocumentedResult(String expression, String expected) {
    JsonNode actual = Eval.of(expression);
    assertTrue(Values.same(Eval.json(expected), actual) && Eval.json(expected).toString().equals(actual.toString()), expression + " gave " + actual);
  }

  /**
   * Published pairs: Bicep's outputs recorded in public material, and one that a public test
   * computes with Azure's own expression library.
   */
  @ParameterizedTest(name = "uniqueString({0})")
  @MethodSource("uniqueStrings")
  void uniqueString_matchesAzure(String arguments, String expected) {
    assertEquals(expected, Eval.of("uniqueString(" + arguments + ")").textValue());
  }

  static Stream<Arguments> uniqueStrings() {
    return Stream.of(
        Arguments.of("'test'", "rbgf3xv4ufgzg"),
        Arguments.of("'hello', 'world'", "a7wkljktk6wne"),
        Arguments.of("'abc'", "cgtzqvhu4i23s"),
        Arguments.of("'/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/my-rg'", "bmg7c6xu4tw46"),
        Arguments.of("'foo', 'bar', 'baz'", "xzi4ioaxtmth4"),
        Arguments.of("'/subscriptions/31e9f9a0-9fd2-4294-a0a3-0101246d9700/resourceGroups/rg-modm201-20230913120256/providers/Microsoft.Compute/virtualMachines/bobjacmodm201'", "yvjxno3je5on2"));
  }

  @Test
  void guid_isTheVersion5UuidOfTheJoinedArgumentsInAzuresNamespace() {
    // a published pair (recorded in two public reimplementations' tests); several arguments are joined with '-'
    // (a published three-argument pair joins them with nothing, and disagrees with Azure's '-': see the README)
    assertEquals("d6a5baf1-8b9b-542a-8525-2982f1f98a0c", Eval.of("guid('test')").textValue());
    assertEquals(Eval.of("guid('test-test2-test3')"), Eval.of("guid('test', 'test2', 'test3')"));
    assertEquals(Eval.of("guid('a-b', 'c')"), Eval.of("guid('a', 'b-c')"), "arguments are joined with '-'");
  }

  @Test
  void deploymentTimeValues_areUnknown_andUnknownSpreads() {
    for (String e : new String[] {"reference('x').properties.a", "listKeys('x', '2020-01-01').keys[0]", "newGuid()", "utcNow()", "resourceInfo('x').id",
        "concat('a-', reference('x').name)", "uniqueString(reference('x').id)", "environment().suffixes.storage", "if(reference('x').on, 1, 2)"}) {
      assertTrue(ResourceInput.isUnknown(Eval.of(e)), e);
    }
    assertEquals(Eval.json("false"), Eval.of("and(false(), reference('x').on)"), "a known false decides and()");
    assertEquals(Eval.json("true"), Eval.of("or(reference('x').on, true())"), "a known true decides or()");
    assertEquals(1L, Eval.of("if(true(), 1, reference('x').n)").longValue(), "only the chosen branch matters");
    JsonNode array = Eval.of("createArray(1, reference('x').n)");
    assertEquals(2, array.size(), "an array with an unknown element is an array");
    assertTrue(ResourceInput.isUnknown(array.get(1)));
  }

  @Test
  void parametersAndVariables_evaluateWithLoopsAndNullables() {
    String params = "{\"size\": {\"type\": \"int\", \"defaultValue\": 3}, \"opt\": {\"type\": \"string\", \"nullable\": true}}";
    String vars = "{\"names\": \"[range(0, parameters('size'))]\", \"copy\": [{\"name\": \"subnets\", \"count\": \"[parameters('size')]\","
        + " \"input\": \"[format('s{0}', copyIndex('subnets'))]\"}]}";
    assertEquals("[0,1,2]", Eval.of("variables('names')", params, vars).toString());
    assertEquals(Eval.json("[\"s0\", \"s1\", \"s2\"]"), Eval.of("variables('subnets')", params, vars));
    assertEquals(Eval.json("null"), Eval.of("parameters('opt')", params, vars), "a nullable parameter without a default is null");
  }

  @Test
  void mistakes_nameTheFunctionAndThePath() {
    PgreachException e = assertThrows(PgreachException.class, () -> unwrap(() -> Eval.of("substring('abc', 2, 5)")));
    assertTrue(e.getMessage().startsWith("$.x (\"[substring('abc', 2, 5)]\"): function 'substring' reaches outside the string"), e.getMessage());
    e = assertThrows(PgreachException.class, () -> unwrap(() -> Eval.of("copyIndex()")));
    assertTrue(e.getMessage().contains("copyIndex() is used outside a copy loop"), e.getMessage());
    e = assertThrows(PgreachException.class, () -> unwrap(() -> Eval.of("resourceId('Microsoft.Network/virtualNetworks/subnets', 'v')")));
    assertTrue(e.getMessage().contains("needs 2 names for type Microsoft.Network/virtualNetworks/subnets, not 1"), e.getMessage());
    e = assertThrows(PgreachException.class, () -> unwrap(() -> Eval.of("add(9223372036854775807, 1)")));
    assertTrue(e.getMessage().contains("overflows"), e.getMessage());
  }

  private static JsonNode unwrap(java.util.function.Supplier<JsonNode> s) {
    try {
      return s.get();
    } catch (TemplateError.Located l) {
      throw l.exception();
    }
  }
}
