/** A catalog's messages as `[dotted key, value]` pairs, in the order the file lists them. */
export type FlatCatalog = ReadonlyArray<readonly [string, unknown]>;

export function flattenCatalog(catalog: unknown, prefix = ""): FlatCatalog {
  if (!isPlainObject(catalog)) return [];
  return Object.entries(catalog).flatMap(([name, value]) => {
    const key = prefix ? `${prefix}.${name}` : name;
    return isPlainObject(value) ? flattenCatalog(value, key) : [[key, value] as const];
  });
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
