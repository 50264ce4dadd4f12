import { dataPathPointers } from "../evidence/targets";
import { isRecord, valueAt } from "../pointer";
import type { DocumentCheck } from "./context";
import { placeholderProblem } from "./placeholder-text";

/**
 * `placeholder/value`: a value left from a template (placeholder-text.ts says which), one finding per
 * value, judged on the text as written and on the value YAML or JSON read from it. Mappings and lists
 * are not values; the Markdown sections of a card are `modelcard/section-placeholder`'s.
 */
const placeholderCheck: DocumentCheck = {
  name: "placeholder-value",
  reports: ["placeholder/value"],
  check({ document, report }) {
    const { tree, text } = document;
    const dataPaths = dataPathPointers(document);
    for (const [pointer, location] of tree.locations) {
      if (pointer === "") continue;
      const value = valueAt(tree.value, pointer);
      if (value === null || value === undefined || Array.isArray(value) || isRecord(value)) continue;
      const written = unquoted(text.slice(location.value.start, location.value.end));
      const position = { dataPath: dataPaths.has(pointer) };
      const problem =
        placeholderProblem(written, position) ??
        (typeof value === "string" && value !== written ? placeholderProblem(value, position) : undefined);
      if (problem) report({ rule: "placeholder/value", pointer, message: problem });
    }
  },
};

export const placeholderChecks: readonly DocumentCheck[] = [placeholderCheck];

/** A scalar's source without the quotes around it; block and escaped scalars are judged by their value. */
function unquoted(source: string): string {
  return /^(["']).*\1$/s.test(source) ? source.slice(1, -1) : source;
}
