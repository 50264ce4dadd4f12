import type { ReadFailure } from "../core/evidence-api";
import { describeError, errorCode } from "../node/workspace-files";

/** Thrown by a format reader for a file it cannot describe; becomes a `ReadFailure` of that part. */
export class FormatError extends Error {
  constructor(
    readonly kind: ReadFailure["kind"],
    message: string,
  ) {
    super(message);
  }
}

/**
 * Any error of a reader as a failure: its own FormatError as is, a file system error as
 * `unreadable`, anything else (a parser's exception on odd bytes) as `malformed`.
 */
export function toReadFailure(error: unknown): ReadFailure {
  if (error instanceof FormatError) return { kind: error.kind, reason: error.message };
  if (errorCode(error) !== undefined) return { kind: "unreadable", reason: describeError(error) };
  const message = error instanceof Error ? error.message : String(error);
  return { kind: "malformed", reason: message.split("\n", 1)[0].slice(0, 300) || "unreadable content" };
}

/** The error an aborted read rejects with, as fetch and the stream utilities do. */
export function abortError(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  if (reason instanceof Error) return reason;
  const error = new Error("The read was cancelled.");
  error.name = "AbortError";
  return error;
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === "AbortError";
}
