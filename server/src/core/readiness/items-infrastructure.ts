import { isRecord, joinPointer } from "../pointer";
import { commandFix, pathIn, snippetFix, type ReadinessContext } from "./context";
import type { ReadinessDoc } from "./readiness-doc";
import { failAt, judge, names, notApplicable, showValue, Subject, tallyInSteps, type ItemOutcome, type ReadinessCheck } from "./judge";
import type { ReadinessEvidence, ReadinessFix } from "./model";
import { pacer, type Steps } from "./steps";

/** The Infrastructure group of docs/checklist.md: containers, CI, isolation, HPC. */

const NEW_PIPELINE: ReadinessFix = commandFix("New Pipeline Config", "genesis.newPipelineConfig", {
  title: "Write a pipeline config",
  commandLine: "genesis-readiness init pipeline ID",
});
const NO_PIPELINE = "No pipeline config in the workspace.";

interface Step {
  readonly doc: ReadinessDoc;
  readonly pointer: string;
  readonly step: Record<string, unknown>;
  readonly label: string;
}

/** Every step of every pipeline (worked out once per context: two items judge them). */
function stepsOf(ctx: ReadinessContext): Steps<readonly Step[]> {
  return ctx.memo(allSteps);
}

function* allSteps(ctx: ReadinessContext): Steps<Step[]> {
  const steps: Step[] = [];
  const pause = pacer();
  for (const doc of ctx.ofKind("PipelineConfig")) {
    if (pause()) yield;
    for (const { pointer, value } of doc.select("/steps/*")) {
      if (!isRecord(value)) continue;
      steps.push({
        doc,
        pointer,
        step: value,
        label: `${doc.label} step ${typeof value.id === "string" ? value.id : pointer.slice(pointer.lastIndexOf("/") + 1)}`,
      });
    }
  }
  return steps;
}

function noStepsReason(ctx: ReadinessContext): string {
  return ctx.ofKind("PipelineConfig").length ? "No pipeline has steps." : NO_PIPELINE;
}

/**
 * The rules whose findings at an image reference count for this item; an error at the image (its form, its type) counts as
 * well. `placeholder/value` belongs to data.metadata, but a template's digest (`@sha256:000…`) pins nothing: its finding
 * there is read as this step's problem (read, not judged again).
 */
const CONTAINER_RULES = ["container/unpinned", "container/latest", "container/registry", "placeholder/value"];

const containers: ReadinessCheck = {
  id: "infra.containers",
  title: "Digest-pinned containers",
  criterion: "every pipeline step runs in a digest-pinned container",
  *evaluate(ctx) {
    const steps = yield* stepsOf(ctx);
    if (!steps.length) return notApplicable(noStepsReason(ctx), NEW_PIPELINE);
    // The image is judged by the container rules alone (one parser of image references, docs/checklist.md#how-an-item-is-decided):
    // this item asks that every step names one, and reads what the rules found there.
    const subjects = yield* tallyInSteps(steps, ({ doc, pointer, step, label }) => {
      const subject = new Subject(label);
      const at = joinPointer(joinPointer(pointer, "container"), "image");
      if (!isRecord(step.container)) ctx.missing(subject, doc, pointer, "container", "This step names no container (container.image).");
      else if (step.container.image === undefined) {
        ctx.missing(subject, doc, joinPointer(pointer, "container"), "image", "This step's container names no image.");
      } else {
        subject.addErrorsAt(doc, at);
        subject.addDiagnostics(doc, doc.diagnosticsOf(CONTAINER_RULES, at));
        for (const waived of doc.waived) {
          if (CONTAINER_RULES.includes(waived.rule) && waived.pointer === at) subject.add(doc.waiverEvidence(waived));
        }
        const image = JSON.stringify(step.container.image);
        const message = `No container finding on ${image} (the container rules check its digest, tag and registry).`;
        if (!subject.hasProblem) subject.add(doc.evidence(at, message, "pass"));
      }
      return subject;
    });
    return judge(subjects, {
      noun: ["step", "steps"],
      pass: ["runs in a digest-pinned container", "run in digest-pinned containers"],
      warn: [
        "runs in an image with a container warning (digest, tag or registry)",
        "run in images with container warnings (digest, tag or registry)",
      ],
      fail: ["runs in no digest-pinned container", "run in no digest-pinned container"],
    });
  },
};

/** The CI files of docs/checklist.md that exist: GitHub Actions workflows, `.gitlab-ci.yml`, `Jenkinsfile`. */
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
  *evaluate(ctx) {
    if (!ctx.genesis().length) return notApplicable("No Genesis document in the workspace.");
    const found = ciFiles(ctx);
    let snippet: ReadinessFix | undefined;
    const subjects = yield* tallyInSteps(ctx.ofKind("PipelineConfig"), (doc) => {
      const subject = new Subject(doc.label);
      const declared = doc.at("/ci/workflow");
      if (!isRecord(doc.value.ci)) {
        subject.add(doc.evidence("", "The pipeline declares no ci (provider and workflow; recommended).", "warn", "key"));
        snippet ??= snippetFix(doc, `Add a ci block to ${doc.path}`, CI_SNIPPET);
      } else if (declared === undefined) ctx.missing(subject, doc, "/ci", "workflow", "The pipeline's ci names no workflow file.");
      else {
        const target = pathIn(doc, declared);
        if (!target.ok) failAt(subject, doc, "/ci/workflow", `The CI workflow ${JSON.stringify(declared)} ${target.why}.`);
        else if (!ctx.files.has(target.path))
          ctx.finding(subject, doc, "governance/policy-missing", "/ci/workflow", `The CI workflow ${target.path} does not exist.`);
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
export function withWorkspaceFiles(
  documents: ItemOutcome | undefined,
  found: readonly string[],
  words: { present: string; absent: string; file: string },
): ItemOutcome {
  const files: ReadinessEvidence[] = found.map((path) => ({ path, message: words.file, status: "pass" }));
  // The documents' evidence may be only its first pieces (see ItemOutcome): the files follow all of it.
  const count = documents ? (documents.evidenceCount ?? documents.evidence.length) : 0;
  if (!found.length) {
    const rest = documents && documents.status !== "pass" ? ` ${documents.reason}` : "";
    return {
      status: "fail",
      reason: `${words.absent}${rest}`,
      evidence: [{ path: "", message: words.absent, status: "fail" }, ...(documents?.evidence ?? [])],
      evidenceCount: 1 + count,
      fix: documents?.fix,
    };
  }
  if (!documents) return { status: "pass", reason: words.present, evidence: files };
  const listed = documents.evidence.length < count ? documents.evidence : [...documents.evidence, ...files];
  return { ...documents, reason: `${words.present} ${documents.reason}`, evidence: listed, evidenceCount: count + files.length };
}

const EGRESS_RULES = ["classification/egress"];

const isolation: ReadinessCheck = {
  id: "infra.isolation",
  title: "Network isolation",
  criterion: "every step declares `network` and no classification/egress error exists",
  *evaluate(ctx) {
    const steps = yield* stepsOf(ctx);
    if (!steps.length) return notApplicable(noStepsReason(ctx), NEW_PIPELINE);
    const subjects = yield* tallyInSteps(steps, ({ doc, pointer, step, label }) => {
      const subject = new Subject(label);
      const at = joinPointer(pointer, "network");
      subject.addDiagnostics(doc, doc.diagnosticsOf(EGRESS_RULES, pointer));
      // A value that is not a network is the schema's finding, read here rather than judged again.
      if (step.network === undefined)
        subject.add(doc.evidence(pointer, "This step declares no network (none, internal or egress; recommended).", "warn", "key"));
      else if (!subject.addErrorsAt(doc, at) && !subject.hasProblem) {
        subject.add(doc.evidence(at, `network: ${showValue(step.network)}.`, "pass"));
      }
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

const SCHEDULER_SNIPPET = "scheduler:\n  type: ${1|slurm,pbs,lsf,flux,kubernetes|}\n  account: ${2:account}\n  partition: ${3:gpu}\n";

const hpc: ReadinessCheck = {
  id: "infra.hpc",
  title: "HPC workflow engine and scheduler",
  criterion: "every pipeline names a workflow engine and a scheduler other than `local`",
  *evaluate(ctx) {
    const pipelines = ctx.ofKind("PipelineConfig");
    if (!pipelines.length) return notApplicable(NO_PIPELINE, NEW_PIPELINE);
    let snippet: ReadinessFix | undefined;
    // Which engines and schedulers exist is the schema's to say: a wrong one is its finding.
    const subjects = yield* tallyInSteps(pipelines, (doc) => {
      const subject = new Subject(doc.label);
      const engine = doc.value.engine;
      const parts: string[] = [];
      if (!isRecord(engine)) {
        if (engine === undefined || !subject.addErrorsAt(doc, "/engine")) {
          ctx.missing(subject, doc, "", "engine", "The pipeline names no workflow engine (engine.type).");
        }
      } else if (engine.type === undefined) ctx.missing(subject, doc, "/engine", "type", "The pipeline's engine has no type.");
      else if (!subject.addErrorsAt(doc, "/engine/type")) parts.push(`engine ${showValue(engine.type)}`);
      const scheduler = doc.value.scheduler;
      if (!isRecord(scheduler)) {
        if (scheduler === undefined || !subject.addErrorsAt(doc, "/scheduler")) {
          const message = "The pipeline names no scheduler (slurm, pbs, lsf, flux, kubernetes; recommended for HPC).";
          subject.add(doc.evidence("", message, "warn", "key"));
          snippet ??= snippetFix(doc, `Add a scheduler block to ${doc.path}`, SCHEDULER_SNIPPET);
        }
      } else if (scheduler.type === "local")
        subject.add(doc.evidence("/scheduler/type", "The scheduler is local: the pipeline does not run on an HPC scheduler.", "warn"));
      else if (scheduler.type === undefined) ctx.missing(subject, doc, "/scheduler", "type", "The scheduler has no type.");
      else if (!subject.addErrorsAt(doc, "/scheduler/type")) parts.push(`scheduler ${showValue(scheduler.type)}`);
      if (!subject.hasProblem)
        subject.add(
          doc.evidence(
            "/engine",
            `${parts.join(", ")}.`.replace(/^./, (c) => c.toUpperCase()),
            "pass",
            "key",
          ),
        );
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

export const INFRASTRUCTURE_ITEMS: readonly ReadinessCheck[] = [containers, ci, isolation, hpc];
