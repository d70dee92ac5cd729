import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, wrap, type EntityManager } from '@mikro-orm/core';
import { Account } from '../../accounts/account.entity.js';
import { NotFound, ValidationFailed, type FieldIssue } from '../../api/api-errors.js';
import { zodIssuesToFieldIssues } from '../../api/zod-issues.js';
import { findMissingReferences } from '../../resources/reference-checker.js';
import type { ResourceDefinition } from '../../resources/resource-definition.js';
import { resourceByPath } from '../../resources/resource-definitions.js';
import { TenantsService } from '../../tenants/tenants.service.js';
import { AccountActivity } from '../account-activity.js';
import { canonicalJson, deterministicUuid } from '../deterministic-id.js';
import { csvCoercerFor } from './csv-coercion.js';
import type { SourceRow } from './import-rows.js';
import { retryOnBusy } from '../../persistence/retry-on-busy.js';

export type ImportMode = 'atomic' | 'partial';

export interface ImportReport {
  resource: string;
  mode: ImportMode;
  received: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: FieldIssue[];
}

interface ValidRow {
  source: SourceRow;
  data: Record<string, unknown>;
}

const IMPORTABLE = new Set(['accounts', 'stakeholders', 'people', 'team-assignments', 'contracts', 'engagements', 'invoices', 'touchpoints', 'survey-responses', 'service-issues', 'observations', 'opportunities', 'wallet-estimates']);

/**
 * Imports accounts (upserted by externalRef) and history rows. History rows get content-derived
 * ids, so importing the same file twice changes nothing. `atomic` rejects the file on any bad
 * row; `partial` applies the good rows and reports the rest, row by row.
 */
@Injectable()
export class BulkImportService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly tenants: TenantsService,
    private readonly activity: AccountActivity,
  ) {}

  async import(tenantId: string, resource: string, rows: SourceRow[], format: 'csv' | 'json', mode: ImportMode): Promise<ImportReport> {
    await this.tenants.assertExists(tenantId);
    const def = resourceByPath(resource);
    if (!def || !IMPORTABLE.has(resource)) throw new NotFound(`nothing to import as '${resource}'; importable: ${[...IMPORTABLE].join(', ')}`);
    const coerce = format === 'csv' ? csvCoercerFor(def.create) : (v: Record<string, unknown>) => v;

    return retryOnBusy(() => this.orm.em.fork().transactional(async (em) => {
      const errors: FieldIssue[] = [];
      const withAccounts = await this.resolveAccountRefs(em, tenantId, def, rows, errors);
      const valid: ValidRow[] = [];
      for (const source of withAccounts) {
        const parsed = def.create.safeParse(coerce(source.values));
        if (parsed.success) valid.push({ source, data: parsed.data as Record<string, unknown> });
        else errors.push(...zodIssuesToFieldIssues(parsed.error, `rows[${source.row - 1}]`).map((i) => ({ ...i, row: source.row, line: source.line })));
      }
      const missing = await findMissingReferences(em, tenantId, def.references, valid.map((v) => v.data), (i, field) => `rows[${valid[i].source.row - 1}].${field}`);
      for (const m of missing) errors.push({ ...m.issue, row: valid[m.rowIndex].source.row, line: valid[m.rowIndex].source.line });
      const badRows = new Set(errors.map((e) => e.row));
      const good = valid.filter((v) => !badRows.has(v.source.row));

      errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
      if (errors.length && mode === 'atomic') {
        throw new ValidationFailed(errors, `${badRows.size} of ${rows.length} rows are invalid; nothing was imported (use mode=partial to import the valid rows).`);
      }
      const counts = def.path === 'accounts' ? await this.upsertAccounts(em, tenantId, good) : await this.insertHistory(em, tenantId, def, good);
      await em.flush();
      this.activity.publish(tenantId, [...new Set(good.map((g) => (def.path === 'accounts' ? null : (g.data.accountId as string | undefined))).filter((v): v is string => !!v))]);
      return { resource, mode, received: rows.length, ...counts, failed: badRows.size, errors };
    }));
  }

  /** CSV rows name their account by the CRM id (`accountExternalRef`); one query for the whole file. */
  private async resolveAccountRefs(em: EntityManager, tenantId: string, def: ResourceDefinition, rows: SourceRow[], errors: FieldIssue[]): Promise<SourceRow[]> {
    if (!def.references.some((r) => r.field === 'accountId')) return rows;
    const refs = [...new Set(rows.map((r) => r.values.accountExternalRef).filter((v): v is string => typeof v === 'string'))];
    const accounts = refs.length ? await em.find(Account, { tenantId, externalRef: { $in: refs } }, { fields: ['id', 'externalRef'] }) : [];
    const idByRef = new Map(accounts.map((a) => [a.externalRef, a.id]));
    const out: SourceRow[] = [];
    for (const row of rows) {
      const { accountExternalRef, ...values } = row.values;
      if (accountExternalRef === undefined) {
        out.push(row);
        continue;
      }
      const id = idByRef.get(String(accountExternalRef));
      if (!id) {
        errors.push({ row: row.row, line: row.line, path: `rows[${row.row - 1}].accountExternalRef`, code: 'unknown_reference', message: `no account with externalRef '${String(accountExternalRef)}' in this tenant`, expected: 'externalRef of an existing account' });
        continue;
      }
      out.push({ ...row, values: { ...values, accountId: id } });
    }
    return out;
  }

  private async upsertAccounts(em: EntityManager, tenantId: string, rows: ValidRow[]) {
    const refs = rows.map((r) => r.data.externalRef).filter((v): v is string => typeof v === 'string');
    const existing = refs.length ? await em.find(Account, { tenantId, externalRef: { $in: refs } }) : [];
    const byRef = new Map(existing.map((a) => [a.externalRef, a]));
    let created = 0;
    let updated = 0;
    for (const { data } of rows) {
      const current = typeof data.externalRef === 'string' ? byRef.get(data.externalRef) : undefined;
      if (current) {
        wrap(current).assign(data as never);
        updated++;
      } else {
        em.create(Account, { ...data, tenantId } as never);
        created++;
      }
    }
    return { created, updated, unchanged: 0 };
  }

  private async insertHistory(em: EntityManager, tenantId: string, def: ResourceDefinition, rows: ValidRow[]) {
    const ids = rows.map((r) => deterministicUuid(tenantId, 'import', def.path, canonicalJson(r.data)));
    const existing = new Set((await em.find(def.entity, { tenantId, id: { $in: ids } } as never, { fields: ['id'] as never })).map((e) => (e as { id: string }).id));
    let created = 0;
    rows.forEach((row, i) => {
      if (existing.has(ids[i])) return;
      existing.add(ids[i]); // identical rows within one file count once
      em.create(def.entity, { ...row.data, id: ids[i], tenantId } as never);
      created++;
    });
    return { created, updated: 0, unchanged: rows.length - created };
  }
}
