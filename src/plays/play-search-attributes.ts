import { defineSearchAttributeKey, SearchAttributeType, TypedSearchAttributes } from '@temporalio/common';

/**
 * Custom search attributes every play carries, so the Temporal UI and CLI can find plays by
 * tenant, account, play, tier and status. They must exist on the cluster: the start command
 * registers them on the dev server; for a real cluster run
 * `temporal operator search-attribute create --name RetentionTenant --type Keyword` (etc.).
 */
export const PLAY_SEARCH_ATTRIBUTES = {
  tenant: defineSearchAttributeKey('RetentionTenant', SearchAttributeType.KEYWORD),
  account: defineSearchAttributeKey('RetentionAccount', SearchAttributeType.KEYWORD),
  play: defineSearchAttributeKey('RetentionPlay', SearchAttributeType.KEYWORD),
  tier: defineSearchAttributeKey('RetentionTier', SearchAttributeType.INT),
  status: defineSearchAttributeKey('RetentionStatus', SearchAttributeType.KEYWORD),
};

/** `--search-attribute` flags for `temporal server start-dev`. */
export const DEV_SERVER_SEARCH_ATTRIBUTE_FLAGS = ['RetentionTenant=Keyword', 'RetentionAccount=Keyword', 'RetentionPlay=Keyword', 'RetentionTier=Int', 'RetentionStatus=Keyword'];

export function playSearchAttributes(tenantId: string, accountId: string, play: string, tier: number): TypedSearchAttributes {
  return new TypedSearchAttributes([
    { key: PLAY_SEARCH_ATTRIBUTES.tenant, value: tenantId },
    { key: PLAY_SEARCH_ATTRIBUTES.account, value: accountId },
    { key: PLAY_SEARCH_ATTRIBUTES.play, value: play },
    { key: PLAY_SEARCH_ATTRIBUTES.tier, value: tier },
    { key: PLAY_SEARCH_ATTRIBUTES.status, value: 'running' },
  ]);
}
