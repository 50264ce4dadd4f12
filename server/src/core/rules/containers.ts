import type { DocumentCheck } from "./context";

export const containersChecks: readonly DocumentCheck[] = [];
