import { pino, type Logger } from 'pino';

/** Structured JSON logs on stdout; secrets are redacted by key name wherever they appear. */
export function createLogger(level: string, name: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    name,
    level,
    base: { service: 'retention', process: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        'password', '*.password', '*.passwordHash', '*.secretHash', '*.apiKey', 'token', '*.token', '*.authorization',
        'req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers["x-platform-key"]', '*.headers.authorization', '*.headers["x-api-key"]', '*.headers["x-platform-key"]',
        'DATABASE_URL', 'TEMPORAL_API_KEY', 'AUTH_JWT_SECRET', 'PLATFORM_ADMIN_KEY', '*.DATABASE_URL', '*.TEMPORAL_API_KEY', '*.AUTH_JWT_SECRET', '*.PLATFORM_ADMIN_KEY',
      ],
      censor: '<redacted>',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
