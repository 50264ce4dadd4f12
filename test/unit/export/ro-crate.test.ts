import * as assert from "node:assert/strict";
import * as path from "node:path";
import * as jsonld from "jsonld";
import { exportDocuments, type ExportInput } from "../../../server/src/core/index";
import { filesUnder, inputOf, offlineLoader, REPOSITORY, roCrateContext, RoCrateValidator as Validator, WORKSPACES } from "./standards";

const PROCESS_RUN = "https://w3id.org/ro/wfrun/process/0.5";
const WORKFLOW_RUN = "https://w3id.org/ro/wfrun/workflow/0.5";
const WORKFLOW_RO_CRATE = "https://w3id.org/workflowhub/workflow-ro-crate/1.0";
const FORMAL_PARAMETER = "https://bioschemas.org/profiles/FormalParameter/1.0-RELEASE";

type Entity = Record<string, unknown> & { "@id": string; "@type": string | string[] };
interface Crate {
  "@context": unknown;
  "@graph": Entity[];
}

function crateOf(input: ExportInput): Crate {
  const result = exportDocuments("ro-crate", input);
  assert.ok(result.ok);
  assert.equal(result.output.fileName, "ro-crate-metadata.json");
  return JSON.parse(result.output.text) as Crate;
}

const types = (entity: Entity | undefined) => ([] as string[]).concat(entity?.["@type"] ?? []);
const refs = (value: unknown) => ([] as unknown[]).concat(value ?? []).map((item) => (item as { "@id": string })["@id"]);

/** The RO-Crate 1.2 structure and the Process Run Crate 0.5 requirements, as their specifications state them. */
function assertRoCrate(crate: Crate, label: string): Map<string, Entity> {
  const byId = new Map(crate["@graph"].map((entity) => [entity["@id"], entity]));
  assert.equal(byId.size, crate["@graph"].length, `${label}: every @id once`);
  const descriptor = byId.get("ro-crate-metadata.json");
  assert.deepEqual(refs(descriptor?.about), ["./"], `${label}: the metadata descriptor is about the root`);
  assert.ok(refs(descriptor?.conformsTo).includes("https://w3id.org/ro/crate/1.2"));
  const root = byId.get("./")!;
  for (const entity of crate["@graph"]) assert.ok(types(entity).length > 0, `${label}: ${entity["@id"]} has a @type`);
  // Every reference resolves inside the crate, or is an absolute URI.
  for (const entity of crate["@graph"])
    for (const value of Object.values(entity))
      for (const item of ([] as unknown[]).concat(value))
        if (item && typeof item === "object" && "@id" in item) {
          const target = (item as { "@id": string })["@id"];
          assert.ok(
            byId.has(target) || /^https?:\/\//.test(target),
            `${label}: ${entity["@id"]} names ${target}, which is not in the crate`,
          );
        }
  // Every data entity is a part of the root; every term is one of the RO-Crate 1.2 context.
  const parts = new Set(refs(root.hasPart));
  const context = roCrateContext();
  for (const entity of crate["@graph"]) {
    if (
      entity !== root &&
      entity["@id"] !== "ro-crate-metadata.json" &&
      (types(entity).includes("File") || types(entity).includes("Dataset"))
    )
      assert.ok(parts.has(entity["@id"]), `${label}: data entity ${entity["@id"]} is in the root's hasPart`);
    for (const key of Object.keys(entity))
      if (!key.startsWith("@")) assert.ok(key in context, `${label}: ${key} is a term of the RO-Crate 1.2 context`);
  }
  // Process Run Crate: the profile declared and described; each action's instrument, object and result in the crate.
  const actions = crate["@graph"].filter((entity) => types(entity).includes("CreateAction"));
  if (actions.length) {
    assert.ok(refs(root.conformsTo).includes(PROCESS_RUN), `${label}: conforms to Process Run Crate`);
    assert.deepEqual(types(byId.get(PROCESS_RUN)), ["CreativeWork"]);
    assert.ok(byId.get(PROCESS_RUN)?.name && byId.get(PROCESS_RUN)?.version);
    assert.deepEqual(
      new Set(refs(root.mentions)),
      new Set(actions.map((action) => action["@id"])),
      `${label}: the root mentions every action`,
    );
  }
  for (const action of actions) {
    assert.equal(refs(action.instrument).length, 1, `${label}: ${action["@id"]} has one instrument`);
    assert.ok(refs(action.result).length > 0, `${label}: ${action["@id"]} has a result`);
    for (const time of [action.startTime, action.endTime]) if (time !== undefined) assert.match(String(time), /^\d{4}-\d{2}-\d{2}T/);
  }
  // Classification as a property on every data entity.
  for (const entity of crate["@graph"].filter((e) => e !== root && (types(e).includes("File") || types(e).includes("Dataset")))) {
    const property = byId.get(refs(entity.additionalProperty)[0]);
    assert.equal(property?.propertyID, "classification", `${label}: ${entity["@id"]} carries its classification`);
  }
  return byId;
}

describe("export to RO-Crate 1.2", function () {
  this.timeout(60_000);

  for (const folder of WORKSPACES) {
    it(`the crate of ${folder} passes the ro-crate checks and the RO-Crate 1.2 and Process Run Crate requirements`, async function () {
      const crate = crateOf(await inputOf(folder));
      const validator = new Validator();
      validator.parseJSON(crate);
      validator.rootDataEntity();
      validator.checkFiles(filesUnder(path.join(REPOSITORY, folder)));
      const errors = validator.results.filter((result) => result.status === "error");
      assert.deepEqual(errors, [], `${folder}: ro-crate errors`);
      assert.ok(validator.results.some((result) => result.id === "licenseRequired" && result.status === "success"));
      const byId = assertRoCrate(crate, folder);
      // Files with their sha256; the workspace's documents all in the crate.
      const files = crate["@graph"].filter((entity) => types(entity).includes("File") && entity.sha256);
      assert.ok(files.length >= 3, `${folder}: data files with sha256`);
      for (const document of (await inputOf(folder)).documents) assert.ok(byId.has(document.path), `${folder}: ${document.path}`);
      // Expands offline with the vendored context.
      const expanded = await jsonld.expand(crate as never, { documentLoader: offlineLoader as never });
      assert.ok(expanded.length > crate["@graph"].length - 1);
    });
  }

  it("one pipeline: a Workflow Run Crate whose main entity is the pipeline, with its formal parameters and its runs", async function () {
    const pipelinePath = "examples/pipelines/cathode-surrogate.pipeline.yaml".replace("examples/", "");
    const crate = crateOf(await inputOf("examples", (p) => p === pipelinePath));
    const byId = assertRoCrate(crate, pipelinePath);
    const root = byId.get("./")!;
    assert.ok(refs(root.conformsTo).includes(WORKFLOW_RUN));
    assert.ok(refs(byId.get("ro-crate-metadata.json")!.conformsTo).includes(WORKFLOW_RO_CRATE));
    assert.deepEqual(refs(root.mainEntity), [pipelinePath]);
    const workflow = byId.get(pipelinePath)!;
    assert.deepEqual(types(workflow), ["File", "SoftwareSourceCode", "ComputationalWorkflow"]);
    assert.deepEqual(types(byId.get(refs(workflow.programmingLanguage)[0])), ["ComputerLanguage"]);
    const parameters = [...refs(workflow.input), ...refs(workflow.output)].map((id) => byId.get(id)!);
    assert.equal(parameters.length, 6);
    for (const parameter of parameters) {
      assert.deepEqual(types(parameter), ["FormalParameter"]);
      assert.deepEqual(refs(parameter.conformsTo), [FORMAL_PARAMETER]);
      assert.ok(parameter.name && parameter.additionalType);
    }
    // The training table and both models were made by this workflow: three runs, each with it as the instrument.
    const runs = crate["@graph"].filter((entity) => types(entity).includes("CreateAction"));
    assert.equal(runs.length, 3);
    for (const run of runs) assert.deepEqual(refs(run.instrument), [pipelinePath]);
    const table = runs.find((run) => refs(run.result)[0] === "#dataset-cathode-training-set@1.0.0")!;
    assert.deepEqual(refs(table.object).sort(), [
      "#dataset-beamline-raw@1.1.0",
      "#dataset-dft-cathode-relax@1.0.0",
      "#dataset-partner-cycling@2.0.0",
    ]);
    assert.equal(table.startTime, "2025-04-08T14:02:11Z");
    // Inputs name the formal parameter they were an example of.
    assert.ok(refs(byId.get("#dataset-partner-cycling@2.0.0")!.exampleOfWork).some((id) => id.startsWith("#input-")));
  });

  it("the checks find a dangling reference and a missing root license (they can fail)", async function () {
    const crate = crateOf(await inputOf("test/fixtures/workspaces/ocean-glider"));
    const broken = structuredClone(crate);
    const root = broken["@graph"].find((entity) => entity["@id"] === "./")!;
    delete root.license;
    const validator = new Validator();
    validator.parseJSON(broken);
    validator.rootDataEntity();
    assert.ok(validator.results.some((result) => result.id === "licenseRequired" && result.status === "error"));
    (root.hasPart as unknown[]).push({ "@id": "nowhere.csv" });
    assert.throws(() => assertRoCrate(broken, "broken"), /nowhere\.csv, which is not in the crate/);
  });
});
