import { Body, Controller, Headers, HttpCode, Param, Post, Query, UnsupportedMediaTypeException } from '@nestjs/common';
import { z } from 'zod';
import { parseOrThrow } from '../../api/zod-issues.js';
import { TenantId } from '../../tenants/tenant-id.decorator.js';
import { BulkImportService } from './bulk-import.service.js';
import { rowsFromCsv, rowsFromJson } from './import-rows.js';
import { Requires } from '../../auth/policy.decorators.js';

const importQuery = z.strictObject({ mode: z.enum(['atomic', 'partial']).default('atomic') });

@Controller('import')
export class ImportController {
  constructor(private readonly imports: BulkImportService) {}

  /** CSV (text/csv, header row) or JSON (array of rows); per-row error report. */
  @Post(':resource')
  @Requires('ingest')
  @HttpCode(200)
  import(
    @TenantId() tenantId: string,
    @Param('resource') resource: string,
    @Query() query: Record<string, unknown>,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
  ) {
    const { mode } = parseOrThrow(importQuery, query, 'query');
    const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
    if (type === 'text/csv') return this.imports.import(tenantId, resource, rowsFromCsv(String(body ?? '')), 'csv', mode);
    if (type === 'application/json') return this.imports.import(tenantId, resource, rowsFromJson(body), 'json', mode);
    throw new UnsupportedMediaTypeException(`expected Content-Type text/csv or application/json, got '${type || 'none'}'`);
  }
}
