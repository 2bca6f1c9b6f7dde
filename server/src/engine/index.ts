/** The engine's public surface, for the CLI, the language server and tests. */
export * from './model';
export * from './config';
export { scanBytes, scanText, scanDocument, type ScanOptions, type ScanResult } from './scan';
export { CATEGORY_LABELS } from './categories';
export { allRules, findRule, PHI_RULES, registerRules } from './rules/registry';
export type { RuleMeta, PhiRule } from './rules/types';
export { findDirectives, type SuppressionDirective } from './suppression';
export { LineIndex, OffsetMap } from './positions';
export { ScanInputError } from './formats/errors';
