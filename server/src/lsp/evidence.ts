import * as path from "node:path";
import type { Connection } from "vscode-languageserver";
import type { EvidenceMap, RequestOptions } from "../core/index";
import { EvidenceService } from "../io/evidence-service";
import type { VerifyFilesResult } from "../protocol";
import type { Folder } from "./folder";
import type { EvidenceRunner } from "./platform";
import type { WorkspaceService } from "./workspace-service";
import type { ScanProgress } from "./workspace-scan";

/**
 * Runs the `io` rules off the keystroke path: when a document is opened or saved, when a file it
 * names changes on disk, and on "Genesis: Verify Files". Hashing runs in worker threads, results
 * are cached by path, size and mtime, and a newer request for a document cancels the older one.
 */
export class EvidenceCoordinator implements EvidenceRunner {
  private readonly service = new EvidenceService();
  private readonly running = new Map<string, AbortController>();

  constructor(
    private readonly connection: Connection,
    private readonly workspace: WorkspaceService,
    private readonly progress: () => Promise<ScanProgress>,
  ) {}

  /** Reads the files one document names, then publishes its diagnostics again. */
  async verify(uri: string): Promise<void> {
    if (!this.workspace.trusted) return;
    const place = this.workspace.placeOf(uri);
    if (!place.state.root || !place.state.host.has(place.path)) return;
    await this.verifyIn(place.state, [place.path]);
  }

  /**
   * "Genesis: Verify Files": every document of every folder, with progress. Asked for explicitly,
   * it also hashes the files whose items declare no valid sha256, for "Update checksum from file".
   */
  async verifyAll(): Promise<VerifyFilesResult | null> {
    if (!this.workspace.trusted) return null;
    const progress = await this.progress();
    progress.begin("Verifying the files Genesis documents name");
    const tally = new VerifyTally();
    try {
      for (const state of this.workspace.allStates()) {
        if (state.root) {
          const onFiles = (done: number, total: number) =>
            progress.report(Math.round((100 * done) / Math.max(1, total)), `${done} of ${total} files`);
          const gathered = await this.verifyIn(state, [...state.host.paths()], onFiles, { hashUndeclared: true });
          tally.add(state, gathered);
        }
      }
    } finally {
      progress.done();
    }
    return tally.result();
  }

  /** A file changed on disk: forget what was read of it and verify the documents that name it. */
  async fileChanged(uri: string): Promise<void> {
    if (!this.workspace.trusted) return;
    const place = this.workspace.placeOf(uri);
    if (!place.state.root) return;
    this.service.invalidate(path.join(place.state.root, ...place.path.split("/")));
    const { host } = place.state;
    const naming = [...host.paths()].filter(
      (documentPath) =>
        host.hasEvidence(documentPath) && host.evidenceRequests(documentPath).some((request) => request.path === place.path),
    );
    if (naming.length) await this.verifyIn(place.state, naming);
  }

  dispose(): void {
    this.running.forEach((controller) => controller.abort());
    this.service.dispose();
  }

  private async verifyIn(
    state: Folder,
    paths: readonly string[],
    onFiles?: (done: number, total: number) => void,
    options?: RequestOptions,
  ): Promise<ReadonlyMap<string, EvidenceMap> | undefined> {
    const key = `${state.root}\u0000${paths.join("\u0000")}`;
    this.running.get(key)?.abort();
    const controller = new AbortController();
    this.running.set(key, controller);
    const documents = paths.map((p) => state.host.documentOf(p)).filter((d): d is NonNullable<typeof d> => d !== undefined);
    try {
      const gathered = await this.service.gatherAll(
        state.root,
        documents,
        controller.signal,
        onFiles && ((p) => onFiles(p.filesDone, p.filesTotal)),
        options,
      );
      for (const [documentPath, evidence] of gathered) state.host.setEvidence(documentPath, evidence);
      await this.workspace.publishPaths(state, [...gathered.keys()]);
      return gathered;
    } catch (error) {
      if (!controller.signal.aborted)
        this.connection.console.error(`Verifying files failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    } finally {
      if (this.running.get(key) === controller) this.running.delete(key);
    }
  }
}

/** Counts what "Verify Files" found, each named file once per folder, and the mismatches the rule reports. */
class VerifyTally {
  private readonly statuses = new Map<string, string>();
  private mismatches = 0;

  add(state: Folder, gathered: ReadonlyMap<string, EvidenceMap> | undefined): void {
    for (const [documentPath, evidence] of gathered ?? []) {
      for (const [file, facts] of evidence) this.statuses.set(`${state.root}\u0000${file}`, facts.status);
      this.mismatches += state.host.diagnostics(documentPath).filter((d) => d.rule === "integrity/checksum-mismatch").length;
    }
  }

  result(): VerifyFilesResult {
    const count = (...statuses: string[]) => [...this.statuses.values()].filter((status) => statuses.includes(status)).length;
    return {
      files: count("ok"),
      mismatches: this.mismatches,
      missing: count("missing"),
      unreadable: count("unreadable", "outside-workspace"),
    };
  }
}
