import type { IncomingMessage } from 'node:http';
import { createRedactionService, type RedactionService } from '@dax/guards';
import { pino, type Logger, type LevelWithSilent } from 'pino';

/**
 * Paths the logger blanks wherever they appear: credentials, cookies and anything
 * that could hold a caller's input or chat messages. Compiled once by pino.
 */
export const redactedLogPaths: readonly string[] = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers["x-api-key"]',
  'headers.cookie',
  'authorization',
  'apiKey',
  'key',
  'token',
  'cookie',
  'body',
  'input',
  'messages',
  'output',
  '*.body',
  '*.input',
  '*.messages',
  '*.output',
  '*.apiKey',
  '*.token',
];

export interface GatewayLoggerOptions {
  readonly level: LevelWithSilent;
  /** Where JSON lines go; default standard output. */
  readonly stream?: NodeJS.WritableStream;
  /** Applied to every message and every string field; default the redaction service, on. */
  readonly redaction?: RedactionService;
}

const queryStart = /\?.*$/s;

/** The access-log view of a request: method and path only (the query may hold caller data). */
function serializeRequest(request: IncomingMessage & { id?: string }): Record<string, unknown> {
  return {
    method: request.method,
    path: (request.url ?? '').replace(queryStart, ''),
    remoteAddress: request.socket?.remoteAddress,
  };
}

/** An error as a log field: its type and code only; messages, causes and stacks may carry upstream bodies. */
function serializeError(error: unknown): Record<string, unknown> {
  if (typeof error !== 'object' || error === null) return { type: typeof error };
  const { name, code, statusCode } = error as { name?: unknown; code?: unknown; statusCode?: unknown };
  return {
    type: typeof name === 'string' ? name : 'Error',
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof statusCode === 'number' ? { statusCode } : {}),
  };
}

/**
 * The gateway's pino logger: JSON lines, redacted paths (credentials, inputs),
 * request and error serializers that keep data out, and the redaction service
 * over every message and string field, so personal data or a secret that reaches
 * a log call some other way still becomes a placeholder.
 */
export function createGatewayLogger(options: GatewayLoggerOptions): Logger {
  const redaction = options.redaction ?? createRedactionService();
  return pino(
    {
      level: options.level,
      hooks: {
        logMethod(inputArgs, method) {
          const redacted = inputArgs.map((argument: unknown) => (typeof argument === 'string' ? redaction.redactText(argument) : argument));
          method.apply(this, redacted as Parameters<typeof method>);
        },
      },
      formatters: {
        log: (object) => redaction.redactValue(object),
      },
      redact: { paths: [...redactedLogPaths], censor: '[redacted]' },
      serializers: {
        req: serializeRequest,
        res: (reply: { statusCode?: number }) => ({ statusCode: reply.statusCode }),
        err: serializeError,
        error: serializeError,
      },
    },
    options.stream ?? process.stdout,
  );
}
