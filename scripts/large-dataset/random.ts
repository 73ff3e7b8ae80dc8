// Seeded randomness for the large dataset: the same seed gives the same rows, on any machine.
// Each entity draws from its own stream (seed, stream name, index), so one table can be
// regenerated without replaying the others, and adding a field to one stream leaves the rest alone.

/** fmix32 from MurmurHash3: a cheap, well-mixed 32-bit hash step. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit hash of a string (FNV-1a, then mixed). */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

const combine = (a: number, b: number) => mix32((a ^ Math.imul(b + 0x9e3779b9, 0x27d4eb2d)) >>> 0);

/** sfc32: small, fast, and good enough for test data. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream: number, index: number) {
    this.a = combine(seed, 1);
    this.b = combine(stream, 2);
    this.c = combine(index, 3);
    this.d = combine(seed ^ stream ^ index, 4);
    for (let i = 0; i < 12; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** An index drawn with the given relative weights. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** [0, n) in random order, drawn lazily (a Fisher–Yates shuffle that stores only what it swapped). */
  *shuffled(n: number): Generator<number> {
    const swapped = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const j = i + this.int(n - i);
      const picked = swapped.get(j) ?? j;
      swapped.set(j, swapped.get(i) ?? i);
      yield picked;
    }
  }

  /** k distinct integers from [0, n), in draw order. */
  sample(n: number, k: number): number[] {
    k = Math.min(k, n);
    if (k * 3 < n) {
      const seen = new Set<number>();
      const out: number[] = [];
      while (out.length < k) {
        const x = this.int(n);
        if (!seen.has(x)) {
          seen.add(x);
          out.push(x);
        }
      }
      return out;
    }
    const all = Array.from({ length: n }, (_, i) => i);
    for (let i = 0; i < k; i++) {
      const j = i + this.int(n - i);
      [all[i], all[j]] = [all[j]!, all[i]!];
    }
    return all.slice(0, k);
  }
}

/** A random stream for one entity: the same (seed, stream, index) always gives the same draws. */
export const rngFor = (seed: number, stream: string, index: number) => new Rng(seed, hashString(stream), index);

const hex = (n: number) => n.toString(16).padStart(8, "0");

/**
 * A version-4-shaped UUID that is a pure function of (seed, kind, index): rows can refer to each
 * other by index before either is written, and a second run writes the same ids.
 */
export function uuidFor(seed: number, kind: string, index: number): string {
  const k = hashString(kind);
  const w0 = combine(combine(seed, k), index);
  const w1raw = combine(w0, index ^ 0x5bd1e995);
  // The version nibble (4) and the RFC 4122 variant bits, where a UUID's text puts them.
  const w1 = ((w1raw & 0xffff0fff) | 0x00004000) >>> 0;
  const w2 = ((combine(w1raw, k) & 0x3fffffff) | 0x80000000) >>> 0;
  const w3 = combine(w2, seed);
  const h = hex(w0) + hex(w1) + hex(w2) + hex(w3);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
