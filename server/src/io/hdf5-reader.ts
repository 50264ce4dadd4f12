import type * as H5 from "h5wasm";

/**
 * The HDF5 side of `data/schema-drift`, on h5wasm (the HDF5 C library in WebAssembly). It is
 * bundled on its own as dist/hdf5-reader.js (about 5 MB) and loaded only when a manifest has an
 * HDF5 distribution (see formats/hdf5.ts), so the CLI and the language server start without it.
 *
 * h5wasm's Node build opens the file in place (Emscripten NODERAWFS) and the library reads only
 * what it asks for: the superblock, the group and dataset headers. A 200 MB file costs a few
 * kilobytes of reads; jsfive, the pure-JS alternative, takes the whole file as one ArrayBuffer.
 *
 * This module shares no class with the main bundle (the two are separate copies), so it returns
 * plain data, never throws for a bad file, and leaves the mapping to the field types of docs/formats/dataset-manifest.md to the caller.
 */

export interface RawDataset {
  readonly path: string;
  readonly rank: number;
  /** The HDF5 type class and what the mapping needs of it. */
  readonly element: { readonly class: ElementClass; readonly members?: readonly string[] };
  /** `float32`, `int64`, `string`, `compound`...: the file's words, for messages. */
  readonly recorded: string;
}

export type ElementClass =
  "integer" | "float" | "string" | "enum" | "array" | "vlen" | "compound" | "bitfield" | "opaque" | "reference" | "time" | "unknown";

export type Hdf5Listing =
  | { readonly ok: true; readonly datasets: readonly RawDataset[] }
  | { readonly ok: false; readonly kind: "malformed" | "too-large"; readonly reason: string };

/** Walks at most this many objects (groups and datasets), this deep: a bound on odd files. */
export const HDF5_MAX_OBJECTS = 10_000;
const MAX_DEPTH = 64;

/** H5T_class_t, as h5wasm's metadata reports it. */
const CLASSES: readonly ElementClass[] = [
  "integer",
  "float",
  "time",
  "string",
  "bitfield",
  "opaque",
  "compound",
  "reference",
  "enum",
  "vlen",
  "array",
];

type H5wasm = typeof H5;
let loaded: Promise<H5wasm> | undefined;

function h5wasm(): Promise<H5wasm> {
  loaded ??= (async () => {
    // @ts-expect-error "h5wasm/node" is an `exports` subpath, which this project's moduleResolution does not read; its types are h5wasm's.
    const module = (await import("h5wasm/node")) as H5wasm & { default?: H5wasm };
    const api = module.default ?? module;
    const emscripten = (await api.ready) as unknown as { activate_throwing_error_handler(): void };
    // Errors become exceptions instead of HDF5-DIAG traces printed on the process's stderr.
    emscripten.activate_throwing_error_handler();
    return api;
  })();
  return loaded;
}

/** The datasets of the HDF5 file at `absolute` (a real path the caller has checked). */
export async function listHdf5Datasets(absolute: string): Promise<Hdf5Listing> {
  const api = await h5wasm();
  let file: H5.File;
  try {
    file = new api.File(absolute, "r");
  } catch (error) {
    return { ok: false, kind: "malformed", reason: hdf5Reason(error) };
  }
  try {
    const datasets: RawDataset[] = [];
    const budget = { objects: 0 };
    walk(api, file, "/", 0, datasets, budget);
    if (budget.objects > HDF5_MAX_OBJECTS)
      return { ok: false, kind: "too-large", reason: `it holds more than ${HDF5_MAX_OBJECTS} groups and datasets` };
    return { ok: true, datasets };
  } catch (error) {
    return { ok: false, kind: "malformed", reason: hdf5Reason(error) };
  } finally {
    try {
      file.close();
    } catch {
      // a file that failed half-way may not close cleanly; nothing else holds it
    }
  }
}

/** Soft and external links are not followed: a soft link's target is listed under its own path. */
function walk(api: H5wasm, group: H5.Group, prefix: string, depth: number, out: RawDataset[], budget: { objects: number }): void {
  if (depth > MAX_DEPTH) return;
  for (const name of group.keys()) {
    if (++budget.objects > HDF5_MAX_OBJECTS) return;
    const path = `${prefix}${name}`;
    if (isSoftLink(group, path)) continue;
    const item = group.get(name);
    if (item instanceof api.Group) walk(api, item, `${path}/`, depth + 1, out, budget);
    else if (item instanceof api.Dataset) out.push(describe(path, item));
  }
}

function isSoftLink(group: H5.Group, path: string): boolean {
  try {
    return group.get_link(path) != null;
  } catch {
    return false;
  }
}

function describe(path: string, dataset: H5.Dataset): RawDataset {
  const metadata = dataset.metadata;
  const elementClass = CLASSES[metadata.type] ?? "unknown";
  const members = elementClass === "enum" && metadata.enum_type ? Object.keys(metadata.enum_type.members) : undefined;
  return {
    path,
    rank: (dataset.shape ?? []).length,
    element: { class: elementClass, members },
    recorded: recordedName(elementClass, metadata.size, metadata.signed, members),
  };
}

function recordedName(elementClass: ElementClass, size: number, signed: boolean, members: readonly string[] | undefined): string {
  if (elementClass === "integer") return `${signed ? "int" : "uint"}${size * 8}`;
  if (elementClass === "float") return `float${size * 8}`;
  if (elementClass === "enum" && members) return `enum {${members.join(", ")}}`;
  return elementClass;
}

/** The innermost message of an HDF5 error stack ("truncated file: eof = 3000, ..."). */
function hdf5Reason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const messages = [...text.matchAll(/#\d+: .*? in [\w]+\(\): (.+)$/gm)].map((m) => m[1].trim());
  const reason = messages.at(-1) ?? text.split("\n", 1)[0];
  return reason.replace(/\s+/g, " ").slice(0, 300) || "not an HDF5 file";
}
