import type { RecognisedBy, SourceSyntax } from "../document";
import type { DocumentKind } from "../types";

/** Front matter keys that only Hugging Face model cards carry (docs/formats/README.md#recognition). */
export const HUGGING_FACE_CARD_KEYS = ["model-index", "library_name", "pipeline_tag", "base_model"] as const;

export const CONFIG_FILE_NAME = "genesis.config.yaml";

/**
 * The file names that make a file a Genesis document of a kind by its name alone, as data (the docs
 * are generated from it). A leading `*` stands for any text; any other name must match exactly,
 * case included.
 */
export const FILE_NAME_PATTERNS: Readonly<Record<DocumentKind, readonly string[]>> = {
  DatasetManifest: ["*.dataset.yaml", "*.dataset.yml", "*.dataset.json", "dataset.genesis.yaml"],
  ModelCard: ["*.modelcard.md", "MODEL_CARD.md", "model_card.md", "*.model.yaml", "*.model.yml", "*.model.json"],
  PipelineConfig: ["*.pipeline.yaml", "*.pipeline.yml", "*.pipeline.json"],
};

function matchesPattern(name: string, pattern: string): boolean {
  return pattern.startsWith("*") ? name.endsWith(pattern.slice(1)) : name === pattern;
}

const NAME_PATTERNS = Object.entries(FILE_NAME_PATTERNS) as [DocumentKind, readonly string[]][];

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

export function syntaxOf(path: string): SourceSyntax | undefined {
  const name = baseName(path).toLowerCase();
  if (name.endsWith(".yaml") || name.endsWith(".yml")) return "yaml";
  if (name.endsWith(".json")) return "json";
  if (name.endsWith(".md") || name.endsWith(".markdown")) return "markdown";
  return undefined;
}

/** The kind a file name promises, if any. */
export function kindFromName(path: string): DocumentKind | undefined {
  const name = baseName(path);
  return NAME_PATTERNS.find(([, patterns]) => patterns.some((pattern) => matchesPattern(name, pattern)))?.[0];
}

/**
 * A cheap textual test, run before parsing, that rules out most files that cannot be Genesis
 * documents by content (a Kubernetes manifest, a CWL workflow...). False positives are fine: the
 * parsed value decides.
 */
export function mayDeclareKind(text: string, syntax: SourceSyntax, path: string): boolean {
  if (syntax === "json") return /"kind"\s*:\s*"(DatasetManifest|ModelCard|PipelineConfig)"/.test(text);
  if (/^\s*["']?kind["']?\s*:\s*["']?(DatasetManifest|ModelCard|PipelineConfig)\b/m.test(text)) return true;
  return syntax === "markdown" && baseName(path).toLowerCase() === "readme.md" && hasHuggingFaceKeyLine(text);
}

function hasHuggingFaceKeyLine(text: string): boolean {
  return HUGGING_FACE_CARD_KEYS.some((key) => new RegExp(`^${key}\\s*:`, "m").test(text));
}

export interface Recognition {
  readonly kind: DocumentKind;
  readonly by: RecognisedBy;
}

/**
 * Decides the kind from the parsed top-level object, for files whose name did not.
 * `isReadme` enables the Hugging Face rule: a README.md whose front matter has Hugging Face card keys.
 */
export function kindFromContent(value: unknown, isReadme: boolean): Recognition | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const kind = record.kind;
  if (kind === "DatasetManifest" || kind === "ModelCard" || kind === "PipelineConfig") return { kind, by: "content" };
  if (isReadme && HUGGING_FACE_CARD_KEYS.some((key) => key in record)) return { kind: "ModelCard", by: "hugging-face" };
  return undefined;
}
