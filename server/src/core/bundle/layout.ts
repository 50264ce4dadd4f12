/**
 * Where things lie in a submission bundle (docs/bundles.md). The crate root is the workspace root:
 * every document and every file it names keeps its workspace-relative path, so that the paths the
 * documents hold still resolve inside the bundle. What the bundle adds lies beside them, in
 * `ro-crate-metadata.json` and under one reserved folder that no workspace file may occupy.
 */

/** The RO-Crate metadata document, at the crate root as RO-Crate 1.2 requires. */
export const METADATA_FILE = "ro-crate-metadata.json";
/** The folder of what the bundle adds: reports, waivers, the signed statement. */
export const BUNDLE_FOLDER = "genesis-bundle";
export const REPORT_HTML_FILE = `${BUNDLE_FOLDER}/readiness-report.html`;
export const REPORT_JSON_FILE = `${BUNDLE_FOLDER}/readiness-report.json`;
export const WAIVERS_FILE = `${BUNDLE_FOLDER}/waivers.json`;
/** The DSSE envelope of the in-toto statement; present only in a signed bundle. */
export const STATEMENT_FILE = `${BUNDLE_FOLDER}/statement.dsse.json`;

/** True for a workspace path the bundle's own files would collide with. */
export function isReservedPath(path: string): boolean {
  return path === METADATA_FILE || path === BUNDLE_FOLDER || path.startsWith(`${BUNDLE_FOLDER}/`);
}

/**
 * A path as a bundle may hold it: relative, `/`-separated, with no empty, `.` or `..` segment and
 * no backslash (a zip entry or a metadata `@id` that could point outside the bundle is refused).
 */
export function isSafeBundlePath(path: string): boolean {
  if (path === "" || path.startsWith("/") || path.includes("\\") || path.includes("\0")) return false;
  return path.split("/").every((segment) => segment !== "" && segment !== "." && segment !== "..");
}
