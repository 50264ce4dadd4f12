/**
 * The core's entry point for the VS Code client: the readiness model it renders, the templates its
 * New ... commands write, and the recognition patterns its activation and selectors derive from.
 * Small on purpose: the client bundle must not carry the engine.
 */
export type * from "./readiness/model";
export type { ReportFormat } from "./readiness/report";
export { SLUG } from "./rules/reference-form";
export { DOCUMENT_TEMPLATES, type DocumentTemplate } from "./templates/documents";
export { expandSnippet } from "./templates/snippet-syntax";
export { CONFIG_FILE_NAME, isGenesisFileName, mayDeclareKind, NAME_PATTERNS, SOURCE_SYNTAXES } from "./kinds/recognise";
export type { SourceSyntax } from "./document";
export { EXPORT_TARGETS, PUBLIC_TARGETS, type ExportTarget, type ClassifiedDocument } from "./convert/export/model";
