/**
 * The one place the Databricks rule families and analyzers join the engine. Imported by engine/index.ts; it
 * loads only offline modules (the SDK is required lazily, by the live lookups, never from here).
 */
import { registerAnalyzer } from '../engine/analyzers';
import { CLUSTER_RULES } from '../engine/rules/cluster';
import { UC_RULES } from '../engine/rules/uc';
import { registerRules } from '../engine/rules/registry';
import { clusterCodeAnalyzer, clusterConfigAnalyzer } from './clusterAnalyzer';
import { ucAnalyzer } from './ucAnalyzer';

registerRules([...CLUSTER_RULES, ...UC_RULES]);
registerAnalyzer(clusterConfigAnalyzer);
registerAnalyzer(clusterCodeAnalyzer);
registerAnalyzer(ucAnalyzer);
