import * as vscode from "vscode";
import { ExecuteCommandRequest, type BaseLanguageClient } from "vscode-languageclient";
import { mayBeGenesisDocument, workspaceHasGenesisFiles } from "./activation";
import { agentToolSource } from "./agent-tool-source";
import { AGENT_TOOL_NAMES, registerAgentTools, type LanguageModelToolsApi } from "./agent-tools";
import { createBundle } from "./bundle";
import { registerCommands } from "./commands";
import { exportAs } from "./export-as";
import { serverImportRequest } from "./import-source";
import { createNewDocument } from "./new-document";
import { ReadinessController } from "./readiness";
import { offerTemplatesWhileTyping } from "./template-suggest";

/**
 * Makes the language client: for the Node server (client.ts) or for the Web Worker server
 * (browser-client.ts), which may first have to read its worker's script (worker-script.ts).
 */
export type ClientFactory = (
  context: vscode.ExtensionContext,
  output: vscode.OutputChannel,
) => BaseLanguageClient | Promise<BaseLanguageClient>;

let client: BaseLanguageClient | undefined;

/**
 * Wires the extension, the same on the desktop and in the browser: commands, the output channel,
 * and the language client that `createLanguageClient` makes. The server starts when the workspace
 * holds Genesis documents or when one is opened, and never while `genesis.enable` is false. A
 * failure to start is shown to the user.
 */
export async function activateWith(context: vscode.ExtensionContext, createLanguageClient: ClientFactory): Promise<void> {
  const activationStarted = performance.now();
  const output = vscode.window.createOutputChannel("Genesis Readiness");
  context.subscriptions.push(output);
  const readiness = new ReadinessController();
  context.subscriptions.push(readiness);

  // A start that is still making its client counts as started; one stopped meanwhile does not go on.
  let making = false;
  let stops = 0;
  const start = async (): Promise<void> => {
    if (client || making || !vscode.workspace.getConfiguration("genesis").get<boolean>("enable", true)) return;
    const stopsBefore = stops;
    making = true;
    try {
      const made = await createLanguageClient(context, output);
      making = false;
      if (stops !== stopsBefore) return;
      client = made;
      await made.start();
      readiness.attach(made);
    } catch (error) {
      making = false;
      client = undefined;
      const message = error instanceof Error ? error.message : String(error);
      output.appendLine(`The Genesis Readiness server did not start: ${message}`);
      void vscode.window
        .showErrorMessage(`Genesis Readiness: the language server did not start (${message}).`, "Show Output")
        .then((choice) => {
          if (choice) output.show();
        });
    }
  };
  const stop = async (): Promise<void> => {
    stops++;
    const running = client;
    client = undefined;
    readiness.detach();
    if (running) await running.stop();
  };

  context.subscriptions.push(
    ...registerCommands(vscode.commands, {
      restartServer: async () => {
        await stop();
        await start();
      },
      showOutput: () => output.show(),
      newDatasetManifest: (folder) => createNewDocument("DatasetManifest", folder),
      newModelCard: (folder) => createNewDocument("ModelCard", folder),
      newPipelineConfig: (folder) => createNewDocument("PipelineConfig", folder),
      exportReport: () => readiness.exportReport(),
      exportAs: () => exportAs(client),
      refreshReadiness: () => readiness.refresh(),
      runReadinessFix: (node) => readiness.runFix(node),
      createBundle: () => createBundle(client),
      importSource: async (uri) => {
        const request = serverImportRequest(uri);
        if (!request) return;
        await start();
        if (!client) {
          void vscode.window.showWarningMessage("Genesis Readiness: the language server is not running, so the file cannot be imported.");
          return;
        }
        await client.sendRequest(ExecuteCommandRequest.type, request);
      },
    }),
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (!client && mayBeGenesisDocument(document)) void start();
    }),
    // Granting trust lifts the limited mode: the server restarts with every rule.
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      if (!client) return;
      await stop();
      await start();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration("genesis.enable")) return;
      void (vscode.workspace.getConfiguration("genesis").get<boolean>("enable", true) ? start() : stop());
    }),
    { dispose: () => void stop() },
    offerTemplatesWhileTyping(vscode),
  );
  registerToolsForAgents(context, output, () => client);

  // Activation only wires things; the server starts in the background, and both times are logged
  // (the E2E suite reads them).
  const wired = performance.now() - activationStarted;
  output.appendLine(`Genesis Readiness activated in ${wired.toFixed(1)} ms.`);
  if (vscode.workspace.textDocuments.some(mayBeGenesisDocument) || (await workspaceHasGenesisFiles())) {
    void start().then(() => {
      if (client)
        output.appendLine(`Language server ready ${(performance.now() - activationStarted).toFixed(0)} ms after activation began.`);
    });
  }
}

export async function deactivateClient(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) await running.stop();
}

/**
 * Agent mode's tools (VS Code 1.95 and later; none on an older host, which still activates). The
 * outcome is logged: VS Code refuses a tool that package.json does not contribute, so the line
 * also tells that the contribution was accepted (the E2E suite reads it).
 */
function registerToolsForAgents(
  context: vscode.ExtensionContext,
  output: vscode.OutputChannel,
  current: () => BaseLanguageClient | undefined,
) {
  try {
    const tools = registerAgentTools(vscode as unknown as LanguageModelToolsApi, agentToolSource(current));
    context.subscriptions.push(...tools);
    output.appendLine(
      tools.length > 0
        ? `Agent mode tools: ${Object.values(AGENT_TOOL_NAMES).join(", ")}.`
        : "Agent mode tools: not offered (this VS Code has no language model tools API).",
    );
  } catch (problem) {
    output.appendLine(`Agent mode tools could not be registered (${problem instanceof Error ? problem.message : String(problem)}).`);
  }
}
