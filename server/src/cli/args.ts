import { parseArgs } from "node:util";
import { type Profile, REPORT_FORMATS, type ReportFormat } from "../core/index";

/** The command line (docs/cli.md), parsed and validated: what to run, or why nothing can run. */

export const FORMATS = ["text", "json", "sarif"] as const;
export const PROFILES = ["dev", "release"] as const;
export const FAIL_ON = ["error", "warning", "never"] as const;

export type OutputFormat = (typeof FORMATS)[number];
export type FailOn = (typeof FAIL_ON)[number];

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
}

/** `init [kind] [id]`: a new document from the templates the editor's snippets use. */
export interface InitCommand {
  readonly kind: "init";
  readonly template?: string;
  readonly id?: string;
}

/** `mcp [--root DIR]`: the Model Context Protocol server on stdio (server/src/mcp). */
export interface McpCommand {
  readonly kind: "mcp";
  readonly root?: string;
}

export type Invocation =
  | McpCommand
  | CheckCommand
  | ReportCommand
  | InitCommand
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
  "no-io": { type: "boolean" },
  root: { type: "string" },
  jobs: { type: "string", short: "j" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

export const USAGE =
  "Usage: genesis-readiness check [paths...] [--format text|json|sarif] [--profile dev|release] [--fail-on error|warning|never] " +
  "[--output FILE] [--no-io] [--root DIR] [--jobs N]\n" +
  "       genesis-readiness report [paths...] [--format text|json|markdown|html] [--profile dev|release] [--output FILE] " +
  "[--no-io] [--root DIR] [--jobs N]\n" +
  "       genesis-readiness init dataset|pipeline|modelcard|modelcard-yaml [id]\n" +
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
  mcp                A Model Context Protocol server on stdin/stdout for AI agents: the tools
                     check, readiness, list_rules, explain_rule and fix over the current folder
                     (or --root), and the schemas, rule pages and templates as resources.

Options:
  --format FORMAT    check: text (default), json or sarif (SARIF 2.1.0, for code scanning).
                     report: text (default), json, markdown (with a Mermaid diagram) or html
                     (one self-contained page).
  --profile PROFILE  dev or release; overrides the profile of genesis.config.yaml.
  --fail-on LEVEL    check: exit 1 when a diagnostic reaches LEVEL: error (default), warning, or never.
  --output FILE, -o  Write the report to FILE instead of standard output.
  --no-io            Skip the rules that read data files.
  --root DIR         The workspace root (default: the nearest folder holding genesis.config.yaml,
                     else the first path).
  --jobs N, -j N     Analyse the files in N threads (the main one and N-1 workers); 1: no
                     worker. Default: one per core but one, with at least 2,000 files each; the
                     main thread alone for fewer. The report is the same whatever N.
  --help, -h         Show this help.
  --version, -v      Show the version.

Exit status: 0 when nothing reaches --fail-on, 1 when something does, 2 on a usage error or an
unreadable path.
`;

export function parseCommandLine(argv: readonly string[]): Invocation {
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
  if (command === "init") {
    if (paths.length > 2) return { kind: "usage-error", message: "init takes a kind and an id." };
    return { kind: "init", template: paths[0], id: paths[1] };
  }
  if (command === "mcp") {
    if (paths.length > 0) return { kind: "usage-error", message: "mcp takes no paths; --root names the workspace." };
    if (values.root === "") return { kind: "usage-error", message: "--root needs a folder." };
    return { kind: "mcp", root: values.root };
  }
  if (command !== "check" && command !== "report")
    return { kind: "usage-error", message: `Unknown command "${command}"; the commands are check, report, init and mcp.` };
  if (values.output === "") return { kind: "usage-error", message: "--output needs a file name." };
  if (values.root === "") return { kind: "usage-error", message: "--root needs a folder." };
  const jobs = jobCount(values.jobs);
  if (jobs.error) return { kind: "usage-error", message: jobs.error };
  if (command === "report") return reportCommand(paths, values, jobs.value);

  const format = choice("--format", values.format, FORMATS, "text");
  const profile = choice("--profile", values.profile, PROFILES, undefined);
  const failOn = choice("--fail-on", values["fail-on"], FAIL_ON, "error");
  for (const result of [format, profile, failOn]) if (result.error) return { kind: "usage-error", message: result.error };

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
  };
}

function reportCommand(
  paths: readonly string[],
  values: { format?: string; profile?: string; "fail-on"?: string; output?: string; "no-io"?: boolean; root?: string },
  jobs: number | undefined,
): Invocation {
  if (values["fail-on"] !== undefined) return { kind: "usage-error", message: "--fail-on applies to check, not to report." };
  const format = choice("--format", values.format, REPORT_FORMATS, "text");
  const profile = choice("--profile", values.profile, PROFILES, undefined);
  for (const result of [format, profile]) if (result.error) return { kind: "usage-error", message: result.error };
  return {
    kind: "report",
    paths: paths.length > 0 ? paths : ["."],
    format: format.value as ReportFormat,
    profile: profile.value,
    output: values.output,
    noIo: values["no-io"] ?? false,
    root: values.root,
    jobs,
  };
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
  return { value: fallback, error: `${option} must be one of ${allowed.join(", ")}, not "${given}".` };
}
