import { parseArgs } from "node:util";
import { EXPORT_TARGETS, type ExportTarget } from "../core/index";

/** `export [paths...] --to TARGET [--out FILE] [--allow-classified]` (docs/cli.md#export), parsed. */
export interface ExportCommand {
  readonly kind: "export";
  /** As typed, relative to the current folder; never empty (defaults to "."). */
  readonly paths: readonly string[];
  readonly to: ExportTarget;
  /** Never overwritten: an existing file stops the export. Absent: standard output. */
  readonly out?: string;
  /** Leave to write documents above `public` into a public format (Croissant). */
  readonly allowClassified: boolean;
  readonly root?: string;
  readonly jobs?: number;
  /** The documents are read, not checked against their data files, nor judged: an export reads their values. */
  readonly noIo: true;
  readonly diagnose: false;
}

export const EXPORT_USAGE =
  `       genesis-readiness export [paths...] --to ${EXPORT_TARGETS.join("|")} ` + "[--out FILE] [--allow-classified] [--root DIR]";

export const EXPORT_HELP = `  export [paths...]  Write the documents in a format of the field: --to croissant (one dataset
                     manifest, Croissant 1.1), ro-crate (RO-Crate 1.2 ro-crate-metadata.json),
                     cyclonedx (CycloneDX 1.6 ML-BOM) or spdx (SPDX 3.0.1 with the AI and
                     Dataset profiles). --out FILE writes a new file (never overwrites one);
                     Croissant is public: documents above public need --allow-classified
                     (without it: exit 1, naming each document and its level).
`;

const OPTIONS = {
  to: { type: "string" },
  out: { type: "string", short: "o" },
  "allow-classified": { type: "boolean" },
  root: { type: "string" },
  jobs: { type: "string", short: "j" },
} as const;

/** The arguments after `export`: the command, or why it cannot run. */
export function parseExportArguments(argv: readonly string[]): ExportCommand | { readonly kind: "usage-error"; readonly message: string } {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return { kind: "usage-error", message: error instanceof Error ? error.message : String(error) };
  }
  const { values, positionals } = parsed;
  if (values.to === undefined) return { kind: "usage-error", message: `export needs --to ${EXPORT_TARGETS.join("|")}.` };
  if (!(EXPORT_TARGETS as readonly string[]).includes(values.to))
    return { kind: "usage-error", message: `--to must be one of ${EXPORT_TARGETS.join(", ")}, not "${values.to}".` };
  if (values.out === "") return { kind: "usage-error", message: "--out needs a file name." };
  if (values.root === "") return { kind: "usage-error", message: "--root needs a folder." };
  if (values.jobs !== undefined && (!/^\d+$/.test(values.jobs) || Number(values.jobs) < 1))
    return { kind: "usage-error", message: `--jobs must be a number of threads, 1 or more, not "${values.jobs}".` };
  return {
    kind: "export",
    paths: positionals.length > 0 ? positionals : ["."],
    to: values.to as ExportTarget,
    out: values.out,
    allowClassified: values["allow-classified"] ?? false,
    root: values.root,
    jobs: values.jobs === undefined ? undefined : Number(values.jobs),
    noIo: true,
    diagnose: false,
  };
}
