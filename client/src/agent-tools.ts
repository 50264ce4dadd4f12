import type { ReadinessModel } from "../../server/src/core/client-api";

/**
 * The tools VS Code's agent mode may call (package.json `languageModelTools`): `genesis_check`,
 * the diagnostics the language server published, and `genesis_readiness`, the checklist it
 * computes. Answers are short texts for a language model, from what the server already holds:
 * nothing is recomputed here. Written against a small slice of the editor's API, passed in, so
 * that a VS Code without `vscode.lm.registerTool` (before 1.95) still activates, and so that the
 * tests need no editor.
 */

export const AGENT_TOOL_NAMES = { check: "genesis_check", readiness: "genesis_readiness" } as const;

/** One diagnostic as the tools print it; positions 0-based as in LSP. */
export interface PublishedDiagnostic {
  readonly line: number;
  readonly character: number;
  readonly severity: "error" | "warning" | "info";
  readonly rule: string;
  readonly message: string;
}

/** What the tools read from the running language server; undefined while it is not running. */
export interface AgentToolSource {
  /** The Genesis diagnostics published, by workspace-relative path (or URI outside a folder). */
  diagnostics(): ReadonlyMap<string, readonly PublishedDiagnostic[]> | undefined;
  readiness(): Promise<ReadinessModel | undefined>;
}

export interface CheckInput {
  /** A file or folder, workspace-relative; absent: every document. */
  readonly path?: string;
}

/** At most this many findings are listed; the rest are counted. */
const MAX_LISTED = 50;

const NOT_RUNNING =
  "The Genesis Readiness language server is not running: " +
  "open a Genesis document (dataset manifest, model card or pipeline config) to start it.";

export function checkAnswer(source: AgentToolSource, input: CheckInput): string {
  const published = source.diagnostics();
  if (!published) return NOT_RUNNING;
  const wanted = (input.path ?? "")
    .replace(/\\/g, "/")
    .replace(/^\.\/?/, "")
    .replace(/\/+$/, "");
  const files = [...published]
    .filter(([path, list]) => list.length > 0 && (wanted === "" || path === wanted || path.startsWith(`${wanted}/`)))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const where = wanted === "" ? "the workspace" : wanted;
  if (files.length === 0) return `No Genesis findings in ${where}.`;
  const all = files.flatMap(([path, list]) => [...list].sort(byPosition).map((d) => ({ path, ...d })));
  const count = (severity: PublishedDiagnostic["severity"]) => {
    const n = all.filter((d) => d.severity === severity).length;
    return `${n} ${severity}${n === 1 ? "" : "s"}`;
  };
  const lines = all.slice(0, MAX_LISTED).map((d) => `${d.path}:${d.line + 1}:${d.character + 1}: ${d.severity} ${d.rule}: ${d.message}`);
  if (all.length > MAX_LISTED) lines.push(`... and ${all.length - MAX_LISTED} more.`);
  return [`${count("error")}, ${count("warning")}, ${count("info")} in ${where}:`, ...lines].join("\n");
}

export async function readinessAnswer(source: AgentToolSource): Promise<string> {
  const model = await source.readiness();
  if (!model) return NOT_RUNNING;
  const open = model.groups.flatMap((group) => group.items).filter((item) => item.status === "fail" || item.status === "warn");
  const lines = open.map((item) => {
    const first = item.evidence.find((e) => e.status !== "pass");
    const at = first ? ` (${first.path}${first.range ? `:${first.range.start.line + 1}` : ""}${first.rule ? `, ${first.rule}` : ""})` : "";
    return `- ${item.status === "fail" ? "FAIL" : "WARN"} ${item.id} ${item.title}: ${item.reason}${at}`;
  });
  const score = `Readiness: ${model.score.passed} of ${model.score.applicable} applicable items pass.`;
  return open.length === 0 ? `${score} Nothing fails or warns.` : [score, ...lines].join("\n");
}

function byPosition(a: PublishedDiagnostic, b: PublishedDiagnostic): number {
  return a.line - b.line || a.character - b.character;
}

/** The slice of `vscode` the registration needs; `lm.registerTool` exists from VS Code 1.95. */
export interface LanguageModelToolsApi {
  readonly lm?: { readonly registerTool?: (name: string, tool: LanguageModelTool) => { dispose(): void } };
  readonly LanguageModelToolResult?: new (content: unknown[]) => unknown;
  readonly LanguageModelTextPart?: new (value: string) => unknown;
}

export interface LanguageModelTool {
  invoke(options: { readonly input: unknown }, token: unknown): Promise<unknown>;
}

/** Registers both tools when the editor has the API; none (and no error) otherwise. */
export function registerAgentTools(api: LanguageModelToolsApi, source: AgentToolSource): { dispose(): void }[] {
  const register = api.lm?.registerTool;
  const Result = api.LanguageModelToolResult;
  const TextPart = api.LanguageModelTextPart;
  if (!register || !Result || !TextPart) return [];
  const tool = (answer: (input: CheckInput) => string | Promise<string>): LanguageModelTool => ({
    invoke: async (options) => new Result([new TextPart(await answer(checkInputOf(options.input)))]),
  });
  return [
    register.call(
      api.lm,
      AGENT_TOOL_NAMES.check,
      tool((input) => checkAnswer(source, input)),
    ),
    register.call(
      api.lm,
      AGENT_TOOL_NAMES.readiness,
      tool(() => readinessAnswer(source)),
    ),
  ];
}

/** The model's input, as untrusted as any: only a string `path` is taken. */
function checkInputOf(input: unknown): CheckInput {
  const path = typeof input === "object" && input !== null ? (input as { path?: unknown }).path : undefined;
  return typeof path === "string" ? { path } : {};
}
