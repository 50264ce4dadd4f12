import type { GenesisDocument, SourceFile } from "../document";
import { syntaxOf } from "../kinds/recognise";
import { parseGenesisDocument } from "../parse/document";
import { parseJson } from "../parse/json";
import { findFrontMatter, findHeadings } from "../parse/markdown";
import { parseYaml } from "../parse/yaml";
import type { DocumentKind } from "../types";

/**
 * The document an authoring feature works on: the text as it is now, parsed. A file recognised by
 * its content stops being recognised while its `kind:` line is being edited; `lastKind` (the kind
 * of its latest recognised version) keeps it a Genesis document until the line is whole again.
 */
export function documentBeingTyped(file: SourceFile, lastKind?: DocumentKind): GenesisDocument | undefined {
  const parsed = parseGenesisDocument(file);
  if (parsed || !lastKind) return parsed;
  const syntax = syntaxOf(file.path);
  if (!syntax) return undefined;
  const base = { path: file.path, text: file.text, kind: lastKind, syntax, recognisedBy: "content" as const };
  if (syntax === "json") return { ...base, tree: parseJson(file.text) };
  if (syntax === "yaml") return { ...base, tree: parseYaml(file.text) };
  const frontMatter = findFrontMatter(file.text);
  const bodyStart = frontMatter ? frontMatter.block.end : 0;
  const tree = parseYaml(file.text, frontMatter?.content ?? { start: 0, end: 0 }, "1.1");
  return { ...base, tree, markdown: { frontMatter, headings: findHeadings(file.text, bodyStart), bodyStart } };
}
