/** The readiness checklist (docs/checklist.md) and its reports: pure, plain data in and out. */
export * from "./model";
export { computeReadiness, READINESS_CHECKS } from "./compute";
export { lineageOf, mergeLineage, type LineageGraph, type LineageNode, type LineageEdge } from "./lineage";
export { mergeReadiness } from "./merge";
export { formatReadiness, REPORT_FORMATS, type ReadinessReport, type ReportFormat } from "./report";
