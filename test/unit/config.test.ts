import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { DEFAULT_CONFIG, ignoreMatcher } from "../../server/src/core/config";
import { DATA_FORMATS } from "../../server/src/core/data-formats";
import { LineIndex } from "../../server/src/core/text";
import { diagnose, engine } from "./harness";

const readConfig = (text: string) => engine.readConfig({ path: "genesis.config.yaml", text });

describe("genesis.config.yaml (docs/configuration.md)", function () {
  it("reads profile, rule overrides, ignore globs, registries and partitions", function () {
    const { config, diagnostics } = readConfig(
      'profile: release\nrules:\n  container/latest: error\n  ref/unversioned: off\nignore:\n  - "third_party/**"\n' +
        'site:\n  registries: [registry.example.gov]\n  partitions:\n    gpu: { maxWalltime: "2-00:00:00", gpus: true }\n',
    );
    assert.deepEqual(diagnostics, []);
    assert.equal(config.profile, "release");
    assert.deepEqual(config.rules, { "container/latest": "error", "ref/unversioned": "off" });
    assert.deepEqual(config.site.registries, ["registry.example.gov"]);
    assert.deepEqual(config.site.partitions.gpu, { maxWalltime: "2-00:00:00", gpus: true });
    const ignored = ignoreMatcher(config);
    assert.equal(ignored("third_party/sdk/a.dataset.yaml"), true);
    assert.equal(ignored("data/a.dataset.yaml"), false);
  });

  it("a broken config gets its own diagnostics, and its valid parts still apply", function () {
    const text = "profile: relase\nrules:\n  container/latests: error\n  schema/enum: loud\n  container/latest: off\nignor: []\n";
    const { config, diagnostics } = readConfig(text);
    const lines = new LineIndex(text);
    const seen = diagnostics.map((d) => `${lines.positionAt(d.span.start).line}:${d.rule}:${text.slice(d.span.start, d.span.end)}`);
    assert.deepEqual(
      seen.sort(),
      ["0:schema/enum:relase", "2:schema/enum:container/latests", "3:schema/enum:loud", "5:schema/unknown-property:ignor"].sort(),
    );
    assert.match(diagnostics.find((d) => /latests/.test(d.message))!.message, /Did you mean "container\/latest"\?/);
    assert.equal(config.profile, "dev");
    assert.deepEqual(config.rules, { "container/latest": "off" });
  });

  it("reads site.standardFormats: the formats a distribution may declare, each once; a wrong name is reported and dropped", function () {
    const good = readConfig("site:\n  standardFormats: [zarr, tiff, zarr]\n");
    assert.deepEqual(good.diagnostics, []);
    assert.deepEqual(good.config.site.standardFormats, ["zarr", "tiff"]);
    const text = "site:\n  standardFormats: [Zarr, geotiff, zarr, 3]\n";
    const bad = readConfig(text);
    assert.deepEqual(
      bad.diagnostics.map((d) => `${d.rule}:${text.slice(d.span.start, d.span.end)}`),
      ["schema/enum:Zarr", "schema/enum:geotiff", "schema/enum:3"],
    );
    assert.match(bad.diagnostics[0].message, /Did you mean "zarr"\?/);
    assert.deepEqual(bad.config.site.standardFormats, ["zarr"]);
    assert.deepEqual(readConfig("").config.site.standardFormats, []);
    assert.deepEqual(DEFAULT_CONFIG.site.standardFormats, []);
  });

  it("site.standardFormats allows exactly the formats of distribution[].format", function () {
    const schema = (name: string) => JSON.parse(readFileSync(path.resolve(__dirname, "../../schemas", name), "utf8"));
    const manifest = schema("dataset-manifest.schema.json").properties.distribution.items.properties.format.enum;
    const config = schema("genesis-config.schema.json").properties.site.properties.standardFormats.items.enum;
    assert.deepEqual(config, manifest);
    assert.deepEqual([...DATA_FORMATS], manifest);
  });

  it("a config that does not parse still gives defaults", function () {
    const { config, diagnostics } = readConfig("profile: [release\n");
    assert.ok(diagnostics.some((d) => d.rule === "syntax/yaml"));
    assert.equal(config.profile, "dev");
  });

  it("overrides change severities, and off removes a rule", function () {
    const text = "apiVersion: genesis/v1\nkind: DatasetManifest\npublsher: ORNL\n";
    const unknown = (rules: Record<string, "error" | "warning" | "info" | "off">) =>
      diagnose("a.dataset.yaml", text, { ...readConfig("").config, rules }).filter((d) => d.rule === "schema/unknown-property");
    assert.equal(unknown({})[0].severity, "warning");
    assert.equal(unknown({ "schema/unknown-property": "error" })[0].severity, "error");
    assert.equal(unknown({ "schema/unknown-property": "info" })[0].severity, "info");
    assert.deepEqual(unknown({ "schema/unknown-property": "off" }), []);
  });
});
