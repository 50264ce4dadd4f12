import type { Engine } from "../core/index";
import { analyseFile, type AnalysisSettings, type CandidateFile, type FileOutcome } from "./file-outcome";

/** Every file's outcome, in the files' order, analysed on this thread one at a time. */
export function* analyseInProcess(files: readonly CandidateFile[], engine: Engine, settings: AnalysisSettings): Generator<FileOutcome> {
  for (const file of files) yield analyseFile(file, engine, settings);
}
