import * as assert from "node:assert/strict";
import { onnxDtypeName } from "../../../server/src/core/evidence/onnx-types";
import type { FileEvidence, OnnxEvidence } from "../../../server/src/core/evidence/types";
import { engine } from "../harness";
import { diagnoseIo, expectIoWants, ok } from "./harness";

const PATH = "models/surrogate.model.yaml";
const MODEL: OnnxEvidence = {
  inputs: [{ name: "features", elemType: 1, shape: ["N", 7] }],
  outputs: [
    { name: "lattice", elemType: 1, shape: ["N", 2] },
    { name: "uncertainty", elemType: 11, shape: ["N", null] },
  ],
};

function card(signature: string): string {
  return (
    `apiVersion: genesis/v1\nkind: ModelCard\nid: surrogate\nartifacts:\n` +
    `  - format: onnx\n    path: artifacts/surrogate.onnx\n    signature:\n${signature}`
  );
}

const withModel = (onnx: OnnxEvidence = MODEL): Record<string, FileEvidence> => ({ "models/artifacts/surrogate.onnx": ok({ onnx }) });

const MATCHING =
  `      inputs:\n        - { name: features, dtype: float32, shape: [batch, 7] }\n` +
  `      outputs:\n        - { name: lattice, dtype: float32, shape: [batch, 2] }\n` +
  `        - { name: uncertainty, dtype: float64, shape: [batch, 3] }\n`;

describe("io evidence: model/signature-mismatch", () => {
  it("accepts a signature that describes the graph: symbolic dims match any name, unknown dims anything", () => {
    expectIoWants(PATH, card(MATCHING), withModel());
  });

  it("reports an input name that is not in the graph, with the nearest one", () => {
    const text = card(MATCHING.replace("{ name: features,", "{ name: feature, # want: model/signature-mismatch\n           "));
    const [seen] = expectIoWants(PATH, text, withModel());
    assert.equal(
      seen.message,
      `Input "feature" is not an input of "artifacts/surrogate.onnx". Did you mean "features"? Its inputs are: features (float32 [N, 7]).`,
    );
    assert.equal(seen.covered, "feature");
  });

  it("reports a wrong dtype with the model's dtype name", () => {
    const text = card(
      MATCHING.replace(
        "{ name: lattice, dtype: float32,",
        "{ name: lattice, dtype: float16, # want: model/signature-mismatch\n           ",
      ),
    );
    const [seen] = expectIoWants(PATH, text, withModel());
    assert.equal(
      seen.message,
      `Output "lattice" is float32 [N, 2] in "artifacts/surrogate.onnx", but the signature declares float16 [batch, 2]: ` +
        `the dtype differs (float32, not float16); declare dtype: float32.`,
    );
    assert.equal(seen.covered, "float16");
  });

  it("reports a rank that differs, with the model's shape", () => {
    const text = card(MATCHING.replace("shape: [batch, 7] }", "\n            shape: [batch, 7, 1] } # want: model/signature-mismatch"));
    const [seen] = expectIoWants(PATH, text, withModel());
    assert.equal(
      seen.message,
      `Input "features" is float32 [N, 7] in "artifacts/surrogate.onnx", but the signature declares float32 [batch, 7, 1]: ` +
        `the rank differs (2, not 3); write shape: [N, 7].`,
    );
  });

  it("reports a fixed dimension that differs, and a fixed size declared for a symbolic dimension", () => {
    const text = card(
      MATCHING.replace("shape: [batch, 7] }", "\n            shape: [16, 8] } # want: model/signature-mismatch, model/signature-mismatch"),
    );
    const seen = expectIoWants(PATH, text, withModel());
    assert.deepEqual(
      seen.map((s) => [s.covered, s.message]),
      [
        [
          "16",
          `Input "features" is float32 [N, 7] in "artifacts/surrogate.onnx", but the signature declares float32 [16, 8]: ` +
            `dimension 0 is symbolic ("N": any size), not 16; write a name such as "N".`,
        ],
        [
          "8",
          `Input "features" is float32 [N, 7] in "artifacts/surrogate.onnx", but the signature declares float32 [16, 8]: ` +
            `dimension 1 is fixed to 7, not 8; write 7.`,
        ],
      ],
    );
  });

  it("reports graph outputs the signature does not declare, on the list's key", () => {
    const text = card(
      MATCHING.replace("      outputs:\n", "      outputs: # want: model/signature-mismatch\n").replace(
        "        - { name: uncertainty, dtype: float64, shape: [batch, 3] }\n",
        "",
      ),
    );
    const [seen] = expectIoWants(PATH, text, withModel());
    assert.equal(seen.covered, "outputs");
    assert.equal(
      seen.message,
      `"artifacts/surrogate.onnx" has an output that the signature does not declare: ` +
        `uncertainty (float64 [N, ?]); add { name: uncertainty, dtype: float64, shape: [N, dim1] }.`,
    );
  });

  it("names an ONNX type that a signature cannot declare", () => {
    const model: OnnxEvidence = { inputs: [{ name: "features", elemType: 4, shape: ["N", 7] }], outputs: MODEL.outputs };
    const [seen] = diagnoseIo(PATH, card(MATCHING), withModel(model));
    assert.match(
      seen.message,
      new RegExp(
        /is uint16 \[N, 7\] in "artifacts\/surrogate.onnx", but the signature declares float32 \[batch, 7\]: /.source +
          /the dtype differs \(uint16, not float32\), and a signature cannot declare uint16/.source,
      ),
    );
  });

  it("reports a malformed or truncated model on the artifact path", () => {
    const text = card(MATCHING).replace(
      "path: artifacts/surrogate.onnx",
      "path: artifacts/surrogate.onnx # want: model/signature-mismatch",
    );
    const [seen] = expectIoWants(PATH, text, {
      "models/artifacts/surrogate.onnx": ok({
        failures: { onnx: { kind: "malformed", reason: "the field at byte 18 runs past the end of the file: it is truncated" } },
      }),
    });
    assert.equal(seen.severity, "error");
    assert.match(seen.message, /is not a readable ONNX model \(the field at byte 18 runs past the end of the file: it is truncated\)/);
  });

  it("compares nothing when the artifact has no signature (recommended only)", () => {
    const text =
      "apiVersion: genesis/v1\nkind: ModelCard\nid: surrogate\nartifacts:\n  - { format: onnx, path: artifacts/surrogate.onnx }\n";
    const document = engine.analyze({ path: PATH, text }).document!;
    assert.deepEqual(engine.checkEvidence(document, new Map(Object.entries(withModel()))), []);
  });

  it("does not throw on odd signatures", () => {
    const odd = [
      "      inputs: 3\n      outputs: [null, 1, { name: 4 }, { name: lattice, dtype: [1], shape: 7 }]\n",
      "      inputs: [{ name: features, shape: [[1], null] }]\n      outputs: {}\n",
    ];
    for (const signature of odd) {
      const seen = diagnoseIo(PATH, card(signature), withModel());
      assert.ok(!seen.some((s) => s.rule === "internal/rule-error"), JSON.stringify(seen));
    }
  });

  it("maps ONNX element types to the dtype names of docs/formats/model-card.md", () => {
    const expected: Record<number, string> = {
      1: "float32",
      2: "uint8",
      3: "int8",
      5: "int16",
      6: "int32",
      7: "int64",
      8: "string",
      9: "bool",
      10: "float16",
      11: "float64",
      16: "bfloat16",
    };
    for (const [code, name] of Object.entries(expected)) assert.equal(onnxDtypeName(Number(code)), name);
    assert.equal(onnxDtypeName(99), "elem_type 99");
  });
});
