import {
  fail,
  minutesDocument,
  minutesOf,
  minutesTime,
  ok,
  type Actor,
  type AppError,
  type ExportFile,
  type Meeting,
  type Minutes,
  type Order,
  type Party,
  type Result,
} from '@core';
import type { Deps } from '../../runtime/deps';
import { refuseWrite } from '../../runtime/rate-limit';

/** The roundtable is the community's: its supervisors call it; the property's dispatchers read its minutes. */
const mayRead = (actor: Actor) => actor.role === 'supervisor' || actor.role === 'dispatcher';

/** The community's roundtable meetings, latest first. */
export async function listMeetings(deps: Deps, actor: Actor): Promise<Result<{ items: Meeting[] }, AppError>> {
  if (!mayRead(actor)) return fail('AUTH.FORBIDDEN');
  const items = await deps.store.listRefs('meetings', actor.user.communityId);
  return ok({ items: [...items].sort((a, b) => b.at - a.at) });
}

export interface MeetingInput {
  readonly compoundId: string;
  readonly title: string;
  readonly at: number;
  readonly place: string;
  readonly attendees: Readonly<Record<Party, string>>;
}

/** The supervisor calls a 圆桌会议 of the five parties for a compound; 诉求 join its agenda by being routed to it. */
export async function createMeeting(deps: Deps, actor: Actor, input: MeetingInput): Promise<Result<{ meeting: Meeting }, AppError>> {
  if (actor.role !== 'supervisor') return fail('AUTH.FORBIDDEN');
  const limited = refuseWrite(deps.limits, actor.user.id, deps.now());
  if (limited) return limited;
  const compound = await deps.store.getRef('compounds', input.compoundId);
  if (!compound || compound.communityId !== actor.user.communityId) return fail('JOIN.PLACE_NOT_FOUND');
  const now = deps.now();
  const meeting: Meeting = {
    id: deps.newId('m'),
    communityId: compound.communityId,
    compoundId: compound.id,
    title: input.title.trim(),
    at: input.at,
    place: input.place.trim(),
    attendees: input.attendees,
    createdBy: actor.user.id,
    createdAt: now,
  };
  await deps.store.putRefs('meetings', [meeting]);
  return ok({ meeting });
}

/** Every 诉求 on a meeting's agenda (routed to it), oldest change first. */
async function agendaOf(deps: Deps, meeting: Meeting): Promise<Order[]> {
  const out: Order[] = [];
  let cursor: string | null = null;
  do {
    const page = await deps.store.listOrders(
      { kind: 'community', communityId: meeting.communityId },
      { kind: 'grievance', meetingId: meeting.id },
      { limit: 50, cursor, sort: 'oldest' },
    );
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/** A meeting's minutes: who attended for each party, and each item's decision and progress. */
export async function minutes(deps: Deps, actor: Actor, meetingId: string): Promise<Result<Minutes, AppError>> {
  if (!mayRead(actor)) return fail('AUTH.FORBIDDEN');
  const meeting = await deps.store.getRef('meetings', meetingId);
  if (!meeting || meeting.communityId !== actor.user.communityId) return fail('MEETING.NOT_FOUND');
  return ok(minutesOf(meeting, await agendaOf(deps, meeting)));
}

/** The minutes as a document to print or file (HTML: a PDF from the browser's print, or opened in Word). */
export async function exportMinutes(deps: Deps, actor: Actor, meetingId: string): Promise<Result<ExportFile, AppError>> {
  const m = await minutes(deps, actor, meetingId);
  if (!m.ok) return m;
  const community = await deps.store.getRef('communities', m.value.meeting.communityId);
  const html = minutesDocument(m.value, community?.name ?? '');
  const day = minutesTime(m.value.meeting.at).split(' ')[0];
  return ok({ filename: `圆桌会议纪要-${day}.html`, mime: 'text/html; charset=utf-8', base64: Buffer.from(html, 'utf8').toString('base64') });
}
