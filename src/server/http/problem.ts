import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode } from '../../contract/errors';
import { ERROR_STATUS } from '../../contract/errors';
import type { Problem } from '../../contract/errors';
import { AppError } from '../platform/errors';
import { toFieldErrors } from './validation';

const TITLES: Partial<Record<number, string>> = {
  400: 'Bad request',
  401: 'Unauthenticated',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Payload too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Service unavailable',
};

// SQLite: another connection (the job thread's) held the write lock past busy_timeout.
// PostgreSQL: a lock wait ran out (lock_timeout). Neither is a bug: the same request works later.
const isBusy = (err: { code?: unknown }) => (typeof err.code === 'string' && err.code.startsWith('SQLITE_BUSY')) || err.code === '55P03';

export function sendProblem(reply: FastifyReply, request: FastifyRequest, problem: Omit<Problem, 'type' | 'title' | 'requestId'>) {
  const body: Problem = {
    type: `https://rapport.dev/problems/${problem.code}`,
    title: TITLES[problem.status] ?? 'Error',
    ...problem,
    requestId: String(request.id),
  };
  return reply.status(problem.status).type('application/problem+json').send(body);
}

function fromFastify(err: FastifyError): { code: ErrorCode; status: number; detail: string } | null {
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return { code: 'payload_too_large', status: 413, detail: 'The request body is too large' };
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return { code: 'bad_request', status: 415, detail: 'Send JSON (Content-Type: application/json)' };
  if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return { code: 'bad_request', status: 400, detail: 'The JSON body is empty' };
  if (err.statusCode === 429) return { code: 'rate_limited', status: 429, detail: err.message };
  if (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY') return { code: 'bad_request', status: 400, detail: 'The body is not valid JSON' };
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return { code: 'bad_request', status: err.statusCode, detail: err.message };
  return null;
}

/** Every error leaves as problem+json with a stable code; 5xx are logged as the bugs they are. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      return sendProblem(reply, request, { status: err.status, code: err.code, detail: err.message, ...err.extra });
    }
    if (err.validation) {
      const errors = toFieldErrors(err.validation as any, err.validationContext);
      return sendProblem(reply, request, {
        status: 400,
        code: 'validation_failed',
        detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '),
        field: errors[0]?.field,
        errors,
      });
    }
    const known = fromFastify(err);
    if (known) return sendProblem(reply, request, known);
    if (isBusy(err)) {
      request.log.warn({ err }, 'the database was busy');
      reply.header('retry-after', '1');
      return sendProblem(reply, request, { status: 503, code: 'busy', detail: 'The database is busy with other work (such as an import); nothing was changed, try again in a moment' });
    }
    request.log.error({ err }, 'unhandled error');
    return sendProblem(reply, request, { status: 500, code: 'internal', detail: 'Something went wrong on our side; the request id helps us find it' });
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, request, { status: ERROR_STATUS.not_found, code: 'not_found', detail: `No route ${request.method} ${request.url.split('?')[0]}` }),
  );
}
