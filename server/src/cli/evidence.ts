import type { EvidenceRequest, FileEvidence } from "../core/index";
import { EvidenceService } from "../io/evidence-service";
import { terminalProgressBar } from "./progress-bar";

/**
 * The `io` facts for the documents `check` reports (docs/cli.md: every rule, unless --no-io), from what
 * each document asks to be read (its `evidenceRequests`, keyed by document path): each named file
 * read once, hashes in worker threads, a progress bar on stderr when it is a terminal. Keyed by
 * document path, then by workspace-relative file path.
 */
export async function gatherEvidence(
  root: string,
  requestsByDocument: ReadonlyMap<string, readonly EvidenceRequest[]>,
  stderr: NodeJS.WriteStream = process.stderr,
): Promise<Map<string, Map<string, FileEvidence>>> {
  const service = new EvidenceService();
  const bar = terminalProgressBar(stderr);
  try {
    return await service.gatherRequested(root, requestsByDocument, undefined, bar?.update);
  } finally {
    bar?.done();
    service.dispose();
  }
}
