import { promises as fs } from "node:fs";
import * as path from "node:path";
import { applyEdits, LineIndex, maxDocumentBytes } from "../core/index";
import type { FixResult } from "./output-shapes";
import { existingPlace, ToolInputError } from "./workspace-paths";
import type { McpWorkspace } from "./workspace-session";

/**
 * The `fix` tool: every determinate fix of a document (the editor's "Fix all"), optionally only
 * for some rules, as edits and as the new text. The file is written only when asked, only when
 * it still holds the text the fixes were computed from, and only when the new text can be
 * written in the file's own encoding without losing a byte of what was there.
 */
export async function fixDocument(
  workspace: McpWorkspace,
  given: string,
  options: { readonly rules?: readonly string[]; readonly write: boolean },
): Promise<FixResult> {
  const place = await existingPlace(workspace.root, given);
  const stat = await fs.stat(place.real);
  if (!stat.isFile()) throw new ToolInputError(`${given}: a folder; fix takes one document.`);
  const run = await workspace.load([place.real], true);
  const host = run.workspace.host;
  const original = host.textOf(place.relative);
  const analysis = host.analysis();
  const current = original === undefined ? undefined : analysis.current(place.relative, undefined);
  if (original === undefined || !current) throw new ToolInputError(`${given}: not a Genesis document.`);
  if (stat.size > maxDocumentBytes(host.configuration))
    throw new ToolInputError(
      `${given}: above the size limit (limits.maxDocumentMegabytes); only its header was checked, so nothing is fixed.`,
    );

  const edits = analysis.fixAll(current, options.rules ? new Set(options.rules) : undefined);
  const text = applyEdits(original, edits);
  const after = edits.length > 0 ? analysis.current(place.relative, text) : current;
  const lines = new LineIndex(original);
  const result: FixResult = {
    path: place.relative,
    edits: edits.map((edit) => ({
      range: { start: lines.positionAt(edit.start), end: lines.positionAt(edit.end) },
      newText: edit.newText,
    })),
    text,
    fixed: fixedRules(
      current.diagnostics.map((d) => d.rule),
      (after?.diagnostics ?? []).map((d) => d.rule),
    ),
    written: false,
  };
  if (!options.write || edits.length === 0) return result;
  await writeSafely(place.real, given, original, text);
  return { ...result, written: true };
}

/** The rules with fewer findings after than before, in first-seen order. */
function fixedRules(before: readonly string[], after: readonly string[]): string[] {
  const count = (rules: readonly string[]) =>
    rules.reduce((map, rule) => map.set(rule, (map.get(rule) ?? 0) + 1), new Map<string, number>());
  const left = count(after);
  return [...count(before)].filter(([rule, n]) => (left.get(rule) ?? 0) < n).map(([rule]) => rule);
}

/**
 * Replaces the file's content with `text` through a file beside it and a rename, so that a crash
 * leaves the old content or the new, never half of one. Refused when the file changed since it was
 * read or when its bytes are not exactly the UTF-8 of the text the fixes were made to (another
 * encoding): either way the bytes on disk differ from the text the fixes were computed from.
 */
async function writeSafely(real: string, given: string, original: string, text: string): Promise<void> {
  const now = await fs.readFile(real);
  if (!now.equals(Buffer.from(original, "utf8")))
    throw new ToolInputError(
      `${given}: changed since it was checked, or not plain UTF-8; not written, run fix again or apply the edits in an editor.`,
    );
  const { mode } = await fs.stat(real);
  const partial = path.join(path.dirname(real), `.${path.basename(real)}.${process.pid}.genesis-fix`);
  try {
    await fs.writeFile(partial, text, { flag: "wx", mode });
    await fs.rename(partial, real);
  } catch (error) {
    await fs.rm(partial, { force: true });
    throw error;
  }
}
