/**
 * Reads a large predictions file in two parts on two threads: the main thread reads the first part,
 * the run's helper thread (core/threads.ts, started from dist/worker.js, so nothing outside dist/ is
 * needed at run time) the second. A Parquet file is cut between row groups (its errors name rows and
 * row groups of the whole file already). An uncompressed CSV file is cut at the first line end after FIRST_PART of
 * its bytes; each part is parsed into its own tables, which are merged. A cut can only be wrong when a
 * quoted field holds a line end across it: the first part then ends inside a row (its parser holds
 * bytes back), and the reader says so, so the caller parses the whole file on one thread instead.
 * Line numbers in errors from the second part are shifted by the first part's line count, and the
 * first error in file order is the one reported.
 */
import { createHash } from 'node:crypto'
import { openSync, readSync, closeSync, statSync } from 'node:fs'
import { InputError, type Where } from '../../errors.js'
import type { ArtifactSpec } from '../../manifest/types.js'
import { CsvParser, fieldText } from '../formats/csv.js'
import { mergeCellTablesMapped } from '../../tables/merge.js'
import { mergeParts } from '../../tables/scores.js'
import { scoresAucBeside, type AucPart } from '../../metrics/auc.js'
import { checkText, readRange, type ReadProgress } from '../formats/bytes.js'
import { CsvPredictionRows } from './predictions-csv.js'
import { type PredictionData, type PredictionOptions } from '../kinds/predictions.js'
import { PredictionSink } from '../kinds/prediction-sink.js'
import { formatOf } from '../formats/source.js'
import type { Helpers } from '../../threads.js'
import { ParquetFile, hashedAlongside, type Progress } from '../formats/parquet.js'
import { readParquetGroups } from './predictions-parquet.js'

/** Files of this size or more are read on two threads, by default. */
export const PARALLEL_MIN_BYTES = 32 * 1024 * 1024
/**
 * Where the file is cut. The first part's thread also hashes the whole file (SHA-256 is sequential,
 * so one thread must see every byte in order, and reading it once more on a third thread only took
 * time from the two parsing), so the first part is the smaller; less so than hashing alone would ask,
 * because the helper starts its part later than the main thread. Measured on 10M rows, three runs of
 * each cut alternating, median check times: 6 decimals 1.25, 1.20 and 1.23 s at 34, 37 and 40%;
 * full-precision scores (slower to parse, so hashing weighs less) 1.71, 1.59 and 1.83 s.
 */
const FIRST_PART = 0.37
/**
 * Where a file whose rows are recorded by id is cut: each row then costs both threads about as much
 * more (its id hashed and kept), so hashing the file weighs less on the first. Measured on 1M rows with
 * ids, three runs of each cut alternating, median check times: 0.93, 0.90, 0.87, 0.83 and 0.86 s at
 * 37, 42, 47, 52 and 57%.
 */
const FIRST_RECORDED_PART = 0.52

export type PartJob = CsvPart | ParquetPart

interface CsvPart {
  format: 'csv'
  spec: ArtifactSpec
  options: PredictionOptions
  header: string[]
  start: number
  end: number
  last: boolean
  /** Set for the first part: its worker also hashes the whole file, this many bytes. */
  hashBytes: number | null
}

/** Row groups [from, to) of a Parquet file. */
interface ParquetPart {
  format: 'parquet'
  spec: ArtifactSpec
  options: PredictionOptions
  from: number
  to: number
  /** The first part also hashes the file. */
  hash: boolean
}

/** A part read: its sink on this thread; what the sink holds, from the helper thread. */
type PartRead<T> =
  | { ok: true; data: T; lines: number; aligned: boolean; sha256: string | null }
  | { ok: false; error: { detail: string } & Where; internal: boolean }
type PartResult = PartRead<ReturnType<PredictionSink['part']>>

/** Null when the file should be read on one thread (small, compressed, or a cut inside a row). */
export async function readPredictionsParallel(
  spec: ArtifactSpec,
  options: PredictionOptions,
  helpers: Helpers,
  progress?: ReadProgress
): Promise<PredictionData | null> {
  const format = formatOf(spec.path)
  if ((format !== 'csv' && format !== 'parquet') || spec.path.toLowerCase().endsWith('.gz')) return null
  // A non-numeric positive label learns its negative from the data: keep that to one reader.
  if (typeof spec.positiveLabel !== 'number' && !/^[01]$/.test(String(spec.positiveLabel))) return null
  let size: number
  try {
    size = statSync(spec.absPath).size
  } catch {
    return null
  }
  if (size < helpers.minBytes) return null
  const jobs = format === 'csv' ? csvParts(spec, options, size) : await parquetParts(spec, options)
  if (jobs === null) return null
  // The second part is posted first; the first is read here meanwhile, without waiting for the
  // helper to have started.
  const second = helpers.thread.run<PartResult>({ kind: 'part', job: jobs[1] })
  const first = await readPart(jobs[0], progress)
  const results = [first, await second]
  let linesBefore = 0
  for (const r of results) {
    if (r.ok) {
      if (!r.aligned) return null
      linesBefore += r.lines
      continue
    }
    if (r.internal) throw new Error(r.error.detail)
    // A CSV part counts its lines from its start; a Parquet part's rows are the file's already.
    const line = r.error.line === undefined ? undefined : r.error.line + linesBefore
    throw new InputError(r.error.detail, { ...r.error, line })
  }
  const [one, two] = results as [
    Extract<PartRead<PredictionSink>, { ok: true }>,
    Extract<PartResult, { ok: true }>
  ]
  const sink = one.data
  const [a, b] = [sink.part(false), two.data]
  const rows = a.rows + b.rows
  if (rows === 0) throw new InputError('the file has no data rows', { file: spec.display })
  const scores = a.scores && b.scores && mergeParts([a.scores, b.scores])
  const { table, remaps } = mergeCellTablesMapped([a.table, b.table])
  // The second part's rows join the first's record (ids met in both: read on one thread instead).
  if (b.record !== null && !sink.record.append(b.record, remaps[1], one.lines)) return null
  return {
    table,
    scores,
    // The upper half of sorted runs walked on the helper thread (they are in shared memory).
    auc: scores?.runs
      ? await scoresAucBeside(scores, upper => helpers.thread.run<AucPart>({ kind: 'auc', job: upper }))
      : undefined,
    edges: options.edges,
    rows,
    sha256: one.sha256!,
    ...sink.recordData()
  }
}

function csvParts(spec: ArtifactSpec, options: PredictionOptions, size: number): CsvPart[] | null {
  const head = readHeader(spec)
  if (head === null) return null
  // Validate the header here so that a missing column is reported once, from line 1.
  const sink = new PredictionSink(spec, options)
  new CsvPredictionRows(sink).useHeader(head.columns, 1)
  // Rows recorded by their position (champion columns) are read in order on one thread.
  if (sink.hasChampion) return null
  const cut = nextLineStart(
    spec.absPath,
    Math.floor(size * (sink.recording ? FIRST_RECORDED_PART : FIRST_PART))
  )
  if (cut === null || cut <= head.bytes || cut >= size) return null
  const ranges = [
    { start: 0, end: cut },
    { start: cut, end: size }
  ]
  return ranges.map((r, k) => ({
    format: 'csv',
    spec,
    options,
    header: head.columns,
    start: r.start,
    end: r.end,
    last: k === ranges.length - 1,
    hashBytes: k === 0 ? size : null
  }))
}

/**
 * Where a Parquet file is cut: the first part's thread hashes the file too (a third of the CSV file's
 * bytes, in steps between its row groups), and the helper starts its part later. On 10M rows, one
 * profile put the even cut at 41% and another at 47%, and whole runs at 41, 44 and 47% were within
 * the machine's noise of each other (1.1 to 1.5 s each): 44% sits between.
 */
const FIRST_PARQUET_PART = 0.44

/** The row groups cut where the first part holds about FIRST_PARQUET_PART of the rows. */
async function parquetParts(spec: ArtifactSpec, options: PredictionOptions): Promise<ParquetPart[] | null> {
  const file = await ParquetFile.open(spec.absPath, spec.display)
  const sink = new PredictionSink(spec, options)
  sink.start(file.columns, { file: spec.display })
  const groups = file.groups
  if (sink.hasChampion || groups.length < 2) return null
  const total = groups.reduce((a, b) => a + b, 0)
  let cut = 1
  for (
    let rows = groups[0];
    cut < groups.length - 1 && rows + groups[cut] / 2 < total * FIRST_PARQUET_PART;
    cut++
  )
    rows += groups[cut]
  return [
    { format: 'parquet', spec, options, from: 0, to: cut, hash: true },
    { format: 'parquet', spec, options, from: cut, to: groups.length, hash: false }
  ]
}

/**
 * Parses one part into its sink; an error becomes part of the result. `progress` (the main thread's
 * part only) follows the bytes hashed, which are the whole file's.
 */
async function readPart(job: PartJob, progress?: ReadProgress): Promise<PartRead<PredictionSink>> {
  let result: PartRead<PredictionSink>
  try {
    result = job.format === 'csv' ? parsePart(job, progress) : await parseParquetPart(job, progress)
  } catch (err) {
    result =
      err instanceof InputError
        ? {
            ok: false,
            internal: false,
            error: {
              detail: err.detail,
              file: err.file,
              line: err.line,
              row: err.row,
              rowGroup: err.rowGroup,
              path: err.path
            }
          }
        : {
            ok: false,
            internal: true,
            error: { detail: err instanceof Error ? (err.stack ?? err.message) : String(err) }
          }
  }
  return result
}

/**
 * On the helper thread: the part's result and the buffers to transfer with it, not copy. A score grid
 * kept in WebAssembly memory (a view of a larger buffer, which cannot be transferred) is copied out.
 */
export async function partTask(job: PartJob): Promise<{ result: PartResult; transfer: ArrayBuffer[] }> {
  const read = await readPart(job)
  const result: PartResult = read.ok ? { ...read, data: read.data.part() } : read
  const r = result.ok ? result.data.record : null
  const recorded = [r?.keys, r?.cells, r?.codes, r?.scores, r?.weights].flatMap(a =>
    a ? [a.buffer as ArrayBuffer] : []
  )
  const d = result.ok ? result.data.scores : null
  if (d === null) return { result, transfer: recorded }
  const own = <T extends Uint32Array | Float64Array>(a: T): T =>
    a.byteLength === a.buffer.byteLength ? a : (a.slice() as T)
  d.grid = own(d.grid)
  d.weights = d.weights && own(d.weights)
  const runs = (d.runs ?? [[], []]).flat().flatMap(r => [r.score, r.count, ...(r.weight ? [r.weight] : [])])
  // The runs are in shared memory already, passed without a copy.
  const transfer = [d.grid, d.weights, ...runs].flatMap(x =>
    x !== null && x.buffer instanceof ArrayBuffer ? [x.buffer] : []
  )
  return { result, transfer: [...transfer, ...recorded] }
}

async function parseParquetPart(
  job: ParquetPart,
  progress?: ReadProgress
): Promise<PartRead<PredictionSink>> {
  const file = await ParquetFile.open(job.spec.absPath, job.spec.display)
  const sink = new PredictionSink(job.spec, job.options)
  sink.start(file.columns, { file: job.spec.display })
  const read = (progress?: Progress) => readParquetGroups(file, sink, job.from, job.to, progress)
  const sha256 = job.hash
    ? await hashedAlongside(job.spec.absPath, job.spec.display, read, progress)
    : (await read(), null)
  return { ok: true, data: sink, lines: 0, aligned: true, sha256 }
}

function parsePart(job: CsvPart, progress?: ReadProgress): PartRead<PredictionSink> {
  const sink = new PredictionSink(job.spec, job.options)
  const rows = new CsvPredictionRows(sink)
  // The first part reads the header itself, so its lines count from 1 like the file's.
  if (job.start > 0) rows.useHeader(job.header, 1)
  const parser = new CsvParser(job.spec.display, row => rows.checkedRow(row), rows)
  // Synchronous reads into one reused buffer: the thread has nothing else to do meanwhile, and a
  // stream would allocate a fresh megabyte per chunk. The parser copies any bytes it holds back.
  const hash = job.hashBytes === null ? null : createHash('sha256')
  const buf = Buffer.allocUnsafe(1 << 20)
  const fd = openSync(job.spec.absPath, 'r')
  const read = (from: number, to: number, use: (bytes: Buffer) => void) =>
    readRange(fd, buf, from, to, job.spec.display, use)
  let hashed = job.start
  const hashing = (bytes: Buffer) => {
    hash!.update(bytes)
    progress?.(job.spec.display, (hashed += bytes.length), job.hashBytes!)
  }
  try {
    read(job.start, job.end, bytes => {
      if (hash !== null) hashing(bytes)
      parser.feed(bytes)
    })
    if (hash !== null) read(job.end, job.hashBytes!, hashing)
  } finally {
    closeSync(fd)
  }
  const aligned = job.last || parser.pendingBytes === 0
  if (job.last) parser.end()
  const sha256 = hash?.digest('hex') ?? null
  return { ok: true, data: sink, lines: parser.linesRead, aligned, sha256 }
}

/** The header row and its length in bytes, from the first 1 MiB; null when it does not end there. */
function readHeader(spec: ArtifactSpec): { columns: string[]; bytes: number } | null {
  const fd = openSync(spec.absPath, 'r')
  try {
    const buf = Buffer.alloc(1 << 20)
    const got = readSync(fd, buf, 0, buf.length, 0)
    checkText(buf.subarray(0, got), spec.display)
    let columns: string[] | null = null
    const parser = new CsvParser(spec.display, row => {
      if (columns === null) columns = Array.from({ length: row.count }, (_, i) => fieldText(row, i))
    })
    const nl = buf.subarray(0, got).indexOf(10)
    if (nl < 0) return null
    parser.feed(buf.subarray(0, nl + 1))
    return columns === null ? null : { columns, bytes: nl + 1 }
  } finally {
    closeSync(fd)
  }
}

function nextLineStart(path: string, from: number): number | null {
  const fd = openSync(path, 'r')
  try {
    const buf = Buffer.alloc(1 << 16)
    for (let pos = from; ; pos += buf.length) {
      const got = readSync(fd, buf, 0, buf.length, pos)
      if (got === 0) return null
      const nl = buf.subarray(0, got).indexOf(10)
      if (nl >= 0) return pos + nl + 1
    }
  } finally {
    closeSync(fd)
  }
}
