import { Module } from '@nestjs/common';
import { ScoringModule } from '../scoring/scoring.module.js';
import { PlayCommandDispatcher } from './play-command-dispatcher.js';
import { PlayHealthSignaller } from './play-health-signaller.js';
import { PlayStarter } from './play-starter.service.js';
import { PlayTasksService } from './play-tasks.service.js';
import { playTemplatesProvider } from './play-templates.provider.js';
import { PlaysController } from './plays.controller.js';

/** API-side plays: starting, the command outbox, health signals, tasks and the plays API. */
@Module({
  imports: [ScoringModule],
  controllers: [PlaysController],
  providers: [playTemplatesProvider, PlayStarter, PlayCommandDispatcher, PlayHealthSignaller, PlayTasksService],
  exports: [PlayStarter, PlayCommandDispatcher, PlayHealthSignaller, playTemplatesProvider],
})
export class PlaysModule {}
