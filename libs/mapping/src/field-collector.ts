import { FieldError, MappingWarning, Normalised } from './result';

/** Gathers normalised fields, every error and every warning of one record in one pass. */
export class FieldCollector<T extends object> {
  readonly value: Partial<T> = {};
  readonly errors: FieldError[] = [];
  readonly warnings: MappingWarning[] = [];

  /** Sets `field` from a normaliser's result; absent stays absent; required absent is an error. */
  set<K extends keyof T & string>(field: K, result: Normalised<T[K] | undefined>, required = false): T[K] | undefined {
    if (!result.ok) {
      this.errors.push({ field, code: result.code, message: `${field}: ${result.message}` });
      return undefined;
    }
    if (result.value === undefined) {
      if (required) this.errors.push({ field, code: 'REQUIRED', message: `${field} is required` });
      return undefined;
    }
    this.value[field] = result.value;
    return result.value;
  }

  warn(warning: MappingWarning): void {
    this.warnings.push(warning);
  }
}
