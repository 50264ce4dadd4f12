import type { EvidenceProgress } from "../io/evidence-service";

/** The bar appears only when hashing lasts longer than this: small workspaces print nothing. */
const SHOW_AFTER_MS = 250;
/** At most this often the bar is redrawn (a large file reports every few megabytes). */
const REDRAW_MS = 100;
const BAR_WIDTH = 24;

export interface ProgressBar {
  update(progress: EvidenceProgress): void;
  /** Erases the bar, leaving the line as it was. */
  done(): void;
}

/**
 * A one-line bar on a terminal while data files are hashed: files done of all files read, and
 * bytes hashed of bytes to hash. Undefined when the stream is not a terminal (a pipe, a CI log) or
 * the terminal is `dumb`, so that nothing but the report reaches files and logs. It is drawn with
 * carriage returns and spaces only (no escape sequences), and only once hashing has taken a
 * noticeable time.
 */
export function terminalProgressBar(
  stream: NodeJS.WriteStream,
  env: NodeJS.ProcessEnv = process.env,
  now: () => number = Date.now,
): ProgressBar | undefined {
  if (!stream.isTTY || env.TERM === "dumb") return undefined;
  const started = now();
  let drawnWidth = 0;
  let last = 0;
  return {
    update(progress) {
      if (progress.bytesTotal === 0) return; // nothing to hash: reading headers is instant
      const time = now();
      const finished = progress.filesDone === progress.filesTotal;
      if (drawnWidth === 0 && (finished || time - started < SHOW_AFTER_MS)) return;
      if (!finished && time - last < REDRAW_MS) return;
      last = time;
      const line = progressLine(progress, stream.columns || 80);
      stream.write(`\r${line.padEnd(drawnWidth)}`);
      drawnWidth = Math.max(drawnWidth, line.length);
    },
    done() {
      if (drawnWidth > 0) stream.write(`\r${" ".repeat(drawnWidth)}\r`);
      drawnWidth = 0;
    },
  };
}

/** `Hashing [#####-------] 3/10 files, 120.5 of 800.0 MB`, cut to the terminal's width. */
export function progressLine(progress: EvidenceProgress, columns: number): string {
  const fraction = progress.bytesTotal > 0 ? Math.min(1, progress.bytesDone / progress.bytesTotal) : 1;
  const filled = Math.round(fraction * BAR_WIDTH);
  const bar = `[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}]`;
  const line =
    `Hashing ${bar} ${progress.filesDone}/${progress.filesTotal} files, ` +
    `${megabytes(progress.bytesDone)} of ${megabytes(progress.bytesTotal)} MB`;
  return line.slice(0, Math.max(0, columns - 1));
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}
