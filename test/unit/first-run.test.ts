import * as assert from "node:assert/strict";
import * as path from "node:path";
import { APT_PACKAGES, aptInstallArguments, codeServerEnv, ROOT } from "../../scripts/code-server.mjs";

/** `npm start` on a first run (scripts/start.mjs, scripts/code-server.mjs): only what is missing, nothing outside the repository. */

describe("npm start: first run without side effects", function () {
  it("installs the missing Debian packages without upgrading anything, each with the reason it is needed", function () {
    assert.deepEqual(aptInstallArguments(["ripgrep"]), ["install", "-y", "--no-upgrade", "--no-install-recommends", "ripgrep"]);
    for (const p of APT_PACKAGES) assert.ok(p.why.length > 20, `${p.name} says why it is needed`);
    assert.deepEqual(APT_PACKAGES.map((p) => p.name).sort(), ["chromium", "libkrb5-dev", "ripgrep"]);
  });

  it("points every XDG folder of code-server into the state folder the caller chose", function () {
    const userData = path.join(ROOT, ".cache", "code-server", "user-data");
    const env = codeServerEnv(userData);
    for (const name of ["XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"]) {
      const folder = env[name];
      assert.ok(folder?.startsWith(path.join(ROOT, ".cache", "code-server", "xdg")), `${name}: ${folder}`);
    }
  });
});
