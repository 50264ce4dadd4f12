/**
 * Messages between the extension client and the language server beyond standard LSP. This file is
 * bundled into both sides, so names and shapes cannot drift apart.
 */

/** Settings under `genesis.*` that the server reads per resource (client -> server, on request). */
export interface GenesisSettings {
  /** Master switch: when false the server publishes nothing for the resource. */
  readonly enable: boolean;
  /** Publish diagnostics for Genesis documents that are not open in the editor too. */
  readonly validateWorkspace: boolean;
}

export const DEFAULT_SETTINGS: GenesisSettings = { enable: true, validateWorkspace: true };

/** The name of the configuration file at a workspace folder's root (§6). */
export const CONFIG_FILE_GLOB = "**/genesis.config.yaml";

/** Files the client watches for the server: every file that can be a Genesis document. */
export const DOCUMENT_FILE_GLOB = "**/*.{yaml,yml,json,md,markdown}";

/**
 * server -> client, after each scan of a workspace folder: how many Genesis documents it holds.
 * The client may show it; tests wait for it to know the index is complete.
 */
export const INDEXED_NOTIFICATION = "genesis/indexed";

export interface IndexedParams {
  /** The folder's URI. */
  readonly folder: string;
  readonly documents: number;
  readonly milliseconds: number;
}
