import { useContext } from 'react';
import type { Tool } from '@cocrea/shared';
import { AgendaContext } from './AgendaContext';

/**
 * Whether the server locks `tool` now, so the UI offers no edit it would refuse. Unknown (offline, before the
 * first agenda) counts as open: edits made then are kept and the server decides when they arrive.
 */
export function useToolLocked(tool: Tool): boolean {
  return useContext(AgendaContext)?.snapshot?.locks[tool].locked ?? false;
}
