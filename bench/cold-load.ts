/**
 * The cold load of a cloud function bundle, each sample in a fresh node process: `require()` alone,
 * and `require()` plus the first call through CloudBase's entry point with a fake WeChat context, in
 * a function's environment, with Node's http/https answering every SDK request as an empty
 * CloudBase would (as tests/cloud/bundle-sdk-calls.test.ts does). The first call asks the database
 * who calls and is told AUTH.UNKNOWN_USER (the sweep runs over an empty database): it pays for
 * whatever the bundle leaves to first use, so deferring work cannot hide it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Wall time, and the process's CPU time (steadier on a shared machine: waiting for a core is not counted). */
const REQUIRE_ONLY = (file: string) =>
  `const c=process.cpuUsage(),t=process.hrtime.bigint();require(${JSON.stringify(file)});const w=Number(process.hrtime.bigint()-t)/1e6,u=process.cpuUsage(c);process.stdout.write(JSON.stringify({requireMs:w,requireCpuMs:(u.user+u.system)/1000}))`;

/** Starts its clock before loading http/https for the fake: the bundle would load them anyway. */
const FIRST_CALL = (file: string, timer: boolean) => `const t0=process.hrtime.bigint();
const http=require('http'),https=require('https'),{PassThrough}=require('stream');
const fake=(url,options,onResponse)=>{const req=new PassThrough();req.setTimeout=()=>req;req.reusedSocket=false;req.socket={connecting:false};
req.resume();req.on('finish',()=>{const res=new PassThrough();res.statusCode=200;res.headers={'content-type':'application/json'};onResponse(res);
res.end(JSON.stringify({requestId:'fake',data:{list:[],fileList:[]}}))});return req};
http.request=fake;https.request=fake;
Object.assign(process.env,{TENCENTCLOUD_RUNENV:'SCF',TENCENTCLOUD_REGION:'ap-shanghai',SCF_NAMESPACE:'env-bench',TENCENTCLOUD_SECRETID:'id',TENCENTCLOUD_SECRETKEY:'key',TENCENTCLOUD_SESSIONTOKEN:'token',WX_CONTEXT_KEYS:'WX_OPENID,WX_APPID',WX_APPID:'wx-bench'${timer ? '' : ",WX_OPENID:'openid-bench'"}});
const {main}=require(${JSON.stringify(file)});const t1=process.hrtime.bigint();
main(${timer ? '{}' : "{action:'list'}"}).then((r)=>{const t2=process.hrtime.bigint();
process.stdout.write(JSON.stringify({requireMs:Number(t1-t0)/1e6,firstCallMs:Number(t2-t0)/1e6,reply:r.ok?'ok':r.error&&r.error.code}))});`;

/**
 * A known caller's first call: the fake answers the users collection with one user holding every
 * role (every other query with nothing), so the call is validated against its schema and runs its
 * use case — what an unknown caller, refused before validation, never reaches. One typical action
 * per function; admin's is a refused setting (its reads need a community document the fake lacks),
 * which still builds and runs its schema. The sweep has no caller: its timer call as above.
 */
export const KNOWN_CALLS: Readonly<Record<string, object>> = {
  session: { action: 'whoami' },
  catalog: { action: 'list' },
  orders: { action: 'list', role: 'resident' },
  teams: { action: 'list', role: 'dispatcher' },
  notifications: { action: 'list', role: 'resident' },
  statistics: { action: 'board', role: 'supervisor' },
  admin: { action: 'updateSettings', role: 'admin', weights: { response: 2, resolution: 0, satisfaction: 0 } },
  membership: { action: 'members', role: 'admin' },
  manage: { action: 'overview', role: 'admin' },
  grievances: { action: 'departments', role: 'admin' },
};
const KNOWN_USER = {
  _id: 'u-bench',
  id: 'u-bench',
  openid: 'openid-bench',
  communityId: 'c-bench',
  name: '张秀兰',
  phone: '13800000000',
  roles: ['resident', 'dispatcher', 'worker', 'supervisor', 'admin', 'group_leader'],
  teamIds: [],
  householdIds: ['h-bench'],
  companyId: null,
  onDuty: false,
  maxOpenOrders: 5,
  rev: 1,
};
const KNOWN_CALL = (file: string, event: object) => `const t0=process.hrtime.bigint();
const http=require('http'),https=require('https'),{PassThrough}=require('stream');
const fake=(url,options,onResponse)=>{const req=new PassThrough(),chunks=[];req.on('data',(c)=>chunks.push(c));req.setTimeout=()=>req;req.reusedSocket=false;req.socket={connecting:false};
req.on('finish',()=>{const body=JSON.parse(Buffer.concat(chunks).toString()||'{}');const list=/users$/.test(body.collectionName||'')?[${JSON.stringify(JSON.stringify(KNOWN_USER))}]:[];
const res=new PassThrough();res.statusCode=200;res.headers={'content-type':'application/json'};onResponse(res);res.end(JSON.stringify({requestId:'fake',data:{list,fileList:[]}}))});return req};
http.request=fake;https.request=fake;
Object.assign(process.env,{TENCENTCLOUD_RUNENV:'SCF',TENCENTCLOUD_REGION:'ap-shanghai',SCF_NAMESPACE:'env-bench',TENCENTCLOUD_SECRETID:'id',TENCENTCLOUD_SECRETKEY:'key',TENCENTCLOUD_SESSIONTOKEN:'token',WX_CONTEXT_KEYS:'WX_OPENID,WX_APPID',WX_APPID:'wx-bench',WX_OPENID:'openid-bench'});
const {main}=require(${JSON.stringify(file)});
main(${JSON.stringify(event)}).then((r)=>{const t2=process.hrtime.bigint();
process.stdout.write(JSON.stringify({firstCallMs:Number(t2-t0)/1e6,reply:r.ok?'ok':r.error&&r.error.code}))});`;

/**
 * Each sample is a script file run by a fresh node, as the function's runtime loads its index.js:
 * not `node -e`, which loads crypto and stream before the script starts (≈ 3 ms of the bundle's
 * load that a sample under -e would not count).
 */
const scripts = new Map<string, string>();
let folder = '';
const scriptFile = (script: string) => {
  if (!folder) {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cold-load-'));
    process.once('exit', () => fs.rmSync(folder, { recursive: true, force: true }));
  }
  let file = scripts.get(script);
  if (!file) {
    file = path.join(folder, `sample-${scripts.size}.js`);
    fs.writeFileSync(file, script);
    scripts.set(script, file);
  }
  return file;
};

const node = (script: string) => {
  const t = performance.now();
  const out = execFileSync(process.execPath, [scriptFile(script)], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  return {
    processMs: performance.now() - t,
    ...(JSON.parse(out || '{}') as { requireMs?: number; requireCpuMs?: number; firstCallMs?: number; reply?: string }),
  };
};

/** A bare node process, start to exit. */
export const bareNode = () => node('').processMs;

/** `require()` of the bundle in a fresh process: its own wall and CPU time, and the whole process's. */
export const coldRequire = (file: string) => {
  const r = node(REQUIRE_ONLY(file));
  return { requireMs: r.requireMs!, requireCpuMs: r.requireCpuMs!, processMs: r.processMs };
};

/** `require()` and a known caller's first call (KNOWN_CALLS; the sweep's timer call for the sweep). */
export const coldKnownCall = (file: string, name: string) => {
  const event = KNOWN_CALLS[name];
  if (!event) return coldFirstCall(file, name === 'sweep');
  const r = node(KNOWN_CALL(file, event));
  return { firstCallMs: r.firstCallMs!, reply: r.reply ?? '' };
};

/** `require()` and the first call, from before http is loaded until the reply. */
export const coldFirstCall = (file: string, timer: boolean) => {
  const r = node(FIRST_CALL(file, timer));
  return { firstCallMs: r.firstCallMs!, reply: r.reply ?? '' };
};
