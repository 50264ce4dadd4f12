import * as assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { assertCliBuilt, checkJson, copyFixture, REPOSITORY, runCli, Workspaces } from "./cli-harness";

/**
 * .pre-commit-hooks.yaml: the hook parses, its `files` pattern picks the Genesis documents of
 * examples/ by name, and its entry checks the list of files pre-commit passes (pass_filenames).
 */

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  pass_filenames: boolean;
}

const hooks = parse(readFileSync(path.join(REPOSITORY, ".pre-commit-hooks.yaml"), "utf8")) as Hook[];
const EXAMPLES = path.join(REPOSITORY, "examples");

/** Every file under a folder, relative to the repository with `/`, as pre-commit matches them. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(REPOSITORY, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
}

describe("the pre-commit hook (.pre-commit-hooks.yaml)", function () {
  const workspaces = new Workspaces();
  before(assertCliBuilt);
  after(() => workspaces.removeAll());

  const [hook] = hooks;
  // pre-commit matches `files` with Python's re.search; the pattern uses nothing JavaScript reads otherwise.
  const matches = (file: string) => new RegExp(hook.files).test(file);

  it("is one node hook that runs check on the files passed", function () {
    assert.equal(hooks.length, 1);
    assert.equal(hook.id, "genesis-readiness");
    assert.equal(hook.language, "node");
    assert.equal(hook.entry, "genesis-readiness check");
    assert.equal(hook.pass_filenames, true);
  });

  it("files matches every document of examples/ named as a Genesis document, and nothing else there", function () {
    const documents = checkJson(["examples", "--no-io"]).report.documents.map((d) => `examples/${d.path}`);
    // Recognised by its content (Hugging Face keys in its front matter), not by its name: see the hook's comment.
    const byContent = ["examples/models/hf-baseline/README.md"];
    assert.ok(documents.length >= 9);
    const matched = filesUnder(EXAMPLES).filter(matches).sort();
    // Matched by name, but under the `ignore` globs of examples/genesis.config.yaml: check skips it even when passed.
    const ignored = ["examples/third_party/northfield-sdk/samples/example.dataset.yaml"];
    assert.deepEqual(matched, [...documents.filter((d) => !byContent.includes(d)), ...ignored].sort());
    const skipped = runCli(["check", ...ignored]);
    assert.equal(skipped.status, 0, skipped.stdout + skipped.stderr);
    assert.doesNotMatch(skipped.stdout, /third_party/);
    for (const name of ["a/MODEL_CARD.md", "model_card.md", "x/dataset.genesis.yaml", "p.pipeline.yml", "m.model.json", "c.modelcard.md"])
      assert.ok(matches(name), name);
    for (const name of ["README.md", "dvc.yaml", "x.dataset.yaml.bak", "dataset.yaml", "mydataset.genesis.yaml"])
      assert.ok(!matches(name), name);
  });

  it("its entry checks the files passed from several folders, naming them as passed", function () {
    const repository = workspaces.make();
    copyFixture(repository, "mistakes.dataset.yaml", "data/mistakes.dataset.yaml");
    copyFixture(repository, "valid.dataset.yaml", "other/place/valid.dataset.yaml");
    const [command, ...args] = hook.entry.split(" ");
    assert.equal(command, "genesis-readiness");
    const files = ["data/mistakes.dataset.yaml", "other/place/valid.dataset.yaml"];
    const result = runCli([...args, ...files], { cwd: repository });
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /^data\/mistakes\.dataset\.yaml:5:10: error version\/semver /m);
    assert.match(result.stdout, /in 2 documents/);
  });
});
