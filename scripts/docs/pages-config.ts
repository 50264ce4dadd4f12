import { readFileSync } from "node:fs";
import * as path from "node:path";
import { COLOR, FAIL_ON, FORMATS, HELP, PROFILES, REPORT_FAIL_ON } from "../../server/src/cli/args";
import { INIT_KINDS } from "../../server/src/cli/init-command";
import { REPORT_FORMATS } from "../../server/src/core/readiness/report";
import { DOCUMENT_TEMPLATES } from "../../server/src/core/templates/documents";
import { code, fence, orList, table } from "./markdown";

/** The placeholders of configuration.md and cli.md: VS Code settings, the CLI's help, init kinds. */

const ROOT = path.resolve(__dirname, "../..");

interface SettingSchema {
  readonly type?: string;
  readonly default?: unknown;
  readonly enum?: readonly unknown[];
  readonly scope?: string;
  readonly description?: string;
}

/** The settings of package.json's `contributes.configuration`. */
export function vscodeSettings(): string {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    contributes: { configuration: { properties: Record<string, SettingSchema> } };
  };
  const rows = Object.entries(manifest.contributes.configuration.properties).map(([name, setting]) => {
    if (!setting.description) throw new Error(`package.json: the setting ${name} has no description`);
    const values = setting.enum ? setting.enum.map((v) => code(String(v))).join(", ") : (setting.type ?? "");
    return [code(name), values, code(JSON.stringify(setting.default)), setting.scope ?? "", setting.description];
  });
  return table(["setting", "values", "default", "scope", "what it does"], rows);
}

/** A file of the repository, verbatim, in a code block. */
export function includeFile(relative: string): string {
  const text = readFileSync(path.join(ROOT, relative), "utf8");
  return fence(path.extname(relative).replace(/^\./, "").replace(/^yml$/, "yaml"), text);
}

export function cliHelp(): string {
  return fence("text", HELP);
}

export function initKinds(): string {
  const rows = Object.entries(INIT_KINDS).map(([name, templateId]) => {
    const template = DOCUMENT_TEMPLATES.find((t) => t.id === templateId);
    if (!template) throw new Error(`init kind ${name} names no template ${templateId}`);
    return [code(name), code(template.fileName("<id>")), template.description];
  });
  return table(["kind", "file written", "what it is"], rows);
}

const CHOICES: Readonly<Record<string, readonly string[]>> = {
  "check-formats": FORMATS,
  "report-formats": REPORT_FORMATS,
  profiles: PROFILES,
  "fail-on": FAIL_ON,
  "report-fail-on": REPORT_FAIL_ON,
  color: COLOR,
};

/** One of the CLI's lists of choices, as `a`, `b` or `c`. */
export function choices(name: string): string {
  const list = CHOICES[name];
  if (!list) throw new Error(`choices: unknown list ${name}`);
  return orList(list.map(code));
}
