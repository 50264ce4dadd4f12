/**
 * Bytes of a workspace file to the text the engine checks. Never throws: bytes that are not valid
 * in their encoding become U+FFFD, so a broken file is still checked (and its position math holds).
 *
 * - UTF-16 LE/BE is recognised only by its byte order mark (FF FE / FE FF);
 * - everything else is read as UTF-8.
 *
 * A byte order mark is kept as a leading U+FEFF in every encoding, so that the text is the file's
 * full content and the engine (which skips a leading U+FEFF) sees the same thing whatever the
 * encoding was.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le", { ignoreBOM: true }).decode(bytes);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be", { ignoreBOM: true }).decode(bytes);
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
}
