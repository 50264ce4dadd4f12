import * as assert from "node:assert/strict";
import { runExport, type ExportUi } from "../../../client/src/export-flow";
import type { ExportParams, ExportResponse } from "../../../server/src/protocol";

const CLASSIFIED: ExportResponse = {
  kind: "classified",
  documents: [{ path: "data/a.dataset.yaml", label: "a@1.0.0", level: "cui" }],
  message: "Croissant 1.1 is a public format, and this document is classified above public:\n  data/a.dataset.yaml (a@1.0.0): cui",
};

function harness(responses: ExportResponse[], answer: boolean, saved = true) {
  const sent: ExportParams[] = [];
  const events: string[] = [];
  const ui: ExportUi = {
    confirmClassified: async (message) => {
      events.push(`asked: ${message.split("\n")[0]}`);
      return answer;
    },
    showError: (message) => void events.push(`error: ${message}`),
    save: async (text, fileName) => {
      events.push(`save ${fileName}: ${text}`);
      return saved;
    },
  };
  const send = async (params: ExportParams) => {
    sent.push(params);
    return responses[sent.length - 1];
  };
  return { sent, events, ui, send };
}

describe("Genesis: Export As… (client/src/export-flow.ts)", function () {
  it("asks before a public format gets classified documents, and exports only after a yes", async function () {
    const yes = harness([CLASSIFIED, { kind: "written", text: "{}", fileName: "a.croissant.json" }], true);
    assert.equal(await runExport({ target: "croissant", document: "file:///w/data/a.dataset.yaml" }, yes.send, yes.ui), "saved");
    assert.deepEqual(
      yes.sent.map((p) => p.allowClassified),
      [false, true],
    );
    assert.deepEqual(yes.events, [
      "asked: Croissant 1.1 is a public format, and this document is classified above public:",
      "save a.croissant.json: {}",
    ]);

    const no = harness([CLASSIFIED], false);
    assert.equal(await runExport({ target: "croissant" }, no.send, no.ui), "cancelled");
    assert.equal(no.sent.length, 1, "no second request after a no");
    assert.ok(!no.events.some((event) => event.startsWith("save")));
  });

  it("saves an unclassified export without asking, and shows a refusal", async function () {
    const plain = harness([{ kind: "written", text: "x", fileName: "ro-crate-metadata.json" }], false);
    assert.equal(await runExport({ target: "ro-crate" }, plain.send, plain.ui), "saved");
    assert.deepEqual(plain.events, ["save ro-crate-metadata.json: x"]);
    const refused = harness([{ kind: "refused", message: "Croissant describes one dataset" }], false);
    assert.equal(await runExport({ target: "croissant" }, refused.send, refused.ui), "refused");
    assert.deepEqual(refused.events, ["error: Croissant describes one dataset"]);
  });
});
