package dev.pgreach.privatelink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's program, compiled as a user compiles it: with {@code -Xlint:all -Werror} and only what
 * depending on pgreach-privatelink puts on the class path (pgreach's modules, Guava and what it
 * brings, Jackson) - not the Immutables annotations, nor test libraries. Generated value classes
 * must not carry an annotation that is missing there, or javac warns "cannot find annotation
 * method".
 */
class ConsumerCompileTest {
  private static final String PROGRAM =
      "package consumer;\n"
          + "import dev.pgreach.core.Client;\n"
          + "import dev.pgreach.core.ClientLocation;\n"
          + "import dev.pgreach.core.Finding;\n"
          + "import dev.pgreach.core.Ipv4Address;\n"
          + "import dev.pgreach.core.ServiceProfile;\n"
          + "import dev.pgreach.privatelink.Connectivity;\n"
          + "import dev.pgreach.privatelink.Estate;\n"
          + "import dev.pgreach.privatelink.EstateValidation;\n"
          + "import dev.pgreach.privatelink.arm.ArmImport;\n"
          + "import dev.pgreach.privatelink.arm.Companion;\n"
          + "public final class Main {\n"
          + "  private Main() {}\n"
          + "  public static void main(String[] args) {\n"
          + "    Estate estate = ArmImport.read(\"[]\", Companion.empty()).estate();\n"
          + "    Client client = Client.builder().name(\"x\").location(new ClientLocation.Internet(Ipv4Address.parse(\"8.8.8.8\"))).build();\n"
          + "    Connectivity c = Connectivity.of(estate, ServiceProfile.current());\n"
          + "    for (Finding f : EstateValidation.validate(estate, ServiceProfile.current())) {\n"
          + "      System.out.println(f + \" \" + c + \" \" + client);\n"
          + "    }\n"
          + "  }\n"
          + "}\n";

  @TempDir Path dir;

  @Test
  void consumer_compilesWithoutWarnings() throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertNotNull(javac, "tests run on a JDK");
    Path source = Files.createDirectories(dir.resolve("src/consumer")).resolve("Main.java");
    Files.writeString(source, PROGRAM);
    String classPath =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(ConsumerCompileTest::usersHaveIt)
            .collect(Collectors.joining(File.pathSeparator));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status;
    try (PrintStream p = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      status = javac.run(null, p, p, "-Xlint:all", "-Werror", "--release", "17", "-proc:none", "-cp", classPath, "-d", dir.resolve("out").toString(), source.toString());
    }
    assertEquals(0, status, out.toString(StandardCharsets.UTF_8));
    assertEquals("", out.toString(StandardCharsets.UTF_8).strip());
  }

  /** What depending on pgreach-privatelink gives a user: everything but the build's and the tests' own jars. */
  private static boolean usersHaveIt(String entry) {
    String e = entry.replace('\\', '/').toLowerCase(Locale.ROOT);
    List<String> buildOnly =
        List.of("/org/immutables/", "/org/junit/", "/net/jqwik/", "/org/opentest4j/", "/org/apiguardian/", "/com/networknt/", "/com/ethlo/", "/org/yaml/", "/org/slf4j/", "/dataformat/", "/test-classes");
    return buildOnly.stream().noneMatch(e::contains);
  }
}
