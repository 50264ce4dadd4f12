import * as assert from "node:assert/strict";
import { configWith, diagnose, expectWants } from "../harness";
import { DEFAULT_CONFIG } from "../../../server/src/core/config";
import { parseImageReference } from "../../../server/src/core/rules/oci";

const RULES = ["container/unpinned", "container/latest", "container/registry", "schema/pattern", "schema/type", "internal/rule-error"];
const SHA = "9e9c7d5f02ffbad86e2d18bfb2748e99abc69c749ecba8216b7fa495e27ff148";
const SHA512 = "a".repeat(128);

/** A pipeline whose `steps:` list is `steps` (YAML lines, indented as list items). */
function pipeline(steps: string): string {
  return `apiVersion: genesis/v1
kind: PipelineConfig
id: ocean-qc
version: 1.0.0
description: Quality-controls buoy readings.
owner: { name: Ada Lovelace }
classification: { level: public }
engine: { type: shell }
inputs: []
outputs: [{ name: clean, ref: ocean-temps@1.0.0 }]
environment: { site: example-hpc, maxClassification: cui }
reproducibility: { lockfile: uv.lock }
steps:
${steps}`;
}

const SITE = { registries: ["registry.example.gov", "ghcr.io/enl-matsci", "localhost:5000"], partitions: {} };

describe("container rules", () => {
  describe("container/unpinned and container/latest", () => {
    it("accepts an image with a tag and a sha256 digest", () => {
      expectWants(
        "p.pipeline.yaml",
        pipeline(`  - id: qc\n    run: qc\n    container:\n      image: registry.example.gov/ocean/qc:1.3@sha256:${SHA}\n`),
        { rules: RULES },
      );
    });

    it("reports a tag without a digest as unpinned only", () => {
      const seen = expectWants(
        "p.pipeline.yaml",
        pipeline(`  - id: qc\n    run: qc\n    container:\n      image: registry.example.gov/ocean/qc:1.3 # want: container/unpinned\n`),
        { rules: RULES },
      );
      assert.match(seen[0].message, /"registry\.example\.gov\/ocean\/qc:1\.3" is not pinned by digest/);
      assert.match(seen[0].message, /registry\/name\[:tag\]@sha256:<64 hex>/);
      assert.equal(seen[0].covered, "registry.example.gov/ocean/qc:1.3");
      assert.equal(seen[0].severity, "warning");
    });

    it("reports the tag latest, and a missing tag, as latest and unpinned", () => {
      const seen = expectWants(
        "p.pipeline.yaml",
        pipeline(
          [
            "  - id: a",
            "    run: a",
            "    container: { image: registry.example.gov/ocean/qc:latest } # want: container/unpinned, container/latest",
            "  - id: b",
            "    run: b",
            "    container: { image: registry.example.gov/ocean/qc } # want: container/unpinned, container/latest",
            "",
          ].join("\n"),
        ),
        { rules: RULES },
      );
      const latest = seen.filter((d) => d.rule === "container/latest");
      assert.match(latest[0].message, /uses the tag "latest"/);
      assert.match(latest[1].message, /has no tag, so it means "registry\.example\.gov\/ocean\/qc:latest"/);
    });

    it("does not call a digest-pinned image without a tag latest", () => {
      expectWants(
        "p.pipeline.yaml",
        pipeline(`  - id: qc\n    run: qc\n    container: { image: "registry.example.gov/ocean/qc@sha256:${SHA}" }\n`),
        { rules: RULES },
      );
    });

    it("still reports an explicit latest tag beside a digest", () => {
      expectWants(
        "p.pipeline.yaml",
        pipeline(
          `  - id: qc\n    run: qc\n` +
            `    container: { image: "registry.example.gov/ocean/qc:latest@sha256:${SHA}" } # want: container/latest\n`,
        ),
        { rules: RULES },
      );
    });

    it("reports a sha512 digest as not pinned by sha256", () => {
      const seen = expectWants(
        "p.pipeline.yaml",
        pipeline(
          `  - id: qc\n    run: qc\n` +
            `    container: { image: "registry.example.gov/ocean/qc:1.3@sha512:${SHA512}" } # want: container/unpinned\n`,
        ),
        {
          rules: RULES,
        },
      );
      assert.match(seen[0].message, /pinned by sha512; Genesis pins images by their sha256 digest/);
      assert.equal(seen[0].covered, `sha512:${SHA512}`);
    });

    it("raises unpinned and latest to errors in the release profile, but not registry", () => {
      const text = pipeline(`  - id: qc\n    run: qc\n    container: { image: docker.io/library/python:latest }\n`);
      const release = configWith({ profile: "release", site: { registries: ["registry.example.gov"], partitions: {} } });
      const severities = Object.fromEntries(
        diagnose("p.pipeline.yaml", text, release)
          .filter((d) => d.rule.startsWith("container/"))
          .map((d) => [d.rule, d.severity]),
      );
      assert.deepEqual(severities, { "container/unpinned": "error", "container/latest": "error", "container/registry": "warning" });
    });

    it("is silenced by genesis-ignore with a reason", () => {
      expectWants(
        "p.pipeline.yaml",
        pipeline(
          [
            "  - id: qc",
            "    run: qc",
            "    container:",
            "      # genesis-ignore container/unpinned: vendor image, tracked in SEC-112",
            "      image: registry.example.gov/vendor/tool:2.0",
            "  - id: export",
            "    run: export",
            "    container:",
            "      image: registry.example.gov/vendor/tool:2.0 # genesis-ignore container/unpinned: same vendor image, SEC-112",
            "",
          ].join("\n"),
        ),
        { rules: [...RULES, "suppress/no-reason"] },
      );
    });
  });

  describe("malformed references (schema/pattern)", () => {
    const cases: [string, string, RegExp][] = [
      ["registry.example.gov/Ocean/qc:1.3", "Ocean", /image names are lower case: write "ocean", not "Ocean"/],
      [
        `registry.example.gov/ocean/qc:1.3@sha256:${SHA.slice(1)}`,
        `${SHA.slice(1)}`,
        /sha256 digest must be 64 lowercase hex digits, not 63/,
      ],
      [`registry.example.gov/ocean/qc@sha256:${SHA.toUpperCase()}`, SHA.toUpperCase(), /lowercase hex digits \(write it in lower case\)/],
      [`registry.example.gov/ocean/qc@md5:${SHA}`, "md5", /digest algorithm "md5" is not one OCI registries use/],
      ["registry.example.gov/ocean/qc:", ":", /the tag after ":" is empty/],
      ["registry.example.gov/ocean/qc:-rc1", "-rc1", /may not start with "." or "-"/],
      ["docker://registry.example.gov/ocean/qc:1.3", "docker://", /no "docker:\/\/" prefix/],
      ["registry.example.gov//qc:1.3", "//", /empty part/],
      ["registry.example.gov:https/qc:1.3", "registry.example.gov:https", /port "https" must be a number/],
      ["ocean/qc--:1.3", "qc--", /"qc--" is not a valid image name part/],
    ];
    for (const [image, covered, message] of cases) {
      it(`reports "${image}" on its faulty part`, () => {
        const seen = expectWants(
          "p.pipeline.yaml",
          pipeline(`  - id: qc\n    run: qc\n    container:\n      image: "${image}" # want: schema/pattern\n`),
          { rules: RULES },
        );
        assert.match(seen[0].message, message);
        assert.match(seen[0].message, /Expected registry\/name\[:tag\]@sha256:<64 hex>/);
        assert.equal(seen[0].covered, covered);
      });
    }

    it("underlines the whole value when the scalar holds escapes", () => {
      const text = pipeline(`  - id: qc\n    run: qc\n    container:\n      image: "registry.example.gov/\\u004Fcean/qc:1.3"\n`);
      const [finding] = diagnose("p.pipeline.yaml", text).filter((d) => d.rule === "schema/pattern");
      assert.equal(finding.covered, '"registry.example.gov/\\u004Fcean/qc:1.3"');
    });
  });

  describe("container/registry", () => {
    const config = configWith({ site: SITE });

    it("accepts allowed hosts, host prefixes and ports", () => {
      expectWants(
        "p.pipeline.yaml",
        pipeline(
          [
            `  - { id: a, run: a, container: { image: "registry.example.gov/ocean/qc:1.3@sha256:${SHA}" } }`,
            `  - { id: b, run: b, container: { image: "ghcr.io/enl-matsci/onnx-export:0.9.1@sha256:${SHA}" } }`,
            `  - { id: c, run: c, container: { image: "localhost:5000/dev/tool:1@sha256:${SHA}" } }`,
            `  - { id: d, run: d, container: { image: "Registry.Example.GOV/ocean/qc:1.3@sha256:${SHA}" } }`,
            "",
          ].join("\n"),
        ),
        { rules: RULES, config },
      );
    });

    it("reports another registry on the registry part, listing the allowed ones", () => {
      const seen = expectWants(
        "p.pipeline.yaml",
        pipeline(
          [
            `  - id: a`,
            `    run: a`,
            `    container: { image: "registry.exmple.gov/ocean/qc:1.3@sha256:${SHA}" } # want: container/registry`,
            `  - id: b`,
            `    run: b`,
            `    container: { image: "ghcr.io/someone-else/tool:1@sha256:${SHA}" } # want: container/registry`,
            "",
          ].join("\n"),
        ),
        { rules: RULES, config },
      );
      assert.equal(seen[0].covered, "registry.exmple.gov");
      assert.match(seen[0].message, /registry "registry\.exmple\.gov"/);
      assert.match(seen[0].message, /one of "registry\.example\.gov", "ghcr\.io\/enl-matsci" or "localhost:5000"/);
      assert.match(seen[0].message, /did you mean "registry\.example\.gov"\?/);
      assert.equal(seen[1].covered, "ghcr.io");
    });

    it("names docker.io for an image without a registry", () => {
      const seen = expectWants(
        "p.pipeline.yaml",
        pipeline(`  - { id: a, run: a, container: { image: "python:3.12@sha256:${SHA}" } } # want: container/registry\n`),
        { rules: RULES, config },
      );
      assert.match(seen[0].message, /registry "docker\.io" \(no registry is named, so Docker pulls from docker\.io\)/);
      assert.equal(seen[0].covered, `python:3.12@sha256:${SHA}`);
    });

    it("reads docker.io as the registry of unqualified and index.docker.io images", () => {
      const dockerHub = configWith({ site: { registries: ["docker.io"], partitions: {} } });
      expectWants(
        "p.pipeline.yaml",
        pipeline(
          [
            `  - { id: a, run: a, container: { image: "python:3.12@sha256:${SHA}" } }`,
            `  - { id: b, run: b, container: { image: "index.docker.io/library/python:3.12@sha256:${SHA}" } }`,
            `  - { id: c, run: c, container: { image: "quay.io/python:3.12@sha256:${SHA}" } } # want: container/registry`,
            "",
          ].join("\n"),
        ),
        { rules: RULES, config: dockerHub },
      );
    });

    it("allows any registry when site.registries is empty", () => {
      expectWants("p.pipeline.yaml", pipeline(`  - { id: a, run: a, container: { image: "quay.io/x/y:1@sha256:${SHA}" } }\n`), {
        rules: RULES,
        config: DEFAULT_CONFIG,
      });
    });
  });

  describe("model cards", () => {
    it("checks training.environment.image and oci-image artifacts, not file artifacts", () => {
      const card = `---
apiVersion: genesis/v1
kind: ModelCard
id: surrogate
version: 1.0.0
training:
  environment:
    lockfile: uv.lock
    image: registry.example.gov/ml/train:latest # want: container/unpinned, container/latest
artifacts:
  - format: oci-image
    path: registry.example.gov/ml/serve:2.1 # want: container/unpinned
  - format: oci-image
    path: "registry.example.gov/ml/serve:2.1@sha256:${SHA}"
  - format: onnx
    path: models/surrogate.onnx
  - format: oci-image
    path: Not An Image # want: schema/pattern
---

# Surrogate
`;
      expectWants("models/surrogate.modelcard.md", card, { rules: RULES.filter((r) => r !== "schema/type") });
    });

    it("checks the YAML form of a card", () => {
      const card = `apiVersion: genesis/v1
kind: ModelCard
id: surrogate
version: 1.0.0
artifacts:
  - { format: oci-image, path: "ghcr.io/lab/serve" } # want: container/unpinned, container/latest, container/registry
`;
      expectWants("models/surrogate.model.yaml", card, {
        rules: RULES.filter((r) => r !== "schema/type"),
        config: configWith({ site: SITE }),
      });
    });
  });

  it("checks JSON documents on the image value", () => {
    const text = JSON.stringify(
      {
        apiVersion: "genesis/v1",
        kind: "PipelineConfig",
        steps: [
          { id: "qc", run: "qc", container: { image: "registry.example.gov/ocean/qc:1.3" } },
          { id: "x", run: "x", container: { image: "registry.example.gov/Ocean/x:1" } },
        ],
      },
      null,
      2,
    );
    const seen = diagnose("p.pipeline.json", text).filter((d) => RULES.includes(d.rule));
    assert.deepEqual(
      seen.map((d) => [d.rule, d.covered]),
      [
        ["container/unpinned", "registry.example.gov/ocean/qc:1.3"],
        ["schema/pattern", "Ocean"],
      ],
    );
  });

  it("never throws on odd values", () => {
    const text = pipeline(
      [
        "  - { id: a, run: a, container: { image: 42 } }",
        "  - { id: b, run: b, container: { image: null } }",
        "  - { id: c, run: c, container: { image: [x, y] } }",
        "  - { id: d, run: d, container: [image] }",
        "  - { id: e, run: e, container: { image: '' } }",
        "  - just a string",
        "  - null",
        "artifacts: [{ format: oci-image, path: 7 }, { format: oci-image }, oci-image, null]",
        "training: { environment: { image: { nested: true } } }",
        "",
      ].join("\n"),
    );
    const seen = diagnose("p.pipeline.yaml", text, configWith({ site: SITE }));
    assert.deepEqual(
      seen.filter((d) => d.rule === "internal/rule-error"),
      [],
    );
    // Wrong types stay the schema's; the empty string is the only malformed reference.
    assert.deepEqual(
      seen.filter((d) => d.rule === "schema/pattern").map((d) => d.message.slice(0, 40)),
      ['"" is not a valid OCI image reference: t'],
    );
    assert.deepEqual(
      seen.filter((d) => d.rule.startsWith("container/")),
      [],
    );
  });
});

describe("parseImageReference", () => {
  it("splits a full reference into its parts", () => {
    const image = `registry.example.gov:5000/ocean/qc:1.3@sha256:${SHA}`;
    const parsed = parseImageReference(image);
    assert.ok(parsed.ok);
    const { registry, effectiveRegistry, path, tag, digest } = parsed.reference;
    assert.equal(registry?.text, "registry.example.gov:5000");
    assert.equal(effectiveRegistry, "registry.example.gov:5000");
    assert.deepEqual([path.text, image.slice(path.start, path.end)], ["ocean/qc", "ocean/qc"]);
    assert.equal(tag?.text, "1.3");
    assert.equal(digest?.text, `sha256:${SHA}`);
    assert.equal(digest?.algorithm, "sha256");
  });

  it("takes the first component as a registry only with a dot, a colon or localhost", () => {
    const registryOf = (image: string) => {
      const parsed = parseImageReference(image);
      assert.ok(parsed.ok, image);
      return [parsed.reference.registry?.text, parsed.reference.effectiveRegistry, parsed.reference.path.text];
    };
    assert.deepEqual(registryOf("library/python:3.12"), [undefined, "docker.io", "library/python"]);
    assert.deepEqual(registryOf("localhost/tool"), ["localhost", "localhost", "tool"]);
    assert.deepEqual(registryOf("[::1]:5000/tool"), ["[::1]:5000", "[::1]:5000", "tool"]);
    assert.deepEqual(registryOf("a.b/c/d__e/f-g--h"), ["a.b", "a.b", "c/d__e/f-g--h"]);
  });

  it("rejects what the grammar rejects", () => {
    for (const image of [
      "",
      "a b",
      "UPPER",
      "x/y:tag:more",
      "x@sha256",
      "@sha256:" + SHA,
      `x@sha256:${SHA}@sha256:${SHA}`,
      "x_/y",
      "x/.y",
      `${"a".repeat(256)}:1`,
      `x:${"t".repeat(129)}`,
    ]) {
      assert.equal(parseImageReference(image).ok, false, image);
    }
  });
});
