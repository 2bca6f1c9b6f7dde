/** The engine's public surface, for the CLI, the language server and tests. */
export * from './model';
export * from './config';
export { scanBytes, scanText, scanDocument, isScannablePath, type ScanOptions, type ScanResult } from './scan';
export { CATEGORY_LABELS } from './categories';
export { allRules, findRule, PHI_RULES, registerRules } from './rules/registry';
export type { RuleMeta, PhiRule } from './rules/types';
export { findDirectives, type SuppressionDirective } from './suppression';
export { LineIndex, OffsetMap } from './positions';
export { ScanInputError } from './formats/errors';
export { registerAnalyzer, analyzersFor, type FileAnalyzer, type AnalyzerInput } from './analyzers';
export { isPhiScannable, extensionOf } from './formats/support';
import '../databricks/register';
