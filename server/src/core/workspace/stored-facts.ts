import type { GenesisDocument, RecognisedBy } from "../document";
import type { DocumentKind, Span } from "../types";
import type { DocumentFacts, ReferenceSite } from "./facts";
import type { Landmarks } from "./landmarks";

/**
 * Where the parse tree of stored facts comes from: a tree in hand, a getter, or a keeper that
 * rebuilds trees from the facts' text on demand and keeps a few (parse/recent-parses.ts). A keeper
 * is given the facts themselves, so that a workspace of closed documents needs no getter each.
 */
export type TreeSource = (() => GenesisDocument) | { treeOf(facts: StoredFacts): GenesisDocument };

/** The outputs' classifications of every document that declares none: one map for all, never changed. */
const NO_OUTPUT_CLASSIFICATIONS: ReadonlyMap<string, Readonly<Record<string, unknown>>> = new Map();

/**
 * DocumentFacts as the workspace keeps them, one per document. A class, so that every document's
 * facts share one hidden class with their fields in the object itself (an object given a `document`
 * getter after it was built becomes a dictionary, four times the size). The fields are plain data,
 * own and enumerable, so that a copy (`{ ...facts }`) or a structured clone carries them all; the
 * tree source is private, so that neither carries it.
 */
export class StoredFacts implements DocumentFacts {
  readonly path: string;
  readonly kind: DocumentKind;
  readonly id: string | undefined;
  readonly version: string | undefined;
  readonly name: string | undefined;
  readonly classification: Readonly<Record<string, unknown>> | undefined;
  readonly license: string | undefined;
  readonly idSpan: Span;
  readonly references: readonly ReferenceSite[];
  readonly outputClassifications: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
  readonly landmarks: Landmarks;
  readonly text: string;
  readonly value: Readonly<Record<string, unknown>>;
  readonly recognisedBy: RecognisedBy;
  readonly blockInsertOffset: number | undefined;
  readonly #tree: TreeSource;

  /** `facts`' fields (never its `document`), with the tree read from `tree`. */
  constructor(facts: Omit<DocumentFacts, "document">, tree: TreeSource) {
    this.path = facts.path;
    this.kind = facts.kind;
    this.id = facts.id;
    this.version = facts.version;
    this.name = facts.name;
    this.classification = facts.classification;
    this.license = facts.license;
    this.idSpan = facts.idSpan;
    this.references = facts.references;
    this.outputClassifications = facts.outputClassifications.size === 0 ? NO_OUTPUT_CLASSIFICATIONS : facts.outputClassifications;
    this.landmarks = facts.landmarks;
    this.text = facts.text;
    this.value = facts.value;
    this.recognisedBy = facts.recognisedBy;
    this.blockInsertOffset = facts.blockInsertOffset;
    this.#tree = tree;
  }

  /**
   * The parsed document. Closed documents' trees may be rebuilt from `text` on each read, so rules
   * read it only when they report something.
   */
  get document(): GenesisDocument {
    const tree = this.#tree;
    return typeof tree === "function" ? tree() : tree.treeOf(this);
  }
}
