import type { PartitionSpec } from "../config";
import { listOf, nearest } from "../nearest";
import { isRecord, joinPointer, select, type Selected } from "../pointer";
import type { DocumentCheck, RuleContext } from "./context";
import { isMemoryForm, memoryMessage, suggestMemory } from "./memory";
import { parseMaxWalltime, parseWalltime, suggestWalltime, walltimeSyntax, type WalltimeSyntax } from "./walltime";

/** Every walltime of a pipeline: the scheduler's job limit and each step's. */
function walltimes(value: Readonly<Record<string, unknown>>): Selected[] {
  return [...select(value, "/scheduler/walltime"), ...select(value, "/steps/*/resources/walltime")];
}

/** `scheduler/walltime`: each walltime is in a form of the pipeline's scheduler (the schema leaves its form to this check). */
export const walltimeCheck: DocumentCheck = {
  name: "scheduler-walltime",
  reports: ["scheduler/walltime"],
  kinds: ["PipelineConfig"],
  check({ value, report }) {
    const schedulerType = isRecord(value.scheduler) ? value.scheduler.type : undefined;
    const syntax = walltimeSyntax(schedulerType);
    for (const { pointer, value: walltime } of walltimes(value)) {
      // The schema gives walltimes no type, so a list, a mapping or null is reported here too.
      if ((typeof walltime === "string" || typeof walltime === "number") && parseWalltime(walltime, syntax) !== undefined) continue;
      report({ rule: "scheduler/walltime", pointer, ...walltimeProblem(walltime, syntax, schedulerType) });
    }
  },
};

function walltimeProblem(
  walltime: unknown,
  syntax: WalltimeSyntax,
  schedulerType: unknown,
): { message: string; data?: Record<string, unknown> } {
  const suggestion = typeof walltime === "string" ? suggestWalltime(walltime, syntax) : undefined;
  const bare = syntax.scheduler === "flux" ? "a number of seconds" : `a whole number of ${syntax.bareNumber}`;
  const why =
    typeof walltime !== "string" && typeof walltime !== "number"
      ? ` A walltime is a string such as "${syntax.examples.fourHours}" (or ${bare}).`
      : typeof walltime === "number"
        ? ` A number is read as ${syntax.bareNumber} and must be ${syntax.scheduler === "flux" ? "a number" : "a whole number"} ` +
          "of 0 or more."
        : suggestion && syntax.fields(walltime)
          ? syntax.rangeHint
          : "";
  const example = ` (e.g. "${syntax.examples.fourHours}" for four hours, "${syntax.examples.twoDays}" for two days)`;
  const written = suggestion ? `: "${suggestion}"` : example;
  return {
    message:
      `Walltime ${JSON.stringify(walltime) ?? String(walltime)} is not ${syntax.name === "LSF" ? "an" : "a"} ${syntax.name} ` +
      `time limit${schedulerNote(syntax, schedulerType)}.${why} Write it as ${syntax.formsText}${written}.`,
    data: suggestion ? { replacement: suggestion } : undefined,
  };
}

/** Why these forms: the pipeline's scheduler, named unless it is Slurm or none. */
function schedulerNote(syntax: WalltimeSyntax, schedulerType: unknown): string {
  if (syntax.scheduler !== "slurm") return ` (the pipeline's scheduler.type is ${syntax.scheduler})`;
  const borrowed = schedulerType === "kubernetes" || schedulerType === "local";
  return borrowed ? ` (the form used when scheduler.type is ${schedulerType})` : "";
}

/**
 * `schema/pattern` for `steps[].resources.memory`: the schema gives memory only its type and leaves
 * the form to this check, which knows the forms of the pipeline's scheduler (see memory.ts).
 */
export const memoryCheck: DocumentCheck = {
  name: "scheduler-memory",
  reports: ["schema/pattern"],
  kinds: ["PipelineConfig"],
  check({ value, report }) {
    const schedulerType = isRecord(value.scheduler) ? value.scheduler.type : undefined;
    for (const { pointer, value: memory } of select(value, "/steps/*/resources/memory")) {
      if (typeof memory !== "string" || isMemoryForm(memory, schedulerType)) continue; // another type is schema/type
      const suggestion = suggestMemory(memory, schedulerType);
      report({
        rule: "schema/pattern",
        pointer,
        message: memoryMessage(memory, schedulerType, suggestion),
        data: suggestion ? { replacement: suggestion } : undefined,
      });
    }
  },
};

/**
 * `scheduler/partition`, when genesis.config.yaml lists the site's partitions: the pipeline's
 * partition exists, no walltime is above its maximum, and no step asks for GPUs it does not have.
 * An unknown partition with a near match (`CPU` for `cpu`) is judged against that match, and the
 * messages say so; without one, the message says that its limits could not be checked.
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
    const written = scheduler.partition;
    const known = Object.prototype.hasOwnProperty.call(partitions, written);
    const partition = known ? written : nearest(written, names);
    if (!known) {
      context.report({
        rule: "scheduler/partition",
        pointer: "/scheduler/partition",
        message:
          `Partition "${written}" is not one of the site's partitions (site.partitions in genesis.config.yaml): ${listOf(names)}.` +
          (partition
            ? ` Did you mean "${partition}"? Its walltime limit and GPUs are checked as if it were meant.`
            : " The walltimes and GPUs cannot be checked against an unknown partition's limits."),
        data: { nearest: partition, allowed: names },
      });
    }
    if (partition === undefined) return;
    const judged: JudgedPartition = { name: partition, shown: known ? `partition "${partition}"` : assumed(partition, written) };
    const spec = partitions[partition];
    checkMaxWalltime(context, judged, spec, walltimeSyntax(scheduler.type));
    if (spec.gpus === false) checkGpus(context, judged);
  },
};

/** The partition the limits come from, and how messages name it. */
interface JudgedPartition {
  readonly name: string;
  readonly shown: string;
}

function assumed(partition: string, written: string): string {
  return `partition "${partition}" (assumed for the unknown "${written}")`;
}

function checkMaxWalltime(context: RuleContext, partition: JudgedPartition, spec: PartitionSpec, syntax: WalltimeSyntax): void {
  const max = parseMaxWalltime(spec.maxWalltime);
  if (max === undefined) return; // no limit configured, or one the config check reports
  const maxText = syntax.format(max);
  // Slurm reads a time limit of 0 as "no limit", which is above any maximum.
  const unlimited = (seconds: number) => seconds === 0 && syntax.scheduler === "slurm";
  for (const { pointer, value } of walltimes(context.value)) {
    const seconds = parseWalltime(value, syntax);
    if (seconds === undefined) continue; // scheduler/walltime reports it
    if (!unlimited(seconds) && seconds <= max) continue;
    const requested = unlimited(seconds) ? `${JSON.stringify(value)} (no limit, as Slurm reads 0)` : JSON.stringify(value);
    const longer = Object.entries(context.config.site.partitions)
      .filter(
        ([name, other]) => name !== partition.name && !unlimited(seconds) && (parseMaxWalltime(other.maxWalltime) ?? Infinity) >= seconds,
      )
      .map(([name]) => name);
    context.report({
      rule: "scheduler/partition",
      pointer,
      message:
        `Walltime ${requested} is above the ${maxText} maximum of ${partition.shown} (site.partitions in genesis.config.yaml). ` +
        `Request at most ${maxText}${longer.length ? `, or use a partition that allows it: ${listOf(longer)}` : ""}.`,
      data: { partition: partition.name, maxWalltime: maxText, partitions: longer },
    });
  }
}

function checkGpus(context: RuleContext, partition: JudgedPartition): void {
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
        `but ${partition.shown} has none (site.partitions in genesis.config.yaml); ${remedy}.`,
      data: { partition: partition.name, partitions: gpuPartitions },
    });
  });
}

export const schedulerChecks: readonly DocumentCheck[] = [walltimeCheck, memoryCheck, partitionCheck];
