import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import { configWith, engine } from "../harness";
import { DEFAULT_CONFIG } from "../../../server/src/core/config";
import { ReadinessMirror, ReadinessSyncSource, WorkspaceHost } from "../../../server/src/core/index";
import { CLEAN, CLEANING, MODEL, RAW } from "../readiness/harness";

/**
 * The checklist computed from a mirror kept up to date by syncs (as the language server computes it
 * in a worker thread) equals the checklist the host computes itself, after any sequence of edits,
 * removals, evidence, configuration and file-list changes.
 */

const DOCUMENTS: readonly [string, string][] = [
  ["data/raw.dataset.yaml", RAW],
  ["data/clean.dataset.yaml", CLEAN],
  ["pipelines/cleaning.pipeline.yaml", CLEANING],
  ["models/m.model.yaml", MODEL],
];

const REPLACEMENTS: readonly [string, string][] = [
  ["version: 1.0.0", 'version: "1.2"'],
  ["level: internal", "level: public"],
  ["level: public", "level: cui"],
  ["format: csv", "format: parqet"],
  ["format: csv", "format: zarr"],
  ["raw@1.0.0", "raw@9.9.9"],
  ["clean@1.0.0", "nowhere@1.0.0"],
  ["type: slurm", "type: local"],
  ["seed: 1", "seed: one"],
  ["id: raw\n", "id: raw2\n"],
  ["raw@1.0.0", "raw"],
  ["seed: 1", "__proto__: { polluted: true }\n  seed: 1"],
];

type Step =
  | { readonly kind: "edit"; readonly doc: number; readonly which: number; readonly open: boolean }
  | { readonly kind: "waive"; readonly doc: number; readonly at: number }
  | { readonly kind: "remove"; readonly doc: number }
  | { readonly kind: "restore"; readonly doc: number }
  | { readonly kind: "evidence"; readonly doc: number }
  | { readonly kind: "config"; readonly strict: boolean }
  | { readonly kind: "files"; readonly extra: boolean }
  | { readonly kind: "trust"; readonly trusted: boolean }
  | { readonly kind: "browser"; readonly unread: boolean }
  | { readonly kind: "sync" };

const doc = fc.nat({ max: DOCUMENTS.length - 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant("edit" as const), doc, which: fc.nat(), open: fc.boolean() }),
  fc.record({ kind: fc.constant("waive" as const), doc, at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant("remove" as const), doc }),
  fc.record({ kind: fc.constant("restore" as const), doc }),
  fc.record({ kind: fc.constant("evidence" as const), doc }),
  fc.record({ kind: fc.constant("config" as const), strict: fc.boolean() }),
  fc.record({ kind: fc.constant("files" as const), extra: fc.boolean() }),
  fc.record({ kind: fc.constant("trust" as const), trusted: fc.boolean() }),
  fc.record({ kind: fc.constant("browser" as const), unread: fc.boolean() }),
  fc.constant({ kind: "sync" as const }),
);

async function sync(source: ReadinessSyncSource, mirror: ReadinessMirror, files: readonly string[]): Promise<void> {
  for await (const batch of source.syncs(files, () => undefined)) mirror.apply(structuredClone(batch));
}

describe("ReadinessMirror (the checklist away from the host)", () => {
  it("computes the host's checklist after any sequence of changes, synced now and then", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 12 }), async (steps) => {
        const host = new WorkspaceHost(engine);
        const texts = new Map(DOCUMENTS);
        let files = [...texts.keys(), "lock.txt"];
        host.setFiles(files);
        for (const [path, text] of texts) host.update(path, text);
        host.finishLoading();
        const source = new ReadinessSyncSource(host);
        const mirror = new ReadinessMirror();
        for (const s of steps) {
          const path = DOCUMENTS["doc" in s ? s.doc : 0][0];
          const text = texts.get(path) ?? DOCUMENTS["doc" in s ? s.doc : 0][1];
          switch (s.kind) {
            case "edit": {
              const usable = REPLACEMENTS.filter(([from]) => text.includes(from));
              const changed = usable.length ? text.replace(...usable[s.which % usable.length]) : `${text}# edited\n`;
              texts.set(path, changed);
              host.update(path, changed, s.open);
              break;
            }
            case "waive": {
              const lines = text.split("\n");
              const at = Math.floor(s.at * (lines.length - 2));
              lines[at] = `${lines[at]}  # genesis-ignore schema/enum: accepted for the test`;
              texts.set(path, lines.join("\n"));
              host.update(path, texts.get(path)!);
              break;
            }
            case "remove":
              texts.delete(path);
              host.remove(path);
              break;
            case "restore":
              texts.set(path, text);
              host.update(path, text);
              break;
            case "evidence":
              host.setEvidence(path, new Map([["data/raw.csv", { status: "missing" as const }]]));
              break;
            case "config":
              host.configure(
                s.strict
                  ? configWith({
                      profile: "release",
                      rules: { "ref/unversioned": "error", "ref/unresolved": "off", "schema/enum": "off" },
                      site: { registries: [], partitions: {}, standardFormats: ["zarr"] },
                    })
                  : DEFAULT_CONFIG,
              );
              break;
            case "files":
              files = [...texts.keys(), ...(s.extra ? ["lock.txt", "governance/access.md"] : [])];
              host.setFiles(files);
              break;
            case "trust":
              host.trusted = s.trusted;
              break;
            case "browser":
              host.dataFilesUnread = s.unread ? "in the browser" : undefined;
              break;
            case "sync":
              await sync(source, mirror, files);
              assert.deepEqual(mirror.readiness(), host.readiness());
              break;
          }
        }
        await sync(source, mirror, files);
        assert.deepEqual(mirror.readiness(), host.readiness());
      }),
      { numRuns: 60 },
    );
  });

  it("sends only what changed since the last sync", async () => {
    const host = new WorkspaceHost(engine);
    for (const [path, text] of DOCUMENTS) host.update(path, text);
    host.finishLoading();
    const source = new ReadinessSyncSource(host);
    const files = DOCUMENTS.map(([path]) => path);
    const sent = async () => {
      const batches = [];
      for await (const batch of source.syncs(files, () => undefined)) batches.push(batch);
      return batches.flatMap((b) => b.documents.map((d) => d.path));
    };
    assert.equal((await sent()).length, DOCUMENTS.length);
    assert.deepEqual(await sent(), []);
    host.update("models/m.model.yaml", MODEL.replace("seed: 1", "seed: 2"));
    assert.deepEqual(await sent(), ["models/m.model.yaml"]);
  });

  it("gives way between documents: the slicer is asked before each one", async () => {
    const host = new WorkspaceHost(engine);
    for (const [path, text] of DOCUMENTS) host.update(path, text);
    host.finishLoading();
    const order: string[] = [];
    const slice = () => {
      order.push("pause");
      return Promise.resolve();
    };
    for await (const batch of new ReadinessSyncSource(host).syncs([], slice)) order.push(`batch of ${batch.documents.length}`);
    assert.deepEqual(order, ["pause", "pause", "pause", "pause", "batch of 4"]);
  });
});
