import * as vscode from "vscode";
import { LanguageClient } from "vscode-languageclient/browser";
import { languageClientOptions } from "./client-options";
import { answerFileRequests } from "./file-requests";
import { documentSelectorFor } from "./recognition";
import { serverScriptUrl } from "./worker-script";

type ServerWorker = ConstructorParameters<typeof LanguageClient>[3] & { terminate(): void };

/** The Web Worker constructor of the browser's extension host (this project compiles without lib "dom"). */
declare const Worker: new (url: string) => ServerWorker;

/**
 * A client that owns its worker: stopping it (Restart Server, disabling the extension) also ends
 * the worker, which the browser server cannot do itself, so that no idle server is left behind.
 */
class WorkerLanguageClient extends LanguageClient {
  constructor(
    options: ConstructorParameters<typeof LanguageClient>[2],
    private readonly serverWorker: ServerWorker,
  ) {
    super("genesis", "Genesis Readiness", options, serverWorker);
  }

  override async stop(timeout?: number): Promise<void> {
    try {
      await super.stop(timeout);
    } finally {
      this.serverWorker.terminate();
    }
  }
}

/**
 * Creates the language client for VS Code in the browser: the server (`dist/web/server.js`) runs in
 * a Web Worker, and reads the workspace's files through this client (file-requests.ts). The
 * documents are those of the workspace folders' schemes (`vscode-vfs:` on github.dev) and untitled ones.
 */
export async function createBrowserLanguageClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): Promise<LanguageClient> {
  const worker = new Worker(await serverScriptUrl(vscode.Uri.joinPath(context.extensionUri, "dist/web/server.js")));
  const schemes = new Set([...(vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.scheme), "untitled"]);
  const client = new WorkerLanguageClient(languageClientOptions(output, documentSelectorFor([...schemes])), worker);
  context.subscriptions.push(...answerFileRequests(client));
  return client;
}
