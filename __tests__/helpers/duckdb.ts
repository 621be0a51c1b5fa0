/**
 * Parquet files written by another engine: DuckDB (a devDependency), run in-process. `sql` is a
 * query whose result is written to `path` with the given codec and rows per row group.
 */
import { DuckDBInstance } from '@duckdb/node-api'

let instance: Promise<DuckDBInstance> | null = null

export async function duckdb<T = unknown[]>(sql: string): Promise<T[]> {
  instance ??= DuckDBInstance.create(':memory:')
  const connection = await (await instance).connect()
  try {
    return (await connection.runAndReadAll(sql)).getRows() as T[]
  } finally {
    connection.closeSync()
  }
}

export type Codec = 'snappy' | 'zstd' | 'gzip' | 'uncompressed'

export async function writeParquet(
  sql: string,
  path: string,
  { codec = 'snappy', rowGroup = 122880 }: { codec?: Codec; rowGroup?: number } = {}
): Promise<void> {
  const target = path.replace(/'/g, "''")
  await duckdb(
    `COPY (${sql}) TO '${target}' (FORMAT parquet, COMPRESSION ${codec}, ROW_GROUP_SIZE ${rowGroup})`
  )
}

/** A DuckDB string literal. */
export const sqlString = (text: string): string => `'${text.replace(/'/g, "''")}'`
