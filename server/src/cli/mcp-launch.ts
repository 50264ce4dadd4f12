import { existsSync } from "node:fs";
import * as path from "node:path";

type McpCommand = typeof import("../mcp/mcp-command").mcpCommand;

/**
 * Runs `genesis-readiness mcp` from its own bundle, dist/mcp.js beside this one: the protocol's
 * code (about a megabyte) is loaded only by this command. Run from the sources (tests under tsx),
 * the module itself is loaded.
 */
export function runMcpBundle(options: Parameters<McpCommand>[0]): Promise<number> {
  const bundle = path.join(__dirname, "mcp.js");
  // Computed paths: the bundler leaves these requires to run time.
  const file = existsSync(bundle) ? bundle : path.join(__dirname, "..", "mcp", "mcp-command");
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a computed path that esbuild must not bundle (see above)
  const { mcpCommand } = require(file) as { mcpCommand: McpCommand };
  return mcpCommand(options);
}
