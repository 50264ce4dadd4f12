import { isRecord } from "../pointer";
import { failClosedLevel, type ClassificationLevel } from "../rules/classification-levels";
import { KIND_NAME } from "../types";
import { pathIn, snippetFix, type ReadinessContext } from "./context";
import type { ReadinessDoc } from "./readiness-doc";
import { failAt, judge, names, notApplicable, showValue, Subject, Tally, tallyInSteps, type ReadinessCheck } from "./judge";
import { withWorkspaceFiles } from "./items-infrastructure";
import { pacer } from "./steps";

/** The Governance group of docs/checklist.md: classification, access, audit, diagrams, binder, AI RMF. */

const classification: ReadinessCheck = {
  id: "gov.classification",
  title: "Classification",
  criterion: "every document is classified and no classification diagnostic exists",
  *evaluate(ctx) {
    const documents = ctx.genesis();
    if (!documents.length) return notApplicable("No Genesis document in the workspace.");
    const subjects = yield* tallyInSteps(documents, (doc) => {
      const subject = new Subject(doc.label);
      const marking = doc.value.classification;
      if (marking === undefined)
        ctx.missing(
          subject,
          doc,
          "",
          "classification",
          "The document is not classified (classification.level: public, internal, cui or cui-specified).",
        );
      else if (!isRecord(marking)) failAt(subject, doc, "/classification", "classification must be a mapping with a level.");
      else if (marking.level === undefined) ctx.missing(subject, doc, "/classification", "level", "The classification has no level.");
      for (let i = 0; i < doc.diagnostics.length; i++)
        if (doc.diagnostics[i].rule.startsWith("classification/")) subject.addDiagnostic(doc, doc.diagnostics[i]);
      // A level the schema rejects (`CUI`, a typo) is an error at the level: never "Classified …"
      // (docs/checklist.md#how-an-item-is-decided).
      if (!subject.hasProblem && isRecord(marking)) {
        subject.add(doc.evidence("/classification/level", `Classified ${showValue(marking.level)}.`, "pass"));
      }
      return subject;
    });
    return judge(subjects, {
      noun: ["document", "documents"],
      pass: ["is classified, with no classification diagnostic", "are classified, with no classification diagnostic"],
      warn: ["has a classification warning", "have classification warnings"],
      fail: ["is not classified or has a classification error", "are not classified or have classification errors"],
    });
  },
};

/**
 * The level a document counts as for the governance items (docs/checklist.md#how-an-item-is-decided, fail closed): a value outside the
 * lattice counts as its case-insensitive match (`CUI` is `cui`), anything else written as
 * `cui-specified`; undefined only when the document writes no level at all.
 */
function governedLevel(doc: ReadinessDoc): ClassificationLevel | undefined {
  const marking = doc.value.classification;
  return isRecord(marking) ? failClosedLevel(marking.level) : failClosedLevel(marking);
}

/** How a document's level reads in a message: as written, and what it counts as when that differs. */
function levelAsWritten(doc: ReadinessDoc, level: ClassificationLevel): string {
  const marking = doc.value.classification;
  const written = isRecord(marking) ? marking.level : marking;
  return written === level ? level : `${showValue(written)} (counted as ${level})`;
}

function isAbovePublic(doc: ReadinessDoc): boolean {
  const level = governedLevel(doc);
  return level !== undefined && level !== "public";
}

const access: ReadinessCheck = {
  id: "gov.access",
  title: "Access policies",
  criterion: "every document above `public` (manifests, cards and pipelines) names an access policy that exists",
  needsFiles: "access policy files are not looked for",
  *evaluate(ctx) {
    // All three kinds have `access` (docs/formats/), recommended, and required above public.
    const above: ReadinessDoc[] = [];
    const pause = pacer();
    for (const doc of ctx.genesis()) {
      if (pause()) yield;
      if (isAbovePublic(doc)) above.push(doc);
    }
    if (!above.length) return notApplicable("No Genesis document is classified above public.");
    const subjects = yield* tallyInSteps(above, (doc) => {
      const subject = new Subject(doc.label);
      const the = `The ${KIND_NAME[doc.kind]}`;
      const level = levelAsWritten(doc, governedLevel(doc)!);
      const policy = doc.at("/access/policy");
      if (!isRecord(doc.value.access)) {
        if (doc.value.access === undefined || !subject.addErrorsAt(doc, "/access")) {
          ctx.missing(subject, doc, "", "access", `${the} is classified ${level} but declares no access policy (access.policy).`);
        }
      } else if (policy === undefined) {
        ctx.missing(subject, doc, "/access", "policy", `${the} is classified ${level} but its access names no policy.`);
      } else {
        const target = pathIn(doc, policy);
        if (!target.ok) failAt(subject, doc, "/access/policy", `The access policy ${JSON.stringify(policy)} ${target.why}.`);
        else if (!ctx.exists(target.path))
          ctx.finding(subject, doc, "governance/policy-missing", "/access/policy", `The access policy ${target.path} does not exist.`);
        else subject.add(doc.evidence("/access/policy", `Classified ${level}; access policy ${target.path} exists.`, "pass"));
      }
      return subject;
    });
    return judge(subjects, {
      noun: ["document above public", "documents above public"],
      pass: ["names an access policy that exists", "name access policies that exist"],
      warn: ["names an access policy that does not exist", "name access policies that do not exist"],
      fail: ["names no access policy", "name no access policy"],
    });
  },
};

/**
 * A local audit log must exist (governance/policy-missing, its diagnostic when the io rules ran);
 * a URI names no local file and is not looked for, nor is anything in an untrusted workspace.
 */
function checkLocalLog(ctx: ReadinessContext, subject: Subject, doc: ReadinessDoc, log: string): void {
  const target = pathIn(doc, log);
  if (!target.ok || !ctx.trusted || ctx.exists(target.path)) return;
  ctx.finding(subject, doc, "governance/policy-missing", "/audit/log", `The audit log ${target.path} does not exist.`);
}

const AUDIT_SNIPPETS = {
  provenance: "provenance:\n  emit: ${1|ro-crate,prov-json|}\n",
  audit: "audit:\n  log: ${2:/logs/audit.jsonl}\n  retentionDays: ${3:2555}\n",
};

const audit: ReadinessCheck = {
  id: "gov.audit",
  title: "Provenance and audit log",
  criterion: "every pipeline emits provenance and declares an audit log",
  *evaluate(ctx) {
    const pipelines = ctx.ofKind("PipelineConfig");
    if (!pipelines.length) return notApplicable("No pipeline config in the workspace.");
    // What each pipeline lacks, by path: only the worst one's snippet is built.
    const lackingByPath = new Map<string, string[]>();
    const subjects = yield* tallyInSteps(pipelines, (doc) => {
      const subject = new Subject(doc.label);
      // provenance is required above public (docs/formats/pipeline-config.md), recommended otherwise;
      // the level fails closed (docs/checklist.md#how-an-item-is-decided).
      const required = isAbovePublic(doc);
      const provenance = doc.value.provenance;
      const emit = isRecord(provenance) ? provenance.emit : undefined;
      const lacking: string[] = [];
      if (!isRecord(provenance)) {
        lacking.push("provenance");
        if (required)
          ctx.missing(
            subject,
            doc,
            "",
            "provenance",
            "The pipeline emits no provenance (provenance.emit: ro-crate or prov-json), required above public.",
          );
        else
          subject.add(
            doc.evidence("", "The pipeline emits no provenance (provenance.emit: ro-crate or prov-json; recommended).", "warn", "key"),
          );
      } else if (emit === undefined || emit === "none") {
        subject.add(
          doc.evidence(
            emit === undefined ? "/provenance" : "/provenance/emit",
            "The pipeline emits no provenance (provenance.emit: ro-crate or prov-json).",
            required ? "fail" : "warn",
            emit === undefined ? "key" : "value",
          ),
        );
      } else subject.addErrorsAt(doc, "/provenance/emit"); // a format that does not exist is the schema's finding
      const log = doc.at("/audit/log");
      if (!isRecord(doc.value.audit)) {
        lacking.push("audit");
        subject.add(doc.evidence("", "The pipeline declares no audit log (audit.log and retentionDays; recommended).", "warn", "key"));
      } else if (typeof log !== "string" || log.trim() === "")
        subject.add(doc.evidence("/audit", "The pipeline's audit names no log (a path or URI).", "warn", "key"));
      else checkLocalLog(ctx, subject, doc, log);
      if (lacking.length) lackingByPath.set(doc.path, lacking);
      if (!subject.hasProblem) {
        subject.add(doc.evidence("/provenance", `Emits ${showValue(emit)}; audit log ${showValue(log)}.`, "pass", "key"));
      }
      return subject;
    });
    return judge(
      subjects,
      {
        noun: ["pipeline", "pipelines"],
        pass: ["emits provenance and declares an audit log", "emit provenance and declare audit logs"],
        warn: ["lacks provenance or an audit log", "lack provenance or audit logs"],
        fail: ["emits no provenance though classified above public", "emit no provenance though classified above public"],
      },
      (worst) => {
        const doc = worst && pipelines.find((p) => p.label === worst.label);
        const lacking = doc && lackingByPath.get(doc.path);
        return doc && lacking
          ? snippetFix(
              doc,
              `Add ${lacking.join(" and ")} to ${doc.path}`,
              lacking.map((k) => AUDIT_SNIPPETS[k as keyof typeof AUDIT_SNIPPETS]).join(""),
            )
          : undefined;
      },
    );
  },
};

const DIAGRAMS = [
  { pointer: "/docs/architectureDiagram", name: "architecture diagram" },
  { pointer: "/docs/dataFlowDiagram", name: "data-flow diagram" },
];
const DOCS_SNIPPET = "docs:\n  dataFlowDiagram: ${1:/docs/data-flow.md}\n  architectureDiagram: ${2:/docs/architecture.md}\n";

const diagrams: ReadinessCheck = {
  id: "gov.diagrams",
  title: "Architecture and data-flow diagrams",
  criterion: "architecture and data-flow diagrams exist (referenced from `docs`, or under `docs/`)",
  needsFiles: "diagram files are not looked for",
  *evaluate(ctx) {
    if (!ctx.genesis().length) return notApplicable("No Genesis document in the workspace.");
    const subjects = new Tally();
    const referenced = new Map<string, string>();
    const pause = pacer();
    for (const doc of ctx.ofKind("PipelineConfig")) {
      if (pause()) yield;
      if (!isRecord(doc.value.docs)) continue;
      const subject = new Subject(doc.label);
      subjects.add(subject);
      for (const { pointer, name } of DIAGRAMS) {
        const declared = doc.at(pointer);
        if (declared === undefined) continue;
        const target = pathIn(doc, declared);
        if (!target.ok) failAt(subject, doc, pointer, `The ${name} ${JSON.stringify(declared)} ${target.why}.`);
        else if (!ctx.exists(target.path))
          ctx.finding(subject, doc, "governance/policy-missing", pointer, `The ${name} ${target.path} does not exist.`);
        else {
          referenced.set(name, target.path);
          subject.add(doc.evidence(pointer, `The ${name} ${target.path} exists.`, "pass"));
        }
      }
    }
    const underDocs = ctx.files.under("docs");
    const found = underDocs.length ? underDocs : referenced.size === DIAGRAMS.length ? [...new Set(referenced.values())] : [];
    const partial = !found.length && referenced.size ? [...referenced.keys()] : [];
    const documents = subjects.length
      ? judge(subjects, {
          noun: ["pipeline with docs", "pipelines with docs"],
          pass: ["references diagrams that exist", "reference diagrams that exist"],
          warn: ["references a diagram that does not exist", "reference diagrams that do not exist"],
          fail: ["references an unusable diagram path", "reference unusable diagram paths"],
        })
      : undefined;
    const outcome = withWorkspaceFiles(documents, found, {
      present: underDocs.length
        ? `${underDocs.length === 1 ? "A file" : `${underDocs.length} files`} under docs/ (${names(underDocs)}).`
        : `Diagrams ${names(found)} exist.`,
      absent: partial.length
        ? `Only the ${partial.join(" and ")} exists; add the other to docs (or files under docs/).`
        : "No architecture or data-flow diagram: no pipeline's docs names one that exists and there is nothing under docs/.",
      file: "A diagram or design document.",
    });
    const withoutDocs = ctx.ofKind("PipelineConfig").find((doc) => !isRecord(doc.value.docs));
    return outcome.status === "fail" && !outcome.fix && withoutDocs
      ? { ...outcome, fix: snippetFix(withoutDocs, `Add docs to ${withoutDocs.path}`, DOCS_SNIPPET) }
      : outcome;
  },
};

const BINDER_SNIPPET = "governance:\n  binder: ${1:/governance/binder.md}\n  reviewCadence: ${2:quarterly}\n";

const binder: ReadinessCheck = {
  id: "gov.binder",
  title: "Governance binder",
  criterion: "a governance binder exists (the `governance.binder` of the cards, or a `governance/` folder with policies and SOPs)",
  needsFiles: "the binder is not looked for",
  *evaluate(ctx) {
    if (!ctx.genesis().length) return notApplicable("No Genesis document in the workspace.");
    const subjects = new Tally();
    const binders: string[] = [];
    const pause = pacer();
    for (const doc of ctx.ofKind("ModelCard")) {
      if (pause()) yield;
      const declared = doc.at("/governance/binder");
      if (declared === undefined) continue;
      const subject = new Subject(doc.label);
      subjects.add(subject);
      const target = pathIn(doc, declared);
      if (!target.ok) failAt(subject, doc, "/governance/binder", `The governance binder ${JSON.stringify(declared)} ${target.why}.`);
      else if (!ctx.exists(target.path))
        ctx.finding(
          subject,
          doc,
          "governance/policy-missing",
          "/governance/binder",
          `The governance binder ${target.path} does not exist.`,
        );
      else {
        binders.push(target.path);
        subject.add(doc.evidence("/governance/binder", `The governance binder ${target.path} exists.`, "pass"));
      }
    }
    const folder = ctx.files.under("governance");
    const found = folder.length ? folder : [...new Set(binders)];
    const documents = subjects.length
      ? judge(subjects, {
          noun: ["card with a binder", "cards with a binder"],
          pass: ["names a binder that exists", "name binders that exist"],
          warn: ["names a binder that does not exist", "name binders that do not exist"],
          fail: ["names an unusable binder path", "name unusable binder paths"],
        })
      : undefined;
    const outcome = withWorkspaceFiles(documents, found, {
      present: folder.length
        ? `governance/ holds ${folder.length === 1 ? "1 file" : `${folder.length} files`} (${names(folder)}).`
        : `Binder ${names(found)} exists.`,
      absent: "No governance binder: no card's governance.binder names one that exists and there is no governance/ folder.",
      file: "Part of the governance binder.",
    });
    const withoutBinder = firstWithout(ctx.ofKind("ModelCard"), "governance");
    return outcome.status === "fail" && !outcome.fix && withoutBinder
      ? { ...outcome, fix: snippetFix(withoutBinder, `Add governance to ${withoutBinder.path}`, BINDER_SNIPPET) }
      : outcome;
  },
};

function firstWithout(docs: readonly ReadinessDoc[], key: string): ReadinessDoc | undefined {
  return docs.find((doc) => doc.value[key] === undefined);
}

const RMF_RULES = ["risk/rmf-id"];

const rmf: ReadinessCheck = {
  id: "gov.rmf",
  title: "AI RMF risk mapping",
  criterion: "every model card maps its risks to AI RMF functions",
  *evaluate(ctx) {
    const cards = ctx.ofKind("ModelCard");
    if (!cards.length) return notApplicable("No Genesis model card in the workspace.");
    const subjects = yield* tallyInSteps(cards, (doc) => {
      const subject = new Subject(doc.label);
      const ids = doc.at("/risk/rmf");
      if (!isRecord(doc.value.risk))
        ctx.missing(subject, doc, "", "risk", "The card maps no risks (risk.rmf: AI RMF ids such as GOVERN-1, MAP-2.3).");
      else if (!Array.isArray(ids) || ids.length === 0)
        ctx.missing(subject, doc, "/risk", "rmf", "The card's risk maps no AI RMF functions (risk.rmf).");
      subject.addDiagnostics(doc, doc.diagnosticsOf(RMF_RULES));
      if (!subject.hasProblem && Array.isArray(ids))
        subject.add(doc.evidence("/risk/rmf", `Maps risks to ${ids.map(String).join(", ")}.`, "pass"));
      return subject;
    });
    return judge(subjects, {
      noun: ["card", "cards"],
      pass: ["maps its risks to AI RMF functions", "map their risks to AI RMF functions"],
      warn: ["has a warning about its AI RMF mapping", "have warnings about their AI RMF mappings"],
      fail: ["maps no risks or names an unknown AI RMF id", "map no risks or name unknown AI RMF ids"],
    });
  },
};

export const GOVERNANCE_ITEMS: readonly ReadinessCheck[] = [classification, access, audit, diagrams, binder, rmf];
