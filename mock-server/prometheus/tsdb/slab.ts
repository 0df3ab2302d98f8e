/**
 * Fixed-size slices of large shared ArrayBuffers, recycled when released.
 *
 * Allocating one ArrayBuffer per chunk makes V8 account external memory for each of hundreds of
 * thousands of small buffers and run full collections far too often; carving chunks out of
 * 1 MiB slabs avoids that.
 */
export interface Slot {
  buffer: ArrayBuffer;
  byteOffset: number;
}

const SLAB_BYTES = 1 << 20;

class SlabPool {
  private readonly slotBytes: number;
  private slab: ArrayBuffer | null = null;
  private next = 0;
  private readonly free: Slot[] = [];

  constructor(slotBytes: number) {
    this.slotBytes = slotBytes;
  }

  take(): Slot {
    const recycled = this.free.pop();
    if (recycled !== undefined) return recycled;
    if (this.slab === null || this.next + this.slotBytes > this.slab.byteLength) {
      this.slab = new ArrayBuffer(Math.max(SLAB_BYTES, this.slotBytes));
      this.next = 0;
    }
    const slot = { buffer: this.slab, byteOffset: this.next };
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

export function allocFloat32(length: number): Float32Array {
  const slot = pool(length * 4).take();
  return new Float32Array(slot.buffer, slot.byteOffset, length);
}

export function allocFloat64(length: number): Float64Array {
  const slot = pool(length * 8).take();
  return new Float64Array(slot.buffer, slot.byteOffset, length);
}

export function allocInt32(length: number): Int32Array {
  const slot = pool(length * 4).take();
  return new Int32Array(slot.buffer, slot.byteOffset, length);
}

/** Returns an array obtained from one of the alloc functions to its pool. */
export function release(array: Float32Array | Float64Array | Int32Array): void {
  pool(array.byteLength).release({ buffer: array.buffer as ArrayBuffer, byteOffset: array.byteOffset });
}
