import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";
// The connection comes from the jsonrpc copy that vscode-languageserver-protocol holds, so that it
// accepts the typed messages of server/src/protocol.ts.
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from "vscode-languageserver-protocol/node";
import type { PublishDiagnosticsParams } from "vscode-languageserver-protocol";
import { SERVER_EXEC_ARGV } from "../../server/src/launch";
import { INDEXED_NOTIFICATION, type IndexedParams } from "../../server/src/protocol";

export const SERVER_PATH = path.resolve(__dirname, "../../dist/server.js");

/** The process to start; it must speak LSP over its stdin/stdout. */
export interface ServerCommand {
  command: string;
  args: readonly string[];
}

/** This project's bundled server, started with the running Node and the Node options the extension uses. */
export const GENESIS_SERVER: ServerCommand = { command: process.execPath, args: [...SERVER_EXEC_ARGV, SERVER_PATH, "--stdio"] };

/** One item of a `workspace/configuration` request. */
export interface ConfigurationItem {
  section?: string;
  scopeUri?: string;
}

export interface LspTestClientOptions {
  /** The server to spawn; by default this project's bundled server. */
  server?: ServerCommand;
  /**
   * The answer to each item of a `workspace/configuration` request. By default `{ enable: true }`,
   * which is what this project's server asks for (its `genesis` section).
   */
  configuration?: (item: ConfigurationItem) => unknown;
}

/**
 * A minimal LSP client over stdio for tests and benchmarks: it starts a language server (this
 * project's, unless told otherwise) as a real editor would and lets callers wait for the
 * diagnostics of a given document version.
 */
export class LspTestClient {
  readonly connection: MessageConnection;
  private readonly process: ChildProcess;
  private readonly waiters: {
    uri: string;
    accept: (p: PublishDiagnosticsParams) => boolean;
    resolve: (p: PublishDiagnosticsParams) => void;
    reject: (e: Error) => void;
  }[] = [];
  exited = false;
  readonly logs: string[] = [];
  readonly latest = new Map<string, PublishDiagnosticsParams>();
  private readonly listeners = new Set<(p: PublishDiagnosticsParams) => void>();

  constructor(
    private readonly rootUri: string | null,
    options: LspTestClientOptions = {},
  ) {
    const server = options.server ?? GENESIS_SERVER;
    const configuration = options.configuration ?? (() => ({ enable: true }));
    this.process = spawn(server.command, [...server.args], { stdio: ["pipe", "pipe", "pipe"] });
    this.process.stderr?.on("data", (chunk) => this.logs.push(String(chunk)));
    this.process.on("exit", (code, signal) => {
      this.exited = true;
      this.logs.push(`server exited (code ${code}, signal ${signal})`);
      for (const waiter of this.waiters.splice(0))
        waiter.reject(new Error(`the server exited before publishing diagnostics for ${waiter.uri}:\n${this.logs.join("")}`));
    });
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification("textDocument/publishDiagnostics", (params: PublishDiagnosticsParams) => {
      this.latest.set(params.uri, params);
      this.listeners.forEach((listener) => listener(params));
      for (let i = this.waiters.length - 1; i >= 0; i--) {
        const waiter = this.waiters[i];
        if (waiter.uri === params.uri && waiter.accept(params)) {
          this.waiters.splice(i, 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onNotification("window/logMessage", (params: { type: number; message: string }) =>
      this.logs.push(`[${params.type}] ${params.message}`),
    );
    this.connection.onRequest("workspace/configuration", (params: { items: ConfigurationItem[] }) => params.items.map(configuration));
    this.connection.onRequest("client/registerCapability", () => null);
    this.connection.listen();
  }

  /** Resolves when the server has finished indexing a workspace folder (`genesis/indexed`). */
  indexed(timeoutMs = 60_000): Promise<IndexedParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the server did not finish indexing within ${timeoutMs} ms:\n${this.logs.join("")}`)),
        timeoutMs,
      );
      const subscription = this.connection.onNotification(INDEXED_NOTIFICATION, (params) => {
        clearTimeout(timer);
        subscription.dispose();
        resolve(params);
      });
    });
  }

  /** Calls `listener` with every publishDiagnostics (the connection allows one handler per method). */
  onDiagnostics(listener: (p: PublishDiagnosticsParams) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  async initialize(initializationOptions?: unknown): Promise<unknown> {
    const result = await this.connection.sendRequest("initialize", {
      processId: process.pid,
      initializationOptions,
      rootUri: this.rootUri,
      workspaceFolders: this.rootUri ? [{ uri: this.rootUri, name: "workspace" }] : null,
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: false } },
        textDocument: { publishDiagnostics: { versionSupport: true } },
      },
    });
    await this.connection.sendNotification("initialized", {});
    return result;
  }

  /** Tells the server its settings changed; servers that pull settings then send `workspace/configuration`. */
  changeConfiguration(settings: unknown): Promise<void> {
    return this.connection.sendNotification("workspace/didChangeConfiguration", { settings });
  }

  /** Resolves with the next diagnostics for `uri` that satisfy `accept` (by default: any). */
  diagnosticsFor(
    uri: string,
    accept: (p: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      if (this.exited) return reject(new Error(`the server has exited:\n${this.logs.join("")}`));
      const timer = setTimeout(
        () => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; server log:\n${this.logs.join("")}`)),
        timeoutMs,
      );
      this.waiters.push({
        uri,
        accept,
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId, version, text } });
  }

  changeFull(uri: string, version: number, text: string): Promise<void> {
    return this.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  changeRange(
    uri: string,
    version: number,
    range: { start: { line: number; character: number }; end: { line: number; character: number } },
    text: string,
  ): Promise<void> {
    return this.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification("textDocument/didClose", { textDocument: { uri } });
  }

  async shutdown(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest("shutdown"), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification("exit");
    } catch {
      // the server may already be gone
    }
    this.connection.dispose();
    this.process.kill();
  }
}
