import { RESOURCES, type KubeObject } from '@restash/api';
import type { KubeClient } from '@restash/kube';
import { isPermanentError } from '@restash/messaging';
import { Registry } from 'prom-client';
import { StatusMetrics } from '../metrics/status-metrics.js';
import { StatusWriter } from './status-writer.js';

type Status = { seen?: string[]; done?: boolean };
type Counter = KubeObject<Record<string, never>, Status>;

/** An API server holding one object: reads return it, status replaces check its resourceVersion. */
class FakeApiServer {
  object: Counter = { apiVersion: 'v1', kind: 'Counter', metadata: { name: 'c', namespace: 'ns', uid: 'uid-1', resourceVersion: '1' }, spec: {}, status: {} };
  replaces: Status[] = [];
  /** Errors the next replaces answer with, in order. */
  failures: Array<{ code: number }> = [];
  /** Changes the object between a read and the next replace once (another writer). */
  interleave?: () => void;
  gone = false;
  reads = 0;

  readonly kube = {
    customObjects: {
      getNamespacedCustomObject: async () => {
        this.reads++;
        return this.gone ? Promise.reject({ code: 404 }) : structuredClone(this.object);
      },
      replaceNamespacedCustomObjectStatus: async ({ body }: { body: Counter }) => {
        this.interleave?.();
        this.interleave = undefined;
        const failure = this.failures.shift();
        if (failure) throw failure;
        if (body.metadata.resourceVersion !== this.object.metadata.resourceVersion) throw { code: 409 };
        this.replaces.push(body.status!);
        this.object = { ...body, metadata: { ...body.metadata, resourceVersion: String(Number(body.metadata.resourceVersion) + 1) } };
        return structuredClone(this.object);
      },
    },
  } as unknown as KubeClient;
}

const target = { namespace: 'ns', name: 'c', uid: 'uid-1' };
const see = (label: string) => (object: Counter): Status => ({ ...object.status, seen: [...(object.status?.seen ?? []), label] });

function writerFor(api: FakeApiServer, writeLingerMs = 5) {
  return new StatusWriter(api.kube, new StatusMetrics(new Registry()), { writeLingerMs });
}

describe('StatusWriter', () => {
  it("writes an object's updates that arrive together once, telling each caller its own step", async () => {
    const api = new FakeApiServer();
    const writer = writerFor(api);
    const [a, b, again] = await Promise.all([
      writer.update(RESOURCES.backupSession, target, see('a')),
      writer.update(RESOURCES.backupSession, target, see('b')),
      writer.update(RESOURCES.backupSession, target, (object: Counter) => object.status!),
    ]);
    expect(api.replaces).toEqual([{ seen: ['a', 'b'] }]);
    expect(a).toMatchObject({ outcome: 'written', before: { status: {} }, object: { status: { seen: ['a'] } } });
    expect(b).toMatchObject({ outcome: 'written', before: { status: { seen: ['a'] } }, object: { status: { seen: ['a', 'b'] }, metadata: { resourceVersion: '2' } } });
    expect(again).toMatchObject({ outcome: 'unchanged', object: { status: { seen: ['a', 'b'] }, metadata: { resourceVersion: '2' } } });
  });

  it('writes nothing when no update changes the status', async () => {
    const api = new FakeApiServer();
    const result = await writerFor(api).update(RESOURCES.backupSession, target, (object: Counter) => object.status!);
    expect(result.outcome).toBe('unchanged');
    expect(api.replaces).toEqual([]);
  });

  it('recomputes every update on a conflict, from the object as it is now', async () => {
    const api = new FakeApiServer();
    api.interleave = () => (api.object = { ...api.object, metadata: { ...api.object.metadata, resourceVersion: '5' }, status: { seen: ['other'] } });
    const writer = writerFor(api);
    await Promise.all([writer.update(RESOURCES.backupSession, target, see('a')), writer.update(RESOURCES.backupSession, target, see('b'))]);
    expect(api.replaces).toEqual([{ seen: ['other', 'a', 'b'] }]);
  });

  it('runs the finishing step once, on the combined status, and writes what it returns', async () => {
    const api = new FakeApiServer();
    const finished: Status[] = [];
    const finish = async (object: Counter) => {
      finished.push(object.status!);
      return { ...object.status, done: true };
    };
    const writer = writerFor(api);
    const [, last] = await Promise.all([
      writer.update(RESOURCES.backupSession, target, see('a'), { finish }),
      writer.update(RESOURCES.backupSession, target, see('b'), { finish }),
    ]);
    expect(finished).toEqual([{ seen: ['a', 'b'] }]);
    expect(api.replaces).toEqual([{ seen: ['a', 'b'], done: true }]);
    expect(last).toMatchObject({ outcome: 'written', object: { status: { seen: ['a', 'b'], done: true } } });
  });

  it('leaves updates for a recreated object alone and fails only the update that threw', async () => {
    const api = new FakeApiServer();
    const writer = writerFor(api);
    const results = await Promise.allSettled([
      writer.update(RESOURCES.backupSession, { ...target, uid: 'uid-0' }, see('old')),
      writer.update(RESOURCES.backupSession, target, () => {
        throw new Error('bad event');
      }),
      writer.update(RESOURCES.backupSession, target, see('b')),
    ]);
    expect(results.map((result) => (result.status === 'fulfilled' ? result.value.outcome : (result.reason as Error).message))).toEqual(['recreated', 'bad event', 'written']);
    expect(api.replaces).toEqual([{ seen: ['b'] }]);
  });

  it('writes update by update when the schema rejects them together, so only the bad one is dead-lettered', async () => {
    const api = new FakeApiServer();
    api.failures = [{ code: 422 }, { code: 422 }];
    const writer = writerFor(api);
    const results = await Promise.allSettled([writer.update(RESOURCES.backupSession, target, see('bad')), writer.update(RESOURCES.backupSession, target, see('good'))]);
    expect(results[0]!.status === 'rejected' && isPermanentError(results[0].reason)).toBe(true);
    expect(results[1]).toMatchObject({ status: 'fulfilled', value: { outcome: 'written' } });
    expect(api.replaces).toEqual([{ seen: ['good'] }]);
  });

  it('reports a missing object to every update', async () => {
    const api = new FakeApiServer();
    api.gone = true;
    expect((await writerFor(api).update(RESOURCES.backupSession, target, see('a'))).outcome).toBe('missing');
  });

  it('writes an object it wrote before without reading it again, and reads it when someone else changed it meanwhile', async () => {
    const api = new FakeApiServer();
    const writer = writerFor(api, 0);
    await writer.update(RESOURCES.backupSession, target, see('a'));
    await writer.update(RESOURCES.backupSession, target, see('b'));
    expect(api.reads).toBe(1);
    api.object = { ...api.object, metadata: { ...api.object.metadata, resourceVersion: '9' }, status: { seen: ['a', 'b', 'other'] } };
    await writer.update(RESOURCES.backupSession, target, see('c'));
    expect(api.reads).toBe(2);
    expect(api.replaces.at(-1)).toEqual({ seen: ['a', 'b', 'other', 'c'] });
  });

  it('reads the object when an update is for another incarnation of it than the one it wrote', async () => {
    const api = new FakeApiServer();
    const writer = writerFor(api, 0);
    await writer.update(RESOURCES.backupSession, target, see('a'));
    api.object = { ...api.object, metadata: { ...api.object.metadata, uid: 'uid-2', resourceVersion: '20' }, status: {} };
    const result = await writer.update(RESOURCES.backupSession, { ...target, uid: 'uid-2' }, see('new'));
    expect(result.outcome).toBe('written');
    expect(api.replaces.at(-1)).toEqual({ seen: ['new'] });
  });
});
