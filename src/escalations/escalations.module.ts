import { Module } from '@nestjs/common';
import { EscalationService } from './escalation.service.js';
import { EscalationsController } from './escalations.controller.js';

@Module({ controllers: [EscalationsController], providers: [EscalationService], exports: [EscalationService] })
export class EscalationsModule {}
