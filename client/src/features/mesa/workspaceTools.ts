import { lazy } from 'react';
import type { WorkspaceTab } from './WorkspaceTabs';

/*
 * The mesa's tools load on demand, each when its tab first shows: the canvas (React Flow and d3) is the largest
 * part of the mesa's code, and someone on the commitment tab never needs it. A dynamic import runs once per module,
 * so preloading and React's lazy share the same download.
 */
const loadTree = () => import('../tree/TreeWorkspace');
const loadObjectives = () => Promise.all([loadTree(), import('../objectives/ObjectivesTree')]);
const loadCommitment = () => import('../commitment/CommitmentWorkspace');

export const TreeWorkspace = lazy(() => loadTree().then((module) => ({ default: module.TreeWorkspace })));
export const ObjectivesTree = lazy(() => loadObjectives().then(([, module]) => ({ default: module.ObjectivesTree })));
export const CommitmentWorkspace = lazy(() =>
  loadCommitment().then((module) => ({ default: module.CommitmentWorkspace })),
);

const LOADERS: Record<WorkspaceTab, () => Promise<unknown>> = {
  tree: loadTree,
  objectives: loadObjectives,
  commitment: loadCommitment,
};

/** Starts downloading a tab's tool, so that it travels while the session is asked for and the socket opens. */
export function preloadTool(tab: WorkspaceTab): void {
  // A failed download is not reported here: the tab's CodeBoundary says so when it shows.
  LOADERS[tab]().catch(() => undefined);
}
