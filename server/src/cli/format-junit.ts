import type { DisplayPath } from "./display-path";
import { singleLine } from "./format-text";
import type { CheckReport, ReportedDiagnostic } from "./report";

/**
 * `check --format junit`: JUnit XML for the test reports of Jenkins (the `junit` step) and GitLab
 * (`artifacts:reports:junit`). One test suite; one test case per document checked (named by its
 * path relative to the folder the check ran in, its class `genesis-readiness.<kind>`), which
 * fails with one `<failure>` per error (`type` the rule id, `message` the message, the text a
 * `path:LINE:COL: error rule message` line). Warnings and infos do not fail a test case: they are
 * listed in its `<system-out>`, one such line each. The suite's `failures` counts the documents
 * that fail. A waived finding is not listed (it is no diagnostic).
 */

export function formatJunit(report: CheckReport, options: { readonly quiet: boolean; readonly pathOf: DisplayPath }): string {
  const cases: string[] = [];
  let failing = 0;
  for (const document of report.documents) {
    const path = options.pathOf(document.path);
    const line = (d: ReportedDiagnostic) =>
      `${path}:${d.start.line + 1}:${d.start.character + 1}: ${d.severity} ${d.rule} ${singleLine(d.message)}`;
    const errors = document.diagnostics.filter((d) => d.severity === "error");
    const others = options.quiet ? [] : document.diagnostics.filter((d) => d.severity !== "error");
    if (errors.length) failing++;
    const body = [
      ...errors.map(
        (d) => `      <failure type="${attribute(d.rule)}" message="${attribute(singleLine(d.message))}">${text(line(d))}</failure>`,
      ),
      ...(others.length ? [`      <system-out>${text(others.map(line).join("\n"))}</system-out>`] : []),
    ];
    const names = `classname="genesis-readiness.${attribute(document.kind)}" name="${attribute(path)}" file="${attribute(path)}"`;
    const open = `    <testcase ${names}`;
    cases.push(body.length ? `${open}>\n${body.join("\n")}\n    </testcase>` : `${open}/>`);
  }
  const counts = `tests="${report.documents.length}" failures="${failing}" errors="0" skipped="0"`;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="genesis-readiness" ${counts}>`,
    `  <testsuite name="genesis-readiness check" ${counts}>`,
    ...cases,
    `  </testsuite>`,
    `</testsuites>`,
    "",
  ].join("\n");
}

/**
 * Characters XML 1.0 cannot hold at all (C0 controls but tab and line breaks, U+FFFE, U+FFFF, a
 * lone surrogate) become U+FFFD; a message may quote any character a document holds.
 */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 forbids
  /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function xmlChars(value: string): string {
  return value.replace(NOT_XML, "\uFFFD");
}

function text(value: string): string {
  return xmlChars(value).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Quotes and the whitespace a parser would normalise away in an attribute are written as references. */
function attribute(value: string): string {
  return text(value).replace(/"/g, "&quot;").replace(/'/g, "&apos;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;");
}
