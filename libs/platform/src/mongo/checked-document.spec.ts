import mongoose, { Schema } from 'mongoose';
import { checkedDocument } from './checked-document';

interface Outcome {
  _id: string;
  outcome: string;
  at: Date;
  reason?: string;
  changedFields?: string[];
}

describe(checkedDocument.name, () => {
  // A model on a connection that never opens: checking a document needs no store.
  const model = mongoose
    .createConnection()
    .model<Outcome>('CheckedOutcome', new Schema<Outcome>({ _id: String, outcome: { type: String, enum: ['added', 'skipped'], required: true }, at: { type: Date, required: true }, reason: String, changedFields: [String] }, { versionKey: false }));

  it('casts the document, applies defaults and leaves out undefined fields', () => {
    const checked = checkedDocument(model, { _id: 'r:1', outcome: 'added', at: '2026-11-22T10:00:00Z' as unknown as Date, reason: undefined });

    expect(checked).toEqual({ _id: 'r:1', outcome: 'added', at: new Date('2026-11-22T10:00:00Z'), changedFields: [] });
    expect(Object.keys(checked)).not.toContain('reason');
  });

  it('refuses a document its schema refuses, naming every bad path', () => {
    const check = () => checkedDocument(model, { _id: 'r:2', outcome: 'bogus', at: 'not a date' as unknown as Date });

    expect(check).toThrow(mongoose.Error.ValidationError);
    expect(check).toThrow(/outcome.*bogus|bogus.*outcome/);
    expect(check).toThrow(/at/);
  });
});
