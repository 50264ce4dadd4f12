import type { BuildOptions, Plugin } from "esbuild";

export const noNodeBuiltins: Plugin;
export const NODE_ONLY_SOURCES: readonly RegExp[];
export const WEB_ENTRIES: readonly { entryPoints: string[]; outfile: string; format: string; external?: string[] }[];
/** Builds the browser bundles and returns each one's size in bytes, by output file. */
export function buildWeb(options?: { minify?: boolean; write?: boolean }): Promise<Record<string, number>>;
export function webBuildOptions(options?: { minify?: boolean; write?: boolean }): BuildOptions[];
