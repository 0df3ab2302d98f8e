/**
 * Fixed-size slots carved out of large shared ArrayBuffers, recycled when released.
 *
 * Allocating one ArrayBuffer (or even one typed-array view) per chunk makes V8 keep and account
 * for hundreds of thousands of small objects; instead each 1 MiB slab has one view per element
 * type, and a chunk addresses its slot by slab index and offset.
 */
export interface Slab {
  readonly i8: Int8Array;
  readonly i16: Int16Array;
  readonly i32: Int32Array;
  readonly f64: Float64Array;
}

export interface Slot {
  /** The slab's index, for slabAt(). */
  readonly slab: number;
  /** In bytes; a multiple of the slot size, itself a multiple of 8, so every view is aligned. */
  readonly byteOffset: number;
}

const SLAB_BYTES = 1 << 20;

/** Slabs are never freed: released slots go back to their pool's free list. */
const slabs: Slab[] = [];

function newSlab(bytes: number): number {
  const buffer = new ArrayBuffer(bytes);
  slabs.push({ i8: new Int8Array(buffer), i16: new Int16Array(buffer), i32: new Int32Array(buffer), f64: new Float64Array(buffer) });
  return slabs.length - 1;
}

export function slabAt(index: number): Slab {
  return slabs[index] as Slab;
}

class SlabPool {
  private readonly slotBytes: number;
  private slab = -1;
  private slabBytes = 0;
  private next = 0;
  private readonly free: Slot[] = [];

  constructor(slotBytes: number) {
    this.slotBytes = slotBytes;
  }

  take(): Slot {
    const recycled = this.free.pop();
    if (recycled !== undefined) return recycled;
    if (this.slab < 0 || this.next + this.slotBytes > this.slabBytes) {
      this.slabBytes = Math.max(SLAB_BYTES, this.slotBytes);
      this.slab = newSlab(this.slabBytes);
      this.next = 0;
    }
    const slot = { slab: this.slab, byteOffset: this.next };
    this.next += this.slotBytes;
    return slot;
  }

  release(slot: Slot): void {
    this.free.push(slot);
  }
}

const pools = new Map<number, SlabPool>();

function pool(bytes: number): SlabPool {
  let p = pools.get(bytes);
  if (p === undefined) pools.set(bytes, (p = new SlabPool(bytes)));
  return p;
}

/** A slot of `bytes` (rounded up to a multiple of 8). */
export function allocSlot(bytes: number): Slot {
  return pool(slotSize(bytes)).take();
}

/** Returns a slot obtained from allocSlot(bytes) to its pool. */
export function releaseSlot(bytes: number, slot: Slot): void {
  pool(slotSize(bytes)).release(slot);
}

function slotSize(bytes: number): number {
  return Math.ceil(bytes / 8) * 8;
}
