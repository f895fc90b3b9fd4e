import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS, SCHEDULED } from '@backend/functions/registry';
import { functionConfig } from '../../scripts/build-functions';
import { deployCommand, planFunctions, planProblems, readCloudbaseRc, renderTemplate } from '../../scripts/deploy/functions-plan';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rc = readCloudbaseRc(ROOT);
const byName = new Map(rc.functions.map((f) => [f.name, f]));

describe('cloudbaserc.json declares the cloud functions', () => {
  it('lists exactly the functions of the registry, each once', () => {
    const declared = rc.functions.map((f) => f.name);
    expect(new Set(declared).size).toBe(declared.length);
    expect([...declared].sort()).toEqual([...Object.keys(FUNCTIONS), ...Object.keys(SCHEDULED)].sort());
  });

  it('deploys the built bundles from cloudfunctions/, with nothing to install', () => {
    expect(rc.functionRoot).toBe('./cloudfunctions');
    for (const f of rc.functions) expect([f.name, f.handler, f.installDependency]).toEqual([f.name, 'index.main', false]);
  });

  it('gives every scheduled function a timer trigger and no called function one', () => {
    for (const f of rc.functions) {
      const timers = (f.triggers ?? []).filter((t) => t.type === 'timer');
      expect([f.name, timers.length > 0]).toEqual([f.name, f.name in SCHEDULED]);
    }
    expect(byName.get('sweep')?.triggers).toEqual([{ name: 'every-minute', type: 'timer', config: '0 * * * * * *' }]);
  });

  it('gives the sweep the longest timeout CloudBase allows, since it commits orders one after another', () => {
    expect(byName.get('sweep')?.timeout).toBe(60);
    for (const f of rc.functions) expect(f.timeout).toBeGreaterThanOrEqual(20);
  });

  it('declares runtimes, memory and timeouts that CloudBase accepts (no problem in the plan but unbuilt bundles)', () => {
    const plan = planFunctions(rc, ROOT, {}).map((f) => ({ ...f, bytes: 1 }));
    expect(planProblems(plan)).toEqual([]);
  });

  it('tells each function its environment through RP_CLOUD_ENV, filled from CLOUD_ENV at deploy time', () => {
    for (const f of rc.functions) expect(f.envVariables.RP_CLOUD_ENV).toBe('{{env.CLOUD_ENV}}');
    expect(renderTemplate('{{env.CLOUD_ENV}}', { CLOUD_ENV: 'rp-prod-1a2b' })).toBe('rp-prod-1a2b');
    expect(renderTemplate('{{env.CLOUD_ENV}}', {})).toBe('<未设置 CLOUD_ENV>');
  });
});

describe('subscribe messages', () => {
  // The functions whose commits reach people: orders (accepted, started, completed, refused, 督办) and the sweep (overdue).
  const SENDERS = ['orders', 'sweep'];
  it('gives the functions that send the template ids, filled from WX_TMPL_* at deploy time, and no other function', () => {
    for (const f of rc.functions) {
      const ids = { WX_TMPL_ORDER_PROGRESS: f.envVariables.WX_TMPL_ORDER_PROGRESS, WX_TMPL_ORDER_ALERT: f.envVariables.WX_TMPL_ORDER_ALERT };
      expect([f.name, ids]).toEqual([
        f.name,
        SENDERS.includes(f.name)
          ? { WX_TMPL_ORDER_PROGRESS: '{{env.WX_TMPL_ORDER_PROGRESS}}', WX_TMPL_ORDER_ALERT: '{{env.WX_TMPL_ORDER_ALERT}}' }
          : { WX_TMPL_ORDER_PROGRESS: undefined, WX_TMPL_ORDER_ALERT: undefined },
      ]);
    }
  });

  it('lets those functions call subscribeMessage.send (云调用 permission in the config.json the build writes)', () => {
    for (const f of rc.functions) {
      const config = functionConfig(f) as { permissions?: { openapi?: string[] } } | null;
      expect([f.name, config?.permissions?.openapi ?? []]).toEqual([f.name, SENDERS.includes(f.name) ? ['subscribeMessage.send'] : []]);
    }
  });
});

describe('the plan check (planProblems)', () => {
  const base = { ...planFunctions(rc, ROOT, {})[0]!, bytes: 1 };
  it.each([
    ['a runtime older than Node 16', { runtime: 'Nodejs12.16' }, '低于 Node 16'],
    ['a timeout past 60 s', { timeout: 900 }, '超出 1–60 s'],
    ['memory CloudBase does not offer', { memorySize: 300 }, '不在可选值'],
    ['a six-field cron', { triggers: [{ name: 't', type: 'timer', config: '* * * * * *' }] }, '七段式'],
    ['a bundle not built', { bytes: null }, '未找到'],
  ])('refuses %s', (_what, change, words) => {
    const problems = planProblems([{ ...base, ...change }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(words);
  });
});

describe('the deploy command', () => {
  it('deploys every function of the file to the given environment without asking', () => {
    expect(deployCommand('rp-prod-1a2b')).toEqual([
      'tcb',
      'fn',
      'deploy',
      '--all',
      '--force',
      '--yes',
      '-e',
      'rp-prod-1a2b',
      '--config-file',
      'cloudbaserc.json',
    ]);
  });
});
