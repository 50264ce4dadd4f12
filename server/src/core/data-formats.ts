/**
 * The file formats a distribution may declare (docs/formats/dataset-manifest.md, `distribution[].format`),
 * and those docs/checklist.md counts as standard for `data.formats`: JSON, JSON Lines, CSV, Parquet,
 * HDF5, and netCDF, whose version 4 is HDF5 underneath. A site adds its own in `site.standardFormats`.
 * The dataset manifest and configuration schemas list the same formats (a test checks).
 */
export const DATA_FORMATS = ["csv", "parquet", "hdf5", "json", "jsonl", "netcdf", "zarr", "tiff", "other"] as const;
export type DataFormat = (typeof DATA_FORMATS)[number];

export const DEFAULT_STANDARD_FORMATS: readonly DataFormat[] = ["json", "jsonl", "csv", "parquet", "hdf5", "netcdf"];

export function isDataFormat(value: unknown): value is DataFormat {
  return typeof value === "string" && (DATA_FORMATS as readonly string[]).includes(value);
}
