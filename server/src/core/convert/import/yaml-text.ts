import { Document, isMap, isSeq, type Node } from "yaml";

/**
 * The text of an imported document: the header comment that names the source, then the value as
 * YAML, keys in the order the converter built them (the templates' order), short lists of scalars
 * and step resources in flow style as the templates write them.
 */
export function yamlDocument(value: Record<string, unknown>, header: string): string {
  const document = new Document(value, { version: "1.1" });
  flowShortLists(document.contents as Node);
  const body = document.toString({ lineWidth: 0, directives: false, indentSeq: true, flowCollectionPadding: false });
  return `${header
    .split("\n")
    .map((line) => `# ${line}`.trimEnd())
    .join("\n")}\n${body}`;
}

/** The keys whose values the templates write in flow style when they are lists of scalars or small mappings. */
const FLOW_KEYS = new Set(["keywords", "needs", "resources", "primaryKey", "enum", "derivedFrom"]);

function flowShortLists(node: Node | null | undefined, key?: string): void {
  if (isMap(node)) {
    for (const pair of node.items) flowShortLists(pair.value as Node, String((pair.key as { value?: unknown })?.value ?? pair.key));
    if (key && FLOW_KEYS.has(key)) node.flow = true;
  } else if (isSeq(node)) {
    const scalars = node.items.every((item) => !isMap(item) && !isSeq(item));
    if (key && FLOW_KEYS.has(key) && scalars) node.flow = true;
    for (const item of node.items) flowShortLists(item as Node);
  }
}

/** The comment at the top of an imported document: where it came from, and what is left to do. */
export function importHeader(what: string, sourcePath: string, today: string): string {
  return (
    `Imported by genesis-readiness on ${today} from ${sourcePath} (${what}).\n` +
    "Values the source did not give are the templates' placeholders or TODO: replace each one\n" +
    "(genesis-readiness check lists them as placeholder/value)."
  );
}
