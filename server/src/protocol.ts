/**
 * Messages between the extension client and the language server beyond standard LSP. This file is
 * bundled into both sides, so names and shapes cannot drift apart.
 */

/** Settings under `genesis.*` that the server reads per resource (client -> server, on request). */
export interface GenesisSettings {
  /** Master switch: when false the server publishes nothing for the resource. */
  readonly enable: boolean;
}

export const DEFAULT_SETTINGS: GenesisSettings = { enable: true };

/** The name of the configuration file at a workspace folder's root (§6). */
export const CONFIG_FILE_GLOB = "**/genesis.config.yaml";
