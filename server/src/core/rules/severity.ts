import type { GenesisConfig } from "../config";
import type { Finding, Severity } from "../types";
import { ruleInfo } from "./catalog";

/**
 * A finding's effective severity (docs/rules.md#severity): the catalog's (or the rule's own, for rules whose
 * severity depends on the case), raised to error by the `release` profile for R rules, then the
 * configuration's override. The engine, the checklist and every report read this one function.
 */
export function resolveSeverity(finding: Pick<Finding, "rule" | "severity">, config: GenesisConfig): Severity | "off" {
  const override = config.rules[finding.rule];
  if (override) return override;
  const info = ruleInfo(finding.rule);
  const severity = finding.severity ?? info?.severity ?? "error";
  return config.profile === "release" && info?.raisedInRelease && severity === "warning" ? "error" : severity;
}
