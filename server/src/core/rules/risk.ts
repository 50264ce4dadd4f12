import type { DocumentCheck } from "./context";

export const riskChecks: readonly DocumentCheck[] = [];
