import { parse } from "yaml";
import { TODO } from "../../fixes/placeholder-texts";
import { valueAt } from "../../pointer";
import { placeholderProblem } from "../../rules/placeholder-text";
import { DOCUMENT_TEMPLATES } from "../../templates/documents";
import { expandSnippet } from "../../templates/snippet-syntax";

/**
 * The placeholders an imported document holds where its source says nothing: the very text the
 * template writes at the same place (`Full Name`, `name@lab.example.gov`, the empty file's SHA-256)
 * when `placeholder/value` reports that text, else `TODO`, which it reports too. A template value a
 * steward could keep by mistake (the choice `classification.level: public`, the version `1.0.0`, a
 * date, `None.`) is never written: every value an import did not take from its source is reported.
 */

export type TemplateId = "dataset-manifest" | "pipeline-config";

let expanded: ReadonlyMap<string, unknown> | undefined;

function templateValue(template: TemplateId, pointer: string): unknown {
  expanded ??= new Map(DOCUMENT_TEMPLATES.filter((t) => t.language === "yaml").map((t) => [t.id, parse(expandSnippet(t.body))]));
  return valueAt(expanded.get(template), pointer);
}

/** The placeholder for the value at `pointer` of a new document of `template` (a data file's path: `dataPath`). */
export function placeholderAt(template: TemplateId, pointer: string, dataPath = false): string {
  const value = templateValue(template, pointer);
  if (typeof value !== "string" && typeof value !== "number") return TODO;
  const text = String(value);
  return placeholderProblem(text, { dataPath }) ? text : TODO;
}

/** A mapping of the template (a person, say) with each of its values replaced as placeholderAt does. */
export function placeholderObject(template: TemplateId, pointer: string): Record<string, string> {
  const found = templateValue(template, pointer);
  const keys = found && typeof found === "object" ? Object.keys(found) : [];
  return Object.fromEntries(keys.map((key) => [key, placeholderAt(template, `${pointer}/${key}`)]));
}

export { TODO };
