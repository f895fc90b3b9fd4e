import Taro from '@tarojs/taro';
import type { ApiError } from '@/api';

/** A short success note; long texts use no icon so WeChat shows them in full. */
export function toastOk(title: string): void {
  void Taro.showToast({ title, icon: [...title].length <= 7 ? 'success' : 'none', duration: 2000 });
}

/** A failure the user must read: a toast for short texts, a dialog for longer ones. */
export function showFailure(error: ApiError, title = '没有成功'): void {
  if ([...error.message].length <= 14) {
    void Taro.showToast({ title: error.message, icon: 'none', duration: 3000 });
  } else {
    void Taro.showModal({ title, content: error.message, showCancel: false, confirmText: '知道了' });
  }
}

/** Asks before something that cannot be undone; resolves to whether the user agreed. */
export async function confirmAction(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  try {
    const res = await Taro.showModal({ title, content, confirmText, cancelText: '再想想', confirmColor: '#c8161d' });
    return res.confirm;
  } catch {
    return false;
  }
}

/** Tells the user something and waits until they have read it. */
export async function notice(title: string, content: string): Promise<void> {
  try {
    await Taro.showModal({ title, content, showCancel: false, confirmText: '知道了', confirmColor: '#c8161d' });
  } catch {
    // dismissed
  }
}

/** Problems the user fixes in the open form (a field, a photo to upload again, a member who is full): shown there, not in a toast. */
export const isFormProblem = (e: ApiError): boolean =>
  e.code === 'INPUT.INVALID' ||
  e.code === 'FILE.NOT_FOUND' ||
  e.code === 'ORDER.REASON_REQUIRED' ||
  e.code === 'ORDER.SAME_ASSIGNEE' ||
  e.code === 'INSTRUCTION.NOT_DISPATCHED' ||
  e.code.startsWith('WORKER.') ||
  e.code.startsWith('TEAM.');
