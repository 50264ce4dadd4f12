import * as vscode from "vscode";
import { createNewDocument } from "./new-document";

export interface CommandHandlers {
  restartServer(): Promise<void>;
  showOutput(): void;
}

/** The command table: every command id the extension contributes, and what runs it. */
export function registerCommands(handlers: CommandHandlers): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand("genesis.restartServer", () => handlers.restartServer()),
    vscode.commands.registerCommand("genesis.showOutput", () => handlers.showOutput()),
    vscode.commands.registerCommand("genesis.newDatasetManifest", (folder?: vscode.Uri) => createNewDocument("DatasetManifest", folder)),
    vscode.commands.registerCommand("genesis.newModelCard", (folder?: vscode.Uri) => createNewDocument("ModelCard", folder)),
    vscode.commands.registerCommand("genesis.newPipelineConfig", (folder?: vscode.Uri) => createNewDocument("PipelineConfig", folder)),
  ];
}
