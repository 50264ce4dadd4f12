/**
 * Visits every back edge of an iterative depth-first walk (roots in the given order), so that a long
 * chain cannot overflow the stack. A back edge closes a cycle; `onBackEdge` gets it and the ids on
 * the walk's stack from the edge's target to the node it leaves (the cycle, in order).
 */
export function forEachBackEdge<E>(
  roots: readonly string[],
  edgesOf: (id: string) => readonly E[],
  targetOf: (edge: E) => string,
  onBackEdge: (edge: E, cycle: string[]) => void,
): void {
  const state = new Map<string, "open" | "done">();
  for (const root of roots) {
    if (state.has(root)) continue;
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    state.set(root, "open");
    while (stack.length) {
      const frame = stack[stack.length - 1];
      const out = edgesOf(frame.id);
      if (frame.next >= out.length) {
        state.set(frame.id, "done");
        stack.pop();
        continue;
      }
      const edge = out[frame.next++];
      const target = targetOf(edge);
      const seen = state.get(target);
      if (seen === undefined) {
        state.set(target, "open");
        stack.push({ id: target, next: 0 });
      } else if (seen === "open") {
        onBackEdge(
          edge,
          stack.slice(stack.findIndex((f) => f.id === target)).map((f) => f.id),
        );
      }
    }
  }
}
