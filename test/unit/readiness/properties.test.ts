import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import { configWith } from "../harness";
import { DEFAULT_CONFIG } from "../../../server/src/core/config";
import { computeReadiness } from "../../../server/src/core/readiness/compute";
import type {
  ReadinessDocument,
  ReadinessInput,
  ReadinessItem,
  ReadinessModel,
  ReadinessStatus,
} from "../../../server/src/core/readiness/model";
import { ruleInfo } from "../../../server/src/core/rules/catalog";
import type { Diagnostic } from "../../../server/src/core/types";
import { CLEAN, CLEANING, GOOD, MODEL, RAW, inputOf, type Fixture } from "./harness";

/**
 * docs/checklist.md#how-an-item-is-decided as properties, over small workspaces (the readiness fixture's manifests, pipeline and cards,
 * which reference each other) broken at random, as a user would break them:
 * (a) when a standing error exists anywhere, some item fails (`check` and `report` agree);
 * (b) no item passes while a standing error or warning of its rules stands (an error fails it);
 * (c) waived findings never lower an item: waiving findings gives no worse a status than if they
 *     did not exist at all, and each item counts the waived findings of its rules.
 */

const DOCUMENTS: readonly [string, string][] = [
  ["data/raw.dataset.yaml", RAW],
  ["data/clean.dataset.yaml", CLEAN],
  ["pipelines/cleaning.pipeline.yaml", CLEANING],
  ["models/m.model.yaml", MODEL],
  // A second card, public, trained and evaluated on the raw data.
  [
    "models/m2.model.yaml",
    MODEL.replace("id: m\n", "id: m2\n")
      .replace("level: internal", "level: public")
      .replace(/clean@1\.0\.0/g, "raw@1.0.0"),
  ],
];

const SHA = (c: string, n = 64) => c.repeat(n);

/** Wrong values, as `[what is written, what replaces it]`: each applies where its text occurs. */
const REPLACEMENTS: readonly [string, string][] = [
  ["version: 1.0.0", 'version: "1.2"'],
  ["version: 1.0.0", "version: 1"],
  ["level: internal", "level: CUI"],
  ["level: internal", "level: Internal"],
  ["level: internal", "level: secret"],
  ["level: internal", "level: internl"],
  ["level: public", "level: Public"],
  ["level: public", "level: cui"],
  ["format: csv", "format: parqet"],
  ["format: json", "format: netcdf"],
  ["license: CC-BY-4.0", "license: Apache 2"],
  [`sha256: ${SHA("a")}`, `sha256: ${SHA("a", 32)}`],
  [`sha256: ${SHA("e")}`, `sha256: ${SHA("f")}`],
  ["rmf: [MAP-2.3]", "rmf: [MEASURE-7]"],
  ["emit: ro-crate", "emit: rocrate"],
  ["emit: ro-crate", "emit: none"],
  ["network: none", "network: egress"],
  ["network: none", "network: nonee"],
  ["type: slurm", "type: local"],
  ["type: slurm", "type: slurmm"],
  ["type: shell", "type: shel"],
  ["seed: 1", "seed: one"],
  [`commit: ${SHA("c", 40)}`, "commit: abc123"],
  ["type: number", "type: float"],
  ["retentionDays: 30", "retentionDays: -1"],
  ["maxClassification: cui-specified", "maxClassification: public"],
  ["lockfile: lock.txt", "lockfile: ../../outside.txt"],
  ["policy: /governance/access.md", "policy: /governance/gone.md"],
  // Images: unpinned, another digest algorithm, the latest tag, not an image at all.
  [`@sha256:${SHA("b")}`, ""],
  [`@sha256:${SHA("b")}`, `@sha512:${SHA("b", 128)}`],
  ["y:1.0.0@", "y:latest@"],
  [`"registry.example.gov/x/y:1.0.0@sha256:${SHA("b")}"`, '"not an image!"'],
  // References: to another version, without a version, to nothing.
  ["raw@1.0.0", "raw@9.9.9"],
  ["raw@1.0.0", "raw"],
  ["clean@1.0.0", "nowhere@1.0.0"],
  ["cleaning@1.0.0", "cleaning@2.0.0"],
  // Blocks removed.
  ["access: { policy: /governance/access.md }\n", ""],
  ["keywords: [test]\n", ""],
  ["    network: none\n", ""],
  ["scheduler: { type: slurm }\n", ""],
  ["audit: { log: /logs/audit.jsonl, retentionDays: 30 }\n", ""],
  ["provenance: { emit: ro-crate }\n", ""],
];

const IGNORED_RULES = ["schema/enum", "container/unpinned", "version/semver", "ref/unversioned", "schema/required", "no/such-rule"];

type Breakage =
  | { readonly kind: "replace"; readonly doc: number; readonly which: number }
  | { readonly kind: "delete-line"; readonly doc: number; readonly at: number }
  | { readonly kind: "ignore"; readonly doc: number; readonly at: number; readonly rule: number; readonly reason: boolean };

const breakage: fc.Arbitrary<Breakage> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("replace" as const), doc: fc.nat(), which: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("delete-line" as const), doc: fc.nat(), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("ignore" as const),
      doc: fc.nat(),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      rule: fc.nat(),
      reason: fc.boolean(),
    }),
  },
);

function applied(text: string, b: Breakage): string {
  const lines = text.split("\n");
  switch (b.kind) {
    case "replace": {
      const usable = REPLACEMENTS.filter(([from]) => text.includes(from));
      if (!usable.length) return text;
      const [from, to] = usable[b.which % usable.length];
      return text.replace(from, to);
    }
    case "delete-line": {
      lines.splice(Math.floor(b.at * (lines.length - 1)), 1);
      return lines.join("\n");
    }
    case "ignore": {
      const at = Math.floor(b.at * (lines.length - 1));
      lines[at] =
        `${lines[at]}  # genesis-ignore ${IGNORED_RULES[b.rule % IGNORED_RULES.length]}${b.reason ? ": accepted for the test" : ""}`;
      return lines.join("\n");
    }
  }
}

/** Mostly the whole workspace, with few breakages, so that items pass often enough to be tested. */
const workspace = fc.record({
  documents: fc.oneof(
    { weight: 3, arbitrary: fc.constant<number[]>([0, 1, 2, 3, 4]) },
    { weight: 1, arbitrary: fc.subarray<number>([0, 1, 2, 3, 4], { minLength: 1 }) },
  ),
  breakages: fc.oneof(
    { weight: 1, arbitrary: fc.constant([]) },
    { weight: 4, arbitrary: fc.array(breakage, { minLength: 1, maxLength: 3 }) },
  ),
  removedFiles: fc.oneof(
    { weight: 3, arbitrary: fc.constant([]) },
    { weight: 1, arbitrary: fc.subarray([...(GOOD.extraFiles ?? [])], { maxLength: 2 }) },
  ),
  verified: fc.boolean(),
  trusted: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  release: fc.boolean(),
  /** Which findings to waive, by position among all of them. */
  waive: fc.array(fc.nat(), { maxLength: 3 }),
});

type Workspace = typeof workspace extends fc.Arbitrary<infer T> ? T : never;

function fixtureOf(w: Workspace): Fixture {
  const texts = w.documents.map((i) => [...DOCUMENTS[i]] as [string, string]);
  for (const b of w.breakages) {
    const target = texts[b.doc % texts.length];
    target[1] = applied(target[1], b);
  }
  const removed = new Set(w.removedFiles);
  return {
    files: Object.fromEntries(texts),
    extraFiles: (GOOD.extraFiles ?? []).filter((path) => !removed.has(path)),
    evidence: w.verified ? GOOD.evidence : undefined,
    trusted: w.trusted,
    config: w.release ? configWith({ profile: "release" }) : DEFAULT_CONFIG,
  };
}

const RANK: Readonly<Record<ReadinessStatus, number>> = { "n/a": 0, pass: 1, warn: 2, fail: 3 };

const itemsOf = (model: ReadinessModel): ReadinessItem[] => model.groups.flatMap((g) => g.items);

/** The input with the chosen diagnostics waived (`waived`) and with them gone altogether (`gone`). */
function waivedAndGone(
  input: ReadinessInput,
  picks: readonly number[],
): { waived: ReadinessInput; gone: ReadinessInput; chosen: Set<Diagnostic> } {
  const all = input.documents.flatMap((d) => d.diagnostics);
  const chosen = new Set(all.length ? picks.map((n) => all[n % all.length]) : []);
  const waived: ReadinessDocument[] = input.documents.map((d) => {
    const kept = d.diagnostics.filter((x) => !chosen.has(x));
    const moved = d.diagnostics.filter((x) => chosen.has(x)).map((x) => ({ ...x, waiver: { reason: "accepted", span: x.span } }));
    // The engine's own waivers (a genesis-ignore breakage) stay beside the ones chosen here.
    return { ...d, diagnostics: kept, waived: [...(d.waived ?? []), ...moved] };
  });
  const gone: ReadinessDocument[] = input.documents.map((d) => ({ ...d, diagnostics: d.diagnostics.filter((x) => !chosen.has(x)) }));
  return { waived: { ...input, documents: waived }, gone: { ...input, documents: gone }, chosen };
}

/** (a) and (b) over one input: the standing diagnostics are those without a waiver in `diagnostics`. */
function assertFindingsDecide(input: ReadinessInput, model: ReadinessModel): void {
  const items = itemsOf(model);
  for (const item of items) assert.doesNotMatch(item.reason, /could not be decided/, item.id);
  const standing = input.documents.flatMap((d) => d.diagnostics.filter((x) => !x.waiver).map((x) => ({ path: d.facts.path, x })));
  if (standing.some(({ x }) => x.severity === "error")) {
    const errors = standing.filter(({ x }) => x.severity === "error").map(({ path, x }) => `${path} ${x.rule}`);
    assert.ok(
      items.some((i) => i.status === "fail"),
      `errors stand (${errors.join(", ")}) but no item fails`,
    );
  }
  for (const { path, x } of standing) {
    if (x.severity === "info") continue;
    const item = items.find((i) => i.id === ruleInfo(x.rule)?.item);
    assert.ok(item, `${x.rule} belongs to no item`);
    const lowest = x.severity === "error" ? "fail" : "warn";
    assert.ok(
      RANK[item.status] >= RANK[lowest],
      `${item.id} is ${item.status} while ${x.severity} ${x.rule} stands in ${path}: ${item.reason}`,
    );
  }
}

describe("readiness: properties of docs/checklist.md#how-an-item-is-decided over broken workspaces", function () {
  it("an error fails some item; no item passes over a finding of its rules; waived findings never lower an item", function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(workspace, (w) => {
        const input = inputOf(fixtureOf(w));
        const model = computeReadiness(input);
        assertFindingsDecide(input, model);

        const { waived, gone, chosen } = waivedAndGone(input, w.waive);
        const withWaivers = computeReadiness(waived);
        const without = computeReadiness(gone);
        assertFindingsDecide(waived, withWaivers);
        // Waived in all: the findings chosen here and those a genesis-ignore breakage waived already.
        const already = input.documents.flatMap((d) => d.waived ?? []);
        assert.equal(withWaivers.waivers?.length, chosen.size + already.length);
        const before = itemsOf(model);
        const after = itemsOf(without);
        itemsOf(withWaivers).forEach((item, i) => {
          assert.ok(
            RANK[item.status] <= RANK[after[i].status],
            `${item.id}: ${item.status} with waivers, ${after[i].status} without the findings: ${item.reason}`,
          );
          assert.ok(
            RANK[item.status] <= RANK[before[i].status],
            `${item.id}: ${item.status} with waivers, ${before[i].status} with the findings standing`,
          );
          const count = [...chosen, ...already].filter((d) => ruleInfo(d.rule)?.item === item.id).length;
          assert.equal(item.waivers ?? 0, count, `${item.id} counts its waivers`);
        });
      }),
      {
        numRuns: Number(process.env.READINESS_PROPERTY_RUNS ?? 150),
        // A failure prints its seed: READINESS_PROPERTY_SEED replays it.
        ...(process.env.READINESS_PROPERTY_SEED ? { seed: Number(process.env.READINESS_PROPERTY_SEED) } : {}),
      },
    );
  });
});
