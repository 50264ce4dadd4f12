import type { Connection } from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Engine } from "../core/engine";
import type { Diagnostic } from "../core/types";
import { ConfigStore } from "./config-store";
import { toLspDiagnostic } from "./convert";
import type { WorkspaceFolders } from "./paths";
import type { SettingsStore } from "./settings";

/** File extensions for documents that have no file name yet, by language id. */
const UNTITLED_EXTENSION: Record<string, string> = { yaml: ".yaml", json: ".json", markdown: ".md" };

/**
 * Checks open documents and publishes their diagnostics. A failure while checking one document
 * becomes one diagnostic on that document; the server keeps serving.
 */
export class DiagnosticsPublisher {
  /** Documents that currently have published diagnostics, so that closing clears them. */
  private readonly published = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly engine: Engine,
    private readonly folders: WorkspaceFolders,
    private readonly configs: ConfigStore,
    private readonly settings: SettingsStore,
  ) {}

  async validate(document: TextDocument): Promise<void> {
    const version = document.version;
    const diagnostics = await this.compute(document);
    // Files that are not Genesis documents get nothing, unless they were one a moment ago.
    if (diagnostics === undefined && !this.published.has(document.uri)) return;
    this.published.add(document.uri);
    void this.connection.sendDiagnostics({ uri: document.uri, version, diagnostics: (diagnostics ?? []).map((d) => toLspDiagnostic(document, d)) });
  }

  clear(uri: string): void {
    if (!this.published.has(uri)) return;
    this.published.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** The document's diagnostics; undefined when it is not a Genesis document (or checking is off). */
  private async compute(document: TextDocument): Promise<readonly Diagnostic[] | undefined> {
    const text = document.getText();
    try {
      if (!(await this.settings.get(document.uri)).enable) return undefined;
      const place = this.folders.place(document.uri);
      const relativePath = place.relativePath.includes(".") ? place.relativePath : `${place.relativePath}${UNTITLED_EXTENSION[document.languageId] ?? ""}`;
      if (ConfigStore.isConfigPath(relativePath) && !relativePath.includes("/")) {
        return (await this.configs.get(place.root)).diagnostics;
      }
      const { config } = await this.configs.get(place.root);
      const analysis = this.engine.analyze({ path: relativePath, text }, config);
      return analysis.document ? analysis.diagnostics : undefined;
    } catch (error) {
      this.connection.console.error(`Checking ${document.uri} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return [
        {
          rule: "internal/rule-error",
          severity: "error",
          message: `Genesis Readiness could not check this document (${error instanceof Error ? error.message : String(error)}). Please report this.`,
          span: { start: 0, end: Math.min(1, text.length) },
          pointer: "",
        },
      ];
    }
  }
}
