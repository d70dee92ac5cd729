import { Module } from '@nestjs/common';
import { PortfolioController } from './portfolio.controller.js';
import { PortfolioAccountsService } from './portfolio-accounts.service.js';

@Module({ controllers: [PortfolioController], providers: [PortfolioAccountsService] })
export class PortfolioModule {}
