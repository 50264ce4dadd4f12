import { isRecord, joinPointer } from "../pointer";
import { checkNamesDocument, checkResolves } from "./items-data";
import { commandFix, pathIn, type ReadinessContext } from "./context";
import { isAtOrBelow, type ReadinessDoc } from "./readiness-doc";
import { failAt, judge, notApplicable, showValue, Subject, tallyInSteps, type ReadinessCheck } from "./judge";
import type { ReadinessFix } from "./model";
import { pacer } from "./steps";

/** The Model group of docs/checklist.md: cards, evaluation, reproducible training, pinned dependencies, artifacts. */

const NEW_CARD: ReadinessFix = commandFix("New Model Card", "genesis.newModelCard", {
  title: "Write a model card",
  commandLine: "genesis-readiness init modelcard ID",
});
const NO_CARD = "No Genesis model card in the workspace.";

/** File extensions of model files that a card must describe (the artifact formats of docs/formats/model-card.md). */
const MODEL_FILE = /\.(onnx|safetensors|gguf|pt|pth|torchscript)$/i;

const cards: ReadinessCheck = {
  id: "model.cards",
  title: "Model cards for every model",
  criterion: "every model artifact in the workspace is described by a model card without errors",
  *evaluate(ctx) {
    const allCards = ctx.all.filter((d) => d.kind === "ModelCard");
    const described = new Set<string>();
    const pause = pacer();
    for (const doc of allCards) {
      if (pause()) yield;
      // "/artifacts/*/path", read off the "/artifacts/*" the artifacts item selects too.
      const artifacts = doc.select("/artifacts/*");
      for (let i = 0; i < artifacts.length; i++) {
        const artifact = artifacts[i].value;
        if (!isRecord(artifact) || !Object.prototype.hasOwnProperty.call(artifact, "path")) continue;
        const target = pathIn(doc, artifact.path);
        if (target.ok) described.add(target.path);
      }
    }
    const orphans = ctx.trusted ? ctx.files.under("").filter((path) => MODEL_FILE.test(path) && !described.has(path)) : [];
    if (!allCards.length && !orphans.length)
      return notApplicable("No model card and no model file (.onnx, .safetensors, .gguf, .pt) in the workspace.", NEW_CARD);
    const subjects = yield* tallyInSteps(allCards, (doc) => {
      const subject = new Subject(doc.label);
      subject.addDiagnostics(doc, doc.errors());
      if (doc.huggingFaceOnly) {
        const notGenesis = doc.diagnostics.find((d) => d.rule === "modelcard/not-genesis");
        if (notGenesis) subject.addDiagnostic(doc, notGenesis);
        else
          subject.add(
            doc.evidence(
              "",
              "A Hugging Face card without the Genesis fields " +
                "(apiVersion, kind, id, version, classification, training, evaluation, risk...).",
              "warn",
              "key",
            ),
          );
      }
      // A card without errors still describes nothing traceable when its training data or pipeline names no document.
      const sites = doc.facts.references;
      for (let i = 0; i < sites.length; i++) {
        if (sites[i].role === "trainingData" || sites[i].role === "trainingPipeline") checkNamesDocument(ctx, subject, doc, sites[i]);
      }
      if (!subject.hasProblem) subject.add(doc.evidence("", "The card has no error.", "pass", "key"));
      return subject;
    });
    for (const path of orphans) {
      subjects.add(
        new Subject(path).add({
          path,
          message: "No model card describes this model file (no card's artifacts[].path names it).",
          status: "fail",
        }),
      );
    }
    return judge(
      subjects,
      {
        noun: ["model", "models"],
        pass: ["is described by a card without errors", "are described by cards without errors"],
        warn: ["has a card that is not Genesis-ready yet", "have cards that are not Genesis-ready yet"],
        fail: ["has no card or a card with errors", "have no card or cards with errors"],
      },
      (worst) => (worst && orphans.includes(worst.label) ? NEW_CARD : undefined),
    );
  },
};

const evaluation: ReadinessCheck = {
  id: "model.evaluation",
  title: "Evaluation results",
  criterion: "every card has evaluation results on resolvable datasets",
  *evaluate(ctx) {
    const docs = ctx.ofKind("ModelCard");
    if (!docs.length) return notApplicable(NO_CARD, NEW_CARD);
    const subjects = yield* tallyInSteps(docs, (doc) => {
      const subject = new Subject(doc.label);
      const results = isRecord(doc.value.evaluation) ? doc.value.evaluation.results : undefined;
      if (!isRecord(doc.value.evaluation))
        ctx.missing(subject, doc, "", "evaluation", "The card has no evaluation (datasets and results).");
      else if (!Array.isArray(results) || results.length === 0)
        ctx.missing(subject, doc, "/evaluation", "results", "The card's evaluation has no results (metric, value, dataset).");
      const references = doc.facts.references;
      for (let i = 0; i < references.length; i++)
        if (references[i].role === "evaluationData") checkResolves(ctx, subject, doc, references[i]);
      for (let i = 0; i < doc.diagnostics.length; i++) {
        const d = doc.diagnostics[i];
        if (d.severity === "error" && isAtOrBelow(d.pointer, "/evaluation/results")) subject.addDiagnostic(doc, d);
      }
      if (!subject.hasProblem && Array.isArray(results)) {
        // A dataset that is no reference site of the document is external (a DOI, a URL): the
        // reference rules check its form, and an error there would have failed the card above.
        const sites = new Set(doc.facts.references.map((site) => site.pointer));
        const datasets = doc.select("/evaluation/results/*/dataset");
        const external = datasets.filter(({ pointer, value }) => typeof value === "string" && !sites.has(pointer)).length;
        const note = external ? ` (${external} on external datasets, checked for form only)` : "";
        subject.add(
          doc.evidence(
            "/evaluation/results",
            `${results.length} evaluation result${results.length === 1 ? "" : "s"} on datasets that resolve${note}.`,
            "pass",
            "key",
          ),
        );
      }
      return subject;
    });
    return judge(subjects, {
      noun: ["card", "cards"],
      pass: ["has evaluation results on resolvable datasets", "have evaluation results on resolvable datasets"],
      warn: ["evaluates on unpinned datasets", "evaluate on unpinned datasets"],
      fail: ["lacks evaluation results on resolvable datasets", "lack evaluation results on resolvable datasets"],
    });
  },
};

const reproducible: ReadinessCheck = {
  id: "model.reproducible",
  title: "Logged training runs",
  criterion: "every card has a logged training run (tracker, runId, commit, seed)",
  *evaluate(ctx) {
    const docs = ctx.ofKind("ModelCard");
    if (!docs.length) return notApplicable(NO_CARD, NEW_CARD);
    const subjects = yield* tallyInSteps(docs, (doc) => {
      const subject = new Subject(doc.label);
      const training = doc.value.training;
      const run = isRecord(training) ? training.run : undefined;
      if (!isRecord(training)) ctx.missing(subject, doc, "", "training", "The card has no training section (datasets, run, environment).");
      else if (!isRecord(run))
        ctx.missing(subject, doc, "/training", "run", "The card logs no training run (training.run with tracker, runId, commit, seed).");
      else {
        // Whether the run logs runId, commit (40 hex) and seed is repro/run's to say; the tracker is required by the schema.
        if (run.tracker === undefined) {
          ctx.missing(subject, doc, "/training/run", "tracker", "The training run names no tracker (mlflow, wandb, tensorboard, other).");
        }
        subject.addDiagnostics(doc, doc.diagnosticsOf(["repro/run"], ["/training/run"]));
      }
      if (!subject.hasProblem && isRecord(run)) {
        const commit = typeof run.commit === "string" ? run.commit.slice(0, 7) : showValue(run.commit);
        const message = `Run ${showValue(run.runId)} in ${showValue(run.tracker)}, commit ${commit}, seed ${showValue(run.seed)}.`;
        subject.add(doc.evidence("/training/run", message, "pass", "key"));
      }
      return subject;
    });
    return judge(subjects, {
      noun: ["card", "cards"],
      pass: ["logs its training run", "log their training runs"],
      warn: ["logs an incomplete training run", "log incomplete training runs"],
      fail: ["logs no training run", "log no training runs"],
    });
  },
};

const pinned: ReadinessCheck = {
  id: "model.pinned",
  title: "Pinned dependencies (lockfiles)",
  criterion: "every card and pipeline names a lockfile that exists",
  needsFiles: "lockfiles are not looked for",
  *evaluate(ctx) {
    const docs = [...ctx.ofKind("ModelCard"), ...ctx.ofKind("PipelineConfig")];
    if (!docs.length) return notApplicable("No Genesis model card or pipeline config in the workspace.", NEW_CARD);
    const subjects = yield* tallyInSteps(docs, (doc) => {
      const subject = new Subject(doc.label);
      const { parent, pointer } = doc.kind === "ModelCard" ? CARD_LOCKFILE : PIPELINE_LOCKFILE;
      const declared = doc.at(pointer);
      if (declared === undefined) missingLockfile(ctx, subject, doc, parent);
      else {
        const target = pathIn(doc, declared);
        if (!target.ok) failAt(subject, doc, pointer, `The lockfile ${JSON.stringify(declared)} ${target.why}.`);
        else if (!ctx.files.has(target.path))
          ctx.finding(subject, doc, "repro/lockfile", pointer, `The lockfile ${target.path} does not exist.`);
        else subject.add(doc.evidence(pointer, `Lockfile ${target.path} exists.`, "pass"));
      }
      return subject;
    });
    return judge(subjects, {
      noun: ["card or pipeline", "cards and pipelines"],
      pass: ["names a lockfile that exists", "name lockfiles that exist"],
      warn: ["names a lockfile that does not exist", "name lockfiles that do not exist"],
      fail: ["names no lockfile that exists", "name no lockfiles that exist"],
    });
  },
};

/** Where a card's and a pipeline's lockfile is declared. */
const CARD_LOCKFILE = lockfilePlace("ModelCard", "/training/environment");
const PIPELINE_LOCKFILE = lockfilePlace("PipelineConfig", "/reproducibility");

function lockfilePlace(kind: "ModelCard" | "PipelineConfig", parent: string): { parent: string; pointer: string; message: string } {
  const message = `The ${kind === "ModelCard" ? "card" : "pipeline"} names no lockfile (${parent.slice(1).replace(/\//g, ".")}.lockfile).`;
  return { parent, pointer: joinPointer(parent, "lockfile"), message };
}

/** Reports the innermost missing part on the way to a lockfile (`reproducibility`, `training.environment`, `lockfile`). */
function missingLockfile(ctx: ReadinessContext, subject: Subject, doc: ReadinessDoc, parent: string): void {
  const message = (doc.kind === "ModelCard" ? CARD_LOCKFILE : PIPELINE_LOCKFILE).message;
  if (doc.at(parent) !== undefined) return ctx.missing(subject, doc, parent, "lockfile", message);
  if (doc.kind === "PipelineConfig") return ctx.missing(subject, doc, "", "reproducibility", message);
  if (doc.at("/training") !== undefined) return ctx.missing(subject, doc, "/training", "environment", message);
  ctx.missing(subject, doc, "", "training", message);
}

const CONTAINER_RULES = ["container/unpinned", "container/latest", "container/registry"];
const ARTIFACT_RULES = [
  "integrity/checksum-format",
  "integrity/checksum-missing",
  "integrity/file-missing",
  "integrity/checksum-mismatch",
  "model/signature-mismatch",
  "path/outside-workspace",
];

const artifacts: ReadinessCheck = {
  id: "model.artifacts",
  title: "Exportable artifacts with integrity",
  criterion: "every card has an ONNX or container artifact with integrity (and a matching signature for ONNX)",
  *evaluate(ctx) {
    const docs = ctx.ofKind("ModelCard");
    if (!docs.length) return notApplicable(NO_CARD, NEW_CARD);
    const subjects = yield* tallyInSteps(docs, (doc) => {
      const subject = new Subject(doc.label);
      let qualifying = 0;
      const artifacts = doc.select("/artifacts/*");
      for (let n = 0; n < artifacts.length; n++) {
        const { pointer, value } = artifacts[n];
        if (!isRecord(value) || (value.format !== "onnx" && value.format !== "oci-image")) continue;
        const before = subject.evidence.length;
        subject.addDiagnostics(doc, doc.diagnosticsOf(ARTIFACT_RULES, pointer));
        // The rules judge the values: the image reference (the container rules, the schema's
        // pattern), the checksum's form and presence (integrity/*). This item asks for a
        // qualifying artifact, a signature for ONNX, and reads their findings.
        subject.addErrorsAt(doc, pointer);
        if (value.format === "oci-image") {
          const at = joinPointer(pointer, "path");
          if (value.path === undefined) ctx.missing(subject, doc, pointer, "path", "This container artifact names no image (path).");
          else subject.addDiagnostics(doc, doc.diagnosticsOf(CONTAINER_RULES, at));
        } else {
          if (value.sha256 === undefined) {
            ctx.finding(subject, doc, "integrity/checksum-missing", pointer, "This ONNX artifact has no sha256.", "key");
          }
          if (!isRecord(value.signature))
            subject.add(
              doc.evidence(
                pointer,
                "This ONNX artifact declares no signature (its inputs and outputs with dtype and shape).",
                "fail",
                "key",
              ),
            );
        }
        const here = subject.evidence.slice(before);
        if (here.some((e) => e.status === "fail")) continue;
        qualifying++; // a warning (an image not pinned in dev, a graph not compared) lowers, but the artifact counts
        if (here.some((e) => e.status === "warn")) continue;
        const what =
          value.format === "onnx"
            ? `ONNX artifact ${showValue(value.path)} with sha256 and a signature`
            : `Container ${showValue(value.path)}, with no container finding`;
        subject.add(doc.evidence(pointer, `${what}.`, "pass", "key"));
      }
      if (!qualifying && !subject.hasProblem) {
        const where = Array.isArray(doc.value.artifacts) ? "/artifacts" : "";
        subject.add(doc.evidence(where, "The card has no ONNX or container (oci-image) artifact.", "fail", "key"));
      }
      return subject;
    });
    return judge(subjects, {
      noun: ["card", "cards"],
      pass: ["has an ONNX or container artifact with integrity", "have ONNX or container artifacts with integrity"],
      warn: ["has an artifact that could not be compared", "have artifacts that could not be compared"],
      fail: ["lacks an ONNX or container artifact with integrity", "lack ONNX or container artifacts with integrity"],
    });
  },
};

export const MODEL_ITEMS: readonly ReadinessCheck[] = [cards, evaluation, reproducible, pinned, artifacts];
