import { storage } from '@/api';
import { createStore, useStore } from './store';

const elder = createStore<boolean>(storage.getElder());

/** 长辈模式: larger text everywhere and a shorter order form; remembered on this device. */
export function useElderMode(): [boolean, (on: boolean) => void] {
  const on = useStore(elder);
  return [
    on,
    (next: boolean) => {
      storage.setElder(next);
      elder.set(next);
    },
  ];
}
