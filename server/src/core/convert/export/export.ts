import type { Selection, WorkspaceHost } from "../../host/workspace-host";
import { classifiedDocuments, classifiedMessage } from "./classification";
import { croissantOf } from "./croissant";
import { cycloneDxOf } from "./cyclonedx";
import { PUBLIC_TARGETS, type ExportDocument, type ExportInput, type ExportResult, type ExportTarget, type ExportTool } from "./model";
import { roCrateOf } from "./ro-crate";
import { spdxOf } from "./spdx";
import { labelOf, WorkspaceView } from "./workspace-view";

export const TARGET_NAMES: Readonly<Record<ExportTarget, string>> = {
  croissant: "Croissant 1.1",
  "ro-crate": "RO-Crate 1.2",
  cyclonedx: "CycloneDX 1.6",
  spdx: "SPDX 3.0.1",
};

export interface ExportOptions {
  /** The user's leave to write documents above `public` into a public format. */
  readonly allowClassified?: boolean;
}

/**
 * Writes the documents of `input` in `target` (docs/formats-export.md). A public format (Croissant)
 * refuses documents above `public`, and documents that state no level, unless `allowClassified`:
 * the result then names each document and its level. Croissant describes exactly one dataset, so
 * it needs exactly one dataset manifest among the documents.
 */
export function exportDocuments(target: ExportTarget, input: ExportInput, options: ExportOptions = {}): ExportResult {
  const view = new WorkspaceView(input);
  const subjects = target === "croissant" ? view.ofKind("DatasetManifest") : view.documents;
  if (target === "croissant" && subjects.length !== 1) {
    const found = subjects.map((document) => `  ${document.path} (${labelOf(document)})`).join("\n");
    return {
      ok: false,
      problem: "selection",
      message:
        subjects.length === 0
          ? "Croissant describes one dataset, and no dataset manifest was selected: name one *.dataset.yaml."
          : `Croissant describes one dataset, and ${subjects.length} dataset manifests were selected:\n${found}\nName one of them.`,
    };
  }
  if (PUBLIC_TARGETS.has(target) && !options.allowClassified) {
    const classified = classifiedDocuments(subjects);
    if (classified.length)
      return { ok: false, problem: "classified", documents: classified, message: classifiedMessage(TARGET_NAMES[target], classified) };
  }
  switch (target) {
    case "croissant":
      return { ok: true, output: croissantOf(view, subjects[0]) };
    case "ro-crate":
      return { ok: true, output: roCrateOf(view) };
    case "cyclonedx":
      return { ok: true, output: cycloneDxOf(view) };
    case "spdx":
      return { ok: true, output: spdxOf(view) };
  }
}

/**
 * The input of an export from what a host holds: the selected documents (all by default) in path
 * order, every document for the references, and the caller's tool and clock. The clock's reading is
 * cut to whole seconds, the form every target accepts.
 */
export function exportInputOf(
  host: WorkspaceHost,
  context: { readonly tool: ExportTool; readonly now: () => Date; readonly title: string },
  selection?: Selection,
): ExportInput {
  const workspace: ExportDocument[] = [...host.allFacts()]
    .map(({ path, kind, id, version, value }) => ({ path, kind, id, version, value }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    documents: selection ? workspace.filter((document) => selection(document.path)) : workspace,
    workspace,
    tool: context.tool,
    generatedAt: `${context.now().toISOString().slice(0, 19)}Z`,
    title: context.title,
  };
}
