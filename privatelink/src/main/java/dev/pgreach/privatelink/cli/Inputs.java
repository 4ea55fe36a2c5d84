package dev.pgreach.privatelink.cli;

import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.privatelink.arm.ArmDocument;
import dev.pgreach.privatelink.arm.ArmImport;
import dev.pgreach.privatelink.arm.Companion;
import dev.pgreach.privatelink.arm.template.Deployment;
import dev.pgreach.privatelink.terraform.TerraformImport;
import dev.pgreach.privatelink.terraform.TerraformPlan;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The estate a command reads, with the profile, instant and format its questions are asked under.
 *
 * <p>Where the estate comes from is one group of options, {@link #SOURCES}, read by {@link
 * #estate(Options)}: ARM documents ({@code --estate}, repeatable), a companion document, or the
 * bundled sample. A new source - template parameters, a Terraform plan or state - is one more
 * option in {@link #SOURCES} and one more branch in {@link #estate(Options)}; every command that
 * reads an estate then accepts it.
 */
final class Inputs {
  /** Where the bundled sample estate's ARM resources are, on the class path. */
  static final String SAMPLE_RESOURCES = "/dev/pgreach/privatelink/sample/resources.json";

  /** Where the bundled sample estate's companion document is, on the class path. */
  static final String SAMPLE_COMPANION = "/dev/pgreach/privatelink/sample/companion.json";

  /** The largest input file read, in bytes. */
  static final long MAX_FILE_SIZE = 256L * 1024 * 1024;

  /** The options that say where an estate comes from. */
  static final Options.Spec SOURCES =
      new Options.Spec(
          Set.of("--companion", "--plan", "--state", "--deployment-name"),
          Set.of("--estate", "--parameters", "--parameter"),
          Set.of("--sample", "--help"));

  /** The options every command that answers about an estate takes besides its sources. */
  static final Options.Spec COMMON = Options.Spec.of("--profile", "--format");

  /** How much of a file is read at a time: small enough not to count as a huge object to the heap. */
  private static final int CHUNK = 64 * 1024;

  private Inputs() {}

  /**
   * An estate read, with the documents it was read from (for locations in reports).
   *
   * @param imported the import
   * @param documents the ARM documents, named by their files
   */
  record Loaded(ArmImport imported, List<ArmDocument> documents) {
    Loaded {
      documents = List.copyOf(documents);
    }
  }

  /**
   * Reads the estate named by {@code --estate} (one or more) and {@code --companion}, or the
   * bundled sample for {@code --sample}.
   *
   * @param o the options
   * @return the import
   * @throws CommandFailure for a usage mistake, a file that cannot be read, or input the import rejects
   */
  static Loaded estate(Options o) {
    return estate(o, false);
  }

  /**
   * Reads the estate as {@link #estate(Options)} does; with {@code leaveOutRefused}, ARM resources
   * Azure would refuse are left out and reported ({@link ArmImport#readLeavingOutRefused}) rather
   * than failing the read.
   */
  static Loaded estate(Options o, boolean leaveOutRefused) {
    boolean deployment = o.has("--parameters") || o.has("--parameter") || o.has("--deployment-name");
    if (o.has("--sample")) {
      if (o.has("--estate") || o.has("--companion") || o.has("--plan") || o.has("--state") || deployment) {
        throw CommandFailure.option("--sample", "--sample reads the bundled sample estate; it takes no other source");
      }
      return sample();
    }
    int sources = (o.has("--estate") ? 1 : 0) + (o.has("--plan") ? 1 : 0) + (o.has("--state") ? 1 : 0);
    if (sources > 1) {
      throw CommandFailure.option("--estate", "give one of --estate, --plan and --state");
    }
    if (o.has("--plan") || o.has("--state")) {
      if (deployment) {
        throw CommandFailure.option("--parameters", "--parameters, --parameter and --deployment-name are for an ARM template given with --estate");
      }
      return o.has("--plan") ? plan(o.require("--plan"), o.get("--companion"), leaveOutRefused)[1] : state(o.require("--state"), o.get("--companion"), leaveOutRefused);
    }
    if (!o.has("--estate")) {
      if (o.has("--companion")) {
        throw CommandFailure.option("--estate", "--companion needs --estate, --plan or --state");
      }
      throw CommandFailure.option("--estate", "--estate FILE, --plan FILE, --state FILE or --sample is required");
    }
    if (deployment) {
      if (o.all("--estate").size() > 1) {
        throw CommandFailure.option("--parameters", "--parameters, --parameter and --deployment-name take one --estate: the template");
      }
      return template(o.all("--estate").get(0), o.get("--companion"), o.all("--parameters"), o.all("--parameter"), o.get("--deployment-name"), leaveOutRefused);
    }
    return read(o.all("--estate"), o.get("--companion"), leaveOutRefused);
  }

  /**
   * Reads an ARM template as one deployment of it: parameter files in order, then {@code name=value}
   * pairs (later values win, as {@code az deployment group create} takes them), the deployment
   * named after the template file (without its extension) unless a name is given.
   *
   * @param file the template's file
   * @param companionFile the companion document's file
   * @param parameterFiles deployment parameter files ({@code deploymentParameters.json})
   * @param parameters {@code name=value} pairs
   * @param name the deployment's name, if given
   * @return the import
   * @throws CommandFailure for a file that cannot be read, or input the import rejects
   */
  static Loaded template(
      String file, Optional<String> companionFile, List<String> parameterFiles, List<String> parameters, Optional<String> name, boolean leaveOutRefused) {
    String text = readFile(file);
    Companion companion = companion(companionFile);
    Deployment deployment;
    try {
      Deployment.Builder b = Deployment.builder().name(name.orElseGet(() -> baseName(file)));
      for (String f : parameterFiles) {
        b.parametersFile(readFile(f));
      }
      parameters.forEach(b::parameter);
      deployment = b.build();
    } catch (PgreachException e) {
      throw dataError("cannot use the deployment parameters", null, e);
    }
    try {
      List<ArmDocument> documents = List.of(ArmDocument.of(file, text));
      return new Loaded(
          leaveOutRefused ? ArmImport.readLeavingOutRefused(documents, companion, deployment) : ArmImport.read(text, companion, deployment), documents);
    } catch (PgreachException e) {
      throw dataError("cannot use " + file + companionFile.map(c -> " with " + c).orElse(""), file, e);
    }
  }

  /** A file's name without its directories and its last extension: a deployment's default name. */
  static String baseName(String file) {
    String name = Path.of(file).getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /**
   * Reads a Terraform plan ({@code terraform show -json plan}) as the estate before and after it.
   *
   * @param file the plan's file
   * @param companionFile the companion document's file, used for both sides
   * @return the estate before the plan, then the estate it plans
   * @throws CommandFailure for a file that cannot be read, or input the import rejects
   */
  static Loaded[] plan(String file, Optional<String> companionFile) {
    return plan(file, companionFile, false);
  }

  /**
   * Reads a Terraform plan as {@link #plan(String, Optional)} does; with {@code leaveOutRefused},
   * resources Azure would refuse are left out and reported ({@link
   * TerraformImport#readPlanLeavingOutRefused}) rather than failing the read.
   */
  static Loaded[] plan(String file, Optional<String> companionFile, boolean leaveOutRefused) {
    String text = readFile(file);
    Companion companion = companion(companionFile);
    try {
      TerraformPlan plan = leaveOutRefused ? TerraformImport.readPlanLeavingOutRefused(text, companion) : TerraformImport.readPlan(text, companion);
      return new Loaded[] {new Loaded(plan.before().reading(), List.of()), new Loaded(plan.after().reading(), List.of())};
    } catch (PgreachException e) {
      throw dataError("cannot use " + file, null, e);
    }
  }

  /**
   * Reads a Terraform state ({@code terraform show -json}).
   *
   * @param file the state's file
   * @param companionFile the companion document's file
   * @return the estate
   * @throws CommandFailure for a file that cannot be read, or input the import rejects
   */
  static Loaded state(String file, Optional<String> companionFile) {
    return state(file, companionFile, false);
  }

  /**
   * Reads a Terraform state as {@link #state(String, Optional)} does; with {@code
   * leaveOutRefused}, resources Azure would refuse are left out and reported ({@link
   * TerraformImport#readStateLeavingOutRefused}) rather than failing the read.
   */
  static Loaded state(String file, Optional<String> companionFile, boolean leaveOutRefused) {
    String text = readFile(file);
    Companion companion = companion(companionFile);
    try {
      TerraformImport read = leaveOutRefused ? TerraformImport.readStateLeavingOutRefused(text, companion) : TerraformImport.readState(text, companion);
      return new Loaded(read.reading(), List.of());
    } catch (PgreachException e) {
      throw dataError("cannot use " + file, null, e);
    }
  }

  private static Companion companion(Optional<String> companionFile) {
    try {
      return companionFile.map(f -> Companion.parse(readFile(f))).orElse(Companion.empty());
    } catch (PgreachException e) {
      throw dataError("cannot use " + companionFile.orElseThrow(), companionFile.orElseThrow(), e);
    }
  }

  /**
   * Reads an estate from a file of ARM JSON and, optionally, a companion document.
   *
   * @param estateFile the ARM JSON file
   * @param companionFile the companion document's file
   * @return the import
   * @throws CommandFailure for a file that cannot be read, or input the import rejects
   */
  static Loaded read(String estateFile, Optional<String> companionFile) {
    return read(List.of(estateFile), companionFile);
  }

  /**
   * Reads an estate from files of ARM JSON, in order, and, optionally, a companion document.
   *
   * @param estateFiles the ARM JSON files; at least one
   * @param companionFile the companion document's file
   * @return the import
   * @throws CommandFailure for a file that cannot be read, or input the import rejects
   */
  static Loaded read(List<String> estateFiles, Optional<String> companionFile) {
    return read(estateFiles, companionFile, false);
  }

  /** Reads as {@link #read(List, Optional)} does, leaving out resources Azure would refuse when asked. */
  static Loaded read(List<String> estateFiles, Optional<String> companionFile, boolean leaveOutRefused) {
    List<ArmDocument> documents = new ArrayList<>();
    for (String f : estateFiles) {
      documents.add(ArmDocument.of(f, readFile(f)));
    }
    String label = String.join(", ", estateFiles) + companionFile.map(c -> " with " + c).orElse("");
    Companion companion;
    try {
      companion = companionFile.map(f -> Companion.parse(readFile(f))).orElse(Companion.empty());
    } catch (PgreachException e) {
      throw dataError("cannot use " + companionFile.orElseThrow(), companionFile.orElseThrow(), e);
    }
    try {
      return new Loaded(
          leaveOutRefused ? ArmImport.readLeavingOutRefused(documents, companion, Deployment.none()) : ArmImport.readDocuments(documents, companion),
          documents);
    } catch (PgreachException e) {
      throw dataError("cannot use " + label, estateFiles.size() == 1 ? estateFiles.get(0) : null, e);
    }
  }

  /**
   * The failure for input the library rejects: its code, and where - the file and the first JSON
   * path the message names (with several documents the path already starts with the file).
   */
  static CommandFailure dataError(String what, String file, PgreachException e) {
    Matcher m = JSON_PATH.matcher(e.getMessage());
    String path = null;
    if (m.find()) {
      path = m.group(1);
      int start = m.start(1);
      String before = e.getMessage().substring(0, start).strip();
      int space = before.lastIndexOf(' ');
      String word = space < 0 ? before : before.substring(space + 1);
      if (file != null) {
        path = file + " " + path;
      } else if (!word.isEmpty() && !word.endsWith(":")) {
        path = word + " " + path;
      }
    } else if (file != null) {
      path = file;
    }
    return new CommandFailure(ExitStatus.DATA_ERROR, e.code().name(), path, what + ": " + e.code() + ": " + e.getMessage());
  }

  private static final Pattern JSON_PATH = Pattern.compile("(?:^|[\\s(])(\\$[^\\s:;,)]*)");

  /** The bundled sample estate, read from its ARM JSON and companion document. */
  static Loaded sample() {
    String arm = resource(SAMPLE_RESOURCES);
    return new Loaded(ArmImport.read(arm, Companion.parse(resource(SAMPLE_COMPANION))), List.of(ArmDocument.of("sample/resources.json", arm)));
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
    return readFile(name, MAX_FILE_SIZE);
  }

  /**
   * Reads a file as UTF-8 text through a bounded stream: the size the file system reports is not
   * trusted (a device such as {@code /dev/zero} or a named pipe reports 0), so reading stops one
   * byte past the limit.
   *
   * @param name the file's name, as given
   * @param limit the most bytes read
   * @return the text
   * @throws CommandFailure {@link ExitStatus#NO_INPUT} for a file that is missing, a directory,
   *     unreadable or larger than the limit; {@link ExitStatus#DATA_ERROR} for bytes that are not
   *     UTF-8
   */
  static String readFile(String name, long limit) {
    Path path;
    try {
      path = Path.of(name);
    } catch (InvalidPathException e) {
      throw new CommandFailure(ExitStatus.NO_INPUT, "cannot read " + name + ": " + e.getMessage());
    }
    if (Files.isDirectory(path)) {
      throw new CommandFailure(ExitStatus.NO_INPUT, "cannot read " + name + ": it is a directory");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(path)) {
      bytes = readAtMost(in, limit).orElseThrow(
          () -> new CommandFailure(ExitStatus.NO_INPUT, "cannot read " + name + ": it is larger than the " + limit + " bytes pgreach reads"));
    } catch (NoSuchFileException e) {
      throw new CommandFailure(ExitStatus.NO_INPUT, "cannot read " + name + ": no such file");
    } catch (IOException e) {
      throw new CommandFailure(ExitStatus.NO_INPUT, "cannot read " + name + ": " + e.getMessage());
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new CommandFailure(ExitStatus.DATA_ERROR, "cannot use " + name + ": it is not UTF-8 text (" + firstBadByte(bytes) + "); save it as UTF-8");
    }
  }

  /**
   * Reads a stream to its end in chunks, or stops as soon as it holds more than the limit (then
   * the bytes read are dropped and the answer is empty).
   */
  private static Optional<byte[]> readAtMost(InputStream in, long limit) throws IOException {
    java.util.List<byte[]> chunks = new java.util.ArrayList<>();
    long total = 0;
    while (true) {
      byte[] chunk = new byte[CHUNK];
      int filled = 0;
      int n;
      while (filled < CHUNK && (n = in.read(chunk, filled, CHUNK - filled)) >= 0) {
        filled += n;
      }
      total += filled;
      if (total > limit) {
        return Optional.empty();
      }
      chunks.add(filled == CHUNK ? chunk : java.util.Arrays.copyOf(chunk, filled));
      if (filled < CHUNK) {
        break;
      }
    }
    byte[] all = new byte[(int) total];
    int at = 0;
    for (byte[] c : chunks) {
      System.arraycopy(c, 0, all, at, c.length);
      at += c.length;
    }
    return Optional.of(all);
  }

  /** Where the first byte that is not UTF-8 is, for the message. */
  private static String firstBadByte(byte[] bytes) {
    java.nio.charset.CharsetDecoder decoder =
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(4096);
    while (true) {
      java.nio.charset.CoderResult r = decoder.decode(in, out, true);
      if (r.isError()) {
        return String.format(java.util.Locale.ROOT, "byte 0x%02X at offset %d", bytes[in.position()] & 0xFF, in.position());
      }
      if (r.isUnderflow()) {
        return "an invalid byte sequence";
      }
      out.clear();
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
      throw CommandFailure.option("--profile", "--profile (" + name + ") must be current or preview2021");
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
        throw CommandFailure.option("--at", "--at (" + at.get() + ") must be an instant such as 2026-11-24T12:00:00Z");
      }
    }
    return imported.instant().orElseGet(Instant::now);
  }

  /**
   * Returns the output format named by {@code --format}, which must be one the command writes.
   *
   * @param o the options
   * @param allowed the formats the command writes; the first is the default
   * @return the format
   */
  static Format format(Options o, Format... allowed) {
    String f = o.get("--format").orElse(allowed[0].word());
    for (Format a : allowed) {
      if (a.word().equals(f)) {
        return a;
      }
    }
    List<String> words = new ArrayList<>();
    for (Format a : allowed) {
      words.add(a.word());
    }
    throw CommandFailure.option("--format", o.command() + ": --format (" + f + ") must be " + String.join(", ", words));
  }

  /**
   * The format of errors, read before anything else can fail: JSON when {@code --format json} (or
   * {@code --format=json}) is among the arguments, text otherwise (SARIF and JUnit readers get the
   * line on standard error and the status).
   *
   * @param args the arguments
   * @return whether errors are written as JSON
   */
  static boolean errorsAsJson(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals("--format=json") || (args.get(i).equals("--format") && i + 1 < args.size() && args.get(i + 1).equals("json"))) {
        return true;
      }
    }
    return false;
  }
}
