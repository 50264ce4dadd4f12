import { Engine } from "../../engine";
import { hasHuggingFaceKeyLine } from "../../kinds/recognise";
import { importCroissant } from "./croissant";
import { importCwl } from "./cwl";
import { importDataPackage } from "./datapackage";
import { importDvc } from "./dvc";
import { importHuggingFaceCard } from "./hugging-face";
import { baseNameOf } from "./paths";
import type { ImportContext, ImportFormat, ImportResult, ImportSource } from "./types";
import { ImportError } from "./types";

/**
 * Which format of the field a file is in, from its name and a cheap look at its text; undefined for a
 * file `import` does not read. The converter then decides for sure (and says why it cannot).
 */
export function importFormatOf(path: string, text: string): ImportFormat | undefined {
  const name = baseNameOf(path).toLowerCase();
  if (name === "datapackage.json") return "datapackage";
  if (name === "dvc.yaml") return "dvc";
  if (name.endsWith(".cwl")) return "cwl";
  if ((name.endsWith(".json") || name.endsWith(".jsonld")) && /mlcommons\.org\/croissant/.test(text)) return "croissant";
  if (name === "readme.md" && text.startsWith("---") && hasHuggingFaceKeyLine(text)) return "hugging-face";
  return undefined;
}

/** The kind of document each format becomes. */
export const IMPORT_KIND: Readonly<Record<ImportFormat, "DatasetManifest" | "PipelineConfig" | "ModelCard">> = {
  croissant: "DatasetManifest",
  datapackage: "DatasetManifest",
  dvc: "PipelineConfig",
  cwl: "PipelineConfig",
  "hugging-face": "ModelCard",
};

/**
 * A Genesis document made from `source` (docs/formats-import.md). Throws ImportError when the file
 * is in no format `import` reads, or is not valid in the one its name promises. `engine` converts a
 * Hugging Face card (a new one is made when none is given).
 */
export async function importDocument(source: ImportSource, context: ImportContext, engine?: Engine): Promise<ImportResult> {
  const format = importFormatOf(source.path, source.text);
  switch (format) {
    case "croissant":
      return importCroissant(source, context);
    case "datapackage":
      return importDataPackage(source, context);
    case "dvc":
      return importDvc(source, context);
    case "cwl":
      return importCwl(source, context);
    case "hugging-face":
      return importHuggingFaceCard(source, engine ?? new Engine());
    case undefined:
      throw new ImportError(
        "import reads a Croissant JSON-LD file, a datapackage.json, a dvc.yaml, a CWL workflow (.cwl) " +
          "or a Hugging Face model card (README.md).",
      );
  }
}
