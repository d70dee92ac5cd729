import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type Request, type Response } from 'express';
import { projectRoot } from '../rules/defaults/project-root.js';

export const CONSOLE_PATH = '/console';

/** Where the Vite build of console/ lands (scripts/setup.sh builds it). */
export function consoleBuildDir(configured?: string): string {
  return configured ?? join(projectRoot(), 'dist', 'console');
}

/**
 * Serves the web console from the service itself: hashed assets cached for a year, every
 * other path under /console answered with index.html so deep links work (client-side routes).
 * Without a build the console answers 503 with what to run, instead of a confusing 404.
 */
export function serveConsole(app: NestExpressApplication, dir: string): void {
  const index = join(dir, 'index.html');
  app.use(`${CONSOLE_PATH}/assets`, express.static(join(dir, 'assets'), { index: false, immutable: true, maxAge: '365d', fallthrough: false }));
  app.use(CONSOLE_PATH, (req: Request, res: Response, next: () => void) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (!existsSync(index)) {
      res.status(503).type('text/plain').send('The web console is not built: run ./retention setup (or npm run console:build).\n');
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
  app.use((req: Request, res: Response, next: () => void) => {
    if (req.method === 'GET' && req.path === '/') return res.redirect(302, `${CONSOLE_PATH}/`);
    next();
  });
}
