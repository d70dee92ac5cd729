import { canonicalJson, sha256 } from '../../ingestion/deterministic-id.js';

export function canonicalHash(document: unknown): string {
  return sha256(canonicalJson(document));
}
