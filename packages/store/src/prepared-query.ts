import { CompiledQuery, type Compilable } from 'kysely';

/** Stands for a value bound at call time; typed `never` so it fits any column. */
export type Slot<Values> = (key: keyof Values & string) => never;

/** Turns call-time values into the compiled query, ready for `executeQuery`. */
export type PreparedQuery<Values, Row> = (values: Values) => CompiledQuery<Row>;

const slotMarker = '\u0000dax-slot:';

type Binding<Values> = { readonly key: keyof Values & string } | { readonly constant: unknown };

/**
 * Compiles a query once, with the dialect's own compiler, and binds fresh values
 * to its parameter positions on each call. Kysely otherwise rebuilds and
 * recompiles the query tree on every call, which costs more than SQLite's insert
 * on the store's hot path. `build` receives `slot(name)` to mark where a value goes;
 * anything else it passes becomes a constant parameter.
 */
export function prepareQuery<Values, Row>(build: (slot: Slot<Values>) => Compilable<Row>): PreparedQuery<Values, Row> {
  const slot: Slot<Values> = (key) => `${slotMarker}${key}` as never;
  const compiled = build(slot).compile();
  const bindings: Binding<Values>[] = compiled.parameters.map((parameter) =>
    typeof parameter === 'string' && parameter.startsWith(slotMarker)
      ? { key: parameter.slice(slotMarker.length) as keyof Values & string }
      : { constant: parameter },
  );
  const { sql } = compiled;
  return (values) =>
    CompiledQuery.raw(
      sql,
      bindings.map((binding) => ('key' in binding ? values[binding.key] : binding.constant)),
    );
}
