import 'reflect-metadata';

const SECRET_KEYS = Symbol('icims-sync:secret-config-keys');

/** Marks a config variable as secret: never printed, not even in a summary. */
export function Secret(): PropertyDecorator {
  return (target, property) => {
    const keys: string[] = Reflect.getMetadata(SECRET_KEYS, target) ?? [];
    Reflect.defineMetadata(SECRET_KEYS, [...keys, String(property)], target);
  };
}

export function secretKeysOf(config: object): string[] {
  return Reflect.getMetadata(SECRET_KEYS, config) ?? [];
}
