import * as vscode from "vscode";

/** The browser's Blob URLs (this project compiles without lib "dom"; @types/node's Blob is the same shape). */
declare const URL: { createObjectURL(blob: Blob): string };

/**
 * The URL a Web Worker starts the language server from. VS Code's Web Worker extension host starts
 * a nested worker from an http(s) URL, which is where vscode.dev and github.dev serve an extension
 * from, but refuses a `vscode-remote:` one ("Creating workers from remote extensions is currently
 * not supported"): that is the location of an extension installed on a remote opened in the
 * browser (code-server, a codespace or a tunnel in the browser). Such a script is read through
 * `workspace.fs`, which reaches the remote's files, and started from a `blob:` URL, which the host
 * accepts. The URL is made once and kept for restarts.
 */
export function serverScriptUrl(scriptUri: vscode.Uri): Promise<string> {
  if (scriptUri.scheme !== "vscode-remote") return Promise.resolve(scriptUri.toString(true));
  const url = (made ??= blobUrlOf(scriptUri));
  url.catch(() => {
    if (made === url) made = undefined; // not kept: a later start reads the script again
  });
  return url;
}

let made: Promise<string> | undefined;

async function blobUrlOf(scriptUri: vscode.Uri): Promise<string> {
  const bytes = await vscode.workspace.fs.readFile(scriptUri);
  return URL.createObjectURL(new Blob([bytes], { type: "text/javascript" }));
}
