import { assertNever } from './result';
import type { Actor } from './actor';
import type { Order } from './order';

/** 138****5678: enough to recognise, not enough to call. */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** 2单元301 → 2单元***: the building stays visible, the door does not. */
export function maskDoor(door: string): string {
  const unit = door.match(/^(.*?单元)/);
  return unit ? `${unit[1]}***` : '***';
}

/**
 * Who needs the resident's phone and door (PIPL: only those who need them): the household itself,
 * the property dispatcher who sends someone, the worker who holds the order. The supervisor calls
 * back for 回访, so sees the phone, but not the door. Pool workers see neither until they grab it.
 */
export function contactAccess(order: Order, actor: Actor): { phone: boolean; door: boolean } {
  switch (actor.role) {
    case 'resident':
    case 'dispatcher':
      return { phone: true, door: true };
    case 'worker': {
      const mine = order.assignment?.mode === 'member' && order.assignment.workerId === actor.user.id;
      return { phone: mine, door: mine };
    }
    case 'supervisor':
      return { phone: true, door: false };
    case 'admin':
      return { phone: false, door: false };
    default:
      return assertNever(actor.role);
  }
}

/** The order as this actor may see it: contact details masked where not needed. */
export function redactOrder(order: Order, actor: Actor): Order {
  const access = contactAccess(order, actor);
  if (access.phone && access.door) return order;
  return {
    ...order,
    contactPhone: access.phone ? order.contactPhone : maskPhone(order.contactPhone),
    address: access.door ? order.address : { ...order.address, door: maskDoor(order.address.door) },
  };
}
