import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { TenantId } from '../tenants/tenant-id.decorator.js';
import { EventIngestionService } from './event-ingestion.service.js';
import { Requires } from '../auth/policy.decorators.js';

@Controller('events')
export class EventsController {
  constructor(private readonly ingestion: EventIngestionService) {}

  /** Batch of events, all-or-nothing; replays of known ids are reported as duplicates. */
  @Post()
  @Requires('ingest')
  @HttpCode(200)
  ingest(@TenantId() tenantId: string, @Body() body: unknown) {
    return this.ingestion.ingest(tenantId, body);
  }
}
