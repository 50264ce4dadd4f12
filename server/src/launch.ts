/**
 * Node options for the language server process, shared by the extension's launch and by anything
 * else that starts `dist/server.js` (the test client, the benchmarks), so that what is measured is
 * what users run.
 *
 * V8 lets the heap grow to up to four times what survived the last full collection when the old
 * space may exceed 2 GiB, and to about twice below that. A server holding a 10,000-document
 * workspace keeps roughly 90 MiB alive but makes a lot of short-lived garbage in a fan-out (an edit
 * thousands of documents depend on), so the factor of four took it to 430-460 MiB; capped just
 * below 2 GiB the same run peaks near 270 MiB at the same speed (see `npm run bench`). 2 GiB is
 * still about twenty times what such a workspace needs.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ["--max-old-space-size=2047"];
