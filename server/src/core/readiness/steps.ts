/**
 * A computation in steps: each `yield` is a point where the caller may pause, so that a language
 * server can judge a large workspace's checklist on its own thread in short slices and serve a
 * keystroke in between (lsp/readiness.ts). `finish` runs it to the end at once (the CLI, tests).
 */
export type Steps<T> = Generator<void, T, undefined>;

/**
 * Resolves at once (undefined) while the caller's time slice lasts, and gives a promise to await
 * once it is used up.
 */
export type Slicer = () => Promise<void> | undefined;

/**
 * Elements handled between two pause points: each costs microseconds, so a step stays far below
 * a slice, and pausing (a clock read) is paid once per many elements.
 */
const ELEMENTS_PER_STEP = 16;

/** Runs the steps to the end without pausing. */
export function finish<T>(steps: Steps<T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** Runs the steps to the end, asking `slice` at every pause point whether to give way first. */
export async function finishInSlices<T>(steps: Steps<T>, slice: Slicer): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    const pause = slice();
    if (pause) await pause;
  }
}

/** A counter of elements handled in a loop: true once every ELEMENTS_PER_STEP calls (yield then). */
export function pacer(): () => boolean {
  let handled = 0;
  return () => ++handled % ELEMENTS_PER_STEP === 0;
}
