import * as assert from "node:assert/strict";
import { DEFAULT_CONFIG, type GenesisConfig } from "../../server/src/core/config";
import { Engine } from "../../server/src/core/engine";
import { LineIndex } from "../../server/src/core/text";
import type { Diagnostic } from "../../server/src/core/types";

/** One engine for all unit tests: the schemas are compiled once. */
export const engine = new Engine();

export interface Seen {
  readonly line: number;
  readonly rule: string;
  readonly severity: string;
  readonly message: string;
  readonly covered: string;
}

export function configWith(overrides: Partial<GenesisConfig>): GenesisConfig {
  return { ...DEFAULT_CONFIG, ...overrides };
}

/** Diagnostics of a file with 0-based lines and the text each one underlines. */
export function diagnose(path: string, text: string, config: GenesisConfig = DEFAULT_CONFIG): Seen[] {
  const lines = new LineIndex(text);
  return engine.analyze({ path, text }, config).diagnostics.map((d: Diagnostic) => ({
    line: lines.positionAt(d.span.start).line,
    rule: d.rule,
    severity: d.severity,
    message: d.message,
    covered: text.slice(d.span.start, d.span.end),
  }));
}

/**
 * Checks a case written with markers: every line ending in `# want: rule/a, rule/b` (YAML) or
 * `<!-- want: rule/a -->` (Markdown) must get exactly those diagnostics, and no other line any.
 * With `rules`, only diagnostics of those rules are compared (for cases built on a partial document).
 */
export function expectWants(path: string, text: string, options: { rules?: readonly string[]; config?: GenesisConfig } = {}): Seen[] {
  const wanted: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const marker = /(?:#|<!--)\s*want:\s*([a-z/,\s-]+?)\s*(?:-->)?\s*$/.exec(line);
    if (marker) for (const rule of marker[1].split(/[\s,]+/).filter(Boolean)) wanted.push(`${index}:${rule}`);
  });
  const seen = diagnose(path, text, options.config).filter((d) => !options.rules || options.rules.includes(d.rule));
  const got = seen.map((d) => `${d.line}:${d.rule}`);
  assert.deepEqual(
    [...got].sort(),
    [...wanted].sort(),
    `diagnostics differ from the want markers:\n${seen.map((d) => `  line ${d.line} ${d.rule}: ${d.message}`).join("\n")}`,
  );
  return seen;
}
