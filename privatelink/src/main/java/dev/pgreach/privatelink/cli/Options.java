package dev.pgreach.privatelink.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The options of one command, parsed strictly: every option must be one the command declares,
 * given at most once; an option that takes a value takes the next argument or the text after
 * {@code =}; there are no positional arguments.
 */
final class Options {
  private final String command;
  private final Map<String, String> values = new LinkedHashMap<>();

  private Options(String command) {
    this.command = command;
  }

  /**
   * Parses a command's arguments.
   *
   * @param command the command's name, for messages
   * @param args the arguments after the command
   * @param withValue the options that take a value
   * @param flags the options that take none
   * @return the options
   * @throws CommandFailure for anything else
   */
  static Options parse(String command, List<String> args, Set<String> withValue, Set<String> flags) {
    Options o = new Options(command);
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("-h")) {
        a = "--help";
      }
      if (!a.startsWith("--") || a.length() == 2) {
        throw CommandFailure.usage(command + ": unexpected argument \"" + a + "\"; options start with --");
      }
      String name = a;
      String value = null;
      int eq = a.indexOf('=');
      if (eq > 0) {
        name = a.substring(0, eq);
        value = a.substring(eq + 1);
      }
      if (withValue.contains(name)) {
        if (value == null) {
          if (i + 1 >= args.size()) {
            throw CommandFailure.usage(command + ": " + name + " needs a value");
          }
          value = args.get(++i);
        }
      } else if (flags.contains(name)) {
        if (value != null) {
          throw CommandFailure.usage(command + ": " + name + " takes no value");
        }
        value = "";
      } else {
        throw CommandFailure.usage(command + ": unknown option " + name);
      }
      if (o.values.put(name, value) != null) {
        throw CommandFailure.usage(command + ": " + name + " is given twice");
      }
    }
    return o;
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  String require(String name) {
    return get(name).orElseThrow(() -> CommandFailure.usage(command + ": " + name + " is required"));
  }
}
