import { readFileSync } from "node:fs";
import * as path from "node:path";
import { CONFIG_FILE_NAME, FILE_NAME_PATTERNS, HUGGING_FACE_CARD_KEYS } from "../../server/src/core/kinds/recognise";
import { CLASSIFICATION_LEVELS, CLASSIFIED_MARKINGS, LEGACY_LEVELS } from "../../server/src/core/rules/classification-levels";
import { HUGGING_FACE_HEADINGS } from "../../server/src/core/rules/section-survey";
import { CARD_SECTIONS, OUT_OF_SCOPE_SECTION, USES_TITLE } from "../../server/src/core/rules/sections";
import { DOCUMENT_TEMPLATES } from "../../server/src/core/templates/documents";
import { expandSnippet } from "../../server/src/core/templates/snippet-syntax";
import { DOCUMENT_KINDS, type DocumentKind } from "../../server/src/core/types";
import { anchorOf, anchorTag, andList, code, fence, orList, table } from "./markdown";
import { isSchema, type Schema } from "./schema-conditions";
import { allowedOf, fieldRows, typeOf, type FieldRow, type SchemaContext } from "./schema-fields";

/** The placeholders of the format pages: the schemas' fields, file names, templates and sections. */

const SCHEMAS = path.resolve(__dirname, "../../schemas");

export function readSchema(name: string): Schema {
  return JSON.parse(readFileSync(path.join(SCHEMAS, `${name}.schema.json`), "utf8")) as Schema;
}

/** Links from a page in docs/ (`formats/common.md#x`) or in docs/formats/ (`common.md#x`). */
export function schemaContext(root: Schema, pageFolder: "docs" | "formats"): SchemaContext {
  const prefix = pageFolder === "docs" ? "formats/common.md" : "common.md";
  return {
    root,
    commonLink: (name) => `[${name}](${prefix}#${anchorOf(name)})`,
    localDefs: "inline",
    mapKeys: { rules: "<rule-id>", "site.partitions": "<partition>" },
  };
}

const FIELD_HEADERS = ["field", "type", "required", "allowed values", "description"];

function cells(row: FieldRow, link?: string): string[] {
  return [link ? `[${code(row.path)}](#${link})` : code(row.path), row.type, row.required, row.allowed, row.description];
}

/**
 * The fields of a schema: one table of the top-level properties, then one section per top-level
 * property with fields of its own (`### distribution`), so that each has an anchor to link to.
 */
export function fieldTables(schema: Schema, context: SchemaContext, headingLevel = 3): string {
  const rows = fieldRows(schema, context);
  const tops = [...new Set(rows.map((row) => row.top))];
  const nested = new Map(tops.map((top) => [top, rows.filter((row) => row.top === top && row.path !== top)]));
  const topRows = rows.filter((row) => row.path === row.top);
  const parts = [
    "A field marked required must be there whenever the object or list item that holds it is there.",
    table(
      FIELD_HEADERS,
      topRows.map((row) => cells(row, nested.get(row.top)?.length ? anchorOf(row.top) : undefined)),
    ),
  ];
  for (const top of tops) {
    const below = nested.get(top) ?? [];
    if (!below.length) continue;
    parts.push(
      `${anchorTag(top)}\n\n${"#".repeat(headingLevel)} ${code(top)}\n\n${table(
        FIELD_HEADERS,
        below.map((row) => cells(row)),
      )}`,
    );
  }
  return parts.join("\n\n");
}

/** The definitions of common.schema.json, one section each, linking each other within the page. */
export function commonDefinitions(): string {
  const common = readSchema("common");
  const context: SchemaContext = { root: common, commonLink: (name) => `[${name}](#${anchorOf(name)})`, localDefs: "link" };
  const defs = isSchema(common.$defs) ? common.$defs : {};
  return Object.entries(defs)
    .map(([name, def]) => {
      const schema = def as Schema;
      const head = `${anchorTag(name)}\n\n### ${name}\n\n${String(schema.description ?? "")}`;
      if (isSchema(schema.properties))
        return `${head}\n\n${table(
          FIELD_HEADERS,
          fieldRows(schema, context).map((row) => cells(row)),
        )}`;
      const allowed = allowedOf(schema, context);
      return `${head}\n\nType: ${typeOf(schema, context)}.${allowed ? ` Allowed: ${allowed}.` : ""}`;
    })
    .join("\n\n");
}

export function fileNames(kind: string): string {
  if (kind === "config") return code(CONFIG_FILE_NAME);
  if (!(DOCUMENT_KINDS as readonly string[]).includes(kind)) throw new Error(`file-names: unknown kind ${kind}`);
  return orList(FILE_NAME_PATTERNS[kind as DocumentKind].map(code));
}

export function recognitionTable(): string {
  const content: Record<DocumentKind, string> = {
    DatasetManifest: "top-level `kind: DatasetManifest`",
    ModelCard:
      "top-level `kind: ModelCard` (in a Markdown file: in its front matter); " +
      `a \`README.md\` whose front matter has ${orList(HUGGING_FACE_CARD_KEYS.map(code))}`,
    PipelineConfig: "top-level `kind: PipelineConfig`",
  };
  const page: Record<DocumentKind, string> = {
    DatasetManifest: "dataset-manifest.md",
    ModelCard: "model-card.md",
    PipelineConfig: "pipeline-config.md",
  };
  return table(
    ["kind", "file names", "or, in a YAML, JSON or Markdown file of any name"],
    DOCUMENT_KINDS.map((kind) => [`[${code(kind)}](${page[kind]})`, FILE_NAME_PATTERNS[kind].map(code).join(", "), content[kind]]),
  );
}

export function huggingFaceKeys(): string {
  return orList(HUGGING_FACE_CARD_KEYS.map(code));
}

/** What `genesis-readiness init` and the New ... commands write, every placeholder at its default. */
export function starter(templateId: string): string {
  const template = DOCUMENT_TEMPLATES.find((t) => t.id === templateId);
  if (!template) throw new Error(`starter: no template ${templateId}`);
  const language = template.language === "markdown" ? "markdown" : template.language;
  return `${code(template.fileName("my-id"))}:\n\n${fence(language, expandSnippet(template.body, { 1: "my-id" }))}`;
}

export function cardSections(): string {
  const severity = (key: boolean): string => (key ? "warning (error in `release`)" : "info");
  const rows = CARD_SECTIONS.flatMap((section) => {
    const own = [`## ${section.title}`, severity(section.key), section.holds, section.aliases.map((a) => code(`## ${a}`)).join(", ")];
    if (section.title !== USES_TITLE) return [[code(own[0]), ...own.slice(1)]];
    const sub = OUT_OF_SCOPE_SECTION;
    const heading = `${code(`### ${sub.title}`)} (inside ${code(`## ${USES_TITLE}`)})`;
    const inner = [heading, severity(sub.key), sub.holds, sub.aliases.map((a) => code(`### ${a}`)).join(", ")];
    return [[code(own[0]), ...own.slice(1)], inner];
  });
  const sections = table(["heading", "when missing or a placeholder", "what it holds", "also accepted"], rows);
  const standIns = HUGGING_FACE_HEADINGS.map(({ heading, sections: [first, ...others] }) => [
    code(heading),
    [code(`## ${first}`), ...others.map((other) => `${code(`## ${other}`)} when ${code(`## ${first}`)} is taken`)].join(", "),
  ]);
  return (
    `${sections}\n\nThe Hugging Face Trainer and the Hub's templates write some of these sections under their own headings. ` +
    "On a Genesis card each such heading is reported on its line, naming the section it stands for, and its quick fix " +
    "renames it; a section is never claimed twice:\n\n" +
    table(["Hugging Face heading", "stands for"], standIns)
  );
}

export function classificationLevels(): string {
  const lattice = CLASSIFICATION_LEVELS.map(code).join(" < ");
  const legacy = Object.entries(LEGACY_LEVELS).map(([alias, level]) => `${code(alias)} is read as ${code(level)}`);
  return `${lattice}. ${orList(legacy)}. The classified markings ${andList(CLASSIFIED_MARKINGS.map(code))} are out of scope`;
}
