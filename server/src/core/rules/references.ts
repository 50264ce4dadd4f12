import type { DocumentCheck } from "./context";

export const referencesChecks: readonly DocumentCheck[] = [];
