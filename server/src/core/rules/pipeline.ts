import type { DocumentCheck } from "./context";

export const pipelineChecks: readonly DocumentCheck[] = [];
