import type { Envelope } from '@core';
import { FUNCTIONS } from '@backend/functions/registry';
import { useSupervisionWorld } from '../../supervision/harness';

/** The demo community with the admin's `manage` calls: `admin(...)` must succeed, `codeOf(...)` names a refusal. */
export function useManageWorld() {
  const w = useSupervisionWorld();
  const raw = (who: string, event: Record<string, unknown>) => FUNCTIONS.manage(event, { devUserId: who }, w.deps) as Promise<Envelope<any>>;
  const admin = (event: Record<string, unknown>) => w.call('manage', 'demo-admin', { role: 'admin', ...event });
  const codeOf = async (event: Record<string, unknown>, who = 'demo-admin', role = 'admin') => {
    const reply = await raw(who, { role, ...event });
    return reply.ok ? 'ok' : reply.error.code;
  };
  const audit = async () =>
    (await w.call('membership', 'demo-admin', { action: 'audit', role: 'admin' })).items as {
      what: string;
      subject: string;
      detail: string;
      actorName: string;
    }[];
  const overview = () => admin({ action: 'overview' });
  return { w, raw, admin, codeOf, audit, overview };
}
