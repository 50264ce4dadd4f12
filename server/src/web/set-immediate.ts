/**
 * `setImmediate` for a Web Worker, which has none: the server yields to its message loop with it
 * between batches of work. A MessageChannel runs the callback as the next task, without the 4 ms
 * clamp that nested `setTimeout(fn, 0)` calls get. Installed explicitly by the worker's entry, never
 * by the bundler.
 */

/** The little of MessageChannel this needs (this project compiles without lib "dom"). */
interface Channel {
  readonly port1: { onmessage: (() => void) | null };
  readonly port2: { postMessage(message: unknown): void };
}
declare const MessageChannel: new () => Channel;

export function installSetImmediate(): void {
  const scope = globalThis as { setImmediate?: unknown };
  if (typeof scope.setImmediate === "function") return;
  const queue: (() => void)[] = [];
  const channel = new MessageChannel();
  channel.port1.onmessage = () => queue.shift()?.();
  scope.setImmediate = (callback: (...args: unknown[]) => void, ...args: unknown[]) => {
    queue.push(() => callback(...args));
    channel.port2.postMessage(undefined);
    return 0;
  };
}
