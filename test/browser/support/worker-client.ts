import { chromium, type Browser, type Page } from "playwright-core";
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  createMessageConnection,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageConnection,
} from "vscode-languageserver-protocol/node";
import type { PublishDiagnosticsParams } from "vscode-languageserver-protocol";
import { INDEXED_NOTIFICATION, type IndexedParams } from "../../../server/src/protocol";
import { servePage } from "./page";

export const CHROMIUM = "/usr/bin/chromium";

/** Chromium as root, offline: no sandbox, no GPU, nothing fetched in the background. */
const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** What the page defines (page.ts); this project compiles without lib "dom". */
interface PageGlobals {
  toWorker(message: unknown): void;
  genesisFiles: Map<string, string>;
  timeEdits(uri: string, firstVersion: number, edits: readonly unknown[]): Promise<number[]>;
}

/** Messages from the page, pushed by the binding Playwright installs. */
class PageReader extends AbstractMessageReader {
  private callback: DataCallback | undefined;
  private readonly early: Message[] = [];

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    this.early.splice(0).forEach(callback);
    return { dispose: () => (this.callback = undefined) };
  }

  /**
   * Passed through JSON, as a stream transport would: postMessage keeps members whose value is
   * `undefined`, which JSON-RPC over stdio drops, and the tests compare with the Node server's messages.
   */
  push(received: Message): void {
    const message = JSON.parse(JSON.stringify(received)) as Message;
    if (this.callback) this.callback(message);
    else this.early.push(message);
  }
}

class PageWriter extends AbstractMessageWriter {
  constructor(private readonly page: Page) {
    super();
  }

  async write(message: Message): Promise<void> {
    await this.page.evaluate((m) => (globalThis as unknown as PageGlobals).toWorker(m), message as unknown as Record<string, unknown>);
  }

  end(): void {}
}

/** The answer to one item of `workspace/configuration`: the Genesis settings on, VS Code's files.exclude empty. */
export function testConfiguration(item: { section?: string }): unknown {
  return item.section === "genesis" ? { enable: true } : {};
}

/**
 * The browser language server (dist/web/server.js) in a Web Worker of Debian's Chromium, driven
 * through playwright-core with LSP messages, as the LSP tests drive the Node server (LspTestClient).
 */
export class WorkerClient {
  readonly latest = new Map<string, PublishDiagnosticsParams>();
  private readonly listeners = new Set<(params: PublishDiagnosticsParams) => void>();
  readonly logs: string[] = [];

  private constructor(
    readonly connection: MessageConnection,
    readonly page: Page,
    private readonly browser: Browser,
    private readonly closePage: () => Promise<void>,
  ) {
    connection.onNotification("textDocument/publishDiagnostics", (params: PublishDiagnosticsParams) => {
      this.latest.set(params.uri, params);
      this.listeners.forEach((listener) => listener(params));
    });
    connection.onNotification("window/logMessage", (params: { message: string }) => this.logs.push(params.message));
    connection.onRequest("workspace/configuration", (params: { items: { section?: string }[] }) => params.items.map(testConfiguration));
    connection.onRequest("client/registerCapability", () => null);
    connection.listen();
  }

  static async launch(): Promise<WorkerClient> {
    const served = await servePage();
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      const reader = new PageReader();
      await page.exposeFunction("fromWorker", (message: Message) => reader.push(message));
      await page.goto(served.url);
      if (errors.length) throw new Error(`the page failed: ${errors.join("; ")}`);
      const connection = createMessageConnection(reader, new PageWriter(page));
      return new WorkerClient(connection, page, browser, served.close);
    } catch (error) {
      await browser.close();
      await served.close();
      throw error;
    }
  }

  /** The in-memory workspace the page serves to the server's file requests: URI -> text. */
  async setFiles(files: ReadonlyMap<string, string>): Promise<void> {
    await this.page.evaluate(
      (entries) => {
        (globalThis as unknown as PageGlobals).genesisFiles = new Map(entries);
      },
      [...files],
    );
  }

  async initialize(rootUri: string | null): Promise<void> {
    await this.connection.sendRequest("initialize", {
      processId: null,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: "workspace" }] : null,
      initializationOptions: { trusted: true },
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: false } },
        textDocument: { publishDiagnostics: { versionSupport: true } },
      },
    });
    await this.connection.sendNotification("initialized", {});
  }

  indexed(timeoutMs = 20_000): Promise<IndexedParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the worker did not finish indexing:\n${this.logs.join("\n")}`)), timeoutMs);
      const subscription = this.connection.onNotification(INDEXED_NOTIFICATION, (params) => {
        clearTimeout(timer);
        subscription.dispose();
        resolve(params);
      });
    });
  }

  /** The next diagnostics for `uri` that `accept` takes. */
  diagnosticsFor(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000) {
    return new Promise<PublishDiagnosticsParams>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`no matching diagnostics for ${uri} from the worker:\n${this.logs.join("\n")}`));
      }, timeoutMs);
      const listener = (params: PublishDiagnosticsParams) => {
        if (params.uri !== uri || !accept(params)) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(params);
      };
      this.listeners.add(listener);
    });
  }

  open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId, version, text } });
  }

  changeFull(uri: string, version: number, text: string): Promise<void> {
    return this.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Sends each edit as a didChange from `firstVersion` on, and times each until its diagnostics arrive, inside the page. */
  timeEdits(uri: string, firstVersion: number, edits: readonly unknown[]): Promise<number[]> {
    return this.page.evaluate(([u, v, e]) => (globalThis as unknown as PageGlobals).timeEdits(u, v, e), [
      uri,
      firstVersion,
      edits,
    ] as const);
  }

  async close(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest("shutdown"), new Promise((resolve) => setTimeout(resolve, 2000))]);
    } catch {
      // the page may be gone already
    }
    this.connection.dispose();
    await this.browser.close();
    await this.closePage();
  }
}
