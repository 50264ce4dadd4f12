import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { checkPath, checkSummaryText, checkText } from "./check-tool";
import { DeadlineError, TOOL_DEADLINE_MS, withinDeadline } from "./deadline";
import { fixDocument } from "./fix-tool";
import { checkOutput, explainRuleOutput, fixOutput, listRulesOutput, readinessOutput } from "./output-shapes";
import { readinessOf, readinessSummaryText } from "./readiness-tool";
import { registerResources } from "./resources";
import { explainRule, listRules } from "./rules-tools";
import { ToolInputError } from "./workspace-paths";
import type { McpWorkspace } from "./workspace-session";

/**
 * The Model Context Protocol server of `genesis-readiness mcp` (docs/cli.md): the checks, the
 * checklist, the rule pages and the fixes offered to AI agents over the workspace it was started
 * in. Every tool returns structured content matching its output schema, and a text for clients
 * that read only text.
 */
export function createGenesisMcpServer(workspace: McpWorkspace, version: string): McpServer {
  const server = new McpServer(
    { name: "genesis-readiness", version },
    {
      instructions:
        "Checks Genesis documents (dataset manifests, model cards, pipeline configs) for readiness to join a national " +
        `AI-for-science platform. Paths are relative to the workspace ${workspace.root}. Call check after editing a ` +
        "document, fix for the determinate fixes, explain_rule for what a finding means.",
    },
  );

  server.registerTool(
    "check",
    {
      title: "Check Genesis documents",
      description:
        "The diagnostics (rule id, severity, message, 0-based range) of the Genesis documents under a path of the workspace, " +
        "or of `text` checked as if saved under `fileName`.",
      inputSchema: {
        path: z.string().optional().describe("A file or folder of the workspace (default: the whole workspace)"),
        text: z.string().optional().describe("A document's text to check instead of a file's; needs fileName"),
        fileName: z.string().optional().describe("The workspace path the text would have, e.g. data/ocean.dataset.yaml"),
        io: z.boolean().optional().describe("Run the rules that read the data files named (default true)"),
      },
      outputSchema: checkOutput,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ path, text, fileName, io }) =>
      answer("check", async () => {
        if (text !== undefined && fileName === undefined)
          throw new ToolInputError("text needs a fileName (the path it would be saved under).");
        if (text !== undefined && path !== undefined) throw new ToolInputError("Give a path or a text, not both.");
        const result =
          text !== undefined
            ? await checkText(workspace, fileName ?? "", text, io ?? true)
            : await checkPath(workspace, path ?? ".", io ?? true);
        return { structured: result, text: checkSummaryText(result) };
      }),
  );

  server.registerTool(
    "readiness",
    {
      title: "Readiness checklist",
      description:
        "The readiness checklist of the documents under the paths: each item's status (pass, warn, fail, n/a), reason and evidence.",
      inputSchema: { paths: z.array(z.string()).optional().describe("Files or folders of the workspace (default: the whole workspace)") },
      outputSchema: readinessOutput,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ paths }) =>
      answer("readiness", async () => {
        const result = await readinessOf(workspace, paths ?? []);
        return { structured: result, text: readinessSummaryText(result) };
      }),
  );

  server.registerTool(
    "list_rules",
    {
      title: "List the rules",
      description: "Every rule: id, summary, severity per profile, when it runs and its readiness item.",
      outputSchema: listRulesOutput,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    () =>
      answer("list_rules", async () => {
        const result = listRules();
        return { structured: result, text: result.rules.map((rule) => `${rule.id}: ${rule.summary}`).join("\n") };
      }),
  );

  server.registerTool(
    "explain_rule",
    {
      title: "Explain a rule",
      description: "A rule's page: what it checks, why it matters, and how to fix its findings.",
      inputSchema: { rule: z.string().describe("A rule id, e.g. schema/required") },
      outputSchema: explainRuleOutput,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ rule }) =>
      answer("explain_rule", async () => {
        const result = explainRule(rule);
        return { structured: result, text: result.page };
      }),
  );

  server.registerTool(
    "fix",
    {
      title: "Fix a document",
      description:
        "The determinate fixes of a document (as the editor's Fix All), as edits and the new text. Writes the file only with " +
        "write: true, and never outside the workspace.",
      inputSchema: {
        path: z.string().describe("A Genesis document of the workspace"),
        rules: z.array(z.string()).optional().describe("Only fix the findings of these rule ids"),
        write: z.boolean().optional().describe("Write the fixed text to the file (default false)"),
      },
      outputSchema: fixOutput,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    ({ path, rules, write }) =>
      answer("fix", async () => {
        const result = await fixDocument(workspace, path, { rules, write: write === true });
        const edits = `${result.edits.length} edit${result.edits.length === 1 ? "" : "s"}`;
        const summary =
          result.edits.length === 0
            ? `${result.path}: nothing to fix automatically.`
            : `${result.path}: ${edits} fixing ${result.fixed.join(", ") || "nothing"}` +
              (result.written ? "; written." : "; not written (pass write: true to write).");
        return { structured: result, text: summary };
      }),
  );

  registerResources(server);
  return server;
}

/**
 * A tool's answer: its structured content and a text, or, when the input is refused or the work
 * fails or runs late, an error result the agent can read (never a thrown protocol error).
 */
async function answer(what: string, work: () => Promise<{ structured: object; text: string }>): Promise<CallToolResult> {
  try {
    const { structured, text } = await withinDeadline(work(), TOOL_DEADLINE_MS, what);
    return { content: [{ type: "text", text }], structuredContent: structured as Record<string, unknown> };
  } catch (error) {
    const expected = error instanceof ToolInputError || error instanceof DeadlineError;
    const message = error instanceof Error ? error.message : String(error);
    return { isError: true, content: [{ type: "text", text: expected ? message : `${what} failed: ${message}` }] };
  }
}
