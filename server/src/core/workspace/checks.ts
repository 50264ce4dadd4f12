import { downgradeCheck, propagationCheck } from "./classification-flow";
import type { WorkspaceCheck } from "./context";
import { licenseCompatibilityCheck } from "./license-compatibility";
import { cycleCheck, lineageConsistencyCheck } from "./lineage";
import { duplicateIdCheck, resolutionCheck } from "./references";

/** Every workspace (`ws`) rule, run per document against the index. */
export const WORKSPACE_CHECKS: readonly WorkspaceCheck[] = [
  resolutionCheck,
  duplicateIdCheck,
  cycleCheck,
  lineageConsistencyCheck,
  downgradeCheck,
  propagationCheck,
  licenseCompatibilityCheck,
];
