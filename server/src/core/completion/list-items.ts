import { pointerSegments } from "../pointer";
import { expandSnippet } from "../templates/snippet-syntax";
import { PARTIAL_TEMPLATES, type PartialTemplate } from "../templates/partials";
import type { DocumentKind, Span } from "../types";
import { ordered, type CompletionItem } from "./item";

/** The list each partial template is an item of (`*`: any index). */
const LISTS: readonly { readonly template: string; readonly kind: DocumentKind; readonly list: string }[] = [
  { template: "distribution", kind: "DatasetManifest", list: "/distribution" },
  { template: "field", kind: "DatasetManifest", list: "/recordSets/*/fields" },
  { template: "step", kind: "PipelineConfig", list: "/steps" },
  { template: "artifact", kind: "ModelCard", list: "/artifacts" },
];

/**
 * Whole list items for a new `- ` line of the list at `list`: the partial templates whose list it
 * is, indented to the dash at `column`. The item replaces the dash (its body starts with one).
 */
export function listItemSnippets(kind: DocumentKind, list: string, column: number, replace: Span): CompletionItem[] {
  const segments = pointerSegments(list);
  const templates = LISTS.filter((entry) => entry.kind === kind && matches(pointerSegments(entry.list), segments))
    .map((entry) => PARTIAL_TEMPLATES.find((t) => t.id === entry.template))
    .filter((t): t is PartialTemplate => t !== undefined);
  return ordered(
    templates.map((template) => ({
      label: `${template.id} (new item)`,
      kind: "snippet" as const,
      detail: template.description,
      documentation: `Inserts a whole item:\n\n\`\`\`yaml\n${expandSnippet(template.body)}\`\`\``,
      insertText: indent(template.body, column),
      isSnippet: true,
      filterText: `- ${template.id}`,
      replace,
    })),
    2,
  );
}

function matches(pattern: readonly string[], segments: readonly string[]): boolean {
  return pattern.length === segments.length && pattern.every((p, i) => p === "*" || p === segments[i]);
}

/** Every line after the first moved right to the dash's column. */
function indent(body: string, column: number): string {
  const pad = " ".repeat(column);
  return body.replace(/\n/g, `\n${pad}`);
}
