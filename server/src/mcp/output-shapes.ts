import { z } from "zod";

/**
 * The structured output of each tool (its `outputSchema`), as zod shapes the SDK turns into JSON
 * Schema. Positions are 0-based lines and UTF-16 characters, as in LSP; paths are relative to the
 * workspace root, with `/` separators.
 */

const position = z.object({ line: z.number().int(), character: z.number().int() });
const range = z.object({ start: position, end: position });

export const diagnosticShape = z.object({
  rule: z.string().describe("The rule id, e.g. schema/required"),
  severity: z.enum(["error", "warning", "info"]),
  message: z.string(),
  range,
  pointer: z.string().describe("JSON Pointer of the value the finding is about"),
  docs: z.string().describe("The rule's page"),
});

const problemShape = z.object({ path: z.string(), message: z.string() });

export const checkOutput = {
  documents: z.array(
    z.object({
      path: z.string(),
      kind: z.string(),
      diagnostics: z.array(diagnosticShape),
      waived: z.number().int().describe("Findings waived with genesis-ignore, not listed"),
    }),
  ),
  summary: z.object({ errors: z.number().int(), warnings: z.number().int(), infos: z.number().int() }),
  problems: z.array(problemShape).describe("Files that could not be read or checked"),
};

export const readinessOutput = {
  score: z.object({ passed: z.number().int(), applicable: z.number().int() }),
  items: z.array(
    z.object({
      id: z.string(),
      group: z.string(),
      title: z.string(),
      status: z.enum(["pass", "warn", "fail", "n/a"]),
      reason: z.string(),
      evidence: z.array(
        z.object({
          path: z.string(),
          range: range.optional(),
          rule: z.string().optional(),
          message: z.string(),
          status: z.enum(["pass", "warn", "fail"]),
        }),
      ),
    }),
  ),
  problems: z.array(problemShape),
};

export const fixOutput = {
  path: z.string(),
  edits: z.array(z.object({ range, newText: z.string() })).describe("Edits of the text as it was, in order, not overlapping"),
  text: z.string().describe("The whole text with the edits applied"),
  fixed: z.array(z.string()).describe("The rule ids of the findings the edits fix"),
  written: z.boolean().describe("True when the file was written (write: true and some edit)"),
};

export const ruleShape = z.object({
  id: z.string(),
  summary: z.string(),
  severity: z.enum(["error", "warning", "info"]),
  releaseSeverity: z.enum(["error", "warning", "info"]).describe("Its severity under the release profile"),
  runs: z.enum(["type", "ws", "io"]).describe("type: from the text alone; ws: needs the workspace; io: reads the files named"),
  item: z.string().describe("The readiness item it belongs to"),
  docs: z.string(),
});

export const listRulesOutput = { rules: z.array(ruleShape) };

export const explainRuleOutput = { rule: ruleShape, page: z.string().describe("The rule's page, Markdown") };

export type ToolDiagnostic = z.infer<typeof diagnosticShape>;
export type CheckResult = z.infer<z.ZodObject<typeof checkOutput>>;
export type ReadinessResult = z.infer<z.ZodObject<typeof readinessOutput>>;
export type FixResult = z.infer<z.ZodObject<typeof fixOutput>>;
export type RuleResult = z.infer<typeof ruleShape>;
