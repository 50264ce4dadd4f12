import type { DocumentCheck } from "./context";

export const integrityChecks: readonly DocumentCheck[] = [];
