// Types of scripts/code-server.mjs, for the TypeScript tests that import it.
import type { ChildProcess } from "node:child_process";

export const CODE_SERVER_VERSION: string;
export const ROOT: string;
export const TOOLS_DIR: string;
export const CHROMIUM: string;
export const USER_SETTINGS: Record<string, unknown>;

/** The Debian packages code-server and the browser tests need: why, and whether one is installed. */
export const APT_PACKAGES: readonly { name: string; why: string; present(): boolean }[];
export function aptInstallArguments(names: readonly string[]): string[];
export function ensureAptPackages(log?: (line: string) => void): void;
/** The environment of a code-server process: every XDG base folder under `xdg/` beside the user-data dir. */
export function codeServerEnv(userDataDir: string): NodeJS.ProcessEnv;
export function ensureCodeServer(options?: { log?: (line: string) => void }): { entry: string; cached: boolean };
export function freePort(): Promise<number>;
export function prepareUserDataDir(userDataDir: string, settings?: Record<string, unknown>): void;
export function installExtension(options: { vsix: string; userDataDir: string; extensionsDir: string; log?: (line: string) => void }): void;

export interface CodeServer {
  child: ChildProcess;
  /** Resolves once code-server listens; rejects on timeout or if it exits first. */
  ready: Promise<void>;
  /** Ends code-server's whole process group (SIGTERM, then SIGKILL after 5 s); so does process exit. */
  stop(): Promise<void>;
  /** The page that opens `folder` (an absolute path) as the workspace. */
  url(folder?: string): string;
  /** Everything code-server printed so far. */
  output(): string;
}

export function startCodeServer(options: {
  port: number;
  userDataDir: string;
  extensionsDir: string;
  workspace?: string;
  timeoutMs?: number;
  onOutput?: (text: string) => void;
}): CodeServer;
