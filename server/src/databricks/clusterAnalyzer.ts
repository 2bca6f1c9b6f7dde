/**
 * Analyzers for cluster targets: bundle YAML, cluster/job JSON specs and project.json, and cluster ids in
 * code. Pure and offline (the bundle root's variables are read from disk for included files); live clusters
 * arrive as `inputs.liveClusters`.
 */
import type { AnalyzerInput, FileAnalyzer } from '../engine/analyzers';
import type { Finding, NotebookCell } from '../engine/model';
import { CLUSTER_CHECKS, hardCodedId, resolveClusterSettings } from '../engine/rules/cluster';
import type { ClusterSettings, ClusterTarget } from '../engine/rules/cluster/types';
import { inheritedVariables } from './bundleRoot';
import { clusterIdsInCode } from './codeRefs';
import { bundleClusters, jsonClusters, type ClusterDeclarations, type ClusterIdRef } from './clusterTargets';
import { asMap, child, parseJsonTree, parseYamlTree } from './configTree';
import { parseSuppressions, plainDocument, toFindings, type Verdict } from './findings';
import { liveClustersOf, liveTarget, type LiveClusters } from './liveCluster';

export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

const BUNDLE_ROOTS = new Set(['databricks.yml', 'databricks.yaml', 'bundle.yml', 'bundle.yaml']);

export function isYamlPath(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

/** A cluster verdict with what a fix needs: the target it is about. */
export interface ClusterVerdict extends Verdict {
  readonly target: ClusterTarget;
  readonly field: string;
  readonly fixValue?: string | number | boolean;
}

export function clusterSettingsOf(input: Pick<AnalyzerInput, 'config'>): ClusterSettings {
  return resolveClusterSettings(input.config.raw.cluster);
}

/** The cluster targets declared in a config file, or undefined when it is not a bundle or cluster/job spec. */
export function declarationsIn(path: string, text: string): ClusterDeclarations | undefined {
  if (isYamlPath(path)) {
    const tree = parseYamlTree(text);
    if (!tree) return undefined;
    const root = asMap(tree.root);
    const isBundle = BUNDLE_ROOTS.has(baseName(path).toLowerCase()) || !!child(root, 'resources') || !!asMap(child(root, 'targets'));
    if (!isBundle) return undefined;
    const inherited = BUNDLE_ROOTS.has(baseName(path).toLowerCase()) || !text.includes('${var.') ? new Map() : inheritedVariables(path);
    return bundleClusters(tree, inherited);
  }
  const tree = parseJsonTree(text);
  return tree ? jsonClusters(tree, baseName(path)) : undefined;
}

/** Every rule verdict for the cluster targets of a config file: specs as written, references as fetched. */
export function clusterVerdicts(path: string, text: string, settings: ClusterSettings, live: LiveClusters): ClusterVerdict[] {
  const decls = declarationsIn(path, text);
  if (!decls) return [];
  const out: ClusterVerdict[] = [];
  for (const target of decls.specs) out.push(...checkTarget(target, settings));
  for (const ref of decls.refs) out.push(...checkRef(ref, settings, live));
  return out;
}

function checkTarget(target: ClusterTarget, settings: ClusterSettings): ClusterVerdict[] {
  const out: ClusterVerdict[] = [];
  for (const rule of CLUSTER_CHECKS) {
    for (const v of rule.check(target, settings)) {
      // A value that came from a variable is fixed where the variable is defined, not at its use.
      const fixable = v.fix !== undefined && !target.live && !target.setting(v.field)?.via;
      out.push({
        rule, start: v.at.start, end: v.at.end, message: v.message, contextKey: v.field, target, field: v.field,
        fixes: fixable ? ['fix-cluster-setting'] : [], fixValue: fixable ? v.fix?.value : undefined,
      });
    }
  }
  return out;
}

function checkRef(ref: ClusterIdRef, settings: ClusterSettings, live: LiveClusters): ClusterVerdict[] {
  const info = ref.clusterId ? live[ref.clusterId] : undefined;
  return info ? checkTarget(liveTarget(info, ref.at, ref.label), settings) : [];
}

export const clusterConfigAnalyzer: FileAnalyzer = {
  id: 'databricks/cluster-config',
  appliesTo: (path) => isYamlPath(path) || /\.json$/i.test(path),
  analyze(input: AnalyzerInput): Finding[] {
    const verdicts = clusterVerdicts(input.path, input.text, clusterSettingsOf(input), liveClustersOf(input.inputs));
    if (verdicts.length === 0) return [];
    return toFindings(verdicts, input.text, input.config, parseSuppressions(plainDocument(input.path, input.text)));
  },
};

const CODE_LANGUAGES = new Set(['python', 'scala', 'r', 'sql', 'text']);

/** Cluster ids in code cells: hard-coded-id findings, and live checks of the named clusters when available. */
export function codeClusterVerdicts(cells: readonly NotebookCell[], settings: ClusterSettings, live: LiveClusters): Verdict[] {
  const out: Verdict[] = [];
  for (const cell of cells) {
    if (cell.kind !== 'code' || !CODE_LANGUAGES.has(cell.language)) continue;
    for (const ref of clusterIdsInCode(cell.source.text)) {
      const start = cell.source.map.toFile(ref.start);
      const end = cell.source.map.toFileEnd(ref.end);
      const where = { cellIndex: cell.index, sourceOffset: ref.start };
      out.push({
        rule: hardCodedId, start, end, ...where, fixes: ['suppress'], contextKey: 'cluster_id',
        message: 'Cluster id written in code: the cluster is chosen outside the job or bundle, where policy and review apply',
      });
      const info = live[ref.clusterId];
      if (info) out.push(...checkTarget(liveTarget(info, { start, end }, 'the cluster named in code'), settings).map((v) => ({ ...v, ...where })));
    }
  }
  return out;
}

/** Each cluster id is read from one code cell's source and checked alone: the editor analyses cells one by one. */
export const clusterCodeAnalyzer: FileAnalyzer = {
  id: 'databricks/cluster-code',
  appliesTo: (path) => /\.(py|scala|r|sql|ipynb)$/i.test(path),
  cellLocal: { inputs: ['liveClusters'] },
  analyze(input: AnalyzerInput): Finding[] {
    if (!input.document) return [];
    const verdicts = codeClusterVerdicts(input.document.cells, clusterSettingsOf(input), liveClustersOf(input.inputs));
    if (verdicts.length === 0) return [];
    return toFindings(verdicts, input.document.text, input.config, parseSuppressions(input.document));
  },
};

export type { ClusterIdRef };
