import { parse } from "yaml";

/**
 * The JSON form of a YAML document template, with its placeholders kept: each placeholder is
 * swapped for a marker, the YAML is turned into indented JSON, and the markers are swapped back
 * (quoted inside strings, bare where the default is a number).
 */
export function jsonTemplateFromYaml(yamlBody: string): string {
  const placeholders: string[] = [];
  const marked = yamlBody.replace(/\n\$0$/, "").replace(/\$\{\d+(?::(?:[^{}\\]|\\.)*|\|[^|]*\|)?\}/g, (placeholder) => {
    placeholders.push(placeholder);
    return `__ph${placeholders.length - 1}__`;
  });
  const json = JSON.stringify(parse(marked), null, 2);
  const restored = json.replace(/"((?:[^"\\]|\\.)*)"/g, (quoted, inner: string) => {
    if (!inner.includes("__ph")) return quoted;
    const text = inner.replace(/__ph(\d+)__/g, (_, i: string) => placeholders[Number(i)]);
    const whole = /^__ph(\d+)__$/.exec(inner);
    if (whole && /^\$\{\d+:-?\d+(\.\d+)?\}$/.test(placeholders[Number(whole[1])])) return text;
    return `"${text}"`;
  });
  return `${restored}\n$0`;
}
