import { spanOf, type GenesisDocument } from "../document";
import { isRecord } from "../pointer";
import { findingOf, type Report } from "../rules/context";
import type { Finding } from "../types";
import { checkFiles } from "./files";
import { evidenceRequests } from "./requests";
import { checkSchemaDrift } from "./schema-drift";
import { checkSignatures } from "./signature";
import { fileTargets } from "./targets";
import type { EvidenceMap } from "./types";

/**
 * The `io` rules of docs/rules.md over one document and the facts read from the files it names (gathered by
 * the Node side for `evidenceRequests(document)`). Pure and synchronous: a path with no entry in
 * `evidence` is not judged, so a partial map (a cancelled read) gives partial findings, never
 * false "missing" ones. Suppressions and severities are applied by `Engine.checkEvidence`.
 */
export function checkEvidence(document: GenesisDocument, evidence: EvidenceMap): Finding[] {
  const root = document.tree.value;
  if (!isRecord(root)) return [];
  const targets = fileTargets(document);
  const requests = new Map(evidenceRequests(document, {}, targets).map((r) => [r.path, r]));
  const findings: Finding[] = [];
  const report = (r: Report) => findings.push(findingOf(r, (pointer, part) => spanOf(document, pointer, part)));
  checkFiles(document, targets, requests, evidence, report);
  if (document.kind === "DatasetManifest") checkSchemaDrift(root, targets, requests, evidence, report);
  if (document.kind === "ModelCard") checkSignatures(targets, requests, evidence, report);
  return findings;
}
