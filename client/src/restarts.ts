import * as vscode from "vscode";
import {
  CloseAction,
  ErrorAction,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type Message,
} from "vscode-languageclient";

/** More than this many crashes within the window means something is wrong beyond one bad moment. */
const MAX_RESTARTS = 5;
const WINDOW_MS = 3 * 60 * 1000;

/**
 * When the server process dies, start it again (it re-indexes the workspace and re-publishes), and
 * tell the user once per session; after repeated crashes in a short time, stop and say where the
 * log is, instead of restarting forever.
 */
export class RestartingErrorHandler implements ErrorHandler {
  private crashes: number[] = [];
  private told = false;

  constructor(private readonly output: vscode.OutputChannel) {}

  error(_error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.crashes = [...this.crashes.filter((time) => now - time < WINDOW_MS), now];
    if (this.crashes.length > MAX_RESTARTS) {
      return {
        action: CloseAction.DoNotRestart,
        message:
          `Genesis Readiness: the language server stopped ${this.crashes.length} times in three minutes and was not restarted again. ` +
          `See the "Genesis Readiness" output, then run "Genesis: Restart Language Server".`,
      };
    }
    this.output.appendLine(`The language server stopped unexpectedly; restarting it (${this.crashes.length} in the last three minutes).`);
    if (!this.told) {
      this.told = true;
      // The client would only log a returned message; the user is told with a notification, once.
      void vscode.window.showWarningMessage("Genesis Readiness: the language server stopped unexpectedly and was restarted.");
    }
    return { action: CloseAction.Restart, handled: true };
  }
}
