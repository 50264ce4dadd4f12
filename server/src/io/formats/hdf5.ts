import { existsSync } from "node:fs";
import * as path from "node:path";
import { hdf5FieldType, type Hdf5Evidence } from "../../core/evidence-api";
import type * as Hdf5Reader from "../hdf5-reader";
import { FormatError } from "../read-failure";

/**
 * The HDF5 reader module, loaded on first use: dist/hdf5-reader.js beside the running bundle, or
 * under tsx the source module (../hdf5-reader.ts; tsx resolves the missing extension). The
 * specifier is computed so that esbuild leaves it out of the CLI and server bundles.
 */
let reader: typeof Hdf5Reader | undefined;

function loadReader(): typeof Hdf5Reader {
  if (reader) return reader;
  const bundled = path.join(__dirname, "hdf5-reader.js");
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a computed path that esbuild must not bundle (see above)
    reader = require(existsSync(bundled) ? bundled : path.join(__dirname, "..", "hdf5-reader")) as typeof Hdf5Reader;
  } catch (error) {
    // A package built without it: say so as a reason, not as a fault of the user's file.
    throw new FormatError(
      "unreadable",
      `the HDF5 reader (hdf5-reader.js) is not installed beside ${path.basename(__filename)}: ` +
        `${error instanceof Error ? error.message.split("\n", 1)[0] : String(error)}`,
    );
  }
  return reader;
}

/** Dataset paths and element types of an HDF5 file, mapped to the field types of docs/formats/dataset-manifest.md (field-types.ts). */
export async function readHdf5(absolute: string): Promise<Hdf5Evidence> {
  let listing;
  try {
    listing = await loadReader().listHdf5Datasets(absolute);
  } catch (error) {
    // A WebAssembly abort leaves that h5wasm instance unusable: the next file loads a fresh one.
    if (error instanceof Error && error.name === "RuntimeError") forgetReader();
    throw error;
  }
  if (!listing.ok) throw new FormatError(listing.kind, listing.reason);
  return { datasets: listing.datasets.map((d) => ({ name: d.path, rank: d.rank, recorded: d.recorded, type: hdf5FieldType(d.element) })) };
}

function forgetReader(): void {
  reader = undefined;
  for (const key of Object.keys(require.cache)) if (/hdf5-reader(\.js|\.ts)?$/.test(key)) delete require.cache[key];
}
