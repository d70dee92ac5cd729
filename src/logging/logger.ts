import { pino, type Logger } from 'pino';

/** Structured JSON logs on stdout; secrets are redacted by key name wherever they appear. */
export function createLogger(level: string, name: string): Logger {
  return pino({
    name,
    level,
    base: { service: 'retention', process: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['*.password', '*.apiKey', '*.token', '*.authorization', 'req.headers.authorization', 'req.headers["x-api-key"]', 'DATABASE_URL', 'TEMPORAL_API_KEY'],
      censor: '<redacted>',
    },
  });
}
