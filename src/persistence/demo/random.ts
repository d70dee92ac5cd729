import { hash } from 'node:crypto';

/**
 * Seeded randomness and calendar arithmetic for the demo generator. Nothing here reads the clock or
 * Math.random: the same key always yields the same sequence, so the same seed + asOf reproduces
 * the portfolio byte for byte.
 */

export const DAY_MS = 86_400_000;

function seedWords(key: string): [number, number, number, number] {
  const digest = hash('sha256', key, 'buffer');
  return [digest.readUInt32LE(0), digest.readUInt32LE(4), digest.readUInt32LE(8), digest.readUInt32LE(12)];
}

/** sfc32 (Small Fast Counting, 128-bit state) keyed by a string; `fork` derives independent streams. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(readonly key: string) {
    [this.a, this.b, this.c, this.d] = seedWords(key);
    for (let i = 0; i < 12; i++) this.nextUint32(); // warm up
  }

  /** An independent stream: the same parent key + label always yields the same child. */
  fork(...labels: (string | number)[]): Rng {
    return new Rng(`${this.key}/${labels.join('/')}`);
  }

  nextUint32(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4_294_967_296;
  }

  /** Uniform float in [min, max). */
  float(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** Weighted pick: `[[value, weight], ...]` with non-negative weights. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of entries) total += weight;
    if (total <= 0) throw new Error('weighted pick without positive weights');
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1][0];
  }

  /** Approximately normal (Box-Muller). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next(); // (0, 1]
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Normal clamped into [min, max]. */
  normalBetween(mean: number, sd: number, min: number, max: number): number {
    return Math.min(max, Math.max(min, this.normal(mean, sd)));
  }

  /** Log-uniform in [min, max): money amounts spread evenly across orders of magnitude. */
  logUniform(min: number, max: number): number {
    return Math.exp(this.float(Math.log(min), Math.log(max)));
  }

  /** Fisher-Yates, in place; returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }

  /** k distinct items, in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    return this.shuffle([...items]).slice(0, Math.max(0, Math.min(k, items.length)));
  }
}

/** Splits n into integer counts proportional to the weights (largest remainder), summing to exactly n. */
export function allocate<K extends string | number>(n: number, weights: readonly (readonly [K, number])[]): Map<K, number> {
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  const exact = weights.map(([key, w]) => ({ key, exact: (n * w) / total }));
  const counts = new Map<K, number>(exact.map((e) => [e.key, Math.floor(e.exact)]));
  let left = n - [...counts.values()].reduce((a, b) => a + b, 0);
  const byRemainder = [...exact].sort((x, y) => y.exact - Math.floor(y.exact) - (x.exact - Math.floor(x.exact)));
  for (let i = 0; left > 0; i = (i + 1) % byRemainder.length, left--) {
    const key = byRemainder[i].key;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** n labels matching the weights exactly (see `allocate`), shuffled. */
export function quotaLabels<K extends string | number>(rng: Rng, n: number, weights: readonly (readonly [K, number])[]): K[] {
  const labels: K[] = [];
  for (const [key, count] of allocate(n, weights)) for (let i = 0; i < count; i++) labels.push(key);
  return rng.shuffle(labels);
}

/** Name-based UUID (v5 layout over SHA-256) of the parts: stable across runs and machines. */
export function nameUuid(...parts: (string | number)[]): string {
  const hex = hash('sha256', parts.join('\u0000'), 'hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic on day numbers (whole UTC days since 1970-01-01). Every date the generator
// produces is computed from the caller's explicit `asOf`.
// ---------------------------------------------------------------------------------------------

/** The UTC day a moment falls on. */
export function dayOf(date: Date): number {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new Error('invalid date');
  return Math.floor(ms / DAY_MS);
}

const isoDayCache = new Map<number, string>();

/** 'YYYY-MM-DD' of a day number (the shape MikroORM `date` properties carry). */
export function isoDay(day: number): string {
  let iso = isoDayCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (isoDayCache.size < 100_000) isoDayCache.set(day, iso);
  }
  return iso;
}

/** The moment `minutes` after midnight UTC of the day. */
export function dayAt(day: number, minutes = 0): Date {
  return new Date(day * DAY_MS + minutes * 60_000);
}

/** Day number of an ISO 'YYYY-MM-DD' string. */
export function parseDay(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`expected YYYY-MM-DD, got ${JSON.stringify(iso)}`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (isoDay(ms / DAY_MS) !== iso) throw new Error(`not a calendar date: ${iso}`);
  return ms / DAY_MS;
}

/** Same day-of-month `months` later (clamped to the month's last day). */
export function addMonths(day: number, months: number): number {
  const date = new Date(day * DAY_MS);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const d = date.getUTCDate();
  const lastOfTarget = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d, lastOfTarget)) / DAY_MS;
}

export function addYears(day: number, years: number): number {
  return addMonths(day, Math.round(years * 12));
}

/** First day of the month the day is in. */
export function monthStart(day: number): number {
  const date = new Date(day * DAY_MS);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / DAY_MS;
}

export function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** 0 = January. */
export function monthOf(day: number): number {
  return new Date(day * DAY_MS).getUTCMonth();
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** Moves Saturday back to Friday and Sunday forward to Monday. */
export function businessDay(day: number): number {
  const weekday = weekdayOf(day);
  if (weekday === 6) return day - 1;
  if (weekday === 0) return day + 1;
  return day;
}

/** Day number of a given calendar date. */
export function dayFromParts(year: number, month0: number, date: number): number {
  return Date.UTC(year, month0, date) / DAY_MS;
}
