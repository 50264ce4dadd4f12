/**
 * The literal values the quick fixes write where a value is missing (fixes/placeholders.ts). They are
 * here, apart from the code that chooses them, so that `placeholder/value` can recognise them without
 * importing the fixes.
 */

/** Free text still to be written. */
export const TODO = "TODO";

/** Placeholders for strings of a known format: valid in form, plainly an example. */
export const BY_FORMAT: Readonly<Record<string, string>> = {
  email: "name@example.org",
  "genesis-date": "2026-01-15",
  date: "2026-01-15",
  "date-time": "2026-01-15T00:00:00Z",
  uri: "https://example.org",
};

/** Placeholders for properties whose form a rule (not the schema) checks. */
export const BY_NAME: Readonly<Record<string, string>> = { version: "1.0.0", walltime: "01:00:00", memory: "16Gi" };

export const KIND_SLUG = { DatasetManifest: "dataset", ModelCard: "model", PipelineConfig: "pipeline" } as const;

/** The reference a fix writes at a position that names a document: `dataset-id@1.0.0`. */
export function referencePlaceholder(slug: string): string {
  return `${slug}-id@1.0.0`;
}

/** The id a fix writes for a document whose file name gives none: `my-dataset`. */
export function documentIdPlaceholder(slug: string): string {
  return `my-${slug}`;
}
