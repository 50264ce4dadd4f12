import { DEFAULT_CONFIG } from "../../config";
import type { Engine } from "../../engine";
import { applyEdits } from "../../fixes/apply";
import { fixesFor } from "../../fixes/fix-providers";
import { baseNameOf, folderOf } from "./paths";
import { ImportError, type ImportResult, type ImportSource } from "./types";
import { slugOf } from "./values";

/** The title of the quick fix the import applies; the fix is the one `modelcard/not-genesis` offers in the editor. */
const CONVERT = "Convert to a Genesis card";

/**
 * A Hugging Face model card (README.md) → a Genesis model card, by the very conversion the editor's
 * "Convert to a Genesis card" fix makes (fixes/not-genesis.ts): the Hub's keys stay as they are, the
 * missing Genesis fields get typed placeholders, and the sections are renamed or added. The new
 * card is written beside the README, which stays unchanged.
 */
export function importHuggingFaceCard(source: ImportSource, engine: Engine): ImportResult {
  const analysis = engine.analyze({ path: source.path, text: source.text }, DEFAULT_CONFIG);
  if (!analysis.document)
    throw new ImportError(
      "the file is not a Hugging Face model card: a README.md whose front matter has " +
        "model-index, library_name, pipeline_tag or base_model.",
    );
  const notGenesis = analysis.diagnostics.find((diagnostic) => diagnostic.rule === "modelcard/not-genesis");
  if (!notGenesis) throw new ImportError("the card is already a Genesis model card; there is nothing to import.");
  const convert = fixesFor(analysis.document, notGenesis, { config: DEFAULT_CONFIG }).find((fix) => fix.title === CONVERT);
  if (!convert) throw new ImportError("the card cannot be converted as it stands; open it in the editor to see why.");
  const folder = baseNameOf(folderOf(source.path));
  return {
    format: "hugging-face",
    kind: "ModelCard",
    text: applyEdits(source.text, convert.edits),
    fileName: `${(folder && slugOf(folder)) || "model"}.modelcard.md`,
    notes: [],
  };
}
