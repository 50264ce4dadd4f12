import { DEFAULT_CONFIG, normaliseConfig, unknownRuleIds, unreadableMaxWalltimes, ALL_RULE_IDS, type GenesisConfig } from "./config";
import { nearest } from "./nearest";
import { joinPointer } from "./pointer";
import { parseYaml } from "./parse/yaml";
import { rootAnchor, type GenesisDocument, type SourceFile } from "./document";
import { brokenRegionStart } from "./parse/broken-region";
import { parseGenesisDocument } from "./parse/document";
import { diffTexts, reparseEdit } from "./parse/incremental";
import { isRecord } from "./pointer";
import { ruleInfo } from "./rules/catalog";
import { isPlainHuggingFaceCard } from "./rules/header";
import { GENESIS_FIELDS } from "./rules/not-genesis";
import { resolveSeverity } from "./rules/severity";
import { findingOf, type DocumentCheck, type Report } from "./rules/context";
import { DOCUMENT_CHECKS } from "./rules/document-checks";
import { schemaFindings } from "./schema/findings";
import { SchemaRegistry } from "./schema/registry";
import { applySuppressions, findSuppressions, type WaivableFinding } from "./suppress";
import { LineIndex } from "./text";
import type { Diagnostic, Finding, Span } from "./types";
import { spanOf } from "./document";
import type { WorkspaceCheck } from "./workspace/context";
import { WORKSPACE_CHECKS } from "./workspace/checks";
import { spanInFacts, type DocumentFacts } from "./workspace/facts";
import { checkEvidence } from "./evidence/check";
import {
  DEFAULT_MAX_DOCUMENT_BYTES,
  isOverLimit,
  maxDocumentBytes,
  TOO_LARGE_HEAD_CHARACTERS,
  tooLargeMessage,
  utf8Length,
} from "./host/size-limit";
import type { EvidenceMap } from "./evidence/types";
import type { WorkspaceIndex } from "./workspace/workspace-index";

export interface EngineOptions {
  /** At most this many diagnostics per document; one more says how many were left out. */
  readonly maxDiagnostics?: number;
  /** A check that takes longer than this on one document is named in an info diagnostic. */
  readonly checkBudgetMs?: number;
  /** Milliseconds, for timing checks; passed in so that tests control it. */
  readonly clock?: () => number;
  /**
   * Today's date, `YYYY-MM-DD`, against which a waiver's `(until ...)` is judged (docs/rules.md#waivers). The core never
   * reads the calendar: front ends pass their local date (`() => isoDateOf(new Date())`), tests a
   * fixed one. Without it an expiry is checked for its form only and never lapses.
   */
  readonly today?: () => string;
}

/** How much a check returns. */
export interface CheckOptions {
  /**
   * Also return the diagnostics that a waiver silences, each with its `waiver` set (the workspace
   * host keeps them for the checklist and the reports); by default they are left out.
   */
  readonly includeWaived?: boolean;
}

export interface Analysis {
  /** Undefined when the file is not a Genesis document. */
  readonly document?: GenesisDocument;
  readonly diagnostics: readonly Diagnostic[];
}

/** Schema findings that a more specific rule supersedes when both speak about one node. */
const GENERIC_SCHEMA_RULES = new Set(["schema/type", "schema/enum", "schema/format", "schema/pattern", "schema/range"]);
const HEADER_POINTERS = new Set(["/apiVersion", "/kind"]);

/**
 * The pure engine: text in, diagnostics out. One instance compiles the schemas once and can be
 * shared by every document; it holds no per-document state.
 */
export class Engine {
  private readonly schemas = new SchemaRegistry();
  private readonly maxDiagnostics: number;
  private readonly checkBudgetMs: number;
  private readonly clock: () => number;
  private readonly today: (() => string) | undefined;

  constructor(
    options: EngineOptions = {},
    private readonly checks: readonly DocumentCheck[] = DOCUMENT_CHECKS,
    private readonly workspaceChecks: readonly WorkspaceCheck[] = WORKSPACE_CHECKS,
  ) {
    this.maxDiagnostics = options.maxDiagnostics ?? 1000;
    this.checkBudgetMs = options.checkBudgetMs ?? 500;
    this.clock = options.clock ?? (() => performance.now());
    this.today = options.today;
  }

  get schemaRegistry(): SchemaRegistry {
    return this.schemas;
  }

  /** Recognises, parses and checks one file with the `type` rules. */
  analyze(file: SourceFile, config: GenesisConfig = DEFAULT_CONFIG, options: CheckOptions = {}): Analysis {
    const limit = maxDocumentBytes(config);
    if (isOverLimit(file.text, limit)) return this.tooLarge(file.path, file.text, utf8Length(file.text), config);
    const document = parseGenesisDocument(file);
    if (!document) return { diagnostics: [] };
    return { document, diagnostics: this.check(document, config, options) };
  }

  /**
   * Like `analyze`, for a new text of a document parsed before: when the change stays inside one
   * scalar value, only that value is parsed again (see parse/incremental.ts); otherwise the whole
   * text is. Either way the result equals `analyze` of the new text.
   */
  analyzeChange(
    previous: GenesisDocument | undefined,
    file: SourceFile,
    config: GenesisConfig = DEFAULT_CONFIG,
    options: CheckOptions = {},
  ): Analysis {
    if (previous && previous.path === file.path && !isOverLimit(file.text, maxDocumentBytes(config))) {
      const patched = reparseEdit(previous, file.text, diffTexts(previous.text, file.text));
      if (patched) return { document: patched, diagnostics: this.check(patched, config, options) };
    }
    return this.analyze(file, config, options);
  }

  /** The `type` rules over an already parsed document. */
  check(document: GenesisDocument, config: GenesisConfig = DEFAULT_CONFIG, options: CheckOptions = {}): Diagnostic[] {
    return this.finish(this.collect(document, config), config, document.text, () => document, true, options);
  }

  /**
   * The `ws` rules of one indexed document against the rest of the workspace. The same
   * configuration and suppressions apply as to the `type` rules; a check that throws becomes one
   * diagnostic on the document.
   */
  checkWorkspace(
    facts: DocumentFacts,
    index: WorkspaceIndex,
    config: GenesisConfig = DEFAULT_CONFIG,
    options: CheckOptions = {},
  ): Diagnostic[] {
    // The parse tree is read only once something is reported: most documents of a large fan-out
    // have nothing to report, and their trees may have to be rebuilt from the text.
    const findings: Finding[] = [];
    const report = (r: Report) => findings.push(findingOf(r, (pointer, part) => spanInFacts(facts, pointer, part)));
    for (const check of this.workspaceChecks) {
      try {
        check.check({ facts, index, config, report });
      } catch (error) {
        findings.push(ruleFailure(check.name, error, facts.document));
      }
    }
    return findings.length === 0 ? [] : this.finish(findings, config, facts.text, () => facts.document, false, options);
  }

  /**
   * The `io` rules of one document against the facts read from the files it names (see
   * evidence/requests.ts for what to read). The same configuration and suppressions apply as to
   * the `type` rules; a failure becomes one diagnostic on the document.
   */
  checkEvidence(
    document: GenesisDocument,
    evidence: EvidenceMap,
    config: GenesisConfig = DEFAULT_CONFIG,
    options: CheckOptions = {},
  ): Diagnostic[] {
    let findings: Finding[];
    try {
      findings = checkEvidence(document, evidence);
    } catch (error) {
      findings = [ruleFailure("io-evidence", error, document)];
    }
    return this.finish(findings, config, document.text, () => document, false, options);
  }

  /**
   * Reads `genesis.config.yaml`: the usable configuration, and the diagnostics of the file itself
   * (syntax, schema, unknown rule ids). A broken config never stops checking: its valid parts apply.
   */
  readConfig(file: SourceFile): { config: GenesisConfig; diagnostics: Diagnostic[] } {
    const tree = parseYaml(file.text);
    const located = { tree, text: file.text };
    const findings: Finding[] = [...tree.problems];
    if (isRecord(tree.value)) {
      findings.push(...schemaFindings(located, this.schemas.validate("GenesisConfig", tree.value)));
      for (const id of unknownRuleIds(tree)) {
        const suggestion = nearest(id, ALL_RULE_IDS);
        const pointer = joinPointer("/rules", id);
        const hint = suggestion ? ` Did you mean "${suggestion}"?` : " docs/rules.md lists the rule ids.";
        findings.push({
          rule: "schema/enum",
          message: `"${id}" is not a Genesis rule id.${hint}`,
          span: spanOf(located, pointer, "key"),
          pointer,
          data: { nearest: suggestion },
        });
      }
      for (const { pointer, value, suggestion } of unreadableMaxWalltimes(tree)) {
        const written = suggestion ? `: "${suggestion}"` : ' (e.g. "2-00:00:00" or "2d" for two days)';
        findings.push({
          rule: "schema/pattern",
          message:
            `maxWalltime ${JSON.stringify(value)} is not a walltime, so no pipeline's walltime can be compared with it. ` +
            `Write it in a Slurm form (MM, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS) or as a Flux duration${written}.`,
          span: spanOf(located, pointer, "value"),
          pointer,
          data: suggestion ? { replacement: suggestion } : undefined,
        });
      }
    } else if (tree.value !== null) {
      findings.push({
        rule: "schema/type",
        message: "genesis.config.yaml must be a mapping (profile, rules, ignore, site).",
        span: rootAnchor(located),
        pointer: "",
      });
    }
    const diagnostics = findings
      .map((f) => ({ ...f, severity: f.severity ?? ruleInfo(f.rule)?.severity ?? "error" }))
      .sort((a, b) => a.span.start - b.span.start);
    return { config: normaliseConfig(tree), diagnostics };
  }

  /** A `genesis.config.yaml` above the default size limit: the defaults apply, and it gets one warning. */
  readConfigTooLarge(head: string, bytes: number): { config: GenesisConfig; diagnostics: Diagnostic[] } {
    const span = { start: 0, end: Math.min(1, head.length) };
    const message = tooLargeMessage(bytes, DEFAULT_MAX_DOCUMENT_BYTES);
    return { config: DEFAULT_CONFIG, diagnostics: [{ rule: "syntax/yaml", severity: "warning", message, span, pointer: "" }] };
  }

  private collect(document: GenesisDocument, config: GenesisConfig): Finding[] {
    const findings: Finding[] = [...document.tree.problems];
    const value = document.tree.value;
    if (!isRecord(value)) {
      if (document.markdown && !document.markdown.frontMatter) {
        findings.push({
          rule: "schema/header",
          message:
            'A Markdown model card keeps its fields in YAML front matter: start the file with "---", ' +
            'then "apiVersion: genesis/v1" and "kind: ModelCard", then "---".',
          span: rootAnchor(document),
          pointer: "",
        });
      } else if (value === null || value === undefined) {
        if (!findings.length)
          findings.push({
            rule: "schema/header",
            message: `This ${document.kind} is empty; it must start with "apiVersion: genesis/v1" and "kind: ${document.kind}".`,
            span: rootAnchor(document),
            pointer: "",
          });
      } else {
        findings.push({
          rule: "schema/type",
          message: `A ${document.kind} is a mapping of keys to values, not ${Array.isArray(value) ? "a list" : "a single value"}.`,
          span: rootAnchor(document),
          pointer: "",
        });
      }
      return findings.concat(this.runChecks(document, {}, config, true));
    }

    const schema = schemaFindings(document, this.schemas.validate(document.kind, value));
    const specific = this.runChecks(document, value, config, false);
    const claimed = new Set(specific.filter((f) => !f.rule.startsWith("schema/")).map((f) => f.pointer));
    // A plain Hugging Face card's missing Genesis fields are counted by modelcard/not-genesis; what
    // the schema says about its Hugging Face keys (a model-index result without a dataset, a
    // license "other" without license_name) stays.
    const plainCard = isPlainHuggingFaceCard(document, value);
    const broken = brokenRegionStart(document.tree, document.text);
    for (const finding of schema) {
      if (broken !== undefined && finding.span.start >= broken) continue; // no cascade from a syntax error's fragments
      if (GENERIC_SCHEMA_RULES.has(finding.rule) && claimed.has(finding.pointer)) continue;
      if (HEADER_POINTERS.has(finding.pointer)) continue; // schema/header reports the header
      const counted = plainCard ? isGenesisField : isHeaderProperty;
      if (finding.rule === "schema/required" && finding.pointer === "" && counted(finding.data?.property)) continue;
      findings.push(finding);
    }
    return findings.concat(specific);
  }

  /** Runs the checks; a check that throws becomes one diagnostic, and the others still run. */
  private runChecks(document: GenesisDocument, value: Record<string, unknown>, config: GenesisConfig, markdownOnly: boolean): Finding[] {
    const findings: Finding[] = [];
    const place = (pointer: string, part: "key" | "value") => spanOf(document, pointer, part);
    const report = (r: Report) => findings.push(findingOf(r, place));
    const context = { document, value, config, today: this.today?.(), report };
    // One clock reading per check: each check's end is the next one's start.
    let started = this.clock();
    for (const check of this.checks) {
      if (check.kinds && !check.kinds.includes(document.kind)) continue;
      if (markdownOnly && check.name !== "modelcard-sections") continue;
      try {
        check.check(context);
      } catch (error) {
        findings.push(ruleFailure(check.name, error, document));
      }
      const ended = this.clock();
      if (ended - started > this.checkBudgetMs) findings.push(slowCheck(check.name, ended - started, document));
      started = ended;
    }
    return findings;
  }

  /**
   * Waivers, then severities, then order, then the cap. The parse tree (`documentOf`) is read only
   * for a text that mentions genesis-ignore or for the cap's anchor: a ws report on a document
   * whose tree was dropped then rebuilds none. A waived finding is kept, with its waiver, and
   * returned only with `includeWaived` (after the others, outside the cap); `off` drops a finding.
   */
  private finish(
    found: readonly Finding[],
    config: GenesisConfig,
    text: string,
    documentOf: () => GenesisDocument,
    typePass: boolean,
    options: CheckOptions,
  ): Diagnostic[] {
    let findings: readonly WaivableFinding[] = found;
    if (text.includes("genesis-ignore")) {
      const document = documentOf();
      const comments = [...document.tree.comments, ...markdownComments(document)];
      if (comments.some((c) => c.text.includes("genesis-ignore"))) {
        const lines = new LineIndex(text);
        const policy = { profile: config.profile, today: this.today?.() };
        findings = applySuppressions(found, findSuppressions(text, comments, lines), lines, policy, typePass);
      }
    }
    const diagnostics: Diagnostic[] = [];
    const waived: Diagnostic[] = [];
    for (const finding of findings) {
      const severity = resolveSeverity(finding, config);
      if (severity === "off") continue;
      // Written out rather than spread, which is several times slower on this path (every finding).
      const { rule, message, pointer, data, waiver } = finding;
      const span = insideText(finding.span, text);
      const diagnostic: Diagnostic =
        data === undefined ? { rule, message, span, pointer, severity } : { rule, message, span, pointer, data, severity };
      if (waiver === undefined) diagnostics.push(diagnostic);
      else if (options.includeWaived) waived.push({ ...diagnostic, waiver });
    }
    diagnostics.sort(byPlace);
    const shown = diagnostics.length <= this.maxDiagnostics ? diagnostics : diagnostics.slice(0, this.maxDiagnostics);
    if (shown !== diagnostics) {
      shown.push({
        rule: "internal/rule-error",
        severity: "info",
        message: `${diagnostics.length - this.maxDiagnostics} more diagnostics are not shown; fix the ones above first.`,
        span: rootAnchor(documentOf()),
        pointer: "",
      });
    }
    return waived.length === 0 ? shown : shown.concat(waived.sort(byPlace));
  }

  /**
   * A document above the size limit (host/size-limit.ts): one warning, and the head of the file
   * parsed only to know its kind. `head` may be the whole text or only its start, as read from disk.
   */
  tooLarge(path: string, head: string, bytes: number, config: GenesisConfig = DEFAULT_CONFIG): Analysis {
    const document = parseGenesisDocument({ path, text: head.slice(0, TOO_LARGE_HEAD_CHARACTERS) });
    if (!document) return { diagnostics: [] };
    return {
      document,
      diagnostics: [
        {
          rule: document.syntax === "json" ? "syntax/json" : "syntax/yaml",
          severity: "warning",
          message: tooLargeMessage(bytes, maxDocumentBytes(config)),
          span: { start: 0, end: Math.min(1, head.length) },
          pointer: "",
        },
      ],
    };
  }
}

function byPlace(a: Diagnostic, b: Diagnostic): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule);
}

/**
 * A span clamped into the text, and one character wide when it would be empty (a parser may point
 * just past the end of the text, at the place where something is missing).
 */
function insideText(span: Span, text: string): Span {
  const start = Math.max(0, Math.min(span.start, text.length));
  const end = Math.max(start, Math.min(span.end, text.length));
  if (end > start || text.length === 0) return start === span.start && end === span.end ? span : { start, end };
  return start < text.length ? { start, end: start + 1 } : { start: start - 1, end: start };
}

/**
 * JavaScript cannot stop a check midway, so a slow one runs to its end; the user is told which one
 * it was, so that the cause of a slow editor is visible and reportable.
 */
function slowCheck(name: string, took: number, document: GenesisDocument): Finding {
  return {
    rule: "internal/rule-error",
    severity: "info",
    message:
      `The "${name}" check took ${Math.round(took)} ms on this document, longer than it should; ` +
      "please report it with the document's size.",
    span: rootAnchor(document),
    pointer: "",
  };
}

function ruleFailure(name: string, error: unknown, document: GenesisDocument): Finding {
  return {
    rule: "internal/rule-error",
    message:
      `The "${name}" check failed on this document (${error instanceof Error ? error.message : String(error)}); ` +
      "the other checks ran. Please report this.",
    span: rootAnchor(document),
    pointer: "",
  };
}

/** A top-level field a Genesis card requires: on a plain Hugging Face card, modelcard/not-genesis counts it. */
function isGenesisField(property: unknown): boolean {
  return (GENESIS_FIELDS as readonly unknown[]).includes(property);
}

function isHeaderProperty(property: unknown): boolean {
  return property === "apiVersion" || property === "kind";
}

/** `<!-- genesis-ignore ... -->` comments in a Markdown body. */
function markdownComments(document: GenesisDocument): { span: { start: number; end: number }; text: string }[] {
  if (!document.markdown) return [];
  const comments = [];
  const pattern = /<!--([\s\S]*?)-->/g;
  pattern.lastIndex = document.markdown.bodyStart;
  for (let match = pattern.exec(document.text); match; match = pattern.exec(document.text)) {
    comments.push({ span: { start: match.index, end: match.index + match[0].length }, text: match[1] });
  }
  return comments;
}
