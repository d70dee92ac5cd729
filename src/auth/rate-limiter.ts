import { Injectable } from '@nestjs/common';

interface Bucket {
  tokens: number;
  updatedAt: number;
  perMinute: number;
}

/**
 * Token bucket per credential, per process: `perMinute` requests a minute with bursts up to the same number.
 * Behind several API replicas each enforces its own share (documented); no shared store is needed for one replica.
 */
@Injectable()
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  /** Takes one token; returns 0 when allowed, else the seconds until the next token. */
  take(key: string, perMinute: number, now = Date.now()): number {
    const refillPerMs = perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: perMinute, updatedAt: now, perMinute };
    bucket.perMinute = perMinute;
    bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.updatedAt) * refillPerMs);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 100_000) this.evictFull(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / refillPerMs / 1000);
  }

  /** Forgets buckets that have refilled completely: they behave exactly like new ones. */
  private evictFull(now: number): void {
    for (const [key, b] of this.buckets) if (b.tokens + ((now - b.updatedAt) * b.perMinute) / 60_000 >= b.perMinute) this.buckets.delete(key);
  }
}
