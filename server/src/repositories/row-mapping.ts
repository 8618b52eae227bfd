// Small helpers to turn PostgreSQL rows into the shapes of the shared schemas.
export const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);
export const isoRequired = (value: Date): string => value.toISOString();
