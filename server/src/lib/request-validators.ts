// Request validators: a JSON body is checked as sent ("13.7" is no number, null is no 0), while path params, query
// strings and headers arrive as text and are coerced to the declared types, and must then be finite numbers.
import { AjvCompiler } from '@fastify/ajv-compiler';
import type { FastifyServerOptions } from 'fastify';
import type { FastifyRouteSchemaDef } from 'fastify/types/schema';

type AjvOptions = { customOptions?: Record<string, unknown> } & Record<string, unknown>;
type ValidationError = { instancePath: string; schemaPath: string; keyword: string; params: object; message: string };
type Validate = ((data: unknown) => boolean) & { errors?: ValidationError[] | null };
type Compile = (route: FastifyRouteSchemaDef<unknown>) => Validate;
type ValidatorFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>['buildValidator'];

/** Where a coerced value became Infinity or NaN ("1e400"): ajv checks ranges only on finite numbers. */
export function nonFiniteAt(value: unknown, path = ''): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : path || '/';
  if (value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    const at = nonFiniteAt(child, `${path}/${key}`);
    if (at !== null) return at;
  }
  return null;
}

function finiteOnly(validate: Validate): Validate {
  const checked: Validate = (data) => {
    if (!validate(data)) {
      checked.errors = validate.errors;
      return false;
    }
    const at = nonFiniteAt(data);
    checked.errors =
      at === null ? null : [{ instancePath: at, schemaPath: '#/type', keyword: 'type', params: {}, message: 'must be a finite number' }];
    return at === null;
  };
  return checked;
}

function buildValidator(externalSchemas: Record<string, unknown>, options: AjvOptions): Compile {
  // Two pools, so each keeps its own ajv instance (the pool key ignores which part a schema is for).
  const coercing = AjvCompiler()(externalSchemas as never, options as never) as unknown as Compile;
  const strict = AjvCompiler()(externalSchemas as never, {
    ...options,
    customOptions: { ...options.customOptions, coerceTypes: false },
  } as never) as unknown as Compile;
  return (route) => (route.httpPart === 'body' ? strict(route) : finiteOnly(coercing(route)));
}

/** For `Fastify({ schemaController: { compilersFactory: { buildValidator } } })`. */
export const requestValidatorFactory = buildValidator as unknown as ValidatorFactory;
