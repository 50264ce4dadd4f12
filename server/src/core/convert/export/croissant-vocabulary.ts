/**
 * The Croissant 1.1 vocabulary as the exporter writes it: the JSON-LD context of the specification's
 * Appendix 1 (every term, so that a Croissant reader finds its aliases), with the PROV-O prefix the
 * specification's provenance section uses. A test compares it with the vendored copy of the
 * specification's context, so that the two cannot drift apart.
 */
export const CROISSANT_CONFORMS_TO = "http://mlcommons.org/croissant/1.1";

export const CROISSANT_CONTEXT: Readonly<Record<string, unknown>> = {
  "@language": "en",
  "@vocab": "http://schema.org/",
  sc: "http://schema.org/",
  cr: "http://mlcommons.org/croissant/",
  rai: "http://mlcommons.org/croissant/RAI/",
  dct: "http://purl.org/dc/terms/",
  annotation: "cr:annotation",
  arrayShape: "cr:arrayShape",
  citeAs: "cr:citeAs",
  column: "cr:column",
  conformsTo: "dct:conformsTo",
  containedIn: "cr:containedIn",
  data: { "@id": "cr:data", "@type": "@json" },
  dataType: { "@id": "cr:dataType", "@type": "@vocab" },
  equivalentProperty: "cr:equivalentProperty",
  examples: { "@id": "cr:examples", "@type": "@json" },
  excludes: "cr:excludes",
  extract: "cr:extract",
  field: "cr:field",
  fileProperty: "cr:fileProperty",
  fileObject: "cr:fileObject",
  fileSet: "cr:fileSet",
  format: "cr:format",
  includes: "cr:includes",
  isArray: "cr:isArray",
  isLiveDataset: "cr:isLiveDataset",
  jsonPath: "cr:jsonPath",
  key: "cr:key",
  md5: "cr:md5",
  parentField: "cr:parentField",
  recordSet: "cr:recordSet",
  references: "cr:references",
  regex: "cr:regex",
  readLines: "cr:readLines",
  sdVersion: "cr:sdVersion",
  separator: "cr:separator",
  source: "cr:source",
  subField: "cr:subField",
  transform: "cr:transform",
  unArchive: "cr:unArchive",
  value: "cr:value",
  prov: "http://www.w3.org/ns/prov#",
};

/** Genesis field types to Croissant data types (schema.org classes). `array` is its element's type with `isArray`. */
export const CROISSANT_DATA_TYPES: Readonly<Record<string, string>> = {
  string: "sc:Text",
  integer: "sc:Integer",
  number: "sc:Float",
  boolean: "sc:Boolean",
  date: "sc:Date",
  datetime: "sc:DateTime",
  array: "sc:Text",
};

/** Genesis distribution formats to media types (IANA where registered, else the ones Croissant files use). */
export const MEDIA_TYPES: Readonly<Record<string, string>> = {
  csv: "text/csv",
  parquet: "application/x-parquet",
  hdf5: "application/x-hdf5",
  json: "application/json",
  jsonl: "application/jsonlines",
  netcdf: "application/x-netcdf",
  zarr: "application/x-zarr",
  tiff: "image/tiff",
  other: "application/octet-stream",
};

/** Datasheet answers to the Croissant RAI properties; `motivation` and `composition` have none. */
export const RAI_PROPERTIES: readonly (readonly [datasheetKey: string, raiProperty: string])[] = [
  ["collection", "rai:dataCollection"],
  ["preprocessing", "rai:dataPreprocessingProtocol"],
  ["uses", "rai:dataUseCases"],
  ["limitations", "rai:dataLimitations"],
  ["biases", "rai:dataBiases"],
  ["personalInformation", "rai:personalSensitiveInformation"],
  ["maintenance", "rai:dataReleaseMaintenancePlan"],
];
