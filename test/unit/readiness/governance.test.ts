import * as assert from "node:assert/strict";
import { configWith } from "../harness";
import { dataset } from "../workspace/harness";
import { Engine } from "../../../server/src/core/engine";
import { WorkspaceHost } from "../../../server/src/core/index";
import { CLEAN, CLEANING, GOOD, MODEL, RAW, edit, expectStatus, itemOf, variant } from "./harness";

const PIPELINE = "pipelines/cleaning.pipeline.yaml";
const CARD = "models/m.model.yaml";
const CLEAN_PATH = "data/clean.dataset.yaml";

describe("readiness: governance", function () {
  describe("gov.classification", function () {
    it("passes when every document is classified without classification diagnostics", function () {
      expectStatus(GOOD, "gov.classification", "pass");
    });

    it("warns on the legacy ouo level (an info diagnostic)", function () {
      const ouo = edit(MODEL, "level: internal", "level: ouo");
      const item = expectStatus(variant({ files: { [CARD]: ouo } }), "gov.classification", "warn");
      assert.ok(item.evidence.some((e) => e.rule === "classification/legacy"));
    });

    it("fails on a document without classification, and on a classification error", function () {
      const unclassified = dataset("raw", "1.0.0").replace("classification:\n  level: public\n", "");
      assert.equal(
        expectStatus(variant({ files: { "data/raw.dataset.yaml": unclassified } }), "gov.classification", "fail").evidence[0].rule,
        "schema/required",
      );
      const downgrade = edit(CLEAN, "level: internal", "level: public");
      const item = expectStatus(
        variant({ files: { [CLEAN_PATH]: downgrade, "data/raw.dataset.yaml": edit(RAW, "level: public", "level: internal") } }),
        "gov.classification",
        "fail",
      );
      assert.ok(item.evidence.some((e) => e.rule === "classification/downgrade"));
    });

    it("is n/a without Genesis documents", function () {
      expectStatus({ files: {} }, "gov.classification", "n/a");
    });
  });

  describe("gov.access", function () {
    it("passes when every manifest above public names a policy that exists", function () {
      assert.match(
        expectStatus(GOOD, "gov.access", "pass").evidence[0].message,
        /Classified internal; access policy governance\/access\.md exists/,
      );
    });

    it("warns on a policy file that does not exist (governance/policy-missing is a warning)", function () {
      expectStatus(variant({ removeFiles: ["governance/access.md"] }), "gov.access", "warn");
    });

    it("fails on a manifest above public without an access policy", function () {
      const none = edit(CLEAN, "access: { policy: /governance/access.md }\n", "");
      expectStatus(variant({ files: { [CLEAN_PATH]: none } }), "gov.access", "fail");
    });

    it("is n/a when every manifest is public, and in an untrusted workspace", function () {
      const files = { [CLEAN_PATH]: undefined, [PIPELINE]: undefined, [CARD]: undefined };
      assert.equal(expectStatus(variant({ files }), "gov.access", "n/a").reason, "No Genesis document is classified above public.");
      expectStatus(variant({ trusted: false }), "gov.access", "n/a");
    });
  });

  describe("gov.audit", function () {
    it("warns on a local audit log that does not exist, citing governance/policy-missing once the files are read", function () {
      const gone = variant({ removeFiles: ["logs/audit.jsonl"] });
      const item = expectStatus(gone, "gov.audit", "warn");
      assert.match(item.evidence[0].message, /audit log logs\/audit\.jsonl does not exist/);
      assert.equal(item.evidence[0].status, "warn");
      const verified = variant({
        removeFiles: ["logs/audit.jsonl"],
        evidence: { ...GOOD.evidence, "logs/audit.jsonl": { status: "missing" } },
      });
      const cited = expectStatus(verified, "gov.audit", "warn").evidence.find((e) => e.rule === "governance/policy-missing");
      assert.match(cited?.message ?? "", /^The audit log "\/logs\/audit\.jsonl" does not exist/);
    });

    it("passes on an audit log written as a URI, which is not looked for", function () {
      for (const uri of ["https://audit.example.gov/cleaning", "s3://audit/cleaning/"]) {
        const pipeline = edit(CLEANING, "log: /logs/audit.jsonl", `log: "${uri}"`);
        expectStatus(variant({ files: { [PIPELINE]: pipeline }, removeFiles: ["logs/audit.jsonl"] }), "gov.audit", "pass");
      }
    });

    it("passes when every pipeline emits provenance and declares an audit log", function () {
      expectStatus(GOOD, "gov.audit", "pass");
    });

    it("warns on a pipeline without an audit log, with a snippet", function () {
      const item = expectStatus(
        variant({ files: { [PIPELINE]: edit(CLEANING, "audit: { log: /logs/audit.jsonl, retentionDays: 30 }\n", "") } }),
        "gov.audit",
        "warn",
      );
      assert.equal(item.fix?.kind, "snippet");
      assert.match(item.fix?.snippet ?? "", /^audit:\n  log: /);
    });

    it("fails on a pipeline above public that emits no provenance", function () {
      const item = expectStatus(
        variant({ files: { [PIPELINE]: edit(CLEANING, "provenance: { emit: ro-crate }", "provenance: { emit: none }") } }),
        "gov.audit",
        "fail",
      );
      assert.match(item.reason, /emits no provenance though classified above public/);
    });

    it("is n/a without pipelines", function () {
      expectStatus(variant({ files: { [PIPELINE]: undefined } }), "gov.audit", "n/a");
    });
  });

  describe("gov.diagrams", function () {
    it("passes on diagrams under docs/ and on diagrams the pipeline names", function () {
      expectStatus(GOOD, "gov.diagrams", "pass");
      const elsewhere = edit(
        CLEANING,
        "/docs/flow.md, architectureDiagram: /docs/arch.md",
        "/design/flow.md, architectureDiagram: /design/arch.md",
      );
      const extraFiles = [...GOOD.extraFiles!.filter((p) => !p.startsWith("docs/")), "design/flow.md", "design/arch.md"];
      expectStatus(variant({ files: { [PIPELINE]: elsewhere }, extraFiles }), "gov.diagrams", "pass");
    });

    it("warns when a diagram the pipeline names does not exist (docs/ has others)", function () {
      expectStatus(
        variant({ extraFiles: [...GOOD.extraFiles!.filter((p) => p !== "docs/arch.md"), "docs/other.md"] }),
        "gov.diagrams",
        "warn",
      );
    });

    it("fails when there is no diagram at all, with a snippet for a pipeline without docs", function () {
      const noDocs = edit(CLEANING, "docs: { dataFlowDiagram: /docs/flow.md, architectureDiagram: /docs/arch.md }\n", "");
      const item = expectStatus(
        variant({ files: { [PIPELINE]: noDocs }, removeFiles: ["docs/flow.md", "docs/arch.md"] }),
        "gov.diagrams",
        "fail",
      );
      assert.match(item.reason, /^No architecture or data-flow diagram/);
      assert.equal(item.fix?.kind, "snippet");
    });

    it("is n/a without Genesis documents and in an untrusted workspace", function () {
      expectStatus({ files: {}, extraFiles: ["docs/a.md"] }, "gov.diagrams", "n/a");
      expectStatus(variant({ trusted: false }), "gov.diagrams", "n/a");
    });
  });

  describe("gov.binder", function () {
    it("passes on a governance/ folder or on a binder a card names", function () {
      expectStatus(GOOD, "gov.binder", "pass");
      const moved = edit(MODEL, "binder: /governance/binder.md", "binder: /policies/binder.md");
      const extraFiles = [...GOOD.extraFiles!.filter((p) => !p.startsWith("governance/")), "policies/binder.md", "governance-elsewhere.md"];
      const noAccess = edit(CLEAN, "access: { policy: /governance/access.md }", "access: { policy: /policies/binder.md }");
      expectStatus(variant({ files: { [CARD]: moved, [CLEAN_PATH]: noAccess }, extraFiles }), "gov.binder", "pass");
    });

    it("warns when a card's binder does not exist but governance/ does", function () {
      expectStatus(variant({ files: { [CARD]: edit(MODEL, "/governance/binder.md", "/governance/gone.md") } }), "gov.binder", "warn");
    });

    it("fails without any binder, with a snippet for a card without governance", function () {
      const noBinder = edit(MODEL, "governance: { binder: /governance/binder.md }\n", "");
      const item = expectStatus(
        variant({ files: { [CARD]: noBinder }, removeFiles: ["governance/access.md", "governance/binder.md"] }),
        "gov.binder",
        "fail",
      );
      assert.match(item.fix?.snippet ?? "", /^governance:\n  binder: /);
    });

    it("is n/a without Genesis documents and in an untrusted workspace", function () {
      expectStatus({ files: {} }, "gov.binder", "n/a");
      expectStatus(variant({ trusted: false }), "gov.binder", "n/a");
    });
  });

  describe("gov.rmf", function () {
    it("passes when every card maps its risks to AI RMF ids", function () {
      assert.equal(expectStatus(GOOD, "gov.rmf", "pass").evidence[0].message, "Maps risks to MAP-2.3.");
    });

    it("warns on a risk review that is overdue, judged on the date the front end gives", function () {
      const card = edit(MODEL, "residual: low }", "residual: low, reviewDate: 2026-01-31 }");
      const readinessOn = (today: string | undefined) => {
        const host = new WorkspaceHost(new Engine(today ? { today: () => today } : {}));
        host.trusted = true;
        const files = { ...GOOD.files, [CARD]: card };
        host.setFiles([...Object.keys(files), ...(GOOD.extraFiles ?? [])]);
        for (const [path, text] of Object.entries(files)) host.update(path, text);
        host.finishLoading();
        return itemOf(host.readiness(), "gov.rmf");
      };
      const overdue = readinessOn("2026-03-02");
      assert.equal(overdue.status, "warn", overdue.reason);
      assert.ok(overdue.evidence.some((e) => e.rule === "risk/review-overdue" && /30 days ago/.test(e.message)));
      assert.equal(readinessOn("2026-01-31").status, "pass");
      assert.equal(readinessOn(undefined).status, "pass");
    });

    it("warns when risk/rmf-id is configured as a warning", function () {
      const unknown = edit(MODEL, "rmf: [MAP-2.3]", "rmf: [MEASURE-7]");
      expectStatus(variant({ files: { [CARD]: unknown }, config: configWith({ rules: { "risk/rmf-id": "warning" } }) }), "gov.rmf", "warn");
    });

    it("fails on an unknown AI RMF id and on a card without risk.rmf", function () {
      const unknown = edit(MODEL, "rmf: [MAP-2.3]", "rmf: [MEASURE-7]");
      assert.equal(expectStatus(variant({ files: { [CARD]: unknown } }), "gov.rmf", "fail").evidence[0].rule, "risk/rmf-id");
      expectStatus(variant({ files: { [CARD]: edit(MODEL, "rmf: [MAP-2.3], ", "") } }), "gov.rmf", "fail");
    });

    it("is n/a without Genesis cards", function () {
      expectStatus(variant({ files: { [CARD]: undefined } }), "gov.rmf", "n/a");
    });
  });
});
