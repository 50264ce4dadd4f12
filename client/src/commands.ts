import type * as vscode from "vscode";
import { VERIFY_FILES_COMMAND } from "../../server/src/protocol";
import { IMPORT_SOURCE_COMMAND } from "./import-source";
import type { ReadinessNode } from "./sidebar";

/**
 * What runs each command of the client, by name. `registerCommands` registers exactly these, so a
 * command in the table without a handler, or the other way round, does not compile.
 */
export interface CommandHandlers {
  restartServer(): Promise<void>;
  showOutput(): void;
  /** The "New ..." commands take the folder chosen in the Explorer, when run from its menu. */
  newDatasetManifest(folder?: vscode.Uri): Promise<void>;
  newModelCard(folder?: vscode.Uri): Promise<void>;
  newPipelineConfig(folder?: vscode.Uri): Promise<void>;
  exportReport(): Promise<void>;
  /** `Genesis: Export As…`: the documents in a format of the field (export-as.ts). */
  exportAs(): Promise<void>;
  refreshReadiness(): Promise<void>;
  /** The inline action of a fixable item in the Readiness view, given that item's node. */
  runReadinessFix(node?: ReadinessNode): Promise<void>;
  createBundle(): Promise<void>;
  /** The import action on a source the server is not given (import-source.ts), with its URI. */
  importSource(uri?: unknown): Promise<void>;
}

/** The commands the client runs, by handler name. */
export const CLIENT_COMMANDS: { readonly [Name in keyof CommandHandlers]: string } = {
  restartServer: "genesis.restartServer",
  showOutput: "genesis.showOutput",
  newDatasetManifest: "genesis.newDatasetManifest",
  newModelCard: "genesis.newModelCard",
  newPipelineConfig: "genesis.newPipelineConfig",
  exportReport: "genesis.exportReport",
  exportAs: "genesis.exportAs",
  refreshReadiness: "genesis.readiness.refresh",
  runReadinessFix: "genesis.readiness.runFix",
  createBundle: "genesis.createBundle",
  importSource: IMPORT_SOURCE_COMMAND,
};

/**
 * The commands the language server runs (protocol.ts): it announces them in `executeCommandProvider`,
 * and vscode-languageclient registers them while the server runs.
 */
const SERVER_COMMANDS = {
  verifyFiles: VERIFY_FILES_COMMAND,
} as const;

/**
 * Every command id the extension contributes (package.json `contributes.commands`; a unit test
 * holds the two equal).
 */
export const ALL_COMMAND_IDS: readonly string[] = [...Object.values(CLIENT_COMMANDS), ...Object.values(SERVER_COMMANDS)];

/** The part of `vscode.commands` that registration needs (passed in, so that tests need no editor). */
export type CommandRegistry = Pick<typeof vscode.commands, "registerCommand">;

/** Registers every client command with its handler; the caller disposes of the registrations. */
export function registerCommands(registry: CommandRegistry, handlers: CommandHandlers): vscode.Disposable[] {
  return (Object.keys(CLIENT_COMMANDS) as (keyof CommandHandlers)[]).map((name) =>
    registry.registerCommand(CLIENT_COMMANDS[name], (...args: unknown[]) =>
      (handlers[name] as (...args: unknown[]) => unknown).apply(handlers, args),
    ),
  );
}
