import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-databases.js';
import { count, createAccount, createTenant } from './fixtures.js';

const csv = (lines: string[]) => `${lines.join('\n')}\n`;

describe.each(testDialects())('bulk import ($name)', (dialect) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp(dialect);
    await createTenant(app);
    await createAccount(app, { externalRef: 'crm-1', name: 'Initech' });
  });
  afterAll(async () => app?.close());

  const touchpointsCsv = csv([
    'accountExternalRef,kind,channel,direction,occurredAt,responseTimeHours,outcome',
    'crm-1,operational,call,inbound,2026-11-02T10:00:00Z,4,held',
    'crm-404,operational,call,inbound,2026-11-03T10:00:00Z,4,held',
    'crm-1,operational,fax,inbound,2026-11-04T10:00:00Z,soon,held',
    'crm-1,executive,meeting,outbound,2026-11-05T10:00:00Z,,cancelled',
  ]);

  it('reports each bad CSV row with its row number, file line and field, and imports nothing (atomic)', async () => {
    const res = await app.call('POST', '/api/v1/import/touchpoints', touchpointsCsv, { contentType: 'text/csv' });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/2 of 4 rows are invalid; nothing was imported/);
    expect(res.body.issues).toEqual([
      expect.objectContaining({ row: 2, line: 3, path: 'rows[1].accountExternalRef', code: 'unknown_reference' }),
      expect.objectContaining({ row: 3, line: 4, path: 'rows[2].channel', code: 'invalid_value' }),
      expect.objectContaining({ row: 3, line: 4, path: 'rows[2].responseTimeHours', expected: 'number' }),
    ]);
    expect(await count(app, 'touchpoints')).toBe(0);
  });

  it('imports the valid rows in partial mode, reports the rest, and a re-import changes nothing', async () => {
    const res = await app.call('POST', '/api/v1/import/touchpoints?mode=partial', touchpointsCsv, { contentType: 'text/csv' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ received: 4, created: 2, unchanged: 0, failed: 2 });
    expect(res.body.errors.map((e: { row: number }) => e.row)).toEqual([2, 3, 3]);
    expect(await count(app, 'touchpoints')).toBe(2);

    const again = await app.call('POST', '/api/v1/import/touchpoints?mode=partial', touchpointsCsv, { contentType: 'text/csv' });
    expect(again.body).toMatchObject({ created: 0, unchanged: 2, failed: 2 });
    expect(await count(app, 'touchpoints')).toBe(2);
    // CSV values were coerced to the schema's types.
    const list = await app.call('GET', '/api/v1/touchpoints?outcome=held');
    expect(list.body.items[0].responseTimeHours).toBe(4);
  });

  it('upserts accounts from JSON by externalRef', async () => {
    const rows = [
      { externalRef: 'crm-1', name: 'Initech Group', industry: 'technology', clientSince: '2021-05-01' },
      { externalRef: 'crm-2', name: 'Hooli', industry: 'agency', clientSince: '2024-01-15', segment: 'enterprise' },
    ];
    const res = await app.call('POST', '/api/v1/import/accounts', rows);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 1, updated: 1, failed: 0 });
    const renamed = await app.call('GET', '/api/v1/accounts?externalRef=crm-1');
    expect(renamed.body.items[0].name).toBe('Initech Group');
  });

  it('reports a malformed CSV and an unsupported content type', async () => {
    const broken = await app.call('POST', '/api/v1/import/touchpoints', 'a,b\n1,2,3\n', { contentType: 'text/csv' });
    expect(broken.status).toBe(400);
    expect(broken.body.issues[0]).toMatchObject({ code: 'malformed_csv' });
    const xml = await app.call('POST', '/api/v1/import/touchpoints', '<x/>', { contentType: 'application/xml' });
    expect(xml.status).toBe(415);
  });

  it('refuses unknown resources', async () => {
    const res = await app.call('POST', '/api/v1/import/spaceships', [{ name: 'x' }]);
    expect(res.status).toBe(404);
  });
});
