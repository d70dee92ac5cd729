import { Module } from '@nestjs/common';
import { ScoringModule } from '../scoring/scoring.module.js';
import { PluginsController } from './plugins.controller.js';

/** The HTTP side of plugins: listing them and enabling them per tenant (which rescoring follows). */
@Module({ imports: [ScoringModule], controllers: [PluginsController] })
export class PluginAdminModule {}
