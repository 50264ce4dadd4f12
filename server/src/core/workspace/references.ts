import { nearest } from "../nearest";
import { placeholderProblem } from "../rules/placeholder-text";
import { kindsName } from "../rules/reference-positions";
import { KIND_NAME } from "../types";
import type { WorkspaceCheck } from "./context";
import { whereIs } from "./context";
import { kindsOf, label, versionAsWritten } from "./facts";

/**
 * `ref/unresolved` and `ref/version-mismatch`: every `id@version` names a document of a kind its
 * position accepts (a pipeline output: a dataset manifest or a model card) that exists.
 */
export const resolutionCheck: WorkspaceCheck = {
  name: "ref-resolution",
  reports: ["ref/unresolved", "ref/version-mismatch"],
  check({ facts, index, report }) {
    for (const site of facts.references) {
      if (site.version === undefined) continue; // ref/unversioned reports it as you type
      if (placeholderProblem(site.text)) continue; // a template's placeholder names no document: placeholder/value reports it
      const resolution = index.resolve(site);
      const kindName = kindsName(site.targetKinds);
      if (resolution.status === "unresolved") {
        const known = [...index.all()].filter((d) => site.targetKinds.includes(d.kind) && d.id).map((d) => d.id!);
        const close = nearest(site.id, known);
        const elsewhere = resolution.sameIdOtherKinds[0];
        const hint = elsewhere
          ? ` "${site.id}" is a ${KIND_NAME[elsewhere.kind]} (${elsewhere.path}), not a ${kindName}.`
          : close
            ? ` Did you mean "${close}"?`
            : "";
        report({
          rule: "ref/unresolved",
          pointer: site.pointer,
          message: `No ${kindName} in the workspace has the id "${site.id}".${hint}`,
          data: { id: site.id, nearest: close },
        });
      } else if (resolution.status === "version-mismatch") {
        const listed = resolution.candidates.map((c) => `${versionAsWritten(c)} in ${c.path}`).join(", ");
        const kinds = kindsName(kindsOf(resolution.candidates));
        report({
          rule: "ref/version-mismatch",
          pointer: site.pointer,
          message: `The ${kinds} "${site.id}" has no version ${site.version}; the workspace has ${listed}.`,
          data: { id: site.id, versions: resolution.versions },
        });
      }
    }
  },
};

/** `ref/duplicate-id`: no two documents of one kind share `id@version`. */
export const duplicateIdCheck: WorkspaceCheck = {
  name: "ref-duplicate-id",
  reports: ["ref/duplicate-id"],
  check({ facts, index, report }) {
    if (!facts.id) return;
    const twins = index.withId(facts.kind, facts.id).filter((other) => other.path !== facts.path && other.version === facts.version);
    if (twins.length === 0) return;
    report({
      rule: "ref/duplicate-id",
      pointer: "/id",
      message:
        `${label(facts)} is also declared by ${twins.map((t) => whereIs(t, "/id")).join(", ")}; ` +
        `each ${KIND_NAME[facts.kind]} needs its own id or version.`,
      data: { others: twins.map((t) => t.path) },
    });
  },
};
