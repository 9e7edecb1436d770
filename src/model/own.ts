// Lookups in name tables keyed by text from the input: only the table's own entries count, never
// what every object inherits (`constructor`, `toString`, `valueOf` ...).

export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
