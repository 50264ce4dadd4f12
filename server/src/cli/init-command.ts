import { promises as fs } from "node:fs";
import * as path from "node:path";
import { SLUG, DOCUMENT_TEMPLATES, type DocumentTemplate, expandSnippet } from "../core/index";
import type { InitCommand } from "./args";

/** The names `init` accepts for each template. */
export const INIT_KINDS: Readonly<Record<string, string>> = {
  dataset: "dataset-manifest",
  pipeline: "pipeline-config",
  modelcard: "model-card-markdown",
  "modelcard-yaml": "model-card-yaml",
};

export interface InitIo {
  readonly cwd: string;
  out(text: string): void;
  err(text: string): void;
}

/**
 * Writes a new document into the current folder; never overwrites a file. Exit 0 on success, 2 on a
 * usage error or when the file exists.
 */
export async function initCommand(command: InitCommand, io: InitIo): Promise<number> {
  const kinds = Object.keys(INIT_KINDS).join(", ");
  const template = command.template ? findTemplate(command.template) : undefined;
  if (!template) {
    io.err(`genesis-readiness init: name the kind of document: ${kinds}${command.template ? ` (not "${command.template}")` : ""}.\n`);
    return 2;
  }
  const id = command.id ?? `my-${command.template}`.replace(/-yaml$/, "");
  if (!SLUG.test(id)) {
    io.err(
      `genesis-readiness init: "${id}" is not a valid id; ` +
        `use lower-case letters, digits, ".", "_" and "-", starting with a letter or digit.\n`,
    );
    return 2;
  }
  const file = path.join(io.cwd, template.fileName(id));
  try {
    await fs.writeFile(file, expandSnippet(template.body, { 1: id }), { flag: "wx" });
  } catch (error) {
    const exists = typeof error === "object" && error !== null && (error as { code?: string }).code === "EEXIST";
    io.err(
      "genesis-readiness init: " +
        `${exists ? `${template.fileName(id)} already exists; it was left as it is.` : `cannot write ${file}: ${String(error)}`}\n`,
    );
    return 2;
  }
  io.out(
    `Wrote ${template.fileName(id)}: a new ${template.description.replace(/^A (complete )?/, "").toLowerCase()}. ` +
      `Fill in its placeholders, then run "genesis-readiness check".\n`,
  );
  return 0;
}

function findTemplate(name: string): DocumentTemplate | undefined {
  const id = INIT_KINDS[name];
  return DOCUMENT_TEMPLATES.find((template) => template.id === id);
}
