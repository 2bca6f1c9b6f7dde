/** The Unity Catalog rule family; the checks live in databricks/ucAnalyzer.ts, over snapshot or live metadata. */
import type { RuleMeta } from '../types';
import { unmaskedPhiColumn } from './unmaskedPhiColumn';

export const UC_RULES: readonly RuleMeta[] = [unmaskedPhiColumn];
export { unmaskedPhiColumn };
