import {
  DidChangeConfigurationNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { URI } from "vscode-uri";
import * as path from "node:path";
import { version as SERVER_VERSION } from "../../../package.json";
import { Engine } from "../core/engine";
import { ConfigStore } from "./config-store";
import { DiagnosticsPublisher } from "./diagnostics";
import { WorkspaceFolders } from "./paths";
import { CoalescingScheduler } from "./scheduler";
import { SettingsStore } from "./settings";

/** Wires the LSP connection to the engine. Knows nothing of the transport. */
export function startServer(connection: Connection): void {
  const engine = new Engine();
  const documents = new TextDocuments(TextDocument);
  const folders = new WorkspaceFolders();
  const configs = new ConfigStore(engine);
  let clientHasConfiguration = false;
  const settings = new SettingsStore(connection, () => clientHasConfiguration);
  const publisher = new DiagnosticsPublisher(connection, engine, folders, configs, settings);
  const scheduler = new CoalescingScheduler<TextDocument>((_uri, document) => publisher.validate(document));

  const revalidateAll = () => documents.all().forEach((document) => scheduler.schedule(document.uri, document));
  const configRootOf = (uri: string): string | undefined => {
    const place = folders.place(uri);
    return ConfigStore.isConfigPath(place.relativePath) && !place.relativePath.includes("/") ? place.root : undefined;
  };

  connection.onInitialize((params): InitializeResult => {
    clientHasConfiguration = params.capabilities.workspace?.configuration === true;
    const folderUris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    folders.set(folderUris);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: "genesis-readiness", version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    if (clientHasConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: "genesis" });
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const current = new Set(folders.all.map((root) => URI.file(root).toString()));
      event.removed.forEach((f) => current.delete(f.uri));
      event.added.forEach((f) => current.add(f.uri));
      folders.set([...current]);
      configs.invalidateAll();
      revalidateAll();
    });
  });

  connection.onDidChangeConfiguration(() => {
    settings.clear();
    revalidateAll();
  });

  // The client watches genesis.config.yaml; a change on disk re-reads it and re-checks everything.
  connection.onDidChangeWatchedFiles((params) => {
    let touched = false;
    for (const change of params.changes) {
      const root = configRootOf(change.uri);
      if (root === undefined) continue;
      touched = true;
      if (change.type === FileChangeType.Deleted || !documents.get(change.uri)) configs.invalidate(root);
    }
    if (touched) revalidateAll();
  });

  const onContent = (document: TextDocument) => {
    const root = configRootOf(document.uri);
    if (root !== undefined) {
      configs.setOpenText(root, document.getText());
      revalidateAll();
      return;
    }
    scheduler.schedule(document.uri, document);
  };
  documents.onDidOpen((event) => onContent(event.document));
  documents.onDidChangeContent((event) => onContent(event.document));
  documents.onDidClose((event) => {
    scheduler.cancel(event.document.uri);
    settings.forget(event.document.uri);
    const root = configRootOf(event.document.uri);
    if (root !== undefined) {
      configs.setOpenText(root, undefined);
      revalidateAll();
    }
    publisher.clear(event.document.uri);
  });

  documents.listen(connection);
  connection.listen();
  connection.console.info(`Genesis Readiness server ${SERVER_VERSION} started (node ${process.version}, ${path.basename(process.argv[1] ?? "server")})`);
}
