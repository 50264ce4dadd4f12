import { parseArgs } from "node:util";
import { nearest, type Profile, REPORT_FORMATS, type ReportFormat } from "../core/index";
import { EXPORT_HELP, EXPORT_USAGE, parseExportArguments, type ExportCommand } from "./export-args";
import { BUNDLE_USAGE, parseBundleCommand, type BundleCommand, type VerifyCommand } from "./bundle-args";

/** The command line (docs/cli.md), parsed and validated: what to run, or why nothing can run. */

export const FORMATS = ["text", "json", "sarif", "github", "gitlab", "junit"] as const;
export const PROFILES = ["dev", "release"] as const;
export const FAIL_ON = ["error", "warning", "never"] as const;
/** `report --fail-on`: the item status that makes the report fail (a failing item by default, as a CI gate would). */
export const REPORT_FAIL_ON = ["fail", "warn", "never"] as const;
export const COLOR = ["auto", "always", "never"] as const;

export type OutputFormat = (typeof FORMATS)[number];
export type FailOn = (typeof FAIL_ON)[number];
export type ReportFailOn = (typeof REPORT_FAIL_ON)[number];
/** `auto`: colour on a terminal, unless NO_COLOR is set to a non-empty value or the output goes to a file. */
export type ColorChoice = (typeof COLOR)[number];

export interface CheckCommand {
  readonly kind: "check";
  /** As typed, relative to the current folder; never empty (defaults to "."). */
  readonly paths: readonly string[];
  readonly format: OutputFormat;
  /** Overrides the profile of genesis.config.yaml when given. */
  readonly profile?: Profile;
  readonly failOn: FailOn;
  readonly output?: string;
  /** Skip the rules that read data files (the `io` rules of docs/rules.md). */
  readonly noIo: boolean;
  readonly root?: string;
  /** `--jobs N`: N threads analyse the files, the main one and N-1 workers (1: no worker); undefined: as many as pay off. */
  readonly jobs?: number;
  /** `--quiet`: only errors are written (no warning, no info, no summary line); the exit code still follows --fail-on. */
  readonly quiet: boolean;
  readonly color: ColorChoice;
  /** `--sarif-absolute-root`: SARIF names the workspace root's absolute file URI (by default it does not). */
  readonly sarifAbsoluteRoot: boolean;
}

/** `report [paths...]`: the readiness checklist (docs/checklist.md) of the documents under the paths. */
export interface ReportCommand {
  readonly kind: "report";
  readonly paths: readonly string[];
  readonly format: ReportFormat;
  readonly profile?: Profile;
  readonly output?: string;
  readonly noIo: boolean;
  readonly root?: string;
  readonly jobs?: number;
  readonly failOn: ReportFailOn;
}

/** `init [kind] [id]`: a new document from the templates the editor's snippets use. */
export interface InitCommand {
  readonly kind: "init";
  readonly template?: string;
  readonly id?: string;
}

/** `explain RULE`: the rule's page (docs/rules/<rule-id>.md) in the terminal. */
export interface ExplainCommand {
  readonly kind: "explain";
  readonly rule: string;
}

/** `import FILE [--out FILE]`: a Genesis document made from a file in a format of the field (docs/formats-import.md). */
export interface ImportCommand {
  readonly kind: "import";
  /** The source, as typed (relative to the current folder). */
  readonly file: string;
  /** Where to write the new document; beside the source, under the name the importer suggests, when undefined. */
  readonly out?: string;
  readonly root?: string;
}

/** `mcp [--root DIR]`: the Model Context Protocol server on stdio (server/src/mcp). */
export interface McpCommand {
  readonly kind: "mcp";
  readonly root?: string;
}

export type Invocation =
  | McpCommand
  | CheckCommand
  | ImportCommand
  | ReportCommand
  | InitCommand
  | ExplainCommand
  | ExportCommand
  | BundleCommand
  | VerifyCommand
  | { readonly kind: "help" }
  | { readonly kind: "version" }
  /** No command at all: the help goes to stderr and the exit code is 2. */
  | { readonly kind: "missing-command" }
  | { readonly kind: "usage-error"; readonly message: string };

const OPTIONS = {
  format: { type: "string" },
  profile: { type: "string" },
  "fail-on": { type: "string" },
  output: { type: "string", short: "o" },
  out: { type: "string" },
  "no-io": { type: "boolean" },
  root: { type: "string" },
  jobs: { type: "string", short: "j" },
  sign: { type: "string" },
  key: { type: "string" },
  quiet: { type: "boolean", short: "q" },
  color: { type: "string" },
  "sarif-absolute-root": { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

export const USAGE =
  "Usage: genesis-readiness check [paths...] [--format text|json|sarif|github|gitlab|junit] [--profile dev|release] " +
  "[--fail-on error|warning|never] [--output FILE] [--no-io] [--root DIR] [--jobs N] [--quiet] [--color auto|always|never] " +
  "[--sarif-absolute-root]\n" +
  "       genesis-readiness report [paths...] [--format text|json|markdown|html] [--profile dev|release] [--fail-on fail|warn|never] " +
  "[--output FILE] [--no-io] [--root DIR] [--jobs N]\n" +
  "       genesis-readiness report [paths...] [--format text|json|markdown|html] [--profile dev|release] [--output FILE] " +
  "[--no-io] [--root DIR] [--jobs N]\n" +
  "       genesis-readiness init dataset|pipeline|modelcard|modelcard-yaml [id]\n" +
  "       genesis-readiness explain RULE\n" +
  "       genesis-readiness import FILE [--out FILE] [--root DIR]\n" +
  EXPORT_USAGE +
  "\n" +
  BUNDLE_USAGE +
  "\n" +
  "       genesis-readiness mcp [--root DIR]";

export const HELP = `genesis-readiness: checks Genesis documents (dataset manifests, model cards, pipeline configs)
with the same engine and genesis.config.yaml as the editor.

${USAGE}

Commands:
  check [paths...]   Check every Genesis document in the paths (default: the current folder).
  report [paths...]  The readiness checklist of the documents in the paths: score, every item
                     with its status, reason and evidence, and the lineage diagram.
  init KIND [ID]     Write a new document in the current folder from the same templates as the
                     editor's snippets: dataset, pipeline, modelcard (Markdown) or modelcard-yaml.
  explain RULE       What the rule checks and why, an incorrect and a correct example, and the fix:
                     its page of docs/rules/ (e.g. explain container/unpinned).
  import FILE        Write a Genesis document made from FILE: a Croissant JSON-LD file or a
                     datapackage.json (a dataset manifest), a dvc.yaml or a CWL workflow (a
                     pipeline config), a Hugging Face README.md (a model card). Beside FILE, or
                     to --out FILE; an existing file is never overwritten.
  bundle [paths...]  Write a submission bundle (an RO-Crate) to --out DIR or --out FILE.zip: the
                     documents, every file they name (checked against its declared sha256), the
                     readiness report and the waivers; --sign KEY adds a signed statement of
                     every file's digest (PEM private key, Ed25519 or ECDSA P-256).
  verify BUNDLE      Check a bundle offline: every digest, that no file was added or removed,
                     and with --key PUBKEY the signature. Exit 1 on any failure.
  mcp                A Model Context Protocol server on stdin/stdout for AI agents: the tools
                     check, readiness, list_rules, explain_rule and fix over the current folder
                     (or --root), and the schemas, rule pages and templates as resources.

${EXPORT_HELP}
Options:
  --format FORMAT    check: text (default), json, sarif (SARIF 2.1.0, for code scanning), github
                     (workflow annotations, and a job summary when GITHUB_STEP_SUMMARY is set),
                     gitlab (Code Quality JSON) or junit (JUnit XML, one test case per document).
                     report: text (default), json, markdown (with a Mermaid diagram) or html
                     (one self-contained page).
  --profile PROFILE  dev or release; overrides the profile of genesis.config.yaml.
  --fail-on LEVEL    check: exit 1 when a diagnostic reaches LEVEL: error (default), warning, or never.
                     report: exit 1 when an item reaches LEVEL: fail (default), warn, or never.
  --output FILE, -o  Write the report to FILE instead of standard output.
  --no-io            Skip the rules that read data files.
  --root DIR         The workspace root (default: the nearest folder holding genesis.config.yaml,
                     else the first path).
  --jobs N, -j N     Analyse the files in N threads (the main one and N-1 workers); 1: no
                     worker. Default: one per core, with at least 20,000 files each; the main
                     thread alone for fewer. The report is the same whatever N.
  --quiet, -q        check: write the errors only, without warnings, infos or the summary line.
                     The exit code still follows --fail-on.
  --color WHEN       check: colour the severities: auto (default: on a terminal, unless NO_COLOR
                     is set or --output is given), always, or never.
  --sarif-absolute-root
                     check --format sarif: name the workspace root's absolute file URI in
                     originalUriBaseIds (left out by default, so a log does not carry a local path).
  --help, -h         Show this help.
  --version, -v      Show the version.

Paths in the text output are relative to the current folder (absolute when outside it), so that
a terminal opens them on a click.

Exit status: 0 when nothing reaches --fail-on, 1 when something does, 2 on a usage error or an
unreadable path. bundle and verify: 1 when a file does not hold its declared or recorded digest,
is missing or was added, or the signature does not verify; 2 when --out exists already.
`;

const COMMANDS = ["check", "report", "init", "explain", "import", "export", "bundle", "verify", "mcp"] as const;

export function parseCommandLine(argv: readonly string[]): Invocation {
  // `export` has options of its own (export-args.ts).
  if (argv[0] === "export") return parseExportArguments(argv.slice(1));
  const unknown = unknownOption(argv);
  if (unknown) return { kind: "usage-error", message: unknown };
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return { kind: "usage-error", message: error instanceof Error ? error.message : String(error) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: "help" };
  if (values.version) return { kind: "version" };
  const [command, ...paths] = positionals;
  if (command === undefined) return { kind: "missing-command" };
  const stray = strayOption(command, values);
  if (stray) return { kind: "usage-error", message: stray };
  if (command === "init") {
    if (paths.length > 2) return { kind: "usage-error", message: "init takes a kind and an id." };
    return { kind: "init", template: paths[0], id: paths[1] };
  }
  if (command === "explain") {
    if (paths.length !== 1) return { kind: "usage-error", message: "explain takes one rule id, e.g. explain container/unpinned." };
    return { kind: "explain", rule: paths[0] };
  }
  if (command === "import") return importCommandOf(paths, values);
  if (command === "bundle" || command === "verify") {
    const jobs = jobCount(values.jobs);
    const profile = choice("--profile", values.profile, PROFILES, undefined);
    const error = jobs.error ?? profile.error;
    return error
      ? { kind: "usage-error", message: error }
      : parseBundleCommand(command, paths, { ...values, profile: profile.value }, jobs.value);
  }
  if (command === "mcp") {
    if (paths.length > 0) return { kind: "usage-error", message: "mcp takes no paths; --root names the workspace." };
    if (values.root === "") return { kind: "usage-error", message: "--root needs a folder." };
    return { kind: "mcp", root: values.root };
  }
  if (values.sign !== undefined || values.key !== undefined)
    return { kind: "usage-error", message: "--sign and --key apply to bundle and verify." };
  if (values.out !== undefined)
    return { kind: "usage-error", message: "--out applies to import, export and bundle; check and report write to --output." };
  if (command !== "check" && command !== "report") {
    const guess = nearest(command, COMMANDS);
    return {
      kind: "usage-error",
      message: `Unknown command "${command}"${guess ? `; did you mean ${guess}?` : "."} The commands are ${COMMANDS.join(", ")}.`,
    };
  }
  if (values.output === "") return { kind: "usage-error", message: "--output needs a file name." };
  if (values.root === "") return { kind: "usage-error", message: "--root needs a folder." };
  const jobs = jobCount(values.jobs);
  if (jobs.error) return { kind: "usage-error", message: jobs.error };
  if (command === "report") return reportCommand(paths, values, jobs.value);

  const format = choice("--format", values.format, FORMATS, "text");
  const profile = choice("--profile", values.profile, PROFILES, undefined);
  const failOn = choice("--fail-on", values["fail-on"], FAIL_ON, "error");
  const color = choice("--color", values.color, COLOR, "auto");
  for (const result of [format, profile, failOn, color]) if (result.error) return { kind: "usage-error", message: result.error };
  if (values["sarif-absolute-root"] && format.value !== "sarif")
    return { kind: "usage-error", message: "--sarif-absolute-root applies to --format sarif." };

  return {
    kind: "check",
    paths: paths.length > 0 ? paths : ["."],
    format: format.value as OutputFormat,
    profile: profile.value,
    failOn: failOn.value as FailOn,
    output: values.output,
    noIo: values["no-io"] ?? false,
    root: values.root,
    jobs: jobs.value,
    quiet: values.quiet ?? false,
    color: color.value as ColorChoice,
    sarifAbsoluteRoot: values["sarif-absolute-root"] ?? false,
  };
}

type ParsedValues = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]["type"] extends "boolean" ? boolean : string };

function reportCommand(paths: readonly string[], values: ParsedValues, jobs: number | undefined): Invocation {
  for (const checkOnly of ["quiet", "color", "sarif-absolute-root"] as const) {
    if (values[checkOnly] !== undefined) return { kind: "usage-error", message: `--${checkOnly} applies to check, not to report.` };
  }
  const format = choice("--format", values.format, REPORT_FORMATS, "text");
  const profile = choice("--profile", values.profile, PROFILES, undefined);
  const failOn = choice("--fail-on", values["fail-on"], REPORT_FAIL_ON, "fail");
  for (const result of [format, profile, failOn]) if (result.error) return { kind: "usage-error", message: result.error };
  return {
    kind: "report",
    paths: paths.length > 0 ? paths : ["."],
    format: format.value as ReportFormat,
    profile: profile.value,
    output: values.output,
    noIo: values["no-io"] ?? false,
    root: values.root,
    jobs,
    failOn: failOn.value as ReportFailOn,
  };
}

/**
 * The options of the commands that take few: one given to them anyway is a usage error, never
 * silently ignored (an agent's `mcp --format json` would otherwise look as if it had worked).
 */
const FEW_OPTIONS: Readonly<Record<string, readonly string[]>> = { mcp: ["root"], init: [], explain: [] };

function strayOption(command: string, values: Readonly<Record<string, unknown>>): string | undefined {
  const own = FEW_OPTIONS[command];
  if (!own) return undefined;
  const given = Object.keys(values).find((name) => values[name] !== undefined && !own.includes(name));
  if (given === undefined) return undefined;
  const takes = own.length ? `it takes ${own.map((name) => `--${name}`).join(", ")}` : "it takes no options";
  return `${command} does not take --${given}; ${takes}.`;
}

function importCommandOf(paths: readonly string[], values: { out?: string; root?: string; output?: string }): Invocation {
  if (paths.length !== 1) return { kind: "usage-error", message: "import takes one file." };
  if (values.output !== undefined) return { kind: "usage-error", message: "import writes to --out FILE, not --output." };
  if (values.out === "") return { kind: "usage-error", message: "--out needs a file name." };
  if (values.root === "") return { kind: "usage-error", message: "--root needs a folder." };
  return { kind: "import", file: paths[0], out: values.out, root: values.root };
}

/**
 * The first option that is not one of OPTIONS, worded with the nearest known option when one is
 * close ("did you mean --format?"); undefined when every option is known. Arguments after `--`
 * are positionals. Node's own message for this case tells how to pass a positional, which is
 * rarely what was meant.
 */
function unknownOption(argv: readonly string[]): string | undefined {
  const long = Object.keys(OPTIONS);
  const short: string[] = Object.values(OPTIONS).flatMap((option) => ("short" in option ? [option.short] : []));
  for (const arg of argv) {
    if (arg === "--") return undefined;
    if (arg.startsWith("--")) {
      const name = arg.slice(2).split("=")[0];
      if (long.includes(name)) continue;
      const guess = nearest(name, long);
      return `Unknown option --${name}${guess ? `; did you mean --${guess}?` : "."}`;
    }
    if (/^-[^-]/.test(arg)) {
      const letters = arg.slice(1);
      const bad = [...letters].find((letter) => !short.includes(letter));
      // `-o FILE` / `-ofile` and `-j4`: the letters after a short option with a value are that value.
      const withValue = [...letters].findIndex((letter) => ["o", "j"].includes(letter));
      if (bad !== undefined && (withValue === -1 || letters.indexOf(bad) < withValue)) {
        const guess = long.find((name) => name.startsWith(bad));
        return `Unknown option -${bad}${guess ? `; did you mean --${guess}?` : "."}`;
      }
    }
  }
  return undefined;
}

/** `--jobs`: a whole number, 1 or more. */
function jobCount(given: string | undefined): { value?: number; error?: string } {
  if (given === undefined) return {};
  if (!/^\d+$/.test(given) || Number(given) < 1) return { error: `--jobs must be a number of threads, 1 or more, not "${given}".` };
  return { value: Number(given) };
}

function choice<T extends string, D extends T | undefined>(
  option: string,
  given: string | undefined,
  allowed: readonly T[],
  fallback: D,
): { value: T | D; error?: string } {
  if (given === undefined) return { value: fallback };
  if ((allowed as readonly string[]).includes(given)) return { value: given as T };
  // A close typo, else a value that begins this one or that this one begins ("warn" for "warning").
  const guess = nearest(given, allowed) ?? allowed.find((value) => given.startsWith(value) || value.startsWith(given));
  return {
    value: fallback,
    error: `${option} must be one of ${allowed.join(", ")}, not "${given}"${guess ? `; did you mean ${guess}?` : "."}`,
  };
}
