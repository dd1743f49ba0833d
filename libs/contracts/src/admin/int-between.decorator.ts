import { ValidateBy, ValidationOptions } from 'class-validator';

/**
 * A whole number from `min` to `max`, with one message for every way to miss it: `IsInt`,
 * `Min` and `Max` side by side answer "abc" with three, the first of them about the maximum.
 */
export function IsIntBetween(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIntBetween',
      constraints: [min, max],
      validator: {
        validate: (value: unknown) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max,
        defaultMessage: (args) => `${args?.property ?? 'value'} must be an integer from ${min} to ${max}`,
      },
    },
    options,
  );
}
