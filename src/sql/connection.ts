import { PovineqError } from '../data/index.js';
import type { SqlDialectName } from './dialects/index.js';

/** Rows as arrays, with the column names and the engine's type names. */
export interface SqlRows {
  columns: string[];
  /** Type of each column as the engine names it (`DOUBLE`, `VARCHAR`, `float8`, …). */
  types: string[];
  rows: unknown[][];
}

/** A connection povineq can run a query on, in one of the executed dialects. */
export interface SqlRunner {
  readonly dialect: Extract<SqlDialectName, 'duckdb' | 'postgres'>;
  run(sql: string, params: unknown[]): Promise<SqlRows>;
  /** Releases what povineq opened itself (an embedded database); a caller's connection stays open. */
  close(): Promise<void>;
}

/** The structural part of a `@duckdb/node-api` DuckDBConnection that povineq uses. */
export interface DuckDBConnectionLike {
  // `any`: DuckDB types its values (DuckDBValue); povineq binds numbers and strings only.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  runAndReadAll(sql: string, values?: any[]): Promise<{
    columnNames(): string[];
    columnTypes(): { toString(): string }[];
    getRowsJS(): unknown[][];
  }>;
}

/** The structural part of a `pg` Client or Pool that povineq uses. */
export interface PgClientLike {
  query(config: { text: string; values?: unknown[]; rowMode?: 'array' }): Promise<{
    fields: { name: string; dataTypeID: number }[];
    rows: unknown[][];
  }>;
}

/** What `queryMeasures` accepts as a connection: omitted or `'duckdb'` opens an embedded DuckDB. */
export type SqlConnection = DuckDBConnectionLike | PgClientLike | 'duckdb' | undefined;

// PostgreSQL type OIDs of the numeric types; pg returns int8 and numeric as strings.
const PG_TYPES: Record<number, string> = { 20: 'int8', 21: 'int2', 23: 'int4', 26: 'oid', 700: 'float4', 701: 'float8', 1700: 'numeric' };

function isDuckDB(c: unknown): c is DuckDBConnectionLike {
  return typeof (c as DuckDBConnectionLike | null)?.runAndReadAll === 'function';
}
function isPg(c: unknown): c is PgClientLike {
  return typeof (c as PgClientLike | null)?.query === 'function';
}

function duckdbRunner(connection: DuckDBConnectionLike, close: () => void = () => {}): SqlRunner {
  return {
    dialect: 'duckdb',
    async run(sql, params) {
      const reader = await connection.runAndReadAll(sql, params);
      return { columns: reader.columnNames(), types: reader.columnTypes().map((t) => t.toString()), rows: reader.getRowsJS() };
    },
    async close() {
      close();
    },
  };
}

function pgRunner(client: PgClientLike): SqlRunner {
  return {
    dialect: 'postgres',
    async run(sql, params) {
      const result = await client.query({ text: sql, values: params, rowMode: 'array' });
      const types = result.fields.map((f) => PG_TYPES[f.dataTypeID] ?? `pg type ${f.dataTypeID}`);
      const numeric = types.map((t) => ['int8', 'numeric'].includes(t));
      const rows = result.rows.map((row) => row.map((v, j) => (numeric[j] && typeof v === 'string' ? Number(v) : v)));
      return { columns: result.fields.map((f) => f.name), types, rows };
    },
    async close() {},
  };
}

/**
 * Loads an optional peer dependency, or explains how to install it. povineq imports without
 * them; only the SQL path needs them.
 */
export async function optionalImport<T>(name: string, purpose: string): Promise<T> {
  try {
    return (await import(/* @vite-ignore */ name)) as T;
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new PovineqError('MISSING_DEPENDENCY', `${purpose} needs the optional package ${name}: run npm install ${name}`, { package: name });
    }
    throw e;
  }
}

interface DuckDBModule {
  DuckDBInstance: { create(path?: string, options?: Record<string, string>): Promise<{ connect(): Promise<DuckDBConnectionLike & { closeSync(): void }>; closeSync(): void }> };
}

/** An embedded in-memory DuckDB (from `@duckdb/node-api`), closed by the runner's `close()`. */
export async function embeddedDuckDB(config: Record<string, string> = {}): Promise<SqlRunner> {
  const { DuckDBInstance } = await optionalImport<DuckDBModule>('@duckdb/node-api', 'the embedded DuckDB engine');
  const instance = await DuckDBInstance.create(':memory:', config);
  const connection = await instance.connect();
  return duckdbRunner(connection, () => {
    connection.closeSync();
    instance.closeSync();
  });
}

/** A runner for a connection: a DuckDB connection, a pg Client/Pool, or a new embedded DuckDB. */
export async function sqlRunner(connection: SqlConnection): Promise<SqlRunner> {
  if (connection === undefined || connection === 'duckdb') return embeddedDuckDB();
  if (isDuckDB(connection)) return duckdbRunner(connection);
  if (isPg(connection)) return pgRunner(connection);
  throw new PovineqError(
    'INVALID_OPTION',
    'connection must be a @duckdb/node-api DuckDBConnection, a pg Client or Pool, or omitted for an embedded DuckDB',
    { option: 'connection' },
  );
}
