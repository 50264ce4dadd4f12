import type { DocumentCheck } from "./context";

export const versionsChecks: readonly DocumentCheck[] = [];
