import type { DocumentOptions, ParseOptions, SchemaOptions, Tags } from "yaml";
import type { SourceSyntax } from "../document";
import { PYYAML_BOOL, PYYAML_FLOAT, PYYAML_INT, PYYAML_NULL, pyyamlFloat, pyyamlInt, type YamlVersion } from "./yaml-scalars";

/**
 * Reading Markdown model card front matter as the Hugging Face Hub's tools read it. huggingface_hub
 * loads card metadata with PyYAML (YAML 1.1) and the Hub's web side with js-yaml; a card that both
 * accept must get no syntax error here. So the `yaml` package reads it as YAML 1.1, not strict,
 * with PyYAML's plain scalar resolution (yaml-scalars.ts) in place of the package's own 1.1 one
 * (which reads `1e-4` as a number and `y`/`n` as booleans, unlike PyYAML), without timestamps (a
 * date stays a string) and without merge keys (`<<` stays a key, as in a Genesis YAML file).
 */

/** The tags whose plain-scalar resolution PyYAML's rules replace. */
const REPLACED_TAGS = new Set(["null", "bool", "int", "float", "timestamp", "merge"].map((name) => `tag:yaml.org,2002:${name}`));

function plainTag(name: string, test: RegExp, resolve: (source: string) => unknown) {
  return { tag: `tag:yaml.org,2002:${name}`, default: true as const, test, resolve };
}

const PYYAML_TAGS = [
  plainTag("null", PYYAML_NULL, () => null),
  plainTag("bool", PYYAML_BOOL, (source) => /^[yYtToO]/.test(source) && !/^(?:off|Off|OFF)$/.test(source)),
  plainTag("float", PYYAML_FLOAT, pyyamlFloat),
  plainTag("int", PYYAML_INT, pyyamlInt),
];

export const pyyamlOptions: ParseOptions & DocumentOptions & SchemaOptions = {
  version: "1.1",
  strict: false,
  merge: false,
  customTags: (tags: Tags) => [...PYYAML_TAGS, ...tags.filter((tag) => !REPLACED_TAGS.has(typeof tag === "string" ? tag : tag.tag))],
};

/**
 * js-yaml and PyYAML accept tabs as the white space that starts a continuation line of a flow
 * collection (`tags: [a,` then a tab and `b]`); the `yaml` package reads them as indentation and
 * fails. Each such tab becomes a space: the text keeps its length, so every offset stays exact,
 * and the value is the same (leading white space of a flow line is only a separator). Tabs that
 * indent block content are left alone: js-yaml rejects those too.
 */
export function blankTabsInFlowIndentation(source: string): string {
  if (!source.includes("\t")) return source;
  const scan = new FlowScan(source);
  return scan.run();
}

/** A light scanner that knows when a line starts inside a flow collection. */
class FlowScan {
  private depth = 0;
  private quote = "";
  /** Indentation of the line that opened a block scalar; its more-indented lines are skipped. */
  private blockScalarParent = -1;

  constructor(private readonly source: string) {}

  run(): string {
    const lines = this.source.split("\n");
    let changed = false;
    const out = lines.map((line) => {
      const fixed = this.line(line);
      if (fixed !== line) changed = true;
      return fixed;
    });
    return changed ? out.join("\n") : this.source;
  }

  private line(line: string): string {
    const indent = /^[ \t]*/.exec(line)![0];
    if (this.blockScalarParent >= 0) {
      if (line.trim() === "" || indent.replace(/\t/g, " ").length > this.blockScalarParent) return line;
      this.blockScalarParent = -1;
    }
    const inFlow = this.depth > 0 || this.quote !== "";
    this.scanContent(line, indent.length);
    return inFlow && indent.includes("\t") ? indent.replace(/\t/g, " ") + line.slice(indent.length) : line;
  }

  private scanContent(line: string, from: number): void {
    for (let i = from; i < line.length; i++) {
      const c = line[i];
      const previous = i === 0 ? " " : line[i - 1];
      if (this.quote) {
        if (c === this.quote) {
          if (c === "'" && line[i + 1] === "'") i++;
          else this.quote = "";
        } else if (c === "\\" && this.quote === '"') i++;
        continue;
      }
      if (c === "#" && /\s/.test(previous)) return;
      if (!"\"'[{]}|>".includes(c)) continue;
      const atValueStart = this.depth > 0 ? /[\s[{,:]/.test(previous) : startsBlockValue(line, i);
      if ((c === '"' || c === "'") && atValueStart) this.quote = c;
      else if ((c === "[" || c === "{") && (this.depth > 0 || atValueStart)) this.depth++;
      else if ((c === "]" || c === "}") && this.depth > 0) this.depth--;
      else if ((c === "|" || c === ">") && this.depth === 0 && atValueStart) {
        this.blockScalarParent = /^[ \t]*/.exec(line)![0].length;
        return;
      }
    }
  }
}

/** Whether `line[i]` starts a value in block context: first on its line, or after `: `, `- ` or `? `. */
function startsBlockValue(line: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (line[j] === " " || line[j] === "\t")) j--;
  return j < 0 || (j < i - 1 && "-:?".includes(line[j]));
}

/** The YAML version of a document's YAML: 1.1 for Markdown front matter (a model card), 1.2 for a YAML file. */
export function yamlVersionOf(syntax: SourceSyntax): YamlVersion {
  return syntax === "markdown" ? "1.1" : "1.2";
}
