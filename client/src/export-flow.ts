import type { ExportParams, ExportResponse } from "../../server/src/protocol";

/**
 * The steps of `Genesis: Export As…` after the target and the documents are chosen, free of the
 * editor API so that a test drives them: ask the server; when a public format would disclose
 * documents above `public`, ask the user (a modal question) and ask the server again with the
 * answer; then save where the user says.
 */
export interface ExportUi {
  /** The modal question; true when the user chose to export anyway. */
  confirmClassified(message: string): Promise<boolean>;
  showError(message: string): void;
  /** Saves the text; false when the user cancelled the save dialog. */
  save(text: string, fileName: string): Promise<boolean>;
}

export type ExportOutcome = "saved" | "cancelled" | "refused";

export async function runExport(
  params: Omit<ExportParams, "allowClassified">,
  send: (params: ExportParams) => Promise<ExportResponse>,
  ui: ExportUi,
): Promise<ExportOutcome> {
  let response = await send({ ...params, allowClassified: false });
  if (response.kind === "classified") {
    if (!(await ui.confirmClassified(response.message))) return "cancelled";
    response = await send({ ...params, allowClassified: true });
  }
  if (response.kind !== "written") {
    ui.showError(response.kind === "refused" ? response.message : "The documents could not be exported.");
    return "refused";
  }
  return (await ui.save(response.text, response.fileName)) ? "saved" : "cancelled";
}
