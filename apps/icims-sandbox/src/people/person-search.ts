import { sandboxErrors } from '../icims-sandbox.exception';
import { SandboxPerson, parseIcimsDateTime } from './sandbox-person';

export interface SearchFilterInput {
  name?: unknown;
  value?: unknown;
  operator?: unknown;
}

const OPERATORS = ['=', '==', '!=', '<', '>', '<=', '>='] as const;
type Operator = (typeof OPERATORS)[number];

/** Compiles iCIMS search filters into one predicate; unknown names or operators are 400s. */
export function compileFilters(filters: unknown, groupOperator: unknown): (person: SandboxPerson) => boolean {
  if (filters !== undefined && !Array.isArray(filters)) throw sandboxErrors.badRequest('filters must be a list');
  if (groupOperator !== undefined && groupOperator !== '&' && groupOperator !== '|') throw sandboxErrors.badRequest('operator must be & or |');
  const predicates = ((filters as SearchFilterInput[] | undefined) ?? []).map(compileFilter);
  if (predicates.length === 0) return () => true;
  return groupOperator === '|' ? (person) => predicates.some((p) => p(person)) : (person) => predicates.every((p) => p(person));
}

function compileFilter(filter: SearchFilterInput): (person: SandboxPerson) => boolean {
  const operator = (filter.operator ?? '=') as Operator;
  if (!OPERATORS.includes(operator)) throw sandboxErrors.badRequest(`unknown operator ${String(filter.operator)}`);
  const values = Array.isArray(filter.value) ? filter.value.map(String) : [];
  if (values.length === 0) throw sandboxErrors.badRequest(`filter ${String(filter.name)} needs a value`);
  switch (filter.name) {
    case 'person.id':
      return compare(operator, values.map(Number), (person) => Number(person.id));
    case 'person.updateddate':
    case 'person.createddate': {
      const field = String(filter.name).slice('person.'.length);
      const times = values.map(parseIcimsDateTime);
      if (times.some(Number.isNaN)) throw sandboxErrors.badRequest(`${String(filter.name)} needs a datetime`);
      return compare(operator, times, (person) => parseIcimsDateTime(String(person[field] ?? '')));
    }
    case 'person.firstname':
    case 'person.lastname':
    case 'person.email': {
      const field = String(filter.name).slice('person.'.length);
      const wanted = values.map((value) => value.toLowerCase());
      return compare(operator, wanted, (person) => String(person[field] ?? '').toLowerCase());
    }
    default:
      throw sandboxErrors.badRequest(`unknown search field ${String(filter.name)}`);
  }
}

function compare<T extends number | string>(operator: Operator, values: T[], read: (person: SandboxPerson) => T): (person: SandboxPerson) => boolean {
  const [first] = values;
  switch (operator) {
    case '=':
    case '==':
      return (person) => values.includes(read(person));
    case '!=':
      return (person) => !values.includes(read(person));
    case '<':
      return (person) => read(person) < first;
    case '>':
      return (person) => read(person) > first;
    case '<=':
      return (person) => read(person) <= first;
    case '>=':
      return (person) => read(person) >= first;
  }
}
