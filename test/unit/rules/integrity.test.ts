import * as assert from "node:assert/strict";
import { configWith, diagnose, engine, expectWants } from "../harness";

const RULES = ["integrity/checksum-format", "integrity/checksum-missing", "schema/type", "schema/pattern", "internal/rule-error"];

const SHA = "033c3ce0ed447149ed4d010828e7a4e6d753bdf57262875657b1637b011550df";
const MD5 = "d41d8cd98f00b204e9800998ecf8427e";

const manifest = (distribution: string, extra = "") =>
  `apiVersion: genesis/v1\nkind: DatasetManifest\nid: ocean\n${extra}distribution:\n${distribution}`;
const card = (artifacts: string) => `apiVersion: genesis/v1\nkind: ModelCard\nid: surrogate\nartifacts:\n${artifacts}`;

function findings(path: string, text: string, rule: string) {
  return engine.analyze({ path, text }).diagnostics.filter((d) => d.rule === rule || d.rule === "internal/rule-error");
}

describe("integrity", () => {
  describe("integrity/checksum-format", () => {
    it("accepts a 64 lower-case hex sha256 and a 32 lower-case hex md5 beside it", () => {
      expectWants("d.dataset.yaml", manifest(`  - id: temps\n    path: t.csv\n    sha256: ${SHA}\n    md5: ${MD5}\n`), { rules: RULES });
      expectWants("m.model.yaml", card(`  - { format: onnx, path: m.onnx, sha256: "${SHA}" }\n`), { rules: RULES });
    });

    it("names a 32-hex sha256 as probably an MD5", () => {
      const seen = expectWants(
        "d.dataset.yaml",
        manifest(`  - id: temps\n    path: t.csv\n    sha256: ${MD5} # want: integrity/checksum-format\n`),
        { rules: RULES },
      );
      assert.equal(
        seen[0].message,
        `sha256 has 32 hex characters: probably an MD5 digest. A sha256 is 64 lower-case hex characters; ` +
          `an MD5 may stand beside it in an "md5" field, never alone.`,
      );
      assert.equal(seen[0].covered, MD5);
      assert.equal(seen[0].severity, "error");
    });

    it("asks to lower-case an upper-case digest, with the replacement", () => {
      const text = manifest(`  - id: temps\n    path: t.csv\n    sha256: ${SHA.toUpperCase()}\n`);
      const [finding] = findings("d.dataset.yaml", text, "integrity/checksum-format");
      assert.equal(finding.message, `sha256 is written in upper case; write it as 64 lower-case hex characters: "${SHA}".`);
      assert.deepEqual(finding.data, { replacement: SHA });
      assert.equal(finding.pointer, "/distribution/0/sha256");
    });

    it("reports a sha256: prefix and gives the bare digest", () => {
      const [finding] = findings(
        "m.model.yaml",
        card(`  - { format: onnx, path: m.onnx, sha256: "sha256:${SHA}" }\n`),
        "integrity/checksum-format",
      );
      assert.match(finding.message, /carries an algorithm prefix; write the 64 lower-case hex characters alone/);
      assert.deepEqual(finding.data, { replacement: SHA });
      assert.equal(finding.pointer, "/artifacts/0/sha256");
    });

    it("says what is wrong with other digests", () => {
      const cases: [string, RegExp][] = [
        ["a".repeat(40), /has 40 hex characters \(probably a SHA-1 digest\); it must be 64 lower-case hex characters\.$/],
        ["b".repeat(128), /has 128 hex characters \(probably a SHA-512 digest\)/],
        ["abc123", /has 6 hex characters; it must be 64/],
        [`${SHA.slice(0, 63)}z`, /is not hexadecimal \(it contains "z"\)/],
        ["TODO", /^sha256 "TODO" is a placeholder; write the file's digest, 64 lower-case hex characters \(as printed by "sha256sum"\)\.$/],
        ['"<64 hex>"', /is a placeholder/],
        ["12345", /^sha256 is a number \(12345\); it must be 64 lower-case hex characters in quotes/],
        ["[x]", /^sha256 is a list; it must be 64/],
      ];
      for (const [digest, message] of cases) {
        const found = findings(
          "d.dataset.yaml",
          manifest(`  - id: t\n    path: t.csv\n    sha256: ${digest}\n`),
          "integrity/checksum-format",
        );
        assert.equal(found.length, 1, digest);
        assert.match(found[0].message, message, digest);
        assert.equal(found[0].data, undefined, digest);
      }
    });

    it("checks md5 beside sha256", () => {
      expectWants(
        "d.dataset.yaml",
        manifest(`  - id: t\n    path: t.csv\n    sha256: ${SHA}\n    md5: ${MD5.toUpperCase()} # want: integrity/checksum-format\n`),
        { rules: RULES },
      );
      const [md5Long] = findings(
        "d.dataset.yaml",
        manifest(`  - id: t\n    path: t.csv\n    sha256: ${SHA}\n    md5: ${SHA}\n`),
        "integrity/checksum-format",
      );
      assert.match(md5Long.message, /^md5 has 64 hex characters \(probably a SHA-256 digest\); it must be 32 lower-case hex characters\.$/);
    });

    it("reports an empty sha256 on its key, once", () => {
      const seen = expectWants("d.dataset.yaml", manifest(`  - id: t\n    path: t.csv\n    sha256: # want: integrity/checksum-format\n`), {
        rules: RULES,
      });
      assert.equal(seen[0].covered, "sha256");
      assert.match(seen[0].message, /^sha256 is empty; it must be 64 lower-case hex characters\.$/);
    });
  });

  describe("integrity/checksum-missing", () => {
    it("reports a distribution without sha256 on the item's first key", () => {
      const seen = expectWants(
        "d.dataset.yaml",
        manifest(
          `  - id: temps # want: integrity/checksum-missing\n    path: t.csv\n    format: csv\n` +
            `  - { id: more, path: m.csv, sha256: ${SHA} }\n` +
            `  - { path: x.csv, format: csv } # want: integrity/checksum-missing\n`,
        ),
        { rules: RULES },
      );
      assert.equal(seen[0].covered, "id");
      assert.equal(
        seen[0].message,
        `Distribution "temps" has no sha256; add its SHA-256 (64 lower-case hex, ` +
          `as printed by "sha256sum"), or mark the dataset "live: true" if its files change in place.`,
      );
      assert.equal(seen[1].covered, "path");
      assert.match(seen[1].message, /^Distribution "x\.csv" has no sha256/);
      const finding = findings("d.dataset.yaml", manifest(`  - id: temps\n    path: t.csv\n`), "integrity/checksum-missing")[0];
      assert.equal(finding.pointer, "/distribution/0");
      assert.deepEqual(finding.data, { missing: "sha256" });
    });

    it("names an md5 that stands alone", () => {
      const seen = expectWants(
        "d.dataset.yaml",
        manifest(`  - id: temps # want: integrity/checksum-missing\n    path: t.csv\n    md5: ${MD5}\n`),
        { rules: RULES },
      );
      assert.match(seen[0].message, /^Distribution "temps" has only an md5; md5 may stand beside sha256, never alone: add its SHA-256/);
    });

    it("does not ask a live dataset for checksums", () => {
      expectWants("d.dataset.yaml", manifest(`  - id: feed\n    path: feed.csv\n`, "live: true\n"), { rules: RULES });
      expectWants("d.dataset.yaml", manifest(`  - id: feed # want: integrity/checksum-missing\n    path: feed.csv\n`, "live: false\n"), {
        rules: RULES,
      });
    });

    it("asks model artifacts for sha256, except OCI images", () => {
      const seen = expectWants(
        "m.model.yaml",
        card(
          `  - format: onnx # want: integrity/checksum-missing\n    path: model.onnx\n` +
            `  - format: oci-image\n    path: registry.example.gov/ml/surrogate@sha256:${SHA}\n`,
        ),
        { rules: RULES },
      );
      assert.match(
        seen[0].message,
        new RegExp(
          /^Artifact "model\.onnx" has no sha256; add its SHA-256 .*, /.source +
            /only oci-image artifacts, pinned by their digest, may go without one\.$/.source,
        ),
      );
    });

    it("checks the Markdown form of a model card", () => {
      expectWants(
        "m.modelcard.md",
        `---\napiVersion: genesis/v1\nkind: ModelCard\nartifacts:\n` +
          `  - path: m.onnx # want: integrity/checksum-missing\n    format: onnx\n---\n\n# Card\n`,
        { rules: RULES },
      );
    });

    it("does not throw on odd items", () => {
      expectWants("d.dataset.yaml", manifest(`  - null # want: schema/type\n  - 12 # want: schema/type\n  - [a] # want: schema/type\n`), {
        rules: RULES,
      });
      expectWants("d.dataset.yaml", `apiVersion: genesis/v1\nkind: DatasetManifest\ndistribution: { id: x } # want: schema/type\n`, {
        rules: RULES,
      });
      const empty = expectWants("d.dataset.yaml", manifest(`  - {} # want: integrity/checksum-missing\n`), { rules: RULES });
      assert.match(empty[0].message, /^This distribution has no sha256/);
    });

    it("is an error in both profiles, and silenced by genesis-ignore with a reason", () => {
      const text = manifest(`  - id: temps\n    path: t.csv\n`);
      assert.deepEqual(
        diagnose("d.dataset.yaml", text, configWith({ profile: "release" }))
          .filter((d) => d.rule === "integrity/checksum-missing")
          .map((d) => d.severity),
        ["error"],
      );
      expectWants(
        "d.dataset.yaml",
        manifest(`  # genesis-ignore integrity/checksum-missing: files arrive next week\n  - id: temps\n    path: t.csv\n`),
        { rules: RULES },
      );
    });
  });

  it("checks the JSON form", () => {
    const text = `{
  "apiVersion": "genesis/v1",
  "kind": "DatasetManifest",
  "distribution": [
    { "id": "a", "path": "a.csv", "sha256": "${MD5}" },
    { "id": "b", "path": "b.csv" }
  ]
}
`;
    const seen = diagnose("d.dataset.json", text).filter((d) => RULES.includes(d.rule));
    assert.deepEqual(
      seen.map((d) => [d.rule, d.line, d.covered]),
      [
        ["integrity/checksum-format", 4, `"${MD5}"`],
        ["integrity/checksum-missing", 5, '"id"'],
      ],
    );
  });
});
