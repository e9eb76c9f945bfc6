import { mkdir } from "node:fs/promises"
import { dirname, join } from "node:path"
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

/** Run `use` with an open store and close it afterwards, whatever happens. */
export const withStore = async <A>(path: string, use: (store: Store) => Promise<A>): Promise<A> => {
  const store = await openStore(path)
  try {
    return await use(store)
  } finally {
    store.close()
  }
}
