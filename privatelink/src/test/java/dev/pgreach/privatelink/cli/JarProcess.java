package dev.pgreach.privatelink.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The runnable jar run as a user runs it, {@code java -jar}, in a process of its own. */
record JarProcess(int status, String out, String err) {
  /** The jar the build attached, named by the {@code cli.jar} system property. */
  static Path jar() {
    String name = System.getProperty("cli.jar");
    assertTrue(name != null && Files.isRegularFile(Path.of(name)), "the build names the runnable jar in cli.jar: " + name);
    return Path.of(name);
  }

  static JarProcess withInput(Path workDir, String stdin, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(List.of(args));
    try {
      Path out = Files.createTempFile(workDir, "out", ".txt");
      Path err = Files.createTempFile(workDir, "err", ".txt");
      Path in = Files.writeString(Files.createTempFile(workDir, "in", ".txt"), stdin);
      Process p =
          new ProcessBuilder(command).directory(workDir.toFile()).redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("java -jar " + String.join(" ", args) + " did not finish");
      }
      return new JarProcess(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static JarProcess run(Path workDir, String... args) {
    return withInput(workDir, "", args);
  }
}
