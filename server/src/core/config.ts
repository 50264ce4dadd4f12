import picomatch from "picomatch";
import { isDataFormat, type DataFormat } from "./data-formats";
import type { ParsedTree } from "./parse/tree";
import { isRecord, joinPointer } from "./pointer";
import { isKnownRule, RULES } from "./rules/catalog";
import { parseMaxWalltime, suggestWalltime } from "./rules/walltime";
import type { Severity } from "./types";

export type Profile = "dev" | "release";
export type RuleSetting = Severity | "off";

export interface PartitionSpec {
  readonly maxWalltime?: string;
  readonly gpus?: boolean;
}

/** `genesis.config.yaml` (docs/configuration.md), normalised: every field present, invalid parts dropped. */
export interface GenesisConfig {
  readonly profile: Profile;
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly ignore: readonly string[];
  /**
   * `limits.maxDocumentMegabytes` in bytes: a larger document gets only its header checked (see
   * host/size-limit.ts); undefined: the default.
   */
  readonly maxDocumentBytes?: number;
  readonly site: {
    /** Allowed image registries; empty means any. */
    readonly registries: readonly string[];
    readonly partitions: Readonly<Record<string, PartitionSpec>>;
    /**
     * Formats this site counts as standard for `data.formats`, beside the defaults of
     * data-formats.ts; absent: none. Only the formats a distribution may declare are kept.
     */
    readonly standardFormats?: readonly DataFormat[];
  };
}

export const DEFAULT_CONFIG: GenesisConfig = Object.freeze({
  profile: "dev",
  rules: Object.freeze({}),
  ignore: Object.freeze([]),
  site: Object.freeze({ registries: Object.freeze([]), partitions: Object.freeze({}), standardFormats: Object.freeze([]) }),
});

const SETTINGS: readonly string[] = ["error", "warning", "info", "off"];

/** Keeps what is usable from a parsed config, even when parts of it are invalid. */
export function normaliseConfig(tree: ParsedTree): GenesisConfig {
  const raw = isRecord(tree.value) ? tree.value : {};
  const rules: Record<string, RuleSetting> = {};
  if (isRecord(raw.rules)) {
    for (const [id, setting] of Object.entries(raw.rules)) {
      if (isKnownRule(id) && typeof setting === "string" && SETTINGS.includes(setting)) rules[id] = setting as RuleSetting;
    }
  }
  const site = isRecord(raw.site) ? raw.site : {};
  const partitions: Record<string, PartitionSpec> = {};
  if (isRecord(site.partitions)) {
    for (const [name, spec] of Object.entries(site.partitions)) {
      if (!isRecord(spec)) continue;
      partitions[name] = {
        maxWalltime: typeof spec.maxWalltime === "string" || typeof spec.maxWalltime === "number" ? String(spec.maxWalltime) : undefined,
        gpus: typeof spec.gpus === "boolean" ? spec.gpus : undefined,
      };
    }
  }
  const limits = isRecord(raw.limits) ? raw.limits : {};
  const megabytes =
    typeof limits.maxDocumentMegabytes === "number" && limits.maxDocumentMegabytes > 0 ? limits.maxDocumentMegabytes : undefined;
  return {
    profile: raw.profile === "release" ? "release" : "dev",
    maxDocumentBytes: megabytes === undefined ? undefined : Math.round(megabytes * 1_000_000),
    rules,
    ignore: stringList(raw.ignore),
    site: {
      registries: stringList(site.registries),
      partitions,
      standardFormats: [...new Set(stringList(site.standardFormats).filter(isDataFormat))],
    },
  };
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** Rule ids named in the config that the catalog does not know, with where they are. */
export function unknownRuleIds(tree: ParsedTree): string[] {
  const raw = isRecord(tree.value) ? tree.value : {};
  return isRecord(raw.rules) ? Object.keys(raw.rules).filter((id) => !isKnownRule(id)) : [];
}

/**
 * The partitions' `maxWalltime` values that are neither a Slurm form nor a Flux duration (see
 * parseMaxWalltime), each with its pointer and, when the text is recognisably a time, its Slurm form.
 * Such a limit cannot be compared with, so the config file reports it rather than skipping it unsaid.
 */
export function unreadableMaxWalltimes(tree: ParsedTree): { pointer: string; value: string; suggestion?: string }[] {
  const raw = isRecord(tree.value) ? tree.value : {};
  const partitions = isRecord(raw.site) && isRecord(raw.site.partitions) ? raw.site.partitions : {};
  return Object.entries(partitions).flatMap(([name, spec]) => {
    // Another type is the schema's to report.
    if (!isRecord(spec) || typeof spec.maxWalltime !== "string" || parseMaxWalltime(spec.maxWalltime) !== undefined) return [];
    const pointer = joinPointer(joinPointer("/site/partitions", name), "maxWalltime");
    return [{ pointer, value: spec.maxWalltime, suggestion: suggestWalltime(spec.maxWalltime) }];
  });
}

export const ALL_RULE_IDS: readonly string[] = RULES.map((r) => r.id);

/** A predicate for the config's ignore globs, matched against workspace-relative POSIX paths. */
export function ignoreMatcher(config: GenesisConfig): (path: string) => boolean {
  if (config.ignore.length === 0) return () => false;
  const match = picomatch(config.ignore as string[], { dot: true });
  return (path) => match(path);
}
