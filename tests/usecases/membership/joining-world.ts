import type { Envelope } from '@core';
import { FUNCTIONS } from '@backend/functions/registry';
import { useSupervisionWorld, type SupervisionWorld } from '../../supervision/harness';

/** The demo community with helpers for joining: `who` is a demo user id or a `newcomer-…` WeChat identity. */
export function useJoiningWorld() {
  const w = useSupervisionWorld();
  const raw = (who: string, event: Record<string, unknown>) => FUNCTIONS.membership(event, { devUserId: who }, w.deps) as Promise<Envelope<any>>;
  const call = (who: string, event: Record<string, unknown>) => w.call('membership', who, event);
  /** The error code a call failed with, or `ok`. */
  const codeOf = async (who: string, event: Record<string, unknown>) => {
    const reply = await raw(who, event);
    return reply.ok ? 'ok' : reply.error.code;
  };
  const admin = (event: Record<string, unknown>) => call('demo-admin', { role: 'admin', ...event });
  /** A resident's application for 阳光小区1号楼3单元502, with any field changed. */
  const applyEvent = (fields: Record<string, unknown> = {}) => ({
    action: 'apply',
    communityId: 'c-xingfuli',
    compoundId: 'cp-yangguang',
    buildingId: 'b-yg-1',
    door: '3单元502',
    name: '钱多多',
    phone: '13700001234',
    ...fields,
  });
  const applyFor = (who: string, fields: Record<string, unknown> = {}) => call(who, applyEvent(fields));
  /** The oldest application still waiting for the admin. */
  const firstPending = async () => (await admin({ action: 'applications' })).items[0] as { id: string };
  /** The admin approves the oldest waiting application. */
  const approveFirstPending = async () => admin({ action: 'decide', applicationId: (await firstPending()).id, approve: true });
  const inviteWorker = async (fields: Record<string, unknown> = {}) =>
    (await admin({ action: 'invite', memberRole: 'worker', teamId: 't-general', ...fields })).invitation as { code: string; status: string };
  return { w, raw, call, codeOf, admin, applyEvent, applyFor, firstPending, approveFirstPending, inviteWorker };
}

export type JoiningWorld = ReturnType<typeof useJoiningWorld>;
export type { SupervisionWorld };
