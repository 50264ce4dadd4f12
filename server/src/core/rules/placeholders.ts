import { dataPathPointers } from "../evidence/targets";
import { isRecord, joinPointer } from "../pointer";
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
    // The value is walked with its pointers (each built once), and each scalar's place looked up:
    // this runs on every keystroke, so no pointer is split and walked again from the root.
    const visit = (value: unknown, pointer: string): void => {
      if (Array.isArray(value)) return value.forEach((item, i) => visit(item, joinPointer(pointer, i)));
      if (isRecord(value)) return Object.keys(value).forEach((key) => visit(value[key], joinPointer(pointer, key)));
      const location = pointer === "" || value === null || value === undefined ? undefined : tree.locations.get(pointer);
      if (!location) return;
      const written = unquoted(text.slice(location.value.start, location.value.end));
      const position = { dataPath: dataPaths.has(pointer) };
      const problem =
        placeholderProblem(written, position) ??
        (typeof value === "string" && value !== written ? placeholderProblem(value, position) : undefined);
      if (problem) report({ rule: "placeholder/value", pointer, message: problem });
    };
    visit(tree.value, "");
  },
};

export const placeholderChecks: readonly DocumentCheck[] = [placeholderCheck];

/** A scalar's source without the quotes around it; block and escaped scalars are judged by their value. */
function unquoted(source: string): string {
  const first = source.charCodeAt(0);
  const quoted = source.length >= 2 && (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) && source.charCodeAt(source.length - 1) === first;
  return quoted ? source.slice(1, -1) : source;
}

const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
