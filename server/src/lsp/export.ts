import type { Connection } from "vscode-languageserver";
import { version as SERVER_VERSION } from "../../../package.json";
import { exportDocuments, exportInputOf } from "../core/index";
import { EXPORT_REQUEST, type ExportParams, type ExportResponse } from "../protocol";
import type { WorkspaceFileAccess } from "./file-access";
import type { WorkspaceFolders } from "./paths";
import type { WorkspaceService } from "./workspace-service";

/**
 * `genesis/export` (protocol.ts): the documents of one folder, or one document, in a format of the
 * field, from what the server holds (the open editors' texts included). The classification guard
 * answers `classified` until the user has said yes.
 */
export function registerExport(connection: Connection, workspace: WorkspaceService, folders: WorkspaceFolders): void {
  connection.onRequest(EXPORT_REQUEST, (params: ExportParams) => exportFor(params, workspace, folders));
}

export function exportFor(params: ExportParams, workspace: WorkspaceService, folders: WorkspaceFolders): ExportResponse {
  const states = [...workspace.allStates()].filter((state) => state.root !== "");
  let state;
  let selection: ((documentPath: string) => boolean) | undefined;
  if (params.document) {
    const place = workspace.placeOf(params.document);
    state = place.state;
    selection = (documentPath) => documentPath === place.path;
  } else {
    const root = params.folder ? folderRootOf(params.folder, folders, workspace.files) : undefined;
    state = states.find((candidate) => candidate.root === root) ?? states.sort((a, b) => (a.root < b.root ? -1 : 1))[0];
  }
  if (!state) return { kind: "refused", message: "No workspace folder with Genesis documents is open." };
  const input = exportInputOf(
    state.host,
    {
      tool: { name: "genesis-readiness", version: SERVER_VERSION },
      now: () => new Date(),
      title: state.root.split(/[\\/]/).filter(Boolean).pop() ?? "workspace",
    },
    selection,
  );
  if (input.documents.length === 0) return { kind: "refused", message: "There is no Genesis document to export here." };
  const result = exportDocuments(params.target, input, { allowClassified: params.allowClassified });
  if (result.ok) return { kind: "written", text: result.output.text, fileName: result.output.fileName };
  if (result.problem === "classified") return { kind: "classified", documents: result.documents, message: result.message };
  return { kind: "refused", message: result.message };
}

/** The root of a workspace folder given by its URI, through the same file access as the documents (disk or workspace.fs). */
function folderRootOf(uri: string, folders: WorkspaceFolders, files: WorkspaceFileAccess): string {
  const itself = files.rootOf(uri);
  return folders.all.find((root) => root === itself) ?? folders.place(uri).root;
}
