/**
 * How long a tool may take before it answers with an error instead. A check of a large workspace
 * reading large data files can take a while; an agent still gets an answer, never a silent wait.
 * The work itself is not interrupted (it runs on this thread and in the hash workers), but its
 * late result is dropped.
 */
export const TOOL_DEADLINE_MS = 120_000;

export class DeadlineError extends Error {}

export async function withinDeadline<T>(work: Promise<T>, milliseconds: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new DeadlineError(`${what} did not finish within ${Math.round(milliseconds / 1000)} s; try a smaller path.`)),
      milliseconds,
    );
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
