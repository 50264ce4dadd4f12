import type { GenesisDocument } from "../document";
import type { DocumentFacts } from "../workspace/facts";
import { StoredFacts } from "../workspace/stored-facts";
import type { PortableFacts } from "./pre-analysis";

/** The facts with their `document` read through `load` (a getter, so a dropped tree is rebuilt). */
export function withDocument(facts: PortableFacts | DocumentFacts, load: () => GenesisDocument): DocumentFacts {
  return new StoredFacts(facts, load);
}

/**
 * The facts without their parse tree, as plain data for another thread. The tree is not read: on a
 * document that is not open, reading it would parse the text again.
 */
export function portableFacts(facts: DocumentFacts): PortableFacts {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(facts)) if (key !== "document") copy[key] = (facts as unknown as Record<string, unknown>)[key];
  return copy as unknown as PortableFacts;
}
