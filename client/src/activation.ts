import * as vscode from "vscode";

/** File names that make a document a Genesis document by name (docs/formats/README.md#recognition). */
export const GENESIS_FILE_GLOB =
  "**/{*.dataset.yaml,*.dataset.yml,*.dataset.json,dataset.genesis.yaml,*.modelcard.md,MODEL_CARD.md,model_card.md,*.model.yaml,*.model.yml,*.model.json,*.pipeline.yaml,*.pipeline.yml,*.pipeline.json,genesis.config.yaml}";

const NAME = /(\.dataset\.(ya?ml|json)|dataset\.genesis\.yaml|\.modelcard\.md|MODEL_CARD\.md|model_card\.md|\.model\.(ya?ml|json)|\.pipeline\.(ya?ml|json)|genesis\.config\.yaml)$/;
const CONTENT = /^\s*["']?kind["']?\s*:\s*["']?(DatasetManifest|ModelCard|PipelineConfig)\b|^(model-index|library_name|pipeline_tag|base_model)\s*:/m;

/**
 * Whether a document may be a Genesis document: a cheap test on its name and first 8 KB, so the
 * language server is only started for workspaces and files that need it.
 */
export function mayBeGenesisDocument(document: vscode.TextDocument): boolean {
  if (!["yaml", "json", "markdown"].includes(document.languageId)) return false;
  if (NAME.test(document.uri.path)) return true;
  return CONTENT.test(document.getText(new vscode.Range(0, 0, 200, 0)));
}

/** Whether the open workspace already holds Genesis documents by name. */
export async function workspaceHasGenesisFiles(): Promise<boolean> {
  if (!vscode.workspace.workspaceFolders?.length) return false;
  const found = await vscode.workspace.findFiles(GENESIS_FILE_GLOB, "**/node_modules/**", 1);
  return found.length > 0;
}
