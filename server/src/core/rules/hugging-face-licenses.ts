/**
 * The license identifiers the Hugging Face Hub accepts in a model card's `license` (lower case, as
 * the Hub writes them). Source: the "Licenses" page of the Hub documentation
 * (https://huggingface.co/docs/hub/repositories-licenses, `docs/hub/repositories-licenses.md` in
 * huggingface/hub-docs), including the ids the list gained in later revisions (Llama 3 and 4,
 * Apple, Intel and FAIR research licenses). A model card may use these beside SPDX expressions
 * (docs/formats/model-card.md); `other` then requires `license_name` and `license_link`, which the schema checks.
 */
export const HUGGING_FACE_LICENSE_IDS: ReadonlySet<string> = new Set([
  "apache-2.0", "mit", "openrail", "openrail++", "bigscience-openrail-m", "creativeml-openrail-m",
  "bigscience-bloom-rail-1.0", "bigcode-openrail-m", "afl-3.0", "artistic-2.0", "bsl-1.0", "bsd",
  "bsd-2-clause", "bsd-3-clause", "bsd-3-clause-clear", "c-uda", "cc", "cc0-1.0", "cc-by-2.0",
  "cc-by-2.5", "cc-by-3.0", "cc-by-4.0", "cc-by-sa-3.0", "cc-by-sa-4.0", "cc-by-nc-2.0", "cc-by-nc-3.0",
  "cc-by-nc-4.0", "cc-by-nd-4.0", "cc-by-nc-nd-3.0", "cc-by-nc-nd-4.0", "cc-by-nc-sa-2.0",
  "cc-by-nc-sa-3.0", "cc-by-nc-sa-4.0", "cdla-sharing-1.0", "cdla-permissive-1.0", "cdla-permissive-2.0",
  "wtfpl", "ecl-2.0", "epl-1.0", "epl-2.0", "etalab-2.0", "eupl-1.1", "agpl-3.0", "gfdl", "gpl", "gpl-2.0",
  "gpl-3.0", "lgpl", "lgpl-2.1", "lgpl-3.0", "isc", "intel-research", "lppl-1.3c", "ms-pl", "apple-ascl",
  "apple-amlr", "mpl-2.0", "odc-by", "odbl", "osl-3.0", "postgresql", "ofl-1.1", "ncsa", "unlicense",
  "zlib", "pddl", "lgpl-lr", "deepfloyd-if-license", "fair-noncommercial-research-license", "llama2",
  "llama3", "llama3.1", "llama3.2", "llama3.3", "llama4", "gemma", "unknown", "other",
]);
