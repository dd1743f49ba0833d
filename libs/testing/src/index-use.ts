import type { CommandStartedEvent, Document } from 'mongodb';
import type { Connection } from 'mongoose';

/** Commands that read through an index, or should. Inserts find nothing, so they are not explained. */
const QUERY_COMMANDS = new Set(['find', 'aggregate', 'count', 'distinct', 'update', 'delete', 'findAndModify']);
/** Session and transaction fields the driver adds; `explain` refuses them. */
const SESSION_FIELDS = ['lsid', 'txnNumber', 'autocommit', 'startTransaction', '$clusterTime', '$db', 'readConcern', 'writeConcern', '$readPreference'];

export interface ExplainedQuery {
  /** `<command> <collection> <filter>`, for the failure message. */
  query: string;
  /** The winning plan's stages, outermost first, e.g. `FETCH < IXSCAN tenant_started_id`. */
  plan: string;
  /** A COLLSCAN, or an index walked end to end (used for its order only): either reads every document. */
  readsWholeCollection: boolean;
}

/**
 * Runs `exercise`, captures every query it sent to the store through `connection` (reads,
 * and the filters of updates and deletes), and explains each against the real server. A
 * query whose winning plan has a COLLSCAN stage, or scans an index from MinKey to MaxKey on
 * every field, reads the whole collection.
 */
export async function explainQueriesOf(connection: Connection, exercise: () => Promise<unknown>): Promise<ExplainedQuery[]> {
  const captured: CommandStartedEvent[] = [];
  const client = connection.getClient();
  const capture = (event: CommandStartedEvent) => {
    if (QUERY_COMMANDS.has(event.commandName) && event.databaseName === connection.db!.databaseName) captured.push(event);
  };
  client.on('commandStarted', capture);
  try {
    await exercise();
  } finally {
    client.off('commandStarted', capture);
  }
  const explained: ExplainedQuery[] = [];
  for (const event of captured) {
    for (const command of statementsOf(event)) {
      const explanation = await connection.db!.command({ explain: command, verbosity: 'queryPlanner' });
      const stages = winningStages(explanation);
      explained.push({ query: summaryOf(event.commandName, command), plan: stages.map(({ name }) => name).join(' < '), readsWholeCollection: stages.some(({ whole }) => whole) });
    }
  }
  return explained;
}

/** One command per statement: an `update` or `delete` of many statements is explained one at a time. */
function statementsOf(event: CommandStartedEvent): Document[] {
  const command: Document = { ...event.command };
  for (const field of SESSION_FIELDS) delete command[field];
  if (event.commandName === 'update') return (command.updates as Document[]).map((statement) => ({ ...command, updates: [statement] }));
  if (event.commandName === 'delete') return (command.deletes as Document[]).map((statement) => ({ ...command, deletes: [statement] }));
  return [command];
}

function summaryOf(commandName: string, command: Document): string {
  const filter = command.filter ?? command.query ?? command.updates?.[0]?.q ?? command.deletes?.[0]?.q ?? command.pipeline?.[0];
  return `${commandName} ${String(command[commandName])} ${JSON.stringify(filter ?? {})}`;
}

/** The stages of every winning plan in an explanation (classic or slot-based engine, find or pipeline). */
function winningStages(explanation: unknown): { name: string; whole: boolean }[] {
  const stages: { name: string; whole: boolean }[] = [];
  const walkPlan = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const plan = node as { stage?: string; indexName?: string; indexBounds?: Record<string, string[]>; inputStage?: unknown; inputStages?: unknown[]; queryPlan?: unknown };
    if (plan.queryPlan) return walkPlan(plan.queryPlan);
    if (plan.stage) {
      const unbounded = plan.indexBounds !== undefined && Object.values(plan.indexBounds).every((bounds) => bounds.length === 1 && /^\[MinKey, MaxKey\]$|^\[MaxKey, MinKey\]$/.test(bounds[0]));
      stages.push({ name: plan.indexName ? `${plan.stage} ${plan.indexName}` : plan.stage, whole: plan.stage === 'COLLSCAN' || unbounded });
    }
    walkPlan(plan.inputStage);
    for (const input of plan.inputStages ?? []) walkPlan(input);
  };
  const find = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'winningPlan') walkPlan(value);
      else if (key !== 'rejectedPlans') find(value);
    }
  };
  find(explanation);
  return stages;
}
