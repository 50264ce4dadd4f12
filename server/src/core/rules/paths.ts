import type { DocumentCheck } from "./context";

export const pathsChecks: readonly DocumentCheck[] = [];
