import * as assert from "node:assert/strict";
import { pathPositions } from "../../../server/src/core/rules/path-positions";
import { resolveWorkspacePath } from "../../../server/src/core/rules/workspace-path";
import { configWith, diagnose, engine, expectWants } from "../harness";

const RULES = ["path/outside-workspace", "schema/pattern", "schema/type", "internal/rule-error"];

const SHA = "033c3ce0ed447149ed4d010828e7a4e6d753bdf57262875657b1637b011550df";

/** A manifest in data/ with one distribution path (a YAML scalar, possibly with a want marker). */
const distribution = (path: string) =>
  `apiVersion: genesis/v1\nkind: DatasetManifest\ndistribution:\n  - id: temps\n    format: csv\n    sha256: ${SHA}\n    path: ${path}\n`;

describe("paths", () => {
  describe("resolveWorkspacePath", () => {
    it("resolves against the document's folder, or the root for a leading /", () => {
      assert.deepEqual(resolveWorkspacePath("data/ocean.dataset.yaml", "files/t.csv"), {
        ok: true,
        path: "data/files/t.csv",
        backslashes: false,
      });
      assert.deepEqual(resolveWorkspacePath("data/ocean.dataset.yaml", "./files/../t.csv"), {
        ok: true,
        path: "data/t.csv",
        backslashes: false,
      });
      assert.deepEqual(resolveWorkspacePath("data/ocean.dataset.yaml", "../governance/access.md"), {
        ok: true,
        path: "governance/access.md",
        backslashes: false,
      });
      assert.deepEqual(resolveWorkspacePath("data/ocean.dataset.yaml", "/governance/access.md"), {
        ok: true,
        path: "governance/access.md",
        backslashes: false,
      });
      assert.deepEqual(resolveWorkspacePath("ocean.dataset.yaml", "t.csv"), { ok: true, path: "t.csv", backslashes: false });
      assert.deepEqual(resolveWorkspacePath("a/b/c.pipeline.yaml", "..\\x\\lock.txt"), {
        ok: true,
        path: "a/x/lock.txt",
        backslashes: true,
      });
    });

    it("says where an escaping path leads", () => {
      assert.deepEqual(resolveWorkspacePath("data/ocean.dataset.yaml", "../../secrets.csv"), {
        ok: false,
        problem: "escapes",
        reason: `leads to "../secrets.csv", above the workspace root`,
        resolved: "../secrets.csv",
      });
      const climbBack = resolveWorkspacePath("x.dataset.yaml", "../main/x.csv");
      assert.equal(climbBack.ok, false, "leaving and re-entering by folder name still leaves the workspace");
      const rootEscape = resolveWorkspacePath("data/x.dataset.yaml", "/../../etc/passwd");
      assert.ok(!rootEscape.ok && rootEscape.resolved === "../../etc/passwd");
      const backslashEscape = resolveWorkspacePath("data/x.dataset.yaml", "..\\..\\x");
      assert.ok(!backslashEscape.ok && backslashEscape.problem === "escapes");
    });

    it("refuses what is no workspace path", () => {
      const cases: [string, string, string | undefined][] = [
        ["", "empty", undefined],
        ["a\0b", "nul", undefined],
        ["~/data.csv", "home", undefined],
        ["~ada/data.csv", "home", undefined],
        ["C:\\data\\t.csv", "drive", undefined],
        ["c:/data/t.csv", "drive", undefined],
        ["\\\\server\\share\\t.csv", "unc", undefined],
        ["//server/share/t.csv", "unc", undefined],
        ["file:///etc/passwd", "uri", "file"],
        ["https://data.example.gov/t.csv", "uri", "https"],
        ["S3://bucket/t.csv", "uri", "s3"],
      ];
      for (const [declared, problem, scheme] of cases) {
        const resolved = resolveWorkspacePath("data/x.dataset.yaml", declared);
        assert.equal(resolved.ok, false, declared);
        if (resolved.ok) continue;
        assert.equal(resolved.problem, problem, declared);
        assert.equal(resolved.scheme, scheme, declared);
      }
    });

    it("lists the path positions of every kind", () => {
      assert.deepEqual(
        pathPositions("DatasetManifest").map((p) => [p.pattern, p.accepts]),
        [
          ["/distribution/*/path", "path-or-https"],
          ["/access/policy", "path"],
        ],
      );
      assert.equal(pathPositions("PipelineConfig").length, 6);
      assert.deepEqual(pathPositions("ModelCard").find((p) => p.pattern === "/artifacts/*/path")?.unlessSibling, {
        key: "format",
        value: "oci-image",
      });
    });
  });

  describe("path/outside-workspace", () => {
    it("accepts paths inside the workspace and https distributions", () => {
      for (const path of ["files/t.csv", "../files/t.csv", "/files/t.csv", "https://data.example.gov/t.csv", '"./t.csv"']) {
        expectWants("data/ocean.dataset.yaml", distribution(path), { rules: RULES });
      }
    });

    it("reports a path that climbs above the root, saying where it leads", () => {
      const seen = expectWants("data/ocean.dataset.yaml", distribution("../../secrets/t.csv # want: path/outside-workspace"), {
        rules: RULES,
      });
      assert.equal(
        seen[0].message,
        `"../../secrets/t.csv" leads to "../secrets/t.csv", above the workspace root; paths must stay inside the workspace: ` +
          `relative to this document's folder ("data/"), or to the workspace root when they start with "/".`,
      );
      assert.equal(seen[0].covered, "../../secrets/t.csv");
      assert.equal(seen[0].severity, "error");
      const finding = engine
        .analyze({ path: "data/ocean.dataset.yaml", text: distribution("../../secrets/t.csv") })
        .diagnostics.find((d) => d.rule === "path/outside-workspace");
      assert.equal(finding?.pointer, "/distribution/0/path");
      assert.deepEqual(finding?.data, { problem: "escapes", resolved: "../secrets/t.csv" });
    });

    it("at the workspace root, says once that paths are relative to the root", () => {
      const [seen] = expectWants("ocean.dataset.yaml", distribution("../t.csv # want: path/outside-workspace"), { rules: RULES });
      assert.equal(
        seen.message,
        `"../t.csv" leads to "../t.csv", above the workspace root; ` +
          "paths must stay inside the workspace: relative to the workspace root, where this document is.",
      );
      const card = "apiVersion: genesis/v1\nkind: ModelCard\nid: m\ntraining:\n  environment:\n    lockfile: s3://b/lock.txt\n";
      const [uri] = diagnose("m.model.yaml", card).filter((d) => d.rule === "path/outside-workspace");
      assert.match(uri.message, /named by a path relative to the workspace root, where this document is\.$/);
      assert.doesNotMatch(uri.message, /workspace root.*workspace root/);
    });

    it("reports home, drive, UNC, file: and NUL paths", () => {
      const cases: [string, RegExp][] = [
        ["~/data/t.csv", /starts with "~", a home folder outside the workspace/],
        ["'C:\\data\\t.csv'", /is a Windows path on drive C:, outside the workspace/],
        ["'\\\\server\\share\\t.csv'", /is a network \(UNC\) path/],
        ["file:///home/ada/t.csv", /is a file: URI, an absolute file-system path; paths must stay inside the workspace/],
        ['"t\\0.csv"', /^"t\\0\.csv" contains a NUL character/],
      ];
      for (const [path, message] of cases) {
        const seen = expectWants("data/ocean.dataset.yaml", distribution(`${path} # want: path/outside-workspace`), { rules: RULES });
        assert.match(seen[0].message, message, path);
      }
    });

    it("allows only https URLs for distributions", () => {
      for (const url of ["http://data.example.gov/t.csv", "s3://bucket/t.csv"]) {
        const seen = expectWants("data/ocean.dataset.yaml", distribution(`${url} # want: path/outside-workspace`), { rules: RULES });
        assert.match(
          seen[0].message,
          new RegExp(
            /is a URL with the (http|s3): scheme, not a path in the workspace; /.source +
              /a distribution file is a path in the workspace or an https: URL\.$/.source,
          ),
        );
      }
      const policy = expectWants(
        "data/ocean.dataset.yaml",
        `apiVersion: genesis/v1\nkind: DatasetManifest\naccess:\n  policy: https://wiki.example.gov/policy # want: path/outside-workspace\n`,
        { rules: RULES },
      );
      assert.match(policy[0].message, /the access policy is a file in the workspace/);
    });

    it("checks every path position of a pipeline, and accepts a URI audit log", () => {
      expectWants(
        "pipelines/qc.pipeline.yaml",
        `apiVersion: genesis/v1
kind: PipelineConfig
engine: { type: cwl, entrypoint: ../../workflow.cwl } # want: path/outside-workspace
reproducibility:
  lockfile: ~/lock/conda-lock.yml # want: path/outside-workspace
ci:
  provider: github-actions
  workflow: /../.github/workflows/ci.yml # want: path/outside-workspace
audit:
  log: syslog://audit.example.gov/genesis
  retentionDays: 365
docs:
  dataFlowDiagram: 'D:\\docs\\flow.svg' # want: path/outside-workspace
  architectureDiagram: ../docs/architecture.svg
`,
        { rules: RULES },
      );
      expectWants(
        "p.pipeline.yaml",
        `apiVersion: genesis/v1\nkind: PipelineConfig\naudit: { log: "file:///var/log/genesis.log", retentionDays: 30 } # want: path/outside-workspace\n`,
        { rules: RULES },
      );
      expectWants(
        "p.pipeline.yaml",
        `apiVersion: genesis/v1\nkind: PipelineConfig\naudit: { log: ../audit.log, retentionDays: 30 } # want: path/outside-workspace\n`,
        { rules: RULES },
      );
    });

    it("checks a model card's paths, except an OCI image's", () => {
      expectWants(
        "models/surrogate.modelcard.md",
        `---
apiVersion: genesis/v1
kind: ModelCard
training:
  environment:
    lockfile: ../../requirements.lock # want: path/outside-workspace
artifacts:
  - { format: onnx, path: /../m.onnx, sha256: ${SHA} } # want: path/outside-workspace
  - { format: oci-image, path: "registry.example.gov/ml/m@sha256:${SHA}" }
governance:
  binder: ../governance/binder.md
---

# Card
`,
        { rules: RULES },
      );
    });

    it("leaves empty and non-string paths to other rules, without throwing", () => {
      expectWants("data/ocean.dataset.yaml", distribution('""'), { rules: RULES });
      expectWants("data/ocean.dataset.yaml", distribution("12 # want: schema/type"), { rules: RULES });
      expectWants("data/ocean.dataset.yaml", distribution("[a, b] # want: schema/type"), { rules: RULES });
      expectWants(
        "m.model.yaml",
        `apiVersion: genesis/v1\nkind: ModelCard\nartifacts: [null, { path: ../../x }] # want: schema/type, path/outside-workspace\n`,
        { rules: RULES },
      );
    });

    it("is silenced by genesis-ignore with a reason", () => {
      expectWants(
        "data/ocean.dataset.yaml",
        distribution("../../shared/t.csv # genesis-ignore path/outside-workspace: mounted by the facility"),
        { rules: RULES },
      );
    });

    it("is not downgraded by the release profile", () => {
      const seen = diagnose("data/ocean.dataset.yaml", distribution("~/t.csv"), configWith({ profile: "release" })).filter(
        (d) => d.rule === "path/outside-workspace",
      );
      assert.deepEqual(
        seen.map((d) => d.severity),
        ["error"],
      );
    });
  });

  describe("backslash separators (schema/pattern)", () => {
    it("asks for forward slashes in a path that stays inside, with the replacement", () => {
      const seen = expectWants("data/ocean.dataset.yaml", distribution("'files\\t.csv' # want: schema/pattern"), { rules: RULES });
      assert.equal(
        seen[0].message,
        `"files\\t.csv" separates folders with backslashes; write "files/t.csv": paths use "/" on every system.`,
      );
      const finding = engine
        .analyze({ path: "data/ocean.dataset.yaml", text: distribution("'files\\t.csv'") })
        .diagnostics.find((d) => d.rule === "schema/pattern");
      assert.deepEqual(finding?.data, { replacement: "files/t.csv" });
    });

    it("reports an escaping backslash path as outside the workspace only", () => {
      const seen = expectWants("data/ocean.dataset.yaml", distribution("'..\\..\\t.csv' # want: path/outside-workspace"), { rules: RULES });
      assert.match(seen[0].message, /leads to "\.\.\/t\.csv", above the workspace root \(reading "\\" as "\/"\)/);
    });
  });

  it("checks the JSON form", () => {
    const text = `{\n  "apiVersion": "genesis/v1",\n  "kind": "DatasetManifest",\n  "access": { "policy": "../../policy.md" }\n}\n`;
    const seen = diagnose("data/ocean.dataset.json", text).filter((d) => RULES.includes(d.rule));
    assert.deepEqual(
      seen.map((d) => [d.rule, d.line, d.covered]),
      [["path/outside-workspace", 3, '"../../policy.md"']],
    );
  });
});
