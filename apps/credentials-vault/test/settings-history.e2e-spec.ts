import { fork } from 'node:child_process';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { mongoUrlFor, uniqueName } from '@icims-sync/testing';

const FIXTURE = path.join(__dirname, 'fixtures/save-setting.mjs');

/** Runs the fixture; with `stop-between`, kills it (SIGKILL, as a crash) once the setting is written and its line is not. */
async function saveSetting(mongoUrl: string, tenantId: string, mode: 'whole' | 'stop-between'): Promise<void> {
  const child = fork(FIXTURE, [mongoUrl, tenantId, mode], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (mode === 'stop-between') {
    await new Promise((resolve) => child.once('message', resolve));
    child.kill('SIGKILL');
  }
  const code = await exited;
  if (mode === 'whole') expect(code).toBe(0);
}

describe('a setting and its config_changes line (real MongoDB)', () => {
  const database = uniqueName('settings-history');
  const mongoUrl = mongoUrlFor(database);
  let client: MongoClient;

  beforeAll(async () => {
    client = await MongoClient.connect(mongoUrl);
  });
  afterAll(async () => {
    await client.close();
  });

  const stored = async (tenantId: string) => ({
    setting: (await client.db().collection('connections').findOne({ _id: tenantId as never }))?.hiredStatusIds,
    lines: await client.db().collection('config_changes').countDocuments({ tenantId }),
  });

  it('are both stored by a save that completes', async () => {
    await saveSetting(mongoUrl, 'acme', 'whole');

    expect(await stored('acme')).toEqual({ setting: ['C38353'], lines: 1 });
  });

  it('are neither stored when the process dies between the two writes', async () => {
    await saveSetting(mongoUrl, 'globex', 'stop-between');

    expect(await stored('globex')).toEqual({ setting: undefined, lines: 0 });
  });
});
