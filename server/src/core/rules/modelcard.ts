import type { DocumentCheck } from "./context";

export const modelcardChecks: readonly DocumentCheck[] = [];
