import { readFileSync } from "node:fs";
import * as path from "node:path";
import * as oniguruma from "vscode-oniguruma";
import * as textmate from "vscode-textmate";
import packageJson from "../../../package.json";

/**
 * VS Code's TextMate tokenizer offline: the same engine (vscode-textmate and vscode-oniguruma at
 * the versions VS Code ships), VS Code's own Markdown and YAML grammars (test/fixtures/grammars),
 * and our grammars wired as VS Code wires the `contributes.grammars` of package.json.
 */

const REPOSITORY = path.resolve(__dirname, "../../..");
export const VENDORED = path.join(REPOSITORY, "test", "fixtures", "grammars");

/** VS Code's grammars by scope name, as its markdown-basics and yaml extensions contribute them. */
export const BUILT_IN: Readonly<Record<string, string>> = {
  "text.html.markdown": "markdown.tmLanguage.json",
  "source.yaml": "yaml.tmLanguage.json",
  "source.yaml.1.0": "yaml-1.0.tmLanguage.json",
  "source.yaml.1.1": "yaml-1.1.tmLanguage.json",
  "source.yaml.1.2": "yaml-1.2.tmLanguage.json",
  "source.yaml.1.3": "yaml-1.3.tmLanguage.json",
  "source.yaml.embedded": "yaml-embedded.tmLanguage.json",
};

/** One entry of package.json `contributes.grammars`. */
export interface GrammarContribution {
  readonly scopeName: string;
  readonly path: string;
  readonly injectTo?: readonly string[];
}

/** The scopes of every character of a document: lines[line][character] = scope names, outermost first. */
export type Scopes = string[][][];

let wasm: Promise<void> | undefined;

/** Oniguruma's WebAssembly, loaded once per process (a second loadWASM throws). */
function onigLib(): Promise<textmate.IOnigLib> {
  wasm ??= oniguruma.loadWASM(readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm")).buffer as ArrayBuffer);
  return wasm.then(() => ({
    createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
    createOnigString: (text: string) => new oniguruma.OnigString(text),
  }));
}

/**
 * Injections the way VS Code's TMGrammarFactory looks them up: a grammar contributed with
 * `injectTo: [X]` is injected into every root scope that X is a dot-separated prefix of
 * (`source.yaml` -> `source.yaml`, `source.yaml.1.2`). vscode-textmate applies only the injections
 * of the root grammar being tokenized, not of the grammars it includes.
 */
function injectionsFor(contributions: readonly GrammarContribution[]): (scopeName: string) => string[] {
  return (scopeName) => {
    const parts = scopeName.split(".");
    const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join("."));
    return contributions.filter((c) => c.injectTo?.some((target) => prefixes.includes(target))).map((c) => c.scopeName);
  };
}

/**
 * A tokenizer for `rootScope` with VS Code's built-in grammars plus `contributions` (our grammars,
 * paths relative to the repository; none: the user's grammars alone, as without the extension).
 */
export async function tokenizer(rootScope: string, contributions: readonly GrammarContribution[] = []): Promise<(text: string) => Scopes> {
  const files = new Map<string, string>(Object.entries(BUILT_IN).map(([scope, file]) => [scope, path.join(VENDORED, file)]));
  for (const c of contributions) files.set(c.scopeName, path.resolve(REPOSITORY, c.path));
  const registry = new textmate.Registry({
    onigLib: onigLib(),
    // Grammars VS Code has and this test does not (fenced code languages, HTML) load as none.
    loadGrammar: async (scopeName) => {
      const file = files.get(scopeName);
      return file === undefined ? null : textmate.parseRawGrammar(readFileSync(file, "utf8"), file);
    },
    getInjections: injectionsFor(contributions),
  });
  const grammar = await registry.loadGrammar(rootScope);
  if (!grammar) throw new Error(`no grammar for ${rootScope}`);
  return (text) => {
    let state = textmate.INITIAL;
    return text.split("\n").map((line) => {
      const result = grammar.tokenizeLine(line, state);
      state = result.ruleStack;
      const chars: string[][] = [];
      for (const token of result.tokens)
        for (let i = token.startIndex; i < Math.min(token.endIndex, line.length); i++) chars[i] = token.scopes;
      return chars;
    });
  };
}

/** Our grammars as package.json contributes them. */
export const CONTRIBUTED: readonly GrammarContribution[] = packageJson.contributes.grammars;
