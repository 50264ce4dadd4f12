import * as assert from "node:assert/strict";
import { isTypingTemplatePrefix, offerTemplatesWhileTyping, type TemplateSuggestApi } from "../../../client/src/template-suggest";

/** The snippet offered while typing in an empty Markdown file (client/src/template-suggest.ts), with a fake editor. */

interface FakeDocument {
  languageId: string;
  text: string;
  lineCount: number;
  getText(): string;
}

function documentOf(text: string, languageId = "markdown"): FakeDocument {
  return { languageId, text, lineCount: text.split("\n").length, getText: () => text };
}

describe("the model card snippet offered while typing Markdown (client/src/template-suggest.ts)", function () {
  it("recognises the start of a Genesis Markdown snippet prefix, and nothing else", function () {
    assert.equal(isTypingTemplatePrefix("gen"), true);
    assert.equal(isTypingTemplatePrefix("genesis-model"), true);
    assert.equal(isTypingTemplatePrefix("ge"), false, "too short: prose starts like that");
    assert.equal(isTypingTemplatePrefix("genesis-modelcard"), false, "typed whole: the widget is already open");
    assert.equal(isTypingTemplatePrefix("genesis-"), true, "the shared start of every prefix");
    assert.equal(isTypingTemplatePrefix("genesis-datas"), false, "only Markdown templates");
    assert.equal(isTypingTemplatePrefix("General"), false);
    assert.equal(isTypingTemplatePrefix("gen eral"), false);
  });

  it("opens the suggestions on a typed character in the active empty Markdown file only", function () {
    let listener: ((event: unknown) => void) | undefined;
    const triggered: string[] = [];
    const active: { document: unknown } = { document: undefined };
    const api = {
      workspace: {
        onDidChangeTextDocument: (callback: (event: unknown) => void) => {
          listener = callback;
          return { dispose: () => (listener = undefined) };
        },
      },
      window: { activeTextEditor: active },
      commands: { executeCommand: async (command: string) => void triggered.push(command) },
    } as unknown as TemplateSuggestApi;
    const disposable = offerTemplatesWhileTyping(api);
    const type = (document: FakeDocument, text = "n", rangeLength = 0) =>
      listener!({ document, contentChanges: [{ text, rangeLength }], reason: undefined });

    const typing = documentOf("gen");
    active.document = typing;
    type(typing);
    assert.deepEqual(triggered, ["editor.action.triggerSuggest"]);
    type(typing, "gen", 0);
    type(typing, "n", 1);
    type(documentOf("gen", "yaml"));
    type(documentOf("# Title\ngen"));
    assert.equal(triggered.length, 1, "not on a paste, a replacement, another language or a file with more in it");
    type(documentOf("gen"));
    assert.equal(triggered.length, 1, "not in a document that is not the active editor's");

    disposable.dispose();
    assert.equal(listener, undefined);
  });
});
