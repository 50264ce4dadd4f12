import type { DocumentCheck } from "./context";

export const licensesChecks: readonly DocumentCheck[] = [];
