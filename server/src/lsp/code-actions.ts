import {
  CodeActionKind,
  type ClientCapabilities,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type Range,
  type TextDocuments,
  type WorkspaceEdit,
} from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { isoDateOf, LineIndex, type CurrentDocument, type Diagnostic, type Fix, type FixEdit, type WorkspaceAnalysis } from "../core/index";
import type { ConfigStore } from "./config-store";
import { importActions, type ImportFromFile } from "./import-action";
import type { SettingsStore } from "./settings";
import type { WorkspaceService } from "./workspace-service";

/** The code action kind of "fix everything determinate in this document" (`editor.codeActionsOnSave`). */
export const FIX_ALL_KIND = "source.fixAll.genesis";

/** What the server announces as `codeActionProvider.codeActionKinds`. */
export const CODE_ACTION_KINDS: string[] = [CodeActionKind.QuickFix, FIX_ALL_KIND];

export interface CodeActionServices {
  readonly workspace: WorkspaceService;
  readonly configs: ConfigStore;
  readonly settings: SettingsStore;
  readonly documents: TextDocuments<TextDocument>;
  /** The client's capabilities, known once `initialize` has been answered. */
  readonly clientCapabilities: () => ClientCapabilities;
  /** Where the platform can import (import-action.ts). */
  readonly importFromFile?: ImportFromFile;
}

/** A document's text now, parsed, with its diagnostics for that text, and where it is. */
interface Current extends CurrentDocument {
  readonly analysis: WorkspaceAnalysis;
  readonly positions: Pick<TextDocument, "positionAt">;
  readonly version: number | null;
}

/**
 * Quick fixes for the Genesis diagnostics of a request, and `source.fixAll.genesis` when the
 * request's `only` asks for it. Fixes are computed from the server's parse of the document's
 * current text: a diagnostic of the request is matched to a current one by rule and range (or, when
 * the text moved, by rule and data), so a stale range never turns into a wrong edit.
 */
export function registerCodeActions(connection: Connection, services: CodeActionServices): void {
  connection.onCodeAction(async (params): Promise<CodeAction[]> => {
    try {
      const uri = params.textDocument.uri;
      // Asked on every move of the cursor: nothing is parsed or checked unless there is work.
      const quickFixesWanted = wants(params, CodeActionKind.QuickFix) && params.context.diagnostics.some((d) => d.source === "genesis");
      const fixAllWanted = params.context.only !== undefined && wants(params, FIX_ALL_KIND);
      // "Create Genesis ... from this file" on a file of the field's formats, which is no Genesis document.
      const imports = importActions(params, services);
      if ((!quickFixesWanted && !fixAllWanted && imports.length === 0) || !(await services.settings.get(uri)).enable) return [];
      if (!quickFixesWanted && !fixAllWanted) return imports;
      const current = await currentOf(services, uri);
      if (!current) return imports;
      const snippets = supportsSnippetEdits(services.clientCapabilities());
      return [
        ...(quickFixesWanted ? quickFixes(services, params, current, snippets) : []),
        ...(fixAllWanted ? fixAllAction(services, uri, current) : []),
        ...imports,
      ];
    } catch (error) {
      connection.console.error(
        `Code actions for ${params.textDocument.uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      return [];
    }
  });
}

/** Whether the request's `only` admits a kind (`source.fixAll` admits `source.fixAll.genesis`). */
function wants(params: CodeActionParams, kind: string): boolean {
  const only = params.context.only;
  return !only || only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`));
}

/**
 * Snippet text edits are LSP 3.18 (`workspace.workspaceEdit.snippetEditSupport`); clients of 3.17,
 * VS Code's among them, get plain placeholders.
 */
export function supportsSnippetEdits(capabilities: ClientCapabilities): boolean {
  const workspaceEdit = capabilities.workspace?.workspaceEdit as { snippetEditSupport?: boolean } | undefined;
  return workspaceEdit?.snippetEditSupport === true;
}

async function currentOf(services: CodeActionServices, uri: string): Promise<Current | undefined> {
  const open = services.documents.get(uri);
  const place = services.workspace.placeOf(uri, open?.languageId);
  const { host } = place.state;
  const { config } = await services.configs.get(place.state.root);
  if (host.configuration !== config) host.configure(config);
  const analysis = host.analysis();
  // The editor may be ahead of the last check (it runs a moment after a keystroke): the host then checks this text now.
  const current = analysis.current(place.path, open?.getText());
  if (!current) return undefined;
  return { ...current, analysis, positions: open ?? new LineIndex(current.document.text), version: open?.version ?? null };
}

function quickFixes(services: CodeActionServices, params: CodeActionParams, current: Current, snippets: boolean): CodeAction[] {
  const uri = params.textDocument.uri;
  const used = new Set<Diagnostic>();
  const actions: CodeAction[] = [];
  // Today's date, so that a waiver the suppress fix writes expires and comes back for review.
  const today = isoDateOf(new Date());
  for (const requested of params.context.diagnostics) {
    const diagnostic = matching(current, requested);
    if (!diagnostic || used.has(diagnostic)) continue;
    used.add(diagnostic);
    const fixes = current.analysis.fixes(current, diagnostic, snippets, today);
    actions.push(...fixes.map((fix) => quickFix(fix, requested, uri, current, services.clientCapabilities(), snippets)));
  }
  return actions;
}

/** The current diagnostic a request's diagnostic stands for: same rule and range, else same rule and data. */
function matching(current: Current, requested: LspDiagnostic): Diagnostic | undefined {
  if (requested.source !== "genesis" || typeof requested.code !== "string") return undefined;
  const ofRule = current.diagnostics.filter((d) => d.rule === requested.code);
  const data = JSON.stringify(requested.data ?? null);
  return (
    ofRule.find((d) => sameRange(rangeOf(current, d.span), requested.range)) ??
    ofRule.find((d) => JSON.stringify({ pointer: d.pointer, ...(d.data ?? {}) }) === data)
  );
}

function quickFix(
  fix: Fix,
  requested: LspDiagnostic,
  uri: string,
  current: Current,
  capabilities: ClientCapabilities,
  snippets: boolean,
): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [requested],
    ...(fix.isPreferred ? { isPreferred: true } : {}),
    edit: workspaceEdit(uri, current, fix.edits, capabilities, snippets && fix.snippet === true),
  };
}

function fixAllAction(services: CodeActionServices, uri: string, current: Current): CodeAction[] {
  const edits = current.analysis.fixAll(current);
  if (edits.length === 0) return [];
  return [
    {
      title: "Fix all determinate Genesis problems",
      kind: FIX_ALL_KIND,
      edit: workspaceEdit(uri, current, edits, services.clientCapabilities(), false),
    },
  ];
}

/** Versioned document changes when the client takes them (so an edit never lands on a newer text), else plain changes. */
function workspaceEdit(
  uri: string,
  current: Current,
  edits: readonly FixEdit[],
  capabilities: ClientCapabilities,
  snippet: boolean,
): WorkspaceEdit {
  const ranged = edits.map((edit) => ({
    range: { start: current.positions.positionAt(edit.start), end: current.positions.positionAt(edit.end) },
    newText: edit.newText,
  }));
  const textDocument = { uri, version: current.version };
  if (snippet) {
    // LSP 3.18 SnippetTextEdit, which the 3.17 types do not have yet.
    const snippetEdits = ranged.map(({ range, newText }) => ({ range, snippet: { kind: "snippet", value: newText } }));
    return { documentChanges: [{ textDocument, edits: snippetEdits as never }] };
  }
  if (capabilities.workspace?.workspaceEdit?.documentChanges) return { documentChanges: [{ textDocument, edits: ranged }] };
  return { changes: { [uri]: ranged } };
}

function rangeOf(current: Current, span: { start: number; end: number }): Range {
  return { start: current.positions.positionAt(span.start), end: current.positions.positionAt(span.end) };
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}
