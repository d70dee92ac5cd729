import { Module } from '@nestjs/common';
import { ScoringModule } from '../scoring/scoring.module.js';
import { PlayCommandDispatcher } from './play-command-dispatcher.js';
import { PlayHealthSignaller } from './play-health-signaller.js';
import { PlayTasksService } from './play-tasks.service.js';
import { PlayTriggersOnActivity } from './play-triggers-on-activity.js';
import { PlayStartingModule } from './play-starting.module.js';
import { PlaysController } from './plays.controller.js';

/** API-side plays: starting, the command outbox, health signals, tasks and the plays API. */
@Module({
  imports: [ScoringModule, PlayStartingModule],
  controllers: [PlaysController],
  providers: [PlayCommandDispatcher, PlayHealthSignaller, PlayTasksService, PlayTriggersOnActivity],
  exports: [PlayCommandDispatcher, PlayHealthSignaller],
})
export class PlaysModule {}
