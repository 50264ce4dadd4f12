import { classificationChecks } from "./classification";
import { containersChecks } from "./containers";
import type { DocumentCheck } from "./context";
import { datasetChecks } from "./datasets";
import { headerCheck } from "./header";
import { integrityChecks } from "./integrity";
import { licensesChecks } from "./licenses";
import { modelcardChecks } from "./modelcard";
import { pathsChecks } from "./paths";
import { pipelineChecks } from "./pipeline";
import { placeholderChecks } from "./placeholders";
import { referencesChecks } from "./references";
import { reproChecks } from "./repro";
import { riskChecks } from "./risk";
import { schedulerChecks } from "./scheduler";
import { versionsChecks } from "./versions";

/** Every check over one document's own text, in the order their findings are produced. */
export const DOCUMENT_CHECKS: readonly DocumentCheck[] = [
  headerCheck,
  ...versionsChecks,
  ...licensesChecks,
  ...referencesChecks,
  ...integrityChecks,
  ...datasetChecks,
  ...pathsChecks,
  ...classificationChecks,
  ...containersChecks,
  ...schedulerChecks,
  ...pipelineChecks,
  ...modelcardChecks,
  ...riskChecks,
  ...reproChecks,
  ...placeholderChecks,
];
