import type { DocumentCheck } from "./context";

export const schedulerChecks: readonly DocumentCheck[] = [];
