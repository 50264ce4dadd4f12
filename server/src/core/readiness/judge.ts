import type { Diagnostic } from "../types";
import { pacer, type Steps } from "./steps";
import { quickFix, type ReadinessContext } from "./context";
import { contradictingErrors, type ReadinessDoc } from "./readiness-doc";
import { MAX_EVIDENCE, type ReadinessEvidence, type ReadinessFix, type ReadinessStatus } from "./model";

/**
 * How a readiness item comes to its outcome: the subjects it judges, each with its evidence, and
 * the wording of the reason that counts them.
 */

/** Plural-aware count: `count(2, "manifest")` is "2 manifests". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** A value as a message shows it: a string as it is, anything else as JSON. */
export function showValue(value: unknown): string {
  return typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
}

/** A short list of names for a reason: `a, b, c and 2 more`. */
export function names(list: readonly string[], shown = 3): string {
  if (list.length <= shown) return list.length === 2 ? `${list[0]} and ${list[1]}` : list.join(", ");
  return `${list.slice(0, shown).join(", ")} and ${list.length - shown} more`;
}

/**
 * One thing an item judges (a document, a distribution, a step): its status is the worst of what
 * was found about it, and its evidence says why.
 */
export class Subject {
  status: "pass" | "warn" | "fail" = "pass";
  readonly evidence: ReadinessEvidence[] = [];
  /** The first problem's diagnostic, for a quick fix. */
  diagnostic?: { doc: ReadinessDoc; diagnostic: Diagnostic };

  constructor(readonly label: string) {}

  /**
   * Records evidence; a `warn` or `fail` piece lowers the subject's status. Passing evidence on a
   * node with an error at or below it is not recorded: the errors are, and fail the subject (docs/checklist.md#how-an-item-is-decided).
   */
  add(evidence: ReadinessEvidence): this {
    const contradicted = contradictingErrors(evidence);
    if (contradicted) return this.addDiagnostics(contradicted.doc, contradicted.errors);
    this.evidence.push(evidence);
    if (evidence.status === "fail") this.status = "fail";
    else if (evidence.status === "warn" && this.status === "pass") this.status = "warn";
    return this;
  }

  /** Records a diagnostic as evidence (an error fails, anything milder warns), once. */
  addDiagnostic(doc: ReadinessDoc, diagnostic: Diagnostic): this {
    for (let i = 0; i < this.evidence.length; i++) {
      const e = this.evidence[i];
      if (
        e.rule === diagnostic.rule &&
        e.path === doc.path &&
        e.span?.start === diagnostic.span.start &&
        e.span?.end === diagnostic.span.end
      )
        return this;
    }
    this.diagnostic ??= { doc, diagnostic };
    return this.add(doc.diagnosticEvidence(diagnostic));
  }

  /** `addDiagnostic` for each of a list. */
  addDiagnostics(doc: ReadinessDoc, diagnostics: readonly Diagnostic[]): this {
    for (let i = 0; i < diagnostics.length; i++) this.addDiagnostic(doc, diagnostics[i]);
    return this;
  }

  /**
   * Records the errors at or below a node of the document (a value a rule found wrong: an enum, a
   * type, a form), and says whether there were any. Items read these instead of judging the value.
   */
  addErrorsAt(doc: ReadinessDoc, pointer: string): boolean {
    const errors = doc.errorsAtOrBelow(pointer);
    this.addDiagnostics(doc, errors);
    return errors.length > 0;
  }

  /** True once something made the subject warn or fail. */
  get hasProblem(): boolean {
    return this.status !== "pass";
  }
}

/**
 * A value the item cannot use (a path that leaves the workspace, a wrong type): the errors the
 * rules found at or below it, else `message` as a failure there.
 */
export function failAt(subject: Subject, doc: ReadinessDoc, pointer: string, message: string): void {
  if (!subject.addErrorsAt(doc, pointer)) subject.add(doc.evidence(pointer, message, "fail"));
}

/** What one item decided: everything but its id, title and criterion. */
export interface ItemOutcome {
  readonly status: ReadinessStatus;
  readonly reason: string;
  /** In the order listed; when `evidenceCount` is set, at least the first MAX_EVIDENCE of them. */
  readonly evidence: readonly ReadinessEvidence[];
  /** How many pieces there are in all, when `evidence` holds only the first ones. */
  readonly evidenceCount?: number;
  readonly fix?: ReadinessFix;
}

export function notApplicable(reason: string, fix?: ReadinessFix): ItemOutcome {
  return { status: "n/a", reason, evidence: [], fix };
}

/** A phrase that follows a count, for one thing and for several: ["has", "have"]. */
export type Phrase = readonly [string, string];

/** How an item words its counts: "2 of 5 manifests {fail}", "All 5 manifests {pass}". */
export interface Wording {
  /** Singular and plural of what is counted ("manifest", "manifests"). */
  readonly noun: Phrase;
  readonly pass: Phrase;
  readonly warn: Phrase;
  readonly fail: Phrase;
}

/** How many subjects' labels a reason names before "and N more". */
const NAMES_SHOWN = 3;

/**
 * The subjects of an item, taken in order as they are judged: what `judge` needs of them (the
 * counts, the first few labels and pieces of evidence of each status, the first failing and warning
 * subject), without keeping them all. A large workspace's item judges tens of thousands of subjects;
 * kept until the end, they and their evidence would outlive every young collection.
 *
 * A subject is read when the next one is added, or when the item is judged: an item adds a
 * subject as it starts on it, and records its evidence after.
 */
export class Tally {
  private pending?: Subject;
  private counted = 0;
  failing = 0;
  warning = 0;
  evidenceCount = 0;
  firstFailing?: Subject;
  firstWarning?: Subject;
  readonly failingLabels: string[] = [];
  readonly warningLabels: string[] = [];
  /** The first MAX_EVIDENCE pieces of each status, in subject order. */
  readonly failed: ReadinessEvidence[] = [];
  readonly warned: ReadinessEvidence[] = [];
  readonly passed: ReadinessEvidence[] = [];

  add(subject: Subject): this {
    this.settle();
    this.pending = subject;
    return this;
  }

  /** Every subject added, the one still being judged included. */
  get length(): number {
    return this.counted + (this.pending ? 1 : 0);
  }

  /** Reads the subject added last: it is complete. */
  settle(): this {
    const subject = this.pending;
    if (!subject) return this;
    this.pending = undefined;
    this.counted++;
    if (subject.status === "fail") {
      if (this.failing++ < NAMES_SHOWN) this.failingLabels.push(subject.label);
      this.firstFailing ??= subject;
    } else if (subject.status === "warn") {
      if (this.warning++ < NAMES_SHOWN) this.warningLabels.push(subject.label);
      this.firstWarning ??= subject;
    }
    const evidence = subject.evidence;
    this.evidenceCount += evidence.length;
    for (let i = 0; i < evidence.length; i++) {
      const e = evidence[i];
      const list = e.status === "fail" ? this.failed : e.status === "warn" ? this.warned : this.passed;
      if (list.length < MAX_EVIDENCE) list.push(e);
    }
    return this;
  }
}

/** `list.map(f)` into a tally, with a pause point every few elements (steps.ts). */
export function* tallyInSteps<T>(list: readonly T[], f: (element: T) => Subject): Steps<Tally> {
  const tally = new Tally();
  const pause = pacer();
  for (let i = 0; i < list.length; i++) {
    tally.add(f(list[i]));
    if (pause()) yield;
  }
  return tally.settle();
}

/**
 * The outcome over subjects: the worst status of any subject; a reason that counts the subjects
 * at that status and names the first few; the evidence of every subject, worst first (the
 * first MAX_EVIDENCE pieces, with the count of all).
 */
export function judge(subjects: Tally, wording: Wording, fix?: (worst: Subject | undefined) => ReadinessFix | undefined): ItemOutcome {
  const { failing, warning, failed, warned, passed } = subjects.settle();
  const status: "pass" | "warn" | "fail" = failing ? "fail" : warning ? "warn" : "pass";
  const [one, many] = wording.noun;
  const total = subjects.length;
  const noun = total === 1 ? one : many;
  let reason: string;
  if (status === "pass")
    reason = total === 1 ? `The ${one} ${wording.pass[0]}.` : `${total === 2 ? "Both" : `All ${total}`} ${many} ${wording.pass[1]}.`;
  else {
    const n = status === "fail" ? failing : warning;
    const phrase = (status === "fail" ? wording.fail : wording.warn)[n === 1 ? 0 : 1];
    const also = status === "fail" && warning ? ` (${warning} more ${warning === 1 ? "warns" : "warn"})` : "";
    const labels = status === "fail" ? subjects.failingLabels : subjects.warningLabels;
    const named = n <= NAMES_SHOWN ? names(labels, NAMES_SHOWN) : `${labels.join(", ")} and ${n - NAMES_SHOWN} more`;
    reason = `${n} of ${total} ${noun} ${phrase}: ${named}${also}.`;
  }
  const evidence = failed.length === 0 && warned.length === 0 ? passed : firstOf(MAX_EVIDENCE, failed, warned, passed);
  const worst = subjects.firstFailing ?? subjects.firstWarning;
  return {
    status,
    reason,
    evidence,
    evidenceCount: subjects.evidenceCount,
    fix: fix?.(worst) ?? (worst?.diagnostic ? quickFix(worst.diagnostic.doc, worst.diagnostic.diagnostic) : undefined),
  };
}

/** The first `n` items of the lists, one after the other. */
function firstOf<T>(n: number, ...lists: T[][]): T[] {
  const first: T[] = [];
  for (const list of lists) for (let i = 0; i < list.length && first.length < n; i++) first.push(list[i]);
  return first;
}

/** Counts "is"/"are" style verbs: `verb(1, "has", "have")`. */
export function verb(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/** One item of docs/checklist.md: how it is named, and how it is decided. */
export interface ReadinessCheck {
  readonly id: string;
  readonly title: string;
  /** The "passes when" text of docs/checklist.md. */
  readonly criterion: string;
  /**
   * Set for items that need files other than the documents' text; in an untrusted workspace the
   * item is `n/a` with the reason "workspace not trusted: {needsFiles}".
   */
  readonly needsFiles?: string;
  /**
   * Set for items that need the contents of data files (checksums); where they are never read (see
   * ReadinessInput.dataFilesUnread) the item is `n/a` with the reason "not verified {where}: {readsData}".
   */
  readonly readsData?: string;
  /** In steps (steps.ts): a pause point at least every few documents, so that a large workspace is judged in slices. */
  evaluate(context: ReadinessContext): Steps<ItemOutcome>;
}
