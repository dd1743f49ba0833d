import type { CommandFailedEvent, CommandStartedEvent, CommandSucceededEvent, MongoClient } from 'mongodb';
import { MetricsService } from '../metrics/metrics.service';

/**
 * Times every command the driver sends, by command and collection: the store is where a
 * slow import or a webhook backlog usually shows first.
 */
export function recordCommandDurations(client: MongoClient, metrics: MetricsService): void {
  const collectionOf = new Map<number, string>();
  client.on('commandStarted', (event: CommandStartedEvent) => {
    const target: unknown = event.command[event.commandName];
    collectionOf.set(event.requestId, typeof target === 'string' ? target : '');
  });
  const observe = (outcome: 'ok' | 'error') => (event: CommandSucceededEvent | CommandFailedEvent) => {
    const collection = collectionOf.get(event.requestId) ?? '';
    collectionOf.delete(event.requestId);
    metrics.mongoCommandDuration.observe({ command: event.commandName, collection, outcome }, event.duration / 1000);
  };
  client.on('commandSucceeded', observe('ok'));
  client.on('commandFailed', observe('error'));
}
