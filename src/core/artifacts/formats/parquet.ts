/**
 * Parquet files, on hyparquet: pure JavaScript, so the bundles stay self-contained, with
 * hyparquet-compressors for the codecs (snappy, zstd, gzip, brotli, lz4; uncompressed needs none).
 * A file is read one row group at a time, and only the columns the artifact's reader uses, so memory
 * is bounded by the largest row group's decoded columns, not by the file.
 *
 * Artifacts hold flat columns (one value or null per row), and for those this module reads each
 * column chunk page by page with hyparquet's own page decoders (thrift headers, codecs, levels,
 * PLAIN, dictionary, delta and byte-stream-split encodings, type conversion), leaving out only its
 * record assembly: that step rebuilds nested lists value by value and took about half of the time
 * of reading a 10M-row file of five nullable columns (1.5 of 3.1 s). A dictionary-encoded chunk is
 * kept as its dictionary and one index per row, so that a reader can decode each distinct value once.
 * Values keep their Parquet types (numbers, bigints for 64-bit integers, booleans, strings, null).
 */
import { closeSync, openSync, readSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import { parquetMetadataAsync, parquetSchema } from 'hyparquet'
import type { AsyncBuffer, DecodedArray, FileMetaData, RowGroup, SchemaTree } from 'hyparquet'
import type { ColumnDecoder } from 'hyparquet/src/types.js'
import { parquetHeader } from 'hyparquet/src/column.js'
import { DEFAULT_PARSERS, convert as convertValues } from 'hyparquet/src/convert.js'
import { decompressPage, readDataPage, readDataPageV2 } from 'hyparquet/src/datapage.js'
import { readPlain } from 'hyparquet/src/plain.js'
import { compressors } from 'hyparquet-compressors'
import { InputError, type Where } from '../../errors.js'
import { FileHash, type ReadProgress } from './bytes.js'
import { scratchMemory } from '../../wasm.js'
import type { RowSource, Row } from './rows.js'
import type { Value } from '../decode/values.js'

/**
 * The file's bytes as hyparquet reads them, by synchronous reads of whole ranges (a column chunk at a
 * time): the reading thread has nothing else to do meanwhile, and hyparquet's own file reader streams
 * each range in 64 KiB pieces (a third of the reading time went waiting on it, on 10M rows).
 */
function syncBuffer(path: string, size: number): AsyncBuffer {
  return {
    byteLength: size,
    slice(start: number, end = size): ArrayBuffer {
      // A damaged or hostile footer can name any range: never allocate past the file.
      if (!(start >= 0 && start <= end && end <= size))
        throw new Error(`bytes ${start} to ${end} are outside the file of ${size} bytes`)
      const out = new Uint8Array(end - start)
      const fd = openSync(path, 'r')
      try {
        for (let at = 0; at < out.length;) {
          const got = readSync(fd, out, at, out.length - at, start + at)
          if (got === 0) throw new Error('the file became shorter while it was read')
          at += got
        }
      } finally {
        closeSync(fd)
      }
      return out.buffer
    }
  }
}

/** One column of one row group. */
export interface ColumnChunk {
  /**
   * Per row: its value (null where it has none); or, when `dictionary` is set, the index of its
   * value in the dictionary (-1 where it has none).
   */
  values: ArrayLike<Value>
  dictionary: ArrayLike<Value> | null
}

export const valueAt = (chunk: ColumnChunk, i: number): Value => {
  if (chunk.dictionary === null) return chunk.values[i]
  const k = chunk.values[i] as number
  return k < 0 ? null : chunk.dictionary[k]
}

/** An open Parquet file: its columns (the top-level fields) and row groups. */
export class ParquetFile {
  /** The top-level columns' names, and the rows of each row group. */
  readonly columns: string[]
  readonly groups: number[]

  private constructor(
    readonly display: string,
    private readonly file: AsyncBuffer,
    private readonly metadata: FileMetaData,
    private readonly fields: SchemaTree[]
  ) {
    this.columns = fields.map(f => f.element.name)
    this.groups = metadata.row_groups.map(g => Number(g.num_rows))
  }

  static async open(path: string, display: string): Promise<ParquetFile> {
    let file: AsyncBuffer
    try {
      const info = await stat(path)
      if (info.isDirectory()) throw new InputError('is a directory, expected a file', { file: display })
      file = syncBuffer(path, info.size)
    } catch (err) {
      if (err instanceof InputError) throw err
      const code = (err as NodeJS.ErrnoException).code
      throw new InputError(
        code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? message(err)})`,
        {
          file: display
        }
      )
    }
    try {
      const metadata = await parquetMetadataAsync(file)
      return new ParquetFile(display, file, metadata, parquetSchema(metadata).children)
    } catch (err) {
      throw new InputError(`is not a readable Parquet file (${message(err)})`, { file: display })
    }
  }

  /** Throws unless each of the columns k holds one plain value per row. */
  requireFlat(ks: readonly number[]): void {
    for (const k of ks) {
      const node = this.fields[k]
      if (node.children.length > 0 || node.element.repetition_type === 'REPEATED') {
        throw new InputError(
          `column '${node.element.name}' is nested (a list, map or struct); expected one value per row`,
          { file: this.display, path: node.element.name }
        )
      }
    }
  }

  /** Each column's array of dictionary indices, reused from row group to row group. */
  private readonly indexArrays = new Map<number, Int32Array>()

  /**
   * Columns ks (flat, see requireFlat) of row group g, in that order. A chunk's dictionary indices
   * are valid until the next read of its column (their array is reused).
   */
  async read(g: number, ks: readonly number[]): Promise<ColumnChunk[]> {
    const group = this.metadata.row_groups[g]
    const rows = Number(group.num_rows)
    return Promise.all(ks.map(k => this.readChunk(group, g, k, rows)))
  }

  private async readChunk(group: RowGroup, g: number, k: number, rows: number): Promise<ColumnChunk> {
    const field = this.fields[k]
    const name = field.element.name
    const where = { file: this.display, path: name }
    const meta = group.columns.find(c => c.meta_data?.path_in_schema[0] === name)?.meta_data
    if (meta === undefined) {
      throw new InputError(`row group ${g} has no data for column '${name}'; the file is damaged`, where)
    }
    const start = Number(meta.dictionary_page_offset || meta.data_page_offset)
    let bytes: ArrayBuffer
    try {
      bytes = await this.file.slice(start, start + Number(meta.total_compressed_size))
    } catch (err) {
      throw new InputError(`row group ${g} cannot be read as Parquet (${message(err)})`, where)
    }
    const decoder: ColumnDecoder = {
      pathInSchema: meta.path_in_schema,
      type: meta.type,
      element: field.element,
      schemaPath: [{ children: [field], count: 1, element: { name: '' }, path: [] }, field],
      codec: meta.codec,
      parsers: DEFAULT_PARSERS,
      compressors,
      utf8: true
    }
    try {
      const indices = () => {
        let a = this.indexArrays.get(k)
        if (a === undefined || a.length < rows) this.indexArrays.set(k, (a = new Int32Array(rows)))
        return a.subarray(0, rows)
      }
      return decodeChunk(bytes, decoder, rows, indices)
    } catch (err) {
      throw new InputError(`row group ${g} cannot be read as Parquet (${message(err)})`, where)
    }
  }

  /** Streams the rows of columns ks, row group by row group, as Rows (source.ts). */
  async rows(ks: readonly number[], onRow: (row: Row) => void, progress?: Progress): Promise<void> {
    this.requireFlat(ks)
    const columns = this.columns
    const chunks: (ColumnChunk | null)[] = columns.map(() => null)
    let group = 0
    let i = 0
    const row: Row = {
      line: 0,
      at: k => valueAt(chunks[k]!, i),
      where: (k?: number): Where => ({
        file: this.display,
        row: row.line,
        rowGroup: group,
        path: k === undefined ? undefined : columns[k]
      })
    }
    let first = 1
    for (const rows of this.groups) {
      const read = await this.read(group, ks)
      ks.forEach((k, n) => (chunks[k] = read[n]))
      for (i = 0; i < rows; i++) {
        row.line = first + i
        onRow(row)
      }
      first += rows
      group++
      progress?.(group / this.groups.length)
    }
  }
}

/** A page's values and, when it has nulls, its definition levels (1: a value, 0: null). */
interface Page {
  values: DecodedArray
  levels: number[] | null
  /** Whether values are indices into the chunk's dictionary. */
  indexed: boolean
  rows: number
}

/** A column chunk's pages as one array of rows; indexArray gives the array for dictionary indices. */
function decodeChunk(
  bytes: ArrayBuffer,
  decoder: ColumnDecoder,
  rows: number,
  indexArray: () => Int32Array
): ColumnChunk {
  const reader = { view: new DataView(bytes), offset: 0 }
  const element = decoder.element
  const convert = (data: DecodedArray): DecodedArray =>
    element.converted_type === 'DECIMAL'
      ? exactDecimals(data, element.scale ?? 0)
      : convertValues(data, decoder)
  let dictionary: DecodedArray | null = null
  const pages: Page[] = []
  // Dictionary indices of pages without nulls, decoded here straight into the chunk's row order.
  let indices: Int32Array | null = null
  let read = 0
  while (read < rows) {
    if (reader.offset >= bytes.byteLength)
      throw new Error(`the column chunk ends after ${read} of ${rows} rows`)
    const header = parquetHeader(reader)
    const compressed = new Uint8Array(bytes, reader.offset, header.compressed_page_size)
    reader.offset += header.compressed_page_size
    const size = Number(header.uncompressed_page_size)
    if (header.type === 'DICTIONARY_PAGE') {
      const page = decompressPage(compressed, size, decoder.codec, compressors)
      const view = { view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: 0 }
      const count = header.dictionary_page_header!.num_values
      dictionary = convert(readPlain(view, decoder.type, count, decoder.element.type_length))
    } else if (header.type === 'DATA_PAGE' || header.type === 'DATA_PAGE_V2') {
      const v1 = header.data_page_header
      let page
      const encoding = (v1 ?? header.data_page_header_v2)!.encoding
      const count = (v1 ?? header.data_page_header_v2)!.num_values
      const indexed = encoding.endsWith('_DICTIONARY')
      if (indexed && dictionary === null)
        throw new Error('a dictionary-encoded page comes before its dictionary')
      if (header.type === 'DATA_PAGE') {
        const bytes = decompressPage(compressed, size, decoder.codec, compressors)
        const values = valuesAfterLevels(bytes, v1!.num_values, decoder)
        if (indexed && values >= 0 && read + count <= rows) {
          indices ??= indexArray()
          dictionaryIndices(bytes, values, indices, read, count, dictionary!.length)
          pages.push({ values: indices.subarray(read, read + count), levels: null, indexed, rows: count })
          read += count
          continue
        }
        page =
          values >= 0
            ? readDataPage(bytes.subarray(values), v1!, required(decoder))
            : readDataPage(bytes, v1!, decoder)
      } else page = readDataPageV2(compressed, header, decoder)
      const levels = page.definitionLevels?.length ? page.definitionLevels : null
      pages.push({
        values: indexed ? page.dataPage : convert(page.dataPage),
        levels,
        indexed,
        rows: count
      })
      read += count
    }
  }
  if (read !== rows) throw new Error(`the column chunk holds ${read} values for ${rows} rows`)
  return assemble(pages, dictionary, indices, rows)
}

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k)

/**
 * Decimal values (unscaled integers: 32 or 64 bits, or big-endian two's-complement bytes) as the
 * nearest double to unscaled / 10^scale, as Number() reads the decimal's text; hyparquet divides a
 * rounded double, which can be a unit in the last place off for more than 15 digits. An unscaled
 * value of up to 2^53 with a scale of at most 22 is one correctly rounded division of exact numbers;
 * any other goes through Number() of its text.
 */
function exactDecimals(data: DecodedArray, scale: number): Float64Array {
  const out = new Float64Array(data.length)
  for (let i = 0; i < data.length; i++) {
    const raw = data[i] as number | bigint | Uint8Array
    const m = raw instanceof Uint8Array ? signedBytes(raw) : raw
    const small = typeof m === 'number' || (m <= 2n ** 53n && m >= -(2n ** 53n))
    out[i] = small && scale >= 0 && scale <= 22 ? Number(m) / POW10[scale] : Number(`${String(m)}e${-scale}`)
  }
  return out
}

/** Big-endian two's-complement bytes as a bigint. */
function signedBytes(bytes: Uint8Array): bigint {
  let v = 0n
  for (const b of bytes) v = (v << 8n) | BigInt(b)
  return bytes.length > 0 && bytes[0] >= 0x80 ? v - (1n << BigInt(8 * bytes.length)) : v
}

/**
 * Where a version-1 data page's values start when its definition levels say that every row has a
 * value (one run of the maximum level, as writers encode a column without nulls), else -1. hyparquet
 * would expand the levels to an array of one number per row and count the nulls in it: a fifth of
 * the time of reading a file whose nullable columns have no nulls.
 */
function valuesAfterLevels(page: Uint8Array, rows: number, decoder: ColumnDecoder): number {
  if (decoder.element.repetition_type !== 'OPTIONAL' || page.length < 6) return -1
  const view = new DataView(page.buffer, page.byteOffset, page.byteLength)
  const length = view.getUint32(0, true)
  // The run's header is a varint: its count shifted left by one, the low bit 0 for a run.
  let header = 0
  let shift = 0
  let at = 4
  for (; at < 4 + length && shift < 35; shift += 7) {
    const b = page[at++]
    header |= (b & 0x7f) << shift
    if (b < 0x80) break
  }
  // Width 1: the run's value is one byte, the maximum level 1.
  const single = (header & 1) === 0 && header >>> 1 >= rows && at === 3 + length && page[at] === 1
  return single ? 4 + length : -1
}

/**
 * A dictionary-encoded page's indices (its bit width, then the RLE / bit-packed hybrid runs) into
 * out[at, at + count), checked against the dictionary's size: decoded in WebAssembly (assembly/
 * hybrid.ts) on a copy of the page, since hyparquet decodes into an array of numbers, a byte at a time
 * through a DataView (a quarter of the time of reading a file of four dictionary columns).
 */
function dictionaryIndices(
  page: Uint8Array,
  pos: number,
  out: Int32Array,
  at: number,
  count: number,
  size: number
): void {
  const width = page[pos]
  if (!(width <= 32))
    throw new Error(`a dictionary page gives its indices ${width} bits; expected at most 32`)
  const bytes = page.length - pos - 1
  const room = scratchMemory(Math.ceil(bytes / 8) * 8 + 4 * count)
  const memory = room.x.memory.buffer
  new Uint8Array(memory, room.at, bytes).set(page.subarray(pos + 1))
  const indices = room.at + Math.ceil(bytes / 8) * 8
  const got = room.x.hybridIndices(room.at, room.at + bytes, width, indices, count)
  if (got < count) throw new Error(`a page holds ${got} dictionary indices for its ${count} rows`)
  const most = (room.x.hybridMax.value as number) >>> 0
  if (most >= size) throw new Error(`dictionary index ${most} is past the dictionary's ${size} entries`)
  out.set(new Int32Array(memory, indices, count), at)
}

/** The decoder of the same column declared required, for a page read without its definition levels. */
function required(decoder: ColumnDecoder): ColumnDecoder {
  const element = { ...decoder.element, repetition_type: 'REQUIRED' as const }
  const [root, field] = decoder.schemaPath
  return { ...decoder, element, schemaPath: [root, { ...field, element }] }
}

/**
 * The pages of a chunk as one array of rows: nulls put in place, and dictionary indices kept (those
 * decoded in place already in `indices`).
 */
function assemble(
  pages: Page[],
  dictionary: DecodedArray | null,
  indices: Int32Array | null,
  rows: number
): ColumnChunk {
  const indexed = pages.every(p => p.indexed)
  if (indexed) {
    const out = indices ?? new Int32Array(rows)
    const size = dictionary?.length ?? 0
    let o = 0
    for (const p of pages) {
      const v = p.values
      if (v instanceof Int32Array && v.buffer === out.buffer) {
        o += p.rows
        continue
      }
      // Pages decoded by hyparquet (with nulls, or version 2): their indices are checked here.
      for (let i = 0, j = 0; i < p.rows; i++) {
        const k = p.levels !== null && p.levels[i] === 0 ? -1 : (v[j++] as number)
        if (!(k >= -1 && k < size))
          throw new Error(`dictionary index ${k} is past the dictionary's ${size} entries`)
        out[o++] = k
      }
    }
    return { values: out, dictionary }
  }
  const first = pages[0].values
  // One typed array when every page is one without nulls of the same type (scores, labels).
  const Typed = ArrayBuffer.isView(first) ? (first.constructor as new (n: number) => DecodedArray) : null
  const same =
    Typed !== null && pages.every(p => p.levels === null && !p.indexed && p.values.constructor === Typed)
  if (same && pages.length === 1) return { values: first as ArrayLike<Value>, dictionary: null }
  const out: DecodedArray = same ? new Typed(rows) : new Array<Value>(rows)
  let o = 0
  for (const p of pages) {
    const v = p.values
    const at = (j: number): Value => (p.indexed ? dictionary![v[j] as number] : v[j])
    if (p.levels === null) for (let i = 0; i < p.rows; i++) out[o++] = at(i)
    else for (let i = 0, j = 0; i < p.rows; i++) out[o++] = p.levels[i] === 0 ? null : at(j++)
  }
  return { values: out as ArrayLike<Value>, dictionary: null }
}

/** Called by a reader after each row group with the fraction of its row groups done. */
export type Progress = (fraction: number) => void

/**
 * The sha256 of the file as stored, hashed alongside `work` (row groups are read out of byte order,
 * so the file is hashed on its own, in steps as the work reports progress).
 */
export async function hashedAlongside(
  path: string,
  display: string,
  work: (progress: Progress) => Promise<void>,
  shown?: ReadProgress
): Promise<string> {
  const hash = new FileHash(path, display)
  try {
    await work(fraction => {
      hash.upTo(fraction)
      shown?.(display, hash.hashed, hash.size)
    })
    return hash.finish()
  } finally {
    hash.close()
  }
}

/** The RowSource of Parquet files (source.ts). */
export const parquetRows: RowSource = async (path, display, onHeader, onRow, needed, progress) => {
  const file = await ParquetFile.open(path, display)
  onHeader(file.columns, { file: display })
  const use = needed() ?? file.columns.map((_, k) => k)
  return hashedAlongside(path, display, done => file.rows(use, onRow, done), progress)
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err))
