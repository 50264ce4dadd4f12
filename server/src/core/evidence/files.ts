import type { GenesisDocument } from "../document";
import { nearest } from "../nearest";
import { joinPointer } from "../pointer";
import type { Report } from "../rules/context";
import type { FileTarget } from "./targets";
import type { EvidenceMap, EvidenceRequest, FileEvidence, ReadFailure } from "./types";

/**
 * `integrity/file-missing`, `repro/lockfile`, `governance/policy-missing`: a named file does not
 * exist. `integrity/checksum-mismatch`: its SHA-256 differs from the declared one (an error), or
 * could not be computed (a warning: the file is there but its integrity is not verified).
 * A link that leads out of the workspace is `path/outside-workspace`: it is never read.
 */
export function checkFiles(
  document: GenesisDocument,
  targets: readonly FileTarget[],
  requests: ReadonlyMap<string, EvidenceRequest>,
  evidence: EvidenceMap,
  report: (r: Report) => void,
): void {
  for (const target of targets) {
    const found = evidence.get(target.path);
    if (!found) continue; // not gathered (cancelled, or io rules off)
    if (found.status === "missing") {
      reportMissing(document, target, found.nearby ?? [], report);
    } else if (found.status === "outside-workspace") {
      report({
        rule: "path/outside-workspace",
        pointer: target.pointer,
        message:
          `"${target.declared}" ${found.reason}, so it is not read; ${target.role} must lie inside the workspace: ` +
          "move or copy it in, or name it by its https: URL where the position allows one.",
      });
    } else if (requests.get(target.path)?.sha256 && target.item) {
      checkDigest(target, found, report);
    }
  }
}

function reportMissing(document: GenesisDocument, target: FileTarget, nearby: readonly string[], report: (r: Report) => void): void {
  const name = target.declared.replace(/\\/g, "/").replace(/\/+$/, "");
  const base = name.slice(name.lastIndexOf("/") + 1);
  const suggestion =
    base === ""
      ? undefined
      : nearest(
          base,
          nearby.filter((n) => n !== base),
        );
  const replacement = suggestion === undefined ? undefined : name.slice(0, name.length - base.length) + suggestion;
  // At the workspace root the document's folder is the root, and a leading "/" changes nothing: said once.
  const relativeTo = document.path.includes("/")
    ? `this document's folder "${document.path.slice(0, document.path.lastIndexOf("/") + 1)}", ` +
      'or to the workspace root when they start with "/"'
    : "the workspace root, where this document is";
  const where = target.path === target.declared ? "" : ` (${target.path} from the workspace root)`;
  const hint = replacement !== undefined ? ` Did you mean "${replacement}"?` : "";
  const remedy = REMEDIES_BY_POSITION[target.position] ?? REMEDIES[target.rule];
  report({
    rule: target.rule,
    pointer: target.pointer,
    message: `${subject(target.role)} "${target.declared}" does not exist${where}.${hint} ${remedy}; paths are relative to ${relativeTo}.`,
    data: { resolved: target.path, ...(replacement !== undefined ? { replacement } : {}) },
  });
}

const REMEDIES: Readonly<Record<FileTarget["rule"], string>> = {
  "integrity/file-missing": "Correct the path or add the file",
  "repro/lockfile":
    "Commit the lockfile that pins this environment " +
    "(conda-lock.yml, poetry.lock, uv.lock, requirements.txt with hashes...) or correct the path",
  "governance/policy-missing": "Add the file or correct the path",
};

/**
 * What to do, where the files one rule reports differ in what they are: `governance/policy-missing`
 * covers a policy, the binder, a CI workflow, diagrams and an audit log, and each says what it is.
 */
const REMEDIES_BY_POSITION: Readonly<Record<string, string>> = {
  "/access/policy":
    "Add the file (the access policy: who may use the data, in which roles and for how long; it belongs in the governance binder) " +
    "or correct the path",
  "/governance/binder": "Add the governance binder (the folder or index of the project's policies, SOPs and approvals) or correct the path",
  "/ci/workflow":
    "Add the file (the workflow your CI system runs for this pipeline: .github/workflows/*.yml, .gitlab-ci.yml or a Jenkinsfile) " +
    "or correct the path",
  "/docs/dataFlowDiagram": "Add the file (a diagram of where data enters the system, moves and leaves) or correct the path",
  "/docs/architectureDiagram": "Add the file (a diagram of the system's components and how they connect) or correct the path",
  "/audit/log":
    "Add the file (the log each run writes its accesses and actions to) or correct the path; " +
    "a log kept outside the workspace is named by its URI",
};

function checkDigest(
  target: FileTarget,
  found: Exclude<FileEvidence, { status: "missing" } | { status: "outside-workspace" }>,
  report: (r: Report) => void,
): void {
  const declared = String(target.item!.value.sha256);
  const pointer = joinPointer(target.item!.pointer, "sha256");
  const unverified = (why: string) =>
    report({
      rule: "integrity/checksum-mismatch",
      pointer,
      severity: "warning",
      message:
        `The sha256 of "${target.declared}" could not be verified: ${why}. ` +
        `Check the file by hand ("sha256sum ${target.path}") or make it readable.`,
    });
  if (found.status === "unreadable") return unverified(found.reason);
  if (found.kind === "folder") return unverified(`"${target.declared}" is a folder, and a sha256 is the digest of one file`);
  const failure: ReadFailure | undefined = found.failures?.sha256;
  if (failure) return unverified(failure.reason);
  if (found.sha256 === undefined || found.sha256 === declared) return;
  const declaredBytes = target.item!.value.bytes;
  const sizes =
    typeof declaredBytes === "number" && declaredBytes !== found.size
      ? ` The file has ${found.size} bytes; the document says ${declaredBytes}.`
      : "";
  report({
    rule: "integrity/checksum-mismatch",
    pointer,
    message:
      `"${target.declared}" does not match its sha256: declared ${declared}, but the file's SHA-256 is ${found.sha256}.${sizes} ` +
      "If the file changed on purpose, write the new digest (and publish a new version); otherwise restore the file.",
    data: { expected: declared, actual: found.sha256, replacement: found.sha256 },
  });
}

/** "the lockfile" -> "The lockfile"; "a distribution file" -> "The distribution file". */
export function subject(role: string): string {
  const definite = role.replace(/^(?:a|an) /, "the ");
  return definite[0].toUpperCase() + definite.slice(1);
}
