// Knowledge-pack views the dashboard's actor page and network need and the store does not keep:
// an actor's aliases and memberships, and every membership link between actors.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Knowledge } from '../../knowledge/types.ts';

export interface MembershipLink {
  member: string;
  group: string;
  from: string | null;
  to: string | null;
}

export interface ActorProfileOptions {
  packs?: string[];
}

/** Every membership in the packs, one link per (member, group, period). */
export function membershipLinks(k: Knowledge): MembershipLink[] {
  return [...k.actors.values()].flatMap((a) => a.memberOf.map((m) => ({ member: a.id, group: m.id, from: m.from ?? null, to: m.to ?? null })));
}

export async function actorProfileRoutes(app: FastifyInstance, opts: ActorProfileOptions): Promise<void> {
  // Loading the packs takes about a second: do it on the first request, not at start-up.
  let knowledge: Promise<Knowledge> | undefined;
  const load = () => (knowledge ??= import('../../knowledge/index.ts').then((m) => m.loadKnowledge(opts.packs ?? [])));

  app.get('/api/actors/:id', { schema: { tags: ['actors'], params: z.object({ id: z.string().min(1).max(200) }) } }, async (req, reply) => {
    const { id } = req.params as { id: string };
    const k = await load();
    const actor = k.actors.get(id);
    if (!actor) return reply.code(404).send({ error: 'not_found', message: `no actor with id ${id} in the knowledge packs` });
    const { describeActor } = await import('../../knowledge/index.ts');
    const names = (ids: string[]) => Object.fromEntries(ids.map((x) => [x, k.actors.get(x)?.name ?? x]));
    const view = describeActor(k, actor);
    const members = membershipLinks(k).filter((l) => l.group === id);
    return { ...view, members, names: names([...view.memberships.map((m) => m.id), ...members.map((m) => m.member)]) };
  });

  app.get('/api/memberships', { schema: { tags: ['actors'] } }, async () => {
    const items = membershipLinks(await load());
    return { items, total: items.length };
  });
}
