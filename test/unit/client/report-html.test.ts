import * as assert from "node:assert/strict";
import { withContentSecurityPolicy } from "../../../client/src/report-html";
import { formatReadiness } from "../../../server/src/core/index";
import { WorkspaceHost } from "../../../server/src/core/index";

describe("the HTML report in a webview (client/src/report-html.ts)", function () {
  it("gets a policy that allows its inline styles and nothing else, first thing in its head", function () {
    const model = new WorkspaceHost().readiness();
    const html = formatReadiness({ root: "w", generatedAt: "2026-01-01T00:00:00.000Z", model, lineage: { nodes: [], edges: [] } }, "html");
    const shown = withContentSecurityPolicy(html);
    const head = /<head[^>]*>\s*<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(shown);
    assert.ok(head, shown.slice(0, 300));
    assert.equal(head[1], "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    assert.equal(shown.replace(/\n<meta http-equiv="Content-Security-Policy"[^>]+>/, ""), html, "nothing else changes");
    assert.match(withContentSecurityPolicy("<p>bare</p>"), /^<meta http-equiv="Content-Security-Policy"/);
  });
});
