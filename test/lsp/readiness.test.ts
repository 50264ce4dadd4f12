import * as assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { ReadinessModel } from "../../server/src/core/readiness/model";
import { READINESS_CHANGED_NOTIFICATION, READINESS_REQUEST, REPORT_REQUEST, type ReadinessChangedParams } from "../../server/src/protocol";
import { READINESS_DEBOUNCE_MS } from "../../server/src/lsp/readiness";
import { LspTestClient } from "../support/lsp-client";
import { CLEAN as CLEAN_FIXTURE, CLEANING, GOOD, MODEL as MODEL_FIXTURE, RAW as RAW_FIXTURE } from "../unit/readiness/harness";
import { fixtureDigest } from "../unit/fixture-digest";

/**
 * The readiness fixture with files the server can verify: the data files' real digests, and a
 * container artifact (digest-pinned) instead of an ONNX file, so that reading the files the
 * documents name (on open and save) finds everything in order.
 */
const DATA_JSON = "{}\n";
const TABLE_CSV = "x\n1.5\n2.5\n";
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const RAW = RAW_FIXTURE.replace(fixtureDigest("a"), sha256(DATA_JSON)).replace(fixtureDigest("e"), sha256(TABLE_CSV));
const CLEAN = CLEAN_FIXTURE.replace(fixtureDigest("a"), sha256(DATA_JSON));
const MODEL = MODEL_FIXTURE.replace(
  / {2}- \{ format: onnx, .*\n/,
  `  - { format: oci-image, path: "registry.example.gov/m/serve:1.0.0@sha256:${fixtureDigest("b")}" }\n`,
);

describe("language server: readiness", function () {
  let root: string;
  let client: LspTestClient;
  const announced: ReadinessChangedParams[] = [];
  const waiters: { accept: (p: ReadinessChangedParams) => boolean; resolve: (p: ReadinessChangedParams) => void }[] = [];
  const uriOf = (name: string) => pathToFileURL(path.join(root, name)).toString();
  const write = (name: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  };
  const item = (model: ReadinessModel, id: string) => model.groups.flatMap((g) => g.items).find((i) => i.id === id)!;
  const readiness = () => client.connection.sendRequest(READINESS_REQUEST, {});

  /** The next `genesis/readinessChanged` that satisfies `accept`, waited for (never slept for). */
  function changed(accept: (p: ReadinessChangedParams) => boolean = () => true, timeoutMs = 15_000): Promise<ReadinessChangedParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `no matching ${READINESS_CHANGED_NOTIFICATION} within ${timeoutMs} ms; got ${JSON.stringify(announced)}\n` +
                `${client.logs.join("")}`,
            ),
          ),
        timeoutMs,
      );
      waiters.push({
        accept,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  before(async function () {
    root = mkdtempSync(path.join(tmpdir(), "genesis-readiness-"));
    write("data/raw.dataset.yaml", RAW);
    write("data/clean.dataset.yaml", CLEAN);
    write("pipelines/cleaning.pipeline.yaml", CLEANING);
    write("models/m.model.yaml", MODEL);
    for (const file of GOOD.extraFiles!.filter((f) => f !== "models/model.onnx")) write(file, "x\n");
    write("data/data.json", DATA_JSON);
    write("data/table.csv", TABLE_CSV);
    client = new LspTestClient(pathToFileURL(root).toString());
    client.connection.onNotification(READINESS_CHANGED_NOTIFICATION, (params) => {
      announced.push(params);
      for (let i = waiters.length - 1; i >= 0; i--) {
        if (waiters[i].accept(params)) waiters.splice(i, 1)[0].resolve(params);
      }
    });
  });

  after(async function () {
    await client?.shutdown();
    rmSync(root, { recursive: true, force: true });
  });

  it("announces the model once the folder is indexed, and answers genesis/readiness with it", async function () {
    const first = changed();
    await client.initialize();
    const params = await first;
    assert.deepEqual(params.folders, [pathToFileURL(root).toString()]);
    const model = await readiness();
    assert.deepEqual(params.score, model.score);
    assert.equal(model.groups.flatMap((g) => g.items).length, 21);
    // No document was opened, so no file was verified yet: data.integrity warns; all else passes.
    assert.deepEqual(
      model.groups
        .flatMap((g) => g.items)
        .filter((i) => i.status !== "pass")
        .map((i) => `${i.id} ${i.status}`),
      ["data.integrity warn"],
    );
    assert.deepEqual(model.score, { passed: 20, applicable: 21 });
    const evidence = item(model, "data.versioned").evidence.find((e) => e.path === "data/raw.dataset.yaml")!;
    assert.equal(evidence.uri, uriOf("data/raw.dataset.yaml"), "evidence carries the file's URI");
    assert.deepEqual(evidence.range?.start, { line: 3, character: 9 }, "and its exact range (the version value)");
  });

  it("a folder's model is asked for by its URI", async function () {
    const model = await client.connection.sendRequest(READINESS_REQUEST, { folder: pathToFileURL(root).toString() });
    assert.deepEqual(model.score, { passed: 20, applicable: 21 });
  });

  it("an edit that breaks an item turns it to fail, announced after the edit; fixing it turns it back", async function () {
    const uri = uriOf("models/m.model.yaml");
    await client.open(uri, "yaml", MODEL, 1);
    const broken = changed((p) => p.score.passed === 18);
    await client.changeFull(uri, 2, MODEL.replace("rmf: [MAP-2.3]", "rmf: [MEASURE-7]"));
    await broken;
    const model = await readiness();
    assert.equal(item(model, "gov.rmf").status, "fail");
    assert.equal(item(model, "model.cards").status, "fail");
    const evidence = item(model, "gov.rmf").evidence[0];
    assert.equal(evidence.rule, "risk/rmf-id");
    assert.equal(evidence.uri, uri);
    assert.equal(item(model, "gov.rmf").fix?.kind, "quickfix");
    assert.equal(item(model, "gov.rmf").fix?.target?.uri, uri);

    const fixed = changed((p) => p.score.passed === 20);
    await client.changeFull(uri, 3, MODEL);
    await fixed;
    assert.equal(item(await readiness(), "gov.rmf").status, "pass");
    await client.close(uri);
  });

  it("typing that changes no item announces nothing", async function () {
    const uri = uriOf("data/raw.dataset.yaml");
    // Opening a manifest verifies its files: its data.integrity evidence turns from "not verified"
    // to "matches", which is announced (the score stays: the other manifest is not verified yet).
    const verified = changed((p) => p.score.passed === 20);
    await client.open(uri, "yaml", RAW, 1);
    await verified;
    assert.ok(item(await readiness(), "data.integrity").evidence.some((e) => e.path === "data/raw.dataset.yaml" && e.status === "pass"));
    const count = announced.length;
    const published = client.diagnosticsFor(uri, (p) => p.version === 2);
    await client.changeFull(uri, 2, RAW.replace("described at length", "described at great length"));
    await published;
    // Nothing must come: waiting for the absence of a message needs a bound (twice the debounce).
    await new Promise((resolve) => setTimeout(resolve, 2 * READINESS_DEBOUNCE_MS));
    assert.equal(announced.length, count, "a change that leaves the model as it was is not announced");
    const next = changed((p) => p.score.passed === 19);
    await client.changeFull(uri, 3, RAW.replace("keywords: [test]\n", ""));
    await next;
    assert.equal(announced.length, count + 1);
    const back = changed((p) => p.score.passed === 20);
    await client.changeFull(uri, 4, RAW);
    await back;
    await client.close(uri);
  });

  it("files other than documents count as the file events report them (a CI workflow deleted, then restored)", async function () {
    unlinkSync(path.join(root, ".github/workflows/ci.yml"));
    const failing = changed((p) => p.score.passed === 19);
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", {
      changes: [{ uri: uriOf(".github/workflows/ci.yml"), type: 3 }],
    });
    await failing;
    assert.equal(item(await readiness(), "infra.ci").status, "fail");
    write(".github/workflows/ci.yml", "on: push\n");
    const passing = changed((p) => p.score.passed === 20);
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", {
      changes: [{ uri: uriOf(".github/workflows/ci.yml"), type: 1 }],
    });
    await passing;
  });

  it("data.integrity's fix, the server's Verify Files command, verifies the files and the item passes", async function () {
    const fix = item(await readiness(), "data.integrity").fix;
    assert.deepEqual(fix, {
      kind: "command",
      title: "Verify Files",
      command: "genesis.verifyFiles",
      shell: {
        title: "Verify the files the manifests name (a check reads them unless --no-io is given)",
        commandLine: "genesis-readiness check",
      },
    });
    const all = changed((p) => p.score.passed === 21);
    await client.connection.sendRequest("workspace/executeCommand", { command: fix!.command, arguments: fix!.arguments ?? [] });
    await all;
    assert.equal(item(await readiness(), "data.integrity").status, "pass");
  });

  it("genesis/report returns the report in the format asked, with a file name", async function () {
    const html = await client.connection.sendRequest(REPORT_REQUEST, { format: "html" });
    assert.match(html.text, /^<!DOCTYPE html>/);
    assert.match(html.text, /<svg class="lineage"/);
    assert.match(html.fileName, /^genesis-readiness-.+\.html$/);
    const markdown = await client.connection.sendRequest(REPORT_REQUEST, { format: "markdown" });
    assert.match(markdown.text, /```mermaid\nflowchart LR/);
    assert.match(markdown.fileName, /\.md$/);
  });

  it("a genesis-ignore in the editor is a waiver: its item does not drop, counts it, and the model lists it", async function () {
    const uri = uriOf("models/m.model.yaml");
    await client.open(uri, "yaml", MODEL, 1);
    const waivedText = MODEL.replace(
      "risk: { rmf: [MAP-2.3], residual: low }",
      "risk:\n  rmf: [MEASURE-7] # genesis-ignore risk/rmf-id: draft mapping, SEC-7 (until 2999-01-01)\n  residual: low",
    );
    assert.notEqual(waivedText, MODEL);
    const waived = changed((p) => p.score.passed === 21);
    const published = client.diagnosticsFor(uri, (p) => p.version === 2);
    await client.changeFull(uri, 2, waivedText);
    assert.ok(!(await published).diagnostics.some((d) => d.code === "risk/rmf-id"), "the editor does not show a waived finding");
    await waived;
    const model = await readiness();
    assert.equal(item(model, "gov.rmf").status, "pass");
    assert.equal(item(model, "gov.rmf").waivers, 1);
    assert.deepEqual(
      model.waivers?.map((w) => [w.rule, w.item, w.path, w.reason, w.until, w.uri]),
      [["risk/rmf-id", "gov.rmf", "models/m.model.yaml", "draft mapping, SEC-7", "2999-01-01", uri]],
    );
    const text = await client.connection.sendRequest(REPORT_REQUEST, { format: "text" });
    assert.match(text.text, /risk\/rmf-id at models\/m\.model\.yaml:\d+ \(gov\.rmf\), until 2999-01-01/);
    await client.close(uri);
  });
});
