/**
 * The two language servers of the side-by-side benchmark, both started as a real editor starts
 * them (a child process speaking LSP over stdio) and driven through the same LspTestClient.
 *
 * What differs between them is hidden here: how each is configured before documents are opened,
 * how the publish that answers a given document version is recognised, and which of its
 * diagnostics are JSON Schema findings.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import type { Diagnostic, PublishDiagnosticsParams } from "vscode-languageserver-protocol";
import { GENESIS_SERVER, LspTestClient, type ConfigurationItem, type ServerCommand } from "../support/lsp-client";

/** Says whether a publish shows the effect of the change it is meant to answer. */
export type Reflects = (publish: PublishDiagnosticsParams) => boolean;

export interface RunningServer {
  readonly client: LspTestClient;
  /** performance.now() just before the process was spawned. */
  readonly spawnedAt: number;
  /** Milliseconds from spawn to the `initialize` result. */
  readonly initializeMs: number;
  /**
   * The publish that answers `version` of `uri`. Call it before sending the change, so that no
   * publish is missed; `reflects` is used by servers that do not say which version they checked.
   */
  publishFor(uri: string, version: number, reflects: Reflects, timeoutMs: number): Promise<PublishDiagnosticsParams>;
  /** Peak resident memory of the server process so far (VmHWM), in MiB. */
  peakRssMiB(): number;
  stop(): Promise<void>;
}

export interface Contender {
  readonly name: string;
  /** Spawns the server, initializes and configures it: resolves when an editor would open documents. */
  start(rootUri: string): Promise<RunningServer>;
  /** The diagnostics that come from the JSON Schema: the ones both servers must agree on. */
  isSchemaFinding(diagnostic: Diagnostic): boolean;
  /** How `publishFor` recognises the answer to a change, for the report. */
  readonly matching: string;
}

export function peakRssMiB(pid: number | undefined): number {
  if (!pid) return NaN;
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) / 1024 : NaN;
}

/**
 * `settled` is called before `initialize` is sent, so that it can subscribe to what the server
 * sends once its start-up work is done; it is awaited after the `initialize` result.
 */
async function spawnAndInitialize(
  rootUri: string,
  server: ServerCommand,
  options: { configuration?: (item: ConfigurationItem) => unknown; settled?: (client: LspTestClient) => Promise<unknown> } = {},
) {
  const spawnedAt = performance.now();
  const client = new LspTestClient(rootUri, { server, configuration: options.configuration });
  const settled = options.settled?.(client);
  await client.initialize();
  const initializeMs = performance.now() - spawnedAt;
  await settled;
  return { client, spawnedAt, initializeMs };
}

function running(
  started: { client: LspTestClient; spawnedAt: number; initializeMs: number },
  publishFor: RunningServer["publishFor"],
): RunningServer {
  const { client } = started;
  return { ...started, publishFor, peakRssMiB: () => peakRssMiB(client.pid), stop: () => client.shutdown() };
}

/**
 * This project's server: it publishes the document version it checked. It is ready once it has
 * indexed the (empty) workspace folder: a document opened during that scan is checked a second
 * time when the scan ends, which would land on the first measured edits.
 */
export const genesis: Contender = {
  name: "genesis",
  matching: "the publish carrying the changed document's version",
  isSchemaFinding: (diagnostic) => typeof diagnostic.code === "string" && diagnostic.code.startsWith("schema/"),
  async start(rootUri) {
    const started = await spawnAndInitialize(rootUri, GENESIS_SERVER, { settled: (client) => client.indexed(60_000) });
    return running(started, (uri, version, _reflects, timeoutMs) =>
      started.client.diagnosticsFor(uri, (p) => p.version === version, timeoutMs),
    );
  },
};

const YAML_LANGUAGE_SERVER_PACKAGE = path.dirname(require.resolve("yaml-language-server/package.json"));
export const YAML_LANGUAGE_SERVER_VERSION = (
  JSON.parse(readFileSync(path.join(YAML_LANGUAGE_SERVER_PACKAGE, "package.json"), "utf8")) as { version: string }
).version;

/**
 * Red Hat's yaml-language-server, configured as VS Code's YAML extension would be with
 * `yaml.schemas: { <schemaFile>: ["*.dataset.yaml"] }` and nothing fetched from the network.
 * It validates 200 ms after the last change (a built-in debounce) and publishes without a version,
 * so the answer to a change is the first publish after it whose diagnostics show the change.
 */
export function yamlLanguageServer(schemaFile: string): Contender {
  const settings = {
    validate: true,
    schemas: { [pathToFileURL(schemaFile).toString()]: ["*.dataset.yaml"] },
    schemaStore: { enable: false },
    hover: false,
    completion: false,
    format: { enable: false },
  };
  const server: ServerCommand = {
    command: process.execPath,
    args: [path.join(YAML_LANGUAGE_SERVER_PACKAGE, "bin", "yaml-language-server"), "--stdio"],
  };
  return {
    name: `yaml-language-server ${YAML_LANGUAGE_SERVER_VERSION}`,
    matching: "the first publish after the change whose diagnostics show it (no version is sent)",
    isSchemaFinding: () => true,
    async start(rootUri) {
      // It pulls its settings once after `initialized` and again on every didChangeConfiguration;
      // documents opened before the second pull is answered would be checked twice.
      let pulls = 0;
      let configured!: () => void;
      const secondPull = new Promise<void>((resolve) => (configured = resolve));
      const started = await spawnAndInitialize(rootUri, server, {
        configuration: (item) => {
          if (item.section !== "yaml") return null;
          if (++pulls === 2) setImmediate(configured); // once this answer has been sent
          return settings;
        },
      });
      await started.client.changeConfiguration({ yaml: settings });
      await withTimeout(secondPull, 10_000, () => `yaml-language-server did not pull its settings twice:\n${started.client.logs.join("")}`);
      return running(started, (uri, _version, reflects, timeoutMs) => started.client.diagnosticsFor(uri, reflects, timeoutMs));
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message())), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
