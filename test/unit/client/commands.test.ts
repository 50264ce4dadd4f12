import * as assert from "node:assert/strict";
import {
  ALL_COMMAND_IDS,
  CLIENT_COMMANDS,
  registerCommands,
  type CommandHandlers,
  type CommandRegistry,
} from "../../../client/src/commands";
import manifest from "../../../package.json";

interface MenuEntry {
  readonly command: string;
}

const contributes = manifest.contributes as {
  readonly commands: readonly { readonly command: string }[];
  readonly menus: Readonly<Record<string, readonly MenuEntry[]>>;
  readonly viewsWelcome: readonly { readonly contents: string }[];
};

const sorted = (ids: readonly string[]) => [...ids].sort();

describe("client command table (client/src/commands.ts)", function () {
  it("holds exactly the commands package.json contributes, each once", function () {
    assert.equal(new Set(ALL_COMMAND_IDS).size, ALL_COMMAND_IDS.length, "no id twice in the table");
    assert.deepEqual(sorted(ALL_COMMAND_IDS), sorted(contributes.commands.map((c) => c.command)));
  });

  it("every command that a menu, a welcome view link or an activation event names is in the table", function () {
    const known = new Set(ALL_COMMAND_IDS);
    const named = [
      ...Object.values(contributes.menus).flatMap((entries) => entries.map((entry) => entry.command)),
      ...contributes.viewsWelcome.flatMap((view) => [...view.contents.matchAll(/\(command:([\w.-]+)/g)].map((match) => match[1])),
      ...manifest.activationEvents.filter((event) => event.startsWith("onCommand:")).map((event) => event.slice("onCommand:".length)),
    ];
    assert.ok(named.length > 5, "the manifest names commands in its menus and welcome views");
    assert.deepEqual(
      named.filter((id) => !known.has(id)),
      [],
    );
  });

  it("registers each client command once, with the handler of its name and the arguments VS Code passes", function () {
    const registered = new Map<string, (...args: unknown[]) => unknown>();
    const registry: CommandRegistry = {
      registerCommand: (id: string, callback: (...args: unknown[]) => unknown) => {
        assert.ok(!registered.has(id), `${id} registered twice`);
        registered.set(id, callback);
        return { dispose: () => registered.delete(id) };
      },
    };
    const calls: string[] = [];
    const handler =
      (name: string) =>
      async (...args: unknown[]) => {
        calls.push(`${name}(${args.map(String).join(", ")})`);
      };
    const handlers: CommandHandlers = {
      restartServer: handler("restartServer"),
      showOutput: () => void calls.push("showOutput()"),
      newDatasetManifest: handler("newDatasetManifest"),
      newModelCard: handler("newModelCard"),
      newPipelineConfig: handler("newPipelineConfig"),
      exportReport: handler("exportReport"),
      exportAs: handler("exportAs"),
      refreshReadiness: handler("refreshReadiness"),
      runReadinessFix: handler("runReadinessFix"),
      createBundle: handler("createBundle"),
      importSource: handler("importSource"),
    };
    const disposables = registerCommands(registry, handlers);

    assert.deepEqual(sorted([...registered.keys()]), sorted(Object.values(CLIENT_COMMANDS)));
    registered.get("genesis.newModelCard")?.("folder-uri");
    registered.get("genesis.showOutput")?.();
    assert.deepEqual(calls, ["newModelCard(folder-uri)", "showOutput()"]);
    disposables.forEach((d) => d.dispose());
    assert.equal(registered.size, 0, "every registration is returned for disposal");
  });
});
