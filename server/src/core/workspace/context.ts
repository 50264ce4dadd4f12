import type { GenesisConfig } from "../config";
import type { Report } from "../rules/context";
import { lineAt } from "../text";
import { locationInFacts, type DocumentFacts } from "./facts";
import type { WorkspaceIndex } from "./workspace-index";

/** What a workspace rule sees: the document being checked, the whole index, the configuration. */
export interface WorkspaceRuleContext {
  readonly facts: DocumentFacts;
  readonly index: WorkspaceIndex;
  readonly config: GenesisConfig;
  /** Findings are always about `facts`' own document, where the user must act. */
  report(report: Report): void;
}

/** A `ws` rule of docs/rules.md: it reads other documents through the index. */
export interface WorkspaceCheck {
  readonly name: string;
  readonly reports: readonly string[];
  check(context: WorkspaceRuleContext): void;
}

/** `path:line` of a node in another document, for messages that send the user there. */
export function whereIs(facts: DocumentFacts, pointer: string): string {
  const location = locationInFacts(facts, pointer);
  if (!location) return facts.path;
  const span = location.key ?? location.value;
  return `${facts.path}:${lineAt(facts.text, span.start) + 1}`;
}
