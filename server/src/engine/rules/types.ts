import type { FixKind, RegionKind, Severity } from '../model';

/** Rule metadata every face shows: the CLI's SARIF rules, the server's hovers, docs/rules/<id>.md. */
export interface RuleMeta {
  /** Stable id, e.g. `phi/comment`; never renamed once released. */
  readonly id: string;
  readonly title: string;
  readonly defaultSeverity: Severity;
  /** One sentence, shown in SARIF `shortDescription` and hovers. */
  readonly summary: string;
  /** Markdown: What it does / Why is this bad / Example / Use instead. Examples hold no realistic values. */
  readonly docs: string;
}

/** A PHI rule reports identifiers found in one kind of region. */
export interface PhiRule extends RuleMeta {
  readonly regionKind: RegionKind;
  /** Describes where the value was found, for messages: "in a comment". */
  readonly where: string;
  readonly fixes: readonly FixKind[];
}
