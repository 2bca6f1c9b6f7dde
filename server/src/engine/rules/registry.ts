/** The one place rules are registered: every face reads rule metadata from here. */
import type { RegionKind } from '../model';
import { comment } from './phi/comment';
import { embeddedIdentifier } from './phi/embeddedIdentifier';
import { markdown } from './phi/markdown';
import { output } from './phi/output';
import { title } from './phi/title';
import { widget } from './phi/widget';
import type { PhiRule, RuleMeta } from './types';

export const PHI_RULES: readonly PhiRule[] = [embeddedIdentifier, comment, markdown, title, output, widget];

const extraRules: RuleMeta[] = [];

/** Lets other rule families (Unity Catalog, cluster) add their metadata once, at module load. */
export function registerRules(rules: readonly RuleMeta[]): void {
  for (const rule of rules) if (!extraRules.some((r) => r.id === rule.id)) extraRules.push(rule);
}

export function allRules(): readonly RuleMeta[] {
  return [...PHI_RULES, ...extraRules];
}

export function findRule(id: string): RuleMeta | undefined {
  return allRules().find((r) => r.id === id);
}

const byRegion = new Map<RegionKind, PhiRule>(PHI_RULES.map((r) => [r.regionKind, r]));

export function phiRuleFor(region: RegionKind): PhiRule {
  const rule = byRegion.get(region);
  if (!rule) throw new Error(`no PHI rule for region ${region}`);
  return rule;
}
