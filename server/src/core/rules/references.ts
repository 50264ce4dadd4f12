import { select } from "../pointer";
import type { DocumentCheck } from "./context";
import { parseReference, REFERENCE_FORMS } from "./reference-form";
import { referencePositions } from "./reference-positions";

/**
 * The form of every reference (docs/formats/common.md#references). A bare id is `ref/unversioned` (the schemas accept it so that
 * this rule reports it); any other malformed reference is `schema/pattern`, reported here because
 * the schemas only say `type: string`. A reference that is not a string is left to `schema/type`.
 * Whether an `id@version` names an existing document is the workspace rules' concern.
 */
const referenceFormCheck: DocumentCheck = {
  name: "reference-form",
  reports: ["ref/unversioned", "schema/pattern"],
  check({ document, value, report }) {
    for (const position of referencePositions(document.kind)) {
      for (const { pointer, value: reference } of select(value, position.pattern)) {
        if (typeof reference !== "string") continue;
        const parsed = parseReference(reference);
        if (parsed.type === "internal" && parsed.version === undefined) {
          report({
            rule: "ref/unversioned",
            pointer,
            message:
              `"${reference}" has no version; a reference to ${position.role} is id@version: ` +
              `write "${reference}@<version>" with the exact version used.`,
            data: { id: parsed.id },
          });
        } else if (parsed.type === "invalid") {
          const suggestion = parsed.suggestion ? `; did you mean "${parsed.suggestion}"?` : ".";
          report({
            rule: "schema/pattern",
            pointer,
            message: `"${reference}" is not a valid reference: ${parsed.reason}${suggestion} A reference is ${REFERENCE_FORMS}.`,
            data: parsed.suggestion ? { replacement: parsed.suggestion } : undefined,
          });
        }
      }
    }
  },
};

export const referencesChecks: readonly DocumentCheck[] = [referenceFormCheck];
