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
export { maxDocumentBytes, DEFAULT_MAX_DOCUMENT_BYTES } from "./host/size-limit";
export { ReadinessMirror, type ReadinessSync, type MirroredDocument } from "./host/readiness-mirror";
export { ReadinessSyncSource, SYNC_BATCH, type Slicer } from "./host/readiness-sync";
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
export type { Fix, FixEdit } from "./fixes/fix-providers";

// The rule catalog.
export { RULES, ruleInfo, READINESS_ITEM_IDS, type RuleInfo, type ReadinessItemId } from "./rules/catalog";
export { ruleDocUrl, RULE_DOCS_BASE } from "./rules/rule-docs";

// The `io` rules' input: what to read, and the facts read (also the readers' own entry point).
export * from "./evidence-api";

// The readiness checklist and its reports.
export * from "./readiness/model";
export { mergeReadiness } from "./readiness/merge";
export { lineageOf, mergeLineage, type LineageGraph, type LineageNode, type LineageEdge } from "./readiness/lineage";
export { formatReadiness, REPORT_FORMATS, type ReportFormat, type ReadinessReport } from "./readiness/report";
export { readinessJson } from "./readiness/report-json";

// Templates of new documents (snippets, `init`, the New ... commands): the client's entry point.
export { SLUG, DOCUMENT_TEMPLATES, type DocumentTemplate, expandSnippet } from "./client-api";
