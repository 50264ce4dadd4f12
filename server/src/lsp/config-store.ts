import {
  CONFIG_FILE_NAME,
  DEFAULT_CONFIG,
  DEFAULT_MAX_DOCUMENT_BYTES,
  type Diagnostic,
  type Engine,
  type GenesisConfig,
} from "../core/index";
import type { WorkspaceFileAccess } from "./file-access";

export interface LoadedConfig {
  readonly config: GenesisConfig;
  readonly diagnostics: readonly Diagnostic[];
  /** The text the config was read from; undefined when there is no config file. */
  readonly text?: string;
}

const NO_CONFIG: LoadedConfig = { config: DEFAULT_CONFIG, diagnostics: [] };

/** What a workspace host takes of a loaded configuration file besides the configuration: its text and findings. */
export function configFileOf(loaded: LoadedConfig): { text: string; diagnostics: readonly Diagnostic[] } | undefined {
  return loaded.text === undefined ? undefined : { text: loaded.text, diagnostics: loaded.diagnostics };
}

/**
 * The `genesis.config.yaml` of each workspace root, read once and kept until the file changes on
 * disk or in the editor (the open text wins over the disk). A missing or unreadable file means the
 * defaults; a broken one still yields its valid parts.
 */
export class ConfigStore {
  private readonly loaded = new Map<string, Promise<LoadedConfig>>();
  private readonly openTexts = new Map<string, string>();

  /** False in an untrusted workspace: only an open genesis.config.yaml counts then. */
  readFromDisk = true;

  constructor(
    private readonly engine: Engine,
    private readonly files: WorkspaceFileAccess,
  ) {}

  /** Whether a workspace path (`/` separators) names a genesis.config.yaml. */
  static isConfigPath(file: string): boolean {
    return file.slice(file.lastIndexOf("/") + 1) === CONFIG_FILE_NAME;
  }

  get(root: string): Promise<LoadedConfig> {
    if (!root) return Promise.resolve(NO_CONFIG);
    let entry = this.loaded.get(root);
    if (!entry) {
      entry = this.load(root);
      this.loaded.set(root, entry);
    }
    return entry;
  }

  /** The editor's text of a config file replaces the disk's until it is closed. */
  setOpenText(root: string, text: string | undefined): void {
    if (text === undefined) this.openTexts.delete(root);
    else this.openTexts.set(root, text);
    this.loaded.delete(root);
  }

  /** Forget a root's config (it changed on disk); the next `get` reads it again. */
  invalidate(root: string): void {
    this.loaded.delete(root);
  }

  invalidateAll(): void {
    this.loaded.clear();
  }

  private async load(root: string): Promise<LoadedConfig> {
    let text = this.openTexts.get(root);
    if (text === undefined) {
      if (!this.readFromDisk) return NO_CONFIG;
      try {
        // Read under the default size limit: the limit it may set is not known before it is read.
        const content = await this.files.read(root, CONFIG_FILE_NAME, DEFAULT_MAX_DOCUMENT_BYTES);
        if (typeof content !== "string") return { ...this.engine.readConfigTooLarge(content.head, content.bytes), text: content.head };
        text = content;
      } catch {
        return NO_CONFIG;
      }
    }
    const { config, diagnostics } = this.engine.readConfig({ path: CONFIG_FILE_NAME, text });
    return { config, diagnostics, text };
  }
}
