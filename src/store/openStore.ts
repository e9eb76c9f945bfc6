import { AsyncLocalStorage } from "node:async_hooks"
import { mkdir } from "node:fs/promises"
import { dirname, join, resolve } from "node:path"
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api"

/**
 * The private store: an embedded DuckDB file, `private/tacha.duckdb`. It
 * holds personal data (entities' surface forms) and never leaves `private/`.
 */
export const storePath = (outDir: string): string => join(outDir, "private", "tacha.duckdb")

const SCHEMA = `
CREATE TABLE IF NOT EXISTS runs (
  run_id VARCHAR PRIMARY KEY,
  started_at TIMESTAMP NOT NULL,
  finished_at TIMESTAMP NOT NULL,
  total INTEGER NOT NULL,
  done INTEGER NOT NULL,
  failed INTEGER NOT NULL,
  failed_by_cause JSON NOT NULL,
  pipeline_name VARCHAR,
  pipeline_version VARCHAR,
  tool_version VARCHAR,
  rulings_new INTEGER NOT NULL,
  rulings_updated INTEGER NOT NULL,
  rulings_unchanged INTEGER NOT NULL,
  rulings_withheld INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS run_failures (
  run_id VARCHAR NOT NULL,
  reason VARCHAR NOT NULL,
  documents INTEGER NOT NULL,
  PRIMARY KEY (run_id, reason)
);
CREATE TABLE IF NOT EXISTS rulings (
  id VARCHAR PRIMARY KEY,
  sha256 VARCHAR NOT NULL,
  public_sha256 VARCHAR,
  version INTEGER NOT NULL,
  source VARCHAR NOT NULL,
  format VARCHAR NOT NULL,
  court VARCHAR,
  date DATE,
  type VARCHAR,
  case_numbers VARCHAR[],
  materia VARCHAR,
  resultado VARCHAR,
  characters INTEGER,
  public_text VARCHAR,
  published BOOLEAN NOT NULL,
  withheld_reason VARCHAR,
  pipeline_name VARCHAR NOT NULL,
  pipeline_version VARCHAR NOT NULL,
  tool_version VARCHAR NOT NULL,
  first_published_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  run_id VARCHAR NOT NULL,
  text_origin VARCHAR
);
-- Stores made before OCR lack the column; their rulings all came from a text layer (NULL reads as 'texto').
ALTER TABLE rulings ADD COLUMN IF NOT EXISTS text_origin VARCHAR;
CREATE TABLE IF NOT EXISTS entities (
  ruling_id VARCHAR NOT NULL,
  ordinal INTEGER NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  label VARCHAR NOT NULL,
  surface VARCHAR NOT NULL,
  score DOUBLE NOT NULL,
  detector VARCHAR NOT NULL,
  evidence VARCHAR,
  entity VARCHAR,
  action VARCHAR NOT NULL,
  replacement VARCHAR
);
CREATE TABLE IF NOT EXISTS gate_passes (
  id VARCHAR PRIMARY KEY,
  public_sha256 VARCHAR NOT NULL,
  audit_sha256 VARCHAR NOT NULL,
  pipeline_sha256 VARCHAR NOT NULL,
  tool_version VARCHAR NOT NULL,
  categories VARCHAR NOT NULL
);
-- Quality control (src/store/controlSample.ts): each batch's sample of automatically published rulings,
-- a person's verdict on each, the spans they listed (private), and the rates published per batch.
CREATE TABLE IF NOT EXISTS control_runs (
  run_id VARCHAR PRIMARY KEY,
  fraction DOUBLE NOT NULL,
  eligible INTEGER NOT NULL,
  drawn INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS control_sample (
  run_id VARCHAR NOT NULL,
  id VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  draw_rank INTEGER NOT NULL,
  verdict VARCHAR,
  missed INTEGER NOT NULL DEFAULT 0,
  over_hidden INTEGER NOT NULL DEFAULT 0,
  reviewer VARCHAR,
  decided_at TIMESTAMP,
  PRIMARY KEY (run_id, id)
);
CREATE TABLE IF NOT EXISTS control_findings (
  run_id VARCHAR NOT NULL,
  id VARCHAR NOT NULL,
  seq INTEGER NOT NULL,
  kind VARCHAR NOT NULL,
  scope VARCHAR NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  label VARCHAR,
  surface VARCHAR NOT NULL,
  PRIMARY KEY (run_id, id, seq)
);
CREATE TABLE IF NOT EXISTS control_rates (
  run_id VARCHAR PRIMARY KEY,
  eligible INTEGER NOT NULL,
  fraction DOUBLE NOT NULL,
  drawn INTEGER NOT NULL,
  checked INTEGER NOT NULL,
  correct INTEGER NOT NULL,
  with_missed INTEGER NOT NULL,
  with_over_hidden INTEGER NOT NULL,
  with_errors INTEGER NOT NULL,
  error_rate DOUBLE,
  error_lower DOUBLE,
  error_upper DOUBLE,
  missed_rate DOUBLE,
  missed_lower DOUBLE,
  missed_upper DOUBLE
);
CREATE TABLE IF NOT EXISTS ruling_versions (
  ruling_id VARCHAR NOT NULL,
  version INTEGER NOT NULL,
  sha256 VARCHAR NOT NULL,
  previous_sha256 VARCHAR,
  public_sha256 VARCHAR,
  change VARCHAR NOT NULL,
  valid_from TIMESTAMP NOT NULL,
  valid_to TIMESTAMP,
  run_id VARCHAR NOT NULL,
  PRIMARY KEY (ruling_id, version)
);
`

export interface Store {
  readonly connection: DuckDBConnection
  readonly close: () => void
}

/**
 * Open (creating when missing) a store file, or an in-memory one for ":memory:".
 * One thread keeps Parquet output byte-stable and leaves CPU to the batch.
 */
export const openStore = async (path: string): Promise<Store> => {
  if (path !== ":memory:") await mkdir(dirname(path), { recursive: true })
  const instance = await DuckDBInstance.create(path, { threads: "1" })
  const connection = await instance.connect()
  await connection.run("SET TimeZone = 'UTC'").catch(() => undefined)
  await connection.run(SCHEMA)
  return {
    connection,
    close: () => {
      connection.closeSync()
      instance.closeSync()
    },
  }
}

/** How many times this process opened a store file (the Store service keeps it at one per command). */
let opens = 0
export const storeOpens = (): number => opens

/** A store kept open for a command (see Store.ts): opened on first use, its uses one at a time. */
interface Shared {
  store: Promise<Store> | undefined
  queue: Promise<unknown>
}
const shared = new Map<string, Shared>()
/** The shared stores the current async context is inside a use of (a nested use runs at once). */
const holding = new AsyncLocalStorage<ReadonlySet<string>>()

/**
 * Keep the store at `path` open until `release`: every `withStore` on it
 * meanwhile shares one connection, one use at a time (nested uses run
 * inside the outer one), instead of opening the file again. Two DuckDB
 * instances on one file do not see each other's writes, so sharing is also
 * what keeps concurrent uses (the review app's requests) consistent.
 */
export const shareStore = (path: string): { readonly release: () => Promise<void> } => {
  const key = resolve(path)
  const entry: Shared = { store: undefined, queue: Promise.resolve() }
  shared.set(key, entry)
  return {
    release: async () => {
      if (shared.get(key) === entry) shared.delete(key)
      await entry.queue
      const store = await entry.store?.catch(() => undefined)
      store?.close()
    },
  }
}

/** Run `use` with an open store and close it afterwards, whatever happens; a shared store (see `shareStore`) is used, not reopened. */
export const withStore = async <A>(path: string, use: (store: Store) => Promise<A>): Promise<A> => {
  const key = resolve(path)
  const entry = path === ":memory:" ? undefined : shared.get(key)
  if (entry) {
    if (holding.getStore()?.has(key)) return use(await entry.store!)
    const run = entry.queue.then(async () => {
      entry.store ??= (opens++, openStore(path))
      const store = await entry.store
      return holding.run(new Set([...(holding.getStore() ?? []), key]), () => use(store))
    })
    entry.queue = run.catch(() => undefined)
    return run
  }
  opens++
  const store = await openStore(path)
  try {
    return await use(store)
  } finally {
    store.close()
  }
}
