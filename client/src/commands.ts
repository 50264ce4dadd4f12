import * as vscode from "vscode";

export interface CommandHandlers {
  restartServer(): Promise<void>;
  showOutput(): void;
}

/** The command table: every command id the extension contributes, and what runs it. */
export function registerCommands(handlers: CommandHandlers): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand("genesis.restartServer", () => handlers.restartServer()),
    vscode.commands.registerCommand("genesis.showOutput", () => handlers.showOutput()),
  ];
}
