import { promises as fs } from "node:fs";
import * as path from "node:path";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { createGenesisMcpServer } from "./genesis-mcp-server";
import { McpWorkspace } from "./workspace-session";

/**
 * `genesis-readiness mcp [--root DIR]`: serves the Model Context Protocol on stdin/stdout until
 * the client closes it. This is the entry of its own bundle (dist/mcp.js), loaded only for this
 * command, so that `check` and `report` do not load the protocol's code.
 */
export async function mcpCommand(options: { readonly cwd: string; readonly root?: string; readonly version: string }): Promise<number> {
  let root: string;
  try {
    root = await fs.realpath(path.resolve(options.cwd, options.root ?? "."));
    if (!(await fs.stat(root)).isDirectory()) throw new Error("not a folder");
  } catch (error) {
    process.stderr.write(
      `genesis-readiness mcp: ${options.root ?? options.cwd}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 2;
  }
  const server = createGenesisMcpServer(new McpWorkspace(root), options.version);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = resolve;
    process.stdin.once("end", resolve);
  });
  await server.connect(transport);
  await closed;
  await server.close();
  return 0;
}
