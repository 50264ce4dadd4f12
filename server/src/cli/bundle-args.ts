import type { Profile } from "../core/index";

/** `bundle [paths...] --out DIR|FILE.zip [--sign KEY]`: a submission bundle of the documents under the paths (docs/bundles.md). */
export interface BundleCommand {
  readonly kind: "bundle";
  readonly paths: readonly string[];
  readonly out: string;
  /** A PEM private key (Ed25519 or ECDSA P-256) to sign the statement with. */
  readonly sign?: string;
  readonly profile?: Profile;
  readonly root?: string;
  readonly jobs?: number;
  /** Always false: a bundle's report is judged on every rule, the `io` ones included. */
  readonly noIo: false;
}

/** `verify BUNDLE [--key PUBKEY]`: checks a bundle folder or zip offline. */
export interface VerifyCommand {
  readonly kind: "verify";
  readonly bundle: string;
  readonly key?: string;
}

export interface BundleOptionValues {
  readonly out?: string;
  readonly sign?: string;
  readonly key?: string;
  /** Already checked against the profiles. */
  readonly profile?: Profile;
  readonly root?: string;
  readonly format?: string;
  readonly output?: string;
  readonly "fail-on"?: string;
  readonly "no-io"?: boolean;
}

type Parsed = BundleCommand | VerifyCommand | { readonly kind: "usage-error"; readonly message: string };

export const BUNDLE_USAGE =
  "       genesis-readiness bundle [paths...] --out DIR|FILE.zip [--sign KEY] [--profile dev|release] [--root DIR] [--jobs N]\n" +
  "       genesis-readiness verify BUNDLE [--key PUBKEY]";

/** The options of `bundle` and `verify`; the check options that make no sense for them are refused by name. */
export function parseBundleCommand(
  command: "bundle" | "verify",
  paths: readonly string[],
  values: BundleOptionValues,
  jobs?: number,
): Parsed {
  const foreign = (["format", "output", "fail-on", "no-io"] as const).find((option) => values[option] !== undefined);
  if (foreign) return { kind: "usage-error", message: `--${foreign} applies to check and report, not to ${command}.` };
  if (command === "verify") {
    if (values.out !== undefined || values.sign !== undefined || values.profile !== undefined || values.root !== undefined)
      return { kind: "usage-error", message: "verify takes a bundle and --key only." };
    if (paths.length !== 1) return { kind: "usage-error", message: "verify takes one bundle: a folder or a .zip file." };
    if (values.key === "") return { kind: "usage-error", message: "--key needs a public key file." };
    return { kind: "verify", bundle: paths[0], ...(values.key !== undefined ? { key: values.key } : {}) };
  }
  if (values.key !== undefined) return { kind: "usage-error", message: "--key applies to verify; bundle signs with --sign KEY." };
  if (!values.out) return { kind: "usage-error", message: "bundle needs --out DIR or --out FILE.zip." };
  if (values.sign === "") return { kind: "usage-error", message: "--sign needs a private key file." };
  if (values.root === "") return { kind: "usage-error", message: "--root needs a folder." };
  return {
    kind: "bundle",
    paths: paths.length > 0 ? paths : ["."],
    out: values.out,
    ...(values.sign !== undefined ? { sign: values.sign } : {}),
    ...(values.profile !== undefined ? { profile: values.profile } : {}),
    ...(values.root !== undefined ? { root: values.root } : {}),
    ...(jobs !== undefined ? { jobs } : {}),
    noIo: false,
  };
}
