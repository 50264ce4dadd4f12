import type { GenesisDocument, MarkdownParts, SourceFile } from "../document";
import { baseName, kindFromContent, kindFromName, mayDeclareKind, modelCardFromKeyLines, syntaxOf } from "../kinds/recognise";
import type { Finding, Span } from "../types";
import { parseJson } from "./json";
import { findFrontMatter, findHeadings } from "./markdown";
import type { ParsedTree } from "./tree";
import { parseYaml } from "./yaml";
import type { YamlVersion } from "./yaml-scalars";
import { parseYamlFast } from "./yaml-fast";

/** The fast parser for the common subset, the full parser for everything else (and every error). */
function parseYamlRegion(text: string, region: Span | undefined, version: YamlVersion): ParsedTree {
  return parseYamlFast(text, region, version) ?? parseYaml(text, region, version);
}

/**
 * Recognises a file as a Genesis document (docs/formats/README.md#recognition) and parses it, once. Undefined for every other file:
 * those are left alone (a `dvc.yaml`, a CWL workflow, a `datapackage.json`...).
 */
export function parseGenesisDocument(file: SourceFile): GenesisDocument | undefined {
  const syntax = syntaxOf(file.path);
  if (!syntax) return undefined;
  const byName = kindFromName(file.path);
  if (!byName && !mayDeclareKind(file.text, syntax, file.path)) return undefined;

  const unreadable = unreadableReason(file.text);
  if (unreadable && byName) {
    const tree = emptyTree(syntax === "json" ? "json" : "yaml", { start: 0, end: 0 }, [
      {
        rule: syntax === "json" ? "syntax/json" : "syntax/yaml",
        message: unreadable,
        span: { start: 0, end: Math.min(1, file.text.length) },
        pointer: "",
      },
    ]);
    return { path: file.path, text: file.text, kind: byName, syntax, recognisedBy: "file-name", tree };
  }
  if (unreadable) return undefined;

  let tree: ParsedTree;
  let markdown: MarkdownParts | undefined;
  if (syntax === "markdown") {
    const frontMatter = findFrontMatter(file.text);
    const bodyStart = frontMatter ? frontMatter.block.end : 0;
    tree = frontMatter ? parseYamlRegion(file.text, frontMatter.content, "1.1") : emptyTree("yaml", { start: 0, end: 0 }, []);
    if (frontMatter && !frontMatter.closed) {
      tree = {
        ...tree,
        problems: [
          ...tree.problems,
          {
            rule: "syntax/yaml",
            message: 'The front matter is not closed; end it with a line of "---".',
            span: { start: frontMatter.block.start, end: frontMatter.block.start + 3 },
            pointer: "",
          },
        ],
      };
    }
    markdown = { frontMatter, headings: findHeadings(file.text, bodyStart), bodyStart };
  } else {
    tree = syntax === "json" ? parseJson(file.text) : parseYamlRegion(file.text, undefined, "1.2");
  }

  const replaced = file.text.indexOf("\uFFFD");
  if (replaced >= 0) {
    // A few bytes that were not UTF-8 (the rest of the file is still checked).
    const problem = {
      rule: syntax === "json" ? "syntax/json" : "syntax/yaml",
      message: 'This file holds bytes that are not valid UTF-8 (shown as "\uFFFD"); save it as UTF-8.',
      span: { start: replaced, end: replaced + 1 },
      pointer: "",
    };
    tree = { ...tree, problems: [...tree.problems, problem] };
  }

  if (byName) return { path: file.path, text: file.text, kind: byName, syntax, recognisedBy: "file-name", tree, markdown };
  const isReadme = baseName(file.path).toLowerCase() === "readme.md";
  const brokenFrontMatter = syntax === "markdown" && markdown?.frontMatter && tree.problems.length > 0 ? markdown.frontMatter : undefined;
  const recognised =
    kindFromContent(tree.value, isReadme) ??
    (brokenFrontMatter
      ? modelCardFromKeyLines(file.text.slice(brokenFrontMatter.content.start, brokenFrontMatter.content.end), isReadme)
      : undefined);
  if (!recognised || (syntax === "markdown" && recognised.kind !== "ModelCard")) return undefined;
  return { path: file.path, text: file.text, kind: recognised.kind, syntax, recognisedBy: recognised.by, tree, markdown };
}

function emptyTree(syntax: "yaml" | "json", region: Span, problems: Finding[]): ParsedTree {
  return { syntax, value: null, locations: new Map(), problems, comments: [], region };
}

/**
 * Why a text cannot be a YAML/JSON/Markdown document: NUL bytes (a binary file), or many U+FFFD
 * replacement characters (bytes that were not UTF-8 when the file was decoded).
 */
function unreadableReason(text: string): string | undefined {
  const head = text.length > 65536 ? text.slice(0, 65536) : text;
  if (head.includes("\u0000"))
    return "This file holds binary data (NUL bytes), not text; a Genesis document is UTF-8 YAML, JSON or Markdown.";
  let replaced = 0;
  for (let i = 0; i < head.length; i++) if (head.charCodeAt(i) === 0xfffd) replaced++;
  if (replaced > 8 && replaced > head.length / 100) return "This file is not valid UTF-8 text; save it as UTF-8.";
  return undefined;
}
