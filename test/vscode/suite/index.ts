import * as path from "node:path";
import Mocha from "mocha";

/** Entry point that @vscode/test-electron calls inside the extension host. */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: "bdd", timeout: 60_000, color: true });
  mocha.addFile(path.join(__dirname, "diagnostics.test.js"));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}
