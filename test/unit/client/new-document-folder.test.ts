import * as assert from "node:assert/strict";
import { KIND_FOLDERS, proposedFolder } from "../../../client/src/new-document-folder";

describe('"New ..." commands: the folder proposed (client/src/new-document-folder.ts)', function () {
  it("proposes the Explorer's folder, else the kind's (models/ for a model card), else the active file's, else the root", function () {
    const all = { explorer: "/w/chosen", kindFolder: "/w/models", active: "/w/docs", root: "/w" };
    assert.equal(proposedFolder(all), "/w/chosen");
    assert.equal(proposedFolder({ ...all, explorer: undefined }), "/w/models");
    assert.equal(proposedFolder({ ...all, explorer: undefined, kindFolder: undefined }), "/w/docs");
    assert.equal(proposedFolder({ root: "/w" }), "/w");
    assert.equal(proposedFolder({}), undefined);
    assert.equal(KIND_FOLDERS.ModelCard, "models");
  });
});
