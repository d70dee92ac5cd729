// Seeded pseudo-random numbers so a failing order can be replayed exactly: the seed is printed
// with every failure and written to the figures file. RELIABILITY_SEED=<n> replays one run.

/** mulberry32: small, fast, good enough to shuffle test inputs. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The seed of this run: RELIABILITY_SEED when given, otherwise the suite's fixed default. */
export function suiteSeed(fallback: number): number {
  const raw = process.env.RELIABILITY_SEED;
  if (!raw) return fallback;
  const seed = raw === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(raw);
  if (!Number.isInteger(seed)) throw new Error(`RELIABILITY_SEED must be an integer or 'random', got '${raw}'`);
  return seed;
}

export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export const randomInt = (random: () => number, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
