import * as assert from "node:assert/strict";
import {
  AGENT_TOOL_NAMES,
  checkAnswer,
  readinessAnswer,
  registerAgentTools,
  type AgentToolSource,
  type LanguageModelTool,
  type PublishedDiagnostic,
} from "../../../client/src/agent-tools";
import type { ReadinessModel } from "../../../server/src/core/client-api";
import manifest from "../../../package.json";

/** The agent-mode tools (client/src/agent-tools.ts) against a fake language server and a fake `vscode.lm`. */

const semver: PublishedDiagnostic = {
  line: 3,
  character: 9,
  severity: "error",
  rule: "version/semver",
  message: '"1.2" is not semver 2.0.0',
};
const unknown: PublishedDiagnostic = { line: 0, character: 0, severity: "warning", rule: "schema/unknown-property", message: "publsher" };

const model: ReadinessModel = {
  score: { passed: 1, applicable: 3 },
  groups: [
    {
      id: "data",
      title: "Data",
      passed: 1,
      applicable: 3,
      items: [
        { id: "data.schemas", title: "Schemas", status: "pass", reason: "all described", criterion: "", evidence: [] },
        {
          id: "data.versioned",
          title: "Versioned",
          status: "fail",
          reason: "1 document has no semver version",
          criterion: "",
          evidence: [
            {
              path: "data/a.dataset.yaml",
              rule: "version/semver",
              message: "bad",
              status: "fail",
              range: { start: { line: 3, character: 9 }, end: { line: 3, character: 14 } },
            },
          ],
        },
        { id: "data.lineage", title: "Lineage", status: "warn", reason: "a reference has no version", criterion: "", evidence: [] },
        { id: "data.formats", title: "Formats", status: "n/a", reason: "no data files", criterion: "", evidence: [] },
      ],
    },
  ],
};

function source(published?: Map<string, PublishedDiagnostic[]>, readiness?: ReadinessModel): AgentToolSource {
  return { diagnostics: () => published, readiness: async () => readiness };
}

describe("agent-mode tools (client/src/agent-tools.ts)", function () {
  const published = new Map([
    ["data/a.dataset.yaml", [semver, unknown]],
    ["models/m.modelcard.md", [{ ...semver, line: 1 }]],
    ["data/clean.dataset.yaml", []],
  ]);

  it("genesis_check lists the findings by path and position, with counts, narrowed to a path when given", function () {
    const all = checkAnswer(source(published), {});
    assert.equal(
      all,
      [
        "2 errors, 1 warning, 0 infos in the workspace:",
        "data/a.dataset.yaml:1:1: warning schema/unknown-property: publsher",
        'data/a.dataset.yaml:4:10: error version/semver: "1.2" is not semver 2.0.0',
        'models/m.modelcard.md:2:10: error version/semver: "1.2" is not semver 2.0.0',
      ].join("\n"),
    );
    const data = checkAnswer(source(published), { path: "./data/" });
    assert.match(data, /^1 error, 1 warning, 0 infos in data:/);
    assert.doesNotMatch(data, /modelcard/);
    assert.equal(checkAnswer(source(published), { path: "data/clean.dataset.yaml" }), "No Genesis findings in data/clean.dataset.yaml.");
    assert.equal(checkAnswer(source(published), { path: "dat" }), "No Genesis findings in dat.", "a path is matched by segments");
  });

  it("genesis_readiness gives the score and each failing or warning item with its first evidence", async function () {
    assert.equal(
      await readinessAnswer(source(undefined, model)),
      [
        "Readiness: 1 of 3 applicable items pass.",
        "- FAIL data.versioned Versioned: 1 document has no semver version (data/a.dataset.yaml:4, version/semver)",
        "- WARN data.lineage Lineage: a reference has no version",
      ].join("\n"),
    );
  });

  it("says the server is not running rather than answering nothing", async function () {
    assert.match(checkAnswer(source(), {}), /not running/);
    assert.match(await readinessAnswer(source()), /not running/);
  });

  it("registers both tools when vscode.lm.registerTool exists, and none on an older VS Code", async function () {
    const registered = new Map<string, LanguageModelTool>();
    class TextPart {
      constructor(readonly value: string) {}
    }
    class Result {
      constructor(readonly content: unknown[]) {}
    }
    const api = {
      lm: {
        registerTool(name: string, tool: LanguageModelTool) {
          assert.equal(this, api.lm, "called as a method of vscode.lm");
          registered.set(name, tool);
          return { dispose: () => registered.delete(name) };
        },
      },
      LanguageModelToolResult: Result,
      LanguageModelTextPart: TextPart,
    };
    const disposables = registerAgentTools(api, source(published, model));
    assert.deepEqual([...registered.keys()].sort(), [AGENT_TOOL_NAMES.check, AGENT_TOOL_NAMES.readiness]);
    const result = (await registered.get(AGENT_TOOL_NAMES.check)!.invoke({ input: { path: 42 } }, {})) as Result;
    assert.ok(result instanceof Result);
    assert.match((result.content[0] as TextPart).value, /in the workspace:/, "a path that is not a string is ignored");

    disposables.forEach((d) => d.dispose());
    assert.equal(registered.size, 0);
    assert.deepEqual(registerAgentTools({}, source()), []);
    assert.deepEqual(registerAgentTools({ lm: {} }, source()), []);
  });

  it("package.json contributes exactly the tools registered, each with what agent mode needs", function () {
    const tools = (manifest.contributes as { languageModelTools: Record<string, unknown>[] }).languageModelTools;
    assert.deepEqual(tools.map((tool) => tool.name).sort(), Object.values(AGENT_TOOL_NAMES).sort());
    for (const tool of tools) {
      for (const key of ["displayName", "modelDescription", "toolReferenceName", "inputSchema"])
        assert.ok(tool[key], `${String(tool.name)} has ${key}`);
      assert.equal(tool.canBeReferencedInPrompt, true);
      assert.equal((tool.inputSchema as { type: string }).type, "object");
    }
  });
});
