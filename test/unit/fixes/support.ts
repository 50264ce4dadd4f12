import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { DEFAULT_CONFIG, type GenesisConfig } from "../../../server/src/core/config";
import type { GenesisDocument } from "../../../server/src/core/document";
import { fixAll, type FixableDiagnostic } from "../../../server/src/core/fixes/index";
import { applyEdits } from "../../../server/src/core/fixes/apply";
import { parseGenesisDocument } from "../../../server/src/core/parse/document";
import type { Diagnostic } from "../../../server/src/core/types";
import { extractFacts } from "../../../server/src/core/workspace/facts";
import { WorkspaceIndex } from "../../../server/src/core/workspace/index";
import { engine } from "../harness";

export const FIXTURES = path.resolve(__dirname, "../../fixtures/fixes");

/** `case.dataset.yaml` → `case.dataset.fixed.yaml`: `.fixed` before the last extension. */
export function fixedName(name: string): string {
  const dot = name.lastIndexOf(".");
  return `${name.slice(0, dot)}.fixed${name.slice(dot)}`;
}

/** A workspace of files (path → text), as the index of an editor or of `check` holds it. */
export function workspaceOf(files: Readonly<Record<string, string>>): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const [file, text] of Object.entries(files)) {
    const document = parseGenesisDocument({ path: file, text });
    if (document) index.load(extractFacts(document));
  }
  return index;
}

/** Every Genesis file of a folder (golden `.fixed.` files left out), by path relative to `root`. */
export function filesOf(folder: string, root = folder): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(folder)) {
    if (!/\.(ya?ml|json|md)$/.test(name) || name.includes(".fixed.")) continue;
    files[path.relative(root, path.join(folder, name)).split(path.sep).join("/")] = readFileSync(path.join(folder, name), "utf8");
  }
  return files;
}

/** The type and workspace diagnostics of one text, against an index that holds its other documents. */
export function diagnosticsOf(file: string, text: string, index?: WorkspaceIndex, config: GenesisConfig = DEFAULT_CONFIG): { document: GenesisDocument; diagnostics: Diagnostic[] } {
  const analysis = engine.analyze({ path: file, text }, config);
  if (!analysis.document) throw new Error(`${file} is not a Genesis document`);
  const workspace = index ? engine.checkWorkspace(extractFacts(analysis.document), index, config) : [];
  return { document: analysis.document, diagnostics: [...analysis.diagnostics, ...workspace] };
}

/** `fixAll` as the editor runs it: with a recheck by the engine against the same workspace. */
export function fixAllText(file: string, text: string, index?: WorkspaceIndex, config: GenesisConfig = DEFAULT_CONFIG): string {
  const { document, diagnostics } = diagnosticsOf(file, text, index, config);
  const recheck = (next: GenesisDocument): FixableDiagnostic[] => diagnosticsOf(file, next.text, index, config).diagnostics;
  return applyEdits(text, fixAll(document, diagnostics, { config, index, recheck }));
}
