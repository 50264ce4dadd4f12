import { CROISSANT_DATA_TYPES, RAI_TOPICS } from "../../server/src/core/convert/import/croissant";
import { TABLE_SCHEMA_TYPES } from "../../server/src/core/convert/import/datapackage";
import { EXTENSIONS, MEDIA_TYPES } from "../../server/src/core/convert/import/values";

/**
 * The tables of docs/formats-import.md that the converters' own constants hold: which field types,
 * RAI properties and media types map to what. Read from the code, so the page says what it does.
 */

export function importTypes(format: string): string {
  const table = format === "croissant" ? CROISSANT_DATA_TYPES : format === "datapackage" ? TABLE_SCHEMA_TYPES : undefined;
  if (!table) throw new Error(`{{import-types:${format}}}: croissant or datapackage`);
  const source = format === "croissant" ? "Croissant `dataType`" : "Table Schema `type`";
  const rows = Object.entries(table).map(([from, to]) => `| \`${format === "croissant" ? `sc:${from}` : from}\` | \`${to}\` |`);
  return [`| ${source} | Genesis field \`type\` |`, "|---|---|", ...rows].join("\n");
}

export function importRai(): string {
  const rows = Object.entries(RAI_TOPICS).map(([topic, properties]) => {
    const from = properties.length ? properties.map((property) => `\`rai:${property}\``).join(", ") : "none: the template's placeholder";
    return `| \`datasheet.${topic}\` | ${from} |`;
  });
  return ["| Genesis | Croissant RAI properties (joined by blank lines) |", "|---|---|", ...rows].join("\n");
}

export function importMediaTypes(): string {
  const shown = (pattern: RegExp | undefined) => (pattern?.source ?? "").replace(/\\\//g, "/").replace(/\|/g, "\\|");
  const rows = [...new Set(MEDIA_TYPES.map(([format]) => format))].map((format) => {
    const types = shown(MEDIA_TYPES.find(([f]) => f === format)?.[1]);
    const extensions = shown(EXTENSIONS.find(([f]) => f === format)?.[1]);
    return `| \`${format}\` | \`${types}\` | \`${extensions}\` |`;
  });
  return [
    "| Genesis `format` | media type (pattern) | else the file's extension (pattern) |",
    "|---|---|---|",
    ...rows,
    "| `other` | anything else | |",
  ].join("\n");
}
