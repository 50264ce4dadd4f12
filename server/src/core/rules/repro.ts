import type { DocumentCheck } from "./context";

export const reproChecks: readonly DocumentCheck[] = [];
