import type { GenesisDocument } from "../document";
import type { DocumentFacts } from "../workspace/facts";
import type { PortableFacts } from "./pre-analysis";

/** The facts with their `document` read through `load` (a getter, so a dropped tree is rebuilt). */
export function withDocument(facts: PortableFacts | DocumentFacts, load: () => GenesisDocument): DocumentFacts {
  const { document: _document, ...rest } = facts as DocumentFacts;
  return Object.defineProperty(rest, "document", { get: load, enumerable: true }) as DocumentFacts;
}
