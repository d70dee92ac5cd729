import { createRequire } from 'node:module';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { MikroORM } from '@mikro-orm/core';
import express from 'express';
import type { Logger } from 'pino';
import { requestContextMiddleware } from './audit/request-context.js';
import { consoleBuildDir, serveConsole } from './console/serve-console.js';
import { HttpErrorFilter } from './api/http-error.filter.js';
import { TextSafetyPipe } from './api/text-safety.pipe.js';
import { API_PREFIX } from './api/openapi/openapi-document.js';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/config.schema.js';
import { NestPinoLogger } from './logging/nest-pino-logger.js';
import { installPluginsFor } from './plugin-host/install-plugins.js';
import type { InstalledPlugins } from './plugin-host/installed-plugins.js';

const require = createRequire(import.meta.url);

/** Builds the HTTP application (used by main.ts and by the e2e tests, so both run the same wiring). */
export async function createHttpApp(config: AppConfig, orm: MikroORM, log: Logger, installed?: InstalledPlugins): Promise<NestExpressApplication> {
  // Plugins are installed before Nest starts: a conflict refuses the boot with every problem listed.
  const plugins = installed ?? (await installPluginsFor(config));
  log.info({ plugins: plugins.plugins.map((p) => `${p.id}@${p.version}`) }, 'plugins installed');
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, orm, log, plugins), {
    logger: new NestPinoLogger(log),
    bodyParser: false,
  });
  app.use(requestContextMiddleware);
  app.useBodyParser('json', { limit: config.BODY_LIMIT });
  app.useBodyParser('text', { type: ['text/csv', 'text/plain'], limit: config.BODY_LIMIT });
  app.setGlobalPrefix(API_PREFIX.slice(1), {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'openapi.json', method: RequestMethod.GET },
      { path: 'docs', method: RequestMethod.GET },
    ],
  });
  app.useGlobalFilters(new HttpErrorFilter(log));
  app.useGlobalPipes(new TextSafetyPipe()); // NUL / lone surrogates: 400 before any database sees them
  // Swagger UI assets come from the installed package: no CDN at run time.
  const swaggerUi = require('swagger-ui-dist') as { getAbsoluteFSPath(): string };
  app.use('/docs/assets', express.static(swaggerUi.getAbsoluteFSPath(), { index: false }));
  serveConsole(app, consoleBuildDir(config.CONSOLE_DIR));
  app.enableShutdownHooks();
  return app;
}
