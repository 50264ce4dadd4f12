import type { Severity } from "../types";

/**
 * The rule catalog of §7, the single source of rule ids, when each runs, and default severities.
 * The README's rule table is checked against this list by a test.
 */

/** `type`: every change of the open text; `ws`: needs the workspace index; `io`: reads other files. */
export type RuleTiming = "type" | "ws" | "io";

export interface RuleInfo {
  readonly id: string;
  readonly when: RuleTiming;
  readonly severity: Severity;
  /** Raised to error by the `release` profile (the R of §7). */
  readonly raisedInRelease: boolean;
  readonly summary: string;
}

const rule = (id: string, when: RuleTiming, severity: Severity, raisedInRelease: boolean, summary: string): RuleInfo => ({
  id,
  when,
  severity,
  raisedInRelease,
  summary,
});

export const RULES: readonly RuleInfo[] = [
  rule("syntax/yaml", "type", "error", false, "YAML parse error, at its exact position"),
  rule("syntax/json", "type", "error", false, "JSON parse error, at its exact position"),
  rule("syntax/duplicate-key", "type", "error", false, "the same key twice in one mapping"),
  rule("schema/header", "type", "error", false, "missing or wrong `apiVersion`/`kind`"),
  rule("schema/required", "type", "error", false, "a required property is missing (reported on the parent key)"),
  rule("schema/type", "type", "error", false, "a value of the wrong type"),
  rule("schema/enum", "type", "error", false, "not an allowed value (the message lists them and names the nearest)"),
  rule("schema/format", "type", "error", false, "a value in the wrong format (date, email, ...)"),
  rule("schema/pattern", "type", "error", false, "a value that does not match the expected pattern"),
  rule("schema/range", "type", "error", false, "a number, length or count out of range"),
  rule("schema/unknown-property", "type", "warning", false, "a property the schema does not define (names the nearest known one)"),
  rule("version/semver", "type", "error", false, "`version` is not semver 2.0.0"),
  rule("license/spdx", "type", "error", false, "not a valid SPDX expression (or Hugging Face license id for model cards)"),
  rule("license/compatibility", "ws", "warning", false, "a permissively licensed model trained on `-NC` or `-ND` data"),
  rule("ref/unversioned", "type", "warning", true, "a reference without `@version`"),
  rule("ref/unresolved", "ws", "error", false, "`id@version` names no document of the expected kind"),
  rule("ref/version-mismatch", "ws", "error", false, "the id exists, at other versions"),
  rule("ref/duplicate-id", "ws", "error", false, "two documents of one kind share `id@version`"),
  rule("lineage/cycle", "ws", "error", false, "derivedFrom/generatedBy/inputs/outputs form a cycle"),
  rule("lineage/inconsistent", "ws", "warning", false, "a dataset's lineage and its pipeline's inputs/outputs disagree"),
  rule("pipeline/step-graph", "type", "error", false, "unknown `needs` or a cycle among steps"),
  rule("classification/out-of-scope", "type", "error", false, "a classified marking (out of scope)"),
  rule("classification/legacy", "type", "info", false, "`ouo`, a legacy alias of `cui`"),
  rule("classification/downgrade", "ws", "error", false, "an output classified lower than its inputs"),
  rule("classification/propagation", "ws", "error", false, "CUI categories, dissemination or export control of an input missing on an output"),
  rule("classification/environment", "type", "error", false, "the pipeline's classification is above `environment.maxClassification`"),
  rule("classification/egress", "type", "error", false, "a step with `network: egress` in a pipeline above `public`"),
  rule("container/unpinned", "type", "warning", true, "an image without an `@sha256:` digest"),
  rule("container/latest", "type", "warning", true, "image tag `latest` or no tag"),
  rule("container/registry", "type", "warning", false, "registry not in `site.registries`"),
  rule("scheduler/walltime", "type", "error", false, "a walltime not in a Slurm form"),
  rule("scheduler/partition", "type", "warning", false, "unknown partition, walltime above its maximum, or GPUs on a non-GPU partition"),
  rule("integrity/checksum-format", "type", "error", false, "`sha256` is not 64 lowercase hex (a 32-hex value is named as probably MD5)"),
  rule("integrity/checksum-missing", "type", "error", false, "a non-live distribution or an artifact without `sha256`"),
  rule("integrity/file-missing", "io", "error", false, "a local path that does not exist"),
  rule("integrity/checksum-mismatch", "io", "error", false, "the file's sha256 differs from the declared one"),
  rule("data/schema-drift", "io", "error", false, "a data file's columns or datasets differ from `recordSets[].fields`"),
  rule("model/signature-mismatch", "io", "error", false, "an ONNX graph's inputs/outputs differ from `artifacts[].signature`"),
  rule("repro/lockfile", "io", "warning", true, "the lockfile does not exist"),
  rule("repro/run", "type", "warning", false, "a training run without `runId`, `commit` (40 hex) or `seed`"),
  rule("modelcard/not-genesis", "type", "warning", false, "a Hugging Face card without the Genesis fields"),
  rule("modelcard/section-missing", "type", "warning", true, "a §5.2 section is missing (key sections warn, others info)"),
  rule("modelcard/section-placeholder", "type", "warning", true, "a section is empty or holds a placeholder"),
  rule("risk/rmf-id", "type", "error", false, "an unknown NIST AI RMF id"),
  rule("risk/generative", "type", "warning", true, "a generative model without `risk.generative`"),
  rule("governance/policy-missing", "io", "warning", false, "a policy, binder, diagram or CI workflow file does not exist"),
  rule("path/outside-workspace", "type", "error", false, "a path that leaves the workspace"),
  rule("suppress/no-reason", "type", "warning", false, "a `genesis-ignore` comment without a reason"),
  rule("internal/rule-error", "type", "error", false, "a rule failed on this document (a bug in the tool, reported instead of crashing)"),
];

const BY_ID = new Map(RULES.map((info) => [info.id, info]));

export function ruleInfo(id: string): RuleInfo | undefined {
  return BY_ID.get(id);
}

export function isKnownRule(id: string): boolean {
  return BY_ID.has(id);
}
