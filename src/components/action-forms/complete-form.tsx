import { useState } from 'react';
import { View } from '@tarojs/components';
import { LIMITS } from '@core';
import { PhotoPicker } from '@/components/photos';
import { usePhotoUploads } from '@/hooks/usePhotoUploads';
import { Field, LongText, SubmitRow, useActionSubmit, type FormProps } from './parts';

/** 完工上报: what was done, with photos as evidence. */
export function CompleteForm(p: FormProps<'complete'>) {
  const [notes, setNotes] = useState('');
  const photos = usePhotoUploads(LIMITS.photos);
  const { errors, submit } = useActionSubmit(p.action, p.onSubmit);
  return (
    <View>
      <Field label="完成情况" error={errors.notes}>
        <LongText value={notes} onChange={setNotes} max={LIMITS.notes} placeholder="做了什么、换了什么、居民需要注意什么" />
      </Field>
      <Field label="现场照片（最多9张）" error={errors.photos}>
        <PhotoPicker uploads={photos} max={LIMITS.photos} />
      </Field>
      <SubmitRow
        label={photos.busy ? '照片上传中…' : p.submitLabel}
        busy={p.busy}
        disabled={photos.busy}
        error={errors._ ?? (photos.failed ? '有照片没有传上去，请重试或删除' : undefined)}
        onClick={() => void submit({ notes: notes.trim(), photos: photos.fileIds })}
      />
    </View>
  );
}
