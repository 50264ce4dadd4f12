import type { GenesisDocument } from "../document";
import type { DocumentKind } from "../types";
import { DOCUMENT_KINDS } from "../types";
import { kindFromName } from "../kinds/recognise";
import { nearest } from "../nearest";
import type { DocumentCheck } from "./context";

export const API_VERSION = "genesis/v1";

/**
 * A Hugging Face `README.md` card without the Genesis header (docs/formats/README.md#recognition): its Hugging Face keys are
 * checked as the Hub checks them, and all it lacks as a Genesis card is one `modelcard/not-genesis`.
 */
export function isPlainHuggingFaceCard(document: Pick<GenesisDocument, "recognisedBy">, value: Record<string, unknown>): boolean {
  return document.recognisedBy === "hugging-face" && value.apiVersion === undefined && value.kind === undefined;
}

/** `schema/header`: every Genesis document starts with `apiVersion: genesis/v1` and its `kind` (docs/formats/README.md#recognition). */
export const headerCheck: DocumentCheck = {
  name: "header",
  reports: ["schema/header"],
  check({ document, value, report }) {
    // A Hugging Face card without the header gets one modelcard/not-genesis warning instead.
    if (isPlainHuggingFaceCard(document, value)) return;
    const expectedKind: DocumentKind = kindFromName(document.path) ?? document.kind;
    const header = `apiVersion: ${API_VERSION}\nkind: ${expectedKind}`;
    const data = { apiVersion: API_VERSION, kind: expectedKind };
    if (value.apiVersion === undefined && value.kind === undefined) {
      report({
        rule: "schema/header",
        pointer: "",
        message: `This ${expectedKind} has no header; it must start with "${header.replace("\n", '" and "')}".`,
        data,
      });
      return;
    }
    if (value.apiVersion === undefined) {
      report({
        rule: "schema/header",
        pointer: "/kind",
        part: "key",
        message: `The header is missing "apiVersion: ${API_VERSION}".`,
        data,
      });
    } else if (value.apiVersion !== API_VERSION) {
      report({
        rule: "schema/header",
        pointer: "/apiVersion",
        message: `apiVersion is ${JSON.stringify(value.apiVersion)}; it must be "${API_VERSION}".`,
        data,
      });
    }
    if (value.kind === undefined) {
      report({
        rule: "schema/header",
        pointer: "/apiVersion",
        part: "key",
        message: `The header is missing "kind: ${expectedKind}".`,
        data,
      });
    } else if (value.kind !== expectedKind) {
      const known = DOCUMENT_KINDS.includes(value.kind as DocumentKind);
      const hint = known
        ? `the file name says ${expectedKind}; rename the file or change kind to "${expectedKind}"`
        : `it must be "${expectedKind}"${nearest(String(value.kind), DOCUMENT_KINDS) ? "" : ` (one of ${DOCUMENT_KINDS.join(", ")})`}`;
      report({ rule: "schema/header", pointer: "/kind", message: `kind is ${JSON.stringify(value.kind)}; ${hint}.`, data });
    }
  },
};
