/**
 * The Parquet row reader (see RowSource in source.ts), on hyparquet: pure JavaScript, so the bundles
 * stay self-contained, with hyparquet-compressors for the codecs (snappy, zstd, gzip, brotli, lz4;
 * uncompressed needs none). It reads one row group at a time, and only the columns the artifact's
 * reader uses, so memory is bounded by the largest row group's decoded columns, not by the file.
 * Values keep their Parquet types (numbers, bigints for 64-bit integers, booleans, strings, null) and
 * go through the same row rules (values.ts) as JSON Lines.
 */
import { stat } from 'node:fs/promises'
import { asyncBufferFromFile, parquetMetadataAsync, parquetRead, parquetSchema } from 'hyparquet'
import type { AsyncBuffer, FileMetaData, SchemaTree } from 'hyparquet'
import { compressors } from 'hyparquet-compressors'
import { InputError, type Where } from '../errors.js'
import { streamFile } from './bytes.js'
import type { RowSource, Row } from './source.js'
import type { Value } from './values.js'

export const parquetRows: RowSource = async (path, display, onHeader, onRow, needed) => {
  const file = await open(path, display)
  // The hash of the file as stored, read alongside (the row groups are read out of order of bytes).
  const sha256 = streamFile(path, display, () => {})
  let metadata: FileMetaData
  let schema: SchemaTree
  try {
    metadata = await parquetMetadataAsync(file)
    schema = parquetSchema(metadata)
  } catch (err) {
    await sha256.catch(() => {})
    throw new InputError(`is not a readable Parquet file (${message(err)})`, { file: display })
  }
  const top = schema.children
  const columns = top.map(c => c.element.name)
  onHeader(columns, { file: display })
  const use = needed() ?? columns.map((_, k) => k)
  for (const k of use) {
    const node = top[k]
    if (node.children.length > 0 || node.element.repetition_type === 'REPEATED') {
      throw new InputError(
        `column '${columns[k]}' is nested (a list, map or struct); expected plain values`,
        {
          file: display,
          path: columns[k]
        }
      )
    }
  }
  const names = use.map(k => columns[k])
  const data: ArrayLike<Value>[] = columns.map(() => [])
  let group = 0
  let i = 0
  let first = 1
  const row: Row = {
    line: 0,
    at: k => data[k][i],
    where: (k?: number): Where => ({
      file: display,
      row: row.line,
      rowGroup: group,
      path: k === undefined ? undefined : columns[k]
    })
  }
  for (; group < metadata.row_groups.length; group++) {
    const count = Number(metadata.row_groups[group].num_rows)
    if (count === 0) continue
    const chunks = await readGroup(file, metadata, names, first - 1, count, display, group)
    use.forEach((k, n) => (data[k] = chunks[n]))
    for (i = 0; i < count; i++) {
      row.line = first + i
      onRow(row)
    }
    first += count
    use.forEach(k => (data[k] = []))
  }
  return sha256
}

async function open(path: string, display: string): Promise<AsyncBuffer> {
  try {
    const info = await stat(path)
    if (info.isDirectory()) throw new InputError('is a directory, expected a file', { file: display })
    return await asyncBufferFromFile(path)
  } catch (err) {
    if (err instanceof InputError) throw err
    const code = (err as NodeJS.ErrnoException).code
    throw new InputError(code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? message(err)})`, {
      file: display
    })
  }
}

/** One row group's columns (in `names` order), each as one array of `count` values. */
async function readGroup(
  file: AsyncBuffer,
  metadata: FileMetaData,
  names: string[],
  rowStart: number,
  count: number,
  display: string,
  group: number
): Promise<ArrayLike<Value>[]> {
  const parts = names.map((): { start: number; data: ArrayLike<Value> }[] => [])
  const at = new Map(names.map((name, n) => [name, n]))
  try {
    await parquetRead({
      file,
      metadata,
      columns: names,
      rowStart,
      rowEnd: rowStart + count,
      compressors,
      onChunk: chunk => {
        parts[at.get(chunk.columnName)!].push({ start: chunk.rowStart, data: chunk.columnData })
      }
    })
  } catch (err) {
    throw new InputError(`row group ${group} cannot be read as Parquet (${message(err)})`, { file: display })
  }
  return parts.map((chunks, n) => {
    chunks.sort((a, b) => a.start - b.start)
    const total = chunks.reduce((sum, c) => sum + c.data.length, 0)
    if (total !== count || (chunks.length > 0 && chunks[0].start !== rowStart)) {
      throw new InputError(
        `row group ${group}: column '${names[n]}' has ${total} values, expected ${count}; the file is damaged`,
        { file: display, path: names[n] }
      )
    }
    if (chunks.length === 1) return chunks[0].data
    const all: Value[] = new Array(count)
    let o = 0
    for (const c of chunks) for (let j = 0; j < c.data.length; j++) all[o++] = c.data[j]
    return all
  })
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err))
