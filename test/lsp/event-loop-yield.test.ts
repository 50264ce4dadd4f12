import * as assert from "node:assert/strict";
import { createServer, connect, type Socket } from "node:net";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-languageserver/node";
import { finishInSlices, type Steps } from "../../server/src/core/index";
import { SLICE_MS, WorkScheduler, timeSlicer } from "../../server/src/lsp/scheduler";

/**
 * The server's yields against real I/O and the real vscode-jsonrpc connection: a message whose
 * bytes reach the socket while a slice runs must be handled before the next slice starts, not one
 * slice later (the reader and the connection each take an immediate to pass it on).
 */

/** A connected pair of sockets on the loopback interface. */
async function socketPair(): Promise<{ writer: Socket; reader: Socket; close(): void }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  const accepted = new Promise<Socket>((resolve) => server.once("connection", resolve));
  const writer = connect(port, "127.0.0.1");
  await new Promise<void>((resolve) => writer.once("connect", resolve));
  const reader = await accepted;
  return {
    writer,
    reader,
    close: () => {
      writer.destroy();
      reader.destroy();
      server.close();
    },
  };
}

/** Keeps the thread busy for a whole slice, as a slice of real work does. */
function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // spinning on purpose
  }
}

/**
 * Serves the messages read from `reader` with vscode-jsonrpc, as the language server does, calling
 * `handle` for each notification; returns a function that writes one notification's bytes at once
 * (a client in another process writes them while the server is busy).
 */
function serve(pair: { writer: Socket; reader: Socket }, handle: () => void): { send(): void; dispose(): void } {
  const connection = createMessageConnection(new StreamMessageReader(pair.reader), new StreamMessageWriter(pair.reader));
  connection.onNotification("test/keystroke", handle);
  connection.listen();
  const body = JSON.stringify({ jsonrpc: "2.0", method: "test/keystroke", params: {} });
  return {
    send: () => void pair.writer.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`),
    dispose: () => connection.dispose(),
  };
}

describe("a turn of the event loop (scheduler.ts EVENT_LOOP_CLOCK)", () => {
  it("a message that arrives during a checklist slice is handled before the next slice", async () => {
    const pair = await socketPair();
    try {
      const events: string[] = [];
      const client = serve(pair, () => events.push("message"));
      function* slices(): Steps<void> {
        for (let slice = 0; slice < 6; slice++) {
          events.push(`slice ${slice}`);
          if (slice === 2) client.send();
          busyFor(SLICE_MS + 1);
          yield;
        }
      }
      await finishInSlices(slices(), timeSlicer());
      assert.deepEqual(events.slice(0, 5), ["slice 0", "slice 1", "slice 2", "message", "slice 3"]);
      client.dispose();
    } finally {
      pair.close();
    }
  });

  it("an edit that arrives during a slice of fan-out runs before the next slice of fan-out", async () => {
    const pair = await socketPair();
    try {
      const events: string[] = [];
      const scheduler = new WorkScheduler((error) => assert.fail(String(error)));
      const client = serve(pair, () => scheduler.edit("file:///leaf.model.yaml", () => void events.push("edit")));
      const fanOut = Array.from({ length: 6 }, (_, item) =>
        scheduler.background(`file:///d${item}.dataset.yaml`, () => {
          events.push(`dependent ${item}`);
          if (item === 2) client.send();
          busyFor(SLICE_MS + 1);
        }),
      );
      await Promise.all(fanOut);
      await scheduler.idle();
      assert.deepEqual(events.slice(0, 5), ["dependent 0", "dependent 1", "dependent 2", "edit", "dependent 3"]);
      client.dispose();
    } finally {
      pair.close();
    }
  });
});
