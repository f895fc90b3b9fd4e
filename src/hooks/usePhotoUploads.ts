import { useCallback, useRef, useState } from 'react';
import { LIMITS, checkPickedPhoto } from '@core';
import { asApiError, uploadPhoto } from '@/api';
import { pickPhotos } from '@/api/device';
import { showFailure } from './feedback';
import { loadSession } from './useSession';

export interface PhotoSlot {
  readonly key: string;
  readonly tempPath: string;
  /** The extension its check found (jpg, png, webp). */
  readonly ext: string;
  readonly fileId: string | null;
  readonly status: 'uploading' | 'done' | 'failed';
}

export interface PhotoUploads {
  readonly slots: readonly PhotoSlot[];
  readonly fileIds: string[];
  readonly busy: boolean;
  readonly failed: boolean;
  readonly canAdd: boolean;
  readonly add: () => Promise<void>;
  readonly remove: (key: string) => void;
  readonly retry: (key: string) => void;
  readonly reset: () => void;
}

/** Photos for an order or a completion report: picked, uploaded at once, at most LIMITS.photos. */
export function usePhotoUploads(max: number = LIMITS.photos): PhotoUploads {
  const [slots, setSlots] = useState<readonly PhotoSlot[]>([]);
  const seq = useRef(0);

  const patch = (key: string, change: Partial<PhotoSlot>) => setSlots((old) => old.map((s) => (s.key === key ? { ...s, ...change } : s)));

  // biome-ignore lint/correctness/useExhaustiveDependencies: patch only calls the stable state setter
  const upload = useCallback(async (key: string, tempPath: string, ext: string) => {
    patch(key, { status: 'uploading' });
    try {
      // The photo goes into the uploader's own folder; the functions refuse anyone else's.
      const session = await loadSession();
      if (!session) throw new Error('no session');
      const fileId = await uploadPhoto(tempPath, session.user.id, ext);
      patch(key, { status: 'done', fileId });
    } catch (e) {
      patch(key, { status: 'failed' });
      showFailure(asApiError(e), '照片没有传上去');
    }
  }, []);

  const add = useCallback(async () => {
    const picked = await pickPhotos(max - slots.length);
    // Type and size are checked before anything is sent: a refused photo costs no upload.
    const checked = picked.map((p) => ({ p, check: checkPickedPhoto({ path: p.name, size: p.size, mime: p.mime }) }));
    const refused = checked.find((c) => !c.check.ok)?.check;
    if (refused && !refused.ok) showFailure(asApiError(refused.error), '有照片不能上传');
    const fresh = checked.flatMap(({ p, check }) =>
      check.ok ? [{ key: `p${++seq.current}`, tempPath: p.tempPath, ext: check.value.ext, fileId: null, status: 'uploading' as const }] : [],
    );
    if (fresh.length === 0) return;
    setSlots((old) => [...old, ...fresh].slice(0, max));
    fresh.forEach((s) => void upload(s.key, s.tempPath, s.ext));
  }, [max, slots.length, upload]);

  return {
    slots,
    fileIds: slots.flatMap((s) => (s.status === 'done' && s.fileId ? [s.fileId] : [])),
    busy: slots.some((s) => s.status === 'uploading'),
    failed: slots.some((s) => s.status === 'failed'),
    canAdd: slots.length < max,
    add,
    remove: (key) => setSlots((old) => old.filter((s) => s.key !== key)),
    retry: (key) => {
      const slot = slots.find((s) => s.key === key);
      if (slot) void upload(key, slot.tempPath, slot.ext);
    },
    reset: () => setSlots([]),
  };
}
