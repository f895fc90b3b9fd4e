import { describe, expect, it } from 'vitest';
import { CLOUD_PHOTO_FOLDER, MAX_PHOTO_BYTES, checkPickedPhoto, cloudPhotoPath } from '@core';

describe('a picked photo, checked in the app before it is uploaded', () => {
  it.each([
    ['wxfile://tmp_a1b2.jpg', undefined, 'jpg'],
    ['http://tmp/IMG_0001.JPEG', undefined, 'jpg'],
    ['photo.png', undefined, 'png'],
    ['photo.webp', undefined, 'webp'],
    ['blob:http://localhost:3000/5e1f', 'image/png', 'png'],
  ])('takes %s (type %s) as .%s', (path, mime, ext) => {
    expect(checkPickedPhoto({ path, size: 1000, mime })).toEqual({ ok: true, value: { ext } });
  });

  it.each([
    ['movie.mp4', undefined],
    ['scan.pdf', undefined],
    ['anim.gif', undefined],
    ['photo.heic', 'image/jpeg'],
    ['blob:http://localhost:3000/5e1f', 'text/html'],
    ['blob:http://localhost:3000/5e1f', undefined],
  ])('refuses %s (type %s) as not a photo', (path, mime) => {
    const checked = checkPickedPhoto({ path, size: 1000, mime });
    expect(!checked.ok && checked.error.code).toBe('FILE.NOT_AN_IMAGE');
  });

  it('refuses a photo over the size limit, saying the limit', () => {
    expect(checkPickedPhoto({ path: 'a.jpg', size: MAX_PHOTO_BYTES }).ok).toBe(true);
    const checked = checkPickedPhoto({ path: 'a.jpg', size: MAX_PHOTO_BYTES + 1 });
    expect(!checked.ok && checked.error).toMatchObject({ code: 'FILE.TOO_LARGE', message: '照片不能超过5MB，请换一张或截图后再传' });
  });
});

describe('where a photo goes in the CloudBase bucket', () => {
  it("is a folder of the uploader's own user id inside the photo folder", () => {
    expect(cloudPhotoPath('demo-worker', 'lq3x9k2a-4fz8w1qk', 'jpg')).toBe(`${CLOUD_PHOTO_FOLDER}/demo-worker/lq3x9k2a-4fz8w1qk.jpg`);
  });
});
