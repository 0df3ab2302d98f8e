/**
 * Durable write-ahead journal of the object store: JSON lines appended with group commit, each batch
 * made durable (fdatasync) before the writes in it are acknowledged. Replayed on start, then compacted
 * into a snapshot (the same format: the current objects, one `put` line each).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { KubeObject } from '../../mesh/kube-types';
import { isRecord } from './json-value';

export type JournalRecord =
  | { op: 'put'; kind: string; object: KubeObject }
  | { op: 'delete'; kind: string; namespace?: string; name: string; resourceVersion: number }
  | { op: 'version'; resourceVersion: number };

export const JOURNAL_FILE = 'journal.jsonl';

export function putLine(kind: string, objectJson: string): string {
  return `{"op":"put","kind":${JSON.stringify(kind)},"object":${objectJson}}\n`;
}

export function deleteLine(kind: string, namespace: string | undefined, name: string, resourceVersion: number): string {
  return `${JSON.stringify({ op: 'delete', kind, namespace, name, resourceVersion })}\n`;
}

export function versionLine(resourceVersion: number): string {
  return `${JSON.stringify({ op: 'version', resourceVersion })}\n`;
}

function parseRecord(line: string): JournalRecord {
  const value: unknown = JSON.parse(line);
  if (!isRecord(value)) throw new Error('journal record is not an object');
  const { op, kind, resourceVersion } = value;
  if (op === 'version' && typeof resourceVersion === 'number') return { op, resourceVersion };
  if (op === 'put' && typeof kind === 'string' && isRecord(value.object) && isRecord(value.object.metadata)) {
    return { op, kind, object: value.object as KubeObject };
  }
  const { namespace, name } = value;
  if (op === 'delete' && typeof kind === 'string' && typeof name === 'string' && typeof resourceVersion === 'number') {
    return { op, kind, name, resourceVersion, namespace: typeof namespace === 'string' ? namespace : undefined };
  }
  throw new Error(`unrecognized journal record: ${line.slice(0, 120)}`);
}

export interface JournalContents {
  records: JournalRecord[];
  /** A last line cut short by a crash mid-write; it was never acknowledged, so it is dropped. */
  tornTail: boolean;
}

export function readJournal(dataDir: string): JournalContents {
  const file = path.join(dataDir, JOURNAL_FILE);
  if (!fs.existsSync(file)) return { records: [], tornTail: false };
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const records: JournalRecord[] = [];
  let tornTail = false;
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const isLast = index === lines.length - 1;
    try {
      records.push(parseRecord(line));
    } catch (error) {
      if (!isLast) throw new Error(`${file}: line ${index + 1} is corrupt: ${String(error)}`, { cause: error });
      tornTail = true;
    }
  });
  return { records, tornTail };
}

export function discardJournal(dataDir: string): void {
  fs.rmSync(path.join(dataDir, JOURNAL_FILE), { force: true });
}

async function writeFully(handle: fs.promises.FileHandle, text: string): Promise<void> {
  const buffer = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < buffer.length) {
    const { bytesWritten } = await handle.write(buffer, offset, buffer.length - offset);
    offset += bytesWritten;
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await fs.promises.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Lines that describe the whole current state; read synchronously so the snapshot is consistent. */
export type SnapshotSource = () => string[];

const MIN_LINES_BEFORE_COMPACTION = 10_000;
const SNAPSHOT_CHUNK_LINES = 2_000;

export class Journal {
  private pending: string[] = [];
  private waiters: Waiter[] = [];
  private flushing: Promise<void> | undefined;
  private linesSinceSnapshot = 0;
  private snapshotSize = 0;
  private closed = false;

  private constructor(
    private readonly dataDir: string,
    private readonly snapshot: SnapshotSource,
    private handle: fs.promises.FileHandle,
  ) {}

  /** Compacts whatever was replayed into a fresh snapshot and opens it for appending. */
  static async open(dataDir: string, snapshot: SnapshotSource): Promise<Journal> {
    await fs.promises.mkdir(dataDir, { recursive: true });
    const journal = new Journal(dataDir, snapshot, await fs.promises.open(path.join(dataDir, JOURNAL_FILE), 'a'));
    await journal.compact();
    return journal;
  }

  /** Resolves once the line is durable on disk. */
  append(line: string): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the journal is closed'));
    return new Promise<void>((resolve, reject) => {
      this.pending.push(line);
      this.waiters.push({ resolve, reject });
      this.flushing ??= this.flushLoop();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.flushing;
    await this.handle.close();
  }

  private async flushLoop(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const lines = this.pending;
        const waiters = this.waiters;
        this.pending = [];
        this.waiters = [];
        try {
          await writeFully(this.handle, lines.join(''));
          await this.handle.datasync();
          for (const waiter of waiters) waiter.resolve();
        } catch (error) {
          for (const waiter of waiters) waiter.reject(error);
        }
        this.linesSinceSnapshot += lines.length;
        if (this.linesSinceSnapshot > Math.max(MIN_LINES_BEFORE_COMPACTION, 2 * this.snapshotSize)) {
          // A failed compaction leaves the journal as it was; the next batch tries again.
          await this.compact().catch(() => undefined);
        }
      }
    } finally {
      this.flushing = undefined;
    }
  }

  /**
   * Replaces the journal with a snapshot of the current state. Writes still queued are also in the
   * snapshot; appending them again afterwards is harmless because every record is idempotent.
   */
  private async compact(): Promise<void> {
    const lines = this.snapshot();
    const file = path.join(this.dataDir, JOURNAL_FILE);
    const temporary = `${file}.tmp`;
    const out = await fs.promises.open(temporary, 'w');
    try {
      for (let i = 0; i < lines.length; i += SNAPSHOT_CHUNK_LINES) {
        await writeFully(out, lines.slice(i, i + SNAPSHOT_CHUNK_LINES).join(''));
      }
      await out.sync();
    } finally {
      await out.close();
    }
    await fs.promises.rename(temporary, file);
    await syncDirectory(this.dataDir);
    const previous = this.handle;
    this.handle = await fs.promises.open(file, 'a');
    await previous.close();
    this.snapshotSize = lines.length;
    this.linesSinceSnapshot = 0;
  }
}
