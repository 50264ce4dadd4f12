import * as vscode from "vscode";
import type { BaseLanguageClient } from "vscode-languageclient";
import { decodeText } from "../../server/src/node/text-decoding";
import {
  LIST_FILES_REQUEST,
  READ_FILE_HEAD_BYTES,
  READ_FILE_REQUEST,
  type ListFilesParams,
  type ListFilesResult,
  type ReadFileParams,
  type ReadFileResult,
} from "../../server/src/protocol";

/** What the Node server never walks into, nor does this listing. */
const SKIPPED = "**/{node_modules,.git}/**";

/**
 * Answers the browser server's file requests (protocol.ts) through VS Code's `workspace.fs`, which
 * on github.dev is the repository's virtual file system. Only files inside a workspace folder are
 * listed or read.
 */
export function answerFileRequests(client: BaseLanguageClient): vscode.Disposable[] {
  return [client.onRequest(LIST_FILES_REQUEST, listFiles), client.onRequest(READ_FILE_REQUEST, readFile)];
}

async function listFiles(params: ListFilesParams): Promise<ListFilesResult> {
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(params.folder));
  if (!folder) return { uris: [] };
  // An exclude given replaces files.exclude: the server applies that setting itself where it should.
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, "**/*"), SKIPPED);
  return { uris: found.map((uri) => uri.toString()) };
}

async function readFile(params: ReadFileParams): Promise<ReadFileResult> {
  const uri = vscode.Uri.parse(params.uri);
  if (!vscode.workspace.getWorkspaceFolder(uri)) return { kind: "missing" };
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (!(stat.type & vscode.FileType.File)) return { kind: "missing" };
    if (stat.size > params.maxBytes) {
      // workspace.fs reads whole files only; a file this large is a data file the server only recognises by its head.
      const bytes = await vscode.workspace.fs.readFile(uri);
      return { kind: "too-large", bytes: stat.size, head: decodeText(bytes.subarray(0, READ_FILE_HEAD_BYTES)) };
    }
    return { kind: "text", text: decodeText(await vscode.workspace.fs.readFile(uri)) };
  } catch {
    return { kind: "missing" };
  }
}
