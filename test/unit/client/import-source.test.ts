import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import {
  CWL_IMPORT_TITLE,
  IMPORT_SOURCE_COMMAND,
  importSourceAction,
  serverImportRequest,
  UNSYNCED_IMPORT_SOURCES,
} from "../../../client/src/import-source";
import { DOCUMENT_SELECTOR } from "../../../client/src/recognition";
import { IMPORT_KIND, importFormatOf } from "../../../server/src/core/convert/import/import-source";
import { KIND_NAME } from "../../../server/src/core/types";
import { IMPORT_FROM_FILE_COMMAND } from "../../../server/src/protocol";

const manifest = JSON.parse(readFileSync(path.join(__dirname, "../../../package.json"), "utf8")) as {
  activationEvents: string[];
};

describe("the import action on sources the server is not given (client/src/import-source.ts)", function () {
  it("is offered on a .cwl file in a trusted workspace, and runs the client's import command on its URI", function () {
    const uri = "file:///lab/workflows/align.cwl";
    assert.deepEqual(importSourceAction(uri, true), {
      title: CWL_IMPORT_TITLE,
      command: { title: CWL_IMPORT_TITLE, command: IMPORT_SOURCE_COMMAND, arguments: [uri] },
    });
    assert.ok(importSourceAction("file:///lab/ALIGN.CWL", true));
  });

  it("is not offered in an untrusted workspace, nor on another file", function () {
    assert.equal(importSourceAction("file:///lab/workflows/align.cwl", false), undefined);
    assert.equal(importSourceAction("file:///lab/notes.txt", true), undefined);
  });

  it("carries the server's title for a CWL source, and hands the file to the server's import command", function () {
    const format = importFormatOf("workflows/align.cwl", "cwlVersion: v1.2\nclass: Workflow\n");
    assert.equal(format, "cwl");
    assert.equal(CWL_IMPORT_TITLE, `Create Genesis ${KIND_NAME[IMPORT_KIND[format]]} from this file`);
    assert.deepEqual(serverImportRequest("file:///lab/a.cwl"), { command: IMPORT_FROM_FILE_COMMAND, arguments: ["file:///lab/a.cwl"] });
    assert.equal(serverImportRequest(undefined), undefined);
  });

  it("covers files the server's selector leaves out, and a workspace of them activates the extension", function () {
    const languages = DOCUMENT_SELECTOR.map((filter) => filter.language);
    assert.ok(!languages.includes("plaintext") && !languages.includes("cwl"), "a .cwl file is not given to the server");
    for (const filter of UNSYNCED_IMPORT_SOURCES) assert.ok(manifest.activationEvents.includes(`workspaceContains:${filter.pattern}`));
  });
});
