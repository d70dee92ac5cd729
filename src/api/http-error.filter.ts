import { Catch, HttpException, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { Conflict, DependencyUnavailable, NotFound, ValidationFailed } from './api-errors.js';

/** Uniform error bodies: `{ error, message, issues? }`. Unknown errors are logged and hidden behind a 500. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  constructor(private readonly log: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const [status, body] = this.describe(exception);
    if (exception instanceof DependencyUnavailable) {
      this.log.warn({ reason: exception.message }, 'dependency unavailable');
      response.setHeader('Retry-After', '30');
    } else if (status >= 500) this.log.error({ err: exception }, 'unhandled error');
    response.status(status).json(body);
  }

  private describe(exception: unknown): [number, Record<string, unknown>] {
    if (exception instanceof ValidationFailed) {
      return [HttpStatus.BAD_REQUEST, { error: 'validation_failed', message: exception.message, issues: exception.issues }];
    }
    if (exception instanceof NotFound) return [HttpStatus.NOT_FOUND, { error: 'not_found', message: exception.message }];
    if (exception instanceof DependencyUnavailable) return [HttpStatus.SERVICE_UNAVAILABLE, { error: 'service_unavailable', message: exception.message }];
    if (exception instanceof Conflict) {
      return [HttpStatus.CONFLICT, { error: 'conflict', message: exception.message, ...(exception.details ? { details: exception.details } : {}) }];
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const raw = exception.getResponse();
      let message = typeof raw === 'string' ? raw : String((raw as { message?: unknown }).message ?? exception.message);
      // The express adapter maps body-parser's SyntaxError to a 400 that carries it as cause.
      if (exception.cause instanceof SyntaxError) message = `malformed JSON: ${message}`;
      return [status, { error: errorCode(status), message }];
    }
    return [HttpStatus.INTERNAL_SERVER_ERROR, { error: 'internal_error', message: 'Internal error; nothing was changed.' }];
  }
}

function errorCode(status: number): string {
  const codes: Record<number, string> = { 400: 'bad_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 409: 'conflict', 413: 'payload_too_large', 415: 'unsupported_media_type', 429: 'too_many_requests' };
  return codes[status] ?? 'error';
}
