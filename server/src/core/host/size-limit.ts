import type { GenesisConfig } from "../config";

/**
 * The one size limit for a Genesis document (configuration `limits.maxDocumentMegabytes`), in
 * UTF-8 bytes as the file holds them, so that the editor (which has the text) and the CLI (which
 * has the file) judge a file alike. Above it a document gets one warning and only its head is read.
 */

export const DEFAULT_MAX_DOCUMENT_BYTES = 10_000_000;

/** How much of a too-large file is read: enough to recognise its kind from the header. */
export const TOO_LARGE_HEAD_CHARACTERS = 4096;

export function maxDocumentBytes(config: GenesisConfig): number {
  return config.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
}

/**
 * The UTF-8 length of a text, counted only as far as it matters: a text of at most a third of the
 * limit in UTF-16 units cannot exceed it (one unit is at most 3 bytes), and one longer than the
 * limit always does (one unit is at least one byte).
 */
export function isOverLimit(text: string, limit: number): boolean {
  if (text.length * 3 <= limit) return false;
  if (text.length > limit) return true;
  return utf8Length(text) > limit;
}

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** The words of the one diagnostic a too-large document gets, in the editor and the CLI alike. */
export function tooLargeMessage(bytes: number, limit: number): string {
  const megabytes = (n: number) => (n / 1_000_000).toFixed(1);
  return (
    `This file is ${megabytes(bytes)} MB, above the ${megabytes(limit)} MB limit for checking ` +
    "(limits.maxDocumentMegabytes in genesis.config.yaml), so only its header was read; split it into smaller documents or raise the limit."
  );
}
