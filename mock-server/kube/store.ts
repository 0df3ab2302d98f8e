/**
 * The object store: every object of every kind, one global resourceVersion counter, optimistic
 * concurrency, watch fan-out and (with a data dir) a durable journal. All served versions of a kind
 * are the same stored objects, kept in the preferred version. Returned objects are frozen.
 */
import { randomUUID } from 'node:crypto';
import { KINDS, apiVersionOf, kindId, type KindInfo } from '../../mesh/kinds';
import type { KubeObject, ObjectMeta } from '../../mesh/kube-types';
import { canonicalOrder, encode, encodeBytes } from './codec';
import { alreadyExists, badRequest, conflict, invalid, notFound } from './errors';
import { Journal, deleteLine, discardJournal, putLine, readJournal, versionLine } from './journal';
import { emptyState, replay, type ReplayedState } from './replay';
import { cloneJson, deepEqual, deepFreeze } from './json-value';
import { KindTable, objectKey } from './kind-table';
import type { ObjectFilter } from './object-filter';
import { NAMESPACE_KIND, kindOfObject } from './kind-lookup';
import { desiredState, generatedSuffix, serverMetadata } from './server-metadata';
import { withCreateDefaults } from './strategy';
import { kubeTimestamp } from './time-format';
import { DEFAULT_HISTORY, KindChannel, type ChangeEvent, type WatchSubscription } from './watch-hub';

export { NAMESPACE_KIND } from './kind-lookup';

/** The namespaces every cluster starts with. */
export const BOOTSTRAP_NAMESPACES: readonly string[] = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

export interface StoreOptions {
  /** Where the journal lives; without it the store is in memory only. */
  dataDir?: string;
  /** Discard what the data dir holds and start empty. */
  fresh?: boolean;
  /** Recent events kept per kind for watches resuming from an older resourceVersion. */
  watchHistory?: number;
  now?: () => Date;
}

export interface WriteOptions {
  /** Validate and compute the result without storing it. */
  dryRun?: boolean;
}

export interface DeleteOptions extends WriteOptions {
  preconditions?: { uid?: string; resourceVersion?: string };
}

export interface ListOptions {
  namespace?: string;
  filter?: ObjectFilter;
  limit?: number;
  /** Continue after this key (from a previous page's `continueAfter`). */
  continueAfter?: string;
}

export interface ListPage {
  items: KubeObject[];
  resourceVersion: number;
  /** Set when more items follow: pass it back as `continueAfter`. */
  continueAfter?: string;
  /** Items left after this page, when no filter makes that count unknown. */
  remainingItemCount?: number;
}

export interface StoreChange {
  readonly info: KindInfo;
  readonly event: ChangeEvent;
}

export type ChangeListener = (change: StoreChange) => void;

interface PreparedWrite {
  object: KubeObject;
  durable: Promise<void>;
}

export class ObjectStore {
  private readonly tables = new Map<string, KindTable>();
  private readonly listeners = new Set<ChangeListener>();
  private revision: number;
  private journal: Journal | undefined;
  private readonly now: () => Date;

  private constructor(options: StoreOptions, initial: ReplayedState) {
    this.now = options.now ?? (() => new Date());
    this.revision = initial.resourceVersion;
    for (const info of KINDS) {
      const table = new KindTable(info, new KindChannel(this.revision, options.watchHistory ?? DEFAULT_HISTORY));
      for (const obj of initial.objects.get(kindId(info))?.values() ?? []) {
        table.set(objectKey(info, obj.metadata.namespace, obj.metadata.name ?? ''), obj);
      }
      this.tables.set(kindId(info), table);
    }
  }

  /** Opens a store; with a data dir, replays and compacts the journal first. */
  static async open(options: StoreOptions = {}): Promise<ObjectStore> {
    if (options.dataDir && options.fresh) discardJournal(options.dataDir);
    const replayed = options.dataDir ? replay(readJournal(options.dataDir).records) : emptyState();
    const store = new ObjectStore(options, replayed);
    if (options.dataDir) store.journal = await Journal.open(options.dataDir, () => store.snapshotLines());
    if (store.table(NAMESPACE_KIND).objects.size === 0) {
      for (const name of BOOTSTRAP_NAMESPACES) {
        const namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
        await store.create(NAMESPACE_KIND, withCreateDefaults(NAMESPACE_KIND, namespace, store));
      }
    }
    return store;
  }

  async close(): Promise<void> {
    await this.journal?.close();
    this.journal = undefined;
  }

  get resourceVersion(): number {
    return this.revision;
  }

  get persistent(): boolean {
    return this.journal !== undefined;
  }

  /** True while the store holds nothing but the namespaces every cluster starts with. */
  isEmpty(): boolean {
    for (const table of this.tables.values()) {
      if (table.info === NAMESPACE_KIND) {
        if ([...table.objects.keys()].some((name) => !BOOTSTRAP_NAMESPACES.includes(name))) return false;
      } else if (table.objects.size > 0) return false;
    }
    return true;
  }

  get(info: KindInfo, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.table(info).objects.get(objectKey(info, namespace, name));
  }

  count(info: KindInfo): number {
    return this.table(info).objects.size;
  }

  list(info: KindInfo, options: ListOptions = {}): ListPage {
    const table = this.table(info);
    const keys = table.sortedKeys();
    const { start, end } = table.range(options.namespace, options.continueAfter);
    const limit = options.limit !== undefined && options.limit > 0 ? options.limit : Number.POSITIVE_INFINITY;
    const items: KubeObject[] = [];
    let index = start;
    for (; index < end && items.length < limit; index++) {
      const obj = table.objects.get(keys[index] ?? '');
      if (obj && (!options.filter || options.filter(obj))) items.push(obj);
    }
    const page: ListPage = { items, resourceVersion: this.revision };
    const lastKey = keys[index - 1];
    if (index < end && lastKey !== undefined && this.anyMatchFrom(table, index, end, options.filter)) {
      page.continueAfter = lastKey;
      if (!options.filter) page.remainingItemCount = end - index;
    }
    return page;
  }

  async create(info: KindInfo, input: KubeObject, options: WriteOptions = {}): Promise<KubeObject> {
    const { object, durable } = this.prepareCreate(info, input, options);
    await durable;
    return object;
  }

  async update(info: KindInfo, input: KubeObject, options: WriteOptions = {}): Promise<KubeObject> {
    const { object, durable } = this.prepareUpdate(info, input, options);
    await durable;
    return object;
  }

  /** Deletes an object; deleting a namespace deletes everything in it first. */
  async delete(
    info: KindInfo,
    namespace: string | undefined,
    name: string,
    options: DeleteOptions = {},
  ): Promise<KubeObject> {
    const current = this.get(info, namespace, name);
    if (!current) throw notFound(info, name);
    this.checkPreconditions(info, current, options.preconditions);
    if (options.dryRun) return current;
    const writes: Promise<void>[] = [];
    if (info === NAMESPACE_KIND) {
      for (const table of this.tables.values()) {
        if (!table.info.namespaced) continue;
        for (const key of table.keysInNamespace(name)) writes.push(this.remove(table, key).durable);
      }
    }
    const { object, durable } = this.remove(this.table(info), objectKey(info, namespace, name));
    await Promise.all([...writes, durable]);
    return object;
  }

  /** Creates each object that does not exist yet, namespaces first, with the API server's defaults. */
  async seed(objects: readonly KubeObject[]): Promise<void> {
    const isNamespace = (obj: KubeObject): boolean => obj.kind === 'Namespace' && obj.apiVersion === 'v1';
    const ordered = [...objects.filter(isNamespace), ...objects.filter((obj) => !isNamespace(obj))];
    const writes: Promise<KubeObject>[] = [];
    for (const obj of ordered) {
      const info = kindOfObject(obj);
      if (this.get(info, obj.metadata.namespace, obj.metadata.name ?? '')) continue;
      writes.push(this.create(info, withCreateDefaults(info, obj, this)));
    }
    await Promise.all(writes);
  }

  /** Delivers events with a resourceVersion above `sinceResourceVersion`, then live ones. Throws 410 Expired. */
  watch(info: KindInfo, subscription: WatchSubscription, sinceResourceVersion: number): () => void {
    return this.table(info).channel.subscribe(subscription, sinceResourceVersion);
  }

  /** Watches currently subscribed to a kind. */
  watcherCount(info: KindInfo): number {
    return this.table(info).channel.subscriberCount;
  }

  /** Every change to every kind, after it is applied in memory. */
  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private table(info: KindInfo): KindTable {
    const table = this.tables.get(kindId(info));
    if (!table) throw new Error(`unknown kind ${kindId(info)}`);
    return table;
  }

  private anyMatchFrom(table: KindTable, from: number, end: number, filter: ObjectFilter | undefined): boolean {
    if (!filter) return from < end;
    const keys = table.sortedKeys();
    for (let i = from; i < end; i++) {
      const obj = table.objects.get(keys[i] ?? '');
      if (obj && filter(obj)) return true;
    }
    return false;
  }

  private prepareCreate(info: KindInfo, input: KubeObject, options: WriteOptions): PreparedWrite {
    const namespace = info.namespaced ? input.metadata.namespace : undefined;
    if (info.namespaced) {
      if (!namespace) throw badRequest('the namespace of the object is required');
      if (!this.get(NAMESPACE_KIND, undefined, namespace)) throw notFound(NAMESPACE_KIND, namespace);
    }
    const name = this.nameFor(info, namespace, input.metadata);
    if (this.get(info, namespace, name)) throw alreadyExists(info, name);
    const clone = cloneJson(input);
    const managed: ObjectMeta = { name, namespace, uid: randomUUID() };
    if (!options.dryRun) managed.resourceVersion = String(this.revision + 1);
    managed.generation = 1;
    managed.creationTimestamp = kubeTimestamp(this.now());
    const object = this.finish(info, clone, serverMetadata(clone.metadata, managed));
    if (options.dryRun) return { object, durable: Promise.resolve() };
    this.revision += 1;
    return this.put(info, object, { type: 'ADDED', object, resourceVersion: this.revision });
  }

  private prepareUpdate(info: KindInfo, input: KubeObject, options: WriteOptions): PreparedWrite {
    const namespace = info.namespaced ? input.metadata.namespace : undefined;
    const name = input.metadata.name ?? '';
    const current = this.get(info, namespace, name);
    if (!current) throw notFound(info, name);
    this.checkPreconditions(info, current, input.metadata);
    const clone = cloneJson(input);
    const { uid, creationTimestamp, resourceVersion, generation = 1 } = current.metadata;
    const managed: ObjectMeta = { name, namespace, uid, resourceVersion, generation, creationTimestamp };
    let object = this.finish(info, clone, serverMetadata(clone.metadata, managed));
    if (deepEqual(object, current)) return { object: current, durable: Promise.resolve() };
    const changesDesiredState = !deepEqual(desiredState(object), desiredState(current));
    const nextGeneration = changesDesiredState ? generation + 1 : generation;
    if (options.dryRun) {
      return { object: this.finish(info, clone, { ...object.metadata, generation: nextGeneration }), durable: Promise.resolve() };
    }
    this.revision += 1;
    object = this.finish(info, clone, {
      ...object.metadata,
      resourceVersion: String(this.revision),
      generation: nextGeneration,
    });
    return this.put(info, object, { type: 'MODIFIED', object, previous: current, resourceVersion: this.revision });
  }

  private checkPreconditions(info: KindInfo, current: KubeObject, expected: DeleteOptions['preconditions']): void {
    const name = current.metadata.name ?? '';
    const { uid, resourceVersion } = expected ?? {};
    if (uid && uid !== current.metadata.uid) {
      throw conflict(info, name, `Precondition failed: UID in precondition: ${uid}, UID in object meta: ${current.metadata.uid ?? ''}`);
    }
    if (resourceVersion && resourceVersion !== current.metadata.resourceVersion) throw conflict(info, name);
  }

  private nameFor(info: KindInfo, namespace: string | undefined, metadata: ObjectMeta): string {
    if (metadata.name) return metadata.name;
    const prefix = metadata.generateName;
    if (!prefix) {
      throw invalid(info, '', [
        { reason: 'FieldValueRequired', message: 'Required value: name or generateName is required', field: 'metadata.name' },
      ]);
    }
    for (let attempt = 0; attempt < 16; attempt++) {
      const candidate = `${prefix}${generatedSuffix()}`;
      if (!this.get(info, namespace, candidate)) return candidate;
    }
    throw alreadyExists(info, `${prefix}*`);
  }

  /** The frozen stored form: preferred apiVersion, canonical field order. */
  private finish(info: KindInfo, body: KubeObject, metadata: ObjectMeta): KubeObject {
    if (!info.namespaced) delete metadata.namespace;
    return deepFreeze(canonicalOrder({ ...body, apiVersion: apiVersionOf(info), kind: info.kind, metadata }));
  }

  private put(info: KindInfo, object: KubeObject, event: ChangeEvent): PreparedWrite {
    const table = this.table(info);
    table.set(objectKey(info, object.metadata.namespace, object.metadata.name ?? ''), object);
    // Encoding now, once per version of an object, keeps lists and watches cheap.
    const bytes = encodeBytes(object);
    const durable = this.journal?.append(putLine(kindId(info), bytes.toString('utf8'))) ?? Promise.resolve();
    this.publish(table, event);
    return { object, durable };
  }

  private remove(table: KindTable, key: string): PreparedWrite {
    const current = table.objects.get(key);
    if (!current) throw new Error(`no object at ${key}`);
    this.revision += 1;
    const { info } = table;
    const object = deepFreeze({ ...current, metadata: { ...current.metadata, resourceVersion: String(this.revision) } });
    table.remove(key);
    const { namespace, name = '' } = object.metadata;
    const durable = this.journal?.append(deleteLine(kindId(info), namespace, name, this.revision)) ?? Promise.resolve();
    this.publish(table, { type: 'DELETED', object, resourceVersion: this.revision });
    return { object, durable };
  }

  private publish(table: KindTable, event: ChangeEvent): void {
    table.channel.publish(event);
    for (const listener of this.listeners) {
      try {
        listener({ info: table.info, event });
      } catch (error) {
        console.error('store change listener failed', error);
      }
    }
  }

  private snapshotLines(): string[] {
    const lines = [versionLine(this.revision)];
    for (const table of this.tables.values()) {
      const id = kindId(table.info);
      for (const obj of table.objects.values()) lines.push(putLine(id, encode(obj)));
    }
    return lines;
  }
}
