import type { Envelope } from '@core';
import { getDevUser } from './storage';
import { NetworkFailure, type Transport } from './transport-types';

/** The local server serves the app and the API from the same origin. */
const API = '/api';

async function send(url: string, init: RequestInit): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (e) {
    throw new NetworkFailure(e);
  }
  try {
    // Error statuses still carry an envelope; only a reply that is not JSON is a failure.
    return await res.json();
  } catch (e) {
    throw new NetworkFailure(e);
  }
}

const identity = (): Record<string, string> => {
  const user = getDevUser();
  return user ? { 'X-Dev-User': user } : {};
};

/**
 * Photos are shown only to those who may see their order, and an <img> sends no X-Dev-User header:
 * the local server reads the demo user from this same-site cookie for /api/files (and nothing else).
 */
function nameViewerForPhotos(): void {
  const user = getDevUser();
  const cookie = `rp_dev_user=${encodeURIComponent(user)}`;
  if (typeof document === 'undefined' || document.cookie.split('; ').includes(cookie)) return;
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from older webviews, and this is one plain cookie
  document.cookie = `${cookie}; path=/; SameSite=Strict`;
}

export const transport: Transport = {
  async call(name, event) {
    return (await send(`${API}/functions/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...identity() },
      body: JSON.stringify(event),
    })) as Envelope<unknown>;
  },
  async upload(tempPath) {
    let blob: Blob;
    try {
      blob = await (await fetch(tempPath)).blob();
    } catch (e) {
      throw new NetworkFailure(e);
    }
    const reply = (await send(`${API}/files`, {
      method: 'POST',
      headers: { 'Content-Type': blob.type || 'image/jpeg', ...identity() },
      body: blob,
    })) as Envelope<{ fileId: string }>;
    if (!reply.ok) throw reply.error;
    return reply.data.fileId;
  },
  fileUrl: (fileId) => {
    if (/^(https?:|blob:|data:)/.test(fileId)) return fileId;
    nameViewerForPhotos();
    return `${API}/files/${encodeURIComponent(fileId)}`;
  },
};

/** H5 local mode only: the demo users a tester may act as. */
export async function listDevUsers(): Promise<Envelope<{ users: { id: string; name: string; roles: string[] }[] }>> {
  return (await send(`${API}/dev/users`, { method: 'GET' })) as Envelope<{ users: { id: string; name: string; roles: string[] }[] }>;
}

/** What the local server's simulated subscribe-message sender pushed, newest first (dev mode only). */
export async function listDevOutbox(): Promise<
  Envelope<{ items: { userId: string; templateId: string; page: string; data: Record<string, { value: string }>; at: number }[] }>
> {
  return (await send(`${API}/dev/outbox`, { method: 'GET' })) as Envelope<{
    items: { userId: string; templateId: string; page: string; data: Record<string, { value: string }>; at: number }[];
  }>;
}
