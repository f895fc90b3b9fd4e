import Taro from '@tarojs/taro';

/** A file the admin picked: its name and its bytes as base64 (null when nothing was picked). */
export interface PickedFile {
  readonly name: string;
  readonly size: number;
  readonly base64: string;
}

/** In the mini-program: a file from a WeChat chat (where a community's sheet usually is). */
export async function pickSheetFile(): Promise<PickedFile | null> {
  try {
    const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] });
    const file = tempFiles[0];
    if (!file) return null;
    const base64 = Taro.getFileSystemManager().readFileSync(file.path, 'base64') as string;
    return { name: file.name, size: file.size, base64 };
  } catch {
    return null;
  }
}
