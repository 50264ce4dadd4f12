/**
 * The core's public API: everything the front ends (the language server, the CLI) may use; the
 * file readers (io/, node/) use its part evidence-api.ts, and the client its part client-api.ts,
 * which keep their bundles small. They hold a WorkspaceHost per workspace folder, feed
 * it texts, configuration, evidence and the file list, and ask it questions; the rest of the core
 * is private to it (an architecture test fails on an import past this file).
 */

// The workspace host and its questions.
export { WorkspaceHost, type Selection } from "./host/workspace-host";
export type { WorkspaceAnalysis, Place, Definition, RenameSubject, DocumentLinkTarget, CurrentDocument } from "./host/queries";
export { preAnalyse, type DocumentSource, type PreAnalysed, type PreAnalysisWanted, type PortableFacts } from "./host/pre-analysis";
export { maxDocumentBytes, DEFAULT_MAX_DOCUMENT_BYTES, isOverLimit, utf8Length, TOO_LARGE_HEAD_CHARACTERS } from "./host/size-limit";
export { Engine, type EngineOptions } from "./engine";

// Plain data shared with the front ends.
export type { Diagnostic, DocumentKind, Severity, Span, Waiver } from "./types";
export { DOCUMENT_KINDS, KIND_NAME } from "./types";
export { LineIndex, type Position } from "./text";
export { isoDateOf } from "./dates";
export { DEFAULT_CONFIG, ignoreMatcher, type GenesisConfig, type Profile } from "./config";
export { syntaxOf } from "./kinds/recognise";
export { label, type DocumentFacts } from "./workspace/facts";
export type { WorkspaceSymbolMatch, RenameResult, NavigationEdit } from "./workspace/navigation";
export { compareSymbols } from "./workspace/navigation";
export type { CompletionItem, CompletionKind } from "./completion/complete";
export type { OutlineKind, OutlineSymbol } from "./symbols";
export type { HoverInfo } from "./hover";
export { applyEdits, type Fix, type FixEdit } from "./fixes/fix-providers";

// The rule catalog.
export { RULES, ruleInfo, READINESS_ITEM_IDS, type RuleInfo, type ReadinessItemId } from "./rules/catalog";
export { ruleDocUrl, RULE_DOCS_BASE } from "./rules/rule-docs";
export { nearest } from "./nearest";

// The `io` rules' input: what to read, and the facts read (also the readers' own entry point).
export * from "./evidence-api";

// The readiness checklist and its reports.
export * from "./readiness/model";
export { finishInSlices, type Slicer, type Steps } from "./readiness/steps";
export { mergeReadiness } from "./readiness/merge";
export { lineageOf, mergeLineage, type LineageGraph, type LineageNode, type LineageEdge } from "./readiness/lineage";
export { formatReadiness, REPORT_FORMATS, type ReportFormat, type ReadinessReport } from "./readiness/report";
export { readinessJson } from "./readiness/report-json";
export { itemsWith, scoreText } from "./readiness/report-parts";

// Templates of new documents (snippets, `init`, the New ... commands): the client's entry point.
export { SLUG, DOCUMENT_TEMPLATES, type DocumentTemplate, expandSnippet } from "./client-api";

// Export to the formats of the field (docs/formats-export.md).
export { exportDocuments, exportInputOf, TARGET_NAMES, type ExportOptions } from "./convert/export/export";
export {
  EXPORT_TARGETS,
  PUBLIC_TARGETS,
  type ExportTarget,
  type ExportInput,
  type ExportResult,
  type ExportOutput,
  type ClassifiedDocument,
} from "./convert/export/model";

// Import from the field's formats (docs/formats-import.md): pure converters, fed the source text and the file facts.
export { importDocument, importFormatOf, IMPORT_KIND } from "./convert/import/import-source";
export { declaredDataPaths } from "./convert/import/declared-paths";
export {
  ImportError,
  IMPORT_FORMATS,
  type ImportContext,
  type ImportFormat,
  type ImportResult,
  type ImportSource,
  type LocalFileFacts,
} from "./convert/import/types";

// Submission bundles: what goes in, the crate metadata and the signed statement (docs/bundles.md).
export { namedFiles, type NamedFile } from "./bundle/named-files";
export * from "./bundle/layout";
export {
  crateMetadata,
  RO_CRATE_CONTEXT,
  RO_CRATE_SPEC,
  type BundledFile,
  type BundledRole,
  type CrateEntity,
  type CrateInput,
  type CrateMetadata,
} from "./bundle/crate-metadata";
export { exportedEntities, type ExportedEntities } from "./bundle/crate-entities";
export { listedFiles, type CrateListing, type ListedFile } from "./bundle/crate-read";
export * from "./bundle/statement";
