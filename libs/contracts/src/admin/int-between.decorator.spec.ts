import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { RunsQueryDto } from './sync-runs.dto';

const messagesFor = (limit: string) => validateSync(plainToInstance(RunsQueryDto, { limit })).flatMap((error) => Object.values(error.constraints ?? {}));

describe('IsIntBetween', () => {
  it.each(['abc', '0', '201', '2.5', ''])('answers limit=%p with one message naming the range', (limit) => {
    expect(messagesFor(limit)).toEqual(['limit must be an integer from 1 to 200']);
  });

  it.each(['1', '200', '50'])('accepts limit=%p', (limit) => {
    expect(messagesFor(limit)).toEqual([]);
  });
});
