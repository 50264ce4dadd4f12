import { existsSync, readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { DEFAULT_CONFIG, type GenesisConfig } from "../../../server/src/core/config";
import type { GenesisDocument } from "../../../server/src/core/document";
import type { EvidenceMap, FileEvidence } from "../../../server/src/core/evidence/types";
import { fixAll, type FixableDiagnostic } from "../../../server/src/core/fixes/fix-providers";
import { applyEdits } from "../../../server/src/core/fixes/apply";
import { parseGenesisDocument } from "../../../server/src/core/parse/document";
import type { Diagnostic } from "../../../server/src/core/types";
import { extractFacts } from "../../../server/src/core/workspace/facts";
import { WorkspaceIndex } from "../../../server/src/core/workspace/workspace-index";
import { WorkspaceHost } from "../../../server/src/core/index";
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
    if (!/\.(ya?ml|json|md)$/.test(name) || name.includes(".fixed.") || name === EVIDENCE_FILE) continue;
    files[path.relative(root, path.join(folder, name)).split(path.sep).join("/")] = readFileSync(path.join(folder, name), "utf8");
  }
  return files;
}

/** A case folder's facts read from its (imagined) files: `evidence.json`, keyed by path relative to the folder. */
export const EVIDENCE_FILE = "evidence.json";

/** The evidence of a case folder, keyed by workspace-relative path (`<folder>/data/a.csv`); undefined without `evidence.json`. */
export function evidenceOf(folder: string, root = FIXTURES): EvidenceMap | undefined {
  const file = path.join(folder, EVIDENCE_FILE);
  if (!existsSync(file)) return undefined;
  const prefix = path.relative(root, folder).split(path.sep).join("/");
  const entries = Object.entries(JSON.parse(readFileSync(file, "utf8")) as Record<string, FileEvidence>);
  return new Map(entries.map(([name, facts]) => [prefix ? `${prefix}/${name}` : name, facts]));
}

/**
 * The type, workspace and (with evidence) `io` diagnostics of one text as a workspace host gives
 * them, the host holding the other documents of `index` (none: no workspace rules run).
 */
export function diagnosticsOf(
  file: string,
  text: string,
  index?: WorkspaceIndex,
  config: GenesisConfig = DEFAULT_CONFIG,
  evidence?: EvidenceMap,
): { document: GenesisDocument; diagnostics: Diagnostic[] } {
  const host = new WorkspaceHost(engine);
  host.configure(config);
  for (const facts of index?.all() ?? []) if (facts.path !== file) host.update(facts.path, facts.text);
  if (!host.update(file, text)) throw new Error(`${file} is not a Genesis document`);
  if (index) host.finishLoading();
  if (evidence) host.setEvidence(file, evidence);
  return { document: host.documentOf(file)!, diagnostics: host.diagnostics(file) };
}

/** `fixAll` as the editor runs it: with a recheck by the engine against the same workspace. */
export function fixAllText(
  file: string,
  text: string,
  index?: WorkspaceIndex,
  config: GenesisConfig = DEFAULT_CONFIG,
  evidence?: EvidenceMap,
): string {
  const { document, diagnostics } = diagnosticsOf(file, text, index, config, evidence);
  const recheck = (next: GenesisDocument): FixableDiagnostic[] => diagnosticsOf(file, next.text, index, config, evidence).diagnostics;
  return applyEdits(text, fixAll(document, diagnostics, { config, index, evidence, recheck }));
}
