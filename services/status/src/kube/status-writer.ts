import { Inject, Injectable } from '@nestjs/common';
import type { KubeObject, ResourceType } from '@restash/api';
import { apiErrorMessage, apiStatusCode, isConflict, isNotFound, KubeClient } from '@restash/kube';
import { PermanentMessageError } from '@restash/messaging';
import { StatusMetrics } from '../metrics/status-metrics.js';
import { STATUS_SETTINGS, type StatusSettings } from '../status-settings.js';
import { KeyedBatcher, type Settled } from './keyed-batcher.js';
import { RecentObjects } from './recent-objects.js';
import { sameJson } from './same-json.js';
import { chainStatuses, type ChainStep } from './status-chain.js';

/** Which object a status is written to; with a uid, a recreated object of the same name is left alone. */
export interface StatusTarget {
  namespace: string;
  name: string;
  uid?: string;
}

export type StatusWrite<Spec, Status> =
  | { outcome: 'missing' }
  | { outcome: 'recreated' }
  | { outcome: 'unchanged'; object: KubeObject<Spec, Status> }
  | { outcome: 'written'; before: KubeObject<Spec, Status>; object: KubeObject<Spec, Status> };

export interface StatusUpdateOptions<Spec, Status> {
  /**
   * Work to do before a changed status is written, e.g. cleaning a batch's history once a session is
   * final; returns the status to write (the work's own record added), so one write records both.
   */
  finish?: (object: KubeObject<Spec, Status>) => Promise<Status>;
}

interface Update {
  resource: ResourceType;
  target: StatusTarget;
  compute: (object: KubeObject<unknown, unknown>) => unknown;
  finish?: (object: KubeObject<unknown, unknown>) => Promise<unknown>;
}

type AnyObject = KubeObject<unknown, unknown>;
type AnyWrite = StatusWrite<unknown, unknown>;

const MAX_ATTEMPTS = 5;
const UNPROCESSABLE = 422;
/** Objects whose last written state is kept, so their next write needs no read first (a session gets ~2 writes per member). */
const RECENT_OBJECTS = 256;

/**
 * Read–compute–replace of .status through the status subresource, with the object's
 * resourceVersion as an optimistic lock: on a conflict the object is read again and the status
 * recomputed. Updates of one object that arrive together (within the linger, or while its previous
 * write is under way) are computed one after another and written once; each caller still learns the
 * status before and after its own update. An unchanged status is not written at all. The object as
 * last written stands in for the read of the next write (any change since fails that write on its
 * resourceVersion, and the object is read again).
 */
@Injectable()
export class StatusWriter {
  private readonly batcher: KeyedBatcher<Update, AnyWrite>;
  private readonly written = new RecentObjects<AnyObject>(RECENT_OBJECTS);

  constructor(
    private readonly kube: KubeClient,
    private readonly metrics: StatusMetrics,
    @Inject(STATUS_SETTINGS) settings: StatusSettings,
  ) {
    this.batcher = new KeyedBatcher((key, updates) => this.writeTogether(key, updates), settings.writeLingerMs);
  }

  update<Spec, Status>(
    resource: ResourceType,
    target: StatusTarget,
    compute: (object: KubeObject<Spec, Status>) => Status,
    { finish }: StatusUpdateOptions<Spec, Status> = {},
  ): Promise<StatusWrite<Spec, Status>> {
    const update = { resource, target, compute, finish } as Update;
    return this.batcher.add(`${resource.plural}/${target.namespace}/${target.name}`, update) as Promise<StatusWrite<Spec, Status>>;
  }

  /** One object's updates (same resource, namespace and name) in one write, retried on conflicts; a rejected write is retried update by update. */
  private async writeTogether(key: string, updates: Update[]): Promise<Array<Settled<AnyWrite>>> {
    const { resource, target } = updates[0]!;
    for (let attempt = 1; ; attempt++) {
      const object = (attempt === 1 && this.lastWritten(key, updates)) || (await this.read(resource, target));
      if (!object) return updates.map(() => ({ ok: true, value: { outcome: 'missing' } }));
      const current = updates.filter((update) => !update.target.uid || update.target.uid === object.metadata.uid);
      const { steps, status } = chainStatuses(object, current.map((update) => update.compute));
      try {
        const changed = !sameJson(status, object.status);
        const written = changed ? await this.write(resource, object, status, finishOf(current)) : object;
        this.written.set(key, written);
        const results = new Map(current.map((update, index) => [update, changed ? outcome(steps[index]!, written, status) : unchanged(steps[index]!, object)]));
        return updates.map((update) => results.get(update) ?? { ok: true, value: { outcome: 'recreated' } });
      } catch (error) {
        this.written.delete(key);
        if (isNotFound(error)) return updates.map(() => ({ ok: true, value: { outcome: 'missing' } }));
        // The schema rejected the status: each update alone tells which message can never succeed.
        if (apiStatusCode(error) === UNPROCESSABLE && updates.length > 1) return this.writeOneByOne(key, updates);
        if (apiStatusCode(error) === UNPROCESSABLE) throw new PermanentMessageError(`${resource.kind} status rejected: ${apiErrorMessage(error)}`);
        if (!isConflict(error) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** The object as this process last wrote it, unless an update is for another incarnation (uid) of it: that one is read. */
  private lastWritten(key: string, updates: readonly Update[]): AnyObject | undefined {
    const known = this.written.get(key);
    return known && updates.every((update) => !update.target.uid || update.target.uid === known.metadata.uid) ? known : undefined;
  }

  private async writeOneByOne(key: string, updates: Update[]): Promise<Array<Settled<AnyWrite>>> {
    const results: Array<Settled<AnyWrite>> = [];
    for (const update of updates) {
      try {
        results.push((await this.writeTogether(key, [update]))[0]!);
      } catch (error) {
        results.push({ ok: false, error });
      }
    }
    return results;
  }

  private async write(resource: ResourceType, object: AnyObject, status: unknown, finish: Update['finish']): Promise<AnyObject> {
    const finished = finish ? await finish({ ...object, status }) : status;
    return this.replaceStatus(resource, { ...object, status: finished });
  }

  private async read(resource: ResourceType, { namespace, name }: StatusTarget): Promise<AnyObject | undefined> {
    try {
      return (await this.kube.customObjects.getNamespacedCustomObject({ ...address(resource), namespace, name })) as AnyObject;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  private async replaceStatus(resource: ResourceType, object: AnyObject): Promise<AnyObject> {
    const { namespace = '', name = '' } = object.metadata;
    try {
      const written = await this.kube.customObjects.replaceNamespacedCustomObjectStatus({ ...address(resource), namespace, name, body: object });
      this.metrics.kubeWrite(resource.plural, 'ok');
      return written as AnyObject;
    } catch (error) {
      this.metrics.kubeWrite(resource.plural, isConflict(error) ? 'conflict' : isNotFound(error) ? 'not-found' : 'error');
      throw error;
    }
  }
}

/** The last finishing step asked for: it sees the status every update made. */
function finishOf(updates: readonly Update[]): Update['finish'] {
  return [...updates].reverse().find((update) => update.finish)?.finish;
}

/**
 * One update's outcome within a write: what its own step changed, on the object as written. An update
 * whose status is the one written gets the object exactly as the API server returned it.
 */
function outcome(step: Settled<ChainStep<unknown>>, written: AnyObject, combined: unknown): Settled<AnyWrite> {
  if (!step.ok) return step;
  const { before, after } = step.value;
  const object = sameJson(after, combined) ? written : { ...written, status: after };
  if (sameJson(before, after)) return { ok: true, value: { outcome: 'unchanged', object } };
  return { ok: true, value: { outcome: 'written', before: { ...written, status: before }, object } };
}

/** Nothing was written: every update left the object as it is. */
function unchanged(step: Settled<ChainStep<unknown>>, object: AnyObject): Settled<AnyWrite> {
  return step.ok ? { ok: true, value: { outcome: 'unchanged', object } } : step;
}

function address(resource: ResourceType) {
  return { group: resource.group, version: resource.version, plural: resource.plural };
}
