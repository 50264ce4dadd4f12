import { SLUG } from "../rules/reference-form";
import { kindsName } from "../rules/reference-positions";
import { KIND_NAME, type DocumentKind, type Span } from "../types";
import { kindsOf, label, versionAsWritten, type DocumentFacts, type ReferenceSite } from "./facts";
import type { WorkspaceIndex } from "./workspace-index";

/**
 * Navigation between Genesis documents (go to definition, find references, rename, hover,
 * workspace symbols), over the workspace index. Offsets in, offsets out: the LSP glue turns them
 * into ranges.
 *
 * Several workspace folders have one index each. A function given the index of another folder
 * than the target's (the target is not the very facts object that index holds) counts only the
 * references that folder cannot resolve itself: where the folder has its own document of that
 * kind and id, its references mean that document.
 */

/** A reference and the document it is written in. */
export interface ReferenceHit {
  readonly facts: DocumentFacts;
  readonly site: ReferenceSite;
}

/** One replacement of a rename, in the document at `path` of the index it was computed from. */
export interface NavigationEdit {
  readonly path: string;
  readonly span: Span;
  readonly newText: string;
}

export type RenameResult = { readonly edits: readonly NavigationEdit[] } | { readonly error: string };

export interface WorkspaceSymbolMatch {
  readonly path: string;
  readonly kind: DocumentKind;
  /** `id@version` (or the path of a document without an id). */
  readonly label: string;
  readonly name?: string;
  readonly span: Span;
  /** 0 id starts with the query, 1 name starts with it, 2 id contains it, 3 name contains it. */
  readonly rank: number;
}

/** The reference under the cursor; a cursor just after its last character still counts. */
export function referenceAt(facts: DocumentFacts, offset: number): ReferenceSite | undefined {
  return facts.references.find((site) => site.span.start <= offset && offset <= site.span.end);
}

/** Whether the cursor is on the document's own `id` value (its end included). */
export function isOnOwnId(facts: DocumentFacts, offset: number): boolean {
  return facts.id !== undefined && facts.idSpan.start <= offset && offset <= facts.idSpan.end;
}

/** The document a reference names: the exact `id@version`, or the only document a bare id can mean. */
export function definitionOf(index: WorkspaceIndex, site: ReferenceSite): DocumentFacts | undefined {
  const resolution = index.resolve(site);
  if (resolution.status === "resolved") return resolution.target;
  if (resolution.status === "unversioned" && resolution.candidates.length === 1) return resolution.candidates[0];
  return undefined;
}

/**
 * A document that declares the reference's id in the kind it must name, whatever the version:
 * what a rename starting from the reference renames (ids are renamed, versions are kept).
 */
export function idOwnerOf(index: WorkspaceIndex, site: ReferenceSite): DocumentFacts | undefined {
  return definitionOf(index, site) ?? site.targetKinds.flatMap((kind) => index.withId(kind, site.id))[0];
}

/**
 * Whether a reference in `index` means a document of `kind`. A position of one kind means that
 * kind. A pipeline output (a dataset manifest or a model card) means the kind it resolves to, or
 * else the first of its kinds that has its id; when none has it (the target is in another folder's
 * index), any of its kinds.
 */
export function meansKind(index: WorkspaceIndex, site: ReferenceSite, kind: DocumentKind): boolean {
  if (!site.targetKinds.includes(kind)) return false;
  if (site.targetKinds.length === 1) return true;
  const resolution = index.resolve(site);
  if (resolution.status === "resolved") return resolution.target.kind === kind;
  const holder = site.targetKinds.find((candidate) => index.withId(candidate, site.id).length > 0);
  return holder === undefined || holder === kind;
}

/**
 * Every reference in `index` to `target`: `id@version` exactly, and bare ids of its id and kind.
 * Sorted by path, then position.
 */
export function referencesTo(index: WorkspaceIndex, target: DocumentFacts): ReferenceHit[] {
  const id = target.id;
  if (id === undefined || shadowedIn(index, target)) return [];
  const hits: ReferenceHit[] = [];
  for (const facts of index.referencing(id)) {
    for (const site of facts.references) {
      if (site.id !== id || !meansKind(index, site, target.kind)) continue;
      if (site.version === undefined || site.version === target.version) hits.push({ facts, site });
    }
  }
  return hits.sort(byPlace);
}

/**
 * The edits that rename the id of `target` everywhere in `index`: the `id` of every document of its
 * kind with that id (all versions share the id) and every reference to that id in that kind, any
 * version. Only the id part of each scalar changes; `@version`, quotes and blanks stay.
 */
export function renameEdits(index: WorkspaceIndex, target: DocumentFacts, newId: string): RenameResult {
  const oldId = target.id;
  if (oldId === undefined) return { error: `${target.path} has no id to rename.` };
  if (!SLUG.test(newId)) {
    return {
      error:
        `"${newId}" is not a valid id: ` +
        'use lower-case letters, digits, ".", "_" and "-", starting with a letter or digit (at most 128 characters).',
    };
  }
  if (newId === oldId) return { edits: [] };
  const holds = index.get(target.path) === target;
  if (!holds && index.withId(target.kind, oldId).length > 0) return { edits: [] };
  const taken = index.withId(target.kind, newId)[0];
  if (taken)
    return {
      error: `The ${KIND_NAME[target.kind]} ${label(taken)} in ${taken.path} already has the id "${newId}"; ids are unique per kind.`,
    };

  const edits: NavigationEdit[] = [];
  const declarers = holds ? index.withId(target.kind, oldId) : [];
  for (const facts of declarers) edits.push(replaceId(facts, facts.idSpan, oldId, newId, undefined));
  for (const facts of index.referencing(oldId)) {
    for (const site of facts.references) {
      if (site.id === oldId && meansKind(index, site, target.kind)) edits.push(replaceId(facts, site.span, oldId, newId, site.version));
    }
  }
  return { edits: edits.sort((a, b) => a.path.localeCompare(b.path) || a.span.start - b.span.start) };
}

/**
 * Where `id` is written inside the scalar at `span` (after an opening quote or a block indicator):
 * the first occurrence not touching other id characters. Undefined when the scalar spells it with
 * escapes.
 */
export function idPartOf(text: string, span: Span, id: string): Span | undefined {
  const source = text.slice(span.start, span.end);
  const isIdChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9._-]/.test(c);
  for (let at = source.indexOf(id); at >= 0; at = source.indexOf(id, at + 1)) {
    if (!isIdChar(source[at - 1]) && !isIdChar(source[at + id.length])) return { start: span.start + at, end: span.start + at + id.length };
  }
  return undefined;
}

/** Markdown describing what a reference names, or what is missing and which versions exist. */
export function hoverFor(index: WorkspaceIndex, site: ReferenceSite): string {
  const kindName = kindsName(site.targetKinds);
  const resolution = index.resolve(site);
  switch (resolution.status) {
    case "resolved":
      return describe(resolution.target);
    case "unversioned": {
      const versions = versionList(resolution.candidates);
      if (resolution.candidates.length === 1) {
        const only = resolution.candidates[0];
        const pin = only.version ? ` \`${site.id}@${only.version}\`` : " an exact version";
        return `${describe(only)}\n\nThis reference has no version; pin it as${pin}.`;
      }
      const documents = site.targetKinds.length === 1 ? `${kindName}s` : "documents";
      return (
        `**\`${site.id}\` has no version**: the workspace has ${resolution.candidates.length} ${documents} with this id, ${versions}. ` +
        `Pin one as \`${site.id}@<version>\`.`
      );
    }
    case "version-mismatch":
      return (
        `**No ${kindName} \`${site.id}@${site.version}\` in the workspace.** ` +
        `The ${kindsName(kindsOf(resolution.candidates))} \`${site.id}\` exists in ${versionList(resolution.candidates)}.`
      );
    case "unresolved": {
      const elsewhere = resolution.sameIdOtherKinds.map((other) => `a ${KIND_NAME[other.kind]} (${code(other.path)})`);
      const hint = elsewhere.length ? ` \`${site.id}\` is ${elsewhere.join(" and ")}, not a ${kindName}.` : "";
      return `**No ${kindName} in the workspace has the id \`${site.id}\`**, in any version.${hint}`;
    }
  }
}

/**
 * Documents whose id or name contains `query` (case-insensitive; an empty query matches all),
 * prefix matches first, then by label and path.
 */
export function workspaceSymbols(index: WorkspaceIndex, query: string): WorkspaceSymbolMatch[] {
  const wanted = query.toLowerCase();
  const matches: WorkspaceSymbolMatch[] = [];
  for (const facts of index.all()) {
    const rank = rankOf(facts.id?.toLowerCase(), facts.name?.toLowerCase(), wanted);
    if (rank === undefined) continue;
    matches.push({ path: facts.path, kind: facts.kind, label: label(facts), name: facts.name, span: facts.idSpan, rank });
  }
  return matches.sort(compareSymbols);
}

/** The order of `workspaceSymbols`, for merging the matches of several folders. */
export function compareSymbols(a: WorkspaceSymbolMatch, b: WorkspaceSymbolMatch): number {
  return a.rank - b.rank || a.label.localeCompare(b.label) || a.path.localeCompare(b.path);
}

function rankOf(id: string | undefined, name: string | undefined, query: string): number | undefined {
  if (id?.startsWith(query)) return 0;
  if (name?.startsWith(query)) return 1;
  if (id?.includes(query)) return 2;
  if (name?.includes(query)) return 3;
  return undefined;
}

/** True when `index` is another folder's and has its own document of the target's kind and id. */
function shadowedIn(index: WorkspaceIndex, target: DocumentFacts): boolean {
  return index.get(target.path) !== target && target.id !== undefined && index.withId(target.kind, target.id).length > 0;
}

function replaceId(facts: DocumentFacts, span: Span, oldId: string, newId: string, version: string | undefined): NavigationEdit {
  const part = idPartOf(facts.text, span, oldId);
  if (part) return { path: facts.path, span: part, newText: newId };
  // Escapes spell the id: write the whole scalar again, as a JSON string (valid YAML too).
  return { path: facts.path, span, newText: JSON.stringify(version === undefined ? newId : `${newId}@${version}`) };
}

function byPlace(a: ReferenceHit, b: ReferenceHit): number {
  return a.facts.path.localeCompare(b.facts.path) || a.site.span.start - b.site.span.start;
}

function describe(target: DocumentFacts): string {
  const title = target.name ? `**${escapeMarkdown(target.name)}** · \`${label(target)}\`` : `**\`${label(target)}\`**`;
  const kind = KIND_NAME[target.kind];
  return [title, `${kind[0].toUpperCase()}${kind.slice(1)} · ${classificationText(target.classification)}`, code(target.path)].join("\n\n");
}

function classificationText(classification: Readonly<Record<string, unknown>> | undefined): string {
  const level = classification?.level;
  if (typeof level !== "string" || level === "") return "classification not stated";
  const extras = [
    ["categories", listText(classification?.categories)],
    ["dissemination", listText(classification?.dissemination)],
  ]
    .filter(([, text]) => text)
    .map(([name, text]) => `${name} ${text}`);
  return `classification **${escapeMarkdown(level)}**${extras.length ? ` (${extras.join("; ")})` : ""}`;
}

function listText(value: unknown): string {
  const items = Array.isArray(value) ? value : [value];
  return items
    .filter((item): item is string | number => typeof item === "string" || typeof item === "number")
    .map((item) => escapeMarkdown(String(item)))
    .join(", ");
}

function versionList(candidates: readonly DocumentFacts[]): string {
  return candidates
    .slice()
    .sort((a, b) => (a.version ?? "").localeCompare(b.version ?? "", "en", { numeric: true }) || a.path.localeCompare(b.path))
    .map((c) => `${escapeMarkdown(versionAsWritten(c))} (${code(c.path)})`)
    .join(", ");
}

/** A Markdown code span that survives backticks in the text. */
function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  return longest ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

/** Escapes what could start emphasis, code, links or HTML inside a line of hover text. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, "\\$&");
}
