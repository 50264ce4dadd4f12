import type { VerifyFilesResult } from "../../server/src/protocol";

/**
 * The notification "Genesis: Verify Files" ends with, from the server's answer: what was read and
 * what was wrong ("12 files verified, 1 checksum mismatch"). `warn`: something needs the user.
 */
export function verifySummary(result: VerifyFilesResult | null | undefined): { text: string; warn: boolean } {
  if (result === null) return { text: "Genesis: files are verified only in a trusted workspace; nothing was read.", warn: true };
  if (result === undefined) return { text: "Genesis: the files could not be verified; the output channel says why.", warn: true };
  const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const problems = [
    result.mismatches > 0 ? plural(result.mismatches, "checksum mismatch", "checksum mismatches") : "",
    result.missing > 0 ? `${result.missing} missing` : "",
    result.unreadable > 0 ? `${result.unreadable} unreadable` : "",
  ].filter(Boolean);
  if (result.files === 0 && problems.length === 0) return { text: "Genesis: the documents name no files to verify.", warn: false };
  const text = `Genesis: ${plural(result.files, "file")} verified${problems.length ? `, ${problems.join(", ")}` : ", all as declared"}.`;
  return { text, warn: problems.length > 0 };
}
