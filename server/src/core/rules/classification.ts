import type { DocumentCheck } from "./context";

export const classificationChecks: readonly DocumentCheck[] = [];
