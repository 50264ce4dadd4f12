import * as path from "node:path";
import { runWithCodeCache } from "../node/code-cache";

/**
 * The `genesis-readiness` executable (dist/cli.js): runs the command-line bundle beside it
 * (dist/cli-main.js, built from main.ts) with a code cache in dist/.cache. The cache is written
 * after a `check` or `report`, which compile what later runs need; not after `--help`.
 */
const command = process.argv[2];
runWithCodeCache(path.join(__dirname, "cli-main.js"), path.join(__dirname, ".cache"), command === "check" || command === "report");
