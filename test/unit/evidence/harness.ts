import * as assert from "node:assert/strict";
import { DEFAULT_CONFIG, type GenesisConfig } from "../../../server/src/core/config";
import type { FileEvidence } from "../../../server/src/core/evidence/types";
import { LineIndex } from "../../../server/src/core/text";
import { engine, type Seen } from "../harness";

/** The io pass of one document over evidence given by hand, keyed by workspace-relative path. */
export function diagnoseIo(
  path: string,
  text: string,
  evidence: Record<string, FileEvidence>,
  config: GenesisConfig = DEFAULT_CONFIG,
): Seen[] {
  const document = engine.analyze({ path, text }, config).document;
  assert.ok(document, `${path} is not a Genesis document`);
  const lines = new LineIndex(text);
  return engine.checkEvidence(document, new Map(Object.entries(evidence)), config).map((d) => ({
    line: lines.positionAt(d.span.start).line,
    rule: d.rule,
    severity: d.severity,
    message: d.message,
    covered: text.slice(d.span.start, d.span.end),
  }));
}

/**
 * Like expectWants for the io pass: every line ending in `# want: rule/id` gets exactly those
 * diagnostics, and no other line any. An `internal/rule-error` always fails.
 */
export function expectIoWants(path: string, text: string, evidence: Record<string, FileEvidence>, config?: GenesisConfig): Seen[] {
  const wanted: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const marker = /#\s*want:\s*([a-z/,\s-]+?)\s*$/.exec(line);
    if (marker) for (const rule of marker[1].split(/[\s,]+/).filter(Boolean)) wanted.push(`${index}:${rule}`);
  });
  const seen = diagnoseIo(path, text, evidence, config);
  const got = seen.map((d) => `${d.line}:${d.rule}`);
  assert.deepEqual(
    [...got].sort(),
    [...wanted].sort(),
    `io diagnostics differ from the want markers:\n${seen.map((d) => `  line ${d.line} ${d.rule}: ${d.message}`).join("\n")}`,
  );
  return seen;
}

/** A readable file, with the parts given. */
export function ok(parts: Partial<Extract<FileEvidence, { status: "ok" }>> = {}): FileEvidence {
  return { status: "ok", kind: "file", size: 100, ...parts };
}

export const MISSING: FileEvidence = { status: "missing" };

export const SHA_A = "a".repeat(64);
export const SHA_B = "b".repeat(64);
