import type { Connection } from "vscode-languageserver/node";
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
      entry = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: "genesis" })
        .then(normalise, () => DEFAULT_SETTINGS);
      this.cache.set(uri, entry);
    }
    return entry;
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
  return { enable: section.enable !== false };
}
