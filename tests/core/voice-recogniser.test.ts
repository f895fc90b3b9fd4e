import { describe, expect, it } from 'vitest';
import { findRecogniser, type Recogniser } from '../../src/resident/pages/create/voice-recogniser';

/**
 * The elder mode's microphone (按住说话) shows only when the build declared 微信同声传译 AND WeChat
 * hands over its recognition manager; the component draws nothing when this finds none.
 */
const manager: Recogniser = { start: () => undefined, stop: () => undefined };
const plugin = (name: string) => {
  if (name !== 'WechatSI') throw new Error(`plugin ${name} not declared`);
  return { getRecordRecognitionManager: () => manager };
};

describe('the voice input’s recogniser', () => {
  it('is the plugin’s manager in weapp when the plugin is declared', () => {
    expect(findRecogniser({ platform: 'weapp', declared: true, requirePlugin: plugin })).toBe(manager);
  });

  it.each([
    ['the build did not declare the plugin', { platform: 'weapp', declared: false, requirePlugin: plugin }],
    ['in H5', { platform: 'h5', declared: true, requirePlugin: plugin }],
    ['WeChat has no requirePlugin', { platform: 'weapp', declared: true, requirePlugin: undefined }],
    [
      'requirePlugin throws (the plugin not added for this AppID)',
      {
        platform: 'weapp',
        declared: true,
        requirePlugin: () => {
          throw new Error('plugin not found');
        },
      },
    ],
    ['the plugin lacks the manager', { platform: 'weapp', declared: true, requirePlugin: () => ({ getRecordRecognitionManager: () => ({}) }) }],
  ])('is none, so no microphone, when %s', (_, setting) => {
    expect(findRecogniser(setting)).toBeNull();
  });
});
