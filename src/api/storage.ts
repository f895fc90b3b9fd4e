import Taro from '@tarojs/taro';
import { ROLES, type Role } from '@core';

/** What the app remembers on this device, and nothing else. */
const KEYS = { devUser: 'rp.devUser', role: 'rp.role', elder: 'rp.elder', community: 'rp.community' } as const;

function read(key: string): string {
  try {
    const value: unknown = Taro.getStorageSync(key);
    return typeof value === 'string' ? value : '';
  } catch {
    return '';
  }
}
function write(key: string, value: string): void {
  try {
    if (value) Taro.setStorageSync(key, value);
    else Taro.removeStorageSync(key);
  } catch {
    // Storage full or unavailable: the app still works, it just forgets.
  }
}

/** H5 local mode: the demo user the requests are sent as. */
export const getDevUser = (): string => read(KEYS.devUser);
export function setDevUser(id: string): void {
  write(KEYS.devUser, id);
  // Another person: the community the previous one chose means nothing to them.
  write(KEYS.community, '');
}

/** The role the user last chose on the start page. */
export function getRole(): Role | null {
  const role = read(KEYS.role);
  return (ROLES as readonly string[]).includes(role) ? (role as Role) : null;
}
export const setRole = (role: Role | null): void => write(KEYS.role, role ?? '');

/** 长辈模式 as the user last set it: null when they never touched the switch (WeChat's font setting may decide). */
export function getElderChoice(): boolean | null {
  const v = read(KEYS.elder);
  return v === '1' ? true : v === '0' ? false : null;
}
export const setElder = (on: boolean): void => write(KEYS.elder, on ? '1' : '0');

/** The community a person in several acts in (社区切换); empty: the first they joined. */
export const getCommunity = (): string => read(KEYS.community);
export const setCommunity = (id: string): void => write(KEYS.community, id);
