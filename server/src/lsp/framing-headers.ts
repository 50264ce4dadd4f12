/**
 * The header block of an LSP message, as vscode-jsonrpc's reader takes it: lines of `name: value`
 * ending in CRLF (the name exactly as written, case aside), one of them `Content-Length`. Other
 * headers (`Content-Type`) are allowed and ignored, as the reader does. Text is the block decoded
 * as latin1, one character a byte, so that any byte can be named in a reason.
 */

/** Headers are a few dozen bytes; this many without a blank line are not a header block. */
export const MAX_HEADER_BYTES = 4096;
/** Larger messages than this are not LSP traffic a client sends. */
export const MAX_CONTENT_LENGTH = 256 * 1024 * 1024;

/** A complete header line: an HTTP token, a colon, and printable ASCII or tabs. */
const HEADER_LINE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+:[\t\x20-\x7e]*$/;
/** The beginning of a header line, as far as it has come. */
const HEADER_LINE_START = /^[!#$%&'*+.^_`|~0-9A-Za-z-]*(?::[\t\x20-\x7e]*)?\r?$/;

/** Why `text`, the beginning of a header block whose blank line has not come yet, cannot be one; undefined while it still can. */
export function headerLinesProblem(text: string): string | undefined {
  const lines = text.split("\r\n");
  const last = lines.pop() ?? "";
  const bad = lines.find((line) => !HEADER_LINE.test(line));
  if (bad !== undefined) return notAHeader(bad);
  return HEADER_LINE_START.test(last) ? undefined : notAHeader(last);
}

/** The body length that a complete header block (without its blank line) declares, or why it declares none. */
export function parseHeaderBlock(text: string): number | string {
  let declared: string | undefined;
  for (const line of text.split("\r\n")) {
    if (!HEADER_LINE.test(line)) return notAHeader(line);
    const colon = line.indexOf(":");
    if (line.slice(0, colon).toLowerCase() !== "content-length") continue;
    if (declared !== undefined) return "two Content-Length headers in one message";
    declared = line.slice(colon + 1).trim();
  }
  if (declared === undefined) return `a header block without Content-Length: ${shown(text)}`;
  if (!/^\d{1,12}$/.test(declared)) return `Content-Length is not a whole number: ${shown(declared)}`;
  const length = Number(declared);
  if (length > MAX_CONTENT_LENGTH) return `Content-Length ${length} is over the ${MAX_CONTENT_LENGTH} bytes a message may have`;
  return length;
}

function notAHeader(line: string): string {
  return line === "" ? "an empty line where a header was expected" : `bytes that are not a header line: ${shown(line)}`;
}

/** `text` quoted on one line, every byte that is not printable ASCII as \xNN, cut after 40 characters. */
function shown(text: string): string {
  const cut = text.length > 40 ? `${text.slice(0, 40)}...` : text;
  const escaped = cut.replace(/[^\x20-\x7e]|["\\]/g, (char) =>
    char === '"' || char === "\\" ? `\\${char}` : `\\x${char.charCodeAt(0).toString(16).padStart(2, "0")}`,
  );
  return `"${escaped}"`;
}
