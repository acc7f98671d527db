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

/** Express' last handler: maps body-parser failures and HttpErrors to JSON, hides everything else. */
export const errorHandler: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  if (res.headersSent) return next(error);
  if (error instanceof HttpError) return sendError(res, error);
  const { type, limit } = error as { type?: string; limit?: number };
  if (type === 'entity.too.large') {
    const max = typeof limit === 'number' ? ` (máximo ${Math.round(limit / 1024)} kB)` : '';
    return sendError(res, new HttpError(413, 'payload_too_large', `La solicitud es demasiado grande${max}.`));
  }
  if (type === 'entity.parse.failed') {
    return sendError(res, new HttpError(400, 'invalid_json', 'El cuerpo de la solicitud no es JSON válido.'));
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return sendError(res, new HttpError(415, 'unsupported_encoding', 'Codificación no admitida; use UTF-8.'));
  }
  console.error(error);
  sendError(res, new HttpError(500, 'internal', 'Ocurrió un error interno. Intente de nuevo.'));
};
