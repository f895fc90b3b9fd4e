import { Image, Text, View } from '@tarojs/components';
import { photoUrl } from '@/api';
import { previewPhotos } from '@/api/device';
import type { PhotoUploads } from '@/hooks/usePhotoUploads';
import './index.scss';

/** Stored photos as thumbnails; tap to see them full screen. */
export function PhotoGrid({ fileIds }: { readonly fileIds: readonly string[] }) {
  if (fileIds.length === 0) return null;
  const urls = fileIds.map(photoUrl);
  return (
    <View className="photo-grid">
      {urls.map((url) => (
        <Image key={url} className="photo-thumb" src={url} mode="aspectFill" onClick={() => previewPhotos(urls, url)} />
      ))}
    </View>
  );
}

const STATUS_TEXT = { uploading: '上传中…', failed: '失败，点此重试', done: '' } as const;

/** Picks and uploads photos; shows each one's progress, with remove and retry. */
export function PhotoPicker({ uploads, max }: { readonly uploads: PhotoUploads; readonly max: number }) {
  return (
    <View className="photo-grid">
      {uploads.slots.map((s) => (
        <View key={s.key} className="photo-slot">
          <Image className="photo-thumb" src={s.tempPath} mode="aspectFill" />
          {s.status !== 'done' ? (
            <View className={`photo-status ${s.status}`} onClick={() => s.status === 'failed' && uploads.retry(s.key)}>
              <Text>{STATUS_TEXT[s.status]}</Text>
            </View>
          ) : null}
          <View className="photo-remove" onClick={() => uploads.remove(s.key)}>
            <Text>删除</Text>
          </View>
        </View>
      ))}
      {uploads.canAdd ? (
        <View className="photo-add" onClick={() => void uploads.add()}>
          <Text className="photo-add-plus">＋</Text>
          <Text className="photo-add-text">
            添加照片 {uploads.slots.length}/{max}
          </Text>
        </View>
      ) : null}
    </View>
  );
}
