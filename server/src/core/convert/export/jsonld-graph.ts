/** A JSON-LD node: `@id`, `@type` and properties. */
export type Node = Record<string, unknown> & { readonly "@id": string };

/** `{ "@id": id }`: a reference to a node of the graph. */
export function ref(id: string): { "@id": string } {
  return { "@id": id };
}

/**
 * A flattened JSON-LD graph built node by node: the first node added under an `@id` stays, later
 * ones add only the properties it lacks, and list properties gain the references they do not hold
 * yet. Nodes come out in the order first added, so that an output is stable.
 */
export class Graph {
  private readonly nodes = new Map<string, Node>();

  add(node: Node): string {
    const known = this.nodes.get(node["@id"]);
    if (!known) {
      this.nodes.set(node["@id"], { ...node });
      return node["@id"];
    }
    for (const [key, value] of Object.entries(node)) {
      if (known[key] === undefined) (known as Record<string, unknown>)[key] = value;
    }
    return node["@id"];
  }

  has(id: string): boolean {
    return this.nodes.has(id);
  }

  /** Adds a reference to a list property of a node already in the graph, once. */
  link(id: string, property: string, target: string): void {
    const node = this.nodes.get(id) as Record<string, unknown> | undefined;
    if (!node) return;
    const list = Array.isArray(node[property]) ? (node[property] as { "@id": string }[]) : [];
    if (!list.some((item) => item["@id"] === target)) node[property] = [...list, ref(target)];
  }

  get(id: string): Node | undefined {
    return this.nodes.get(id);
  }

  toArray(): Node[] {
    return [...this.nodes.values()];
  }
}

/** A fragment id from free text: `#classification-cui-propin`. */
export function fragment(prefix: string, ...parts: string[]): string {
  const slug = parts
    .join("-")
    .toLowerCase()
    .replace(/[^a-z0-9@._-]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `#${prefix}${slug ? `-${slug}` : ""}`;
}
