import { Module } from '@nestjs/common';
import { TemporalModule } from '../temporal/temporal.module.js';
import { PlayStarter } from './play-starter.service.js';
import { playTemplatesProvider } from './play-templates.provider.js';

/** Starting plays (templates + starter), shared by the API and the worker's activities. */
@Module({ imports: [TemporalModule], providers: [playTemplatesProvider, PlayStarter], exports: [PlayStarter, playTemplatesProvider] })
export class PlayStartingModule {}
