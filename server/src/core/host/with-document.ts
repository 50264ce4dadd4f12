import type { GenesisDocument } from "../document";
import type { DocumentFacts } from "../workspace/facts";
import { StoredFacts } from "../workspace/stored-facts";
import type { PortableFacts } from "./pre-analysis";

/** The facts with their `document` read through `load` (a getter, so a dropped tree is rebuilt). */
export function withDocument(facts: PortableFacts | DocumentFacts, load: () => GenesisDocument): DocumentFacts {
  return new StoredFacts(facts, load);
}
