import { DEFAULT_STANDARD_FORMATS, type DataFormat } from "../data-formats";
import { isRecord, joinPointer } from "../pointer";
import { rulesOfItem } from "../rules/catalog";
import type { ReferenceSite } from "../workspace/facts";
import { commandFix, type ReadinessContext } from "./context";
import type { ReadinessDoc } from "./readiness-doc";
import { judge, notApplicable, showValue, Subject, Tally, tallyInSteps, type ReadinessCheck } from "./judge";
import type { ReadinessFix } from "./model";
import { pacer, type Steps } from "./steps";

/** The Data group of docs/checklist.md: schemas, metadata, lineage, versions, formats, integrity. */

const NEW_MANIFEST: ReadinessFix = commandFix("New Dataset Manifest", "genesis.newDatasetManifest", {
  title: "Write a dataset manifest",
  commandLine: "genesis-readiness init dataset ID",
});
const NO_MANIFEST = "No dataset manifest in the workspace.";
/** The language server's command (LSP workspace/executeCommand) that reads every file documents name. */
const VERIFY_FILES: ReadinessFix = commandFix("Verify Files", "genesis.verifyFiles", {
  title: "Verify the files the manifests name (a check reads them unless --no-io is given)",
  commandLine: "genesis-readiness check",
});

/** Formats docs/formats/dataset-manifest.md calls tabular: they need a record set. */
const TABULAR = new Set(["csv", "parquet", "hdf5", "jsonl"]);
/** How data.formats names each format in its messages. */
const FORMAT_NAMES: Readonly<Record<DataFormat, string>> = {
  json: "JSON",
  jsonl: "JSON Lines",
  csv: "CSV",
  parquet: "Parquet",
  hdf5: "HDF5",
  netcdf: "netCDF",
  zarr: "Zarr",
  tiff: "TIFF",
  other: "other",
};

const schemas: ReadinessCheck = {
  id: "data.schemas",
  title: "Typed schemas for tabular data",
  criterion: "every tabular distribution of every manifest is covered by a record set with typed fields",
  *evaluate(ctx) {
    const manifests = ctx.ofKind("DatasetManifest");
    if (!manifests.length) return notApplicable(NO_MANIFEST, NEW_MANIFEST);
    const subjects = new Tally();
    const pause = pacer();
    for (const doc of manifests) {
      if (pause()) yield;
      const recordSets = Array.isArray(doc.value.recordSets) ? doc.value.recordSets : [];
      const distributions = doc.select("/distribution/*");
      for (let n = 0; n < distributions.length; n++) {
        const { pointer, value } = distributions[n];
        if (!isRecord(value) || typeof value.format !== "string" || !TABULAR.has(value.format)) continue;
        const id = typeof value.id === "string" ? value.id : undefined;
        const subject = new Subject(`${doc.label} ${id ?? pointer}`);
        subjects.add(subject);
        const covering = recordSets
          .map((set, i) => ({ set, i }))
          .filter(({ set }) => isRecord(set) && id !== undefined && set.source === id);
        if (id === undefined) {
          subject.add(
            doc.evidence(pointer, `This ${value.format} distribution has no id, so no record set can name it as its source.`, "fail"),
          );
        } else if (!covering.length) {
          subject.add(
            doc.evidence(
              pointer,
              `Distribution "${id}" is tabular (${value.format}) but no record set has "source: ${id}"; add one with typed fields.`,
              "fail",
            ),
          );
        } else {
          // Typed: every field names itself and its type, and the rules found nothing wrong below.
          const fieldsAt = (i: number) => joinPointer(joinPointer("/recordSets", i), "fields");
          const typed = covering.find(
            ({ set, i }) => untypedField((set as Record<string, unknown>).fields) === undefined && !doc.errorsAtOrBelow(fieldsAt(i)).length,
          );
          if (typed) {
            const fields = (typed.set as Record<string, unknown>).fields as unknown[];
            subject.add(
              doc.evidence(
                joinPointer("/recordSets", typed.i),
                `Record set ${setName(typed.set, typed.i)} describes "${id}" ` +
                  `with ${fields.length} typed field${fields.length === 1 ? "" : "s"}.`,
                "pass",
                "key",
              ),
            );
          } else {
            const { set, i } = covering[0];
            const problem = untypedField((set as Record<string, unknown>).fields);
            if (problem) subject.add(doc.evidence(fieldsAt(i), `Record set ${setName(set, i)} of "${id}" ${problem}.`, "fail", "key"));
            else subject.addErrorsAt(doc, fieldsAt(i));
          }
        }
        const places = [pointer, ...covering.map(({ i }) => joinPointer("/recordSets", i))];
        doc.diagnosticsOf(["data/schema-drift"], places).forEach((d) => subject.addDiagnostic(doc, d));
      }
    }
    if (!subjects.length) return notApplicable("No manifest has a tabular distribution (csv, parquet, hdf5, jsonl).");
    return judge(subjects, {
      noun: ["tabular distribution", "tabular distributions"],
      pass: ["is covered by a record set with typed fields", "are covered by record sets with typed fields"],
      warn: ["has a warning about its schema", "have warnings about their schemas"],
      fail: ["lacks a typed record set or differs from its file", "lack typed record sets or differ from their files"],
    });
  },
};

function setName(set: unknown, i: number): string {
  return isRecord(set) && typeof set.id === "string" ? `"${set.id}"` : `recordSets[${i}]`;
}

/**
 * Why a record set's fields are not typed (phrased after its name), or undefined when every field
 * has a name and a type. Whether the type is one of the schema's is the schema's finding.
 */
function untypedField(fields: unknown): string | undefined {
  if (!Array.isArray(fields) || fields.length === 0) return "has no fields";
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    if (!isRecord(field) || typeof field.name !== "string" || field.name === "") return `has a field without a name (fields[${i}])`;
    if (field.type === undefined) return `has a field without a type ("${field.name}")`;
  }
  return undefined;
}

const metadata: ReadinessCheck = {
  id: "data.metadata",
  title: "Dataset metadata",
  criterion: "every manifest has no error and has description, creators, license, keywords",
  *evaluate(ctx) {
    const manifests = ctx.ofKind("DatasetManifest");
    if (!manifests.length) return notApplicable(NO_MANIFEST, NEW_MANIFEST);
    const subjects = yield* tallyInSteps(manifests, (doc) => {
      const subject = new Subject(doc.label);
      subject.addDiagnostics(doc, doc.errors());
      const v = doc.value;
      // Presence only: a value of the wrong form is an error of the document, cited above.
      if (v.description === undefined) {
        ctx.missing(subject, doc, "", "description", "The manifest has no description (its abstract, at least 40 characters).");
      }
      if (v.license === undefined) {
        ctx.missing(subject, doc, "", "license", "The manifest has no license (an SPDX expression such as CC-BY-4.0).");
      }
      if (v.creators === undefined) ctx.missing(subject, doc, "", "creators", "The manifest names no creators (at least one person).");
      if (v.keywords === undefined || (Array.isArray(v.keywords) && v.keywords.length === 0)) {
        subject.add(
          doc.evidence(
            v.keywords === undefined ? "" : "/keywords",
            "The manifest has no keywords (recommended, for search in the catalog).",
            "warn",
            "key",
          ),
        );
      }
      if (!subject.hasProblem)
        subject.add(
          doc.evidence("", "Description, creators, license and keywords are present, and the manifest has no error.", "pass", "key"),
        );
      return subject;
    });
    return judge(subjects, {
      noun: ["manifest", "manifests"],
      pass: ["has its metadata and no error", "have their metadata and no error"],
      warn: ["lacks keywords", "lack keywords"],
      fail: ["has errors or lacks required metadata", "have errors or lack required metadata"],
    });
  },
};

const LINEAGE_RULES = ["lineage/cycle", "lineage/inconsistent"];
const VERSION_RULES = rulesOfItem("data.versioned");
const REFERENCE_RULES = ["ref/unresolved", "ref/version-mismatch", "ref/unversioned"];

const NO_DOCS: readonly ReadinessDoc[] = [];

const lineage: ReadinessCheck = {
  id: "data.lineage",
  title: "Dataset lineage",
  criterion: "every derived dataset declares lineage that resolves, with no lineage diagnostics",
  *evaluate(ctx) {
    const manifests = ctx.ofKind("DatasetManifest");
    if (!manifests.length) return notApplicable(NO_MANIFEST, NEW_MANIFEST);
    const subjects = new Tally();
    const produced = yield* producers(ctx);
    const pause = pacer();
    for (const doc of manifests) {
      if (pause()) yield;
      const pipelines = produced.get(doc.path) ?? NO_DOCS;
      if (doc.value.lineage === undefined && !pipelines.length) continue; // a raw dataset
      const subject = new Subject(doc.label);
      subjects.add(subject);
      const declared = isRecord(doc.value.lineage) ? doc.value.lineage : undefined;
      const derivedFrom = Array.isArray(declared?.derivedFrom) ? declared.derivedFrom : [];
      if (!declared || (derivedFrom.length === 0 && declared.generatedBy === undefined)) {
        const by = pipelines.length ? `${pipelines[0].label} lists it among its outputs, but it` : "It";
        subject.add(
          doc.evidence(
            declared ? "/lineage" : "",
            `${by} declares no lineage: add lineage.derivedFrom and lineage.generatedBy.`,
            "fail",
            "key",
          ),
        );
      }
      const references = doc.facts.references;
      for (let i = 0; i < references.length; i++) {
        const site = references[i];
        if (site.role !== "derivedFrom" && site.role !== "generatedBy") continue;
        checkResolves(ctx, subject, doc, site);
      }
      // What the dataset was made from includes its pipelines' inputs: one that names nothing breaks the lineage.
      for (const pipeline of generatorsOf(ctx, doc, pipelines)) {
        const sites = pipeline.facts.references;
        for (let i = 0; i < sites.length; i++) if (sites[i].role === "input") checkNamesDocument(ctx, subject, pipeline, sites[i]);
      }
      subject.addDiagnostics(doc, doc.diagnosticsOf(LINEAGE_RULES));
      if (!subject.hasProblem) subject.add(doc.evidence("/lineage", lineageSummary(doc), "pass", "key"));
    }
    // Only derived datasets are counted. The lineage findings on pipelines and models (a cycle
    // through them) still lower the item, as findings of its rules (rule-findings.ts), never as a
    // "derived dataset" of their own.
    if (!subjects.length) return notApplicable("No dataset is derived: none declares lineage and no pipeline lists one among its outputs.");
    return judge(subjects, {
      noun: ["derived dataset", "derived datasets"],
      pass: ["declares lineage that resolves", "declare lineage that resolves"],
      warn: ["has unpinned or inconsistent lineage", "have unpinned or inconsistent lineage"],
      fail: ["has lineage that does not resolve", "have lineage that does not resolve"],
    });
  },
};

/** Dataset path -> the pipelines whose `outputs` name it (exactly, or by a bare id). */
function* producers(ctx: ReadinessContext): Steps<Map<string, ReadinessDoc[]>> {
  const byOutput = new Map<string, ReadinessDoc[]>();
  const pause = pacer();
  for (const pipeline of ctx.ofKind("PipelineConfig")) {
    if (pause()) yield;
    const references = pipeline.facts.references;
    for (let i = 0; i < references.length; i++) {
      const site = references[i];
      if (site.role !== "output") continue;
      const resolution = ctx.index.resolve(site);
      const targets =
        resolution.status === "resolved" ? [resolution.target] : resolution.status === "unversioned" ? resolution.candidates : [];
      for (const target of targets) {
        const list = byOutput.get(target.path) ?? [];
        if (!list.includes(pipeline)) list.push(pipeline);
        byOutput.set(target.path, list);
      }
    }
  }
  return byOutput;
}

/** The pipelines that made a dataset: those that list it among their outputs, and its `generatedBy` when that resolves. */
function generatorsOf(ctx: ReadinessContext, doc: ReadinessDoc, producing: readonly ReadinessDoc[]): readonly ReadinessDoc[] {
  const site = doc.facts.references.find((s) => s.role === "generatedBy");
  const resolution = site && ctx.index.resolve(site);
  const declared = resolution?.status === "resolved" ? ctx.byPath.get(resolution.target.path) : undefined;
  return declared && !producing.includes(declared) ? [...producing, declared] : producing;
}

/**
 * A reference must name one document at one version: the ref rules' diagnostics when present. Fail
 * closed: one that names no document, or none at its version, never passes, even with its rule off.
 */
export function checkResolves(ctx: ReadinessContext, subject: Subject, doc: ReadinessDoc, site: ReferenceSite): boolean {
  const resolution = ctx.index.resolve(site);
  if (resolution.status === "resolved") return true;
  const diagnostic = doc.diagnostics.find((d) => REFERENCE_RULES.includes(d.rule) && d.pointer === site.pointer);
  const waived = diagnostic ? undefined : doc.waived.find((d) => REFERENCE_RULES.includes(d.rule) && d.pointer === site.pointer);
  if (diagnostic) subject.addDiagnostic(doc, diagnostic);
  else if (waived) subject.add(doc.waiverEvidence(waived));
  else if (resolution.status === "unversioned")
    subject.add(
      doc.evidence(site.pointer, `"${site.text}" names no version; pin it as ${site.id}@<version>.`, ctx.statusOf("ref/unversioned")),
    );
  else if (resolution.status === "version-mismatch")
    subject.add(
      doc.evidence(
        site.pointer,
        `"${site.text}": the workspace has ${site.id} only at ${resolution.versions.join(", ")}.`,
        ctx.closedStatusOf("ref/version-mismatch"),
      ),
    );
  else subject.add(doc.evidence(site.pointer, `"${site.text}" names no document in the workspace.`, ctx.closedStatusOf("ref/unresolved")));
  return false;
}

/**
 * `checkResolves` for a reference whose form is not the item's to judge: an unpinned one is
 * data.versioned's (ref/unversioned), so only one that names nothing, or nothing at its version, counts.
 */
export function checkNamesDocument(ctx: ReadinessContext, subject: Subject, doc: ReadinessDoc, site: ReferenceSite): boolean {
  return ctx.index.resolve(site).status === "unversioned" || checkResolves(ctx, subject, doc, site);
}

function lineageSummary(doc: ReadinessDoc): string {
  const from = doc.facts.references.filter((s) => s.role === "derivedFrom").map((s) => s.text);
  const by = doc.facts.references.find((s) => s.role === "generatedBy")?.text;
  const parts = [from.length ? `derived from ${from.join(", ")}` : "", by ? `generated by ${by}` : ""].filter(Boolean);
  return parts.length ? `Lineage resolves: ${parts.join("; ")}.` : "Lineage is declared with external references.";
}

const versioned: ReadinessCheck = {
  id: "data.versioned",
  title: "Versions and pinned references",
  criterion: "every document has a semver version and every reference is pinned `id@version`",
  *evaluate(ctx) {
    const documents = ctx.genesis();
    if (!documents.length) return notApplicable("No Genesis document in the workspace.", NEW_MANIFEST);
    // The form of a version and of a reference is judged by the rules (version/semver, the schema,
    // ref/unversioned): this item asks for a version and reads their findings.
    const subjects = yield* tallyInSteps(documents, (doc) => {
      const subject = new Subject(doc.label);
      const version = doc.value.version;
      if (version === undefined) ctx.missing(subject, doc, "", "version", "The document has no version (semver, e.g. 1.0.0).");
      else subject.addErrorsAt(doc, "/version");
      subject.addDiagnostics(doc, doc.diagnosticsOf(VERSION_RULES));
      if (!subject.hasProblem) {
        const pinned = doc.facts.references.filter((site) => site.version !== undefined).length;
        const references = pinned ? `; ${pinned} reference${pinned === 1 ? "" : "s"} pinned` : "";
        subject.add(doc.evidence("/version", `Version ${showValue(version)}${references}.`, "pass"));
      }
      return subject;
    });
    return judge(subjects, {
      noun: ["document", "documents"],
      pass: ["has a semver version and pinned references", "have semver versions and pinned references"],
      warn: ["has unpinned references", "have unpinned references"],
      fail: ["lacks a semver version or pinned references", "lack semver versions or pinned references"],
    });
  },
};

const formats: ReadinessCheck = {
  id: "data.formats",
  title: "Standard data formats",
  criterion:
    "every distribution is in a standard format (JSON, JSONL, CSV, Parquet, HDF5, and netCDF, which is HDF5 underneath; " +
    "a site adds its own in `site.standardFormats`; others warn)",
  *evaluate(ctx) {
    const manifests = ctx.ofKind("DatasetManifest");
    if (!manifests.length) return notApplicable(NO_MANIFEST, NEW_MANIFEST);
    const standard = new Set<string>([...DEFAULT_STANDARD_FORMATS, ...(ctx.config.site.standardFormats ?? [])]);
    const bySite = new Set<string>((ctx.config.site.standardFormats ?? []).filter((f) => !DEFAULT_STANDARD_FORMATS.includes(f)));
    const subjects = new Tally();
    const pause = pacer();
    for (const doc of manifests) {
      if (pause()) yield;
      const distributions = doc.select("/distribution/*");
      for (let n = 0; n < distributions.length; n++) {
        const { pointer, value } = distributions[n];
        if (!isRecord(value)) continue;
        const subject = new Subject(`${doc.label} ${typeof value.id === "string" ? value.id : pointer}`);
        subjects.add(subject);
        const format = value.format;
        const at = joinPointer(pointer, "format");
        // A format docs/formats/dataset-manifest.md does not allow is the schema's finding; of the others, the standard ones pass.
        if (format === undefined) ctx.missing(subject, doc, pointer, "format", "This distribution has no format.");
        else if (subject.addErrorsAt(doc, at)) continue;
        else if (typeof format === "string" && standard.has(format)) {
          const why = bySite.has(format) ? "a standard format at this site (site.standardFormats)" : "a standard format";
          subject.add(doc.evidence(at, `${format}: ${why}.`, "pass"));
        } else {
          const names = [...standard].map((f) => FORMAT_NAMES[f as DataFormat] ?? f).join(", ");
          const message =
            `${showValue(format)} is allowed but not a standard format (${names}); consumers may not read it. ` +
            "A site that reads it can add it to site.standardFormats in genesis.config.yaml.";
          subject.add(doc.evidence(at, message, "warn"));
        }
      }
    }
    if (!subjects.length) return notApplicable("No manifest has a distribution.");
    return judge(subjects, {
      noun: ["distribution", "distributions"],
      pass: ["is in a standard format", "are in standard formats"],
      warn: ["is in a format that is not standard", "are in formats that are not standard"],
      fail: ["has no valid format", "have no valid format"],
    });
  },
};

/** The io findings about a distribution's file. */
const INTEGRITY_RULES = [
  "integrity/file-missing",
  "integrity/checksum-mismatch",
  "integrity/checksum-format",
  "integrity/checksum-missing",
  "path/outside-workspace",
];
/** A scheme of two letters or more: `https:`, `s3:` (one letter is a Windows drive, a path). */
export const URL_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]+:/;

const integrity: ReadinessCheck = {
  id: "data.integrity",
  title: "Verified file checksums",
  criterion: "every local file's checksum was verified and matches (warn when not yet verified)",
  needsFiles: "data files are not read, so no checksum can be verified",
  readsData: "data files are not read, so no checksum can be verified",
  *evaluate(ctx) {
    const manifests = ctx.ofKind("DatasetManifest");
    if (!manifests.length) return notApplicable(NO_MANIFEST, NEW_MANIFEST);
    const subjects = new Tally();
    // Not kept: a tally lets each subject go once it is read.
    const unverified = new WeakSet<Subject>();
    const pause = pacer();
    for (const doc of manifests) {
      if (pause()) yield;
      const live = doc.value.live === true;
      const distributions = doc.select("/distribution/*");
      for (let n = 0; n < distributions.length; n++) {
        const { pointer, value } = distributions[n];
        if (!isRecord(value) || typeof value.path !== "string" || URL_SCHEME.test(value.path)) continue; // URLs are never fetched
        const subject = new Subject(`${doc.label} ${value.path}`);
        subjects.add(subject);
        subject.addDiagnostics(doc, doc.diagnosticsOf(INTEGRITY_RULES, pointer));
        if (subject.status === "fail") continue;
        const at = joinPointer(pointer, "path");
        if (!doc.evidenceChecked) {
          subject.add(doc.evidence(at, `${value.path} is not verified yet: its sha256 has not been compared with the file.`, "warn"));
          unverified.add(subject);
        } else if (live) subject.add(doc.evidence(at, `${value.path} exists (a live dataset: no checksum to compare).`, "pass"));
        else if (typeof value.sha256 !== "string")
          subject.add(doc.evidence(pointer, `${value.path} has no sha256 to verify.`, "warn", "key"));
        else if (!subject.hasProblem)
          subject.add(doc.evidence(joinPointer(pointer, "sha256"), `${value.path} exists and its sha256 matches.`, "pass"));
      }
    }
    if (!subjects.length) return notApplicable("No manifest names a local file (URLs are never fetched).");
    return judge(
      subjects,
      {
        noun: ["local file", "local files"],
        pass: ["was verified and matches its checksum", "were verified and match their checksums"],
        warn: ["is not verified yet", "are not verified yet"],
        fail: ["is missing or does not match its checksum", "are missing or do not match their checksums"],
      },
      (worst) => (worst && unverified.has(worst) ? VERIFY_FILES : undefined),
    );
  },
};

export const DATA_ITEMS: readonly ReadinessCheck[] = [schemas, metadata, lineage, versioned, formats, integrity];
