import {
  DidChangeConfigurationNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type InitializeResult,
} from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { version as SERVER_VERSION } from "../../../package.json";
import { IMPORT_FROM_FILE_COMMAND, VERIFY_FILES_COMMAND, type InitializationOptions } from "../protocol";
import { Engine, isoDateOf } from "../core/index";
import { CODE_ACTION_KINDS, registerCodeActions } from "./code-actions";
import { ConfigStore } from "./config-store";
import { COMPLETION_TRIGGER_CHARACTERS, registerAuthoring } from "./authoring";
import { toLspDiagnostic } from "./convert";
import { WorkspaceFolders } from "./paths";
import type { EvidenceRunner, ServerPlatform } from "./platform";
import { registerNavigation } from "./navigation";
import { registerExport } from "./export";
import { registerReadiness } from "./readiness";
import { WorkScheduler } from "./scheduler";
import { SettingsStore } from "./settings";
import { WorkspaceService } from "./workspace-service";
import { SILENT_PROGRESS, type ScanProgress } from "./workspace-scan";

/** Does nothing: where data files are not read, the io rules never run. */
const NO_EVIDENCE: EvidenceRunner = {
  verify: () => Promise.resolve(),
  verifyAll: () => Promise.resolve(null),
  fileChanged: () => Promise.resolve(),
  dispose: () => {},
};

/**
 * Wires the LSP connection to the engine. Knows nothing of the transport; what differs between
 * Node and the browser (files, the io rules) comes in `platform`.
 */
export function startServer(connection: Connection, platform: ServerPlatform): void {
  const engine = new Engine({ today: () => isoDateOf(new Date()) });
  const documents = new TextDocuments(TextDocument);
  const folders = new WorkspaceFolders(platform.files);
  const configs = new ConfigStore(engine, platform.files);
  let clientHasConfiguration = false;
  let clientHasProgress = false;
  let clientHasFolderEvents = false;
  let clientCapabilities: ClientCapabilities = {};
  const settings = new SettingsStore(connection, () => clientHasConfiguration);
  const progress = async (): Promise<ScanProgress> => (clientHasProgress ? workDoneProgress(connection) : SILENT_PROGRESS);
  const scheduler = new WorkScheduler((error) =>
    connection.console.error(`Checking a document failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  );
  const workspace = new WorkspaceService(
    connection,
    engine,
    folders,
    configs,
    settings,
    (uri) => documents.get(uri),
    progress,
    platform.files,
    scheduler,
  );
  workspace.dataFilesUnread = platform.dataFilesUnread;
  if (platform.analyserFor) workspace.analyserFor = platform.analyserFor;
  scheduler.setBackpressure(() => workspace.congested);
  const evidence = platform.createEvidence?.(connection, workspace, progress) ?? NO_EVIDENCE;

  /** The root whose genesis.config.yaml `uri` is, if it is one. */
  const configRootOf = (uri: string): string | undefined => {
    const place = folders.place(uri);
    return ConfigStore.isConfigPath(place.relativePath) && !place.relativePath.includes("/") ? place.root : undefined;
  };
  const publishConfig = async (document: TextDocument, root: string) => {
    const { diagnostics } = await configs.get(root);
    void connection.sendDiagnostics({
      uri: document.uri,
      version: document.version,
      diagnostics: diagnostics.map((d) => toLspDiagnostic(document, d)),
    });
  };

  connection.onInitialize((params): InitializeResult => {
    clientHasConfiguration = params.capabilities.workspace?.configuration === true;
    clientHasProgress = params.capabilities.window?.workDoneProgress === true;
    clientHasFolderEvents = params.capabilities.workspace?.workspaceFolders === true;
    const options = params.initializationOptions as Partial<InitializationOptions> | undefined;
    workspace.trusted = options?.trusted !== false;
    configs.readFromDisk = workspace.trusted;
    if (!workspace.trusted) connection.console.info("Untrusted workspace: only the rules that read nothing but the open text run.");
    clientCapabilities = params.capabilities;
    folders.set(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        definitionProvider: true,
        documentLinkProvider: { resolveProvider: false },
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        hoverProvider: true,
        workspaceSymbolProvider: true,
        executeCommandProvider: {
          commands: [
            ...(platform.createEvidence ? [VERIFY_FILES_COMMAND] : []),
            ...(platform.importFromFile ? [IMPORT_FROM_FILE_COMMAND] : []),
          ],
        },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS },
        documentSymbolProvider: true,
      },
      serverInfo: { name: "genesis-readiness", version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    void workspace.scanAll().catch((error) => connection.console.error(`Indexing the workspace failed: ${String(error)}`));
    if (clientHasConfiguration) {
      connection.client
        .register(DidChangeConfigurationNotification.type, { section: "genesis" })
        .catch((error) => connection.console.warn(`The client did not take the configuration registration: ${String(error)}`));
    }
    if (!clientHasFolderEvents) return;
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const current = new Set(folders.all.map((root) => platform.files.folderUri(root)));
      event.removed.forEach((f) => current.delete(f.uri));
      event.added.forEach((f) => current.add(f.uri));
      folders.set([...current]);
      configs.invalidateAll();
      void workspace.scanAll();
    });
  });

  connection.onDidChangeConfiguration(() => {
    settings.clear();
    void workspace.republishAll();
  });

  // The client watches every file that can be a Genesis document, and genesis.config.yaml.
  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes) {
      const root = configRootOf(change.uri);
      if (root !== undefined) {
        if (!documents.get(change.uri)) {
          configs.invalidate(root);
          void workspace.configChanged(root);
        }
        continue;
      }
      void workspace.diskChanged(change.uri, change.type === FileChangeType.Deleted);
      void evidence.fileChanged(change.uri);
    }
  });

  const onContent = (document: TextDocument) => {
    const root = configRootOf(document.uri);
    if (root === undefined) return scheduler.edit(document.uri, () => workspace.editorChanged(document));
    configs.setOpenText(root, document.getText());
    void publishConfig(document, root);
    void workspace.configChanged(root);
  };
  documents.onDidOpen((event) => {
    onContent(event.document);
    // The io rules read files: on open and on save, never on a keystroke.
    void scheduler.editsDone().then(() => evidence.verify(event.document.uri));
  });
  documents.onDidSave((event) => void scheduler.editsDone().then(() => evidence.verify(event.document.uri)));
  connection.onExecuteCommand((params) => {
    if (params.command === VERIFY_FILES_COMMAND) return evidence.verifyAll();
    if (params.command === IMPORT_FROM_FILE_COMMAND && platform.importFromFile) {
      return platform.importFromFile(connection, { workspace, documents, importFromFile: platform.importFromFile }, params.arguments?.[0]);
    }
    return undefined;
  });
  const disposables: { dispose(): void }[] = [evidence];
  connection.onShutdown(() => disposables.forEach((d) => d.dispose()));
  documents.onDidChangeContent((event) => onContent(event.document));
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    scheduler.cancel(uri);
    settings.forget(uri);
    const root = configRootOf(uri);
    if (root === undefined) return void workspace.editorClosed(uri);
    configs.setOpenText(root, undefined);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    void workspace.configChanged(root);
  });

  registerNavigation(connection, workspace, documents);
  disposables.push(
    registerReadiness(connection, { workspace, configs, folders, fingerprint: platform.fingerprint, slicer: () => scheduler.slicer() }),
  );
  registerExport(connection, workspace, folders);
  registerCodeActions(connection, {
    workspace,
    configs,
    settings,
    documents,
    clientCapabilities: () => clientCapabilities,
    importFromFile: platform.importFromFile,
  });
  registerAuthoring(connection, workspace, documents);
  platform.registerBundles?.(connection, workspace);
  documents.listen(connection);
  connection.listen();
  connection.console.info(`Genesis Readiness server ${SERVER_VERSION} started (${platform.runtime})`);
}

/** VS Code's progress notification for a scan, created by the server. */
async function workDoneProgress(connection: Connection): Promise<ScanProgress> {
  try {
    const reporter = await connection.window.createWorkDoneProgress();
    return {
      begin: (title) => reporter.begin(title, 0, undefined, false),
      report: (percentage, message) => reporter.report(percentage, message),
      done: () => reporter.done(),
    };
  } catch {
    return SILENT_PROGRESS;
  }
}
