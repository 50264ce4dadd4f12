import type { GenesisDocument } from "../document";
import { kindFromName } from "../kinds/recognise";
import { isRecord } from "../pointer";
import { API_VERSION } from "../rules/header";
import { DOCUMENT_KINDS, type DocumentKind } from "../types";
import { insertEntries, layoutOf, replaceScalar, type PartsEdit } from "./document-edits";
import { makeFix } from "./make-fix";
import { nextLineStart } from "./text-layout";
import type { FixProvider } from "./types";
import { fixedScalar, jsonMembers, yamlBlockEntries, type NewEntry } from "./values";

/**
 * `schema/header`: inserts what is missing of `apiVersion: genesis/v1` and `kind`, at the top of the
 * document (after a BOM, leading comments and `---`; in a model card's front matter; as the first
 * members of a JSON object), or corrects a wrong value. All are determinate, except changing a
 * `kind` that names another kind: renaming the file may be what is meant.
 */
export const headerFixes: FixProvider = (document, diagnostic, context) => {
  const kind = typeof diagnostic.data?.kind === "string" ? diagnostic.data.kind : (kindFromName(document.path) ?? document.kind);
  const apiVersion: NewEntry = { name: "apiVersion", value: fixedScalar(API_VERSION) };
  const kindEntry: NewEntry = { name: "kind", value: fixedScalar(kind) };
  const root = document.tree.value;
  const both = `Insert the header "apiVersion: ${API_VERSION}" and "kind: ${kind}"`;
  if (!isRecord(root)) return makeFix(both, [headerOfEmpty(document, [apiVersion, kindEntry])], context, true);

  const locations = document.tree.locations;
  const apiKey = locations.get("/apiVersion")?.key;
  const kindKey = locations.get("/kind")?.key;
  if (root.apiVersion === undefined && root.kind === undefined)
    return makeFix(both, [insertEntries(document, "", [apiVersion, kindEntry], { at: "first" })], context, true);
  if (diagnostic.pointer === "/kind" && root.apiVersion === undefined && diagnostic.span.start === kindKey?.start) {
    return makeFix(`Insert "apiVersion: ${API_VERSION}"`, [insertEntries(document, "", [apiVersion], { at: "first" })], context, true);
  }
  if (diagnostic.pointer === "/apiVersion" && root.kind === undefined && diagnostic.span.start === apiKey?.start) {
    return makeFix(
      `Insert "kind: ${kind}"`,
      [insertEntries(document, "", [kindEntry], { at: "after", pointer: "/apiVersion" })],
      context,
      true,
    );
  }
  if (diagnostic.pointer === "/apiVersion" && root.apiVersion !== API_VERSION) {
    return makeFix(`Change apiVersion to "${API_VERSION}"`, [replaceScalar(document, "/apiVersion", API_VERSION)], context, true);
  }
  if (diagnostic.pointer === "/kind" && root.kind !== kind) {
    const otherKind = DOCUMENT_KINDS.includes(root.kind as DocumentKind);
    return makeFix(`Change kind to "${kind}"`, [replaceScalar(document, "/kind", kind)], context, !otherKind);
  }
  return [];
};

/**
 * The header of a document without a mapping: an empty (or comments only) YAML file or front
 * matter, an empty JSON file, or a Markdown card without front matter (which gets one).
 */
function headerOfEmpty(document: GenesisDocument, entries: readonly NewEntry[]): PartsEdit | undefined {
  const { text } = document;
  const layout = layoutOf(document);
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (document.tree.value !== null) return undefined;
  if (document.syntax === "json") {
    if (text.slice(start).trim() !== "") return undefined;
    return {
      start,
      end: text.length,
      parts: ["{", layout.eol, layout.unit, ...jsonMembers(entries, layout.unit, layout), layout.eol, "}", layout.eol],
    };
  }
  const lines = yamlBlockEntries(entries, "", layout);
  const frontMatter = document.markdown?.frontMatter;
  if (document.syntax === "markdown" && !frontMatter) {
    const separated = /^[\r\n]/.test(text.slice(start)) || text.length === start ? "" : layout.eol;
    return { start, end: start, parts: [`---${layout.eol}`, ...lines, `---${layout.eol}`, separated] };
  }
  const region = frontMatter ? frontMatter.content : { start, end: text.length };
  const at = afterPreamble(text, region.start, region.end);
  const prefix = at > 0 && at === text.length && !/[\r\n]$/.test(text) ? layout.eol : "";
  return { start: at, end: at, parts: [prefix, ...lines] };
}

/** The start of the first line of a region that is not blank, a comment, a directive or `---`. */
function afterPreamble(text: string, start: number, end: number): number {
  let at = start;
  while (at < end) {
    const line = text.slice(at, nextLineStart(text, at)).trim();
    if (line !== "" && !line.startsWith("#") && !line.startsWith("%") && line !== "---") break;
    at = nextLineStart(text, at);
  }
  return Math.min(at, end);
}
