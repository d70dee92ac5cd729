import { Global, Module } from '@nestjs/common';
import { AccountActivity } from './account-activity.js';
import { EventIngestionService } from './event-ingestion.service.js';
import { EventsController } from './events.controller.js';
import { BulkImportService } from './import/bulk-import.service.js';
import { ImportController } from './import/import.controller.js';

@Global()
@Module({
  controllers: [EventsController, ImportController],
  providers: [AccountActivity, EventIngestionService, BulkImportService],
  exports: [AccountActivity, EventIngestionService],
})
export class IngestionModule {}
