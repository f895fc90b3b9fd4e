import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dataOf, desk, resident, supervisor } from '../support/scenario';
import { storeFile } from '../support/store-file';
import { useTestServer } from '../support/test-server';

/*
 * Storage grows with what happened, not with its square: each write stores a reply of a fixed small
 * size (the order's id and version), not the whole order view with its timeline. Measured on one
 * order that goes through 200 actions (100 complaints, each answered before the next).
 */

const t = useTestServer();
const d = desk(t);

/** The data file's size once the write-ahead log is folded in: the server is restarted to checkpoint it. */
async function fileBytes(): Promise<number> {
  await t.restart();
  return fs.statSync(storeFile(t.dataDir)).size;
}

function replyBytes(): number[] {
  const db = new Database(storeFile(t.dataDir), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT length(reply) FROM replies ORDER BY at, rowid').pluck().all() as number[];
  } finally {
    db.close();
  }
}

describe('storage per action on one order', () => {
  it('stores a reply of the same small size for the 200th action as for the first, and the file grows linearly', async () => {
    let order = await d.placeDue(resident);
    /** 50 complaints, each answered: 100 actions. */
    const hundredActions = async (from: number) => {
      for (let i = from; i < from + 50; i++) {
        order = dataOf(await d.act(resident, order, 'complain', { text: `第${i + 1}次投诉：服务态度不好` })).order;
        const seq = order.version;
        order = dataOf(await d.act(supervisor, order, 'answer', { seq, text: `已核实并答复第${i + 1}次投诉` })).order;
      }
    };
    const start = await fileBytes();
    await hundredActions(0);
    const middle = await fileBytes();
    await hundredActions(50);
    const end = await fileBytes();
    const replies = replyBytes();
    console.log(
      `[growth] 200 actions on one order: data file ${start} → ${end} bytes (+${end - start}; first 100 +${middle - start}, next 100 +${end - middle}), replies ${replies.reduce((a, b) => a + b, 0)} bytes, largest ${Math.max(...replies)}`,
    );
    expect(replies).toHaveLength(201);
    expect(Math.max(...replies)).toBeLessThan(100);
    // Each action adds its event, notification, reply and its share of the order row: a few KB at most,
    // and the second hundred costs about what the first did (the square of the events would triple it).
    expect(end - start).toBeLessThan(200 * 4096);
    expect(end - middle).toBeLessThan(1.5 * (middle - start) + 16 * 1024);
  });
});
