import { Router } from 'express';
import { createMemberSchema, updateMemberSchema } from '@cocrea/shared';
import { hashPassword } from '../../auth/passwords';
import { generateId } from '../../auth/tokens';
import { requireAdmin } from '../auth';
import { actingMemberId, requireStl, type StlAuthOptions } from '../stlAuth';
import { parseBody } from '../validate';
import { emailTaken, memberNotFound, refuseOwnAccount } from './accountChecks';

/**
 * `/api/stl/members`: the team. The admin token makes the first member (and any, for scripts); members list the
 * team and change another member's role or access.
 */
export function membersRouter(options: StlAuthOptions): Router {
  const { store, adminToken } = options;
  const router = Router();

  router.post('/members', async (req, res) => {
    requireAdmin(req, adminToken);
    const input = parseBody(createMemberSchema, req.body);
    const member = await store.addMember({
      id: generateId(),
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      createdAt: new Date().toISOString(),
    });
    if (!member) throw emailTaken();
    res.status(201).json({ member });
  });

  router.get('/members', async (req, res) => {
    await requireStl(req, options);
    res.set('cache-control', 'no-store').json({ members: await store.listMembers() });
  });

  router.patch('/members/:id', async (req, res) => {
    const actor = await requireStl(req, options);
    const { role, active } = parseBody(updateMemberSchema, req.body);
    refuseOwnAccount(actor, req.params.id, 'No puede cambiar el rol ni el acceso de su propia cuenta');
    const disabledAt = active === undefined ? undefined : active ? null : new Date().toISOString();
    const member = await store.updateMember(String(req.params.id), { role, disabledAt, by: actingMemberId(actor) });
    if (!member) throw memberNotFound();
    res.json({ member });
  });

  return router;
}
