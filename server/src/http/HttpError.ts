import type { ErrorRequestHandler, Response } from 'express';
import type { ApiError } from '@cocrea/shared';

/** An error the API answers as JSON with a Spanish message; anything else becomes a 500. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export function sendError(res: Response, error: HttpError): void {
  const body: ApiError = { error: { code: error.code, message: error.message } };
  if (error.fields) body.error.fields = error.fields;
  res.status(error.status).json(body);
}

/**
 * Express' last handler: maps body-parser failures and HttpErrors to JSON, hides everything else. A client's
 * mistake (any 4xx) is answered in Spanish and not logged: it says nothing about the server, and logging a stack
 * trace per request would let anyone fill the log.
 */
export const errorHandler: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  if (res.headersSent) return next(error);
  if (error instanceof HttpError) return sendError(res, error);
  const clientError = asClientError(error);
  if (clientError) return sendError(res, clientError);
  console.error(error);
  sendError(res, new HttpError(500, 'internal', 'Ocurrió un error interno. Intente de nuevo.'));
};

/** The Spanish answer to an error that body-parser (or another `http-errors` source) marks as the client's. */
function asClientError(error: unknown): HttpError | null {
  const { type, limit, status } = error as { type?: string; limit?: number; status?: number };
  if (type === 'entity.too.large') {
    const max = typeof limit === 'number' ? ` (máximo ${Math.round(limit / 1024)} kB)` : '';
    return new HttpError(413, 'payload_too_large', `La solicitud es demasiado grande${max}.`);
  }
  if (type === 'entity.parse.failed') {
    return new HttpError(400, 'invalid_json', 'El cuerpo de la solicitud no es JSON válido.');
  }
  // body-parser gives an unknown Content-Encoding this type; an unknown charset gets `charset.unsupported`.
  if (type === 'encoding.unsupported') {
    const message = 'Codificación de contenido no admitida; envíe el cuerpo sin comprimir o con gzip, deflate o br.';
    return new HttpError(415, 'unsupported_content_encoding', message);
  }
  if (type === 'charset.unsupported') {
    return new HttpError(415, 'unsupported_encoding', 'Codificación no admitida; use UTF-8.');
  }
  if (typeof status !== 'number' || status < 400 || status >= 500) return null;
  // What is left is a body that cannot be read as it says it is sent: a Content-Encoding that does not match it
  // (zlib fails to inflate it), a length that does not match, an aborted upload.
  return new HttpError(
    status,
    'invalid_body_encoding',
    'No se pudo leer el cuerpo de la solicitud: no corresponde a su Content-Encoding o llegó incompleto.',
  );
}
