import { Module } from '@nestjs/common';
import { RulesModule } from '../rules/rules.module.js';
import { TemporalModule } from '../temporal/temporal.module.js';
import { PlayTriggers } from './play-triggers.js';
import { PlayStarter } from './play-starter.service.js';
import { playTemplatesProvider } from './play-templates.provider.js';

/** Starting plays (templates, starter, data-driven triggers), shared by the API and the worker's activities. */
@Module({ imports: [TemporalModule, RulesModule], providers: [playTemplatesProvider, PlayStarter, PlayTriggers], exports: [PlayStarter, PlayTriggers, playTemplatesProvider] })
export class PlayStartingModule {}
