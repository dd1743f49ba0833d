import { request } from 'undici';

export interface SseEvent {
  event: string;
  data: unknown;
}

/** Reads a server-sent event stream until it ends; resolves with every event, in order. */
export async function readSse(url: string, headers: Record<string, string>, options: { timeoutMs?: number } = {}): Promise<SseEvent[]> {
  const response = await request(url, { headers: { accept: 'text/event-stream', ...headers }, bodyTimeout: options.timeoutMs ?? 120_000 });
  if (response.statusCode !== 200) throw new Error(`SSE ${url} answered ${response.statusCode}: ${await response.body.text()}`);
  const events: SseEvent[] = [];
  let buffer = '';
  for await (const chunk of response.body) {
    buffer += chunk.toString();
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const fields = Object.fromEntries(block.split('\n').filter((line) => line.includes(':')).map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]));
      if (fields.data !== undefined) events.push({ event: fields.event ?? 'message', data: JSON.parse(fields.data) });
    }
  }
  return events;
}
