import type { ActionInput, ActionType, Millis, Order } from '@core';
import { DISPATCHER, SUPERVISOR } from './data';

/**
 * The vocabulary the demo month's stories are written in: a step is one of the core's own actions
 * with its own input type (`ActionInput<A>`), so a step whose input does not fit its action does not
 * compile. Who may take a step, and which worker may be given an order, is left to the core: the
 * runner asks it rather than knowing the rules.
 */

/**
 * Who takes a step: a named user; whoever the core's table lets take it now (the worker holding the
 * order); or a member of a team, tried in the order of the team's preference until the core accepts.
 */
export type StepActor = { readonly user: string } | { readonly holder: true } | { readonly memberOf: string };

/** One action at one moment. */
export interface StepOf<A extends ActionType> {
  readonly at: Millis;
  readonly action: A;
  readonly by: StepActor;
  /**
   * The input, made from the order as it is when the step runs and, for a step that gives the order
   * to a worker (`picks`), the member being tried.
   */
  readonly input: (order: Order, member: string | null) => ActionInput<A>;
  /** The team whose members are tried in turn, as the input's worker, until the core accepts one. */
  readonly picks?: string;
}

/** A step of any action: the union keeps each step's action and input together. */
export type Step = { [A in ActionType]: StepOf<A> }[ActionType];

/** What a resident books: the service, for which household, in their words, for when. */
export interface Booking {
  readonly service: string;
  readonly household: string;
  readonly text: string;
  readonly window: { readonly from: Millis; readonly to: Millis };
}

/** One order's story: when it is placed, what is booked, and every step after. */
export interface Story {
  readonly key: string;
  readonly placedAt: Millis;
  readonly booking: Booking;
  readonly steps: readonly Step[];
}

const user = (id: string): StepActor => ({ user: id });
const HOLDER: StepActor = { holder: true };

/** A step, with its input checked against its action: given as it is, or made when the step runs. */
export function step<A extends ActionType>(at: Millis, action: A, by: StepActor, input: ActionInput<A> | StepOf<A>['input'], picks?: string): StepOf<A> {
  // No action's input is a function, so a function is the maker.
  const make = (typeof input === 'function' ? input : () => input) as StepOf<A>['input'];
  return picks === undefined ? { at, action, by, input: make } : { at, action, by, input: make, picks };
}

/** The shorthand stories are written in, one builder per thing a person does. */
export const act = {
  /** To the team's pool. */
  dispatchPool: (at: Millis, teamId: string) => step(at, 'dispatch', user(DISPATCHER), { teamId, workerId: null }),
  /** To one member: named, or the first of the team the core lets take it. */
  dispatchMember: (at: Millis, teamId: string, workerId: string | null = null) =>
    workerId
      ? step(at, 'dispatch', user(DISPATCHER), { teamId, workerId })
      : step(at, 'dispatch', user(DISPATCHER), (_o, member) => ({ teamId, workerId: member }), teamId),
  /** A pool order grabbed: by the named worker, or by the first teammate the core lets grab it. */
  grab: (at: Millis, teamId: string, workerId: string | null = null) => step(at, 'grab', workerId ? user(workerId) : { memberOf: teamId }, {}),
  accept: (at: Millis) => step(at, 'accept', HOLDER, {}),
  decline: (at: Millis, reason: string) => step(at, 'decline', HOLDER, { reason }),
  start: (at: Millis) => step(at, 'start', HOLDER, {}),
  complete: (at: Millis, notes: string) => step(at, 'complete', HOLDER, { notes, photos: [] }),
  confirm: (at: Millis, by: string, stars: readonly [number, number, number], comment: string) =>
    step(at, 'confirm', user(by), { attitude: stars[0], timeliness: stars[1], quality: stars[2], comment }),
  urge: (at: Millis, by: string) => step(at, 'urge', user(by), {}),
  /** 改约: the resident moves the booking to [from, to]. */
  reschedule: (at: Millis, by: string, [from, to]: readonly [Millis, Millis], reason: string) =>
    step(at, 'reschedule', user(by), { timeWindow: { from, to }, reason }),
  /** The worker holding it proposes another time; the order then waits on the resident. */
  proposeTime: (at: Millis, reason: string, [from, to]: readonly [Millis, Millis]) => step(at, 'propose_time', HOLDER, { timeWindow: { from, to }, reason }),
  acceptTime: (at: Millis, by: string) => step(at, 'accept_time', user(by), {}),
  cancel: (at: Millis, by: string, reason: string) => step(at, 'cancel', user(by), { reason }),
  rework: (at: Millis, by: string, reason: string) => step(at, 'rework', user(by), { reason }),
  complain: (at: Millis, by: string, text: string) => step(at, 'complain', user(by), { text }),
  refuse: (at: Millis, reason: string, redirect: string) => step(at, 'refuse', user(DISPATCHER), { reason, redirect }),
  /** To another member of the team: the first the core accepts (it refuses the one who holds it). */
  reassign: (at: Millis, teamId: string, reason: string) =>
    step(at, 'reassign', user(DISPATCHER), (_o, member) => ({ teamId, workerId: member, reason }), teamId),
  instruct: (at: Millis, to: 'dispatcher' | 'worker', text: string, dueInHours: number) => step(at, 'instruct', user(SUPERVISOR), { text, to, dueInHours }),
  /** Replies to the 督办 still awaiting an answer: as the dispatcher, or as the worker holding the order. */
  reply: (at: Millis, as: 'dispatcher' | 'worker', text: string) =>
    step(at, 'reply', as === 'dispatcher' ? user(DISPATCHER) : HOLDER, (o) => ({ seq: unanswered(o.instructions), text })),
  /** Answers the complaint still open. */
  answer: (at: Millis, text: string) => step(at, 'answer', user(SUPERVISOR), (o) => ({ seq: unanswered(o.complaints), text })),
  revisit: (at: Millis, reached: boolean, satisfied: boolean | null, notes: string) => step(at, 'revisit', user(SUPERVISOR), { reached, satisfied, notes }),
  reopen: (at: Millis, reason: string) => step(at, 'reopen', user(SUPERVISOR), { reason }),
};

/** The sequence number of the one entry still without an answer; a story that replies to nothing is a mistake in the script. */
function unanswered(entries: readonly { readonly seq: number; readonly answer: unknown }[]): number {
  const open = entries.filter((e) => !e.answer);
  if (open.length !== 1) throw new Error(`demo month: a reply needs exactly one entry awaiting it, found ${open.length}`);
  return open[0]!.seq;
}
