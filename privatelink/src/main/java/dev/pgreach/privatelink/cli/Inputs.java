package dev.pgreach.privatelink.cli;

import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.privatelink.arm.ArmImport;
import dev.pgreach.privatelink.arm.Companion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The estate a command reads, with the profile and instant its questions are asked under. */
final class Inputs {
  /** Where the bundled sample estate's ARM resources are, on the class path. */
  static final String SAMPLE_RESOURCES = "/dev/pgreach/privatelink/sample/resources.json";

  /** Where the bundled sample estate's companion document is, on the class path. */
  static final String SAMPLE_COMPANION = "/dev/pgreach/privatelink/sample/companion.json";

  /** The largest input file read, in bytes. */
  static final long MAX_FILE_SIZE = 256L * 1024 * 1024;

  private Inputs() {}

  /**
   * Reads the estate named by {@code --estate} and {@code --companion}, or the bundled sample for
   * {@code --sample}.
   *
   * @param o the options
   * @return the import
   * @throws CommandFailure for a usage mistake, a file that cannot be read, or input the import rejects
   */
  static ArmImport estate(Options o) {
    if (o.has("--sample")) {
      if (o.has("--estate") || o.has("--companion")) {
        throw CommandFailure.usage("--sample reads the bundled sample estate; it takes neither --estate nor --companion");
      }
      return sample();
    }
    if (!o.has("--estate")) {
      if (o.has("--companion")) {
        throw CommandFailure.usage("--companion needs --estate");
      }
      throw CommandFailure.usage("--estate FILE (or --sample) is required");
    }
    return read(o.require("--estate"), o.get("--companion"));
  }

  /**
   * Reads an estate from a file of ARM JSON and, optionally, a companion document.
   *
   * @param estateFile the ARM JSON file
   * @param companionFile the companion document's file
   * @return the import
   * @throws CommandFailure for a file that cannot be read, or input the import rejects
   */
  static ArmImport read(String estateFile, Optional<String> companionFile) {
    String arm = readFile(estateFile);
    String label = estateFile + companionFile.map(c -> " with " + c).orElse("");
    try {
      Companion companion = companionFile.map(f -> Companion.parse(readFile(f))).orElse(Companion.empty());
      return ArmImport.read(arm, companion);
    } catch (PgreachException e) {
      throw new CommandFailure(ExitStatus.DATA_ERROR, "cannot use " + label + ": " + e.code() + ": " + e.getMessage());
    }
  }

  /** The bundled sample estate, read from its ARM JSON and companion document. */
  static ArmImport sample() {
    return ArmImport.read(resource(SAMPLE_RESOURCES), Companion.parse(resource(SAMPLE_COMPANION)));
  }

  private static String resource(String name) {
    try (InputStream in = Inputs.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the bundled sample " + name + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("the bundled sample " + name + " cannot be read", e);
    }
  }

  private static String readFile(String name) {
    try {
      Path path = Path.of(name);
      if (Files.isDirectory(path)) {
        throw new CommandFailure(ExitStatus.NO_INPUT, "cannot read " + name + ": it is a directory");
      }
      long size = Files.size(path);
      if (size > MAX_FILE_SIZE) {
        throw new CommandFailure(ExitStatus.NO_INPUT, "cannot read " + name + ": it has " + size + " bytes, more than the " + MAX_FILE_SIZE + " pgreach reads");
      }
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CommandFailure(ExitStatus.NO_INPUT, "cannot read " + name + ": no such file");
    } catch (InvalidPathException | IOException e) {
      throw new CommandFailure(ExitStatus.NO_INPUT, "cannot read " + name + ": " + e.getMessage());
    }
  }

  /**
   * Returns the service profile named by {@code --profile}.
   *
   * @param o the options
   * @return the profile; {@code current} by default
   */
  static ServiceProfile profile(Options o) {
    String name = o.get("--profile").orElse("current");
    try {
      return ServiceProfile.named(name);
    } catch (PgreachException e) {
      throw CommandFailure.usage("--profile (" + name + ") must be current or preview2021");
    }
  }

  /**
   * Returns the instant of the question: {@code --at}, else the companion document's, else now.
   *
   * @param o the options
   * @param imported the estate read
   * @return the instant
   */
  static Instant instant(Options o, ArmImport imported) {
    Optional<String> at = o.get("--at");
    if (at.isPresent()) {
      try {
        return Instant.parse(at.get());
      } catch (DateTimeParseException e) {
        throw CommandFailure.usage("--at (" + at.get() + ") must be an instant such as 2026-11-24T12:00:00Z");
      }
    }
    return imported.instant().orElseGet(Instant::now);
  }

  /**
   * Returns the output format named by {@code --format}.
   *
   * @param o the options
   * @return whether JSON was asked for
   */
  static boolean json(Options o) {
    String f = o.get("--format").orElse("text");
    if (f.equals("json")) {
      return true;
    }
    if (f.equals("text")) {
      return false;
    }
    throw CommandFailure.usage("--format (" + f + ") must be text or json");
  }
}
