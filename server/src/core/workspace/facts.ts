import { nonEmpty, spanOf, type GenesisDocument, type RecognisedBy } from "../document";
import type { NodeLocation } from "../parse/tree";
import { isRecord, select } from "../pointer";
import { parseReference } from "../rules/reference-form";
import { referencePositions } from "../rules/reference-positions";
import { semverCompletion } from "../rules/semver-form";
import type { DocumentKind, Span } from "../types";
import { isLandmark, landmarkAt, landmarksOf, type Landmarks } from "./landmarks";
import { StoredFacts, type TreeSource } from "./stored-facts";

/** How a reference takes part in lineage (PROV): what flows into what. */
export type ReferenceRole = "derivedFrom" | "generatedBy" | "input" | "output" | "trainingData" | "trainingPipeline" | "evaluationData";

/** One `id@version` (or bare id) in a document, where it is, and what it must name. */
export interface ReferenceSite {
  readonly pointer: string;
  readonly span: Span;
  readonly text: string;
  readonly id: string;
  /** Undefined for a bare id (`ref/unversioned`). */
  readonly version?: string;
  /** The kinds it may name, the usual one first (a pipeline output: a dataset manifest or a model card). */
  readonly targetKinds: readonly DocumentKind[];
  readonly role: ReferenceRole;
}

/** What the workspace rules need to know of one document, extracted once per parse. */
export interface DocumentFacts {
  readonly path: string;
  readonly kind: DocumentKind;
  readonly id?: string;
  readonly version?: string;
  readonly name?: string;
  /** The `classification` mapping as written (level, categories, dissemination, exportControl). */
  readonly classification?: Readonly<Record<string, unknown>>;
  readonly license?: string;
  /** Where the `id` value is, for definitions and duplicate-id reports. */
  readonly idSpan: Span;
  readonly references: readonly ReferenceSite[];
  /** Pipeline outputs that declare their own classification: pointer of the output -> its mapping. */
  readonly outputClassifications: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
  /**
   * Where the landmark nodes that the document has are (see landmarks.ts): the places ws rules
   * most often report on in this document or cite in another's messages, found without a parse tree.
   */
  readonly landmarks: Landmarks;
  /** The document's text, and its top-level object (`{}` when it is not a mapping). */
  readonly text: string;
  readonly value: Readonly<Record<string, unknown>>;
  readonly recognisedBy: RecognisedBy;
  /**
   * Where a new top-level block can be appended: the end of a YAML document, or of a Markdown
   * card's front matter. Undefined for JSON, a flow-style mapping or front matter that is not
   * closed, where a block could not be added without rewriting the document.
   */
  readonly blockInsertOffset?: number;
  /**
   * The parsed document, for positions and comments. A front end may rebuild it from `text` on
   * each read (see core/parse/recent-parses.ts), so rules read it only when they report something.
   */
  readonly document: GenesisDocument;
}

const ROLE_BY_PATTERN: Readonly<Record<string, ReferenceRole>> = {
  "/lineage/derivedFrom/*": "derivedFrom",
  "/lineage/generatedBy/pipeline": "generatedBy",
  "/inputs/*/ref": "input",
  "/outputs/*/ref": "output",
  "/training/datasets/*": "trainingData",
  "/training/pipeline": "trainingPipeline",
  "/evaluation/datasets/*": "evaluationData",
  "/evaluation/results/*/dataset": "evaluationData",
};

/**
 * The facts of a parsed document. They keep its tree, unless `tree` says where to find it again
 * (the host keeps few trees of the documents that are not open).
 */
export function extractFacts(document: GenesisDocument, tree: TreeSource = () => document): DocumentFacts {
  const value = isRecord(document.tree.value) ? document.tree.value : {};
  const references: ReferenceSite[] = [];
  for (const position of referencePositions(document.kind)) {
    for (const { pointer, value: text } of select(value, position.pattern)) {
      if (typeof text !== "string") continue;
      const parsed = parseReference(text.trim());
      if (parsed.type !== "internal") continue;
      references.push({
        pointer,
        span: spanOf(document, pointer),
        text,
        id: parsed.id,
        version: parsed.version,
        targetKinds: position.targets,
        role: ROLE_BY_PATTERN[position.pattern] ?? "input",
      });
    }
  }
  const outputClassifications = new Map<string, Record<string, unknown>>();
  if (document.kind === "PipelineConfig") {
    for (const { pointer, value: output } of select(value, "/outputs/*")) {
      if (isRecord(output) && isRecord(output.classification)) outputClassifications.set(pointer, output.classification);
    }
  }
  return new StoredFacts(
    {
      path: document.path,
      kind: document.kind,
      id: typeof value.id === "string" ? value.id : undefined,
      version: typeof value.version === "string" ? value.version : undefined,
      name: typeof value.name === "string" ? value.name : typeof value.model_name === "string" ? value.model_name : undefined,
      classification: isRecord(value.classification) ? value.classification : undefined,
      license: typeof value.license === "string" ? value.license : undefined,
      idSpan: spanOf(document, "/id"),
      // An array grown by push keeps room for more; a copy is exactly as long as its contents.
      references: references.slice(),
      outputClassifications,
      landmarks: landmarksOf(document.tree.locations),
      text: document.text,
      value,
      recognisedBy: document.recognisedBy,
      blockInsertOffset: blockInsertOffset(document),
    },
    tree,
  );
}

/** The node at `pointer` (exactly), read from the parse tree only when it is not a landmark. */
export function locationInFacts(facts: DocumentFacts, pointer: string): NodeLocation | undefined {
  return isLandmark(pointer) ? landmarkAt(facts.landmarks, pointer) : facts.document.tree.locations.get(pointer);
}

/**
 * `spanOf(facts.document, pointer, part)`, from the landmarks or the reference sites when they
 * hold the node, so that most reports need no parse tree.
 */
export function spanInFacts(facts: DocumentFacts, pointer: string, part: "key" | "value" = "value"): Span {
  const landmark = landmarkAt(facts.landmarks, pointer);
  if (landmark) return nonEmpty(part === "key" ? (landmark.key ?? landmark.value) : landmark.value, facts.text);
  if (part === "value") {
    const site = facts.references.find((candidate) => candidate.pointer === pointer);
    if (site) return site.span;
  }
  return spanOf(facts.document, pointer, part);
}

function blockInsertOffset(document: GenesisDocument): number | undefined {
  let offset: number;
  if (document.syntax === "yaml") offset = document.text.length;
  else if (document.syntax === "markdown" && document.markdown?.frontMatter?.closed) offset = document.markdown.frontMatter.content.end;
  else return undefined;
  const { text, tree } = document;
  let first = tree.region.start;
  while (first < tree.region.end && /\s/.test(text[first])) first++;
  return first < tree.region.end && text[first] === "{" ? undefined : offset;
}

/** `id@version` of a document, or its id alone. */
export function label(facts: Pick<DocumentFacts, "id" | "version" | "path">): string {
  return facts.id ? (facts.version ? `${facts.id}@${facts.version}` : facts.id) : facts.path;
}

/**
 * A document's version for a message: as written, never "no version" for one that is there. A
 * version YAML read as a number (`version: 1.2`) is shown as written, with what to write instead.
 */
export function versionAsWritten(facts: Pick<DocumentFacts, "version" | "value" | "document">): string {
  if (facts.version !== undefined) return facts.version;
  const value = facts.value.version;
  if (value === undefined || value === null) return "no version";
  const location = facts.document.tree.locations.get("/version");
  const written = (location ? facts.document.text.slice(location.value.start, location.value.end) : String(value)).trim();
  if (typeof value !== "number") return `${written} (not a version string)`;
  const completion = semverCompletion(written);
  return `${written} (YAML reads it as a number: quote it, or write ${completion ? `"${completion}"` : "a semver version"})`;
}

/** The distinct kinds of some documents, in the order they come. */
export function kindsOf(documents: readonly Pick<DocumentFacts, "kind">[]): DocumentKind[] {
  return [...new Set(documents.map((facts) => facts.kind))];
}
