package dev.pgreach.privatelink.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The options of one command, parsed strictly: every option must be one the command declares; an
 * option that takes a value takes the next argument or the text after {@code =}; only options
 * declared repeatable may be given more than once; there are no positional arguments. An unknown
 * option is a usage error that suggests the declared ones closest to it.
 */
final class Options {
  /**
   * What a command accepts.
   *
   * @param withValue options that take one value, given at most once
   * @param repeatable options that take a value and may be given several times
   * @param flags options that take none
   */
  record Spec(Set<String> withValue, Set<String> repeatable, Set<String> flags) {
    Spec {
      withValue = Set.copyOf(withValue);
      repeatable = Set.copyOf(repeatable);
      flags = Set.copyOf(flags);
    }

    /** A spec with only single-valued options, and {@code --help}. */
    static Spec of(String... withValue) {
      return new Spec(Set.of(withValue), Set.of(), Set.of("--help"));
    }

    /** This spec with more single-valued options. */
    Spec with(String... more) {
      Set<String> all = new LinkedHashSet<>(withValue);
      all.addAll(List.of(more));
      return new Spec(all, repeatable, flags);
    }

    /** This spec with more repeatable options. */
    Spec repeating(String... more) {
      Set<String> all = new LinkedHashSet<>(repeatable);
      all.addAll(List.of(more));
      return new Spec(withValue, all, flags);
    }

    /** This spec with more flags. */
    Spec flags(String... more) {
      Set<String> all = new LinkedHashSet<>(flags);
      all.addAll(List.of(more));
      return new Spec(withValue, repeatable, all);
    }

    /** This spec with everything another one accepts. */
    Spec and(Spec other) {
      Set<String> w = new LinkedHashSet<>(withValue);
      w.addAll(other.withValue);
      Set<String> r = new LinkedHashSet<>(repeatable);
      r.addAll(other.repeatable);
      Set<String> f = new LinkedHashSet<>(flags);
      f.addAll(other.flags);
      return new Spec(w, r, f);
    }

    private Set<String> all() {
      Set<String> all = new LinkedHashSet<>(withValue);
      all.addAll(repeatable);
      all.addAll(flags);
      return all;
    }
  }

  private final String command;
  private final Map<String, List<String>> values = new LinkedHashMap<>();

  private Options(String command) {
    this.command = command;
  }

  /**
   * Parses a command's arguments.
   *
   * @param command the command's name, for messages
   * @param args the arguments after the command
   * @param spec what the command accepts
   * @return the options
   * @throws CommandFailure for anything else
   */
  static Options parse(String command, List<String> args, Spec spec) {
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
      boolean repeatable = spec.repeatable().contains(name);
      if (spec.withValue().contains(name) || repeatable) {
        if (value == null) {
          if (i + 1 >= args.size()) {
            throw CommandFailure.option(name, command + ": " + name + " needs a value");
          }
          value = args.get(++i);
        }
      } else if (spec.flags().contains(name)) {
        if (value != null) {
          throw CommandFailure.option(name, command + ": " + name + " takes no value");
        }
        value = "";
      } else {
        throw CommandFailure.option(name, command + ": unknown option " + name + Suggestions.didYouMean(name, spec.all()));
      }
      List<String> list = o.values.computeIfAbsent(name, k -> new ArrayList<>());
      if (!list.isEmpty() && !repeatable) {
        throw CommandFailure.option(name, command + ": " + name + " is given twice");
      }
      list.add(value);
    }
    return o;
  }

  String command() {
    return command;
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  Optional<String> get(String name) {
    List<String> v = values.get(name);
    return v == null ? Optional.empty() : Optional.of(v.get(0));
  }

  /** Every value of a repeatable option, in the order given. */
  List<String> all(String name) {
    return Collections.unmodifiableList(values.getOrDefault(name, List.of()));
  }

  String require(String name) {
    return get(name).orElseThrow(() -> CommandFailure.option(name, command + ": " + name + " is required"));
  }
}
