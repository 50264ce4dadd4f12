import type { RecognisedBy, SourceSyntax } from "../document";
import type { DocumentKind } from "../types";

/** Front matter keys that only Hugging Face model cards carry (docs/formats/README.md#recognition). */
export const HUGGING_FACE_CARD_KEYS = ["model-index", "library_name", "pipeline_tag", "base_model"] as const;

/** The name of the configuration file at a workspace folder's root (docs/rules.md#waivers). */
export const CONFIG_FILE_NAME = "genesis.config.yaml";

/**
 * The file names that make a document a Genesis document whatever it holds (docs/formats/README.md#recognition), per kind: a
 * pattern `*.x` is any base name that ends in `.x`, any other is the base name itself (case
 * matters). This table is the only statement of them: the server recognises by it, the client
 * derives its glob and its cheap test from it, and a unit test holds package.json's
 * `workspaceContains` activation events to it.
 */
export const NAME_PATTERNS: readonly { readonly kind: DocumentKind; readonly names: readonly string[] }[] = [
  { kind: "DatasetManifest", names: ["*.dataset.yaml", "*.dataset.yml", "*.dataset.json", "dataset.genesis.yaml"] },
  { kind: "ModelCard", names: ["*.modelcard.md", "MODEL_CARD.md", "model_card.md", "*.model.yaml", "*.model.yml", "*.model.json"] },
  { kind: "PipelineConfig", names: ["*.pipeline.yaml", "*.pipeline.yml", "*.pipeline.json"] },
];

/** The same table by kind, as the docs generator reads it. */
export const FILE_NAME_PATTERNS: Readonly<Record<DocumentKind, readonly string[]>> = Object.fromEntries(
  NAME_PATTERNS.map((pattern) => [pattern.kind, pattern.names]),
) as Record<DocumentKind, readonly string[]>;

/** The syntaxes a Genesis document (or the configuration file) is written in, which are also VS Code's language ids for them. */
export const SOURCE_SYNTAXES: readonly SourceSyntax[] = ["yaml", "json", "markdown"];

function matchesName(pattern: string, name: string): boolean {
  return pattern.startsWith("*") ? name.endsWith(pattern.slice(1)) : name === pattern;
}

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
  return NAME_PATTERNS.find((pattern) => pattern.names.some((candidate) => matchesName(candidate, name)))?.kind;
}

/** Whether a file is a Genesis file by its name alone: a document by its name pattern, or the configuration file. */
export function isGenesisFileName(path: string): boolean {
  return kindFromName(path) !== undefined || baseName(path) === CONFIG_FILE_NAME;
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

export function hasHuggingFaceKeyLine(text: string): boolean {
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

/**
 * Recognition of a model card whose front matter does not parse (docs/formats/README.md#recognition):
 * a scan of the text's top-level keys (lines that start with a key at column 0) for `kind: ModelCard`
 * or, in a README.md, a Hugging Face card key. The card is then checked and gets its syntax error
 * instead of being silently skipped.
 */
export function modelCardFromKeyLines(frontMatter: string, isReadme: boolean): Recognition | undefined {
  if (/^["']?kind["']?[ \t]*:[ \t]*["']?ModelCard["']?[ \t]*(?:#.*)?\r?$/m.test(frontMatter)) return { kind: "ModelCard", by: "content" };
  const topLevelKeys = new Set([...frontMatter.matchAll(/^["']?([A-Za-z_][\w.-]*)["']?[ \t]*:(?:[ \t]|\r?$)/gm)].map((match) => match[1]));
  if (isReadme && HUGGING_FACE_CARD_KEYS.some((key) => topLevelKeys.has(key))) return { kind: "ModelCard", by: "hugging-face" };
  return undefined;
}
