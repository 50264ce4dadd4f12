/**
 * Templates are written once, in VS Code snippet syntax (`${1:default}`, `${2|a,b|}`, `$0`), and
 * serve the editor snippets, the "New ..." commands and `genesis-readiness init` alike.
 */

/** The text a snippet produces when every placeholder keeps its default (a choice: its first option). */
export function expandSnippet(body: string, values: Readonly<Record<number, string>> = {}): string {
  const defaults = new Map<number, string>();
  const pattern = /\$\{(\d+):((?:[^{}\\]|\\.)*)\}|\$\{(\d+)\|([^|]*)\|\}|\$\{(\d+)\}|\$(\d+)|\\([$}\\])/g;
  // First pass: the first default given to each tab stop is the one mirrors repeat.
  for (const match of body.matchAll(pattern)) {
    const index = Number(match[1] ?? match[3]);
    if (match[1] !== undefined && !defaults.has(index)) defaults.set(index, unescape(match[2]));
    if (match[3] !== undefined && !defaults.has(index)) defaults.set(index, match[4].split(",")[0]);
  }
  return body.replace(pattern, (_whole, a, _b, c, _d, e, f, escaped) => {
    if (escaped !== undefined) return escaped;
    const index = Number(a ?? c ?? e ?? f);
    return values[index] ?? defaults.get(index) ?? "";
  });
}

function unescape(text: string): string {
  return text.replace(/\\([$}\\])/g, "$1");
}

/** Escapes literal text for use inside a snippet body. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}
