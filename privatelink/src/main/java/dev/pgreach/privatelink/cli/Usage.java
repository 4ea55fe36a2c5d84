package dev.pgreach.privatelink.cli;

/** The help texts of the command line. */
final class Usage {
  private Usage() {}

  static final String EXIT_STATUS =
      "Exit status: 0 connected / resolved / valid, 1 blocked / not resolved / findings,\n"
          + "2 indeterminate, 64 usage error, 65 unusable input, 66 unreadable file, 70 internal error.\n";

  static final String ESTATE_OPTIONS =
      "  --estate FILE      ARM JSON: a resource array (az resource list, az graph query),\n"
          + "                     {\"value\": [...]}, {\"data\": [...]}, or an ARM template;\n"
          + "                     repeat it to read several documents as one estate\n"
          + "  --parameters FILE  a template's deployment parameters file (repeatable, in order)\n"
          + "  --parameter N=V    a template parameter's value (repeatable; wins over files)\n"
          + "  --deployment-name NAME  the template deployment's name (default: the file's name)\n"
          + "  --plan FILE        a Terraform plan (terraform show -json): the estate it plans\n"
          + "  --state FILE       a Terraform state (terraform show -json)\n"
          + "  --companion FILE   the companion document: clients, DNS servers, addresses, instant\n"
          + "  --sample           read the bundled sample estate instead of --estate\n";

  static final String FROM_OPTION =
      "  --from PLACE       a client named in the companion document, or a place:\n"
          + "                       /subscriptions/.../networkInterfaces/NIC or nic:NAME\n"
          + "                       VNET/SUBNET:ADDRESS or SUBNET-ID@ADDRESS\n"
          + "                       onprem:NETWORK:ADDRESS\n"
          + "                       internet:ADDRESS\n"
          + "                       azure:ADDRESS[:TENANT]   (an Azure service of any tenant)\n";

  static final String PROFILE_OPTION = "  --profile NAME     current (default) or preview2021\n";

  static final String HELP_OPTION = "  -h, --help         print this help\n";

  static final String COMMON_OPTIONS =
      PROFILE_OPTION
          + "  --format FORMAT    text (default), json or junit\n"
          + HELP_OPTION;

  static final String GATE_OPTIONS =
      "  --format FORMAT    text (default), json, sarif (SARIF 2.1.0) or junit (JUnit XML)\n"
          + "  --suppress CODE[:RESOURCE]  report findings of CODE (on RESOURCE, an ARM id, and\n"
          + "                     what is under it) as suppressed: listed, never failing; repeatable.\n"
          + "                     A resource tag \"pgreach-suppress\": \"CODE,CODE\" (or \"*\") does the same.\n";

  static final String USAGE =
      "Usage: pgreach <command> [options]\n"
          + "\n"
          + "Answers questions about an Azure Database for PostgreSQL flexible server estate read\n"
          + "from Azure Resource Manager JSON (resources or templates) or Terraform JSON, and a\n"
          + "companion document.\n"
          + "\n"
          + "Commands:\n"
          + "  check      Can a client open a PostgreSQL session to a host name or address?\n"
          + "  resolve    What does a host name resolve to, seen from a client?\n"
          + "  validate   Which settings would Azure reject, or accept and not honour?\n"
          + "  expose     Who can reach a server at all (source addresses per place)?\n"
          + "  compare    What does a change break (forbidden changes, lost and gained access)?\n"
          + "  matrix     Who can reach every server (the exposure of all servers, JSON or CSV)?\n"
          + "  verify     Does the estate satisfy a file of reachability intents?\n"
          + "  ask        Answer many check, resolve and expose questions in one run, a JSON line each.\n"
          + "  sample     Answer the sample questions about the bundled sample estate.\n"
          + "\n"
          + "Run 'pgreach <command> --help' for a command's options, 'pgreach --version' for the version.\n"
          + "\n"
          + EXIT_STATUS;

  static final String CHECK_USAGE =
      "Usage: pgreach check (--estate FILE [--companion FILE] | --sample) --from PLACE --to TARGET\n"
          + "                     [--port PORT] [--tls VERSIONS] [--at INSTANT] [--profile NAME]\n"
          + "                     [--established-since INSTANT] [--format FORMAT]\n"
          + "\n"
          + "Can the client open a PostgreSQL session to the target? Prints the verdict (CONNECTED,\n"
          + "BLOCKED or INDETERMINATE) first, then the numbered steps that led to it.\n"
          + "\n"
          + "Options:\n"
          + ESTATE_OPTIONS
          + FROM_OPTION
          + "  --to TARGET        a host name (orders-db.postgres.database.azure.com) or an IPv4 address\n"
          + "  --port PORT        1 to 65535; 5432 (default), 6432 for PgBouncer\n"
          + "  --tls VERSIONS     the TLS versions the client offers, such as 1.2,1.3, or none\n"
          + "                     (default: the named client's, else 1.2,1.3)\n"
          + "  --at INSTANT       when the question is asked, such as 2026-11-24T12:00:00Z\n"
          + "                     (default: the companion document's \"at\", else now)\n"
          + "  --established-since INSTANT  ask about a session established then: network\n"
          + "                     security groups keep established flows, so rules changed since\n"
          + "                     make the answer indeterminate\n"
          + COMMON_OPTIONS
          + "\n"
          + "Exit status: 0 connected, 1 blocked, 2 indeterminate, 64 usage error, 65 unusable input,\n"
          + "66 unreadable file, 70 internal error.\n";

  static final String RESOLVE_USAGE =
      "Usage: pgreach resolve (--estate FILE [--companion FILE] | --sample) --from PLACE --name HOST\n"
          + "                       [--profile NAME] [--format FORMAT]\n"
          + "\n"
          + "What does the host name resolve to, seen from the client? Prints the result (RESOLVED,\n"
          + "NXDOMAIN, FAILED or UNKNOWN) first, then the alias chain and the numbered steps.\n"
          + "\n"
          + "Options:\n"
          + ESTATE_OPTIONS
          + FROM_OPTION
          + "  --name HOST        the host name, such as orders-db.postgres.database.azure.com\n"
          + COMMON_OPTIONS
          + "\n"
          + "Exit status: 0 resolved (to addresses or a server's public endpoint), 1 NXDOMAIN or\n"
          + "failure, 2 unknown (public DNS outside the model), 64 usage error, 65 unusable input,\n"
          + "66 unreadable file, 70 internal error.\n";

  static final String VALIDATE_USAGE =
      "Usage: pgreach validate (--estate FILE [--companion FILE] | --sample) [--profile NAME]\n"
          + "                        [--format FORMAT] [--fail-on LEVEL] [--baseline FILE]\n"
          + "                        [--suppress CODE[:RESOURCE]]...\n"
          + "                        [--max-firewall-rules N] [--max-firewall-public-addresses N]\n"
          + "\n"
          + "Which settings would Azure reject, or accept and then not honour? Prints VALID or\n"
          + "FINDINGS first, then every finding (severity, code, resource, field, value, message),\n"
          + "then what was read and skipped.\n"
          + "\n"
          + "Options:\n"
          + ESTATE_OPTIONS
          + PROFILE_OPTION
          + GATE_OPTIONS
          + "  --fail-on LEVEL    the least severity that fails: error (default), warning, advice,\n"
          + "                     or never\n"
          + "  --baseline FILE    an earlier 'validate --format json': findings it lists (same code,\n"
          + "                     resource and field) are reported as known and never fail\n"
          + "  --max-firewall-rules N  advice (FIREWALL_RULES_ABOVE_THRESHOLD) for each server\n"
          + "                     with more than N firewall rules; off by default\n"
          + "  --max-firewall-public-addresses N  advice (FIREWALL_PUBLIC_ADDRESSES_ABOVE_THRESHOLD)\n"
          + "                     for each server whose rules admit more than N public addresses\n"
          + "                     together (0 to 4294967296; the Azure services rule not counted)\n"
          + HELP_OPTION
          + "\n"
          + "Exit status: 0 when no finding fails (--fail-on; suppressed and baseline findings never\n"
          + "do), 1 otherwise, 64 usage error, 65 unusable input, 66 unreadable file, 70 internal error.\n";

  static final String EXPOSE_USAGE =
      "Usage: pgreach expose (--estate FILE [--companion FILE] | --sample) --server SERVER\n"
          + "                      [--port PORT] [--at INSTANT] [--profile NAME] [--format FORMAT]\n"
          + "\n"
          + "Who can reach the server at all? Prints, for each subnet and on-premises network, the\n"
          + "source addresses that connect to each of the server's private front doors, then the\n"
          + "public source addresses its public endpoint admits (address sets, not samples).\n"
          + "\n"
          + "Options:\n"
          + ESTATE_OPTIONS
          + "  --server SERVER    the server's name (orders-db), host name\n"
          + "                     (orders-db.postgres.database.azure.com) or resource id\n"
          + "  --port PORT        1 to 65535; 5432 (default), 6432 for PgBouncer\n"
          + "  --at INSTANT       when the question is asked (default: the companion's \"at\", else now)\n"
          + COMMON_OPTIONS
          + "\n"
          + "Exit status: 0 someone can reach the server, 1 nobody can, 2 only undecided sources,\n"
          + "64 usage error, 65 unusable input, 66 unreadable file, 70 internal error.\n";

  static final String COMPARE_USAGE =
      "Usage: pgreach compare (--before FILE --after FILE | --plan FILE) [--companion FILE] [--at INSTANT]\n"
          + "                       [--profile NAME] [--format FORMAT] [--fail-on CHANGES]\n"
          + "                       [--suppress CODE[:RESOURCE]]...\n"
          + "\n"
          + "What does going from the first estate to the second break? Prints the changes Azure\n"
          + "forbids after creation, the clients whose answer changes (by host name, port 5432), and\n"
          + "the source addresses that gain or lose access to each server.\n"
          + "\n"
          + "Options:\n"
          + "  --before FILE      ARM JSON of the estate as it is\n"
          + "  --after FILE       ARM JSON of the estate as it would be\n"
          + "  --plan FILE        a Terraform plan (terraform show -json) instead of --before and\n"
          + "                     --after: its prior state against what it plans\n"
          + "  --companion FILE   the companion document, used for both\n"
          + "  --at INSTANT       when both are judged (default: the companion's \"at\", else now)\n"
          + PROFILE_OPTION
          + GATE_OPTIONS
          + "  --fail-on CHANGES  the changes that fail, comma-separated: forbidden (Azure forbids\n"
          + "                     the change), lost (access lost), gained (access gained: a rule\n"
          + "                     widened); all three by default; or never\n"
          + HELP_OPTION
          + "\n"
          + "Exit status: 0 when no change named by --fail-on happens, 1 otherwise, 64 usage error,\n"
          + "65 unusable input, 66 unreadable file, 70 internal error.\n";

  static final String ASK_USAGE =
      "Usage: pgreach ask (--estate FILE [--companion FILE] | --sample) [--questions FILE]\n"
          + "                   [--at INSTANT] [--profile NAME] [--format FORMAT]\n"
          + "\n"
          + "Answers many questions about one estate, read and compiled once: the questions are a\n"
          + "JSON array, or JSON lines, in --questions FILE or on standard input. Each question is an\n"
          + "object: {\"id\": \"q1\", \"command\": \"check\", \"from\": \"orders-api\",\n"
          + "\"to\": \"orders-db.postgres.database.azure.com\"} with, as the command takes them,\n"
          + "\"port\", \"tls\", \"at\" (check), \"name\" (resolve), \"server\", \"port\", \"at\" (expose), and\n"
          + "optionally \"expect\": the answer the question expects (CONNECTED, BLOCKED,\n"
          + "INDETERMINATE; RESOLVED, NXDOMAIN, FAILED, UNKNOWN; REACHABLE, UNREACHABLE, UNDECIDED).\n"
          + "Writes one JSON line per answer, in order, as the command writes it with --format json,\n"
          + "plus \"id\"; a question that cannot be asked is a line with \"error\".\n"
          + "\n"
          + "Options:\n"
          + ESTATE_OPTIONS
          + "  --questions FILE   the questions (default: standard input; - also means it)\n"
          + "  --at INSTANT       the default instant of check and expose questions\n"
          + PROFILE_OPTION
          + "  --format FORMAT    json (default: JSON lines) or junit (one test case a question)\n"
          + HELP_OPTION
          + "\n"
          + "Exit status: 0 every question answered as expected, 1 an answer differs from its\n"
          + "\"expect\", 64 usage error, 65 a question cannot be asked or unusable input,\n"
          + "66 unreadable file, 70 internal error.\n";

  static final String SAMPLE_USAGE =
      "Usage: pgreach sample [--profile NAME] [--format text|json]\n"
          + "\n"
          + "Reads the bundled sample estate (ARM JSON and companion document) and prints the sample\n"
          + "report: the answer to each sample question, as 'check' prints it, who can reach each\n"
          + "server, and the validation findings. With --format json: the answers, as 'check'\n"
          + "writes them, and the validation, as 'validate' writes it.\n"
          + "\n"
          + "Options:\n"
          + PROFILE_OPTION
          + "  --format FORMAT    text (default) or json\n"
          + HELP_OPTION
          + "\n"
          + "Exit status: 0 when the report is printed, 64 usage error, 70 internal error.\n";

  static final String MATRIX_USAGE =
      "Usage: pgreach matrix (--estate FILE [--companion FILE] | --plan FILE | --state FILE | --sample)\n"
          + "                      [--port PORT] [--at INSTANT] [--profile NAME] [--format FORMAT]\n"
          + "\n"
          + "Who can reach every server? For each server, the places and source addresses that reach\n"
          + "it on the port (connected and undecided), and its public endpoint's sources: the\n"
          + "exposure of every server in one pass.\n"
          + "\n"
          + "Options:\n"
          + ESTATE_OPTIONS
          + "  --port PORT        1 to 65535; 5432 (default), 6432 for PgBouncer\n"
          + "  --at INSTANT       when (default: the companion document's \"at\", else now)\n"
          + PROFILE_OPTION
          + "  --format FORMAT    json (default) or csv (one row per server, place and front door)\n"
          + HELP_OPTION
          + "\n"
          + "Exit status: 0, 64 usage error, 65 unusable input, 66 unreadable file, 70 internal error.\n";

  static final String VERIFY_USAGE =
      "Usage: pgreach verify (--estate FILE [--companion FILE] | --plan FILE | --state FILE | --sample)\n"
          + "                      --intents FILE [--at INSTANT] [--profile NAME] [--format FORMAT]\n"
          + "\n"
          + "Does the estate satisfy its reachability intents (no server reachable from the internet,\n"
          + "a server reachable only from named places, ...)? Each intent is checked over address\n"
          + "sets; each violation is shown with a counterexample connection and its steps.\n"
          + "\n"
          + "Options:\n"
          + ESTATE_OPTIONS
          + "  --intents FILE     the intents: {\"intents\": [{\"kind\": \"noServerReachableFromInternet\"}, ...]}\n"
          + "  --at INSTANT       when (default: the companion document's \"at\", else now)\n"
          + PROFILE_OPTION
          + "  --format FORMAT    text (default) or sarif\n"
          + HELP_OPTION
          + "\n"
          + "Exit status: 0 every intent satisfied, 1 one violated, 2 one undecided, 64 usage error,\n"
          + "65 unusable input, 66 unreadable file, 70 internal error.\n";
}
