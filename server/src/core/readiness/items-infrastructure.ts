import { isRecord, joinPointer, select } from "../pointer";
import { parseImageReference, type ImageReferenceResult } from "../rules/oci";
import { commandFix, pathIn, snippetFix, type ReadinessContext, type ReadinessDoc } from "./context";
import { judge, names, notApplicable, Subject, type ItemOutcome, type ReadinessCheck } from "./judge";
import type { ReadinessEvidence, ReadinessFix } from "./model";

/** The Infrastructure group of docs/checklist.md: containers, CI, isolation, HPC. */

const NEW_PIPELINE: ReadinessFix = commandFix("New Pipeline Config", "genesis.newPipelineConfig");
const NO_PIPELINE = "No pipeline config in the workspace.";

interface Step {
  readonly doc: ReadinessDoc;
  readonly pointer: string;
  readonly step: Record<string, unknown>;
  readonly label: string;
}

/** Every step of every pipeline (worked out once per context: two items judge them). */
function stepsOf(ctx: ReadinessContext): readonly Step[] {
  return ctx.memo(allSteps);
}

function allSteps(ctx: ReadinessContext): Step[] {
  const steps: Step[] = [];
  for (const doc of ctx.ofKind("PipelineConfig")) {
    for (const { pointer, value } of select(doc.value, "/steps/*")) {
      if (!isRecord(value)) continue;
      steps.push({ doc, pointer, step: value, label: `${doc.label} step ${typeof value.id === "string" ? value.id : pointer.slice(pointer.lastIndexOf("/") + 1)}` });
    }
  }
  return steps;
}

function noStepsReason(ctx: ReadinessContext): string {
  return ctx.ofKind("PipelineConfig").length ? "No pipeline has steps." : NO_PIPELINE;
}

const containers: ReadinessCheck = {
  id: "infra.containers",
  title: "Digest-pinned containers",
  criterion: "every pipeline step runs in a digest-pinned container",
  evaluate(ctx) {
    const steps = stepsOf(ctx);
    if (!steps.length) return notApplicable(noStepsReason(ctx), NEW_PIPELINE);
    const images = new Map<string, ImageReferenceResult>(); // steps mostly share a few images
    const subjects = steps.map(({ doc, pointer, step, label }) => {
      const subject = new Subject(label);
      const at = joinPointer(joinPointer(pointer, "container"), "image");
      const image = isRecord(step.container) ? step.container.image : undefined;
      if (!isRecord(step.container)) ctx.missing(subject, doc, pointer, "container", "This step names no container (container.image).");
      else if (image === undefined) ctx.missing(subject, doc, joinPointer(pointer, "container"), "image", "This step's container names no image.");
      else {
        const parsed = typeof image === "string" ? parseImageOnce(images, image) : undefined;
        if (!parsed?.ok) failAt(subject, doc, at, `${JSON.stringify(image)} is not an image reference (registry/name[:tag]@sha256:<64 hex>).`);
        else if (!parsed.reference.digest) ctx.finding(subject, doc, "container/unpinned", at, `${image} is not pinned by a digest (@sha256:<64 hex>).`);
        else subject.add(doc.evidence(at, `Pinned by digest ${parsed.reference.digest.text.slice(0, 19)}…`, "pass"));
      }
      return subject;
    });
    return judge(subjects, {
      noun: ["step", "steps"],
      pass: ["runs in a digest-pinned container", "run in digest-pinned containers"],
      warn: ["runs in a container that is not pinned by digest", "run in containers that are not pinned by digest"],
      fail: ["runs in no digest-pinned container", "run in no digest-pinned container"],
    });
  },
};

function parseImageOnce(known: Map<string, ImageReferenceResult>, image: string): ImageReferenceResult {
  let parsed = known.get(image);
  if (!parsed) {
    parsed = parseImageReference(image);
    known.set(image, parsed);
  }
  return parsed;
}

/** The CI files of docs/checklist.md#infra-ci that exist: GitHub Actions workflows, `.gitlab-ci.yml`, `Jenkinsfile`. */
function ciFiles(ctx: ReadinessContext): string[] {
  const workflows = ctx.files.under(".github/workflows").filter((path) => /\.ya?ml$/.test(path));
  return [...workflows, ...[".gitlab-ci.yml", "Jenkinsfile"].filter((path) => ctx.files.has(path))];
}

const CI_SNIPPET = "ci:\n  provider: ${1|github-actions,gitlab-ci,jenkins,other|}\n  workflow: ${2:/.github/workflows/genesis.yml}\n";

const ci: ReadinessCheck = {
  id: "infra.ci",
  title: "Continuous integration",
  criterion: "a CI workflow exists (`.github/workflows/*`, `.gitlab-ci.yml`, `Jenkinsfile`) and every pipeline's `ci.workflow` exists",
  needsFiles: "CI workflow files are not looked for",
  evaluate(ctx) {
    if (!ctx.genesis().length) return notApplicable("No Genesis document in the workspace.");
    const found = ciFiles(ctx);
    let snippet: ReadinessFix | undefined;
    const subjects = ctx.ofKind("PipelineConfig").map((doc) => {
      const subject = new Subject(doc.label);
      const declared = doc.at("/ci/workflow");
      if (!isRecord(doc.value.ci)) {
        subject.add(doc.evidence("", "The pipeline declares no ci (provider and workflow; recommended).", "warn", "key"));
        snippet ??= snippetFix(doc, `Add a ci block to ${doc.path}`, CI_SNIPPET);
      } else if (declared === undefined) ctx.missing(subject, doc, "/ci", "workflow", "The pipeline's ci names no workflow file.");
      else {
        const target = pathIn(doc, declared);
        if (!target.ok) subject.add(doc.evidence("/ci/workflow", `The CI workflow ${JSON.stringify(declared)} ${target.why}.`, "fail"));
        else if (!ctx.files.has(target.path)) ctx.finding(subject, doc, "governance/policy-missing", "/ci/workflow", `The CI workflow ${target.path} does not exist.`);
        else subject.add(doc.evidence("/ci/workflow", `CI workflow ${target.path} exists.`, "pass"));
      }
      return subject;
    });
    const pipelines = subjects.length
      ? judge(
          subjects,
          {
            noun: ["pipeline", "pipelines"],
            pass: ["names a CI workflow that exists", "name CI workflows that exist"],
            warn: ["declares no ci or names a workflow that does not exist", "declare no ci or name workflows that do not exist"],
            fail: ["names no usable CI workflow", "name no usable CI workflow"],
          },
          () => snippet,
        )
      : undefined;
    return withWorkspaceFiles(pipelines, found, {
      present: `CI workflow ${names(found)} exists.`,
      absent: "No CI workflow: none of .github/workflows/*.yml, .gitlab-ci.yml or Jenkinsfile exists.",
      file: "A CI workflow.",
    });
  },
};

/**
 * Combines a workspace-wide condition (some file exists) with the outcome over documents: the
 * item fails when no such file exists, else it is the documents' outcome (a pass without them).
 */
export function withWorkspaceFiles(documents: ItemOutcome | undefined, found: readonly string[], words: { present: string; absent: string; file: string }): ItemOutcome {
  const files: ReadinessEvidence[] = found.map((path) => ({ path, message: words.file, status: "pass" }));
  // The documents' evidence may be only its first pieces (see ItemOutcome): the files follow all of it.
  const count = documents ? (documents.evidenceCount ?? documents.evidence.length) : 0;
  if (!found.length) {
    const rest = documents && documents.status !== "pass" ? ` ${documents.reason}` : "";
    return { status: "fail", reason: `${words.absent}${rest}`, evidence: [{ path: "", message: words.absent, status: "fail" }, ...(documents?.evidence ?? [])], evidenceCount: 1 + count, fix: documents?.fix };
  }
  if (!documents) return { status: "pass", reason: words.present, evidence: files };
  const listed = documents.evidence.length < count ? documents.evidence : [...documents.evidence, ...files];
  return { ...documents, reason: `${words.present} ${documents.reason}`, evidence: listed, evidenceCount: count + files.length };
}

const NETWORKS = new Set(["none", "internal", "egress"]);
const EGRESS_RULES = ["classification/egress"];

const isolation: ReadinessCheck = {
  id: "infra.isolation",
  title: "Network isolation",
  criterion: "every step declares `network` and no classification/egress error exists",
  evaluate(ctx) {
    const steps = stepsOf(ctx);
    if (!steps.length) return notApplicable(noStepsReason(ctx), NEW_PIPELINE);
    const subjects = steps.map(({ doc, pointer, step, label }) => {
      const subject = new Subject(label);
      const at = joinPointer(pointer, "network");
      subject.addDiagnostics(doc, doc.diagnosticsOf(EGRESS_RULES, pointer));
      if (step.network === undefined) subject.add(doc.evidence(pointer, "This step declares no network (none, internal or egress; recommended).", "warn", "key"));
      else if (typeof step.network !== "string" || !NETWORKS.has(step.network)) failAt(subject, doc, at, `${JSON.stringify(step.network)} is not a network (none, internal, egress).`);
      else if (!subject.hasProblem) subject.add(doc.evidence(at, `network: ${step.network}.`, "pass"));
      return subject;
    });
    return judge(subjects, {
      noun: ["step", "steps"],
      pass: ["declares its network and no egress problem", "declare their network and no egress problem"],
      warn: ["declares no network", "declare no network"],
      fail: ["has a network or egress error", "have network or egress errors"],
    });
  },
};

const ENGINES = new Set(["cwl", "nextflow", "snakemake", "dvc", "airflow", "shell"]);
const SCHEDULERS = ["slurm", "pbs", "lsf", "flux", "kubernetes"];
const SCHEDULER_SNIPPET = "scheduler:\n  type: ${1|slurm,pbs,lsf,flux,kubernetes|}\n  account: ${2:account}\n  partition: ${3:gpu}\n";

const hpc: ReadinessCheck = {
  id: "infra.hpc",
  title: "HPC workflow engine and scheduler",
  criterion: "every pipeline names a workflow engine and a scheduler other than `local`",
  evaluate(ctx) {
    const pipelines = ctx.ofKind("PipelineConfig");
    if (!pipelines.length) return notApplicable(NO_PIPELINE, NEW_PIPELINE);
    let snippet: ReadinessFix | undefined;
    const subjects = pipelines.map((doc) => {
      const subject = new Subject(doc.label);
      const engine = doc.value.engine;
      const parts: string[] = [];
      if (!isRecord(engine)) ctx.missing(subject, doc, "", "engine", "The pipeline names no workflow engine (engine.type).");
      else if (engine.type === undefined) ctx.missing(subject, doc, "/engine", "type", "The pipeline's engine has no type.");
      else if (typeof engine.type !== "string" || !ENGINES.has(engine.type)) failAt(subject, doc, "/engine/type", `${JSON.stringify(engine.type)} is not a workflow engine (cwl, nextflow, snakemake, dvc, airflow, shell).`);
      else parts.push(`engine ${engine.type}`);
      const scheduler = doc.value.scheduler;
      if (!isRecord(scheduler)) {
        subject.add(doc.evidence("", "The pipeline names no scheduler (slurm, pbs, lsf, flux, kubernetes; recommended for HPC).", "warn", "key"));
        snippet ??= snippetFix(doc, `Add a scheduler block to ${doc.path}`, SCHEDULER_SNIPPET);
      } else if (scheduler.type === "local") subject.add(doc.evidence("/scheduler/type", "The scheduler is local: the pipeline does not run on an HPC scheduler.", "warn"));
      else if (scheduler.type === undefined) ctx.missing(subject, doc, "/scheduler", "type", "The scheduler has no type.");
      else if (typeof scheduler.type !== "string" || !SCHEDULERS.includes(scheduler.type)) failAt(subject, doc, "/scheduler/type", `${JSON.stringify(scheduler.type)} is not a scheduler (slurm, pbs, lsf, flux, kubernetes, local).`);
      else parts.push(`scheduler ${scheduler.type}`);
      if (!subject.hasProblem) subject.add(doc.evidence("/engine", `${parts.join(", ")}.`.replace(/^./, (c) => c.toUpperCase()), "pass", "key"));
      return subject;
    });
    return judge(
      subjects,
      {
        noun: ["pipeline", "pipelines"],
        pass: ["names a workflow engine and an HPC scheduler", "name workflow engines and HPC schedulers"],
        warn: ["runs without an HPC scheduler", "run without an HPC scheduler"],
        fail: ["names no valid workflow engine or scheduler", "name no valid workflow engine or scheduler"],
      },
      (worst) => (worst?.status === "warn" ? snippet : undefined),
    );
  },
};

/** A value that is not allowed: the error diagnostic at its pointer, else `message`. */
export function failAt(subject: Subject, doc: ReadinessDoc, pointer: string, message: string): void {
  const diagnostic = doc.diagnostics.find((d) => d.pointer === pointer && d.severity === "error");
  if (diagnostic) subject.addDiagnostic(doc, diagnostic);
  else subject.add(doc.evidence(pointer, message, "fail"));
}

export const INFRASTRUCTURE_ITEMS: readonly ReadinessCheck[] = [containers, ci, isolation, hpc];
