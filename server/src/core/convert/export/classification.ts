import { failClosedLevel, writtenLevel } from "../../rules/classification-levels";
import type { ClassifiedDocument, ExportDocument } from "./model";
import { at, record, text, texts } from "./values";
import { labelOf } from "./workspace-view";

/**
 * The classification of a document as the exports write it. Fail closed, as the checklist reads it
 * (docs/checklist.md#how-an-item-is-decided): a level outside the lattice counts as its
 * case-insensitive match, else as `cui-specified`; a document that states no level is not known to
 * be public.
 */
export function levelOf(document: ExportDocument): string {
  return failClosedLevel(writtenLevel(document.value.classification)) ?? "unclassified";
}

/**
 * The marking in banner form, as CUI is marked (32 CFR 2002): `CUI//PROPIN//FEDCON`, with the
 * export-control regime after it (`; export control: EAR99`). `PUBLIC` and `INTERNAL` for the
 * lower levels.
 */
export function markingOf(document: ExportDocument): string {
  const classification = record(document.value.classification);
  const level = levelOf(document);
  const categories = texts(classification?.categories).map((category) => category.toUpperCase());
  const controls = texts(classification?.dissemination).map((control) => control.toUpperCase());
  const head = level === "cui" || level === "cui-specified" ? ["CUI", ...categories].join("//") : level.toUpperCase();
  const banner = controls.length ? `${head}//${controls.join("/")}` : head;
  const regime = text(at(classification, "exportControl", "regime"));
  const eccn = text(at(classification, "exportControl", "eccn"));
  const control = regime && regime !== "none" ? `; export control: ${regime.toUpperCase()}${eccn ? ` ${eccn}` : ""}` : "";
  return `${banner}${control}`;
}

/** What may be done with a document's content, in words, for the formats' usage or access fields. */
export function usageRestrictionsOf(document: ExportDocument): string {
  const level = levelOf(document);
  const policy = text(at(document.value, "access", "policy"));
  const roles = texts(at(document.value, "access", "roles"));
  const access = policy ? ` Access policy: ${policy}${roles.length ? ` (roles: ${roles.join(", ")})` : ""}.` : "";
  if (level === "public") return `Public: no CUI markings.${access}`;
  if (level === "unclassified") return `Not classified: handle as controlled until a classification is stated.${access}`;
  return `Controlled: ${markingOf(document)}. Share only as its markings and dissemination controls allow.${access}`;
}

/** The documents above `public` (or with no level), in path order: what a public format would disclose. */
export function classifiedDocuments(documents: readonly ExportDocument[]): ClassifiedDocument[] {
  return documents
    .map((document) => ({ path: document.path, label: labelOf(document), level: levelOf(document) }))
    .filter((document) => document.level !== "public")
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The message that stops a public export: every document and its level, and how to go on. */
export function classifiedMessage(format: string, documents: readonly ClassifiedDocument[]): string {
  const listed = documents.map((document) => `  ${document.path} (${document.label}): ${document.level}`).join("\n");
  return (
    `${format} is a public format, and ${documents.length === 1 ? "this document is" : "these documents are"} ` +
    `classified above public:\n${listed}\n` +
    "Export them only where their markings allow; pass --allow-classified to export anyway."
  );
}
