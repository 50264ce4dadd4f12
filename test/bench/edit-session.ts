/**
 * One editing session against one server, as the side-by-side benchmark runs it on each generated
 * manifest: a fresh server process, `didOpen`, then single-character edits spread through the
 * document, first as incremental changes and then as full-text changes, each timed from sending
 * the change to the publish that answers it.
 *
 * The edits type an `x` after a `bytes:` number (making it a string, a schema type mistake) and
 * the full-sync pass deletes those characters again. So every change alters the diagnostics of the
 * line it touches, which lets a server that publishes no version be matched to the change, and
 * lets each answer be checked: the edited line's diagnostic must end where the line now ends (or be
 * gone), and the count of schema findings must equal the mistakes in the text.
 */
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import type { PublishDiagnosticsParams } from "vscode-languageserver-protocol";
import type { Contender, Reflects } from "./contenders";
import { editableLines } from "./generate";

export interface Session {
  open: number;
  incremental: number[];
  full: number[];
  /** Schema findings and all diagnostics published for the opened text. */
  schemaFindings: number;
  diagnostics: number;
  /** Answers whose schema findings differ from the mistakes in the text, or that do not show their edit. */
  wrong: number;
  /** Publishes for the document beyond one per change. */
  extra: number;
  peakRssMiB: number;
}

const TYPED = "x";
const ANSWER_TIMEOUT_MS = 180_000;

/** The edited line's diagnostic ends where the line ends when it has typed characters, and is gone when it has none. */
function showsLine(line: number, content: string): Reflects {
  const typed = content.endsWith(TYPED);
  return (publish) => {
    const onLine = publish.diagnostics.filter((d) => d.range.start.line === line);
    return typed ? onLine.some((d) => d.range.end.line === line && d.range.end.character === content.length) : onLine.length === 0;
  };
}

/**
 * `baselineMistakes` is the number of schema mistakes in `text` (from ajv); each typed character
 * adds one while its line keeps it.
 */
export async function runSession(
  contender: Contender,
  root: string,
  text: string,
  edits: number,
  baselineMistakes: number,
): Promise<Session> {
  const server = await contender.start(pathToFileURL(root).toString());
  const lineCount = text.split("\n").length - 1;
  const uri = pathToFileURL(path.join(root, `generated-${lineCount}.dataset.yaml`)).toString();
  let publishes = 0;
  server.client.onDiagnostics((p) => {
    if (p.uri === uri) publishes++;
  });

  const lines = text.split("\n");
  const typedLines = new Set<number>();
  let wrong = 0;
  const check = (publish: PublishDiagnosticsParams, reflects: Reflects) => {
    const findings = publish.diagnostics.filter((d) => contender.isSchemaFinding(d)).length;
    if (!reflects(publish) || findings !== baselineMistakes + typedLines.size) wrong++;
  };

  let version = 1;
  const opened = server.publishFor(uri, version, () => true, ANSWER_TIMEOUT_MS);
  const openStart = performance.now();
  await server.client.open(uri, "yaml", text, version);
  const first = await opened;
  const open = performance.now() - openStart;
  check(first, () => true);

  const targets = editableLines(text);
  const pick = (i: number) => targets[Math.floor(((i + 0.5) * targets.length) / edits) % targets.length];
  const timeChange = async (line: number, send: () => Promise<void>): Promise<number> => {
    version++;
    const reflects = showsLine(line, lines[line]);
    const answered = server.publishFor(uri, version, reflects, ANSWER_TIMEOUT_MS);
    const start = performance.now();
    await send();
    const publish = await answered;
    const elapsed = performance.now() - start;
    check(publish, reflects);
    return elapsed;
  };

  const incremental: number[] = [];
  for (let i = 0; i < edits; i++) {
    const line = pick(i);
    const end = { line, character: lines[line].length };
    lines[line] += TYPED;
    typedLines.add(line);
    incremental.push(await timeChange(line, () => server.client.changeRange(uri, version, { start: end, end }, TYPED)));
  }
  const full: number[] = [];
  for (let i = 0; i < edits; i++) {
    const line = pick(i);
    lines[line] = lines[line].slice(0, -TYPED.length);
    if (!lines[line].endsWith(TYPED)) typedLines.delete(line);
    full.push(await timeChange(line, () => server.client.changeFull(uri, version, lines.join("\n"))));
  }

  const peakRssMiB = server.peakRssMiB();
  await server.stop();
  return {
    open,
    incremental,
    full,
    schemaFindings: first.diagnostics.filter((d) => contender.isSchemaFinding(d)).length,
    diagnostics: first.diagnostics.length,
    wrong,
    extra: publishes - (1 + 2 * edits),
    peakRssMiB,
  };
}
