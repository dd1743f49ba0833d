import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export const WEBHOOK_PATH = '/webhooks/icims';

export type WebhookRequest = FastifyRequest & { webhookRawBody?: Buffer };

const httpError = (statusCode: number, code: string, message: string) => Object.assign(new Error(message), { statusCode, code });

/**
 * For the webhook route only: keeps the bytes exactly as received (HMAC signs them, gzip
 * included) and gives the JSON parser the decompressed body, bounded by `maxBytes`.
 */
export function registerWebhookBodyHook(fastify: FastifyInstance, maxBytes: number): void {
  fastify.addHook('preParsing', async (request: WebhookRequest, _reply, payload) => {
    if (request.routeOptions.url !== WEBHOOK_PATH) return payload;
    const raw = await readAll(payload, maxBytes);
    request.webhookRawBody = raw;
    const encoding = String(request.headers['content-encoding'] ?? 'identity').toLowerCase();
    let body: Buffer;
    if (encoding === 'identity') body = raw;
    else if (encoding === 'gzip') body = gunzip(raw, maxBytes);
    else throw httpError(415, 'UNSUPPORTED_ENCODING', `content-encoding ${encoding} is not supported (use gzip or none)`);
    const stream = Readable.from([body]) as Readable & { receivedEncodedLength?: number };
    stream.receivedEncodedLength = raw.length;
    return stream;
  });
}

async function readAll(payload: NodeJS.ReadableStream, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of payload) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw httpError(413, 'FST_ERR_CTP_BODY_TOO_LARGE', `the webhook body is larger than ${maxBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function gunzip(raw: Buffer, maxBytes: number): Buffer {
  try {
    return gunzipSync(raw, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
      throw httpError(413, 'FST_ERR_CTP_BODY_TOO_LARGE', `the webhook body inflates beyond ${maxBytes} bytes`);
    }
    throw httpError(400, 'INVALID_GZIP', 'the body says gzip but is not valid gzip');
  }
}
