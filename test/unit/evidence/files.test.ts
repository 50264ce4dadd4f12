import * as assert from "node:assert/strict";
import { evidenceRequests } from "../../../server/src/core/evidence/requests";
import { configWith, engine } from "../harness";
import { diagnoseIo, expectIoWants, MISSING, ok, SHA_A, SHA_B } from "./harness";

const manifest = (body: string, extra = "") => `apiVersion: genesis/v1\nkind: DatasetManifest\nid: ocean\n${extra}${body}`;
const card = (body: string) => `apiVersion: genesis/v1\nkind: ModelCard\nid: surrogate\n${body}`;
const pipeline = (body: string) => `apiVersion: genesis/v1\nkind: PipelineConfig\nid: train\n${body}`;

function requestsOf(path: string, text: string) {
  return evidenceRequests(engine.analyze({ path, text }).document!);
}

describe("io evidence: requests", () => {
  it("asks to hash only files with a well-formed sha256, and never a live dataset's", () => {
    const text = manifest(
      `distribution:\n  - { id: a, path: files/a.csv, format: csv, sha256: ${SHA_A} }\n` +
        `  - { id: b, path: files/b.csv, format: csv, sha256: abc }\n  - { id: c, path: files/c.csv, format: csv }\n`,
    );
    assert.deepEqual(
      requestsOf("data/ocean.dataset.yaml", text).map((r) => [r.path, r.sha256]),
      [
        ["data/files/a.csv", true],
        ["data/files/b.csv", false],
        ["data/files/c.csv", false],
      ],
    );
    const live = requestsOf(
      "data/ocean.dataset.yaml",
      manifest(`distribution:\n  - { id: a, path: files/a.csv, format: csv, sha256: ${SHA_A} }\n`, "live: true\n"),
    );
    assert.equal(live[0].sha256, false);
  });

  it("with hashUndeclared (Verify Files), also hashes the files of items without a valid sha256, never a live dataset's", () => {
    const text = manifest(
      `distribution:\n  - { id: a, path: files/a.csv, format: csv, sha256: ${SHA_A} }\n` +
        `  - { id: b, path: files/b.csv, format: csv, sha256: TODO }\n  - { id: c, path: files/c.csv, format: csv }\n`,
    );
    const document = engine.analyze({ path: "data/ocean.dataset.yaml", text }).document!;
    assert.deepEqual(
      evidenceRequests(document, { hashUndeclared: true }).map((r) => [r.path, r.sha256]),
      [
        ["data/files/a.csv", true],
        ["data/files/b.csv", true],
        ["data/files/c.csv", true],
      ],
    );
    const live = engine.analyze({
      path: "ocean.dataset.yaml",
      text: manifest(`distribution:\n  - { id: a, path: files/a.csv, format: csv }\n`, "live: true\n"),
    }).document!;
    assert.equal(evidenceRequests(live, { hashUndeclared: true })[0].sha256, false);
    const model = engine.analyze({ path: "m.model.yaml", text: card("artifacts:\n  - { format: onnx, path: m.onnx }\n") }).document!;
    assert.deepEqual(evidenceRequests(model, { hashUndeclared: true }), [{ path: "m.onnx", sha256: true, hdf5: false, onnx: false }]);
  });

  it("judges no digest that was hashed for the fix alone", () => {
    const text = manifest("distribution:\n  - { id: c, path: files/c.csv, format: csv }\n");
    assert.deepEqual(diagnoseIo("data/ocean.dataset.yaml", text, { "data/files/c.csv": ok({ sha256: SHA_B }) }), []);
  });

  it("asks for a schema only where a record set describes the distribution, in its format", () => {
    const text = manifest(
      `distribution:\n  - { id: t, path: t.csv, format: csv }\n  - { id: p, path: p.parquet, format: parquet }\n` +
        `  - { id: h, path: h.h5, format: hdf5 }\n  - { id: u, path: u.csv, format: csv }\n` +
        `recordSets:\n  - { id: t, source: t, fields: [{ name: a, type: string }] }\n` +
        `  - { id: p, source: p, fields: [] }\n  - { id: h, source: h, fields: [] }\n`,
    );
    assert.deepEqual(
      requestsOf("ocean.dataset.yaml", text).map((r) => [r.path, r.table, r.hdf5]),
      [
        ["t.csv", "csv", false],
        ["p.parquet", "parquet", false],
        ["h.h5", undefined, true],
        ["u.csv", undefined, false],
      ],
    );
  });

  it("never asks for URLs, paths that leave the workspace, empty paths or an OCI image's reference", () => {
    const text = manifest(
      `distribution:\n  - { id: a, path: "https://example.org/a.csv", format: csv, sha256: ${SHA_A} }\n  - { id: b, path: ../../b.csv, format: csv }\n  - { id: c, path: "", format: csv }\n`,
    );
    assert.deepEqual(requestsOf("data/ocean.dataset.yaml", text), []);
    const model = card(
      `artifacts:\n  - { format: oci-image, path: "registry.example.gov/m:1@sha256:${SHA_A}" }\n` +
        `  - { format: onnx, path: m.onnx, sha256: ${SHA_A}, signature: { inputs: [], outputs: [] } }\n`,
    );
    assert.deepEqual(requestsOf("models/m.model.yaml", model), [{ path: "models/m.onnx", sha256: true, hdf5: false, onnx: true }]);
  });

  it("merges two positions naming one file", () => {
    const text = pipeline(
      "reproducibility: { lockfile: /env/conda-lock.yml }\nengine: { type: shell, entrypoint: ../env/conda-lock.yml }\n",
    );
    assert.deepEqual(requestsOf("pipelines/p.pipeline.yaml", text), [
      { path: "env/conda-lock.yml", sha256: false, hdf5: false, onnx: false },
    ]);
  });

  it("does not throw on odd values", () => {
    for (const body of [
      "distribution: 3\n",
      "distribution: [null, 1, [x], { path: 7 }]\n",
      "recordSets: { a: 1 }\ndistribution: [{ id: [x], path: a.csv }]\n",
      "artifacts: [{ path: m.onnx, signature: 3 }]\n",
    ]) {
      assert.doesNotThrow(() => requestsOf("d.dataset.yaml", manifest(body)));
      assert.doesNotThrow(() => requestsOf("m.model.yaml", card(body)));
    }
  });
});

describe("io evidence: files that do not exist", () => {
  it("reports a missing distribution file and names the nearest file of its folder", () => {
    const text = manifest("distribution:\n  - id: a\n    path: files/temprature.csv # want: integrity/file-missing\n    format: csv\n");
    const [seen] = expectIoWants("data/ocean.dataset.yaml", text, {
      "data/files/temprature.csv": { status: "missing", nearby: ["temperature.csv", "readme.md"] },
    });
    assert.equal(
      seen.message,
      `The distribution file "files/temprature.csv" does not exist (data/files/temprature.csv from the workspace root). ` +
        `Did you mean "files/temperature.csv"? Correct the path or add the file; ` +
        `paths are relative to this document's folder "data/", or to the workspace root when they start with "/".`,
    );
    assert.equal(seen.covered, "files/temprature.csv");
    assert.equal(seen.severity, "error");
  });

  it("at the workspace root, says once that paths are relative to the root", () => {
    const text = manifest("distribution:\n  - id: a\n    path: obs.csv # want: integrity/file-missing\n    format: csv\n");
    const [seen] = expectIoWants("ocean.dataset.yaml", text, { "obs.csv": MISSING });
    assert.equal(
      seen.message,
      `The distribution file "obs.csv" does not exist. Correct the path or add the file; ` +
        "paths are relative to the workspace root, where this document is.",
    );
  });

  it("reports a missing artifact, a missing pipeline entrypoint and a missing local audit log", () => {
    expectIoWants("m.model.yaml", card("artifacts:\n  - format: onnx\n    path: m.onnx # want: integrity/file-missing\n"), {
      "m.onnx": MISSING,
    });
    const [, log] = expectIoWants(
      "p.pipeline.yaml",
      pipeline(
        "engine:\n  type: cwl\n  entrypoint: wf.cwl # want: integrity/file-missing\n" +
          "audit: { log: logs/audit.jsonl } # want: governance/policy-missing\n",
      ),
      { "wf.cwl": MISSING, "logs/audit.jsonl": MISSING },
    );
    assert.equal(log.covered, "logs/audit.jsonl");
    assert.equal(log.severity, "warning");
    assert.match(log.message, /^The audit log "logs\/audit\.jsonl" does not exist\./);
  });

  it("governance/policy-missing: an audit log that exists, or is a URI, is no finding, and a URI is never read", () => {
    const existing = pipeline("audit: { log: /logs/audit.jsonl, retentionDays: 30 }\n");
    assert.deepEqual(
      requestsOf("pipelines/p.pipeline.yaml", existing).map((r) => r.path),
      ["logs/audit.jsonl"],
    );
    expectIoWants("pipelines/p.pipeline.yaml", existing, { "logs/audit.jsonl": ok() });
    for (const uri of ["https://audit.example.gov/logs/train", "s3://audit-bucket/train/", "file:///var/log/audit.jsonl"]) {
      const text = pipeline(`audit: { log: "${uri}" }\n`);
      assert.deepEqual(requestsOf("pipelines/p.pipeline.yaml", text), [], uri);
      expectIoWants("pipelines/p.pipeline.yaml", text, { [uri]: MISSING });
    }
  });

  it("repro/lockfile: the lockfile of a pipeline or a card does not exist; raised to error in release", () => {
    const text = pipeline("reproducibility:\n  lockfile: conda-lock.yml # want: repro/lockfile\n");
    const [seen] = expectIoWants("pipelines/p.pipeline.yaml", text, { "pipelines/conda-lock.yml": MISSING });
    assert.equal(seen.severity, "warning");
    assert.match(
      seen.message,
      new RegExp(
        /^The lockfile "conda-lock.yml" does not exist \(pipelines\/conda-lock.yml /.source +
          /from the workspace root\)\. Commit the lockfile that pins this environment/.source,
      ),
    );
    const [released] = diagnoseIo(
      "pipelines/p.pipeline.yaml",
      text,
      { "pipelines/conda-lock.yml": MISSING },
      configWith({ profile: "release" }),
    );
    assert.equal(released.severity, "error");
    expectIoWants("models/m.model.yaml", card("training:\n  environment:\n    lockfile: /env/uv.lock # want: repro/lockfile\n"), {
      "env/uv.lock": MISSING,
    });
  });

  it("underlines the path inside a Markdown card's front matter", () => {
    const text =
      "---\napiVersion: genesis/v1\nkind: ModelCard\nid: m\ntraining:\n" +
      "  environment:\n    lockfile: ../env/conda-lock.yml\n---\n\n# Model\n";
    const [seen] = diagnoseIo("models/m.modelcard.md", text, { "env/conda-lock.yml": MISSING });
    assert.equal(seen.rule, "repro/lockfile");
    assert.equal(seen.line, 6);
    assert.equal(seen.covered, "../env/conda-lock.yml");
  });

  it("governance/policy-missing: access policy, binder, diagrams and CI workflow", () => {
    expectIoWants("data/d.dataset.yaml", manifest("access:\n  policy: ../governance/access.md # want: governance/policy-missing\n"), {
      "governance/access.md": MISSING,
    });
    expectIoWants("m.model.yaml", card("governance:\n  binder: governance/ # want: governance/policy-missing\n"), { governance: MISSING });
    const text = pipeline(
      "ci:\n  provider: github-actions\n  workflow: .github/workflows/ci.yml # want: governance/policy-missing\n" +
        "docs:\n  dataFlowDiagram: docs/flow.md # want: governance/policy-missing\n  architectureDiagram: docs/arch.md\n",
    );
    const seen = expectIoWants("p.pipeline.yaml", text, {
      ".github/workflows/ci.yml": MISSING,
      "docs/flow.md": MISSING,
      "docs/arch.md": ok(),
    });
    assert.equal(seen[0].severity, "warning");
    assert.match(seen[0].message, /^The CI workflow ".github\/workflows\/ci.yml" does not exist\. Add the file/);
    assert.match(seen[0].message, /the workflow your CI system runs for this pipeline/);
    assert.doesNotMatch(seen[0].message, /binder/, "a CI workflow is no part of the governance binder");
    assert.match(seen[1].message, /a diagram of where data enters the system/);
    const [policy] = diagnoseIo("data/d.dataset.yaml", manifest("access:\n  policy: ../governance/access.md\n"), {
      "governance/access.md": MISSING,
    });
    assert.match(policy.message, /the access policy: who may use the data/);
  });

  it("accepts a folder where a binder or policy folder is named", () => {
    expectIoWants("m.model.yaml", card("governance:\n  binder: governance/\n"), { governance: { status: "ok", kind: "folder", size: 0 } });
  });

  it("judges nothing it was not given (a cancelled read, or --no-io), and never a URL", () => {
    expectIoWants(
      "d.dataset.yaml",
      manifest(
        `distribution:\n  - { id: a, path: a.csv, format: csv, sha256: ${SHA_A} }\n  - { id: b, path: "https://example.org/b.csv", format: csv }\n`,
      ),
      {},
    );
    expectIoWants("d.dataset.yaml", manifest(`distribution:\n  - { id: b, path: "https://example.org/b.csv", format: csv }\n`), {
      "https://example.org/b.csv": MISSING,
    });
  });

  it("reports a path whose link leads out of the workspace as path/outside-workspace", () => {
    const text = manifest("distribution:\n  - id: a\n    path: files/link.csv # want: path/outside-workspace\n");
    const [seen] = expectIoWants("d.dataset.yaml", text, {
      "files/link.csv": { status: "outside-workspace", reason: "leads through a symbolic link to /etc/x.csv, outside the workspace" },
    });
    assert.match(
      seen.message,
      /^"files\/link.csv" leads through a symbolic link to \/etc\/x.csv, outside the workspace, so it is not read/,
    );
  });

  it("is silenced by genesis-ignore with a reason", () => {
    const text = pipeline(
      "reproducibility:\n  # genesis-ignore repro/lockfile: generated by the CI job before the run\n  lockfile: conda-lock.yml\n",
    );
    expectIoWants("p.pipeline.yaml", text, { "conda-lock.yml": MISSING });
  });

  it("follows per-rule severity overrides and off", () => {
    const text = pipeline("ci: { provider: other, workflow: ci.yml }\n");
    assert.deepEqual(
      diagnoseIo("p.pipeline.yaml", text, { "ci.yml": MISSING }, configWith({ rules: { "governance/policy-missing": "off" } })),
      [],
    );
    assert.equal(
      diagnoseIo("p.pipeline.yaml", text, { "ci.yml": MISSING }, configWith({ rules: { "governance/policy-missing": "error" } }))[0]
        .severity,
      "error",
    );
  });
});

describe("io evidence: checksums", () => {
  const text = manifest(
    `distribution:\n  - id: a\n    path: a.csv\n    format: csv\n` +
      `    sha256: ${SHA_A} # want: integrity/checksum-mismatch\n    bytes: 120\n`,
  );

  it("reports a mismatch with both digests, the sizes, and the file's digest as the replacement", () => {
    const [seen] = expectIoWants("d.dataset.yaml", text, { "a.csv": ok({ sha256: SHA_B, size: 100 }) });
    assert.equal(
      seen.message,
      `"a.csv" does not match its sha256: declared ${SHA_A}, but the file's SHA-256 is ${SHA_B}. ` +
        `The file has 100 bytes; the document says 120. If the file changed on purpose, ` +
        `write the new digest (and publish a new version); otherwise restore the file.`,
    );
    assert.equal(seen.covered, SHA_A);
    assert.equal(seen.severity, "error");
    const document = engine.analyze({ path: "d.dataset.yaml", text }).document!;
    const [diagnostic] = engine.checkEvidence(document, new Map([["a.csv", ok({ sha256: SHA_B })]]));
    assert.deepEqual(diagnostic.data, { expected: SHA_A, actual: SHA_B, replacement: SHA_B });
    assert.equal(diagnostic.pointer, "/distribution/0/sha256");
  });

  it("says nothing when the digest matches", () => {
    expectIoWants("d.dataset.yaml", text.replace(" # want: integrity/checksum-mismatch", ""), { "a.csv": ok({ sha256: SHA_A }) });
  });

  it("warns when the digest could not be computed", () => {
    const seen = diagnoseIo("d.dataset.yaml", text, {
      "a.csv": ok({ failures: { sha256: { kind: "unreadable", reason: "permission denied" } } }),
    });
    assert.deepEqual(
      seen.map((s) => [s.rule, s.severity]),
      [["integrity/checksum-mismatch", "warning"]],
    );
    assert.match(seen[0].message, /could not be verified: permission denied/);
    assert.equal(
      diagnoseIo("d.dataset.yaml", text, { "a.csv": { status: "unreadable", reason: "permission denied" } })[0].severity,
      "warning",
    );
  });

  it("checks artifacts the same way", () => {
    const model = card(
      `artifacts:\n  - format: safetensors\n    path: m.safetensors\n    sha256: ${SHA_A} # want: integrity/checksum-mismatch\n`,
    );
    expectIoWants("m.model.yaml", model, { "m.safetensors": ok({ sha256: SHA_B }) });
  });

  it("works on the JSON form", () => {
    const json = JSON.stringify(
      {
        apiVersion: "genesis/v1",
        kind: "DatasetManifest",
        id: "x",
        distribution: [{ id: "a", path: "a.csv", format: "csv", sha256: SHA_A }],
      },
      null,
      2,
    );
    const [seen] = diagnoseIo("x.dataset.json", json, { "a.csv": ok({ sha256: SHA_B }) });
    assert.equal(seen.rule, "integrity/checksum-mismatch");
    assert.equal(seen.covered, `"${SHA_A}"`);
  });

  it("turns odd evidence into findings, never into a rule error", () => {
    const odd = { "a.csv": { status: "ok", kind: "file", size: 1, sha256: 7 } } as never;
    const seen = diagnoseIo("d.dataset.yaml", text, odd);
    assert.ok(!seen.some((s) => s.rule === "internal/rule-error"), JSON.stringify(seen));
  });
});
