import type { PartitionSpec } from "../config";
import { listOf, nearest } from "../nearest";
import { isRecord, joinPointer, select, type Selected } from "../pointer";
import type { DocumentCheck, RuleContext } from "./context";
import { formatWalltime, parseWalltime, suggestWalltime, WALLTIME_FORMS_TEXT } from "./walltime";

/** Every walltime of a pipeline: the scheduler's job limit and each step's. */
function walltimes(value: Readonly<Record<string, unknown>>): Selected[] {
  return [...select(value, "/scheduler/walltime"), ...select(value, "/steps/*/resources/walltime")];
}

/** `scheduler/walltime`: each walltime is in a Slurm form (the schema leaves its form to this check). */
export const walltimeCheck: DocumentCheck = {
  name: "scheduler-walltime",
  reports: ["scheduler/walltime"],
  kinds: ["PipelineConfig"],
  check({ value, report }) {
    for (const { pointer, value: walltime } of walltimes(value)) {
      // The schema gives walltimes no type, so a list, a mapping or null is reported here too.
      if ((typeof walltime === "string" || typeof walltime === "number") && parseWalltime(walltime) !== undefined) continue;
      const suggestion = typeof walltime === "string" ? suggestWalltime(walltime) : undefined;
      const why =
        typeof walltime !== "string" && typeof walltime !== "number"
          ? ' A walltime is a string such as "04:00:00" (or a whole number of minutes).'
          : typeof walltime === "number"
            ? " A number is read as minutes and must be a whole number of 0 or more."
            : suggestion && /[:-]/.test(walltime)
              ? ' Minutes and seconds after ":" are below 60, and hours after "D-" below 24.'
              : "";
      report({
        rule: "scheduler/walltime",
        pointer,
        message:
          `Walltime ${JSON.stringify(walltime) ?? String(walltime)} is not a Slurm time limit.${why} ` +
          `Write it as ${WALLTIME_FORMS_TEXT}` +
          `${suggestion ? `: "${suggestion}"` : ' (e.g. "04:00:00" for four hours, "2-00:00:00" for two days)'}.`,
        data: suggestion ? { replacement: suggestion } : undefined,
      });
    }
  },
};

/**
 * `scheduler/partition`, when genesis.config.yaml lists the site's partitions: the pipeline's
 * partition exists, no walltime is above its maximum, and no step asks for GPUs it does not have.
 */
export const partitionCheck: DocumentCheck = {
  name: "scheduler-partition",
  reports: ["scheduler/partition"],
  kinds: ["PipelineConfig"],
  check(context) {
    const partitions = context.config.site.partitions;
    const names = Object.keys(partitions);
    const scheduler = context.value.scheduler;
    if (names.length === 0 || !isRecord(scheduler) || typeof scheduler.partition !== "string") return;
    const partition = scheduler.partition;
    if (!Object.prototype.hasOwnProperty.call(partitions, partition)) {
      const suggestion = nearest(partition, names);
      context.report({
        rule: "scheduler/partition",
        pointer: "/scheduler/partition",
        message:
          `Partition "${partition}" is not one of the site's partitions (site.partitions in genesis.config.yaml): ${listOf(names)}.` +
          `${suggestion ? ` Did you mean "${suggestion}"?` : ""}`,
        data: { nearest: suggestion, allowed: names },
      });
      return;
    }
    const spec = partitions[partition];
    checkMaxWalltime(context, partition, spec);
    if (spec.gpus === false) checkGpus(context, partition);
  },
};

function checkMaxWalltime(context: RuleContext, partition: string, spec: PartitionSpec): void {
  const max = parseWalltime(spec.maxWalltime);
  if (max === undefined) return; // no limit configured, or one the config check reports
  const maxText = formatWalltime(max);
  for (const { pointer, value } of walltimes(context.value)) {
    const seconds = parseWalltime(value);
    if (seconds === undefined) continue; // scheduler/walltime reports it
    // Slurm reads a time limit of 0 as "no limit", which is above any maximum.
    if (seconds !== 0 && seconds <= max) continue;
    const requested = seconds === 0 ? `${JSON.stringify(value)} (no limit, as Slurm reads 0)` : JSON.stringify(value);
    const longer = Object.entries(context.config.site.partitions)
      .filter(([name, other]) => name !== partition && seconds !== 0 && (parseWalltime(other.maxWalltime) ?? Infinity) >= seconds)
      .map(([name]) => name);
    context.report({
      rule: "scheduler/partition",
      pointer,
      message:
        `Walltime ${requested} is above the ${maxText} maximum of partition "${partition}" (site.partitions in genesis.config.yaml). ` +
        `Request at most ${maxText}${longer.length ? `, or use a partition that allows it: ${listOf(longer)}` : ""}.`,
      data: { partition, maxWalltime: maxText, partitions: longer },
    });
  }
}

function checkGpus(context: RuleContext, partition: string): void {
  const gpuPartitions = Object.entries(context.config.site.partitions)
    .filter(([, spec]) => spec.gpus === true)
    .map(([name]) => name);
  select(context.value, "/steps/*").forEach(({ pointer, value: step }) => {
    if (!isRecord(step) || !isRecord(step.resources)) return;
    const gpus = step.resources.gpus;
    if (typeof gpus !== "number" || !(gpus > 0)) return;
    const stepName = typeof step.id === "string" ? `Step "${step.id}"` : "This step";
    const remedy = gpuPartitions.length
      ? `run the pipeline on a GPU partition (${listOf(gpuPartitions)}) or set gpus to 0`
      : "set gpus to 0";
    context.report({
      rule: "scheduler/partition",
      pointer: joinPointer(joinPointer(pointer, "resources"), "gpus"),
      message:
        `${stepName} requests ${gpus} GPU${gpus === 1 ? "" : "s"}, ` +
        `but partition "${partition}" has none (site.partitions in genesis.config.yaml); ${remedy}.`,
      data: { partition, partitions: gpuPartitions },
    });
  });
}

export const schedulerChecks: readonly DocumentCheck[] = [walltimeCheck, partitionCheck];
