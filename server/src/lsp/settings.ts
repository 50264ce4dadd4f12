import type { Connection } from "vscode-languageserver";
import { DEFAULT_SETTINGS, type GenesisSettings } from "../protocol";

/**
 * `genesis.*` settings per resource, read from the client when first needed, normalised here, and
 * cached until the client says they changed.
 */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<GenesisSettings>>();

  constructor(
    private readonly connection: Connection,
    private readonly clientHasConfiguration: () => boolean,
  ) {}

  get(uri: string): Promise<GenesisSettings> {
    if (!this.clientHasConfiguration()) return Promise.resolve(DEFAULT_SETTINGS);
    let entry = this.cache.get(uri);
    if (!entry) {
      entry = this.connection.workspace.getConfiguration({ scopeUri: uri, section: "genesis" }).then(normalise, () => DEFAULT_SETTINGS);
      this.cache.set(uri, entry);
    }
    return entry;
  }

  /** VS Code's `files.exclude` for a folder: glob -> whether it is excluded. */
  async filesExclude(scopeUri: string): Promise<Record<string, unknown>> {
    if (!this.clientHasConfiguration()) return {};
    try {
      const exclude = await this.connection.workspace.getConfiguration({ scopeUri, section: "files.exclude" });
      return typeof exclude === "object" && exclude !== null ? (exclude as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}

function normalise(raw: unknown): GenesisSettings {
  const section = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const validate = typeof section.validate === "object" && section.validate !== null ? (section.validate as Record<string, unknown>) : {};
  return { enable: section.enable !== false, validateWorkspace: validate.workspace !== false };
}
