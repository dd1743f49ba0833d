import { Model } from 'mongoose';

/**
 * `document` as its schema casts it, ready for a lean insert: checked, defaults applied, and
 * no field for an undefined value (a lean insert would store null). Throws the schema's
 * ValidationError, naming each bad path. Checked synchronously on a throwaway document,
 * which costs a quarter of `Model.validate()` and far less than a hydrated `insertMany`.
 */
export function checkedDocument<T>(model: Model<T>, document: T): T {
  const hydrated = new model(document);
  const error = hydrated.validateSync();
  if (error) throw error;
  return hydrated.toObject() as T;
}
