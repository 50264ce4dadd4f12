import type { Severity } from "../types";

/**
 * The rule catalog of docs/rules.md, the single source of rule ids, when each runs, and default severities.
 * The README's rule table is checked against this list by a test.
 */

/** `type`: every change of the open text; `ws`: needs the workspace index; `io`: reads other files. */
export type RuleTiming = "type" | "ws" | "io";

export interface RuleInfo {
  readonly id: string;
  readonly when: RuleTiming;
  readonly severity: Severity;
  /** Raised to error by the `release` profile (docs/rules.md#profiles). */
  readonly raisedInRelease: boolean;
  readonly summary: string;
  /**
   * The readiness item (docs/checklist.md#how-an-item-is-decided) this rule belongs to: an unsuppressed error of the rule fails that
   * item, a warning makes it warn at best. Every rule belongs to exactly one item.
   */
  readonly item: ReadinessItemId;
}

/** The 21 readiness items of docs/checklist.md, by group. */
export const READINESS_ITEM_IDS = [
  "data.schemas",
  "data.metadata",
  "data.lineage",
  "data.versioned",
  "data.formats",
  "data.integrity",
  "model.cards",
  "model.evaluation",
  "model.reproducible",
  "model.pinned",
  "model.artifacts",
  "infra.containers",
  "infra.ci",
  "infra.isolation",
  "infra.hpc",
  "gov.classification",
  "gov.access",
  "gov.audit",
  "gov.diagrams",
  "gov.binder",
  "gov.rmf",
] as const;

export type ReadinessItemId = (typeof READINESS_ITEM_IDS)[number];

const rule = (
  id: string,
  when: RuleTiming,
  severity: Severity,
  raisedInRelease: boolean,
  summary: string,
  item: ReadinessItemId,
): RuleInfo => ({
  id,
  when,
  severity,
  raisedInRelease,
  summary,
  item,
});

export const RULES: readonly RuleInfo[] = [
  rule("syntax/yaml", "type", "error", false, "YAML parse error, at its exact position", "data.metadata"),
  rule("syntax/json", "type", "error", false, "JSON parse error, at its exact position", "data.metadata"),
  rule("syntax/duplicate-key", "type", "error", false, "the same key twice in one mapping", "data.metadata"),
  rule("schema/header", "type", "error", false, "missing or wrong `apiVersion`/`kind`", "data.metadata"),
  rule("schema/required", "type", "error", false, "a required property is missing (reported on the parent key)", "data.metadata"),
  rule("schema/type", "type", "error", false, "a value of the wrong type", "data.metadata"),
  rule("schema/enum", "type", "error", false, "not an allowed value (the message lists them and names the nearest)", "data.metadata"),
  rule("schema/format", "type", "error", false, "a value in the wrong format (date, email, ...)", "data.metadata"),
  rule("schema/pattern", "type", "error", false, "a value that does not match the expected pattern", "data.metadata"),
  rule("schema/range", "type", "error", false, "a number, length or count out of range", "data.metadata"),
  rule(
    "schema/unknown-property",
    "type",
    "warning",
    false,
    "a property the schema does not define (names the nearest known one)",
    "data.metadata",
  ),
  rule("version/semver", "type", "error", false, "`version` is not semver 2.0.0", "data.versioned"),
  rule("license/spdx", "type", "error", false, "not a valid SPDX expression (or Hugging Face license id for model cards)", "data.metadata"),
  rule("license/compatibility", "ws", "warning", false, "a permissively licensed model trained on `-NC` or `-ND` data", "model.cards"),
  rule("ref/unversioned", "type", "warning", true, "a reference without `@version`", "data.versioned"),
  rule("ref/unresolved", "ws", "error", false, "`id@version` names no document of the expected kind", "data.lineage"),
  rule("ref/version-mismatch", "ws", "error", false, "the id exists, at other versions", "data.lineage"),
  rule("ref/duplicate-id", "ws", "error", false, "two documents of one kind share `id@version`", "data.versioned"),
  rule("lineage/cycle", "ws", "error", false, "derivedFrom/generatedBy/inputs/outputs form a cycle", "data.lineage"),
  rule(
    "lineage/inconsistent",
    "ws",
    "warning",
    false,
    "a dataset's or a model's lineage and its pipeline's inputs/outputs disagree",
    "data.lineage",
  ),
  rule("pipeline/step-graph", "type", "error", false, "unknown `needs` or a cycle among steps", "infra.hpc"),
  rule("classification/out-of-scope", "type", "error", false, "a classified marking (out of scope)", "gov.classification"),
  rule("classification/legacy", "type", "info", false, "`ouo`, a legacy alias of `cui`", "gov.classification"),
  rule("classification/downgrade", "ws", "error", false, "an output classified lower than its inputs", "gov.classification"),
  rule(
    "classification/propagation",
    "ws",
    "error",
    false,
    "CUI categories, dissemination or export control of an input missing on an output",
    "gov.classification",
  ),
  rule(
    "classification/environment",
    "type",
    "error",
    false,
    "the pipeline's classification is above `environment.maxClassification`",
    "infra.isolation",
  ),
  rule("classification/egress", "type", "error", false, "a step with `network: egress` in a pipeline above `public`", "infra.isolation"),
  rule("container/unpinned", "type", "warning", true, "an image without an `@sha256:` digest", "infra.containers"),
  rule("container/latest", "type", "warning", true, "image tag `latest` or no tag", "infra.containers"),
  rule("container/registry", "type", "warning", false, "registry not in `site.registries`", "infra.containers"),
  rule("scheduler/walltime", "type", "error", false, "a walltime not in its scheduler's form", "infra.hpc"),
  rule(
    "scheduler/partition",
    "type",
    "warning",
    false,
    "unknown partition, walltime above its maximum, or GPUs on a non-GPU partition",
    "infra.hpc",
  ),
  rule(
    "integrity/checksum-format",
    "type",
    "error",
    false,
    "`sha256` is not 64 lowercase hex (a 32-hex value is named as probably MD5)",
    "data.integrity",
  ),
  rule("integrity/checksum-missing", "type", "error", false, "a non-live distribution or an artifact without `sha256`", "data.integrity"),
  rule("integrity/file-missing", "io", "error", false, "a local path that does not exist", "data.integrity"),
  rule("integrity/checksum-mismatch", "io", "error", false, "the file's sha256 differs from the declared one", "data.integrity"),
  rule("data/schema-drift", "io", "error", false, "a data file's columns or datasets differ from `recordSets[].fields`", "data.schemas"),
  rule("dataset/recordset-source", "type", "error", false, "`recordSets[].source` names no distribution of the manifest", "data.schemas"),
  rule(
    "model/signature-mismatch",
    "io",
    "error",
    false,
    "an ONNX graph's inputs/outputs differ from `artifacts[].signature`",
    "model.artifacts",
  ),
  rule("repro/lockfile", "io", "warning", true, "the lockfile does not exist", "model.pinned"),
  rule("repro/run", "type", "warning", false, "a training run without `runId`, `commit` (40 hex) or `seed`", "model.reproducible"),
  rule("modelcard/not-genesis", "type", "warning", false, "a Hugging Face card without the Genesis fields", "model.cards"),
  rule("modelcard/section-missing", "type", "warning", true, "a card section is missing (key sections warn, others info)", "model.cards"),
  rule(
    "modelcard/section-placeholder",
    "type",
    "warning",
    true,
    "a section is empty or holds a placeholder (key sections warn, others info)",
    "model.cards",
  ),
  rule("risk/rmf-id", "type", "error", false, "an unknown NIST AI RMF id", "gov.rmf"),
  rule("risk/generative", "type", "warning", true, "a generative model without `risk.generative`", "gov.rmf"),
  rule("risk/review-overdue", "type", "warning", false, "`risk.reviewDate` is in the past", "gov.rmf"),
  rule(
    "governance/policy-missing",
    "io",
    "warning",
    false,
    "a policy, binder, diagram, CI workflow or local audit log file does not exist",
    "gov.access",
  ),
  rule("path/outside-workspace", "type", "error", false, "a path that leaves the workspace", "data.integrity"),
  rule("suppress/no-reason", "type", "warning", false, "a `genesis-ignore` comment without a reason", "gov.rmf"),
  rule(
    "suppress/expired",
    "type",
    "warning",
    true,
    "a `genesis-ignore` whose `until` date has passed (it no longer suppresses)",
    "gov.rmf",
  ),
  rule(
    "placeholder/value",
    "type",
    "warning",
    true,
    "a value left from a template: what templates and fixes insert, a repeated-digit or empty-file digest, `TODO`/`TBD`/`FIXME`, `<...>`",
    "data.metadata",
  ),
  rule(
    "internal/rule-error",
    "type",
    "error",
    false,
    "a rule failed on this document (a bug in the tool, reported instead of crashing)",
    "data.metadata",
  ),
];

const BY_ID = new Map(RULES.map((info) => [info.id, info]));

export function ruleInfo(id: string): RuleInfo | undefined {
  return BY_ID.get(id);
}

export function isKnownRule(id: string): boolean {
  return BY_ID.has(id);
}

/** The rule ids of each readiness item, in catalog order. */
export function rulesOfItem(item: string): readonly string[] {
  return RULES.filter((info) => info.item === item).map((info) => info.id);
}
