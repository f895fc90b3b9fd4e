import Taro from '@tarojs/taro';
import type { ExportFile } from '@core';

/** In the mini-program: written to the user's data folder and opened (WeChat offers to share or save it). */
export async function saveFile(file: ExportFile): Promise<void> {
  const path = `${Taro.env.USER_DATA_PATH}/${file.filename}`;
  Taro.getFileSystemManager().writeFileSync(path, file.base64, 'base64');
  if (file.filename.endsWith('.xlsx')) {
    await Taro.openDocument({ filePath: path, fileType: 'xlsx', showMenu: true });
  } else {
    await Taro.showModal({ title: '已导出', content: `文件已保存：${file.filename}`, showCancel: false, confirmText: '知道了' });
  }
}
