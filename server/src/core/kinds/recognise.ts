import type { RecognisedBy, SourceSyntax } from "../document";
import type { DocumentKind } from "../types";

/** Front matter keys that only Hugging Face model cards carry (§1). */
export const HUGGING_FACE_CARD_KEYS = ["model-index", "library_name", "pipeline_tag", "base_model"] as const;

export const CONFIG_FILE_NAME = "genesis.config.yaml";

interface NamePattern {
  readonly kind: DocumentKind;
  readonly test: (name: string) => boolean;
}

const NAME_PATTERNS: readonly NamePattern[] = [
  { kind: "DatasetManifest", test: (n) => /\.dataset\.(ya?ml|json)$/.test(n) || n === "dataset.genesis.yaml" },
  { kind: "ModelCard", test: (n) => /\.modelcard\.md$/.test(n) || n === "MODEL_CARD.md" || n === "model_card.md" || /\.model\.(ya?ml|json)$/.test(n) },
  { kind: "PipelineConfig", test: (n) => /\.pipeline\.(ya?ml|json)$/.test(n) },
];

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
  return NAME_PATTERNS.find((pattern) => pattern.test(name))?.kind;
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
