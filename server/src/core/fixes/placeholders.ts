import type { GenesisDocument } from "../document";
import { baseName } from "../kinds/recognise";
import { joinPointer, pointerSegments } from "../pointer";
import { LEGACY_LEVELS } from "../rules/classification-levels";
import { allowedValues, propertiesOf, schemaAt, type SchemaNode } from "../schema/navigate";
import { referencePositionAt } from "./positions";
import type { ScalarValue } from "./scalar-text";
import { BY_FORMAT, BY_NAME, documentIdPlaceholder, KIND_SLUG, referencePlaceholder, TODO } from "./placeholder-texts";
import type { NewValue } from "./values";

/** Nested required objects are filled in this deep; below, an empty mapping is the placeholder. */
const MAX_DEPTH = 3;

/**
 * A placeholder for a missing property, typed from the schema of its position: the `const` itself,
 * an enum's first value (the others offered as choices), `1.0.0` for a version, a slug for an id,
 * `id@1.0.0` for a reference, a list or mapping holding its own required entries, and `TODO` for
 * free text, which nothing would mistake for a real value.
 */
export function placeholderFor(document: Pick<GenesisDocument, "kind" | "path">, pointer: string, depth = 0): NewValue {
  const schema = schemaAt(document.kind, pointer);
  const name = pointerSegments(pointer).pop() ?? "";
  const allowed = allowedValues(schema)?.filter(isScalar);
  if (schema && "const" in schema && isScalar(schema.const)) return { kind: "scalar", value: schema.const, fixed: true };
  if (allowed?.length) {
    const usable = allowed.filter((value) => typeof value !== "string" || !Object.hasOwn(LEGACY_LEVELS, value));
    return { kind: "scalar", value: usable[0] ?? allowed[0], choices: usable };
  }
  const target = referenceTarget(document.kind, pointer);
  if (target) return text(referencePlaceholder(target));
  if (name === "id") return text(idFor(document, pointer));
  if (Object.hasOwn(BY_NAME, name)) return text(BY_NAME[name]);

  switch (typeOf(schema)) {
    case "object": {
      if (depth >= MAX_DEPTH) return { kind: "object", entries: [] };
      const required = propertiesOf(schema).filter((property) => property.required);
      return {
        kind: "object",
        entries: required.map((property) => ({
          name: property.name,
          value: placeholderFor(document, joinPointer(pointer, property.name), depth + 1),
        })),
      };
    }
    case "array": {
      const minItems = typeof schema?.minItems === "number" ? schema.minItems : 0;
      return { kind: "array", items: minItems > 0 ? [placeholderFor(document, joinPointer(pointer, 0), depth + 1)] : [] };
    }
    case "integer":
    case "number": {
      const minimum =
        typeof schema?.minimum === "number"
          ? schema.minimum
          : typeof schema?.exclusiveMinimum === "number"
            ? schema.exclusiveMinimum + 1
            : 0;
      return text(Math.max(0, minimum));
    }
    case "boolean":
      return text(false);
    default:
      return text(typeof schema?.format === "string" && Object.hasOwn(BY_FORMAT, schema.format) ? BY_FORMAT[schema.format] : TODO);
  }
}

function text(value: ScalarValue): NewValue {
  return { kind: "scalar", value };
}

function isScalar(value: unknown): value is ScalarValue {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

function typeOf(schema: SchemaNode | undefined): string | undefined {
  if (!schema) return undefined;
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  if (typeof type === "string") return type;
  return typeof schema.properties === "object" ? "object" : undefined;
}

/** `dataset` for a position that references a dataset manifest, and so on. */
function referenceTarget(kind: GenesisDocument["kind"], pointer: string): string | undefined {
  const position = referencePositionAt(kind, pointer);
  return position && KIND_SLUG[position.targets[0]];
}

/**
 * The document's id from its file name (`ocean-temps.dataset.yaml` → `ocean-temps`); an item's id
 * from its list and position (`steps/2/id` → `step-3`).
 */
function idFor(document: Pick<GenesisDocument, "kind" | "path">, pointer: string): string {
  const segments = pointerSegments(pointer);
  if (segments.length === 1) {
    const stem = baseName(document.path).replace(/\.(dataset|model|modelcard|pipeline)?\.?(ya?ml|json|md|markdown)$/i, "");
    const slug = slugOf(stem);
    return slug && !/^(readme|model.card|dataset|dataset\.genesis)$/.test(slug) ? slug : documentIdPlaceholder(KIND_SLUG[document.kind]);
  }
  const [list, position] = segments.slice(-3, -1);
  const singular = (name: string | undefined) => slugOf(String(name ?? "").replace(/s$/, "")) || "item";
  return /^\d+$/.test(position ?? "") ? `${singular(list)}-${Number(position) + 1}` : singular(position);
}

function slugOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[^a-z0-9]+|-+$/g, "")
    .slice(0, 128);
}
