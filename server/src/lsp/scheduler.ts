/**
 * Runs one job per key as soon as the event loop is free, coalescing bursts: when several changes
 * of one document arrive while a check runs, only the newest is checked. There is no deliberate
 * delay, so a single keystroke is checked at once.
 */
export class CoalescingScheduler<T> {
  private readonly pending = new Map<string, T>();
  private scheduled = false;
  private waiting: (() => void)[] = [];

  constructor(private readonly run: (key: string, item: T) => Promise<void> | void) {}

  schedule(key: string, item: T): void {
    this.pending.set(key, item);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => void this.drain());
  }

  /** Resolves once every change scheduled so far has been handled. */
  flushed(): Promise<void> {
    if (!this.scheduled) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  cancel(key: string): void {
    this.pending.delete(key);
  }

  private async drain(): Promise<void> {
    while (this.pending.size > 0) {
      const [key, item] = this.pending.entries().next().value as [string, T];
      this.pending.delete(key);
      await this.run(key, item);
      // Let newer changes arrive before the next document is checked.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    this.scheduled = false;
    this.waiting.splice(0).forEach((resolve) => resolve());
  }
}
