#!/usr/bin/env node
import { createReadStream, statSync, openSync, readSync, closeSync, readFileSync, realpathSync, readdirSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { relative, isAbsolute, resolve as resolve$1, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { createHash } from 'node:crypto';
import { createGunzip } from 'node:zlib';
import { Worker } from 'node:worker_threads';

class InputError extends Error {
    name = 'InputError';
    file;
    line;
    path;
    /** The problem without the location prefix. */
    detail;
    constructor(detail, where = {}) {
        super(formatMessage(detail, where));
        this.detail = detail;
        this.file = where.file;
        this.line = where.line;
        this.path = where.path;
    }
}
/** A bad command line: unknown flag, missing value. Exit 2, like any input error. */
class UsageError extends InputError {
}
function formatMessage(detail, where) {
    const loc = [where.file, where.line !== undefined ? `line ${where.line}` : undefined, where.path]
        .filter(Boolean)
        .join(', ');
    return loc ? `${loc}: ${detail}` : detail;
}
/** Quote a user value for a message, shortened so a giant field cannot flood the terminal. */
function quote(value) {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    const short = text === undefined ? 'undefined' : text.length > 60 ? `${text.slice(0, 57)}...` : text;
    return `'${short}'`;
}
function isInputError(err) {
    return err instanceof InputError;
}

/**
 * Interns the values of one sensitive attribute as small integer group ids, straight from the bytes of
 * a CSV field (no string per row). An empty value is the group `(missing)`.
 */
const MISSING = '(missing)';
const MISSING_BYTES = Buffer.from(MISSING);
/** More distinct values than this is almost surely a wrong column (an id, a score), and unbounded memory. */
const MAX_GROUPS = 10000;
const COMMA$2 = 44;
const QUOTE$2 = 34;
const LF$2 = 10;
const CR$2 = 13;
/**
 * The lookup hash of a value's bytes: its length and up to six sampled bytes (the first two, the middle
 * one and the last three), mixed. Hashing every byte cost more than all the other per-row work; group
 * values that share these samples only probe further, since every match is verified byte by byte.
 */
function sampleHash(buf, start, end) {
    const n = end - start;
    if (n === 0)
        return 0;
    let h = Math.imul(n, 0x9e3779b1);
    h = Math.imul(h ^ buf[start], 0x01000193);
    h = Math.imul(h ^ buf[start + (n > 1 ? 1 : 0)], 0x01000193);
    h = Math.imul(h ^ buf[start + (n >> 1)], 0x01000193);
    h = Math.imul(h ^ buf[end - 1], 0x01000193);
    h = Math.imul(h ^ buf[end - (n > 1 ? 2 : 1)], 0x01000193);
    h = Math.imul(h ^ buf[end - (n > 2 ? 3 : 1)], 0x01000193);
    return h ^ (h >>> 15);
}
class GroupIndex {
    attribute;
    file;
    labels = [];
    /** The bytes of each group's value, by id. */
    keys = [];
    /**
     * Group id by the first two bytes of a value as they appear in a CSV row (for a one-byte value, the
     * delimiter after it): -1 when no value starts so, -2 when several do. Lets the CSV fast path match a
     * field against the one candidate value in a single pass, instead of finding its end, hashing it and
     * comparing it (see predictions-csv.ts). Values holding a delimiter or a quote are never listed.
     */
    byPrefix = new Int32Array(1 << 16).fill(-1);
    table = new Int32Array(256).fill(-1);
    hashes = new Int32Array(256);
    constructor(attribute, file) {
        this.attribute = attribute;
        this.file = file;
    }
    /** Group id of buf[start, end). O(length) expected. */
    idOfBytes(buf, start, end, line) {
        return this.idOfHashed(buf, start, end, sampleHash(buf, start, end), line);
    }
    /** As idOfBytes, given h = sampleHash of the bytes. */
    idOfHashed(buf, start, end, h, line) {
        if (start === end)
            return this.idOfBytes(MISSING_BYTES, 0, MISSING_BYTES.length, line);
        const mask = this.table.length - 1;
        let slot = h & mask;
        for (;;) {
            const id = this.table[slot];
            if (id < 0)
                break;
            if (this.hashes[slot] === h && sameBytes(this.keys[id], buf, start, end))
                return id;
            slot = (slot + 1) & mask;
        }
        return this.insert(Buffer.from(buf.subarray(start, end)), h, slot, line);
    }
    idOfText(text, line) {
        const bytes = Buffer.from(text);
        return this.idOfBytes(bytes, 0, bytes.length, line);
    }
    insert(key, h, slot, line) {
        const id = this.labels.length;
        if (id >= MAX_GROUPS) {
            throw new InputError(`sensitive attribute '${this.attribute}' has more than ${MAX_GROUPS} distinct values; expected a categorical column (bin continuous values first)`, { file: this.file, line, path: this.attribute });
        }
        this.labels.push(key.toString('utf8'));
        this.keys.push(key);
        this.table[slot] = id;
        this.hashes[slot] = h;
        this.listPrefix(key, id);
        if ((id + 1) * 2 > this.table.length)
            this.rehash();
        return id;
    }
    listPrefix(key, id) {
        if (key.length === 0 || key.some(b => b === COMMA$2 || b === QUOTE$2 || b === LF$2 || b === CR$2))
            return;
        const list = (prefix) => (this.byPrefix[prefix] = this.byPrefix[prefix] === -1 ? id : -2);
        if (key.length > 1)
            list(key[0] | (key[1] << 8));
        else
            for (const end of [COMMA$2, LF$2, CR$2])
                list(key[0] | (end << 8));
    }
    rehash() {
        const size = this.table.length * 2;
        const table = new Int32Array(size).fill(-1);
        const hashes = new Int32Array(size);
        for (let slot = 0; slot < this.table.length; slot++) {
            const id = this.table[slot];
            if (id < 0)
                continue;
            let s = this.hashes[slot] & (size - 1);
            while (table[s] >= 0)
                s = (s + 1) & (size - 1);
            table[s] = id;
            hashes[s] = this.hashes[slot];
        }
        this.table = table;
        this.hashes = hashes;
    }
}
/** Byte equality; a loop beats Buffer.compare's argument checks on fields this short. */
function sameBytes(key, buf, start, end) {
    if (key.length !== end - start)
        return false;
    for (let i = 0; i < key.length; i++)
        if (key[i] !== buf[start + i])
            return false;
    return true;
}

/**
 * A streaming RFC 4180 CSV parser over byte chunks: quoted fields, doubled quotes, newlines inside
 * quotes, CRLF or LF line ends, a UTF-8 byte-order mark, blank lines skipped. It hands each row to the
 * caller as offsets into the current buffer, without making strings, because the predictions file is
 * read at hundreds of megabytes a second and a string per field would cost more than the parsing.
 * Hand-written for that reason: the CSV packages on npm build a string (or object) per field.
 * Memory is one chunk plus one partial row.
 */
const COMMA$1 = 44;
const QUOTE$1 = 34;
const LF$1 = 10;
const CR$1 = 13;
/** A row longer than this (for example an unterminated quote) is an error, not unbounded memory. */
const MAX_ROW_BYTES = 16 * 1024 * 1024;
const MAX_FIELDS = 4096;
/** The text of field i (quotes removed, doubled quotes undone). */
function fieldText(row, i) {
    const text = row.buf.toString('utf8', row.start[i], row.end[i]);
    return row.escaped[i] ? text.replace(/""/g, '"') : text;
}
class CsvParser {
    file;
    onRow;
    fast;
    rest = null;
    line = 1;
    first = true;
    row = {
        buf: Buffer.alloc(0),
        start: new Int32Array(MAX_FIELDS),
        end: new Int32Array(MAX_FIELDS),
        escaped: new Uint8Array(MAX_FIELDS),
        count: 0,
        line: 0
    };
    constructor(file, onRow, fast = null) {
        this.file = file;
        this.onRow = onRow;
        this.fast = fast;
    }
    /** Bytes held back as the start of an unfinished row. */
    get pendingBytes() {
        return this.rest?.length ?? 0;
    }
    /** Line ends seen so far. */
    get linesRead() {
        return this.line - 1;
    }
    feed(chunk) {
        let buf = this.rest === null ? chunk : this.join(this.rest, chunk);
        this.rest = null;
        if (this.first && buf.length > 0) {
            if (buf.length < 3 && buf[0] === 0xef) {
                this.rest = buf;
                return;
            }
            if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
                buf = buf.subarray(3);
            this.first = false;
        }
        const pos = this.parse(buf, false);
        if (pos < buf.length) {
            if (buf.length - pos > MAX_ROW_BYTES) {
                throw new InputError(`a row is longer than ${MAX_ROW_BYTES} bytes; is a quote left open?`, {
                    file: this.file,
                    line: this.line
                });
            }
            this.rest = Buffer.from(buf.subarray(pos));
        }
    }
    /**
     * The row held back, finished with the new chunk's bytes. Only the chunk's first line is copied
     * next to it (copying the whole chunk cost a copy of the file); the rest of the chunk is returned.
     */
    join(rest, chunk) {
        if (this.first)
            return Buffer.concat([rest, chunk]);
        const nl = chunk.indexOf(LF$1);
        if (nl < 0)
            return Buffer.concat([rest, chunk]);
        const joined = Buffer.concat([rest, chunk.subarray(0, nl + 1)]);
        const pos = this.parse(joined, false);
        const tail = chunk.subarray(nl + 1);
        return pos === joined.length ? tail : Buffer.concat([joined.subarray(pos), tail]);
    }
    end() {
        const buf = this.rest;
        this.rest = null;
        if (buf && buf.length > 0)
            this.parse(buf, true);
    }
    /** Parses every complete row of buf; returns the offset of the first byte not consumed. */
    parse(buf, final) {
        const row = this.row;
        row.buf = buf;
        const len = buf.length;
        const start = row.start;
        const end = row.end;
        const escaped = row.escaped;
        let pos = 0;
        const fast = this.fast;
        while (pos < len) {
            if (fast !== null) {
                const next = fast.row(buf, pos, len, this.line);
                if (next >= 0) {
                    pos = next;
                    this.line++;
                    continue;
                }
            }
            const rowStart = pos;
            const startLine = this.line;
            let line = startLine;
            let n = 0;
            let i = pos;
            let complete = false;
            // One field per iteration.
            for (;;) {
                if (n === MAX_FIELDS) {
                    throw new InputError(`more than ${MAX_FIELDS} fields in one row`, { file: this.file, line });
                }
                if (i < len && buf[i] === QUOTE$1) {
                    let j = i + 1;
                    let esc = 0;
                    for (;;) {
                        if (j >= len)
                            break;
                        const c = buf[j];
                        if (c === QUOTE$1) {
                            if (j + 1 < len && buf[j + 1] === QUOTE$1) {
                                esc = 1;
                                j += 2;
                                continue;
                            }
                            if (j + 1 >= len && !final) {
                                j = len;
                            }
                            break;
                        }
                        if (c === LF$1)
                            line++;
                        j++;
                    }
                    if (j >= len) {
                        if (final)
                            throw new InputError('a quoted field is not closed before the end of the file', {
                                file: this.file,
                                line: this.line
                            });
                        return rowStart;
                    }
                    start[n] = i + 1;
                    end[n] = j;
                    escaped[n] = esc;
                    n++;
                    i = j + 1;
                    if (i >= len) {
                        if (!final)
                            return rowStart;
                        complete = true;
                        break;
                    }
                    const c = buf[i];
                    if (c === COMMA$1) {
                        i++;
                        continue;
                    }
                    if (c === LF$1 || (c === CR$1 && i + 1 < len && buf[i + 1] === LF$1)) {
                        i += c === CR$1 ? 2 : 1;
                        complete = true;
                        break;
                    }
                    if (c === CR$1 && i + 1 >= len) {
                        if (!final)
                            return rowStart;
                        i++;
                        complete = true;
                        break;
                    }
                    throw new InputError(`unexpected ${JSON.stringify(String.fromCharCode(c))} after a closing quote; expected a comma or the end of the line`, { file: this.file, line });
                }
                let j = i;
                while (j < len) {
                    const c = buf[j];
                    if (c === COMMA$1 || c === LF$1)
                        break;
                    j++;
                }
                if (j >= len && !final)
                    return rowStart;
                let fieldEnd = j;
                if (fieldEnd > i && buf[fieldEnd - 1] === CR$1 && (j >= len || buf[j] === LF$1))
                    fieldEnd--;
                start[n] = i;
                end[n] = fieldEnd;
                escaped[n] = 0;
                n++;
                if (j < len && buf[j] === COMMA$1) {
                    i = j + 1;
                    continue;
                }
                i = j + 1;
                complete = true;
                break;
            }
            pos = Math.min(i, len);
            this.line = line + 1;
            if (!complete)
                return rowStart;
            // A blank line (one empty unquoted field) is skipped, as pandas and Python's csv do.
            if (n === 1 && end[0] === start[0] && buf[rowStart] !== QUOTE$1)
                continue;
            row.count = n;
            row.line = startLine;
            this.onRow(row);
        }
        return pos;
    }
}

/**
 * Opens an artifact as a stream of byte chunks: gunzipped when the name ends in `.gz`, hashed
 * (sha256 of the file as stored) on the way. Also the JSON Lines splitter and the CSV/JSONL dispatch,
 * so every reader gets the same line numbers and the same error for an unreadable or empty file.
 */
function formatOf(path) {
    const name = path.toLowerCase().replace(/\.gz$/, '');
    if (name.endsWith('.csv'))
        return 'csv';
    if (name.endsWith('.jsonl') || name.endsWith('.ndjson'))
        return 'jsonl';
    return undefined;
}
const CHUNK = 1 << 20;
/** Streams the file's (decompressed) bytes to `onChunk`; resolves to the sha256 of the stored bytes. */
async function streamFile(path, display, onChunk) {
    const hash = createHash('sha256');
    const raw = createReadStream(path, { highWaterMark: CHUNK });
    raw.on('data', chunk => hash.update(chunk));
    const gz = path.toLowerCase().endsWith('.gz');
    const body = gz ? raw.pipe(createGunzip({ chunkSize: CHUNK })) : raw;
    if (gz)
        raw.on('error', err => body.destroy(err));
    try {
        for await (const chunk of body)
            onChunk(chunk);
    }
    catch (err) {
        if (err instanceof InputError)
            throw err;
        const e = err;
        const why = e.code === 'ENOENT'
            ? 'file not found'
            : e.code === 'EISDIR'
                ? 'is a directory, expected a file'
                : e.code === 'Z_DATA_ERROR' || e.code === 'Z_BUF_ERROR'
                    ? `not valid gzip data (${e.message})`
                    : `cannot be read (${e.code ?? e.message})`;
        throw new InputError(why, { file: display });
    }
    return hash.digest('hex');
}
/**
 * Streams a CSV or JSONL artifact row by row as TextRows. For CSV, `onHeader` receives the header
 * first and may throw if a required column is absent; JSONL reports missing fields per line.
 */
async function streamRows(path, display, onHeader, onRow) {
    const format = formatOf(path);
    let columns = null;
    let index = new Map();
    let rows = 0;
    let handle;
    let finish = () => { };
    if (format === 'csv') {
        let current;
        const row = {
            line: 0,
            has: c => index.has(c),
            get: c => fieldText(current, index.get(c))
        };
        const parser = new CsvParser(display, r => {
            if (columns === null) {
                columns = Array.from({ length: r.count }, (_, i) => fieldText(r, i));
                index = new Map(columns.map((c, i) => [c, i]));
                onHeader(columns, r.line);
                return;
            }
            if (r.count !== columns.length)
                throw wrongFieldCount(display, r.line, columns.length, r.count);
            current = r;
            row.line = r.line;
            rows++;
            onRow(row);
        });
        handle = chunk => parser.feed(chunk);
        finish = () => parser.end();
    }
    else if (format === 'jsonl') {
        const lines = new LineSplitter((raw, line) => {
            const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
            if (text.trim() === '')
                return;
            let value;
            try {
                value = JSON.parse(text);
            }
            catch (err) {
                throw new InputError(`not valid JSON (${err.message}); expected one JSON object per line`, {
                    file: display,
                    line
                });
            }
            if (value === null || typeof value !== 'object' || Array.isArray(value)) {
                throw new InputError(`expected a JSON object, found ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}`, {
                    file: display,
                    line
                });
            }
            const obj = value;
            if (columns === null) {
                columns = Object.keys(obj);
                onHeader(columns, line);
            }
            rows++;
            onRow({ line, has: c => c in obj, get: c => obj[c] });
        });
        handle = chunk => lines.feed(chunk);
        finish = () => lines.end();
    }
    else {
        throw new InputError('unknown file type; expected a name ending in .csv, .jsonl or .ndjson (optionally .gz)', {
            file: display
        });
    }
    const sha256 = await streamFile(path, display, handle);
    finish();
    if (columns === null)
        throw new InputError('the file is empty; expected a header and data rows', { file: display });
    if (rows === 0)
        throw new InputError('the file has no data rows', { file: display });
    return { columns, rows, sha256 };
}
/** The file column that holds logical column `name`: the manifest's mapping, else the name itself. */
const columnOf = (spec, name) => spec.columns[name] ?? name;
/** Throws when a logical column's file column is not among the header's `columns`. */
function requireColumns(spec, names, columns, line) {
    for (const name of names) {
        const column = columnOf(spec, name);
        if (!columns.includes(column)) {
            throw new InputError(`column '${column}' is not in the file; found: ${columns.join(', ')}`, {
                file: spec.display,
                line,
                path: name
            });
        }
    }
}
function wrongFieldCount(file, line, expected, found) {
    return new InputError(`expected ${expected} fields as in the header, found ${found}`, { file, line });
}
/** Splits a byte stream into UTF-8 lines (LF or CRLF), 1-based line numbers. */
class LineSplitter {
    onLine;
    rest = null;
    line = 1;
    constructor(onLine) {
        this.onLine = onLine;
    }
    feed(chunk) {
        const buf = this.rest ? Buffer.concat([this.rest, chunk]) : chunk;
        let pos = 0;
        for (;;) {
            const nl = buf.indexOf(10, pos);
            if (nl < 0)
                break;
            const end = nl > pos && buf[nl - 1] === 13 ? nl - 1 : nl;
            this.onLine(buf.toString('utf8', pos, end), this.line++);
            pos = nl + 1;
        }
        this.rest = pos < buf.length ? Buffer.from(buf.subarray(pos)) : null;
    }
    end() {
        if (this.rest)
            this.onLine(this.rest.toString('utf8').replace(/\r$/, ''), this.line++);
        this.rest = null;
    }
}

/**
 * Typed values from artifact fields, with the error a user needs when a value is wrong. Each parser
 * takes the field's text; the CSV reader calls them only when its byte-level fast path does not apply.
 */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** A finite decimal number, or undefined when the text is not one (empty, NaN, inf, hex, words). */
function parseDecimal(text) {
    if (!DECIMAL.test(text))
        return undefined;
    const value = Number(text);
    return Number.isFinite(value) ? value : undefined;
}
function parseScore(text, where) {
    const value = parseDecimal(text);
    if (value === undefined || value < 0 || value > 1) {
        throw new InputError(`score ${quote(text)} is not a probability; expected a number in [0, 1]`, where);
    }
    return value;
}
function parseWeight(text, where) {
    const value = parseDecimal(text);
    if (value === undefined || value < 0) {
        throw new InputError(`weight ${quote(text)} is not a valid sample weight; expected a finite number >= 0`, where);
    }
    return value;
}
/**
 * Reads a binary label or prediction. With a numeric positive label (the default, 1) the values are
 * 0 and 1 (`1.0`, `true`/`false` also accepted). With any other positive label, the column must hold
 * exactly two distinct values: the first other value seen becomes the negative, and a third value is an
 * error that names all three.
 */
class BinaryDecoder {
    what;
    negative;
    numeric;
    positive;
    constructor(positiveLabel, what) {
        this.what = what;
        this.positive = String(positiveLabel);
        this.numeric = typeof positiveLabel === 'number' || /^[01]$/.test(this.positive);
    }
    decode(text, where) {
        if (this.numeric) {
            const v = text === 'true' || text === 'True' ? 1 : text === 'false' || text === 'False' ? 0 : parseDecimal(text);
            if (v === 0 || v === 1)
                return String(v) === this.positive ? 1 : 0;
            throw new InputError(`${this.what} ${quote(text)} is not binary; expected 0 or 1`, where);
        }
        if (text === this.positive)
            return 1;
        if (this.negative === undefined && text !== '') {
            this.negative = text;
            return 0;
        }
        if (text === this.negative)
            return 0;
        throw new InputError(`${this.what} ${quote(text)} is not binary; this column already holds ${quote(this.positive)} (positive) and ${quote(this.negative ?? '')}`, where);
    }
}
/** A pass/fail outcome: true/false, 1/0, yes/no, pass/fail (any case). */
function parseBoolean(value, where) {
    if (typeof value === 'boolean')
        return value;
    if (value === 1 || value === 0)
        return value === 1;
    const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
    if (text === 'true' || text === '1' || text === 'yes' || text === 'pass' || text === 'passed')
        return true;
    if (text === 'false' || text === '0' || text === 'no' || text === 'fail' || text === 'failed')
        return false;
    throw new InputError(`passed ${quote(value)} is not a boolean; expected true or false`, where);
}

/**
 * Reads an outcomes artifact: pass/fail results of test cases (red-team or safety suites), one row
 * per case with `suite`, `category` (optional) and `passed`.
 */
async function readOutcomes(spec) {
    const column = (name) => columnOf(spec, name);
    const table = { cells: [], passed: [], failed: [] };
    const index = new Map();
    let hasCategory = false;
    const result = await streamRows(spec.absPath, spec.display, (columns, line) => {
        requireColumns(spec, ['suite', 'passed'], columns, line);
        hasCategory = columns.includes(column('category')) || spec.columns.category !== undefined;
    }, row => {
        const where = (f) => ({ file: spec.display, line: row.line, path: column(f) });
        const suite = row.get(column('suite'));
        if (typeof suite !== 'string' || suite === '') {
            throw new InputError(`suite ${JSON.stringify(suite)} is not a name; expected a non-empty string`, where('suite'));
        }
        let category = null;
        if (hasCategory) {
            const c = row.get(column('category'));
            category = c === undefined || c === null || c === '' ? MISSING : String(c);
        }
        if (!row.has(column('passed')))
            throw new InputError(`field '${column('passed')}' is missing`, where('passed'));
        const passed = parseBoolean(row.get(column('passed')), where('passed'));
        const key = JSON.stringify([suite, category]);
        let i = index.get(key);
        if (i === undefined) {
            i = table.cells.length;
            index.set(key, i);
            table.cells.push({ suite, category });
            table.passed.push(0);
            table.failed.push(0);
        }
        if (passed)
            table.passed[i]++;
        else
            table.failed[i]++;
    });
    return { table, rows: result.rows, sha256: result.sha256 };
}

/**
 * The cell table (SPEC §6): almost every metric is a function of per-cell sums, where a cell is one
 * combination of (sensitive-group values, label, prediction, score bin). Rows are streamed into it, so
 * memory depends on the number of cells, never on the number of rows. Each additive per-row quantity
 * x keeps Σx and Σx² so that a bootstrap can resample a cell's sum without its rows (see bootstrap.ts).
 */
/** Per-row additive quantities kept for every cell, in this order. */
const QUANTITIES = ['w', 's', 'sq', 'll'];
/** w: weight; s: weight·score; sq: weight·(score−label)²; ll: weight·log loss. */
const Q_W = 0;
const Q_S = 1;
const Q_SQ = 2;
const Q_LL = 3;
const NQ$2 = QUANTITIES.length;
/** Numbers per cell while accumulating: the row count, then Σx and Σx² of each quantity. */
const ACC = 1 + 2 * NQ$2;
const cellCount = (table) => table.combos.length * 4 * table.bins;
const LOG_EPS = 1e-15;
/** −log of the clipped probability given to the true label (scikit-learn's log_loss per row). */
function logLoss$1(score, label) {
    const p = score < LOG_EPS ? LOG_EPS : score > 1 - LOG_EPS ? 1 - LOG_EPS : score;
    return label === 1 ? -Math.log(p) : -Math.log(1 - p);
}
/** Accumulates rows into a growing cell table. */
class CellAccumulator {
    attributes;
    bins;
    hasScore;
    weighted;
    /**
     * Per cell, side by side: the row count, then Σx and Σx² of each quantity (ACC numbers), so that a
     * row updates one or two cache lines rather than one in each of three arrays. finish() lays them
     * out as a CellTable. Unweighted, Σw and Σw² are the row count and are filled in by finish().
     */
    acc;
    combos = [];
    slots = new Int32Array(64).fill(-1);
    direct = new Int32Array(1 << 18).fill(-1);
    stride;
    constructor(attributes, bins, hasScore, weighted) {
        this.attributes = attributes;
        this.bins = bins;
        this.hasScore = hasScore;
        this.weighted = weighted;
        this.stride = 4 * bins;
        this.acc = new Float64Array(this.stride * 16 * ACC);
    }
    /** The combination id of group ids `g` (one per attribute); `g` is copied when new. */
    combo(g) {
        // Up to 3 attributes with fewer than 64 groups each (the usual case): a direct table on the packed
        // ids, one load per row. Otherwise open addressing on a hash, verified against the combination.
        if (g.length <= 3) {
            const a = g.length > 0 ? g[0] : 0;
            const b = g.length > 1 ? g[1] : 0;
            const c = g.length > 2 ? g[2] : 0;
            if ((a | b | c) < 64) {
                const key = a | (b << 6) | (c << 12);
                const id = this.direct[key];
                if (id >= 0)
                    return id;
                return (this.direct[key] = this.hashed(g));
            }
        }
        return this.hashed(g);
    }
    hashed(g) {
        let h = 0x811c9dc5;
        for (let a = 0; a < g.length; a++)
            h = Math.imul(h ^ g[a], 0x01000193);
        h ^= h >>> 15;
        const mask = this.slots.length - 1;
        for (let slot = h & mask;; slot = (slot + 1) & mask) {
            const id = this.slots[slot];
            if (id < 0)
                return this.newCombo(g, slot);
            const known = this.combos[id];
            let same = true;
            for (let a = 0; a < g.length; a++)
                if (known[a] !== g[a])
                    same = false;
            if (same)
                return id;
        }
    }
    newCombo(g, slot) {
        const next = this.combos.length;
        this.combos.push(Array.from(g));
        this.slots[slot] = next;
        if ((next + 1) * 2 > this.slots.length) {
            const old = this.combos;
            this.slots = new Int32Array(this.slots.length * 2).fill(-1);
            const mask = this.slots.length - 1;
            old.forEach((combo, id) => {
                let h = 0x811c9dc5;
                for (const x of combo)
                    h = Math.imul(h ^ x, 0x01000193);
                h ^= h >>> 15;
                let s = h & mask;
                while (this.slots[s] >= 0)
                    s = (s + 1) & mask;
                this.slots[s] = id;
            });
        }
        if ((next + 1) * this.stride * ACC > this.acc.length)
            this.grow();
        return next;
    }
    add(combo, label, prediction, bin, weight, score) {
        const o = (((combo * 2 + label) * 2 + prediction) * this.bins + bin) * ACC;
        const a = this.acc;
        a[o] += 1;
        if (this.weighted) {
            a[o + 1] += weight;
            a[o + 2] += weight * weight;
        }
        if (this.hasScore) {
            const ws = weight * score;
            const d = score - label;
            const wsq = weight * d * d;
            const wll = weight * logLoss$1(score, label);
            a[o + 3] += ws;
            a[o + 4] += ws * ws;
            a[o + 5] += wsq;
            a[o + 6] += wsq * wsq;
            a[o + 7] += wll;
            a[o + 8] += wll * wll;
        }
    }
    grow() {
        const acc = new Float64Array(this.acc.length * 2);
        acc.set(this.acc);
        this.acc = acc;
    }
    finish(groups) {
        const cells = this.combos.length * this.stride;
        const n = new Float64Array(cells);
        const sum = new Float64Array(cells * NQ$2);
        const sum2 = new Float64Array(cells * NQ$2);
        const a = this.acc;
        for (let cell = 0; cell < cells; cell++) {
            const o = cell * ACC;
            n[cell] = a[o];
            for (let q = 0; q < NQ$2; q++) {
                sum[cell * NQ$2 + q] = a[o + 1 + 2 * q];
                sum2[cell * NQ$2 + q] = a[o + 2 + 2 * q];
            }
            if (!this.weighted)
                sum[cell * NQ$2 + Q_W] = sum2[cell * NQ$2 + Q_W] = a[o];
        }
        return {
            attributes: this.attributes,
            groups,
            combos: this.combos,
            bins: this.bins,
            hasScore: this.hasScore,
            weighted: this.weighted,
            n,
            sum,
            sum2
        };
    }
}

/**
 * The distribution of scores by label, which exact ROC AUC and quantile calibration bins need (they
 * are the two metrics the cell table cannot give, SPEC §6). Scores written with at most 6 decimals
 * (the common case) fall on a fixed grid of 1,000,001 slots; any other score switches the histogram
 * to a map of distinct values. Memory is bounded by the number of distinct scores, not rows.
 */
const GRID = 1_000_000;
class ScoreHistogram {
    weighted;
    /** counts[micros·2 + label]; weights likewise when weighted. Null once in map mode. */
    counts = new Uint32Array(2 * (GRID + 1));
    weights;
    /**
     * Grid updates are queued and applied in a tight loop: each one is a cache miss in an 8 MB array,
     * and a loop with nothing else in it lets the processor overlap many misses at once.
     */
    queue = new Int32Array(1 << 14);
    queueW;
    queued = 0;
    map = new Map();
    values = [];
    mposW = [];
    mnegW = [];
    mposN = [];
    mnegN = [];
    constructor(weighted) {
        this.weighted = weighted;
        this.weights = weighted ? new Float64Array(2 * (GRID + 1)) : null;
        this.queueW = new Float64Array(weighted ? 1 << 14 : 0);
    }
    /**
     * Adds a score known to equal micros / 1e6 exactly as parsed (the CSV fast path). Returns false when
     * the histogram is in map mode, and the caller must use add().
     */
    addMicros(micros, label, weight) {
        if (this.counts === null)
            return false;
        const k = this.queued;
        this.queue[k] = micros * 2 + label;
        if (this.weighted)
            this.queueW[k] = weight;
        this.queued = k + 1;
        if (k + 1 === this.queue.length)
            this.flush();
        return true;
    }
    flush() {
        const counts = this.counts;
        const q = this.queue;
        const n = this.queued;
        for (let i = 0; i < n; i++)
            counts[q[i]]++;
        const w = this.weights;
        if (w !== null)
            for (let i = 0; i < n; i++)
                w[q[i]] += this.queueW[i];
        this.queued = 0;
    }
    add(score, label, weight) {
        const micros = Math.round(score * GRID);
        if (this.counts !== null && micros / GRID === score) {
            this.addMicros(micros, label, weight);
            return;
        }
        this.addToMap(score, label === 1 ? weight : 0, label === 1 ? 0 : weight, label, 1 - label);
    }
    /** Adds weights and row counts at one score in map mode (leaving the grid first if needed). */
    addToMap(score, posW, negW, posN, negN) {
        if (this.counts !== null)
            this.leaveGrid();
        let i = this.map.get(score);
        if (i === undefined) {
            i = this.values.length;
            this.map.set(score, i);
            this.values.push(score);
            this.mposW.push(0);
            this.mnegW.push(0);
            this.mposN.push(0);
            this.mnegN.push(0);
        }
        this.mposW[i] += posW;
        this.mnegW[i] += negW;
        this.mposN[i] += posN;
        this.mnegN[i] += negN;
    }
    leaveGrid() {
        const d = this.part();
        const dist = gridDistribution(d.grid, d.weights);
        dist.score.forEach((score, i) => {
            this.map.set(score, i);
            this.values.push(score);
            this.mposW.push(dist.posW[i]);
            this.mnegW.push(dist.negW[i]);
            this.mposN.push(dist.posN[i]);
            this.mnegN.push(dist.negN[i]);
        });
        this.counts = null;
        this.weights = null;
    }
    /**
     * What a reader of one part of a file sends back: the grid itself (transferred between threads,
     * not copied, and added slot by slot to the other part's), or the distribution in map mode.
     */
    part() {
        if (this.counts === null)
            return { dist: this.finish() };
        this.flush();
        return { grid: this.counts, weights: this.weights };
    }
    finish() {
        if (this.counts !== null) {
            this.flush();
            return gridDistribution(this.counts, this.weights);
        }
        const order = this.values.map((_, i) => i).sort((a, b) => this.values[a] - this.values[b]);
        const out = alloc(order.length);
        order.forEach((i, j) => {
            out.score[j] = this.values[i];
            out.posW[j] = this.mposW[i];
            out.negW[j] = this.mnegW[i];
            out.posN[j] = this.mposN[i];
            out.negN[j] = this.mnegN[i];
        });
        return out;
    }
}
/** The distribution of the rows of all parts (each part's rows disjoint from the others'). */
function mergeParts(parts) {
    let grid = null;
    let weights = null;
    const dists = [];
    for (const p of parts) {
        if ('dist' in p)
            dists.push(p.dist);
        else if (grid === null)
            [grid, weights] = [p.grid, p.weights];
        else {
            for (let i = 0; i < grid.length; i++)
                grid[i] += p.grid[i];
            if (weights !== null && p.weights !== null)
                for (let i = 0; i < weights.length; i++)
                    weights[i] += p.weights[i];
        }
    }
    if (grid !== null)
        dists.push(gridDistribution(grid, weights));
    return dists.reduce(mergeDistributions);
}
/** The occupied slots of a grid, ascending: one pass to size the result, one to fill it. */
function gridDistribution(counts, weights) {
    let k = 0;
    for (let i = 0; i < counts.length; i += 2)
        if ((counts[i] | counts[i + 1]) !== 0)
            k++;
    const out = alloc(k);
    const w = weights ?? counts;
    let j = 0;
    for (let m = 0; m <= GRID; m++) {
        const negN = counts[2 * m];
        const posN = counts[2 * m + 1];
        if ((negN | posN) === 0)
            continue;
        out.score[j] = m / GRID;
        out.posW[j] = w[2 * m + 1];
        out.negW[j] = w[2 * m];
        out.posN[j] = posN;
        out.negN[j] = negN;
        j++;
    }
    return out;
}
/** The distribution of two disjoint sets of rows (each ascending): a sorted merge, equal scores added. */
function mergeDistributions(a, b) {
    const na = a.score.length;
    const nb = b.score.length;
    // Visits the merged order: f(from, at, also) with `also` the index in b of an equal score, or -1.
    const merge = (f) => {
        let i = 0;
        let j = 0;
        while (i < na || j < nb) {
            const sa = i < na ? a.score[i] : Infinity;
            const sb = j < nb ? b.score[j] : Infinity;
            if (sa < sb)
                f(a, i++, -1);
            else if (sb < sa)
                f(b, j++, -1);
            else
                f(a, i++, j++);
        }
    };
    // Counted first, so that the result takes no more memory than it needs.
    let size = 0;
    merge(() => size++);
    const out = alloc(size);
    let k = 0;
    merge((from, at, also) => {
        out.score[k] = from.score[at];
        out.posW[k] = from.posW[at] + (also < 0 ? 0 : b.posW[also]);
        out.negW[k] = from.negW[at] + (also < 0 ? 0 : b.negW[also]);
        out.posN[k] = from.posN[at] + (also < 0 ? 0 : b.posN[also]);
        out.negN[k] = from.negN[at] + (also < 0 ? 0 : b.negN[also]);
        k++;
    });
    return out;
}
function alloc(k) {
    return {
        score: new Float64Array(k),
        posW: new Float64Array(k),
        negW: new Float64Array(k),
        posN: new Float64Array(k),
        negN: new Float64Array(k)
    };
}
/**
 * Interior quantile edges for `bins` equal-count calibration bins: the overall score quantiles at
 * b/bins (b = 1..bins−1) by linear interpolation between order statistics (numpy's default), as
 * scikit-learn's calibration_curve(strategy='quantile') takes them. Unweighted, as there.
 */
function quantileEdges(dist, bins) {
    const counts = dist.score.map((_, i) => dist.posN[i] + dist.negN[i]);
    const total = counts.reduce((a, b) => a + b, 0);
    const orderStat = (k) => {
        let cum = 0;
        for (let i = 0; i < counts.length; i++) {
            cum += counts[i];
            if (k < cum)
                return dist.score[i];
        }
        return dist.score[dist.score.length - 1];
    };
    const edges = [];
    for (let b = 1; b < bins; b++) {
        const h = (total - 1) * (b / bins);
        const lo = Math.floor(h);
        const a = orderStat(lo);
        const c = orderStat(Math.min(lo + 1, total - 1));
        edges.push(a + (h - lo) * (c - a));
    }
    return edges;
}
/** The calibration bin of a score: uniform min(floor(s·B), B−1), or the count of quantile edges below s. */
function binOf(score, bins, edges) {
    if (edges === null) {
        const b = Math.floor(score * bins);
        return b < bins ? b : bins - 1;
    }
    let b = 0;
    while (b < edges.length && edges[b] < score)
        b++;
    return b;
}

/**
 * Parses a plain decimal (`0.25`, `1`, `.5`) straight from CSV bytes. The value m / 10^k is computed
 * from exact integers (m < 2^53, k <= 22), so IEEE division rounds it exactly as Number() would; any
 * other form (sign, exponent, more than 15 digits) returns NaN and the caller falls back to the text
 * parser. `micros` is set to the value in millionths when it has at most 6 decimals, else -1.
 */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const decimalState = { micros: -1 };
function fastDecimal(buf, start, end) {
    let m = 0;
    let digits = 0;
    let k = -1;
    for (let i = start; i < end; i++) {
        const c = buf[i];
        if (c >= 48 && c <= 57) {
            m = m * 10 + (c - 48);
            digits++;
            if (k >= 0)
                k++;
        }
        else if (c === 46 && k < 0) {
            k = 0;
        }
        else {
            return NaN;
        }
    }
    if (digits === 0 || digits > 15)
        return NaN;
    if (k < 0)
        k = 0;
    decimalState.micros = k <= 6 ? m * POW10[6 - k] : -1;
    return k === 0 ? m : m / POW10[k];
}

/**
 * The predictions CSV hot path: a one-pass fast path for plain rows (fields found and decoded at once)
 * and the checked path for everything else, which validates every value and reports errors.
 */
/** Field roles in the fast path: SKIP, LABEL, ... or ATTR + attribute index. */
const SKIP = 0;
const LABEL = 1;
const SCORE = 2;
const PREDICTION = 3;
const WEIGHT = 4;
const ATTR = 5;
const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;
/** Bytes that end an unquoted field, or send the row to the checked path: , LF CR ". */
const SPECIAL = new Uint8Array(256);
for (const c of [COMMA, LF, CR, QUOTE])
    SPECIAL[c] = 1;
/**
 * The CSV hot path: reads fields straight from the bytes, with fast paths for 0/1 labels and plain
 * decimals and the text parsers as fallback, so that every value is validated the same way.
 */
class CsvPredictionRows {
    sink;
    header = null;
    label = -1;
    score = -1;
    prediction = -1;
    weight = -1;
    attrs = [];
    fastBinary;
    threshold;
    file;
    constructor(sink) {
        this.sink = sink;
        this.fastBinary = sink.labels.positive === '1';
        this.threshold = sink.spec.threshold;
        this.file = sink.spec.display;
    }
    get started() {
        return this.header !== null;
    }
    /** The checked path: every row the fast path declines, and the header. */
    checkedRow(row) {
        const header = this.header;
        if (header === null) {
            this.start(row);
            return;
        }
        if (row.count !== header.length)
            throw wrongFieldCount(this.file, row.line, header.length, row.count);
        const sink = this.sink;
        const buf = row.buf;
        const y = this.binary(row, this.label, sink.labels);
        let s = 0;
        let micros = -1;
        if (this.score >= 0) {
            const i = this.score;
            s = row.escaped[i] ? NaN : fastDecimal(buf, row.start[i], row.end[i]);
            if (s === s && s <= 1)
                micros = decimalState.micros;
            else
                s = parseScore(fieldText(row, i), this.where(row, i));
        }
        let w = 1;
        if (this.weight >= 0) {
            const i = this.weight;
            w = row.escaped[i] ? NaN : fastDecimal(buf, row.start[i], row.end[i]);
            if (w !== w)
                w = parseWeight(fieldText(row, i), this.where(row, i));
        }
        const p = this.prediction >= 0 ? this.binary(row, this.prediction, sink.predictions) : s >= this.threshold ? 1 : 0;
        const g = sink.g;
        const attrs = this.attrs;
        for (let a = 0; a < attrs.length; a++) {
            const i = attrs[a];
            g[a] = row.escaped[i]
                ? sink.indexes[a].idOfText(fieldText(row, i), row.line)
                : sink.indexes[a].idOfBytes(buf, row.start[i], row.end[i], row.line);
        }
        sink.add(y, p, s, micros, w);
    }
    start(row) {
        this.useHeader(Array.from({ length: row.count }, (_, i) => fieldText(row, i)), row.line);
    }
    /** Sets the header read elsewhere (a part of the file that starts after it). */
    useHeader(header, line) {
        this.sink.start(header, line);
        const l = this.sink.layout;
        const at = (c) => (c === undefined ? -1 : header.indexOf(c));
        this.label = at(l.label);
        this.score = at(l.score);
        this.prediction = at(l.prediction);
        this.weight = at(l.weight);
        this.attrs = l.attributes.map(at);
        this.header = header;
        // What each field is for the fast path. A column read in two roles (say, the label also a
        // sensitive attribute) leaves the rows to the checked path, which reads each role by itself.
        const roles = new Int32Array(header.length).fill(SKIP);
        const used = [this.label, this.score, this.prediction, this.weight, ...this.attrs].filter(i => i >= 0);
        if (!this.fastBinary || new Set(used).size !== used.length)
            return;
        roles[this.label] = LABEL;
        if (this.score >= 0)
            roles[this.score] = SCORE;
        if (this.prediction >= 0)
            roles[this.prediction] = PREDICTION;
        if (this.weight >= 0)
            roles[this.weight] = WEIGHT;
        this.attrs.forEach((i, a) => (roles[i] = ATTR + a));
        this.row = compileRow(roles, this.sink, this.prediction >= 0);
    }
    /** The fast path (see FastRow), compiled for the header once it is known; declines until then. */
    row = declineRow;
    binary(row, i, decoder) {
        if (this.fastBinary && row.escaped[i] === 0 && row.end[i] - row.start[i] === 1) {
            const c = row.buf[row.start[i]];
            if (c === 49)
                return 1;
            if (c === 48)
                return 0;
        }
        return decoder.decode(fieldText(row, i), this.where(row, i));
    }
    where(row, i) {
        return { file: this.file, line: row.line, path: this.header[i] };
    }
}
const declineRow = () => -1;
/**
 * The fast path for one header: one pass over a plain row that finds the fields and decodes them at
 * once, accepting only rows that are certainly valid (0/1 labels, plain decimals in range, the right
 * field count, LF or CRLF). Anything else returns -1 and takes the checked path, which reports errors.
 *
 * It is generated code, one block per field in file order, because the same steps in a loop that
 * dispatches on each field's role cost about 15% more per row (measured on 5M rows). The generated
 * text is built only from the fixed blocks below and small integers (field roles and attribute
 * indexes), never from the file's contents or names.
 */
function compileRow(roles, sink, hasPrediction) {
    const blocks = [];
    roles.forEach((role, f) => {
        const last = f === roles.length - 1;
        if (role >= ATTR)
            blocks.push(attributeBlock(role - ATTR));
        else if (role === SCORE || role === WEIGHT)
            blocks.push(decimalBlock(role === SCORE));
        else if (role === LABEL || role === PREDICTION) {
            blocks.push(`if (i >= len) return -1
        c = buf[i] - 48
        if (c !== 0 && c !== 1) return -1
        ${role === LABEL ? 'y' : 'p'} = c
        i++`);
        }
        else
            blocks.push('while (i < len && SPECIAL[buf[i]] === 0) i++');
        // After each field: a comma, or the line end after the last one (a quote or anything else declines).
        blocks.push(last
            ? `if (i >= len) return -1
        c = buf[i]
        if (c === ${CR}) {
          if (i + 1 >= len || buf[i + 1] !== ${LF}) return -1
          i++
        } else if (c !== ${LF}) return -1`
            : `if (i >= len || buf[i] !== ${COMMA}) return -1
        i++`);
    });
    const body = `
    const { SPECIAL, POW10, sampleHash, sink, indexes, g, threshold } = env
    ${sink.indexes.map((_, a) => `const index${a} = indexes[${a}], prefix${a} = index${a}.byPrefix, keys${a} = index${a}.keys`).join('\n')}
    return function row(buf, pos, len, line) {
      if (buf[pos] === ${LF} || buf[pos] === ${CR}) return -1
      let i = pos
      let c = 0
      let y = -1
      let p = -1
      let s = 0
      let micros = -1
      let w = 1
      ${blocks.join('\n')}
      ${hasPrediction ? '' : 'p = s >= threshold ? 1 : 0'}
      sink.add(y, p, s, micros, w)
      return i + 1
    }`;
    const env = {
        SPECIAL,
        POW10,
        sampleHash,
        sink,
        indexes: sink.indexes,
        g: sink.g,
        threshold: sink.spec.threshold
    };
    // Generated from the fixed blocks above only (see the comment on compileRow).
    return new Function('env', body)(env);
}
/**
 * Attribute a: the one value that the field's first two bytes can start (GroupIndex.byPrefix) is
 * compared in place; failing that, the field is found, hashed and looked up. A field that runs to
 * the end of the chunk declines, so that a cut value never becomes a group.
 */
function attributeBlock(a) {
    return `{
    const start = i
    let id = i + 1 < len ? prefix${a}[buf[i] | (buf[i + 1] << 8)] : -1
    if (id >= 0) {
      const key = keys${a}[id]
      const k = key.length
      let j = 0
      if (i + k < len) while (j < k && key[j] === buf[i + j]) j++
      if (j === k) i += k
      else id = -1
    }
    if (id < 0) {
      while (i < len && SPECIAL[buf[i]] === 0) i++
      if (i >= len || buf[i] === ${QUOTE}) return -1
      id = index${a}.idOfHashed(buf, start, i, sampleHash(buf, start, i), line)
    }
    g[${a}] = id
  }`;
}
/**
 * A plain decimal (digits with at most one point, at most 15 digits): exactly Number()'s value, see
 * decimal.ts (an exact integer and one correctly rounded division). A score must be at most 1 and
 * also gives its value in millionths when it has at most 6 decimals; anything else declines.
 */
function decimalBlock(score) {
    return `{
    let m = 0
    let digits = 0
    let k = -1
    while (i < len) {
      c = buf[i]
      const d = c - 48
      if (d >= 0 && d <= 9) {
        m = m * 10 + d
        digits++
      } else if (c === 46 && k < 0) k = digits
      else break
      i++
    }
    k = k < 0 ? 0 : digits - k
    if (digits === 0 || digits > 15) return -1
    const v = k === 0 ? m : m / POW10[k]
    ${score
        ? `if (v > 1) return -1
    s = v
    micros = k <= 6 ? m * POW10[6 - k] : -1`
        : 'w = v'}
  }`;
}

/**
 * Reads a predictions artifact (one row per example) into a cell table and a score histogram. The
 * CSV path works on bytes with fast paths for the common spellings (0/1 labels, plain decimals) and
 * falls back to the text parsers, so every value is validated the same way whichever path it takes.
 */
/** Resolves the column mapping against the file's columns; explicit mappings must exist. */
function layoutOf(spec, attributes, columns, line) {
    const has = new Set(columns);
    const col = (name, required, fallback) => {
        const mapped = spec.columns[name];
        const column = mapped ?? fallback ?? name;
        if (has.has(column))
            return column;
        if (required || mapped !== undefined) {
            const how = mapped !== undefined ? ` (columns.${name} in the manifest)` : '';
            throw new InputError(`column '${column}'${how} is not in the file; found: ${columns.join(', ')}`, {
                file: spec.display,
                line,
                path: name
            });
        }
        return undefined;
    };
    const layout = {
        label: col('label', true),
        score: col('score', false),
        prediction: col('prediction', false),
        weight: spec.columns.weight !== undefined ? col('weight', true) : undefined,
        attributes: attributes.map(a => col(a, true))
    };
    if (layout.score === undefined && layout.prediction === undefined) {
        throw new InputError(`neither a score nor a prediction column is in the file (looked for '${spec.columns.score ?? 'score'}' and '${spec.columns.prediction ?? 'prediction'}'); found: ${columns.join(', ')}`, { file: spec.display, line });
    }
    return layout;
}
/** Decoded rows -> cell table and score histogram; shared by the CSV and JSONL paths. */
class PredictionSink {
    spec;
    options;
    indexes;
    labels;
    predictions;
    g;
    layout;
    acc;
    hist = null;
    rows = 0;
    constructor(spec, options) {
        this.spec = spec;
        this.options = options;
        this.indexes = options.attributes.map(a => new GroupIndex(a, spec.display));
        this.labels = new BinaryDecoder(spec.positiveLabel, 'label');
        this.predictions = new BinaryDecoder(spec.positiveLabel, 'prediction');
        this.g = new Int32Array(options.attributes.length);
    }
    start(columns, line) {
        this.layout = layoutOf(this.spec, this.options.attributes, columns, line);
        const hasScore = this.layout.score !== undefined;
        const weighted = this.layout.weight !== undefined;
        this.acc = new CellAccumulator(this.options.attributes, hasScore ? this.options.bins : 1, hasScore, weighted);
        this.hist = hasScore ? new ScoreHistogram(weighted) : null;
    }
    /** Adds one decoded row; the group ids are in this.g. micros is the score in millionths, or -1. */
    add(y, p, s, micros, w) {
        this.rows++;
        const acc = this.acc;
        const combo = acc.combo(this.g);
        const hist = this.hist;
        if (hist !== null) {
            acc.add(combo, y, p, binOf(s, this.options.bins, this.options.edges), w, s);
            if (micros < 0 || !hist.addMicros(micros, y, w))
                hist.add(s, y, w);
        }
        else {
            acc.add(combo, y, p, 0, w, 0);
        }
    }
    /** What a worker reading one part of the file sends back. */
    part() {
        return {
            table: this.acc.finish(this.indexes.map(i => i.labels)),
            scores: this.hist?.part() ?? null,
            rows: this.rows
        };
    }
    finish(sha256) {
        if (this.rows === 0)
            throw new InputError('the file has no data rows', { file: this.spec.display });
        return {
            table: this.acc.finish(this.indexes.map(i => i.labels)),
            scores: this.hist === null ? null : this.hist.finish(),
            edges: this.options.edges,
            rows: this.rows,
            sha256
        };
    }
}
/** A JSON Lines row: the same decoding through the text parsers. */
function addJsonRow(sink, row) {
    const l = sink.layout;
    const file = sink.spec.display;
    const read = (column) => {
        if (!row.has(column))
            throw new InputError(`field '${column}' is missing`, { file, line: row.line, path: column });
        return row.get(column);
    };
    const text = (column, what) => {
        const v = read(column);
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
            return String(v);
        throw new InputError(`${what} ${quote(v)} has the wrong type; expected a number or a string`, {
            file,
            line: row.line,
            path: column
        });
    };
    const where = (path) => ({ file, line: row.line, path });
    const y = sink.labels.decode(text(l.label, 'label'), where(l.label));
    const s = l.score !== undefined ? parseScore(text(l.score, 'score'), where(l.score)) : 0;
    const w = l.weight !== undefined ? parseWeight(text(l.weight, 'weight'), where(l.weight)) : 1;
    const p = l.prediction !== undefined
        ? sink.predictions.decode(text(l.prediction, 'prediction'), where(l.prediction))
        : s >= sink.spec.threshold
            ? 1
            : 0;
    l.attributes.forEach((column, a) => {
        const v = read(column);
        sink.g[a] = sink.indexes[a].idOfText(v === null || v === '' ? MISSING : String(v), row.line);
    });
    sink.add(y, p, s, -1, w);
}
async function readPredictions(spec, options) {
    const sink = new PredictionSink(spec, options);
    if (formatOf(spec.path) !== 'csv') {
        const result = await streamRows(spec.absPath, spec.display, (columns, line) => sink.start(columns, line), row => addJsonRow(sink, row));
        return sink.finish(result.sha256);
    }
    const rows = new CsvPredictionRows(sink);
    const parser = new CsvParser(spec.display, row => rows.checkedRow(row), rows);
    const sha256 = await streamFile(spec.absPath, spec.display, chunk => parser.feed(chunk));
    parser.end();
    if (!rows.started)
        throw new InputError('the file is empty; expected a header and data rows', { file: spec.display });
    return sink.finish(sha256);
}

/**
 * Reads a robustness artifact, one row per (example, perturbation): the label, the prediction on the
 * clean input and the prediction on the perturbed input. Per perturbation it keeps eight counts,
 * one per (label, clean prediction, perturbed prediction), which give every robustness metric.
 */
const FIELDS = ['perturbation', 'label', 'clean_prediction', 'prediction'];
async function readRobustness(spec) {
    const column = (name) => columnOf(spec, name);
    const labels = new BinaryDecoder(spec.positiveLabel, 'label');
    const clean = new BinaryDecoder(spec.positiveLabel, 'clean_prediction');
    const perturbed = new BinaryDecoder(spec.positiveLabel, 'prediction');
    const index = new Map();
    const table = { perturbations: [], n: [] };
    const result = await streamRows(spec.absPath, spec.display, (columns, line) => requireColumns(spec, FIELDS, columns, line), row => {
        const where = (f) => ({ file: spec.display, line: row.line, path: column(f) });
        const text = (f) => {
            const v = row.get(column(f));
            if (v === undefined || v === null || typeof v === 'object') {
                throw new InputError(`field '${column(f)}' is missing`, where(f));
            }
            return String(v);
        };
        const name = text('perturbation');
        if (name === '')
            throw new InputError(`perturbation is empty; expected its name`, where('perturbation'));
        let p = index.get(name);
        if (p === undefined) {
            p = table.perturbations.length;
            index.set(name, p);
            table.perturbations.push(name);
            for (let k = 0; k < 8; k++)
                table.n.push(0);
        }
        const y = labels.decode(text('label'), where('label'));
        const c = clean.decode(text('clean_prediction'), where('clean_prediction'));
        const q = perturbed.decode(text('prediction'), where('prediction'));
        table.n[p * 8 + (y * 2 + c) * 2 + q] += 1;
    });
    return { table, rows: result.rows, sha256: result.sha256 };
}

/**
 * Merges tables built from consecutive parts of one file into the table a single pass would build:
 * group labels and combinations keep their order of first appearance, counts add exactly (sums of
 * scores add in a different order, so they may differ from one pass in the last bits).
 */
const NQ$1 = QUANTITIES.length;
function mergeCellTables(parts) {
    const first = parts[0];
    const groupIds = first.attributes.map(() => new Map());
    const groups = first.attributes.map(() => []);
    const comboIds = new Map();
    const combos = [];
    const remaps = parts.map(t => {
        const local = t.groups.map((labels, a) => labels.map(label => {
            let id = groupIds[a].get(label);
            if (id === undefined) {
                id = groups[a].length;
                groupIds[a].set(label, id);
                groups[a].push(label);
            }
            return id;
        }));
        return t.combos.map(combo => {
            const global = combo.map((g, a) => local[a][g]);
            const key = global.join(',');
            let id = comboIds.get(key);
            if (id === undefined) {
                id = combos.length;
                comboIds.set(key, id);
                combos.push(global);
            }
            return id;
        });
    });
    const perCombo = 4 * first.bins;
    const n = new Float64Array(combos.length * perCombo);
    const sum = new Float64Array(n.length * NQ$1);
    const sum2 = new Float64Array(n.length * NQ$1);
    parts.forEach((t, k) => {
        for (let cell = 0; cell < t.n.length; cell++) {
            if (t.n[cell] === 0)
                continue;
            const within = cell % perCombo;
            const target = remaps[k][(cell - within) / perCombo] * perCombo + within;
            n[target] += t.n[cell];
            for (let q = 0; q < NQ$1; q++) {
                sum[target * NQ$1 + q] += t.sum[cell * NQ$1 + q];
                sum2[target * NQ$1 + q] += t.sum2[cell * NQ$1 + q];
            }
        }
    });
    return { ...first, groups, combos, n, sum, sum2 };
}

/**
 * Reads a large uncompressed predictions CSV in two parts on two threads. The file is cut at the first
 * line end after FIRST_PART of its bytes; each part is parsed by a worker into its own tables, which are merged.
 * A cut can only be wrong when a quoted field holds a line end across it: the first part then ends
 * inside a row (its parser holds bytes back), and the reader says so, so the caller parses the whole
 * file on one thread instead. Line numbers in errors from the second part are shifted by the first
 * part's line count, and the first error in file order is the one reported.
 *
 * The parts are parsed on the run's helper threads (core/threads.ts), started from dist/worker.js, so
 * nothing outside dist/ is needed at run time.
 */
/** Files of this size or more are read on two threads, by default. */
const PARALLEL_MIN_BYTES = 32 * 1024 * 1024;
/**
 * Where the file is cut. The first part's worker also hashes the whole file (SHA-256 is sequential,
 * so one thread must see every byte in order, and reading it once more on a third thread only took
 * time from the two parsing). Hashing costs about a sixth of parsing per byte, so the first part is
 * made smaller to finish with the second.
 */
const FIRST_PART = 0.42;
/** Null when the file should be read on one thread (small, compressed, or a cut inside a row). */
async function readPredictionsParallel(spec, options, helpers) {
    if (formatOf(spec.path) !== 'csv' || spec.path.toLowerCase().endsWith('.gz'))
        return null;
    // A non-numeric positive label learns its negative from the data: keep that to one reader.
    if (typeof spec.positiveLabel !== 'number' && !/^[01]$/.test(String(spec.positiveLabel)))
        return null;
    let size;
    try {
        size = statSync(spec.absPath).size;
    }
    catch {
        return null;
    }
    if (size < helpers.minBytes)
        return null;
    const head = readHeader(spec);
    if (head === null)
        return null;
    const cut = nextLineStart(spec.absPath, Math.floor(size * FIRST_PART));
    if (cut === null || cut <= head.bytes || cut >= size)
        return null;
    // Validate the header here so that a missing column is reported once, from line 1.
    new CsvPredictionRows(new PredictionSink(spec, options)).useHeader(head.columns, 1);
    const ranges = [
        { start: 0, end: cut },
        { start: cut, end: size }
    ];
    const results = await Promise.all(ranges.map((r, k) => helpers.threads[k].run({
        kind: 'part',
        job: {
            spec,
            options,
            header: head.columns,
            start: r.start,
            end: r.end,
            last: k === ranges.length - 1,
            hashBytes: k === 0 ? size : null
        }
    })));
    let linesBefore = 0;
    for (const r of results) {
        if (r.ok) {
            if (!r.aligned)
                return null;
            linesBefore += r.lines;
            continue;
        }
        if (r.internal)
            throw new Error(r.error.detail);
        const line = r.error.line === undefined ? undefined : r.error.line + linesBefore;
        throw new InputError(r.error.detail, { ...r.error, line });
    }
    const done = results;
    const [a, b] = done.map(r => r.data);
    const rows = a.rows + b.rows;
    if (rows === 0)
        throw new InputError('the file has no data rows', { file: spec.display });
    return {
        table: mergeCellTables([a.table, b.table]),
        scores: a.scores && b.scores && mergeParts([a.scores, b.scores]),
        edges: options.edges,
        rows,
        sha256: done[0].sha256
    };
}
/** The header row and its length in bytes, from the first 1 MiB; null when it does not end there. */
function readHeader(spec) {
    const fd = openSync(spec.absPath, 'r');
    try {
        const buf = Buffer.alloc(1 << 20);
        const got = readSync(fd, buf, 0, buf.length, 0);
        let columns = null;
        const parser = new CsvParser(spec.display, row => {
            if (columns === null)
                columns = Array.from({ length: row.count }, (_, i) => fieldText(row, i));
        });
        const nl = buf.subarray(0, got).indexOf(10);
        if (nl < 0)
            return null;
        parser.feed(buf.subarray(0, nl + 1));
        return columns === null ? null : { columns, bytes: nl + 1 };
    }
    finally {
        closeSync(fd);
    }
}
function nextLineStart(path, from) {
    const fd = openSync(path, 'r');
    try {
        const buf = Buffer.alloc(1 << 16);
        for (let pos = from;; pos += buf.length) {
            const got = readSync(fd, buf, 0, buf.length, pos);
            if (got === 0)
                return null;
            const nl = buf.subarray(0, got).indexOf(10);
            if (nl >= 0)
                return pos + nl + 1;
        }
    }
    finally {
        closeSync(fd);
    }
}

var $schema$2 = "http://json-schema.org/draft-07/schema#";
var $id$3 = "https://rai-gate.dev/schemas/manifest.schema.json";
var title$2 = "rai-gate evaluation manifest (rai-gate.yml)";
var type$4 = "object";
var additionalProperties$3 = false;
var required$3 = [
	"apiVersion",
	"kind",
	"model",
	"riskTier",
	"task",
	"artifacts"
];
var properties$4 = {
	apiVersion: {
		"const": "rai-gate/v1"
	},
	kind: {
		"const": "Evaluation"
	},
	model: {
		type: "object",
		additionalProperties: false,
		required: [
			"name",
			"version"
		],
		properties: {
			name: {
				type: "string",
				minLength: 1,
				pattern: "^[A-Za-z0-9][A-Za-z0-9._/-]*$"
			},
			version: {
				type: [
					"string",
					"number"
				]
			}
		}
	},
	riskTier: {
		type: "string",
		minLength: 1
	},
	task: {
		"const": "binary-classification"
	},
	sensitiveAttributes: {
		type: "array",
		items: {
			type: "string",
			minLength: 1,
			pattern: "^[^*]+$"
		},
		uniqueItems: true
	},
	intersections: {
		type: "array",
		items: {
			type: "array",
			items: {
				type: "string",
				minLength: 1
			},
			minItems: 2,
			uniqueItems: true
		}
	},
	artifacts: {
		type: "array",
		minItems: 1,
		items: {
			type: "object",
			additionalProperties: false,
			required: [
				"kind",
				"path"
			],
			properties: {
				kind: {
					"enum": [
						"predictions",
						"robustness",
						"outcomes",
						"metrics",
						"stats"
					]
				},
				path: {
					type: "string",
					minLength: 1
				},
				columns: {
					type: "object",
					additionalProperties: {
						type: "string",
						minLength: 1
					}
				},
				positiveLabel: {
					type: [
						"string",
						"number",
						"boolean"
					]
				},
				threshold: {
					type: "number",
					minimum: 0,
					maximum: 1
				}
			}
		}
	},
	documents: {
		type: "object",
		additionalProperties: {
			type: "string",
			minLength: 1
		}
	}
};
var schema$2 = {
	$schema: $schema$2,
	$id: $id$3,
	title: title$2,
	type: type$4,
	additionalProperties: additionalProperties$3,
	required: required$3,
	properties: properties$4
};

/** Small file helpers shared by the manifest and policy loaders. */
function readText(path, display, what) {
    try {
        return readFileSync(path, 'utf8');
    }
    catch (err) {
        const code = err.code;
        const why = code === 'ENOENT'
            ? `${what} not found`
            : code === 'EISDIR'
                ? `is a directory, expected a ${what} file`
                : `cannot read the ${what} (${code})`;
        throw new InputError(why, { file: display });
    }
}
/** The path to show a user: relative to the working directory when inside it. */
function displayPath(path, cwd) {
    const rel = relative(cwd, path);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
/** True when `path` (symlinks resolved, where it exists) lies inside `root`. */
function isInside(root, path) {
    const real = (p) => {
        try {
            return realpathSync(p);
        }
        catch {
            return resolve$1(p);
        }
    };
    const rel = relative(real(root), real(path));
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

var ajv$1 = {exports: {}};

var core$2 = {};

var validate$1 = {};

var boolSchema = {};

var errors = {};

var codegen = {};

var code$2 = {};

var hasRequiredCode$1;

function requireCode$1 () {
	if (hasRequiredCode$1) return code$2;
	hasRequiredCode$1 = 1;
	(function (exports) {
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.regexpCode = exports.getEsmExportName = exports.getProperty = exports.safeStringify = exports.stringify = exports.strConcat = exports.addCodeArg = exports.str = exports._ = exports.nil = exports._Code = exports.Name = exports.IDENTIFIER = exports._CodeOrName = void 0;
		// eslint-disable-next-line @typescript-eslint/no-extraneous-class
		class _CodeOrName {
		}
		exports._CodeOrName = _CodeOrName;
		exports.IDENTIFIER = /^[a-z$_][a-z$_0-9]*$/i;
		class Name extends _CodeOrName {
		    constructor(s) {
		        super();
		        if (!exports.IDENTIFIER.test(s))
		            throw new Error("CodeGen: name must be a valid identifier");
		        this.str = s;
		    }
		    toString() {
		        return this.str;
		    }
		    emptyStr() {
		        return false;
		    }
		    get names() {
		        return { [this.str]: 1 };
		    }
		}
		exports.Name = Name;
		class _Code extends _CodeOrName {
		    constructor(code) {
		        super();
		        this._items = typeof code === "string" ? [code] : code;
		    }
		    toString() {
		        return this.str;
		    }
		    emptyStr() {
		        if (this._items.length > 1)
		            return false;
		        const item = this._items[0];
		        return item === "" || item === '""';
		    }
		    get str() {
		        var _a;
		        return ((_a = this._str) !== null && _a !== void 0 ? _a : (this._str = this._items.reduce((s, c) => `${s}${c}`, "")));
		    }
		    get names() {
		        var _a;
		        return ((_a = this._names) !== null && _a !== void 0 ? _a : (this._names = this._items.reduce((names, c) => {
		            if (c instanceof Name)
		                names[c.str] = (names[c.str] || 0) + 1;
		            return names;
		        }, {})));
		    }
		}
		exports._Code = _Code;
		exports.nil = new _Code("");
		function _(strs, ...args) {
		    const code = [strs[0]];
		    let i = 0;
		    while (i < args.length) {
		        addCodeArg(code, args[i]);
		        code.push(strs[++i]);
		    }
		    return new _Code(code);
		}
		exports._ = _;
		const plus = new _Code("+");
		function str(strs, ...args) {
		    const expr = [safeStringify(strs[0])];
		    let i = 0;
		    while (i < args.length) {
		        expr.push(plus);
		        addCodeArg(expr, args[i]);
		        expr.push(plus, safeStringify(strs[++i]));
		    }
		    optimize(expr);
		    return new _Code(expr);
		}
		exports.str = str;
		function addCodeArg(code, arg) {
		    if (arg instanceof _Code)
		        code.push(...arg._items);
		    else if (arg instanceof Name)
		        code.push(arg);
		    else
		        code.push(interpolate(arg));
		}
		exports.addCodeArg = addCodeArg;
		function optimize(expr) {
		    let i = 1;
		    while (i < expr.length - 1) {
		        if (expr[i] === plus) {
		            const res = mergeExprItems(expr[i - 1], expr[i + 1]);
		            if (res !== undefined) {
		                expr.splice(i - 1, 3, res);
		                continue;
		            }
		            expr[i++] = "+";
		        }
		        i++;
		    }
		}
		function mergeExprItems(a, b) {
		    if (b === '""')
		        return a;
		    if (a === '""')
		        return b;
		    if (typeof a == "string") {
		        if (b instanceof Name || a[a.length - 1] !== '"')
		            return;
		        if (typeof b != "string")
		            return `${a.slice(0, -1)}${b}"`;
		        if (b[0] === '"')
		            return a.slice(0, -1) + b.slice(1);
		        return;
		    }
		    if (typeof b == "string" && b[0] === '"' && !(a instanceof Name))
		        return `"${a}${b.slice(1)}`;
		    return;
		}
		function strConcat(c1, c2) {
		    return c2.emptyStr() ? c1 : c1.emptyStr() ? c2 : str `${c1}${c2}`;
		}
		exports.strConcat = strConcat;
		// TODO do not allow arrays here
		function interpolate(x) {
		    return typeof x == "number" || typeof x == "boolean" || x === null
		        ? x
		        : safeStringify(Array.isArray(x) ? x.join(",") : x);
		}
		function stringify(x) {
		    return new _Code(safeStringify(x));
		}
		exports.stringify = stringify;
		function safeStringify(x) {
		    return JSON.stringify(x)
		        .replace(/\u2028/g, "\\u2028")
		        .replace(/\u2029/g, "\\u2029");
		}
		exports.safeStringify = safeStringify;
		function getProperty(key) {
		    return typeof key == "string" && exports.IDENTIFIER.test(key) ? new _Code(`.${key}`) : _ `[${key}]`;
		}
		exports.getProperty = getProperty;
		//Does best effort to format the name properly
		function getEsmExportName(key) {
		    if (typeof key == "string" && exports.IDENTIFIER.test(key)) {
		        return new _Code(`${key}`);
		    }
		    throw new Error(`CodeGen: invalid export name: ${key}, use explicit $id name mapping`);
		}
		exports.getEsmExportName = getEsmExportName;
		function regexpCode(rx) {
		    return new _Code(rx.toString());
		}
		exports.regexpCode = regexpCode;
		
	} (code$2));
	return code$2;
}

var scope$1 = {};

var hasRequiredScope;

function requireScope () {
	if (hasRequiredScope) return scope$1;
	hasRequiredScope = 1;
	(function (exports) {
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.ValueScope = exports.ValueScopeName = exports.Scope = exports.varKinds = exports.UsedValueState = void 0;
		const code_1 = /*@__PURE__*/ requireCode$1();
		class ValueError extends Error {
		    constructor(name) {
		        super(`CodeGen: "code" for ${name} not defined`);
		        this.value = name.value;
		    }
		}
		var UsedValueState;
		(function (UsedValueState) {
		    UsedValueState[UsedValueState["Started"] = 0] = "Started";
		    UsedValueState[UsedValueState["Completed"] = 1] = "Completed";
		})(UsedValueState || (exports.UsedValueState = UsedValueState = {}));
		exports.varKinds = {
		    const: new code_1.Name("const"),
		    let: new code_1.Name("let"),
		    var: new code_1.Name("var"),
		};
		class Scope {
		    constructor({ prefixes, parent } = {}) {
		        this._names = {};
		        this._prefixes = prefixes;
		        this._parent = parent;
		    }
		    toName(nameOrPrefix) {
		        return nameOrPrefix instanceof code_1.Name ? nameOrPrefix : this.name(nameOrPrefix);
		    }
		    name(prefix) {
		        return new code_1.Name(this._newName(prefix));
		    }
		    _newName(prefix) {
		        const ng = this._names[prefix] || this._nameGroup(prefix);
		        return `${prefix}${ng.index++}`;
		    }
		    _nameGroup(prefix) {
		        var _a, _b;
		        if (((_b = (_a = this._parent) === null || _a === void 0 ? void 0 : _a._prefixes) === null || _b === void 0 ? void 0 : _b.has(prefix)) || (this._prefixes && !this._prefixes.has(prefix))) {
		            throw new Error(`CodeGen: prefix "${prefix}" is not allowed in this scope`);
		        }
		        return (this._names[prefix] = { prefix, index: 0 });
		    }
		}
		exports.Scope = Scope;
		class ValueScopeName extends code_1.Name {
		    constructor(prefix, nameStr) {
		        super(nameStr);
		        this.prefix = prefix;
		    }
		    setValue(value, { property, itemIndex }) {
		        this.value = value;
		        this.scopePath = (0, code_1._) `.${new code_1.Name(property)}[${itemIndex}]`;
		    }
		}
		exports.ValueScopeName = ValueScopeName;
		const line = (0, code_1._) `\n`;
		class ValueScope extends Scope {
		    constructor(opts) {
		        super(opts);
		        this._values = {};
		        this._scope = opts.scope;
		        this.opts = { ...opts, _n: opts.lines ? line : code_1.nil };
		    }
		    get() {
		        return this._scope;
		    }
		    name(prefix) {
		        return new ValueScopeName(prefix, this._newName(prefix));
		    }
		    value(nameOrPrefix, value) {
		        var _a;
		        if (value.ref === undefined)
		            throw new Error("CodeGen: ref must be passed in value");
		        const name = this.toName(nameOrPrefix);
		        const { prefix } = name;
		        const valueKey = (_a = value.key) !== null && _a !== void 0 ? _a : value.ref;
		        let vs = this._values[prefix];
		        if (vs) {
		            const _name = vs.get(valueKey);
		            if (_name)
		                return _name;
		        }
		        else {
		            vs = this._values[prefix] = new Map();
		        }
		        vs.set(valueKey, name);
		        const s = this._scope[prefix] || (this._scope[prefix] = []);
		        const itemIndex = s.length;
		        s[itemIndex] = value.ref;
		        name.setValue(value, { property: prefix, itemIndex });
		        return name;
		    }
		    getValue(prefix, keyOrRef) {
		        const vs = this._values[prefix];
		        if (!vs)
		            return;
		        return vs.get(keyOrRef);
		    }
		    scopeRefs(scopeName, values = this._values) {
		        return this._reduceValues(values, (name) => {
		            if (name.scopePath === undefined)
		                throw new Error(`CodeGen: name "${name}" has no value`);
		            return (0, code_1._) `${scopeName}${name.scopePath}`;
		        });
		    }
		    scopeCode(values = this._values, usedValues, getCode) {
		        return this._reduceValues(values, (name) => {
		            if (name.value === undefined)
		                throw new Error(`CodeGen: name "${name}" has no value`);
		            return name.value.code;
		        }, usedValues, getCode);
		    }
		    _reduceValues(values, valueCode, usedValues = {}, getCode) {
		        let code = code_1.nil;
		        for (const prefix in values) {
		            const vs = values[prefix];
		            if (!vs)
		                continue;
		            const nameSet = (usedValues[prefix] = usedValues[prefix] || new Map());
		            vs.forEach((name) => {
		                if (nameSet.has(name))
		                    return;
		                nameSet.set(name, UsedValueState.Started);
		                let c = valueCode(name);
		                if (c) {
		                    const def = this.opts.es5 ? exports.varKinds.var : exports.varKinds.const;
		                    code = (0, code_1._) `${code}${def} ${name} = ${c};${this.opts._n}`;
		                }
		                else if ((c = getCode === null || getCode === void 0 ? void 0 : getCode(name))) {
		                    code = (0, code_1._) `${code}${c}${this.opts._n}`;
		                }
		                else {
		                    throw new ValueError(name);
		                }
		                nameSet.set(name, UsedValueState.Completed);
		            });
		        }
		        return code;
		    }
		}
		exports.ValueScope = ValueScope;
		
	} (scope$1));
	return scope$1;
}

var hasRequiredCodegen;

function requireCodegen () {
	if (hasRequiredCodegen) return codegen;
	hasRequiredCodegen = 1;
	(function (exports) {
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.or = exports.and = exports.not = exports.CodeGen = exports.operators = exports.varKinds = exports.ValueScopeName = exports.ValueScope = exports.Scope = exports.Name = exports.regexpCode = exports.stringify = exports.getProperty = exports.nil = exports.strConcat = exports.str = exports._ = void 0;
		const code_1 = /*@__PURE__*/ requireCode$1();
		const scope_1 = /*@__PURE__*/ requireScope();
		var code_2 = /*@__PURE__*/ requireCode$1();
		Object.defineProperty(exports, "_", { enumerable: true, get: function () { return code_2._; } });
		Object.defineProperty(exports, "str", { enumerable: true, get: function () { return code_2.str; } });
		Object.defineProperty(exports, "strConcat", { enumerable: true, get: function () { return code_2.strConcat; } });
		Object.defineProperty(exports, "nil", { enumerable: true, get: function () { return code_2.nil; } });
		Object.defineProperty(exports, "getProperty", { enumerable: true, get: function () { return code_2.getProperty; } });
		Object.defineProperty(exports, "stringify", { enumerable: true, get: function () { return code_2.stringify; } });
		Object.defineProperty(exports, "regexpCode", { enumerable: true, get: function () { return code_2.regexpCode; } });
		Object.defineProperty(exports, "Name", { enumerable: true, get: function () { return code_2.Name; } });
		var scope_2 = /*@__PURE__*/ requireScope();
		Object.defineProperty(exports, "Scope", { enumerable: true, get: function () { return scope_2.Scope; } });
		Object.defineProperty(exports, "ValueScope", { enumerable: true, get: function () { return scope_2.ValueScope; } });
		Object.defineProperty(exports, "ValueScopeName", { enumerable: true, get: function () { return scope_2.ValueScopeName; } });
		Object.defineProperty(exports, "varKinds", { enumerable: true, get: function () { return scope_2.varKinds; } });
		exports.operators = {
		    GT: new code_1._Code(">"),
		    GTE: new code_1._Code(">="),
		    LT: new code_1._Code("<"),
		    LTE: new code_1._Code("<="),
		    EQ: new code_1._Code("==="),
		    NEQ: new code_1._Code("!=="),
		    NOT: new code_1._Code("!"),
		    OR: new code_1._Code("||"),
		    AND: new code_1._Code("&&"),
		    ADD: new code_1._Code("+"),
		};
		class Node {
		    optimizeNodes() {
		        return this;
		    }
		    optimizeNames(_names, _constants) {
		        return this;
		    }
		}
		class Def extends Node {
		    constructor(varKind, name, rhs) {
		        super();
		        this.varKind = varKind;
		        this.name = name;
		        this.rhs = rhs;
		    }
		    render({ es5, _n }) {
		        const varKind = es5 ? scope_1.varKinds.var : this.varKind;
		        const rhs = this.rhs === undefined ? "" : ` = ${this.rhs}`;
		        return `${varKind} ${this.name}${rhs};` + _n;
		    }
		    optimizeNames(names, constants) {
		        if (!names[this.name.str])
		            return;
		        if (this.rhs)
		            this.rhs = optimizeExpr(this.rhs, names, constants);
		        return this;
		    }
		    get names() {
		        return this.rhs instanceof code_1._CodeOrName ? this.rhs.names : {};
		    }
		}
		class Assign extends Node {
		    constructor(lhs, rhs, sideEffects) {
		        super();
		        this.lhs = lhs;
		        this.rhs = rhs;
		        this.sideEffects = sideEffects;
		    }
		    render({ _n }) {
		        return `${this.lhs} = ${this.rhs};` + _n;
		    }
		    optimizeNames(names, constants) {
		        if (this.lhs instanceof code_1.Name && !names[this.lhs.str] && !this.sideEffects)
		            return;
		        this.rhs = optimizeExpr(this.rhs, names, constants);
		        return this;
		    }
		    get names() {
		        const names = this.lhs instanceof code_1.Name ? {} : { ...this.lhs.names };
		        return addExprNames(names, this.rhs);
		    }
		}
		class AssignOp extends Assign {
		    constructor(lhs, op, rhs, sideEffects) {
		        super(lhs, rhs, sideEffects);
		        this.op = op;
		    }
		    render({ _n }) {
		        return `${this.lhs} ${this.op}= ${this.rhs};` + _n;
		    }
		}
		class Label extends Node {
		    constructor(label) {
		        super();
		        this.label = label;
		        this.names = {};
		    }
		    render({ _n }) {
		        return `${this.label}:` + _n;
		    }
		}
		class Break extends Node {
		    constructor(label) {
		        super();
		        this.label = label;
		        this.names = {};
		    }
		    render({ _n }) {
		        const label = this.label ? ` ${this.label}` : "";
		        return `break${label};` + _n;
		    }
		}
		class Throw extends Node {
		    constructor(error) {
		        super();
		        this.error = error;
		    }
		    render({ _n }) {
		        return `throw ${this.error};` + _n;
		    }
		    get names() {
		        return this.error.names;
		    }
		}
		class AnyCode extends Node {
		    constructor(code) {
		        super();
		        this.code = code;
		    }
		    render({ _n }) {
		        return `${this.code};` + _n;
		    }
		    optimizeNodes() {
		        return `${this.code}` ? this : undefined;
		    }
		    optimizeNames(names, constants) {
		        this.code = optimizeExpr(this.code, names, constants);
		        return this;
		    }
		    get names() {
		        return this.code instanceof code_1._CodeOrName ? this.code.names : {};
		    }
		}
		class ParentNode extends Node {
		    constructor(nodes = []) {
		        super();
		        this.nodes = nodes;
		    }
		    render(opts) {
		        return this.nodes.reduce((code, n) => code + n.render(opts), "");
		    }
		    optimizeNodes() {
		        const { nodes } = this;
		        let i = nodes.length;
		        while (i--) {
		            const n = nodes[i].optimizeNodes();
		            if (Array.isArray(n))
		                nodes.splice(i, 1, ...n);
		            else if (n)
		                nodes[i] = n;
		            else
		                nodes.splice(i, 1);
		        }
		        return nodes.length > 0 ? this : undefined;
		    }
		    optimizeNames(names, constants) {
		        const { nodes } = this;
		        let i = nodes.length;
		        while (i--) {
		            // iterating backwards improves 1-pass optimization
		            const n = nodes[i];
		            if (n.optimizeNames(names, constants))
		                continue;
		            subtractNames(names, n.names);
		            nodes.splice(i, 1);
		        }
		        return nodes.length > 0 ? this : undefined;
		    }
		    get names() {
		        return this.nodes.reduce((names, n) => addNames(names, n.names), {});
		    }
		}
		class BlockNode extends ParentNode {
		    render(opts) {
		        return "{" + opts._n + super.render(opts) + "}" + opts._n;
		    }
		}
		class Root extends ParentNode {
		}
		class Else extends BlockNode {
		}
		Else.kind = "else";
		class If extends BlockNode {
		    constructor(condition, nodes) {
		        super(nodes);
		        this.condition = condition;
		    }
		    render(opts) {
		        let code = `if(${this.condition})` + super.render(opts);
		        if (this.else)
		            code += "else " + this.else.render(opts);
		        return code;
		    }
		    optimizeNodes() {
		        super.optimizeNodes();
		        const cond = this.condition;
		        if (cond === true)
		            return this.nodes; // else is ignored here
		        let e = this.else;
		        if (e) {
		            const ns = e.optimizeNodes();
		            e = this.else = Array.isArray(ns) ? new Else(ns) : ns;
		        }
		        if (e) {
		            if (cond === false)
		                return e instanceof If ? e : e.nodes;
		            if (this.nodes.length)
		                return this;
		            return new If(not(cond), e instanceof If ? [e] : e.nodes);
		        }
		        if (cond === false || !this.nodes.length)
		            return undefined;
		        return this;
		    }
		    optimizeNames(names, constants) {
		        var _a;
		        this.else = (_a = this.else) === null || _a === void 0 ? void 0 : _a.optimizeNames(names, constants);
		        if (!(super.optimizeNames(names, constants) || this.else))
		            return;
		        this.condition = optimizeExpr(this.condition, names, constants);
		        return this;
		    }
		    get names() {
		        const names = super.names;
		        addExprNames(names, this.condition);
		        if (this.else)
		            addNames(names, this.else.names);
		        return names;
		    }
		}
		If.kind = "if";
		class For extends BlockNode {
		}
		For.kind = "for";
		class ForLoop extends For {
		    constructor(iteration) {
		        super();
		        this.iteration = iteration;
		    }
		    render(opts) {
		        return `for(${this.iteration})` + super.render(opts);
		    }
		    optimizeNames(names, constants) {
		        if (!super.optimizeNames(names, constants))
		            return;
		        this.iteration = optimizeExpr(this.iteration, names, constants);
		        return this;
		    }
		    get names() {
		        return addNames(super.names, this.iteration.names);
		    }
		}
		class ForRange extends For {
		    constructor(varKind, name, from, to) {
		        super();
		        this.varKind = varKind;
		        this.name = name;
		        this.from = from;
		        this.to = to;
		    }
		    render(opts) {
		        const varKind = opts.es5 ? scope_1.varKinds.var : this.varKind;
		        const { name, from, to } = this;
		        return `for(${varKind} ${name}=${from}; ${name}<${to}; ${name}++)` + super.render(opts);
		    }
		    get names() {
		        const names = addExprNames(super.names, this.from);
		        return addExprNames(names, this.to);
		    }
		}
		class ForIter extends For {
		    constructor(loop, varKind, name, iterable) {
		        super();
		        this.loop = loop;
		        this.varKind = varKind;
		        this.name = name;
		        this.iterable = iterable;
		    }
		    render(opts) {
		        return `for(${this.varKind} ${this.name} ${this.loop} ${this.iterable})` + super.render(opts);
		    }
		    optimizeNames(names, constants) {
		        if (!super.optimizeNames(names, constants))
		            return;
		        this.iterable = optimizeExpr(this.iterable, names, constants);
		        return this;
		    }
		    get names() {
		        return addNames(super.names, this.iterable.names);
		    }
		}
		class Func extends BlockNode {
		    constructor(name, args, async) {
		        super();
		        this.name = name;
		        this.args = args;
		        this.async = async;
		    }
		    render(opts) {
		        const _async = this.async ? "async " : "";
		        return `${_async}function ${this.name}(${this.args})` + super.render(opts);
		    }
		}
		Func.kind = "func";
		class Return extends ParentNode {
		    render(opts) {
		        return "return " + super.render(opts);
		    }
		}
		Return.kind = "return";
		class Try extends BlockNode {
		    render(opts) {
		        let code = "try" + super.render(opts);
		        if (this.catch)
		            code += this.catch.render(opts);
		        if (this.finally)
		            code += this.finally.render(opts);
		        return code;
		    }
		    optimizeNodes() {
		        var _a, _b;
		        super.optimizeNodes();
		        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNodes();
		        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNodes();
		        return this;
		    }
		    optimizeNames(names, constants) {
		        var _a, _b;
		        super.optimizeNames(names, constants);
		        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNames(names, constants);
		        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNames(names, constants);
		        return this;
		    }
		    get names() {
		        const names = super.names;
		        if (this.catch)
		            addNames(names, this.catch.names);
		        if (this.finally)
		            addNames(names, this.finally.names);
		        return names;
		    }
		}
		class Catch extends BlockNode {
		    constructor(error) {
		        super();
		        this.error = error;
		    }
		    render(opts) {
		        return `catch(${this.error})` + super.render(opts);
		    }
		}
		Catch.kind = "catch";
		class Finally extends BlockNode {
		    render(opts) {
		        return "finally" + super.render(opts);
		    }
		}
		Finally.kind = "finally";
		class CodeGen {
		    constructor(extScope, opts = {}) {
		        this._values = {};
		        this._blockStarts = [];
		        this._constants = {};
		        this.opts = { ...opts, _n: opts.lines ? "\n" : "" };
		        this._extScope = extScope;
		        this._scope = new scope_1.Scope({ parent: extScope });
		        this._nodes = [new Root()];
		    }
		    toString() {
		        return this._root.render(this.opts);
		    }
		    // returns unique name in the internal scope
		    name(prefix) {
		        return this._scope.name(prefix);
		    }
		    // reserves unique name in the external scope
		    scopeName(prefix) {
		        return this._extScope.name(prefix);
		    }
		    // reserves unique name in the external scope and assigns value to it
		    scopeValue(prefixOrName, value) {
		        const name = this._extScope.value(prefixOrName, value);
		        const vs = this._values[name.prefix] || (this._values[name.prefix] = new Set());
		        vs.add(name);
		        return name;
		    }
		    getScopeValue(prefix, keyOrRef) {
		        return this._extScope.getValue(prefix, keyOrRef);
		    }
		    // return code that assigns values in the external scope to the names that are used internally
		    // (same names that were returned by gen.scopeName or gen.scopeValue)
		    scopeRefs(scopeName) {
		        return this._extScope.scopeRefs(scopeName, this._values);
		    }
		    scopeCode() {
		        return this._extScope.scopeCode(this._values);
		    }
		    _def(varKind, nameOrPrefix, rhs, constant) {
		        const name = this._scope.toName(nameOrPrefix);
		        if (rhs !== undefined && constant)
		            this._constants[name.str] = rhs;
		        this._leafNode(new Def(varKind, name, rhs));
		        return name;
		    }
		    // `const` declaration (`var` in es5 mode)
		    const(nameOrPrefix, rhs, _constant) {
		        return this._def(scope_1.varKinds.const, nameOrPrefix, rhs, _constant);
		    }
		    // `let` declaration with optional assignment (`var` in es5 mode)
		    let(nameOrPrefix, rhs, _constant) {
		        return this._def(scope_1.varKinds.let, nameOrPrefix, rhs, _constant);
		    }
		    // `var` declaration with optional assignment
		    var(nameOrPrefix, rhs, _constant) {
		        return this._def(scope_1.varKinds.var, nameOrPrefix, rhs, _constant);
		    }
		    // assignment code
		    assign(lhs, rhs, sideEffects) {
		        return this._leafNode(new Assign(lhs, rhs, sideEffects));
		    }
		    // `+=` code
		    add(lhs, rhs) {
		        return this._leafNode(new AssignOp(lhs, exports.operators.ADD, rhs));
		    }
		    // appends passed SafeExpr to code or executes Block
		    code(c) {
		        if (typeof c == "function")
		            c();
		        else if (c !== code_1.nil)
		            this._leafNode(new AnyCode(c));
		        return this;
		    }
		    // returns code for object literal for the passed argument list of key-value pairs
		    object(...keyValues) {
		        const code = ["{"];
		        for (const [key, value] of keyValues) {
		            if (code.length > 1)
		                code.push(",");
		            code.push(key);
		            if (key !== value || this.opts.es5) {
		                code.push(":");
		                (0, code_1.addCodeArg)(code, value);
		            }
		        }
		        code.push("}");
		        return new code_1._Code(code);
		    }
		    // `if` clause (or statement if `thenBody` and, optionally, `elseBody` are passed)
		    if(condition, thenBody, elseBody) {
		        this._blockNode(new If(condition));
		        if (thenBody && elseBody) {
		            this.code(thenBody).else().code(elseBody).endIf();
		        }
		        else if (thenBody) {
		            this.code(thenBody).endIf();
		        }
		        else if (elseBody) {
		            throw new Error('CodeGen: "else" body without "then" body');
		        }
		        return this;
		    }
		    // `else if` clause - invalid without `if` or after `else` clauses
		    elseIf(condition) {
		        return this._elseNode(new If(condition));
		    }
		    // `else` clause - only valid after `if` or `else if` clauses
		    else() {
		        return this._elseNode(new Else());
		    }
		    // end `if` statement (needed if gen.if was used only with condition)
		    endIf() {
		        return this._endBlockNode(If, Else);
		    }
		    _for(node, forBody) {
		        this._blockNode(node);
		        if (forBody)
		            this.code(forBody).endFor();
		        return this;
		    }
		    // a generic `for` clause (or statement if `forBody` is passed)
		    for(iteration, forBody) {
		        return this._for(new ForLoop(iteration), forBody);
		    }
		    // `for` statement for a range of values
		    forRange(nameOrPrefix, from, to, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.let) {
		        const name = this._scope.toName(nameOrPrefix);
		        return this._for(new ForRange(varKind, name, from, to), () => forBody(name));
		    }
		    // `for-of` statement (in es5 mode replace with a normal for loop)
		    forOf(nameOrPrefix, iterable, forBody, varKind = scope_1.varKinds.const) {
		        const name = this._scope.toName(nameOrPrefix);
		        if (this.opts.es5) {
		            const arr = iterable instanceof code_1.Name ? iterable : this.var("_arr", iterable);
		            return this.forRange("_i", 0, (0, code_1._) `${arr}.length`, (i) => {
		                this.var(name, (0, code_1._) `${arr}[${i}]`);
		                forBody(name);
		            });
		        }
		        return this._for(new ForIter("of", varKind, name, iterable), () => forBody(name));
		    }
		    // `for-in` statement.
		    // With option `ownProperties` replaced with a `for-of` loop for object keys
		    forIn(nameOrPrefix, obj, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.const) {
		        if (this.opts.ownProperties) {
		            return this.forOf(nameOrPrefix, (0, code_1._) `Object.keys(${obj})`, forBody);
		        }
		        const name = this._scope.toName(nameOrPrefix);
		        return this._for(new ForIter("in", varKind, name, obj), () => forBody(name));
		    }
		    // end `for` loop
		    endFor() {
		        return this._endBlockNode(For);
		    }
		    // `label` statement
		    label(label) {
		        return this._leafNode(new Label(label));
		    }
		    // `break` statement
		    break(label) {
		        return this._leafNode(new Break(label));
		    }
		    // `return` statement
		    return(value) {
		        const node = new Return();
		        this._blockNode(node);
		        this.code(value);
		        if (node.nodes.length !== 1)
		            throw new Error('CodeGen: "return" should have one node');
		        return this._endBlockNode(Return);
		    }
		    // `try` statement
		    try(tryBody, catchCode, finallyCode) {
		        if (!catchCode && !finallyCode)
		            throw new Error('CodeGen: "try" without "catch" and "finally"');
		        const node = new Try();
		        this._blockNode(node);
		        this.code(tryBody);
		        if (catchCode) {
		            const error = this.name("e");
		            this._currNode = node.catch = new Catch(error);
		            catchCode(error);
		        }
		        if (finallyCode) {
		            this._currNode = node.finally = new Finally();
		            this.code(finallyCode);
		        }
		        return this._endBlockNode(Catch, Finally);
		    }
		    // `throw` statement
		    throw(error) {
		        return this._leafNode(new Throw(error));
		    }
		    // start self-balancing block
		    block(body, nodeCount) {
		        this._blockStarts.push(this._nodes.length);
		        if (body)
		            this.code(body).endBlock(nodeCount);
		        return this;
		    }
		    // end the current self-balancing block
		    endBlock(nodeCount) {
		        const len = this._blockStarts.pop();
		        if (len === undefined)
		            throw new Error("CodeGen: not in self-balancing block");
		        const toClose = this._nodes.length - len;
		        if (toClose < 0 || (nodeCount !== undefined && toClose !== nodeCount)) {
		            throw new Error(`CodeGen: wrong number of nodes: ${toClose} vs ${nodeCount} expected`);
		        }
		        this._nodes.length = len;
		        return this;
		    }
		    // `function` heading (or definition if funcBody is passed)
		    func(name, args = code_1.nil, async, funcBody) {
		        this._blockNode(new Func(name, args, async));
		        if (funcBody)
		            this.code(funcBody).endFunc();
		        return this;
		    }
		    // end function definition
		    endFunc() {
		        return this._endBlockNode(Func);
		    }
		    optimize(n = 1) {
		        while (n-- > 0) {
		            this._root.optimizeNodes();
		            this._root.optimizeNames(this._root.names, this._constants);
		        }
		    }
		    _leafNode(node) {
		        this._currNode.nodes.push(node);
		        return this;
		    }
		    _blockNode(node) {
		        this._currNode.nodes.push(node);
		        this._nodes.push(node);
		    }
		    _endBlockNode(N1, N2) {
		        const n = this._currNode;
		        if (n instanceof N1 || (N2 && n instanceof N2)) {
		            this._nodes.pop();
		            return this;
		        }
		        throw new Error(`CodeGen: not in block "${N2 ? `${N1.kind}/${N2.kind}` : N1.kind}"`);
		    }
		    _elseNode(node) {
		        const n = this._currNode;
		        if (!(n instanceof If)) {
		            throw new Error('CodeGen: "else" without "if"');
		        }
		        this._currNode = n.else = node;
		        return this;
		    }
		    get _root() {
		        return this._nodes[0];
		    }
		    get _currNode() {
		        const ns = this._nodes;
		        return ns[ns.length - 1];
		    }
		    set _currNode(node) {
		        const ns = this._nodes;
		        ns[ns.length - 1] = node;
		    }
		}
		exports.CodeGen = CodeGen;
		function addNames(names, from) {
		    for (const n in from)
		        names[n] = (names[n] || 0) + (from[n] || 0);
		    return names;
		}
		function addExprNames(names, from) {
		    return from instanceof code_1._CodeOrName ? addNames(names, from.names) : names;
		}
		function optimizeExpr(expr, names, constants) {
		    if (expr instanceof code_1.Name)
		        return replaceName(expr);
		    if (!canOptimize(expr))
		        return expr;
		    return new code_1._Code(expr._items.reduce((items, c) => {
		        if (c instanceof code_1.Name)
		            c = replaceName(c);
		        if (c instanceof code_1._Code)
		            items.push(...c._items);
		        else
		            items.push(c);
		        return items;
		    }, []));
		    function replaceName(n) {
		        const c = constants[n.str];
		        if (c === undefined || names[n.str] !== 1)
		            return n;
		        delete names[n.str];
		        return c;
		    }
		    function canOptimize(e) {
		        return (e instanceof code_1._Code &&
		            e._items.some((c) => c instanceof code_1.Name && names[c.str] === 1 && constants[c.str] !== undefined));
		    }
		}
		function subtractNames(names, from) {
		    for (const n in from)
		        names[n] = (names[n] || 0) - (from[n] || 0);
		}
		function not(x) {
		    return typeof x == "boolean" || typeof x == "number" || x === null ? !x : (0, code_1._) `!${par(x)}`;
		}
		exports.not = not;
		const andCode = mappend(exports.operators.AND);
		// boolean AND (&&) expression with the passed arguments
		function and(...args) {
		    return args.reduce(andCode);
		}
		exports.and = and;
		const orCode = mappend(exports.operators.OR);
		// boolean OR (||) expression with the passed arguments
		function or(...args) {
		    return args.reduce(orCode);
		}
		exports.or = or;
		function mappend(op) {
		    return (x, y) => (x === code_1.nil ? y : y === code_1.nil ? x : (0, code_1._) `${par(x)} ${op} ${par(y)}`);
		}
		function par(x) {
		    return x instanceof code_1.Name ? x : (0, code_1._) `(${x})`;
		}
		
	} (codegen));
	return codegen;
}

var util = {};

var hasRequiredUtil;

function requireUtil () {
	if (hasRequiredUtil) return util;
	hasRequiredUtil = 1;
	Object.defineProperty(util, "__esModule", { value: true });
	util.checkStrictMode = util.getErrorPath = util.Type = util.useFunc = util.setEvaluated = util.evaluatedPropsToName = util.mergeEvaluated = util.eachItem = util.unescapeJsonPointer = util.escapeJsonPointer = util.escapeFragment = util.unescapeFragment = util.schemaRefOrVal = util.schemaHasRulesButRef = util.schemaHasRules = util.checkUnknownRules = util.alwaysValidSchema = util.toHash = void 0;
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const code_1 = /*@__PURE__*/ requireCode$1();
	// TODO refactor to use Set
	function toHash(arr) {
	    const hash = {};
	    for (const item of arr)
	        hash[item] = true;
	    return hash;
	}
	util.toHash = toHash;
	function alwaysValidSchema(it, schema) {
	    if (typeof schema == "boolean")
	        return schema;
	    if (Object.keys(schema).length === 0)
	        return true;
	    checkUnknownRules(it, schema);
	    return !schemaHasRules(schema, it.self.RULES.all);
	}
	util.alwaysValidSchema = alwaysValidSchema;
	function checkUnknownRules(it, schema = it.schema) {
	    const { opts, self } = it;
	    if (!opts.strictSchema)
	        return;
	    if (typeof schema === "boolean")
	        return;
	    const rules = self.RULES.keywords;
	    for (const key in schema) {
	        if (!rules[key])
	            checkStrictMode(it, `unknown keyword: "${key}"`);
	    }
	}
	util.checkUnknownRules = checkUnknownRules;
	function schemaHasRules(schema, rules) {
	    if (typeof schema == "boolean")
	        return !schema;
	    for (const key in schema)
	        if (rules[key])
	            return true;
	    return false;
	}
	util.schemaHasRules = schemaHasRules;
	function schemaHasRulesButRef(schema, RULES) {
	    if (typeof schema == "boolean")
	        return !schema;
	    for (const key in schema)
	        if (key !== "$ref" && RULES.all[key])
	            return true;
	    return false;
	}
	util.schemaHasRulesButRef = schemaHasRulesButRef;
	function schemaRefOrVal({ topSchemaRef, schemaPath }, schema, keyword, $data) {
	    if (!$data) {
	        if (typeof schema == "number" || typeof schema == "boolean")
	            return schema;
	        if (typeof schema == "string")
	            return (0, codegen_1._) `${schema}`;
	    }
	    return (0, codegen_1._) `${topSchemaRef}${schemaPath}${(0, codegen_1.getProperty)(keyword)}`;
	}
	util.schemaRefOrVal = schemaRefOrVal;
	function unescapeFragment(str) {
	    return unescapeJsonPointer(decodeURIComponent(str));
	}
	util.unescapeFragment = unescapeFragment;
	function escapeFragment(str) {
	    return encodeURIComponent(escapeJsonPointer(str));
	}
	util.escapeFragment = escapeFragment;
	function escapeJsonPointer(str) {
	    if (typeof str == "number")
	        return `${str}`;
	    return str.replace(/~/g, "~0").replace(/\//g, "~1");
	}
	util.escapeJsonPointer = escapeJsonPointer;
	function unescapeJsonPointer(str) {
	    return str.replace(/~1/g, "/").replace(/~0/g, "~");
	}
	util.unescapeJsonPointer = unescapeJsonPointer;
	function eachItem(xs, f) {
	    if (Array.isArray(xs)) {
	        for (const x of xs)
	            f(x);
	    }
	    else {
	        f(xs);
	    }
	}
	util.eachItem = eachItem;
	function makeMergeEvaluated({ mergeNames, mergeToName, mergeValues, resultToName, }) {
	    return (gen, from, to, toName) => {
	        const res = to === undefined
	            ? from
	            : to instanceof codegen_1.Name
	                ? (from instanceof codegen_1.Name ? mergeNames(gen, from, to) : mergeToName(gen, from, to), to)
	                : from instanceof codegen_1.Name
	                    ? (mergeToName(gen, to, from), from)
	                    : mergeValues(from, to);
	        return toName === codegen_1.Name && !(res instanceof codegen_1.Name) ? resultToName(gen, res) : res;
	    };
	}
	util.mergeEvaluated = {
	    props: makeMergeEvaluated({
	        mergeNames: (gen, from, to) => gen.if((0, codegen_1._) `${to} !== true && ${from} !== undefined`, () => {
	            gen.if((0, codegen_1._) `${from} === true`, () => gen.assign(to, true), () => gen.assign(to, (0, codegen_1._) `${to} || {}`).code((0, codegen_1._) `Object.assign(${to}, ${from})`));
	        }),
	        mergeToName: (gen, from, to) => gen.if((0, codegen_1._) `${to} !== true`, () => {
	            if (from === true) {
	                gen.assign(to, true);
	            }
	            else {
	                gen.assign(to, (0, codegen_1._) `${to} || {}`);
	                setEvaluated(gen, to, from);
	            }
	        }),
	        mergeValues: (from, to) => (from === true ? true : { ...from, ...to }),
	        resultToName: evaluatedPropsToName,
	    }),
	    items: makeMergeEvaluated({
	        mergeNames: (gen, from, to) => gen.if((0, codegen_1._) `${to} !== true && ${from} !== undefined`, () => gen.assign(to, (0, codegen_1._) `${from} === true ? true : ${to} > ${from} ? ${to} : ${from}`)),
	        mergeToName: (gen, from, to) => gen.if((0, codegen_1._) `${to} !== true`, () => gen.assign(to, from === true ? true : (0, codegen_1._) `${to} > ${from} ? ${to} : ${from}`)),
	        mergeValues: (from, to) => (from === true ? true : Math.max(from, to)),
	        resultToName: (gen, items) => gen.var("items", items),
	    }),
	};
	function evaluatedPropsToName(gen, ps) {
	    if (ps === true)
	        return gen.var("props", true);
	    const props = gen.var("props", (0, codegen_1._) `{}`);
	    if (ps !== undefined)
	        setEvaluated(gen, props, ps);
	    return props;
	}
	util.evaluatedPropsToName = evaluatedPropsToName;
	function setEvaluated(gen, props, ps) {
	    Object.keys(ps).forEach((p) => gen.assign((0, codegen_1._) `${props}${(0, codegen_1.getProperty)(p)}`, true));
	}
	util.setEvaluated = setEvaluated;
	const snippets = {};
	function useFunc(gen, f) {
	    return gen.scopeValue("func", {
	        ref: f,
	        code: snippets[f.code] || (snippets[f.code] = new code_1._Code(f.code)),
	    });
	}
	util.useFunc = useFunc;
	var Type;
	(function (Type) {
	    Type[Type["Num"] = 0] = "Num";
	    Type[Type["Str"] = 1] = "Str";
	})(Type || (util.Type = Type = {}));
	function getErrorPath(dataProp, dataPropType, jsPropertySyntax) {
	    // let path
	    if (dataProp instanceof codegen_1.Name) {
	        const isNumber = dataPropType === Type.Num;
	        return jsPropertySyntax
	            ? isNumber
	                ? (0, codegen_1._) `"[" + ${dataProp} + "]"`
	                : (0, codegen_1._) `"['" + ${dataProp} + "']"`
	            : isNumber
	                ? (0, codegen_1._) `"/" + ${dataProp}`
	                : (0, codegen_1._) `"/" + ${dataProp}.replace(/~/g, "~0").replace(/\\//g, "~1")`; // TODO maybe use global escapePointer
	    }
	    return jsPropertySyntax ? (0, codegen_1.getProperty)(dataProp).toString() : "/" + escapeJsonPointer(dataProp);
	}
	util.getErrorPath = getErrorPath;
	function checkStrictMode(it, msg, mode = it.opts.strictSchema) {
	    if (!mode)
	        return;
	    msg = `strict mode: ${msg}`;
	    if (mode === true)
	        throw new Error(msg);
	    it.self.logger.warn(msg);
	}
	util.checkStrictMode = checkStrictMode;
	
	return util;
}

var names = {};

var hasRequiredNames;

function requireNames () {
	if (hasRequiredNames) return names;
	hasRequiredNames = 1;
	Object.defineProperty(names, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const names$1 = {
	    // validation function arguments
	    data: new codegen_1.Name("data"), // data passed to validation function
	    // args passed from referencing schema
	    valCxt: new codegen_1.Name("valCxt"), // validation/data context - should not be used directly, it is destructured to the names below
	    instancePath: new codegen_1.Name("instancePath"),
	    parentData: new codegen_1.Name("parentData"),
	    parentDataProperty: new codegen_1.Name("parentDataProperty"),
	    rootData: new codegen_1.Name("rootData"), // root data - same as the data passed to the first/top validation function
	    dynamicAnchors: new codegen_1.Name("dynamicAnchors"), // used to support recursiveRef and dynamicRef
	    // function scoped variables
	    vErrors: new codegen_1.Name("vErrors"), // null or array of validation errors
	    errors: new codegen_1.Name("errors"), // counter of validation errors
	    this: new codegen_1.Name("this"),
	    // "globals"
	    self: new codegen_1.Name("self"),
	    scope: new codegen_1.Name("scope"),
	    // JTD serialize/parse name for JSON string and position
	    json: new codegen_1.Name("json"),
	    jsonPos: new codegen_1.Name("jsonPos"),
	    jsonLen: new codegen_1.Name("jsonLen"),
	    jsonPart: new codegen_1.Name("jsonPart"),
	};
	names.default = names$1;
	
	return names;
}

var hasRequiredErrors;

function requireErrors () {
	if (hasRequiredErrors) return errors;
	hasRequiredErrors = 1;
	(function (exports) {
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.extendErrors = exports.resetErrorsCount = exports.reportExtraError = exports.reportError = exports.keyword$DataError = exports.keywordError = void 0;
		const codegen_1 = /*@__PURE__*/ requireCodegen();
		const util_1 = /*@__PURE__*/ requireUtil();
		const names_1 = /*@__PURE__*/ requireNames();
		exports.keywordError = {
		    message: ({ keyword }) => (0, codegen_1.str) `must pass "${keyword}" keyword validation`,
		};
		exports.keyword$DataError = {
		    message: ({ keyword, schemaType }) => schemaType
		        ? (0, codegen_1.str) `"${keyword}" keyword must be ${schemaType} ($data)`
		        : (0, codegen_1.str) `"${keyword}" keyword is invalid ($data)`,
		};
		function reportError(cxt, error = exports.keywordError, errorPaths, overrideAllErrors) {
		    const { it } = cxt;
		    const { gen, compositeRule, allErrors } = it;
		    const errObj = errorObjectCode(cxt, error, errorPaths);
		    if (overrideAllErrors !== null && overrideAllErrors !== void 0 ? overrideAllErrors : (compositeRule || allErrors)) {
		        addError(gen, errObj);
		    }
		    else {
		        returnErrors(it, (0, codegen_1._) `[${errObj}]`);
		    }
		}
		exports.reportError = reportError;
		function reportExtraError(cxt, error = exports.keywordError, errorPaths) {
		    const { it } = cxt;
		    const { gen, compositeRule, allErrors } = it;
		    const errObj = errorObjectCode(cxt, error, errorPaths);
		    addError(gen, errObj);
		    if (!(compositeRule || allErrors)) {
		        returnErrors(it, names_1.default.vErrors);
		    }
		}
		exports.reportExtraError = reportExtraError;
		function resetErrorsCount(gen, errsCount) {
		    gen.assign(names_1.default.errors, errsCount);
		    gen.if((0, codegen_1._) `${names_1.default.vErrors} !== null`, () => gen.if(errsCount, () => gen.assign((0, codegen_1._) `${names_1.default.vErrors}.length`, errsCount), () => gen.assign(names_1.default.vErrors, null)));
		}
		exports.resetErrorsCount = resetErrorsCount;
		function extendErrors({ gen, keyword, schemaValue, data, errsCount, it, }) {
		    /* istanbul ignore if */
		    if (errsCount === undefined)
		        throw new Error("ajv implementation error");
		    const err = gen.name("err");
		    gen.forRange("i", errsCount, names_1.default.errors, (i) => {
		        gen.const(err, (0, codegen_1._) `${names_1.default.vErrors}[${i}]`);
		        gen.if((0, codegen_1._) `${err}.instancePath === undefined`, () => gen.assign((0, codegen_1._) `${err}.instancePath`, (0, codegen_1.strConcat)(names_1.default.instancePath, it.errorPath)));
		        gen.assign((0, codegen_1._) `${err}.schemaPath`, (0, codegen_1.str) `${it.errSchemaPath}/${keyword}`);
		        if (it.opts.verbose) {
		            gen.assign((0, codegen_1._) `${err}.schema`, schemaValue);
		            gen.assign((0, codegen_1._) `${err}.data`, data);
		        }
		    });
		}
		exports.extendErrors = extendErrors;
		function addError(gen, errObj) {
		    const err = gen.const("err", errObj);
		    gen.if((0, codegen_1._) `${names_1.default.vErrors} === null`, () => gen.assign(names_1.default.vErrors, (0, codegen_1._) `[${err}]`), (0, codegen_1._) `${names_1.default.vErrors}.push(${err})`);
		    gen.code((0, codegen_1._) `${names_1.default.errors}++`);
		}
		function returnErrors(it, errs) {
		    const { gen, validateName, schemaEnv } = it;
		    if (schemaEnv.$async) {
		        gen.throw((0, codegen_1._) `new ${it.ValidationError}(${errs})`);
		    }
		    else {
		        gen.assign((0, codegen_1._) `${validateName}.errors`, errs);
		        gen.return(false);
		    }
		}
		const E = {
		    keyword: new codegen_1.Name("keyword"),
		    schemaPath: new codegen_1.Name("schemaPath"), // also used in JTD errors
		    params: new codegen_1.Name("params"),
		    propertyName: new codegen_1.Name("propertyName"),
		    message: new codegen_1.Name("message"),
		    schema: new codegen_1.Name("schema"),
		    parentSchema: new codegen_1.Name("parentSchema"),
		};
		function errorObjectCode(cxt, error, errorPaths) {
		    const { createErrors } = cxt.it;
		    if (createErrors === false)
		        return (0, codegen_1._) `{}`;
		    return errorObject(cxt, error, errorPaths);
		}
		function errorObject(cxt, error, errorPaths = {}) {
		    const { gen, it } = cxt;
		    const keyValues = [
		        errorInstancePath(it, errorPaths),
		        errorSchemaPath(cxt, errorPaths),
		    ];
		    extraErrorProps(cxt, error, keyValues);
		    return gen.object(...keyValues);
		}
		function errorInstancePath({ errorPath }, { instancePath }) {
		    const instPath = instancePath
		        ? (0, codegen_1.str) `${errorPath}${(0, util_1.getErrorPath)(instancePath, util_1.Type.Str)}`
		        : errorPath;
		    return [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, instPath)];
		}
		function errorSchemaPath({ keyword, it: { errSchemaPath } }, { schemaPath, parentSchema }) {
		    let schPath = parentSchema ? errSchemaPath : (0, codegen_1.str) `${errSchemaPath}/${keyword}`;
		    if (schemaPath) {
		        schPath = (0, codegen_1.str) `${schPath}${(0, util_1.getErrorPath)(schemaPath, util_1.Type.Str)}`;
		    }
		    return [E.schemaPath, schPath];
		}
		function extraErrorProps(cxt, { params, message }, keyValues) {
		    const { keyword, data, schemaValue, it } = cxt;
		    const { opts, propertyName, topSchemaRef, schemaPath } = it;
		    keyValues.push([E.keyword, keyword], [E.params, typeof params == "function" ? params(cxt) : params || (0, codegen_1._) `{}`]);
		    if (opts.messages) {
		        keyValues.push([E.message, typeof message == "function" ? message(cxt) : message]);
		    }
		    if (opts.verbose) {
		        keyValues.push([E.schema, schemaValue], [E.parentSchema, (0, codegen_1._) `${topSchemaRef}${schemaPath}`], [names_1.default.data, data]);
		    }
		    if (propertyName)
		        keyValues.push([E.propertyName, propertyName]);
		}
		
	} (errors));
	return errors;
}

var hasRequiredBoolSchema;

function requireBoolSchema () {
	if (hasRequiredBoolSchema) return boolSchema;
	hasRequiredBoolSchema = 1;
	Object.defineProperty(boolSchema, "__esModule", { value: true });
	boolSchema.boolOrEmptySchema = boolSchema.topBoolOrEmptySchema = void 0;
	const errors_1 = /*@__PURE__*/ requireErrors();
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const names_1 = /*@__PURE__*/ requireNames();
	const boolError = {
	    message: "boolean schema is false",
	};
	function topBoolOrEmptySchema(it) {
	    const { gen, schema, validateName } = it;
	    if (schema === false) {
	        falseSchemaError(it, false);
	    }
	    else if (typeof schema == "object" && schema.$async === true) {
	        gen.return(names_1.default.data);
	    }
	    else {
	        gen.assign((0, codegen_1._) `${validateName}.errors`, null);
	        gen.return(true);
	    }
	}
	boolSchema.topBoolOrEmptySchema = topBoolOrEmptySchema;
	function boolOrEmptySchema(it, valid) {
	    const { gen, schema } = it;
	    if (schema === false) {
	        gen.var(valid, false); // TODO var
	        falseSchemaError(it);
	    }
	    else {
	        gen.var(valid, true); // TODO var
	    }
	}
	boolSchema.boolOrEmptySchema = boolOrEmptySchema;
	function falseSchemaError(it, overrideAllErrors) {
	    const { gen, data } = it;
	    // TODO maybe some other interface should be used for non-keyword validation errors...
	    const cxt = {
	        gen,
	        keyword: "false schema",
	        data,
	        schema: false,
	        schemaCode: false,
	        schemaValue: false,
	        params: {},
	        it,
	    };
	    (0, errors_1.reportError)(cxt, boolError, undefined, overrideAllErrors);
	}
	
	return boolSchema;
}

var dataType = {};

var rules = {};

var hasRequiredRules;

function requireRules () {
	if (hasRequiredRules) return rules;
	hasRequiredRules = 1;
	Object.defineProperty(rules, "__esModule", { value: true });
	rules.getRules = rules.isJSONType = void 0;
	const _jsonTypes = ["string", "number", "integer", "boolean", "null", "object", "array"];
	const jsonTypes = new Set(_jsonTypes);
	function isJSONType(x) {
	    return typeof x == "string" && jsonTypes.has(x);
	}
	rules.isJSONType = isJSONType;
	function getRules() {
	    const groups = {
	        number: { type: "number", rules: [] },
	        string: { type: "string", rules: [] },
	        array: { type: "array", rules: [] },
	        object: { type: "object", rules: [] },
	    };
	    return {
	        types: { ...groups, integer: true, boolean: true, null: true },
	        rules: [{ rules: [] }, groups.number, groups.string, groups.array, groups.object],
	        post: { rules: [] },
	        all: {},
	        keywords: {},
	    };
	}
	rules.getRules = getRules;
	
	return rules;
}

var applicability = {};

var hasRequiredApplicability;

function requireApplicability () {
	if (hasRequiredApplicability) return applicability;
	hasRequiredApplicability = 1;
	Object.defineProperty(applicability, "__esModule", { value: true });
	applicability.shouldUseRule = applicability.shouldUseGroup = applicability.schemaHasRulesForType = void 0;
	function schemaHasRulesForType({ schema, self }, type) {
	    const group = self.RULES.types[type];
	    return group && group !== true && shouldUseGroup(schema, group);
	}
	applicability.schemaHasRulesForType = schemaHasRulesForType;
	function shouldUseGroup(schema, group) {
	    return group.rules.some((rule) => shouldUseRule(schema, rule));
	}
	applicability.shouldUseGroup = shouldUseGroup;
	function shouldUseRule(schema, rule) {
	    var _a;
	    return (schema[rule.keyword] !== undefined ||
	        ((_a = rule.definition.implements) === null || _a === void 0 ? void 0 : _a.some((kwd) => schema[kwd] !== undefined)));
	}
	applicability.shouldUseRule = shouldUseRule;
	
	return applicability;
}

var hasRequiredDataType;

function requireDataType () {
	if (hasRequiredDataType) return dataType;
	hasRequiredDataType = 1;
	Object.defineProperty(dataType, "__esModule", { value: true });
	dataType.reportTypeError = dataType.checkDataTypes = dataType.checkDataType = dataType.coerceAndCheckDataType = dataType.getJSONTypes = dataType.getSchemaTypes = dataType.DataType = void 0;
	const rules_1 = /*@__PURE__*/ requireRules();
	const applicability_1 = /*@__PURE__*/ requireApplicability();
	const errors_1 = /*@__PURE__*/ requireErrors();
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	var DataType;
	(function (DataType) {
	    DataType[DataType["Correct"] = 0] = "Correct";
	    DataType[DataType["Wrong"] = 1] = "Wrong";
	})(DataType || (dataType.DataType = DataType = {}));
	function getSchemaTypes(schema) {
	    const types = getJSONTypes(schema.type);
	    const hasNull = types.includes("null");
	    if (hasNull) {
	        if (schema.nullable === false)
	            throw new Error("type: null contradicts nullable: false");
	    }
	    else {
	        if (!types.length && schema.nullable !== undefined) {
	            throw new Error('"nullable" cannot be used without "type"');
	        }
	        if (schema.nullable === true)
	            types.push("null");
	    }
	    return types;
	}
	dataType.getSchemaTypes = getSchemaTypes;
	// eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents
	function getJSONTypes(ts) {
	    const types = Array.isArray(ts) ? ts : ts ? [ts] : [];
	    if (types.every(rules_1.isJSONType))
	        return types;
	    throw new Error("type must be JSONType or JSONType[]: " + types.join(","));
	}
	dataType.getJSONTypes = getJSONTypes;
	function coerceAndCheckDataType(it, types) {
	    const { gen, data, opts } = it;
	    const coerceTo = coerceToTypes(types, opts.coerceTypes);
	    const checkTypes = types.length > 0 &&
	        !(coerceTo.length === 0 && types.length === 1 && (0, applicability_1.schemaHasRulesForType)(it, types[0]));
	    if (checkTypes) {
	        const wrongType = checkDataTypes(types, data, opts.strictNumbers, DataType.Wrong);
	        gen.if(wrongType, () => {
	            if (coerceTo.length)
	                coerceData(it, types, coerceTo);
	            else
	                reportTypeError(it);
	        });
	    }
	    return checkTypes;
	}
	dataType.coerceAndCheckDataType = coerceAndCheckDataType;
	const COERCIBLE = new Set(["string", "number", "integer", "boolean", "null"]);
	function coerceToTypes(types, coerceTypes) {
	    return coerceTypes
	        ? types.filter((t) => COERCIBLE.has(t) || (coerceTypes === "array" && t === "array"))
	        : [];
	}
	function coerceData(it, types, coerceTo) {
	    const { gen, data, opts } = it;
	    const dataType = gen.let("dataType", (0, codegen_1._) `typeof ${data}`);
	    const coerced = gen.let("coerced", (0, codegen_1._) `undefined`);
	    if (opts.coerceTypes === "array") {
	        gen.if((0, codegen_1._) `${dataType} == 'object' && Array.isArray(${data}) && ${data}.length == 1`, () => gen
	            .assign(data, (0, codegen_1._) `${data}[0]`)
	            .assign(dataType, (0, codegen_1._) `typeof ${data}`)
	            .if(checkDataTypes(types, data, opts.strictNumbers), () => gen.assign(coerced, data)));
	    }
	    gen.if((0, codegen_1._) `${coerced} !== undefined`);
	    for (const t of coerceTo) {
	        if (COERCIBLE.has(t) || (t === "array" && opts.coerceTypes === "array")) {
	            coerceSpecificType(t);
	        }
	    }
	    gen.else();
	    reportTypeError(it);
	    gen.endIf();
	    gen.if((0, codegen_1._) `${coerced} !== undefined`, () => {
	        gen.assign(data, coerced);
	        assignParentData(it, coerced);
	    });
	    function coerceSpecificType(t) {
	        switch (t) {
	            case "string":
	                gen
	                    .elseIf((0, codegen_1._) `${dataType} == "number" || ${dataType} == "boolean"`)
	                    .assign(coerced, (0, codegen_1._) `"" + ${data}`)
	                    .elseIf((0, codegen_1._) `${data} === null`)
	                    .assign(coerced, (0, codegen_1._) `""`);
	                return;
	            case "number":
	                gen
	                    .elseIf((0, codegen_1._) `${dataType} == "boolean" || ${data} === null
              || (${dataType} == "string" && ${data} && ${data} == +${data})`)
	                    .assign(coerced, (0, codegen_1._) `+${data}`);
	                return;
	            case "integer":
	                gen
	                    .elseIf((0, codegen_1._) `${dataType} === "boolean" || ${data} === null
              || (${dataType} === "string" && ${data} && ${data} == +${data} && !(${data} % 1))`)
	                    .assign(coerced, (0, codegen_1._) `+${data}`);
	                return;
	            case "boolean":
	                gen
	                    .elseIf((0, codegen_1._) `${data} === "false" || ${data} === 0 || ${data} === null`)
	                    .assign(coerced, false)
	                    .elseIf((0, codegen_1._) `${data} === "true" || ${data} === 1`)
	                    .assign(coerced, true);
	                return;
	            case "null":
	                gen.elseIf((0, codegen_1._) `${data} === "" || ${data} === 0 || ${data} === false`);
	                gen.assign(coerced, null);
	                return;
	            case "array":
	                gen
	                    .elseIf((0, codegen_1._) `${dataType} === "string" || ${dataType} === "number"
              || ${dataType} === "boolean" || ${data} === null`)
	                    .assign(coerced, (0, codegen_1._) `[${data}]`);
	        }
	    }
	}
	function assignParentData({ gen, parentData, parentDataProperty }, expr) {
	    // TODO use gen.property
	    gen.if((0, codegen_1._) `${parentData} !== undefined`, () => gen.assign((0, codegen_1._) `${parentData}[${parentDataProperty}]`, expr));
	}
	function checkDataType(dataType, data, strictNums, correct = DataType.Correct) {
	    const EQ = correct === DataType.Correct ? codegen_1.operators.EQ : codegen_1.operators.NEQ;
	    let cond;
	    switch (dataType) {
	        case "null":
	            return (0, codegen_1._) `${data} ${EQ} null`;
	        case "array":
	            cond = (0, codegen_1._) `Array.isArray(${data})`;
	            break;
	        case "object":
	            cond = (0, codegen_1._) `${data} && typeof ${data} == "object" && !Array.isArray(${data})`;
	            break;
	        case "integer":
	            cond = numCond((0, codegen_1._) `!(${data} % 1) && !isNaN(${data})`);
	            break;
	        case "number":
	            cond = numCond();
	            break;
	        default:
	            return (0, codegen_1._) `typeof ${data} ${EQ} ${dataType}`;
	    }
	    return correct === DataType.Correct ? cond : (0, codegen_1.not)(cond);
	    function numCond(_cond = codegen_1.nil) {
	        return (0, codegen_1.and)((0, codegen_1._) `typeof ${data} == "number"`, _cond, strictNums ? (0, codegen_1._) `isFinite(${data})` : codegen_1.nil);
	    }
	}
	dataType.checkDataType = checkDataType;
	function checkDataTypes(dataTypes, data, strictNums, correct) {
	    if (dataTypes.length === 1) {
	        return checkDataType(dataTypes[0], data, strictNums, correct);
	    }
	    let cond;
	    const types = (0, util_1.toHash)(dataTypes);
	    if (types.array && types.object) {
	        const notObj = (0, codegen_1._) `typeof ${data} != "object"`;
	        cond = types.null ? notObj : (0, codegen_1._) `!${data} || ${notObj}`;
	        delete types.null;
	        delete types.array;
	        delete types.object;
	    }
	    else {
	        cond = codegen_1.nil;
	    }
	    if (types.number)
	        delete types.integer;
	    for (const t in types)
	        cond = (0, codegen_1.and)(cond, checkDataType(t, data, strictNums, correct));
	    return cond;
	}
	dataType.checkDataTypes = checkDataTypes;
	const typeError = {
	    message: ({ schema }) => `must be ${schema}`,
	    params: ({ schema, schemaValue }) => typeof schema == "string" ? (0, codegen_1._) `{type: ${schema}}` : (0, codegen_1._) `{type: ${schemaValue}}`,
	};
	function reportTypeError(it) {
	    const cxt = getTypeErrorContext(it);
	    (0, errors_1.reportError)(cxt, typeError);
	}
	dataType.reportTypeError = reportTypeError;
	function getTypeErrorContext(it) {
	    const { gen, data, schema } = it;
	    const schemaCode = (0, util_1.schemaRefOrVal)(it, schema, "type");
	    return {
	        gen,
	        keyword: "type",
	        data,
	        schema: schema.type,
	        schemaCode,
	        schemaValue: schemaCode,
	        parentSchema: schema,
	        params: {},
	        it,
	    };
	}
	
	return dataType;
}

var defaults = {};

var hasRequiredDefaults;

function requireDefaults () {
	if (hasRequiredDefaults) return defaults;
	hasRequiredDefaults = 1;
	Object.defineProperty(defaults, "__esModule", { value: true });
	defaults.assignDefaults = void 0;
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	function assignDefaults(it, ty) {
	    const { properties, items } = it.schema;
	    if (ty === "object" && properties) {
	        for (const key in properties) {
	            assignDefault(it, key, properties[key].default);
	        }
	    }
	    else if (ty === "array" && Array.isArray(items)) {
	        items.forEach((sch, i) => assignDefault(it, i, sch.default));
	    }
	}
	defaults.assignDefaults = assignDefaults;
	function assignDefault(it, prop, defaultValue) {
	    const { gen, compositeRule, data, opts } = it;
	    if (defaultValue === undefined)
	        return;
	    const childData = (0, codegen_1._) `${data}${(0, codegen_1.getProperty)(prop)}`;
	    if (compositeRule) {
	        (0, util_1.checkStrictMode)(it, `default is ignored for: ${childData}`);
	        return;
	    }
	    let condition = (0, codegen_1._) `${childData} === undefined`;
	    if (opts.useDefaults === "empty") {
	        condition = (0, codegen_1._) `${condition} || ${childData} === null || ${childData} === ""`;
	    }
	    // `${childData} === undefined` +
	    // (opts.useDefaults === "empty" ? ` || ${childData} === null || ${childData} === ""` : "")
	    gen.if(condition, (0, codegen_1._) `${childData} = ${(0, codegen_1.stringify)(defaultValue)}`);
	}
	
	return defaults;
}

var keyword = {};

var code$1 = {};

var hasRequiredCode;

function requireCode () {
	if (hasRequiredCode) return code$1;
	hasRequiredCode = 1;
	Object.defineProperty(code$1, "__esModule", { value: true });
	code$1.validateUnion = code$1.validateArray = code$1.usePattern = code$1.callValidateCode = code$1.schemaProperties = code$1.allSchemaProperties = code$1.noPropertyInData = code$1.propertyInData = code$1.isOwnProperty = code$1.hasPropFunc = code$1.reportMissingProp = code$1.checkMissingProp = code$1.checkReportMissingProp = void 0;
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const names_1 = /*@__PURE__*/ requireNames();
	const util_2 = /*@__PURE__*/ requireUtil();
	function checkReportMissingProp(cxt, prop) {
	    const { gen, data, it } = cxt;
	    gen.if(noPropertyInData(gen, data, prop, it.opts.ownProperties), () => {
	        cxt.setParams({ missingProperty: (0, codegen_1._) `${prop}` }, true);
	        cxt.error();
	    });
	}
	code$1.checkReportMissingProp = checkReportMissingProp;
	function checkMissingProp({ gen, data, it: { opts } }, properties, missing) {
	    return (0, codegen_1.or)(...properties.map((prop) => (0, codegen_1.and)(noPropertyInData(gen, data, prop, opts.ownProperties), (0, codegen_1._) `${missing} = ${prop}`)));
	}
	code$1.checkMissingProp = checkMissingProp;
	function reportMissingProp(cxt, missing) {
	    cxt.setParams({ missingProperty: missing }, true);
	    cxt.error();
	}
	code$1.reportMissingProp = reportMissingProp;
	function hasPropFunc(gen) {
	    return gen.scopeValue("func", {
	        // eslint-disable-next-line @typescript-eslint/unbound-method
	        ref: Object.prototype.hasOwnProperty,
	        code: (0, codegen_1._) `Object.prototype.hasOwnProperty`,
	    });
	}
	code$1.hasPropFunc = hasPropFunc;
	function isOwnProperty(gen, data, property) {
	    return (0, codegen_1._) `${hasPropFunc(gen)}.call(${data}, ${property})`;
	}
	code$1.isOwnProperty = isOwnProperty;
	function propertyInData(gen, data, property, ownProperties) {
	    const cond = (0, codegen_1._) `${data}${(0, codegen_1.getProperty)(property)} !== undefined`;
	    return ownProperties ? (0, codegen_1._) `${cond} && ${isOwnProperty(gen, data, property)}` : cond;
	}
	code$1.propertyInData = propertyInData;
	function noPropertyInData(gen, data, property, ownProperties) {
	    const cond = (0, codegen_1._) `${data}${(0, codegen_1.getProperty)(property)} === undefined`;
	    return ownProperties ? (0, codegen_1.or)(cond, (0, codegen_1.not)(isOwnProperty(gen, data, property))) : cond;
	}
	code$1.noPropertyInData = noPropertyInData;
	function allSchemaProperties(schemaMap) {
	    return schemaMap ? Object.keys(schemaMap).filter((p) => p !== "__proto__") : [];
	}
	code$1.allSchemaProperties = allSchemaProperties;
	function schemaProperties(it, schemaMap) {
	    return allSchemaProperties(schemaMap).filter((p) => !(0, util_1.alwaysValidSchema)(it, schemaMap[p]));
	}
	code$1.schemaProperties = schemaProperties;
	function callValidateCode({ schemaCode, data, it: { gen, topSchemaRef, schemaPath, errorPath }, it }, func, context, passSchema) {
	    const dataAndSchema = passSchema ? (0, codegen_1._) `${schemaCode}, ${data}, ${topSchemaRef}${schemaPath}` : data;
	    const valCxt = [
	        [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, errorPath)],
	        [names_1.default.parentData, it.parentData],
	        [names_1.default.parentDataProperty, it.parentDataProperty],
	        [names_1.default.rootData, names_1.default.rootData],
	    ];
	    if (it.opts.dynamicRef)
	        valCxt.push([names_1.default.dynamicAnchors, names_1.default.dynamicAnchors]);
	    const args = (0, codegen_1._) `${dataAndSchema}, ${gen.object(...valCxt)}`;
	    return context !== codegen_1.nil ? (0, codegen_1._) `${func}.call(${context}, ${args})` : (0, codegen_1._) `${func}(${args})`;
	}
	code$1.callValidateCode = callValidateCode;
	const newRegExp = (0, codegen_1._) `new RegExp`;
	function usePattern({ gen, it: { opts } }, pattern) {
	    const u = opts.unicodeRegExp ? "u" : "";
	    const { regExp } = opts.code;
	    const rx = regExp(pattern, u);
	    return gen.scopeValue("pattern", {
	        key: rx.toString(),
	        ref: rx,
	        code: (0, codegen_1._) `${regExp.code === "new RegExp" ? newRegExp : (0, util_2.useFunc)(gen, regExp)}(${pattern}, ${u})`,
	    });
	}
	code$1.usePattern = usePattern;
	function validateArray(cxt) {
	    const { gen, data, keyword, it } = cxt;
	    const valid = gen.name("valid");
	    if (it.allErrors) {
	        const validArr = gen.let("valid", true);
	        validateItems(() => gen.assign(validArr, false));
	        return validArr;
	    }
	    gen.var(valid, true);
	    validateItems(() => gen.break());
	    return valid;
	    function validateItems(notValid) {
	        const len = gen.const("len", (0, codegen_1._) `${data}.length`);
	        gen.forRange("i", 0, len, (i) => {
	            cxt.subschema({
	                keyword,
	                dataProp: i,
	                dataPropType: util_1.Type.Num,
	            }, valid);
	            gen.if((0, codegen_1.not)(valid), notValid);
	        });
	    }
	}
	code$1.validateArray = validateArray;
	function validateUnion(cxt) {
	    const { gen, schema, keyword, it } = cxt;
	    /* istanbul ignore if */
	    if (!Array.isArray(schema))
	        throw new Error("ajv implementation error");
	    const alwaysValid = schema.some((sch) => (0, util_1.alwaysValidSchema)(it, sch));
	    if (alwaysValid && !it.opts.unevaluated)
	        return;
	    const valid = gen.let("valid", false);
	    const schValid = gen.name("_valid");
	    gen.block(() => schema.forEach((_sch, i) => {
	        const schCxt = cxt.subschema({
	            keyword,
	            schemaProp: i,
	            compositeRule: true,
	        }, schValid);
	        gen.assign(valid, (0, codegen_1._) `${valid} || ${schValid}`);
	        const merged = cxt.mergeValidEvaluated(schCxt, schValid);
	        // can short-circuit if `unevaluatedProperties/Items` not supported (opts.unevaluated !== true)
	        // or if all properties and items were evaluated (it.props === true && it.items === true)
	        if (!merged)
	            gen.if((0, codegen_1.not)(valid));
	    }));
	    cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
	}
	code$1.validateUnion = validateUnion;
	
	return code$1;
}

var hasRequiredKeyword;

function requireKeyword () {
	if (hasRequiredKeyword) return keyword;
	hasRequiredKeyword = 1;
	Object.defineProperty(keyword, "__esModule", { value: true });
	keyword.validateKeywordUsage = keyword.validSchemaType = keyword.funcKeywordCode = keyword.macroKeywordCode = void 0;
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const names_1 = /*@__PURE__*/ requireNames();
	const code_1 = /*@__PURE__*/ requireCode();
	const errors_1 = /*@__PURE__*/ requireErrors();
	function macroKeywordCode(cxt, def) {
	    const { gen, keyword, schema, parentSchema, it } = cxt;
	    const macroSchema = def.macro.call(it.self, schema, parentSchema, it);
	    const schemaRef = useKeyword(gen, keyword, macroSchema);
	    if (it.opts.validateSchema !== false)
	        it.self.validateSchema(macroSchema, true);
	    const valid = gen.name("valid");
	    cxt.subschema({
	        schema: macroSchema,
	        schemaPath: codegen_1.nil,
	        errSchemaPath: `${it.errSchemaPath}/${keyword}`,
	        topSchemaRef: schemaRef,
	        compositeRule: true,
	    }, valid);
	    cxt.pass(valid, () => cxt.error(true));
	}
	keyword.macroKeywordCode = macroKeywordCode;
	function funcKeywordCode(cxt, def) {
	    var _a;
	    const { gen, keyword, schema, parentSchema, $data, it } = cxt;
	    checkAsyncKeyword(it, def);
	    const validate = !$data && def.compile ? def.compile.call(it.self, schema, parentSchema, it) : def.validate;
	    const validateRef = useKeyword(gen, keyword, validate);
	    const valid = gen.let("valid");
	    cxt.block$data(valid, validateKeyword);
	    cxt.ok((_a = def.valid) !== null && _a !== void 0 ? _a : valid);
	    function validateKeyword() {
	        if (def.errors === false) {
	            assignValid();
	            if (def.modifying)
	                modifyData(cxt);
	            reportErrs(() => cxt.error());
	        }
	        else {
	            const ruleErrs = def.async ? validateAsync() : validateSync();
	            if (def.modifying)
	                modifyData(cxt);
	            reportErrs(() => addErrs(cxt, ruleErrs));
	        }
	    }
	    function validateAsync() {
	        const ruleErrs = gen.let("ruleErrs", null);
	        gen.try(() => assignValid((0, codegen_1._) `await `), (e) => gen.assign(valid, false).if((0, codegen_1._) `${e} instanceof ${it.ValidationError}`, () => gen.assign(ruleErrs, (0, codegen_1._) `${e}.errors`), () => gen.throw(e)));
	        return ruleErrs;
	    }
	    function validateSync() {
	        const validateErrs = (0, codegen_1._) `${validateRef}.errors`;
	        gen.assign(validateErrs, null);
	        assignValid(codegen_1.nil);
	        return validateErrs;
	    }
	    function assignValid(_await = def.async ? (0, codegen_1._) `await ` : codegen_1.nil) {
	        const passCxt = it.opts.passContext ? names_1.default.this : names_1.default.self;
	        const passSchema = !(("compile" in def && !$data) || def.schema === false);
	        gen.assign(valid, (0, codegen_1._) `${_await}${(0, code_1.callValidateCode)(cxt, validateRef, passCxt, passSchema)}`, def.modifying);
	    }
	    function reportErrs(errors) {
	        var _a;
	        gen.if((0, codegen_1.not)((_a = def.valid) !== null && _a !== void 0 ? _a : valid), errors);
	    }
	}
	keyword.funcKeywordCode = funcKeywordCode;
	function modifyData(cxt) {
	    const { gen, data, it } = cxt;
	    gen.if(it.parentData, () => gen.assign(data, (0, codegen_1._) `${it.parentData}[${it.parentDataProperty}]`));
	}
	function addErrs(cxt, errs) {
	    const { gen } = cxt;
	    gen.if((0, codegen_1._) `Array.isArray(${errs})`, () => {
	        gen
	            .assign(names_1.default.vErrors, (0, codegen_1._) `${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`)
	            .assign(names_1.default.errors, (0, codegen_1._) `${names_1.default.vErrors}.length`);
	        (0, errors_1.extendErrors)(cxt);
	    }, () => cxt.error());
	}
	function checkAsyncKeyword({ schemaEnv }, def) {
	    if (def.async && !schemaEnv.$async)
	        throw new Error("async keyword in sync schema");
	}
	function useKeyword(gen, keyword, result) {
	    if (result === undefined)
	        throw new Error(`keyword "${keyword}" failed to compile`);
	    return gen.scopeValue("keyword", typeof result == "function" ? { ref: result } : { ref: result, code: (0, codegen_1.stringify)(result) });
	}
	function validSchemaType(schema, schemaType, allowUndefined = false) {
	    // TODO add tests
	    return (!schemaType.length ||
	        schemaType.some((st) => st === "array"
	            ? Array.isArray(schema)
	            : st === "object"
	                ? schema && typeof schema == "object" && !Array.isArray(schema)
	                : typeof schema == st || (allowUndefined && typeof schema == "undefined")));
	}
	keyword.validSchemaType = validSchemaType;
	function validateKeywordUsage({ schema, opts, self, errSchemaPath }, def, keyword) {
	    /* istanbul ignore if */
	    if (Array.isArray(def.keyword) ? !def.keyword.includes(keyword) : def.keyword !== keyword) {
	        throw new Error("ajv implementation error");
	    }
	    const deps = def.dependencies;
	    if (deps === null || deps === void 0 ? void 0 : deps.some((kwd) => !Object.prototype.hasOwnProperty.call(schema, kwd))) {
	        throw new Error(`parent schema must have dependencies of ${keyword}: ${deps.join(",")}`);
	    }
	    if (def.validateSchema) {
	        const valid = def.validateSchema(schema[keyword]);
	        if (!valid) {
	            const msg = `keyword "${keyword}" value is invalid at path "${errSchemaPath}": ` +
	                self.errorsText(def.validateSchema.errors);
	            if (opts.validateSchema === "log")
	                self.logger.error(msg);
	            else
	                throw new Error(msg);
	        }
	    }
	}
	keyword.validateKeywordUsage = validateKeywordUsage;
	
	return keyword;
}

var subschema = {};

var hasRequiredSubschema;

function requireSubschema () {
	if (hasRequiredSubschema) return subschema;
	hasRequiredSubschema = 1;
	Object.defineProperty(subschema, "__esModule", { value: true });
	subschema.extendSubschemaMode = subschema.extendSubschemaData = subschema.getSubschema = void 0;
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	function getSubschema(it, { keyword, schemaProp, schema, schemaPath, errSchemaPath, topSchemaRef }) {
	    if (keyword !== undefined && schema !== undefined) {
	        throw new Error('both "keyword" and "schema" passed, only one allowed');
	    }
	    if (keyword !== undefined) {
	        const sch = it.schema[keyword];
	        return schemaProp === undefined
	            ? {
	                schema: sch,
	                schemaPath: (0, codegen_1._) `${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}`,
	                errSchemaPath: `${it.errSchemaPath}/${keyword}`,
	            }
	            : {
	                schema: sch[schemaProp],
	                schemaPath: (0, codegen_1._) `${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}${(0, codegen_1.getProperty)(schemaProp)}`,
	                errSchemaPath: `${it.errSchemaPath}/${keyword}/${(0, util_1.escapeFragment)(schemaProp)}`,
	            };
	    }
	    if (schema !== undefined) {
	        if (schemaPath === undefined || errSchemaPath === undefined || topSchemaRef === undefined) {
	            throw new Error('"schemaPath", "errSchemaPath" and "topSchemaRef" are required with "schema"');
	        }
	        return {
	            schema,
	            schemaPath,
	            topSchemaRef,
	            errSchemaPath,
	        };
	    }
	    throw new Error('either "keyword" or "schema" must be passed');
	}
	subschema.getSubschema = getSubschema;
	function extendSubschemaData(subschema, it, { dataProp, dataPropType: dpType, data, dataTypes, propertyName }) {
	    if (data !== undefined && dataProp !== undefined) {
	        throw new Error('both "data" and "dataProp" passed, only one allowed');
	    }
	    const { gen } = it;
	    if (dataProp !== undefined) {
	        const { errorPath, dataPathArr, opts } = it;
	        const nextData = gen.let("data", (0, codegen_1._) `${it.data}${(0, codegen_1.getProperty)(dataProp)}`, true);
	        dataContextProps(nextData);
	        subschema.errorPath = (0, codegen_1.str) `${errorPath}${(0, util_1.getErrorPath)(dataProp, dpType, opts.jsPropertySyntax)}`;
	        subschema.parentDataProperty = (0, codegen_1._) `${dataProp}`;
	        subschema.dataPathArr = [...dataPathArr, subschema.parentDataProperty];
	    }
	    if (data !== undefined) {
	        const nextData = data instanceof codegen_1.Name ? data : gen.let("data", data, true); // replaceable if used once?
	        dataContextProps(nextData);
	        if (propertyName !== undefined)
	            subschema.propertyName = propertyName;
	        // TODO something is possibly wrong here with not changing parentDataProperty and not appending dataPathArr
	    }
	    if (dataTypes)
	        subschema.dataTypes = dataTypes;
	    function dataContextProps(_nextData) {
	        subschema.data = _nextData;
	        subschema.dataLevel = it.dataLevel + 1;
	        subschema.dataTypes = [];
	        it.definedProperties = new Set();
	        subschema.parentData = it.data;
	        subschema.dataNames = [...it.dataNames, _nextData];
	    }
	}
	subschema.extendSubschemaData = extendSubschemaData;
	function extendSubschemaMode(subschema, { jtdDiscriminator, jtdMetadata, compositeRule, createErrors, allErrors }) {
	    if (compositeRule !== undefined)
	        subschema.compositeRule = compositeRule;
	    if (createErrors !== undefined)
	        subschema.createErrors = createErrors;
	    if (allErrors !== undefined)
	        subschema.allErrors = allErrors;
	    subschema.jtdDiscriminator = jtdDiscriminator; // not inherited
	    subschema.jtdMetadata = jtdMetadata; // not inherited
	}
	subschema.extendSubschemaMode = extendSubschemaMode;
	
	return subschema;
}

var resolve = {};

var fastDeepEqual;
var hasRequiredFastDeepEqual;

function requireFastDeepEqual () {
	if (hasRequiredFastDeepEqual) return fastDeepEqual;
	hasRequiredFastDeepEqual = 1;

	// do not edit .js files directly - edit src/index.jst



	fastDeepEqual = function equal(a, b) {
	  if (a === b) return true;

	  if (a && b && typeof a == 'object' && typeof b == 'object') {
	    if (a.constructor !== b.constructor) return false;

	    var length, i, keys;
	    if (Array.isArray(a)) {
	      length = a.length;
	      if (length != b.length) return false;
	      for (i = length; i-- !== 0;)
	        if (!equal(a[i], b[i])) return false;
	      return true;
	    }



	    if (a.constructor === RegExp) return a.source === b.source && a.flags === b.flags;
	    if (a.valueOf !== Object.prototype.valueOf) return a.valueOf() === b.valueOf();
	    if (a.toString !== Object.prototype.toString) return a.toString() === b.toString();

	    keys = Object.keys(a);
	    length = keys.length;
	    if (length !== Object.keys(b).length) return false;

	    for (i = length; i-- !== 0;)
	      if (!Object.prototype.hasOwnProperty.call(b, keys[i])) return false;

	    for (i = length; i-- !== 0;) {
	      var key = keys[i];

	      if (!equal(a[key], b[key])) return false;
	    }

	    return true;
	  }

	  // true if both NaN, false otherwise
	  return a!==a && b!==b;
	};
	return fastDeepEqual;
}

var jsonSchemaTraverse = {exports: {}};

var hasRequiredJsonSchemaTraverse;

function requireJsonSchemaTraverse () {
	if (hasRequiredJsonSchemaTraverse) return jsonSchemaTraverse.exports;
	hasRequiredJsonSchemaTraverse = 1;

	var traverse = jsonSchemaTraverse.exports = function (schema, opts, cb) {
	  // Legacy support for v0.3.1 and earlier.
	  if (typeof opts == 'function') {
	    cb = opts;
	    opts = {};
	  }

	  cb = opts.cb || cb;
	  var pre = (typeof cb == 'function') ? cb : cb.pre || function() {};
	  var post = cb.post || function() {};

	  _traverse(opts, pre, post, schema, '', schema);
	};


	traverse.keywords = {
	  additionalItems: true,
	  items: true,
	  contains: true,
	  additionalProperties: true,
	  propertyNames: true,
	  not: true,
	  if: true,
	  then: true,
	  else: true
	};

	traverse.arrayKeywords = {
	  items: true,
	  allOf: true,
	  anyOf: true,
	  oneOf: true
	};

	traverse.propsKeywords = {
	  $defs: true,
	  definitions: true,
	  properties: true,
	  patternProperties: true,
	  dependencies: true
	};

	traverse.skipKeywords = {
	  default: true,
	  enum: true,
	  const: true,
	  required: true,
	  maximum: true,
	  minimum: true,
	  exclusiveMaximum: true,
	  exclusiveMinimum: true,
	  multipleOf: true,
	  maxLength: true,
	  minLength: true,
	  pattern: true,
	  format: true,
	  maxItems: true,
	  minItems: true,
	  uniqueItems: true,
	  maxProperties: true,
	  minProperties: true
	};


	function _traverse(opts, pre, post, schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex) {
	  if (schema && typeof schema == 'object' && !Array.isArray(schema)) {
	    pre(schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
	    for (var key in schema) {
	      var sch = schema[key];
	      if (Array.isArray(sch)) {
	        if (key in traverse.arrayKeywords) {
	          for (var i=0; i<sch.length; i++)
	            _traverse(opts, pre, post, sch[i], jsonPtr + '/' + key + '/' + i, rootSchema, jsonPtr, key, schema, i);
	        }
	      } else if (key in traverse.propsKeywords) {
	        if (sch && typeof sch == 'object') {
	          for (var prop in sch)
	            _traverse(opts, pre, post, sch[prop], jsonPtr + '/' + key + '/' + escapeJsonPtr(prop), rootSchema, jsonPtr, key, schema, prop);
	        }
	      } else if (key in traverse.keywords || (opts.allKeys && !(key in traverse.skipKeywords))) {
	        _traverse(opts, pre, post, sch, jsonPtr + '/' + key, rootSchema, jsonPtr, key, schema);
	      }
	    }
	    post(schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
	  }
	}


	function escapeJsonPtr(str) {
	  return str.replace(/~/g, '~0').replace(/\//g, '~1');
	}
	return jsonSchemaTraverse.exports;
}

var hasRequiredResolve;

function requireResolve () {
	if (hasRequiredResolve) return resolve;
	hasRequiredResolve = 1;
	Object.defineProperty(resolve, "__esModule", { value: true });
	resolve.getSchemaRefs = resolve.resolveUrl = resolve.normalizeId = resolve._getFullPath = resolve.getFullPath = resolve.inlineRef = void 0;
	const util_1 = /*@__PURE__*/ requireUtil();
	const equal = requireFastDeepEqual();
	const traverse = requireJsonSchemaTraverse();
	// TODO refactor to use keyword definitions
	const SIMPLE_INLINED = new Set([
	    "type",
	    "format",
	    "pattern",
	    "maxLength",
	    "minLength",
	    "maxProperties",
	    "minProperties",
	    "maxItems",
	    "minItems",
	    "maximum",
	    "minimum",
	    "uniqueItems",
	    "multipleOf",
	    "required",
	    "enum",
	    "const",
	]);
	function inlineRef(schema, limit = true) {
	    if (typeof schema == "boolean")
	        return true;
	    if (limit === true)
	        return !hasRef(schema);
	    if (!limit)
	        return false;
	    return countKeys(schema) <= limit;
	}
	resolve.inlineRef = inlineRef;
	const REF_KEYWORDS = new Set([
	    "$ref",
	    "$recursiveRef",
	    "$recursiveAnchor",
	    "$dynamicRef",
	    "$dynamicAnchor",
	]);
	function hasRef(schema) {
	    for (const key in schema) {
	        if (REF_KEYWORDS.has(key))
	            return true;
	        const sch = schema[key];
	        if (Array.isArray(sch) && sch.some(hasRef))
	            return true;
	        if (typeof sch == "object" && hasRef(sch))
	            return true;
	    }
	    return false;
	}
	function countKeys(schema) {
	    let count = 0;
	    for (const key in schema) {
	        if (key === "$ref")
	            return Infinity;
	        count++;
	        if (SIMPLE_INLINED.has(key))
	            continue;
	        if (typeof schema[key] == "object") {
	            (0, util_1.eachItem)(schema[key], (sch) => (count += countKeys(sch)));
	        }
	        if (count === Infinity)
	            return Infinity;
	    }
	    return count;
	}
	function getFullPath(resolver, id = "", normalize) {
	    if (normalize !== false)
	        id = normalizeId(id);
	    const p = resolver.parse(id);
	    return _getFullPath(resolver, p);
	}
	resolve.getFullPath = getFullPath;
	function _getFullPath(resolver, p) {
	    const serialized = resolver.serialize(p);
	    return serialized.split("#")[0] + "#";
	}
	resolve._getFullPath = _getFullPath;
	const TRAILING_SLASH_HASH = /#\/?$/;
	function normalizeId(id) {
	    return id ? id.replace(TRAILING_SLASH_HASH, "") : "";
	}
	resolve.normalizeId = normalizeId;
	function resolveUrl(resolver, baseId, id) {
	    id = normalizeId(id);
	    return resolver.resolve(baseId, id);
	}
	resolve.resolveUrl = resolveUrl;
	const ANCHOR = /^[a-z_][-a-z0-9._]*$/i;
	function getSchemaRefs(schema, baseId) {
	    if (typeof schema == "boolean")
	        return {};
	    const { schemaId, uriResolver } = this.opts;
	    const schId = normalizeId(schema[schemaId] || baseId);
	    const baseIds = { "": schId };
	    const pathPrefix = getFullPath(uriResolver, schId, false);
	    const localRefs = {};
	    const schemaRefs = new Set();
	    traverse(schema, { allKeys: true }, (sch, jsonPtr, _, parentJsonPtr) => {
	        if (parentJsonPtr === undefined)
	            return;
	        const fullPath = pathPrefix + jsonPtr;
	        let innerBaseId = baseIds[parentJsonPtr];
	        if (typeof sch[schemaId] == "string")
	            innerBaseId = addRef.call(this, sch[schemaId]);
	        addAnchor.call(this, sch.$anchor);
	        addAnchor.call(this, sch.$dynamicAnchor);
	        baseIds[jsonPtr] = innerBaseId;
	        function addRef(ref) {
	            // eslint-disable-next-line @typescript-eslint/unbound-method
	            const _resolve = this.opts.uriResolver.resolve;
	            ref = normalizeId(innerBaseId ? _resolve(innerBaseId, ref) : ref);
	            if (schemaRefs.has(ref))
	                throw ambiguos(ref);
	            schemaRefs.add(ref);
	            let schOrRef = this.refs[ref];
	            if (typeof schOrRef == "string")
	                schOrRef = this.refs[schOrRef];
	            if (typeof schOrRef == "object") {
	                checkAmbiguosRef(sch, schOrRef.schema, ref);
	            }
	            else if (ref !== normalizeId(fullPath)) {
	                if (ref[0] === "#") {
	                    checkAmbiguosRef(sch, localRefs[ref], ref);
	                    localRefs[ref] = sch;
	                }
	                else {
	                    this.refs[ref] = fullPath;
	                }
	            }
	            return ref;
	        }
	        function addAnchor(anchor) {
	            if (typeof anchor == "string") {
	                if (!ANCHOR.test(anchor))
	                    throw new Error(`invalid anchor "${anchor}"`);
	                addRef.call(this, `#${anchor}`);
	            }
	        }
	    });
	    return localRefs;
	    function checkAmbiguosRef(sch1, sch2, ref) {
	        if (sch2 !== undefined && !equal(sch1, sch2))
	            throw ambiguos(ref);
	    }
	    function ambiguos(ref) {
	        return new Error(`reference "${ref}" resolves to more than one schema`);
	    }
	}
	resolve.getSchemaRefs = getSchemaRefs;
	
	return resolve;
}

var hasRequiredValidate;

function requireValidate () {
	if (hasRequiredValidate) return validate$1;
	hasRequiredValidate = 1;
	Object.defineProperty(validate$1, "__esModule", { value: true });
	validate$1.getData = validate$1.KeywordCxt = validate$1.validateFunctionCode = void 0;
	const boolSchema_1 = /*@__PURE__*/ requireBoolSchema();
	const dataType_1 = /*@__PURE__*/ requireDataType();
	const applicability_1 = /*@__PURE__*/ requireApplicability();
	const dataType_2 = /*@__PURE__*/ requireDataType();
	const defaults_1 = /*@__PURE__*/ requireDefaults();
	const keyword_1 = /*@__PURE__*/ requireKeyword();
	const subschema_1 = /*@__PURE__*/ requireSubschema();
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const names_1 = /*@__PURE__*/ requireNames();
	const resolve_1 = /*@__PURE__*/ requireResolve();
	const util_1 = /*@__PURE__*/ requireUtil();
	const errors_1 = /*@__PURE__*/ requireErrors();
	// schema compilation - generates validation function, subschemaCode (below) is used for subschemas
	function validateFunctionCode(it) {
	    if (isSchemaObj(it)) {
	        checkKeywords(it);
	        if (schemaCxtHasRules(it)) {
	            topSchemaObjCode(it);
	            return;
	        }
	    }
	    validateFunction(it, () => (0, boolSchema_1.topBoolOrEmptySchema)(it));
	}
	validate$1.validateFunctionCode = validateFunctionCode;
	function validateFunction({ gen, validateName, schema, schemaEnv, opts }, body) {
	    if (opts.code.es5) {
	        gen.func(validateName, (0, codegen_1._) `${names_1.default.data}, ${names_1.default.valCxt}`, schemaEnv.$async, () => {
	            gen.code((0, codegen_1._) `"use strict"; ${funcSourceUrl(schema, opts)}`);
	            destructureValCxtES5(gen, opts);
	            gen.code(body);
	        });
	    }
	    else {
	        gen.func(validateName, (0, codegen_1._) `${names_1.default.data}, ${destructureValCxt(opts)}`, schemaEnv.$async, () => gen.code(funcSourceUrl(schema, opts)).code(body));
	    }
	}
	function destructureValCxt(opts) {
	    return (0, codegen_1._) `{${names_1.default.instancePath}="", ${names_1.default.parentData}, ${names_1.default.parentDataProperty}, ${names_1.default.rootData}=${names_1.default.data}${opts.dynamicRef ? (0, codegen_1._) `, ${names_1.default.dynamicAnchors}={}` : codegen_1.nil}}={}`;
	}
	function destructureValCxtES5(gen, opts) {
	    gen.if(names_1.default.valCxt, () => {
	        gen.var(names_1.default.instancePath, (0, codegen_1._) `${names_1.default.valCxt}.${names_1.default.instancePath}`);
	        gen.var(names_1.default.parentData, (0, codegen_1._) `${names_1.default.valCxt}.${names_1.default.parentData}`);
	        gen.var(names_1.default.parentDataProperty, (0, codegen_1._) `${names_1.default.valCxt}.${names_1.default.parentDataProperty}`);
	        gen.var(names_1.default.rootData, (0, codegen_1._) `${names_1.default.valCxt}.${names_1.default.rootData}`);
	        if (opts.dynamicRef)
	            gen.var(names_1.default.dynamicAnchors, (0, codegen_1._) `${names_1.default.valCxt}.${names_1.default.dynamicAnchors}`);
	    }, () => {
	        gen.var(names_1.default.instancePath, (0, codegen_1._) `""`);
	        gen.var(names_1.default.parentData, (0, codegen_1._) `undefined`);
	        gen.var(names_1.default.parentDataProperty, (0, codegen_1._) `undefined`);
	        gen.var(names_1.default.rootData, names_1.default.data);
	        if (opts.dynamicRef)
	            gen.var(names_1.default.dynamicAnchors, (0, codegen_1._) `{}`);
	    });
	}
	function topSchemaObjCode(it) {
	    const { schema, opts, gen } = it;
	    validateFunction(it, () => {
	        if (opts.$comment && schema.$comment)
	            commentKeyword(it);
	        checkNoDefault(it);
	        gen.let(names_1.default.vErrors, null);
	        gen.let(names_1.default.errors, 0);
	        if (opts.unevaluated)
	            resetEvaluated(it);
	        typeAndKeywords(it);
	        returnResults(it);
	    });
	    return;
	}
	function resetEvaluated(it) {
	    // TODO maybe some hook to execute it in the end to check whether props/items are Name, as in assignEvaluated
	    const { gen, validateName } = it;
	    it.evaluated = gen.const("evaluated", (0, codegen_1._) `${validateName}.evaluated`);
	    gen.if((0, codegen_1._) `${it.evaluated}.dynamicProps`, () => gen.assign((0, codegen_1._) `${it.evaluated}.props`, (0, codegen_1._) `undefined`));
	    gen.if((0, codegen_1._) `${it.evaluated}.dynamicItems`, () => gen.assign((0, codegen_1._) `${it.evaluated}.items`, (0, codegen_1._) `undefined`));
	}
	function funcSourceUrl(schema, opts) {
	    const schId = typeof schema == "object" && schema[opts.schemaId];
	    return schId && (opts.code.source || opts.code.process) ? (0, codegen_1._) `/*# sourceURL=${schId} */` : codegen_1.nil;
	}
	// schema compilation - this function is used recursively to generate code for sub-schemas
	function subschemaCode(it, valid) {
	    if (isSchemaObj(it)) {
	        checkKeywords(it);
	        if (schemaCxtHasRules(it)) {
	            subSchemaObjCode(it, valid);
	            return;
	        }
	    }
	    (0, boolSchema_1.boolOrEmptySchema)(it, valid);
	}
	function schemaCxtHasRules({ schema, self }) {
	    if (typeof schema == "boolean")
	        return !schema;
	    for (const key in schema)
	        if (self.RULES.all[key])
	            return true;
	    return false;
	}
	function isSchemaObj(it) {
	    return typeof it.schema != "boolean";
	}
	function subSchemaObjCode(it, valid) {
	    const { schema, gen, opts } = it;
	    if (opts.$comment && schema.$comment)
	        commentKeyword(it);
	    updateContext(it);
	    checkAsyncSchema(it);
	    const errsCount = gen.const("_errs", names_1.default.errors);
	    typeAndKeywords(it, errsCount);
	    // TODO var
	    gen.var(valid, (0, codegen_1._) `${errsCount} === ${names_1.default.errors}`);
	}
	function checkKeywords(it) {
	    (0, util_1.checkUnknownRules)(it);
	    checkRefsAndKeywords(it);
	}
	function typeAndKeywords(it, errsCount) {
	    if (it.opts.jtd)
	        return schemaKeywords(it, [], false, errsCount);
	    const types = (0, dataType_1.getSchemaTypes)(it.schema);
	    const checkedTypes = (0, dataType_1.coerceAndCheckDataType)(it, types);
	    schemaKeywords(it, types, !checkedTypes, errsCount);
	}
	function checkRefsAndKeywords(it) {
	    const { schema, errSchemaPath, opts, self } = it;
	    if (schema.$ref && opts.ignoreKeywordsWithRef && (0, util_1.schemaHasRulesButRef)(schema, self.RULES)) {
	        self.logger.warn(`$ref: keywords ignored in schema at path "${errSchemaPath}"`);
	    }
	}
	function checkNoDefault(it) {
	    const { schema, opts } = it;
	    if (schema.default !== undefined && opts.useDefaults && opts.strictSchema) {
	        (0, util_1.checkStrictMode)(it, "default is ignored in the schema root");
	    }
	}
	function updateContext(it) {
	    const schId = it.schema[it.opts.schemaId];
	    if (schId)
	        it.baseId = (0, resolve_1.resolveUrl)(it.opts.uriResolver, it.baseId, schId);
	}
	function checkAsyncSchema(it) {
	    if (it.schema.$async && !it.schemaEnv.$async)
	        throw new Error("async schema in sync schema");
	}
	function commentKeyword({ gen, schemaEnv, schema, errSchemaPath, opts }) {
	    const msg = schema.$comment;
	    if (opts.$comment === true) {
	        gen.code((0, codegen_1._) `${names_1.default.self}.logger.log(${msg})`);
	    }
	    else if (typeof opts.$comment == "function") {
	        const schemaPath = (0, codegen_1.str) `${errSchemaPath}/$comment`;
	        const rootName = gen.scopeValue("root", { ref: schemaEnv.root });
	        gen.code((0, codegen_1._) `${names_1.default.self}.opts.$comment(${msg}, ${schemaPath}, ${rootName}.schema)`);
	    }
	}
	function returnResults(it) {
	    const { gen, schemaEnv, validateName, ValidationError, opts } = it;
	    if (schemaEnv.$async) {
	        // TODO assign unevaluated
	        gen.if((0, codegen_1._) `${names_1.default.errors} === 0`, () => gen.return(names_1.default.data), () => gen.throw((0, codegen_1._) `new ${ValidationError}(${names_1.default.vErrors})`));
	    }
	    else {
	        gen.assign((0, codegen_1._) `${validateName}.errors`, names_1.default.vErrors);
	        if (opts.unevaluated)
	            assignEvaluated(it);
	        gen.return((0, codegen_1._) `${names_1.default.errors} === 0`);
	    }
	}
	function assignEvaluated({ gen, evaluated, props, items }) {
	    if (props instanceof codegen_1.Name)
	        gen.assign((0, codegen_1._) `${evaluated}.props`, props);
	    if (items instanceof codegen_1.Name)
	        gen.assign((0, codegen_1._) `${evaluated}.items`, items);
	}
	function schemaKeywords(it, types, typeErrors, errsCount) {
	    const { gen, schema, data, allErrors, opts, self } = it;
	    const { RULES } = self;
	    if (schema.$ref && (opts.ignoreKeywordsWithRef || !(0, util_1.schemaHasRulesButRef)(schema, RULES))) {
	        gen.block(() => keywordCode(it, "$ref", RULES.all.$ref.definition)); // TODO typecast
	        return;
	    }
	    if (!opts.jtd)
	        checkStrictTypes(it, types);
	    gen.block(() => {
	        for (const group of RULES.rules)
	            groupKeywords(group);
	        groupKeywords(RULES.post);
	    });
	    function groupKeywords(group) {
	        if (!(0, applicability_1.shouldUseGroup)(schema, group))
	            return;
	        if (group.type) {
	            gen.if((0, dataType_2.checkDataType)(group.type, data, opts.strictNumbers));
	            iterateKeywords(it, group);
	            if (types.length === 1 && types[0] === group.type && typeErrors) {
	                gen.else();
	                (0, dataType_2.reportTypeError)(it);
	            }
	            gen.endIf();
	        }
	        else {
	            iterateKeywords(it, group);
	        }
	        // TODO make it "ok" call?
	        if (!allErrors)
	            gen.if((0, codegen_1._) `${names_1.default.errors} === ${errsCount || 0}`);
	    }
	}
	function iterateKeywords(it, group) {
	    const { gen, schema, opts: { useDefaults }, } = it;
	    if (useDefaults)
	        (0, defaults_1.assignDefaults)(it, group.type);
	    gen.block(() => {
	        for (const rule of group.rules) {
	            if ((0, applicability_1.shouldUseRule)(schema, rule)) {
	                keywordCode(it, rule.keyword, rule.definition, group.type);
	            }
	        }
	    });
	}
	function checkStrictTypes(it, types) {
	    if (it.schemaEnv.meta || !it.opts.strictTypes)
	        return;
	    checkContextTypes(it, types);
	    if (!it.opts.allowUnionTypes)
	        checkMultipleTypes(it, types);
	    checkKeywordTypes(it, it.dataTypes);
	}
	function checkContextTypes(it, types) {
	    if (!types.length)
	        return;
	    if (!it.dataTypes.length) {
	        it.dataTypes = types;
	        return;
	    }
	    types.forEach((t) => {
	        if (!includesType(it.dataTypes, t)) {
	            strictTypesError(it, `type "${t}" not allowed by context "${it.dataTypes.join(",")}"`);
	        }
	    });
	    narrowSchemaTypes(it, types);
	}
	function checkMultipleTypes(it, ts) {
	    if (ts.length > 1 && !(ts.length === 2 && ts.includes("null"))) {
	        strictTypesError(it, "use allowUnionTypes to allow union type keyword");
	    }
	}
	function checkKeywordTypes(it, ts) {
	    const rules = it.self.RULES.all;
	    for (const keyword in rules) {
	        const rule = rules[keyword];
	        if (typeof rule == "object" && (0, applicability_1.shouldUseRule)(it.schema, rule)) {
	            const { type } = rule.definition;
	            if (type.length && !type.some((t) => hasApplicableType(ts, t))) {
	                strictTypesError(it, `missing type "${type.join(",")}" for keyword "${keyword}"`);
	            }
	        }
	    }
	}
	function hasApplicableType(schTs, kwdT) {
	    return schTs.includes(kwdT) || (kwdT === "number" && schTs.includes("integer"));
	}
	function includesType(ts, t) {
	    return ts.includes(t) || (t === "integer" && ts.includes("number"));
	}
	function narrowSchemaTypes(it, withTypes) {
	    const ts = [];
	    for (const t of it.dataTypes) {
	        if (includesType(withTypes, t))
	            ts.push(t);
	        else if (withTypes.includes("integer") && t === "number")
	            ts.push("integer");
	    }
	    it.dataTypes = ts;
	}
	function strictTypesError(it, msg) {
	    const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
	    msg += ` at "${schemaPath}" (strictTypes)`;
	    (0, util_1.checkStrictMode)(it, msg, it.opts.strictTypes);
	}
	class KeywordCxt {
	    constructor(it, def, keyword) {
	        (0, keyword_1.validateKeywordUsage)(it, def, keyword);
	        this.gen = it.gen;
	        this.allErrors = it.allErrors;
	        this.keyword = keyword;
	        this.data = it.data;
	        this.schema = it.schema[keyword];
	        this.$data = def.$data && it.opts.$data && this.schema && this.schema.$data;
	        this.schemaValue = (0, util_1.schemaRefOrVal)(it, this.schema, keyword, this.$data);
	        this.schemaType = def.schemaType;
	        this.parentSchema = it.schema;
	        this.params = {};
	        this.it = it;
	        this.def = def;
	        if (this.$data) {
	            this.schemaCode = it.gen.const("vSchema", getData(this.$data, it));
	        }
	        else {
	            this.schemaCode = this.schemaValue;
	            if (!(0, keyword_1.validSchemaType)(this.schema, def.schemaType, def.allowUndefined)) {
	                throw new Error(`${keyword} value must be ${JSON.stringify(def.schemaType)}`);
	            }
	        }
	        if ("code" in def ? def.trackErrors : def.errors !== false) {
	            this.errsCount = it.gen.const("_errs", names_1.default.errors);
	        }
	    }
	    result(condition, successAction, failAction) {
	        this.failResult((0, codegen_1.not)(condition), successAction, failAction);
	    }
	    failResult(condition, successAction, failAction) {
	        this.gen.if(condition);
	        if (failAction)
	            failAction();
	        else
	            this.error();
	        if (successAction) {
	            this.gen.else();
	            successAction();
	            if (this.allErrors)
	                this.gen.endIf();
	        }
	        else {
	            if (this.allErrors)
	                this.gen.endIf();
	            else
	                this.gen.else();
	        }
	    }
	    pass(condition, failAction) {
	        this.failResult((0, codegen_1.not)(condition), undefined, failAction);
	    }
	    fail(condition) {
	        if (condition === undefined) {
	            this.error();
	            if (!this.allErrors)
	                this.gen.if(false); // this branch will be removed by gen.optimize
	            return;
	        }
	        this.gen.if(condition);
	        this.error();
	        if (this.allErrors)
	            this.gen.endIf();
	        else
	            this.gen.else();
	    }
	    fail$data(condition) {
	        if (!this.$data)
	            return this.fail(condition);
	        const { schemaCode } = this;
	        this.fail((0, codegen_1._) `${schemaCode} !== undefined && (${(0, codegen_1.or)(this.invalid$data(), condition)})`);
	    }
	    error(append, errorParams, errorPaths) {
	        if (errorParams) {
	            this.setParams(errorParams);
	            this._error(append, errorPaths);
	            this.setParams({});
	            return;
	        }
	        this._error(append, errorPaths);
	    }
	    _error(append, errorPaths) {
	        (append ? errors_1.reportExtraError : errors_1.reportError)(this, this.def.error, errorPaths);
	    }
	    $dataError() {
	        (0, errors_1.reportError)(this, this.def.$dataError || errors_1.keyword$DataError);
	    }
	    reset() {
	        if (this.errsCount === undefined)
	            throw new Error('add "trackErrors" to keyword definition');
	        (0, errors_1.resetErrorsCount)(this.gen, this.errsCount);
	    }
	    ok(cond) {
	        if (!this.allErrors)
	            this.gen.if(cond);
	    }
	    setParams(obj, assign) {
	        if (assign)
	            Object.assign(this.params, obj);
	        else
	            this.params = obj;
	    }
	    block$data(valid, codeBlock, $dataValid = codegen_1.nil) {
	        this.gen.block(() => {
	            this.check$data(valid, $dataValid);
	            codeBlock();
	        });
	    }
	    check$data(valid = codegen_1.nil, $dataValid = codegen_1.nil) {
	        if (!this.$data)
	            return;
	        const { gen, schemaCode, schemaType, def } = this;
	        gen.if((0, codegen_1.or)((0, codegen_1._) `${schemaCode} === undefined`, $dataValid));
	        if (valid !== codegen_1.nil)
	            gen.assign(valid, true);
	        if (schemaType.length || def.validateSchema) {
	            gen.elseIf(this.invalid$data());
	            this.$dataError();
	            if (valid !== codegen_1.nil)
	                gen.assign(valid, false);
	        }
	        gen.else();
	    }
	    invalid$data() {
	        const { gen, schemaCode, schemaType, def, it } = this;
	        return (0, codegen_1.or)(wrong$DataType(), invalid$DataSchema());
	        function wrong$DataType() {
	            if (schemaType.length) {
	                /* istanbul ignore if */
	                if (!(schemaCode instanceof codegen_1.Name))
	                    throw new Error("ajv implementation error");
	                const st = Array.isArray(schemaType) ? schemaType : [schemaType];
	                return (0, codegen_1._) `${(0, dataType_2.checkDataTypes)(st, schemaCode, it.opts.strictNumbers, dataType_2.DataType.Wrong)}`;
	            }
	            return codegen_1.nil;
	        }
	        function invalid$DataSchema() {
	            if (def.validateSchema) {
	                const validateSchemaRef = gen.scopeValue("validate$data", { ref: def.validateSchema }); // TODO value.code for standalone
	                return (0, codegen_1._) `!${validateSchemaRef}(${schemaCode})`;
	            }
	            return codegen_1.nil;
	        }
	    }
	    subschema(appl, valid) {
	        const subschema = (0, subschema_1.getSubschema)(this.it, appl);
	        (0, subschema_1.extendSubschemaData)(subschema, this.it, appl);
	        (0, subschema_1.extendSubschemaMode)(subschema, appl);
	        const nextContext = { ...this.it, ...subschema, items: undefined, props: undefined };
	        subschemaCode(nextContext, valid);
	        return nextContext;
	    }
	    mergeEvaluated(schemaCxt, toName) {
	        const { it, gen } = this;
	        if (!it.opts.unevaluated)
	            return;
	        if (it.props !== true && schemaCxt.props !== undefined) {
	            it.props = util_1.mergeEvaluated.props(gen, schemaCxt.props, it.props, toName);
	        }
	        if (it.items !== true && schemaCxt.items !== undefined) {
	            it.items = util_1.mergeEvaluated.items(gen, schemaCxt.items, it.items, toName);
	        }
	    }
	    mergeValidEvaluated(schemaCxt, valid) {
	        const { it, gen } = this;
	        if (it.opts.unevaluated && (it.props !== true || it.items !== true)) {
	            gen.if(valid, () => this.mergeEvaluated(schemaCxt, codegen_1.Name));
	            return true;
	        }
	    }
	}
	validate$1.KeywordCxt = KeywordCxt;
	function keywordCode(it, keyword, def, ruleType) {
	    const cxt = new KeywordCxt(it, def, keyword);
	    if ("code" in def) {
	        def.code(cxt, ruleType);
	    }
	    else if (cxt.$data && def.validate) {
	        (0, keyword_1.funcKeywordCode)(cxt, def);
	    }
	    else if ("macro" in def) {
	        (0, keyword_1.macroKeywordCode)(cxt, def);
	    }
	    else if (def.compile || def.validate) {
	        (0, keyword_1.funcKeywordCode)(cxt, def);
	    }
	}
	const JSON_POINTER = /^\/(?:[^~]|~0|~1)*$/;
	const RELATIVE_JSON_POINTER = /^([0-9]+)(#|\/(?:[^~]|~0|~1)*)?$/;
	function getData($data, { dataLevel, dataNames, dataPathArr }) {
	    let jsonPointer;
	    let data;
	    if ($data === "")
	        return names_1.default.rootData;
	    if ($data[0] === "/") {
	        if (!JSON_POINTER.test($data))
	            throw new Error(`Invalid JSON-pointer: ${$data}`);
	        jsonPointer = $data;
	        data = names_1.default.rootData;
	    }
	    else {
	        const matches = RELATIVE_JSON_POINTER.exec($data);
	        if (!matches)
	            throw new Error(`Invalid JSON-pointer: ${$data}`);
	        const up = +matches[1];
	        jsonPointer = matches[2];
	        if (jsonPointer === "#") {
	            if (up >= dataLevel)
	                throw new Error(errorMsg("property/index", up));
	            return dataPathArr[dataLevel - up];
	        }
	        if (up > dataLevel)
	            throw new Error(errorMsg("data", up));
	        data = dataNames[dataLevel - up];
	        if (!jsonPointer)
	            return data;
	    }
	    let expr = data;
	    const segments = jsonPointer.split("/");
	    for (const segment of segments) {
	        if (segment) {
	            data = (0, codegen_1._) `${data}${(0, codegen_1.getProperty)((0, util_1.unescapeJsonPointer)(segment))}`;
	            expr = (0, codegen_1._) `${expr} && ${data}`;
	        }
	    }
	    return expr;
	    function errorMsg(pointerType, up) {
	        return `Cannot access ${pointerType} ${up} levels up, current level is ${dataLevel}`;
	    }
	}
	validate$1.getData = getData;
	
	return validate$1;
}

var validation_error = {};

var hasRequiredValidation_error;

function requireValidation_error () {
	if (hasRequiredValidation_error) return validation_error;
	hasRequiredValidation_error = 1;
	Object.defineProperty(validation_error, "__esModule", { value: true });
	class ValidationError extends Error {
	    constructor(errors) {
	        super("validation failed");
	        this.errors = errors;
	        this.ajv = this.validation = true;
	    }
	}
	validation_error.default = ValidationError;
	
	return validation_error;
}

var ref_error = {};

var hasRequiredRef_error;

function requireRef_error () {
	if (hasRequiredRef_error) return ref_error;
	hasRequiredRef_error = 1;
	Object.defineProperty(ref_error, "__esModule", { value: true });
	const resolve_1 = /*@__PURE__*/ requireResolve();
	class MissingRefError extends Error {
	    constructor(resolver, baseId, ref, msg) {
	        super(msg || `can't resolve reference ${ref} from id ${baseId}`);
	        this.missingRef = (0, resolve_1.resolveUrl)(resolver, baseId, ref);
	        this.missingSchema = (0, resolve_1.normalizeId)((0, resolve_1.getFullPath)(resolver, this.missingRef));
	    }
	}
	ref_error.default = MissingRefError;
	
	return ref_error;
}

var compile = {};

var hasRequiredCompile;

function requireCompile () {
	if (hasRequiredCompile) return compile;
	hasRequiredCompile = 1;
	Object.defineProperty(compile, "__esModule", { value: true });
	compile.resolveSchema = compile.getCompilingSchema = compile.resolveRef = compile.compileSchema = compile.SchemaEnv = void 0;
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const validation_error_1 = /*@__PURE__*/ requireValidation_error();
	const names_1 = /*@__PURE__*/ requireNames();
	const resolve_1 = /*@__PURE__*/ requireResolve();
	const util_1 = /*@__PURE__*/ requireUtil();
	const validate_1 = /*@__PURE__*/ requireValidate();
	class SchemaEnv {
	    constructor(env) {
	        var _a;
	        this.refs = {};
	        this.dynamicAnchors = {};
	        let schema;
	        if (typeof env.schema == "object")
	            schema = env.schema;
	        this.schema = env.schema;
	        this.schemaId = env.schemaId;
	        this.root = env.root || this;
	        this.baseId = (_a = env.baseId) !== null && _a !== void 0 ? _a : (0, resolve_1.normalizeId)(schema === null || schema === void 0 ? void 0 : schema[env.schemaId || "$id"]);
	        this.schemaPath = env.schemaPath;
	        this.localRefs = env.localRefs;
	        this.meta = env.meta;
	        this.$async = schema === null || schema === void 0 ? void 0 : schema.$async;
	        this.refs = {};
	    }
	}
	compile.SchemaEnv = SchemaEnv;
	// let codeSize = 0
	// let nodeCount = 0
	// Compiles schema in SchemaEnv
	function compileSchema(sch) {
	    // TODO refactor - remove compilations
	    const _sch = getCompilingSchema.call(this, sch);
	    if (_sch)
	        return _sch;
	    const rootId = (0, resolve_1.getFullPath)(this.opts.uriResolver, sch.root.baseId); // TODO if getFullPath removed 1 tests fails
	    const { es5, lines } = this.opts.code;
	    const { ownProperties } = this.opts;
	    const gen = new codegen_1.CodeGen(this.scope, { es5, lines, ownProperties });
	    let _ValidationError;
	    if (sch.$async) {
	        _ValidationError = gen.scopeValue("Error", {
	            ref: validation_error_1.default,
	            code: (0, codegen_1._) `require("ajv/dist/runtime/validation_error").default`,
	        });
	    }
	    const validateName = gen.scopeName("validate");
	    sch.validateName = validateName;
	    const schemaCxt = {
	        gen,
	        allErrors: this.opts.allErrors,
	        data: names_1.default.data,
	        parentData: names_1.default.parentData,
	        parentDataProperty: names_1.default.parentDataProperty,
	        dataNames: [names_1.default.data],
	        dataPathArr: [codegen_1.nil], // TODO can its length be used as dataLevel if nil is removed?
	        dataLevel: 0,
	        dataTypes: [],
	        definedProperties: new Set(),
	        topSchemaRef: gen.scopeValue("schema", this.opts.code.source === true
	            ? { ref: sch.schema, code: (0, codegen_1.stringify)(sch.schema) }
	            : { ref: sch.schema }),
	        validateName,
	        ValidationError: _ValidationError,
	        schema: sch.schema,
	        schemaEnv: sch,
	        rootId,
	        baseId: sch.baseId || rootId,
	        schemaPath: codegen_1.nil,
	        errSchemaPath: sch.schemaPath || (this.opts.jtd ? "" : "#"),
	        errorPath: (0, codegen_1._) `""`,
	        opts: this.opts,
	        self: this,
	    };
	    let sourceCode;
	    try {
	        this._compilations.add(sch);
	        (0, validate_1.validateFunctionCode)(schemaCxt);
	        gen.optimize(this.opts.code.optimize);
	        // gen.optimize(1)
	        const validateCode = gen.toString();
	        sourceCode = `${gen.scopeRefs(names_1.default.scope)}return ${validateCode}`;
	        // console.log((codeSize += sourceCode.length), (nodeCount += gen.nodeCount))
	        if (this.opts.code.process)
	            sourceCode = this.opts.code.process(sourceCode, sch);
	        // console.log("\n\n\n *** \n", sourceCode)
	        const makeValidate = new Function(`${names_1.default.self}`, `${names_1.default.scope}`, sourceCode);
	        const validate = makeValidate(this, this.scope.get());
	        this.scope.value(validateName, { ref: validate });
	        validate.errors = null;
	        validate.schema = sch.schema;
	        validate.schemaEnv = sch;
	        if (sch.$async)
	            validate.$async = true;
	        if (this.opts.code.source === true) {
	            validate.source = { validateName, validateCode, scopeValues: gen._values };
	        }
	        if (this.opts.unevaluated) {
	            const { props, items } = schemaCxt;
	            validate.evaluated = {
	                props: props instanceof codegen_1.Name ? undefined : props,
	                items: items instanceof codegen_1.Name ? undefined : items,
	                dynamicProps: props instanceof codegen_1.Name,
	                dynamicItems: items instanceof codegen_1.Name,
	            };
	            if (validate.source)
	                validate.source.evaluated = (0, codegen_1.stringify)(validate.evaluated);
	        }
	        sch.validate = validate;
	        return sch;
	    }
	    catch (e) {
	        delete sch.validate;
	        delete sch.validateName;
	        if (sourceCode)
	            this.logger.error("Error compiling schema, function code:", sourceCode);
	        // console.log("\n\n\n *** \n", sourceCode, this.opts)
	        throw e;
	    }
	    finally {
	        this._compilations.delete(sch);
	    }
	}
	compile.compileSchema = compileSchema;
	function resolveRef(root, baseId, ref) {
	    var _a;
	    ref = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, ref);
	    const schOrFunc = root.refs[ref];
	    if (schOrFunc)
	        return schOrFunc;
	    let _sch = resolve.call(this, root, ref);
	    if (_sch === undefined) {
	        const schema = (_a = root.localRefs) === null || _a === void 0 ? void 0 : _a[ref]; // TODO maybe localRefs should hold SchemaEnv
	        const { schemaId } = this.opts;
	        if (schema)
	            _sch = new SchemaEnv({ schema, schemaId, root, baseId });
	    }
	    if (_sch === undefined)
	        return;
	    return (root.refs[ref] = inlineOrCompile.call(this, _sch));
	}
	compile.resolveRef = resolveRef;
	function inlineOrCompile(sch) {
	    if ((0, resolve_1.inlineRef)(sch.schema, this.opts.inlineRefs))
	        return sch.schema;
	    return sch.validate ? sch : compileSchema.call(this, sch);
	}
	// Index of schema compilation in the currently compiled list
	function getCompilingSchema(schEnv) {
	    for (const sch of this._compilations) {
	        if (sameSchemaEnv(sch, schEnv))
	            return sch;
	    }
	}
	compile.getCompilingSchema = getCompilingSchema;
	function sameSchemaEnv(s1, s2) {
	    return s1.schema === s2.schema && s1.root === s2.root && s1.baseId === s2.baseId;
	}
	// resolve and compile the references ($ref)
	// TODO returns AnySchemaObject (if the schema can be inlined) or validation function
	function resolve(root, // information about the root schema for the current schema
	ref // reference to resolve
	) {
	    let sch;
	    while (typeof (sch = this.refs[ref]) == "string")
	        ref = sch;
	    return sch || this.schemas[ref] || resolveSchema.call(this, root, ref);
	}
	// Resolve schema, its root and baseId
	function resolveSchema(root, // root object with properties schema, refs TODO below SchemaEnv is assigned to it
	ref // reference to resolve
	) {
	    const p = this.opts.uriResolver.parse(ref);
	    const refPath = (0, resolve_1._getFullPath)(this.opts.uriResolver, p);
	    let baseId = (0, resolve_1.getFullPath)(this.opts.uriResolver, root.baseId, undefined);
	    // TODO `Object.keys(root.schema).length > 0` should not be needed - but removing breaks 2 tests
	    if (Object.keys(root.schema).length > 0 && refPath === baseId) {
	        return getJsonPointer.call(this, p, root);
	    }
	    const id = (0, resolve_1.normalizeId)(refPath);
	    const schOrRef = this.refs[id] || this.schemas[id];
	    if (typeof schOrRef == "string") {
	        const sch = resolveSchema.call(this, root, schOrRef);
	        if (typeof (sch === null || sch === void 0 ? void 0 : sch.schema) !== "object")
	            return;
	        return getJsonPointer.call(this, p, sch);
	    }
	    if (typeof (schOrRef === null || schOrRef === void 0 ? void 0 : schOrRef.schema) !== "object")
	        return;
	    if (!schOrRef.validate)
	        compileSchema.call(this, schOrRef);
	    if (id === (0, resolve_1.normalizeId)(ref)) {
	        const { schema } = schOrRef;
	        const { schemaId } = this.opts;
	        const schId = schema[schemaId];
	        if (schId)
	            baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
	        return new SchemaEnv({ schema, schemaId, root, baseId });
	    }
	    return getJsonPointer.call(this, p, schOrRef);
	}
	compile.resolveSchema = resolveSchema;
	const PREVENT_SCOPE_CHANGE = new Set([
	    "properties",
	    "patternProperties",
	    "enum",
	    "dependencies",
	    "definitions",
	]);
	function getJsonPointer(parsedRef, { baseId, schema, root }) {
	    var _a;
	    if (((_a = parsedRef.fragment) === null || _a === void 0 ? void 0 : _a[0]) !== "/")
	        return;
	    for (const part of parsedRef.fragment.slice(1).split("/")) {
	        if (typeof schema === "boolean")
	            return;
	        const partSchema = schema[(0, util_1.unescapeFragment)(part)];
	        if (partSchema === undefined)
	            return;
	        schema = partSchema;
	        // TODO PREVENT_SCOPE_CHANGE could be defined in keyword def?
	        const schId = typeof schema === "object" && schema[this.opts.schemaId];
	        if (!PREVENT_SCOPE_CHANGE.has(part) && schId) {
	            baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
	        }
	    }
	    let env;
	    if (typeof schema != "boolean" && schema.$ref && !(0, util_1.schemaHasRulesButRef)(schema, this.RULES)) {
	        const $ref = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schema.$ref);
	        env = resolveSchema.call(this, root, $ref);
	    }
	    // even though resolution failed we need to return SchemaEnv to throw exception
	    // so that compileAsync loads missing schema.
	    const { schemaId } = this.opts;
	    env = env || new SchemaEnv({ schema, schemaId, root, baseId });
	    if (env.schema !== env.root.schema)
	        return env;
	    return undefined;
	}
	
	return compile;
}

var $id$2 = "https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#";
var description = "Meta-schema for $data reference (JSON AnySchema extension proposal)";
var type$3 = "object";
var required$2 = [
	"$data"
];
var properties$3 = {
	$data: {
		type: "string",
		anyOf: [
			{
				format: "relative-json-pointer"
			},
			{
				format: "json-pointer"
			}
		]
	}
};
var additionalProperties$2 = false;
var require$$9 = {
	$id: $id$2,
	description: description,
	type: type$3,
	required: required$2,
	properties: properties$3,
	additionalProperties: additionalProperties$2
};

var uri = {};

var fastUri = {exports: {}};

var utils;
var hasRequiredUtils;

function requireUtils () {
	if (hasRequiredUtils) return utils;
	hasRequiredUtils = 1;

	/** @type {(value: string) => boolean} */
	const isUUID = RegExp.prototype.test.bind(/^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/iu);

	/** @type {(value: string) => boolean} */
	const isIPv4 = RegExp.prototype.test.bind(/^(?:(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)$/u);

	/** @type {(value: string) => boolean} */
	const isPort = RegExp.prototype.test.bind(/^\d*$/u);

	/** @type {(value: string) => boolean} */
	const isHexPair = RegExp.prototype.test.bind(/^[\da-f]{2}$/iu);

	/** @type {(value: string) => boolean} */
	const isUnreserved = RegExp.prototype.test.bind(/^[\da-z\-._~]$/iu);

	/** @type {(value: string) => boolean} */
	const isPathCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/]$/u);

	/** @type {(value: string) => boolean} */
	const isQueryFragmentCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/?]$/u);

	/** @type {(value: string) => boolean} */
	const isUserinfoCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:]$/u);

	const BYTE_HEX = new Array(256);
	{
	  const HEX_DIGITS = '0123456789ABCDEF';
	  for (let i = 0; i < 256; i++) {
	    BYTE_HEX[i] = '%' + HEX_DIGITS[i >> 4] + HEX_DIGITS[i & 0xF];
	  }
	}
	function percentEncodeNonAscii (cp) {
	  if (cp < 0x800) {
	    return BYTE_HEX[0xC0 | (cp >> 6)] +
	           BYTE_HEX[0x80 | (cp & 0x3F)]
	  }
	  if (cp < 0x10000) {
	    return BYTE_HEX[0xE0 | (cp >> 12)] +
	           BYTE_HEX[0x80 | ((cp >> 6) & 0x3F)] +
	           BYTE_HEX[0x80 | (cp & 0x3F)]
	  }
	  return BYTE_HEX[0xF0 | (cp >> 18)] +
	         BYTE_HEX[0x80 | ((cp >> 12) & 0x3F)] +
	         BYTE_HEX[0x80 | ((cp >> 6) & 0x3F)] +
	         BYTE_HEX[0x80 | (cp & 0x3F)]
	}

	/**
	 * @param {Array<string>} input
	 * @returns {string}
	 */
	function stringArrayToHexStripped (input) {
	  let acc = '';
	  let code = 0;
	  let i = 0;

	  for (i = 0; i < input.length; i++) {
	    code = input[i].charCodeAt(0);
	    if (code === 48) {
	      continue
	    }
	    if (!((code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102))) {
	      return ''
	    }
	    acc += input[i];
	    break
	  }

	  for (i += 1; i < input.length; i++) {
	    code = input[i].charCodeAt(0);
	    if (!((code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102))) {
	      return ''
	    }
	    acc += input[i];
	  }
	  return acc
	}

	/** @type {(value: string) => boolean} */
	const isHextet = RegExp.prototype.test.bind(/^[\dA-Fa-f]{1,4}$/);

	/** @type {(value: string) => boolean} */
	const isIPvFuture = RegExp.prototype.test.bind(/^[vV][\dA-Fa-f]+\.[A-Za-z\d\-._~!$&'()*+,;=:]+$/);

	/** @type {(value: string) => boolean} */
	const isZoneCharacter = RegExp.prototype.test.bind(/^[A-Za-z\d\-._~]$/);

	/**
	 * @param {string} value
	 * @returns {boolean}
	 */
	const nonSimpleDomain = RegExp.prototype.test.bind(/[^!"$&'()*+,\-.;=_`a-z{}~]/u);

	/**
	 * @param {string} zone
	 * @returns {boolean}
	 */
	function isZoneIdentifier (zone) {
	  if (zone.length === 0) return false

	  for (let i = 0; i < zone.length; i++) {
	    if (isZoneCharacter(zone[i])) continue
	    if (zone[i] === '%' && i + 2 < zone.length && isHexPair(zone.slice(i + 1, i + 3))) {
	      i += 2;
	      continue
	    }
	    return false
	  }

	  return true
	}

	/**
	 * Compresses the longest run of zero hextets to "::" per RFC 5952. A run of a
	 * single zero hextet is left uncompressed. On ties the leftmost run wins.
	 *
	 * @param {string[]} hextets
	 * @returns {string}
	 */
	function compressIPv6ZeroRun (hextets) {
	  let bestStart = -1;
	  let bestLength = 0;
	  let runStart = -1;
	  let runLength = 0;
	  for (let i = 0; i < hextets.length; i++) {
	    if (hextets[i] === '0') {
	      if (runStart === -1) runStart = i;
	      runLength++;
	      if (runLength > bestLength) {
	        bestLength = runLength;
	        bestStart = runStart;
	      }
	    } else {
	      runStart = -1;
	      runLength = 0;
	    }
	  }

	  if (bestLength < 2) return hextets.join(':')

	  const head = hextets.slice(0, bestStart).join(':');
	  const tail = hextets.slice(bestStart + bestLength).join(':');
	  return head + '::' + tail
	}

	/**
	 * Validates an IPv6 address against the alternatives in RFC 3986 section
	 * 3.2.2 and returns the same address with leading hextet zeroes removed.
	 * An embedded IPv4 address counts as two hextets and is only valid at the end.
	 *
	 * @param {string} input
	 * @returns {string|undefined}
	 */
	function normalizeIPv6Address (input) {
	  const compression = input.indexOf('::');
	  if (compression !== -1 && input.indexOf('::', compression + 1) !== -1) return undefined

	  const left = compression === -1 ? input.split(':') : input.slice(0, compression).split(':');
	  const right = compression === -1 ? [] : input.slice(compression + 2).split(':');
	  if (compression !== -1) {
	    if (left.length === 1 && left[0] === '') left.length = 0;
	    if (right.length === 1 && right[0] === '') right.length = 0;
	  }

	  const parts = left.concat(right);
	  let hextetCount = 0;
	  for (let i = 0; i < parts.length; i++) {
	    const part = parts[i];
	    if (part === '') return undefined

	    if (part.indexOf('.') !== -1) {
	      if (i !== parts.length - 1 || (compression !== -1 && right.length === 0) || !isIPv4(part)) return undefined
	      hextetCount += 2;
	      continue
	    }

	    if (!isHextet(part)) return undefined
	    parts[i] = parseInt(part, 16).toString(16);
	    hextetCount++;
	  }

	  if (compression === -1) {
	    if (hextetCount !== 8) return undefined
	    return compressIPv6ZeroRun(parts)
	  }
	  if (hextetCount >= 8) return undefined

	  // expand "::" then re-compress the longest run for a canonical result
	  const expanded = parts.slice(0, left.length);
	  for (let i = hextetCount; i < 8; i++) expanded.push('0');
	  for (let i = left.length; i < parts.length; i++) expanded.push(parts[i]);
	  return compressIPv6ZeroRun(expanded)
	}

	/**
	 * @typedef {Object} NormalizeIPv6Result
	 * @property {string} host - The normalized host.
	 * @property {string} [escapedHost] - The escaped host.
	 * @property {boolean} isIPV6 - Indicates if the host is an IPv6 address.
	 * @property {boolean} [isIPVFuture] - Indicates if the host is an IPvFuture literal.
	 * @property {boolean} [error] - Indicates if a bracketed IP literal is malformed.
	 */

	/**
	 * Validates and normalizes a bracketed IP literal. Raw zone separators remain
	 * accepted for backwards compatibility, while encoded separators and zone
	 * contents follow RFC 6874.
	 *
	 * @param {string} host
	 * @returns {NormalizeIPv6Result}
	 */
	function normalizeIPv6 (host) {
	  const bracketed = host[0] === '[' && host[host.length - 1] === ']';
	  const hasBracket = host[0] === '[' || host[host.length - 1] === ']';
	  if (hasBracket && !bracketed) return { host, isIPV6: false, error: true }

	  let input = bracketed ? host.slice(1, -1) : host;
	  if (bracketed && isIPvFuture(input)) {
	    input = input.toLowerCase();
	    return { host: `[${input}]`, escapedHost: input, isIPV6: false, isIPVFuture: true }
	  }

	  if (findToken(input, ':') < 2) {
	    return { host, isIPV6: false, error: bracketed }
	  }

	  let zoneIdentifier = '';
	  const zoneSeparator = input.indexOf('%');
	  if (zoneSeparator !== -1) {
	    const separatorLength = input.slice(zoneSeparator, zoneSeparator + 3).toLowerCase() === '%25' ? 3 : 1;
	    zoneIdentifier = input.slice(zoneSeparator + separatorLength);
	    if (!isZoneIdentifier(zoneIdentifier)) return { host, isIPV6: false, error: true }
	    input = input.slice(0, zoneSeparator);
	  }

	  const address = normalizeIPv6Address(input);
	  if (address === undefined) return { host, isIPV6: false, error: true }

	  return {
	    host: address + (zoneIdentifier ? '%' + zoneIdentifier : ''),
	    escapedHost: address + (zoneIdentifier ? '%25' + zoneIdentifier : ''),
	    isIPV6: true
	  }
	}

	/**
	 * @param {string} str
	 * @param {string} token
	 * @returns {number}
	 */
	function findToken (str, token) {
	  let ind = 0;
	  for (let i = 0; i < str.length; i++) {
	    if (str[i] === token) ind++;
	  }
	  return ind
	}

	/**
	 * @param {string} path
	 * @returns {string}
	 *
	 * @see https://datatracker.ietf.org/doc/html/rfc3986#section-5.2.4
	 */
	function removeDotSegments (path) {
	  let input = path;
	  const output = [];
	  let nextSlash = -1;
	  let len = 0;

	  // eslint-disable-next-line no-cond-assign
	  while (len = input.length) {
	    if (len === 1) {
	      if (input === '.') {
	        break
	      } else if (input === '/') {
	        output.push('/');
	        break
	      } else {
	        output.push(input);
	        break
	      }
	    } else if (len === 2) {
	      if (input[0] === '.') {
	        if (input[1] === '.') {
	          break
	        } else if (input[1] === '/') {
	          input = input.slice(2);
	          continue
	        }
	      } else if (input[0] === '/') {
	        if (input[1] === '.' || input[1] === '/') {
	          output.push('/');
	          break
	        }
	      }
	    } else if (len === 3) {
	      if (input === '/..') {
	        if (output.length !== 0) {
	          output.pop();
	        }
	        output.push('/');
	        break
	      }
	    }
	    if (input[0] === '.') {
	      if (input[1] === '.') {
	        if (input[2] === '/') {
	          input = input.slice(3);
	          continue
	        }
	      } else if (input[1] === '/') {
	        input = input.slice(2);
	        continue
	      }
	    } else if (input[0] === '/') {
	      if (input[1] === '.') {
	        if (input[2] === '/') {
	          input = input.slice(2);
	          continue
	        } else if (input[2] === '.') {
	          if (input[3] === '/') {
	            input = input.slice(3);
	            if (output.length !== 0) {
	              output.pop();
	            }
	            continue
	          }
	        }
	      }
	    }

	    // Rule 2E: Move normal path segment to output
	    if ((nextSlash = input.indexOf('/', 1)) === -1) {
	      output.push(input);
	      break
	    } else {
	      output.push(input.slice(0, nextSlash));
	      input = input.slice(nextSlash);
	    }
	  }

	  return output.join('')
	}

	/**
	 * Removes dot segments from the path of a relative reference (a path that does
	 * not start with "/") without changing what it resolves to against any base.
	 * Unlike `removeDotSegments`, leading ".." segments that cannot be collapsed
	 * are kept, the result never becomes root-relative, and a result that would be
	 * empty or start with an empty segment is prefixed with "." (an empty path
	 * means "same document" and a leading "//" would introduce an authority).
	 *
	 * @param {string} path
	 * @returns {string}
	 */
	function removeDotSegmentsRelative (path) {
	  if (path === '' || path[0] === '/') {
	    return removeDotSegments(path)
	  }

	  const segments = path.split('/');
	  const last = segments.length - 1;
	  /** @type {string[]} */
	  const output = [];
	  let trailingDirectory = false;

	  for (let i = 0; i <= last; i++) {
	    const segment = segments[i];
	    if (segment === '.' || segment === '..') {
	      if (segment === '..') {
	        if (output.length !== 0 && output[output.length - 1] !== '..') {
	          output.pop();
	        } else {
	          output.push('..');
	        }
	      }
	      trailingDirectory = i === last;
	    } else {
	      output.push(segment);
	    }
	  }

	  if (trailingDirectory && output[output.length - 1] !== '..') {
	    output.push('');
	  }
	  if (output.length === 0 || output[0] === '' || output[0].includes(':')) {
	    // An empty path, a leading empty segment ("//"), or a first segment
	    // containing ":" (which would be mistaken for a scheme, RFC 3986 section
	    // 4.2) must stay behind a "." segment so the reference keeps its meaning.
	    output.unshift('.');
	  }

	  return output.join('/')
	}

	/**
	 * Re-escape RFC 3986 gen-delims that must not appear literally in the host.
	 * After the URI regex parses, these characters cannot be literal in the host
	 * field, so any that appear after decoding came from percent-encoding and
	 * must be restored to prevent authority structure changes.
	 *
	 * @param {string} host
	 * @param {boolean} isIP - true for IPv4/IPv6 hosts (skip colon re-escaping)
	 * @returns {string}
	 */
	const HOST_DELIMS = { '@': '%40', '/': '%2F', '?': '%3F', '#': '%23', ':': '%3A' };
	const HOST_DELIM_RE = /[@/?#:]/g;
	const HOST_DELIM_NO_COLON_RE = /[@/?#]/g;

	function reescapeHostDelimiters (host, isIP) {
	  const re = isIP ? HOST_DELIM_NO_COLON_RE : HOST_DELIM_RE;
	  re.lastIndex = 0;
	  return host.replace(re, (ch) => HOST_DELIMS[ch])
	}

	/**
	 * Normalizes percent escapes and optionally decodes only unreserved ASCII bytes.
	 * Reserved delimiters such as `%2F` stay escaped; `%2E` is unreserved.
	 *
	 * @param {string} input
	 * @param {boolean} [decodeUnreserved=false]
	 * @returns {string}
	 */
	function normalizePercentEncoding (input, decodeUnreserved = false) {
	  if (input.indexOf('%') === -1) {
	    return input
	  }

	  let output = '';

	  for (let i = 0; i < input.length; i++) {
	    if (input[i] === '%' && i + 2 < input.length) {
	      const hex = input.slice(i + 1, i + 3);
	      if (isHexPair(hex)) {
	        const normalizedHex = hex.toUpperCase();
	        const decoded = String.fromCharCode(parseInt(normalizedHex, 16));

	        if (decodeUnreserved && isUnreserved(decoded)) {
	          output += decoded;
	        } else {
	          output += '%' + normalizedHex;
	        }

	        i += 2;
	        continue
	      }
	    }

	    output += input[i];
	  }

	  return output
	}

	/**
	 * Normalizes path data without turning reserved escapes into live path syntax.
	 * Valid escapes are uppercased, raw unsafe characters are escaped, and only
	 * unreserved bytes that are not `.` are decoded.
	 *
	 * @param {string} input
	 * @returns {string}
	 */
	function normalizePathEncoding (input) {
	  let output = '';

	  for (let i = 0; i < input.length; i++) {
	    const ch = input[i];
	    if (ch === '%' && i + 2 < input.length) {
	      const hex = input.slice(i + 1, i + 3);
	      if (isHexPair(hex)) {
	        const normalizedHex = hex.toUpperCase();
	        const decoded = String.fromCharCode(parseInt(normalizedHex, 16));

	        if (decoded !== '.' && isUnreserved(decoded)) {
	          output += decoded;
	        } else {
	          output += '%' + normalizedHex;
	        }

	        i += 2;
	        continue
	      }
	    }

	    if (isPathCharacter(ch)) {
	      output += ch;
	    } else {
	      const code = input.charCodeAt(i);
	      if (code < 0x80) {
	        output += isEscapeSafe(code) ? ch : BYTE_HEX[code];
	      } else if (code < 0xD800 || code > 0xDFFF) {
	        output += percentEncodeNonAscii(code);
	      } else if (code <= 0xDBFF && i + 1 < input.length) {
	        const low = input.charCodeAt(i + 1);
	        if (low >= 0xDC00 && low <= 0xDFFF) {
	          output += percentEncodeNonAscii(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00));
	          i++;
	        } else {
	          output += percentEncodeNonAscii(0xFFFD);
	        }
	      } else {
	        output += percentEncodeNonAscii(0xFFFD);
	      }
	    }
	  }

	  return output
	}

	/**
	 * Serializes a path without rewriting reserved data. Raw RFC 3986 path
	 * characters remain literal, valid escapes are preserved and uppercased, and
	 * everything else is UTF-8 percent-encoded. In a path-noscheme, a colon in the
	 * first segment must be escaped so the result cannot be parsed as a scheme.
	 *
	 * @param {string} input
	 * @param {boolean} [pathNoScheme=false]
	 * @returns {string}
	 */
	function serializePathEncoding (input, pathNoScheme = false) {
	  let output = '';
	  let firstSegment = pathNoScheme && input[0] !== '/';

	  for (let i = 0; i < input.length; i++) {
	    const ch = input[i];
	    if (ch === '%' && i + 2 < input.length) {
	      const hex = input.slice(i + 1, i + 3);
	      if (isHexPair(hex)) {
	        output += '%' + hex.toUpperCase();
	        i += 2;
	        continue
	      }
	    }

	    if (ch === '/') {
	      firstSegment = false;
	    }

	    if (isPathCharacter(ch) && (ch !== ':' || !firstSegment)) {
	      output += ch;
	    } else {
	      const code = input.charCodeAt(i);
	      if (code < 0x80) {
	        output += BYTE_HEX[code];
	      } else if (code < 0xD800 || code > 0xDFFF) {
	        output += percentEncodeNonAscii(code);
	      } else if (code <= 0xDBFF && i + 1 < input.length) {
	        const low = input.charCodeAt(i + 1);
	        if (low >= 0xDC00 && low <= 0xDFFF) {
	          output += percentEncodeNonAscii(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00));
	          i++;
	        } else {
	          output += percentEncodeNonAscii(0xFFFD);
	        }
	      } else {
	        output += percentEncodeNonAscii(0xFFFD);
	      }
	    }
	  }

	  return output
	}

	/**
	 * Percent-encodes a URI component using its RFC 3986 literal character set.
	 * Existing valid escapes are preserved and normalized to uppercase hex.
	 *
	 * @param {string} input
	 * @param {(value: string) => boolean} isAllowed
	 * @returns {string}
	 */
	function encodeComponent (input, isAllowed) {
	  let output = '';

	  for (let i = 0; i < input.length; i++) {
	    const ch = input[i];
	    if (ch === '%' && i + 2 < input.length) {
	      const hex = input.slice(i + 1, i + 3);
	      if (isHexPair(hex)) {
	        output += '%' + hex.toUpperCase();
	        i += 2;
	        continue
	      }
	    }

	    if (isAllowed(ch)) {
	      output += ch;
	    } else {
	      const code = input.charCodeAt(i);
	      if (code < 0x80) {
	        output += BYTE_HEX[code];
	      } else if (code < 0xD800 || code > 0xDFFF) {
	        output += percentEncodeNonAscii(code);
	      } else if (code <= 0xDBFF && i + 1 < input.length) {
	        const low = input.charCodeAt(i + 1);
	        if (low >= 0xDC00 && low <= 0xDFFF) {
	          output += percentEncodeNonAscii(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00));
	          i++;
	        } else {
	          output += percentEncodeNonAscii(0xFFFD);
	        }
	      } else {
	        output += percentEncodeNonAscii(0xFFFD);
	      }
	    }
	  }

	  return output
	}

	/**
	 * Encodes userinfo while preserving its RFC 3986 §3.2.1 literal characters.
	 * In particular, authority delimiters such as `@`, `/`, `?`, and `#` are data.
	 *
	 * @param {string} input
	 * @returns {string}
	 */
	function encodeUserinfo (input) {
	  return encodeComponent(input, isUserinfoCharacter)
	}

	/**
	 * Encodes query data using the RFC 3986 §3.4 grammar. A literal `#` must be
	 * escaped because it would otherwise begin the fragment component.
	 *
	 * @param {string} input
	 * @returns {string}
	 */
	function encodeQuery (input) {
	  return encodeComponent(input, isQueryFragmentCharacter)
	}

	/**
	 * Encodes fragment data using the RFC 3986 §3.5 grammar.
	 *
	 * @param {string} input
	 * @returns {string}
	 */
	function encodeFragment (input) {
	  return encodeComponent(input, isQueryFragmentCharacter)
	}

	function isEscapeSafe (cp) {
	  return (
	    (cp >= 0x30 && cp <= 0x39) ||
	    (cp >= 0x41 && cp <= 0x5A) ||
	    (cp >= 0x61 && cp <= 0x7A) ||
	    cp === 0x2A || cp === 0x2B || cp === 0x2D || cp === 0x2E ||
	    cp === 0x2F || cp === 0x40 || cp === 0x5F
	  )
	}

	/**
	 * Normalizes the percent-encoding of a query or fragment component.
	 *
	 * Like `normalizePathEncoding`, but uses the query/fragment character set
	 * (which additionally allows `?`) and decodes `.` since it has no dot-segment
	 * meaning outside of a path.
	 *
	 * @param {string} input
	 * @returns {string}
	 */
	function normalizeQueryFragmentEncoding (input) {
	  let output = '';

	  for (let i = 0; i < input.length; i++) {
	    const ch = input[i];
	    if (ch === '%' && i + 2 < input.length) {
	      const hex = input.slice(i + 1, i + 3);
	      if (isHexPair(hex)) {
	        const normalizedHex = hex.toUpperCase();
	        const decoded = String.fromCharCode(parseInt(normalizedHex, 16));

	        if (isUnreserved(decoded)) {
	          output += decoded;
	        } else {
	          output += '%' + normalizedHex;
	        }

	        i += 2;
	        continue
	      }
	    }

	    if (isQueryFragmentCharacter(ch)) {
	      output += ch;
	    } else {
	      const code = input.charCodeAt(i);
	      if (code < 0x80) {
	        output += isEscapeSafe(code) ? ch : BYTE_HEX[code];
	      } else if (code < 0xD800 || code > 0xDFFF) {
	        output += percentEncodeNonAscii(code);
	      } else if (code <= 0xDBFF && i + 1 < input.length) {
	        const low = input.charCodeAt(i + 1);
	        if (low >= 0xDC00 && low <= 0xDFFF) {
	          output += percentEncodeNonAscii(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00));
	          i++;
	        } else {
	          output += percentEncodeNonAscii(0xFFFD);
	        }
	      } else {
	        output += percentEncodeNonAscii(0xFFFD);
	      }
	    }
	  }

	  return output
	}

	/**
	 * Escapes a component while preserving existing valid percent escapes.
	 *
	 * @param {string} input
	 * @returns {string}
	 */
	function escapePreservingEscapes (input) {
	  let output = '';

	  for (let i = 0; i < input.length; i++) {
	    if (input[i] === '%' && i + 2 < input.length) {
	      const hex = input.slice(i + 1, i + 3);
	      if (isHexPair(hex)) {
	        output += '%' + hex.toUpperCase();
	        i += 2;
	        continue
	      }
	    }

	    output += escape(input[i]);
	  }

	  return output
	}

	/**
	 * @param {import('../types/index').URIComponent} component
	 * @returns {string|undefined}
	 */
	function recomposeAuthority (component) {
	  const uriTokens = [];

	  if (component.userinfo !== undefined) {
	    uriTokens.push(encodeUserinfo(component.userinfo));
	    uriTokens.push('@');
	  }

	  if (component.host !== undefined) {
	    let host = component.host;
	    if (!isIPv4(host)) {
	      let ipV6res = normalizeIPv6(host);
	      if (ipV6res.isIPV6 !== true && ipV6res.isIPVFuture !== true) {
	        // Decode only unreserved bytes, once. In particular, keep %25 encoded
	        // so it cannot introduce a second escape during recomposition.
	        host = normalizePercentEncoding(host, true);
	        ipV6res = normalizeIPv6(host);
	      }
	      if (ipV6res.isIPV6 === true || ipV6res.isIPVFuture === true) {
	        host = `[${ipV6res.escapedHost}]`;
	      } else {
	        host = reescapeHostDelimiters(host, false);
	      }
	    }
	    uriTokens.push(host);
	  }

	  if (typeof component.port === 'number' || typeof component.port === 'string') {
	    const port = String(component.port);
	    if (!isPort(port)) {
	      throw new TypeError('URI port is malformed.')
	    }
	    uriTokens.push(':');
	    uriTokens.push(port);
	  }

	  return uriTokens.length ? uriTokens.join('') : undefined
	}
	utils = {
	  nonSimpleDomain,
	  recomposeAuthority,
	  reescapeHostDelimiters,
	  normalizePercentEncoding,
	  normalizePathEncoding,
	  serializePathEncoding,
	  normalizeQueryFragmentEncoding,
	  encodeUserinfo,
	  encodeQuery,
	  encodeFragment,
	  escapePreservingEscapes,
	  removeDotSegments,
	  removeDotSegmentsRelative,
	  isIPv4,
	  isUUID,
	  normalizeIPv6,
	  stringArrayToHexStripped
	};
	return utils;
}

var schemes;
var hasRequiredSchemes;

function requireSchemes () {
	if (hasRequiredSchemes) return schemes;
	hasRequiredSchemes = 1;

	const { isUUID } = requireUtils();
	const URN_REG = /^([\da-z][\d\-a-z]{0,31}):((?:[\w!$'()*+,\-./:;=@]|%[\da-f]{2})+)$/iu;

	const supportedSchemeNames = /** @type {const} */ (['http', 'https', 'ws',
	  'wss', 'urn', 'urn:uuid']);

	/** @typedef {supportedSchemeNames[number]} SchemeName */

	/**
	 * @param {string} name
	 * @returns {name is SchemeName}
	 */
	function isValidSchemeName (name) {
	  return supportedSchemeNames.indexOf(/** @type {*} */ (name)) !== -1
	}

	/**
	 * @callback SchemeFn
	 * @param {import('../types/index').URIComponent} component
	 * @param {import('../types/index').Options} options
	 * @returns {import('../types/index').URIComponent}
	 */

	/**
	 * @typedef {Object} SchemeHandler
	 * @property {SchemeName} scheme - The scheme name.
	 * @property {boolean} [domainHost] - Indicates if the scheme supports domain hosts.
	 * @property {SchemeFn} parse - Function to parse the URI component for this scheme.
	 * @property {SchemeFn} serialize - Function to serialize the URI component for this scheme.
	 * @property {boolean} [skipNormalize] - Indicates if normalization should be skipped for this scheme.
	 * @property {boolean} [absolutePath] - Indicates if the scheme uses absolute paths.
	 * @property {boolean} [unicodeSupport] - Indicates if the scheme supports Unicode.
	 */

	/**
	 * @param {import('../types/index').URIComponent} wsComponent
	 * @returns {boolean}
	 */
	function wsIsSecure (wsComponent) {
	  if (wsComponent.secure === true) {
	    return true
	  } else if (wsComponent.secure === false) {
	    return false
	  } else if (wsComponent.scheme) {
	    return (
	      wsComponent.scheme.length === 3 &&
	      (wsComponent.scheme[0] === 'w' || wsComponent.scheme[0] === 'W') &&
	      (wsComponent.scheme[1] === 's' || wsComponent.scheme[1] === 'S') &&
	      (wsComponent.scheme[2] === 's' || wsComponent.scheme[2] === 'S')
	    )
	  } else {
	    return false
	  }
	}

	/** @type {SchemeFn} */
	function httpParse (component) {
	  if (!component.host) {
	    component.error = component.error || 'HTTP URIs must have a host.';
	  }

	  return component
	}

	/** @type {SchemeFn} */
	function httpSerialize (component) {
	  const secure = String(component.scheme).toLowerCase() === 'https';

	  // normalize the default port
	  if (component.port === (secure ? 443 : 80) || component.port === '') {
	    component.port = undefined;
	  }

	  // normalize the empty path
	  if (!component.path) {
	    component.path = '/';
	  }

	  // NOTE: We do not parse query strings for HTTP URIs
	  // as WWW Form Url Encoded query strings are part of the HTML4+ spec,
	  // and not the HTTP spec.

	  return component
	}

	/** @type {SchemeFn} */
	function wsParse (wsComponent) {
	// indicate if the secure flag is set
	  wsComponent.secure = wsIsSecure(wsComponent);

	  // construct resouce name
	  wsComponent.resourceName = (wsComponent.path || '/') + (wsComponent.query ? '?' + wsComponent.query : '');
	  wsComponent.path = undefined;
	  wsComponent.query = undefined;

	  return wsComponent
	}

	/** @type {SchemeFn} */
	function wsSerialize (wsComponent) {
	// normalize the default port
	  if (wsComponent.port === (wsIsSecure(wsComponent) ? 443 : 80) || wsComponent.port === '') {
	    wsComponent.port = undefined;
	  }

	  // ensure scheme matches secure flag
	  if (typeof wsComponent.secure === 'boolean') {
	    wsComponent.scheme = (wsComponent.secure ? 'wss' : 'ws');
	    wsComponent.secure = undefined;
	  }

	  // reconstruct path from resource name
	  if (wsComponent.resourceName) {
	    const queryIndex = wsComponent.resourceName.indexOf('?');
	    const path = queryIndex === -1
	      ? wsComponent.resourceName
	      : wsComponent.resourceName.slice(0, queryIndex);
	    wsComponent.path = (path && path !== '/' ? path : undefined);
	    wsComponent.query = queryIndex === -1
	      ? undefined
	      : wsComponent.resourceName.slice(queryIndex + 1);
	    wsComponent.resourceName = undefined;
	  }

	  // forbid fragment component
	  wsComponent.fragment = undefined;

	  return wsComponent
	}

	/** @type {SchemeFn} */
	function urnParse (urnComponent, options) {
	  if (!urnComponent.path) {
	    urnComponent.error = 'URN can not be parsed';
	    return urnComponent
	  }
	  const matches = urnComponent.path.match(URN_REG);
	  if (matches && matches[0] === urnComponent.path) {
	    const scheme = options.scheme || urnComponent.scheme || 'urn';
	    urnComponent.nid = matches[1].toLowerCase();
	    urnComponent.nss = matches[2];
	    const urnScheme = `${scheme}:${options.nid || urnComponent.nid}`;
	    const schemeHandler = getSchemeHandler(urnScheme);
	    urnComponent.path = undefined;

	    if (schemeHandler) {
	      urnComponent = schemeHandler.parse(urnComponent, options);
	    }
	  } else {
	    urnComponent.error = urnComponent.error || 'URN can not be parsed.';
	  }

	  return urnComponent
	}

	/** @type {SchemeFn} */
	function urnSerialize (urnComponent, options) {
	  if (urnComponent.nid === undefined) {
	    throw new Error('URN without nid cannot be serialized')
	  }
	  const scheme = options.scheme || urnComponent.scheme || 'urn';
	  const nid = urnComponent.nid.toLowerCase();
	  const urnScheme = `${scheme}:${options.nid || nid}`;
	  const schemeHandler = getSchemeHandler(urnScheme);

	  if (schemeHandler) {
	    urnComponent = schemeHandler.serialize(urnComponent, options);
	  }

	  const uriComponent = urnComponent;
	  const nss = urnComponent.nss;
	  uriComponent.path = `${nid || options.nid}:${nss}`;

	  options.skipEscape = true;
	  return uriComponent
	}

	/** @type {SchemeFn} */
	function urnuuidParse (urnComponent, options) {
	  const uuidComponent = urnComponent;
	  uuidComponent.uuid = uuidComponent.nss;
	  uuidComponent.nss = undefined;

	  if (!options.tolerant && (!uuidComponent.uuid || !isUUID(uuidComponent.uuid))) {
	    uuidComponent.error = uuidComponent.error || 'UUID is not valid.';
	  }

	  return uuidComponent
	}

	/** @type {SchemeFn} */
	function urnuuidSerialize (uuidComponent) {
	  const urnComponent = uuidComponent;
	  // normalize UUID
	  urnComponent.nss = (uuidComponent.uuid || '').toLowerCase();
	  return urnComponent
	}

	const http = /** @type {SchemeHandler} */ ({
	  scheme: 'http',
	  domainHost: true,
	  parse: httpParse,
	  serialize: httpSerialize
	});

	const https = /** @type {SchemeHandler} */ ({
	  scheme: 'https',
	  domainHost: http.domainHost,
	  parse: httpParse,
	  serialize: httpSerialize
	});

	const ws = /** @type {SchemeHandler} */ ({
	  scheme: 'ws',
	  domainHost: true,
	  parse: wsParse,
	  serialize: wsSerialize
	});

	const wss = /** @type {SchemeHandler} */ ({
	  scheme: 'wss',
	  domainHost: ws.domainHost,
	  parse: ws.parse,
	  serialize: ws.serialize
	});

	const urn = /** @type {SchemeHandler} */ ({
	  scheme: 'urn',
	  parse: urnParse,
	  serialize: urnSerialize,
	  skipNormalize: true
	});

	const urnuuid = /** @type {SchemeHandler} */ ({
	  scheme: 'urn:uuid',
	  parse: urnuuidParse,
	  serialize: urnuuidSerialize,
	  skipNormalize: true
	});

	const SCHEMES = /** @type {Record<SchemeName, SchemeHandler>} */ ({
	  http,
	  https,
	  ws,
	  wss,
	  urn,
	  'urn:uuid': urnuuid
	});

	Object.setPrototypeOf(SCHEMES, null);

	/**
	 * @param {string|undefined} scheme
	 * @returns {SchemeHandler|undefined}
	 */
	function getSchemeHandler (scheme) {
	  return (
	    scheme && (
	      SCHEMES[/** @type {SchemeName} */ (scheme)] ||
	      SCHEMES[/** @type {SchemeName} */(scheme.toLowerCase())])
	  ) ||
	    undefined
	}

	schemes = {
	  wsIsSecure,
	  SCHEMES,
	  isValidSchemeName,
	  getSchemeHandler,
	};
	return schemes;
}

var hasRequiredFastUri;

function requireFastUri () {
	if (hasRequiredFastUri) return fastUri.exports;
	hasRequiredFastUri = 1;

	const { normalizeIPv6, removeDotSegments, removeDotSegmentsRelative, recomposeAuthority, normalizePercentEncoding, normalizePathEncoding, serializePathEncoding, normalizeQueryFragmentEncoding, encodeQuery, encodeFragment, reescapeHostDelimiters, isIPv4, nonSimpleDomain } = requireUtils();
	const { SCHEMES, getSchemeHandler } = requireSchemes();

	const VALID_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/u;
	const MALFORMED_SCHEME_ERROR = 'URI scheme is malformed.';
	const MALFORMED_HOST_ERROR = 'URI host is malformed.';
	// ASCII characters outside the RFC 3986 reg-name set (unreserved, sub-delims
	// and "%" for pct-encoded): C0 controls, space, DEL, and "#/:<>?@[\]^`{|}.
	const FORBIDDEN_DOMAIN_HOST_CHARACTER = /[\0-\x20"#/:<>?@[\\\]^`{|}\x7F]/u;

	/**
	 * RFC 3986 section 3.1 does not allow percent-encoding in a scheme, so the
	 * scheme is validated as-is and never decoded. Decoding would let inert input
	 * such as `%6Aavascript:` become a live `javascript:` scheme.
	 *
	 * @param {string} scheme
	 * @returns {string}
	 */
	function validateScheme (scheme) {
	  const stringScheme = String(scheme);
	  if (!VALID_SCHEME.test(stringScheme)) {
	    throw new TypeError(MALFORMED_SCHEME_ERROR)
	  }
	  return stringScheme
	}

	/**
	 * @template {import('./types/index').URIComponent|string} T
	 * @param {T} uri
	 * @param {import('./types/index').Options} [options]
	 * @returns {T}
	 */
	function normalize (uri, options) {
	  if (typeof uri === 'string') {
	    uri = /** @type {T} */ (normalizeString(uri, options));
	  } else if (typeof uri === 'object') {
	    uri = /** @type {T} */ (parse(serialize(uri, options), options));
	  }
	  return uri
	}

	/**
	 * @param {string} baseURI
	 * @param {string} relativeURI
	 * @param {import('./types/index').Options} [options]
	 * @returns {string}
	 */
	function resolve (baseURI, relativeURI, options) {
	  const schemelessOptions = options ? Object.assign({ scheme: 'null' }, options) : { scheme: 'null' };
	  const {
	    parsed: baseParsed,
	    malformedAuthorityOrPort: baseMalformed,
	    malformedPercentEncoding: baseMalformedPercentEncoding,
	    malformedSchemeSpecific: baseMalformedSchemeSpecific,
	    malformedHost: baseMalformedHost,
	    malformedScheme: baseMalformedScheme
	  } = parseWithStatus(baseURI, schemelessOptions);
	  const {
	    parsed: relativeParsed,
	    malformedAuthorityOrPort: relativeMalformed,
	    malformedPercentEncoding: relativeMalformedPercentEncoding,
	    malformedSchemeSpecific: relativeMalformedSchemeSpecific,
	    malformedHost: relativeMalformedHost,
	    malformedScheme: relativeMalformedScheme
	  } = parseWithStatus(relativeURI, schemelessOptions);
	  if (
	    baseMalformed ||
	    relativeMalformed ||
	    baseMalformedPercentEncoding ||
	    relativeMalformedPercentEncoding ||
	    baseMalformedSchemeSpecific ||
	    relativeMalformedSchemeSpecific ||
	    baseMalformedHost ||
	    relativeMalformedHost ||
	    baseMalformedScheme ||
	    relativeMalformedScheme
	  ) {
	    throw new Error(baseParsed.error || relativeParsed.error || 'URI is malformed.')
	  }
	  const resolved = resolveComponent(baseParsed, relativeParsed, schemelessOptions, true);
	  const resolvedSchemeHandler = getSchemeHandler((options && options.scheme) || resolved.scheme);
	  const resolvedHost = resolved.host;
	  const resolvedHostIsIP = resolvedHost !== undefined && resolvedHost !== '' &&
	    (isIPv4(resolvedHost) || normalizeIPv6(resolvedHost).isIPV6);
	  // Inputs are parsed scheme-neutrally, so delimiters and controls in a domain
	  // host are only detected here, once the final scheme is known. They always
	  // fail closed, including in percent-encoded hosts.
	  if (hasForbiddenDomainHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP)) {
	    throw new Error(MALFORMED_HOST_ERROR)
	  }
	  canonicalizeHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP);
	  // Percent escapes in an ASCII reg-name are encoded data. The WHATWG hostname
	  // parser can reject them even though fast-uri preserves them safely as RFC
	  // 3986 data. A raw non-ASCII host must still fail closed if conversion fails.
	  const encodedASCIIHost = resolvedHost && resolvedHost.indexOf('%') !== -1 &&
	    !/\P{ASCII}/u.test(resolvedHost);
	  if (resolved.error && !encodedASCIIHost) {
	    throw new Error(resolved.error)
	  }
	  schemelessOptions.skipEscape = true;
	  return serialize(resolved, schemelessOptions)
	}

	/**
	 * @param {import ('./types/index').URIComponent} base
	 * @param {import ('./types/index').URIComponent} relative
	 * @param {import('./types/index').Options} [options]
	 * @param {boolean} [skipNormalization=false]
	 * @returns {import ('./types/index').URIComponent}
	 */
	function resolveComponent (base, relative, options, skipNormalization) {
	  /** @type {import('./types/index').URIComponent} */
	  const target = {};
	  if (!skipNormalization) {
	    base = parse(serialize(base, options), options); // normalize base component
	    relative = parse(serialize(relative, options), options); // normalize relative component
	  }
	  options = options || {};

	  if (!options.tolerant && relative.scheme) {
	    target.scheme = relative.scheme;
	    // target.authority = relative.authority;
	    target.userinfo = relative.userinfo;
	    target.host = relative.host;
	    target.port = relative.port;
	    target.path = removeDotSegments(relative.path || '');
	    target.query = relative.query;
	  } else {
	    if (relative.userinfo !== undefined || relative.host !== undefined || relative.port !== undefined) {
	      // target.authority = relative.authority;
	      target.userinfo = relative.userinfo;
	      target.host = relative.host;
	      target.port = relative.port;
	      target.path = removeDotSegments(relative.path || '');
	      target.query = relative.query;
	    } else {
	      if (!relative.path) {
	        target.path = base.path;
	        if (relative.query !== undefined) {
	          target.query = relative.query;
	        } else {
	          target.query = base.query;
	        }
	      } else {
	        if (relative.path[0] === '/') {
	          target.path = removeDotSegments(relative.path);
	        } else {
	          const baseHasAuthority = base.userinfo !== undefined || base.host !== undefined || base.port !== undefined;
	          if (baseHasAuthority && !base.path) {
	            target.path = '/' + relative.path;
	          } else if (!base.path) {
	            target.path = relative.path;
	          } else {
	            target.path = base.path.slice(0, base.path.lastIndexOf('/') + 1) + relative.path;
	          }
	          target.path = base.scheme === undefined && !baseHasAuthority && target.path[0] !== '/'
	            ? removeDotSegmentsRelative(target.path)
	            : removeDotSegments(target.path);
	        }
	        target.query = relative.query;
	      }
	      // target.authority = base.authority;
	      target.userinfo = base.userinfo;
	      target.host = base.host;
	      target.port = base.port;
	    }
	    target.scheme = base.scheme;
	  }

	  target.fragment = relative.fragment;

	  return target
	}

	/**
	 * @param {import ('./types/index').URIComponent|string} uriA
	 * @param {import ('./types/index').URIComponent|string} uriB
	 * @param {import ('./types/index').Options} options
	 * @returns {boolean}
	 */
	function equal (uriA, uriB, options) {
	  const normalizedA = normalizeComparableURI(uriA, options);
	  const normalizedB = normalizeComparableURI(uriB, options);

	  return normalizedA !== undefined && normalizedB !== undefined && normalizedA === normalizedB
	}

	/**
	 * @param {Readonly<import('./types/index').URIComponent>} cmpts
	 * @param {import('./types/index').Options} [opts]
	 * @returns {string}
	 */
	function serialize (cmpts, opts) {
	  const component = {
	    host: cmpts.host,
	    scheme: cmpts.scheme,
	    userinfo: cmpts.userinfo,
	    port: cmpts.port,
	    path: cmpts.path,
	    query: cmpts.query,
	    nid: cmpts.nid,
	    nss: cmpts.nss,
	    uuid: cmpts.uuid,
	    fragment: cmpts.fragment,
	    reference: cmpts.reference,
	    resourceName: cmpts.resourceName,
	    secure: cmpts.secure,
	    error: ''
	  };
	  const options = Object.assign({}, opts);
	  const uriTokens = [];

	  if (component.scheme) {
	    component.scheme = validateScheme(component.scheme);
	  }

	  // find scheme handler
	  const schemeHandler = getSchemeHandler(options.scheme || component.scheme);

	  // perform scheme specific serialization
	  if (schemeHandler && schemeHandler.serialize) schemeHandler.serialize(component, options);

	  const hasAuthority = component.userinfo !== undefined || component.host !== undefined || component.port !== undefined;
	  // A reference with no emitted scheme is path-noscheme: a bare ':' in its
	  // first path segment would reparse as a scheme (RFC 3986 3.3/4.2). Enforced
	  // under skipEscape too (resolve()), so the reapply below gates on this flag.
	  const schemelessReference = (component.scheme === undefined || options.reference === 'suffix') && !hasAuthority;
	  const pathNoScheme = !options.skipEscape && schemelessReference;

	  if (component.path !== undefined) {
	    if (!options.skipEscape) {
	      component.path = serializePathEncoding(component.path, pathNoScheme);
	    } else {
	      component.path = normalizePercentEncoding(component.path);
	    }
	  }

	  if (options.reference !== 'suffix' && component.scheme) {
	    // Scheme handlers may replace the scheme during serialization.
	    component.scheme = validateScheme(component.scheme);
	    uriTokens.push(component.scheme, ':');
	  }

	  const authority = recomposeAuthority(component);
	  if (authority !== undefined) {
	    if (options.reference !== 'suffix') {
	      uriTokens.push('//');
	    }

	    uriTokens.push(authority);

	    if (component.path && component.path[0] !== '/') {
	      uriTokens.push('/');
	    }
	  }
	  if (component.path !== undefined) {
	    let s = component.path;

	    if (!options.absolutePath && (!schemeHandler || !schemeHandler.absolutePath)) {
	      // A relative-path reference keeps its unresolvable leading ".." segments
	      // and must never become root-relative (RFC 3986 section 5.2.4 applies to
	      // merged target paths, not to the reference itself).
	      s = schemelessReference && s[0] !== '/'
	        ? removeDotSegmentsRelative(s)
	        : removeDotSegments(s);
	    }

	    // Dot-segment removal can expose a colon that was not originally in the
	    // first segment (for example, "./a:b"). Reapply path-noscheme encoding so
	    // the serialized relative reference cannot be reparsed as a URI scheme.
	    if (schemelessReference) {
	      s = serializePathEncoding(s, true);
	    }

	    if (
	      authority === undefined &&
	      s[0] === '/' &&
	      s[1] === '/'
	    ) {
	      // don't allow the path to start with "//"
	      s = '/%2F' + s.slice(2);
	    }

	    uriTokens.push(s);
	  }

	  if (component.query !== undefined) {
	    uriTokens.push('?', encodeQuery(component.query));
	  }

	  if (component.fragment !== undefined) {
	    uriTokens.push('#', encodeFragment(component.fragment));
	  }
	  return uriTokens.join('')
	}

	const URI_PARSE = /^(?:([^#/:?]+):)?(?:\/\/((?:([^#/?@]*)@)?(\[[^#/?\]]+\]|[^#/:?]*)(?::(\d*))?))?([^#?]*)(?:\?([^#]*))?(?:#((?:.|[\n\r])*))?/u;

	// Captures the authority component (between "//" and the next "/", "?" or "#"),
	// with or without a scheme prefix, for the literal-backslash rejection below.
	const AUTHORITY_PREFIX = /^(?:[^#/:?]+:)?\/\/([^/?#]*)/;

	// Captures the leading authority-introducer region after an optional scheme: a
	// run of forward slashes, backslashes, and the characters the WHATWG URL parser
	// removes before parsing (TAB U+0009, LF U+000A, CR U+000D). A valid introducer
	// is exactly "//". Node treats "\" as "/" on special schemes and strips those
	// characters first, so forms like "\\", "/\", "\/", "/<TAB>/", or a leading
	// "<TAB>//" reach an authority in Node while fast-uri's URI_PARSE folds them into
	// the path group (host confusion / SSRF / redirect bypass).
	const AUTHORITY_INTRODUCER_REGION = /^(?:[^#/:?]+:)?([/\\\t\n\r]*)/;

	/**
	 * @param {import('./types/index').URIComponent} parsed
	 * @param {RegExpMatchArray} matches
	 * @returns {string|undefined}
	 */
	function getParseError (parsed, matches) {
	  if (matches[2] !== undefined && parsed.path && parsed.path[0] !== '/') {
	    return 'URI path must start with "/" when authority is present.'
	  }

	  if (typeof parsed.port === 'number' && (parsed.port < 0 || parsed.port > 65535)) {
	    return 'URI port is malformed.'
	  }

	  return undefined
	}

	/**
	 * Checks percent syntax without decoding the represented octets. RFC 3986
	 * percent-encoding is byte-oriented, so sequences such as `%FF` are valid even
	 * though they are not independently valid UTF-8.
	 *
	 * @param {string|undefined} component
	 * @returns {boolean}
	 */
	function hasMalformedPercentEncoding (component) {
	  if (component === undefined) return false

	  let percent = component.indexOf('%');
	  while (percent !== -1) {
	    if (percent + 2 >= component.length || !/^[\da-f]{2}$/iu.test(component.slice(percent + 1, percent + 3))) {
	      return true
	    }
	    percent = component.indexOf('%', percent + 3);
	  }

	  return false
	}

	/**
	 * Whether the host is a bracketed IP literal (RFC 3986 `IP-literal`).
	 * An unterminated `[` is not a literal, so it must still be validated as a
	 * reg-name instead of being waved through as an IP.
	 *
	 * @param {string} host
	 * @returns {boolean}
	 */
	function isIPLiteral (host) {
	  return host[0] === '[' && host[host.length - 1] === ']'
	}

	/**
	 * @param {RegExpMatchArray} matches
	 * @returns {boolean}
	 */
	function hasMalformedComponentPercentEncoding (matches) {
	  // Bracketed IP literals use a raw "%" as the zone separator for historical
	  // compatibility. Their parsing is intentionally left to normalizeIPv6.
	  const host = matches[4];
	  return hasMalformedPercentEncoding(matches[3]) ||
	    (host !== undefined && !isIPLiteral(host) && hasMalformedPercentEncoding(host)) ||
	    hasMalformedPercentEncoding(matches[6]) ||
	    hasMalformedPercentEncoding(matches[7]) ||
	    hasMalformedPercentEncoding(matches[8])
	}

	/**
	 * @param {import('./types/index').URIComponent} parsed
	 * @param {import('./types/index').Options} options
	 * @param {{ domainHost?: boolean, unicodeSupport?: boolean }|undefined} schemeHandler
	 * @param {boolean} isIP
	 * @returns {boolean} whether host conversion failed
	 */
	function canonicalizeHost (parsed, options, schemeHandler, isIP) {
	  if (hasForbiddenDomainHost(parsed, options, schemeHandler, isIP)) {
	    parsed.error = parsed.error || MALFORMED_HOST_ERROR;
	    return true
	  }

	  if (
	    !options.unicodeSupport &&
	    (!schemeHandler || !schemeHandler.unicodeSupport) &&
	    parsed.host &&
	    !isIPLiteral(parsed.host) &&
	    (options.domainHost || (schemeHandler && schemeHandler.domainHost)) &&
	    isIP === false &&
	    nonSimpleDomain(parsed.host)
	  ) {
	    let url;
	    try {
	      url = new URL('http://' + parsed.host);
	    } catch (e) {
	      parsed.error = parsed.error || "Host's domain name can not be converted to ASCII: " + e;
	      return true
	    }
	    // The WHATWG parser must have read the whole input as a host. Anything
	    // else means it found a delimiter fast-uri did not, so its hostname would
	    // describe a different authority.
	    if (!isHostOnlyURL(url)) {
	      parsed.error = parsed.error || MALFORMED_HOST_ERROR;
	      return true
	    }
	    parsed.host = url.hostname;
	  }
	  return false
	}

	/**
	 * Whether a domain host contains an ASCII character that RFC 3986 does not
	 * allow in a reg-name (unreserved, sub-delims, or pct-encoded). Such a host is
	 * rejected instead of being handed to the WHATWG URL parser, which would treat
	 * "@" as a userinfo delimiter (silently dropping the data before it) and strip
	 * TAB, LF, and CR. Non-ASCII characters remain allowed for IDNs.
	 *
	 * @param {import('./types/index').URIComponent} parsed
	 * @param {import('./types/index').Options} options
	 * @param {{ domainHost?: boolean }|undefined} schemeHandler
	 * @param {boolean} isIP
	 * @returns {boolean}
	 */
	function hasForbiddenDomainHost (parsed, options, schemeHandler, isIP) {
	  return Boolean(
	    parsed.host &&
	    isIP === false &&
	    !isIPLiteral(parsed.host) &&
	    (options.domainHost || (schemeHandler && schemeHandler.domainHost)) &&
	    FORBIDDEN_DOMAIN_HOST_CHARACTER.test(parsed.host)
	  )
	}

	/**
	 * @param {URL} url
	 * @returns {boolean}
	 */
	function isHostOnlyURL (url) {
	  return url.username === '' &&
	    url.password === '' &&
	    url.port === '' &&
	    url.pathname === '/' &&
	    url.search === '' &&
	    url.hash === '' &&
	    url.hostname !== ''
	}

	/**
	 * @param {string} uri
	 * @param {import('./types/index').Options} [opts]
	 * @returns {{ parsed: import('./types/index').URIComponent, malformedAuthorityOrPort: boolean, malformedPercentEncoding: boolean, malformedSchemeSpecific: boolean, malformedHost: boolean, malformedScheme: boolean }}
	 */
	function parseWithStatus (uri, opts) {
	  const options = Object.assign({}, opts);
	  /** @type {import('./types/index').URIComponent} */
	  const parsed = {
	    scheme: undefined,
	    userinfo: undefined,
	    host: '',
	    port: undefined,
	    path: '',
	    query: undefined,
	    fragment: undefined
	  };

	  let malformedAuthorityOrPort = false;
	  let malformedPercentEncoding = false;
	  let malformedSchemeSpecific = false;
	  let malformedHost = false;
	  let malformedIPLiteral = false;
	  let malformedScheme = false;

	  let isIP = false;
	  if (options.reference === 'suffix') {
	    if (options.scheme) {
	      uri = options.scheme + ':' + uri;
	    } else {
	      uri = '//' + uri;
	    }
	  }

	  // A literal backslash (U+005C) is not a valid RFC 3986 URI character and is
	  // not an authority delimiter. Reject it in the authority rather than
	  // rewriting it: normalizing "\" -> "/" (WHATWG error recovery) could silently
	  // change the resource identified by an otherwise-invalid input, and lets "\"
	  // act as a host delimiter here while Node's native URL parses a different
	  // host (SSRF / redirect / origin-allowlist bypass). Percent-encoded %5C is
	  // untouched and remains valid encoded data.
	  const authorityMatch = uri.match(AUTHORITY_PREFIX);
	  if (authorityMatch !== null && authorityMatch[1].indexOf('\\') !== -1) {
	    parsed.error = 'URI authority must not contain a literal backslash.';
	    malformedAuthorityOrPort = true;
	  }

	  // Reject a malformed or whitespace-smuggled authority introducer. fast-uri
	  // only recognizes a literal "//"; anything else in the leading separator run
	  // (a backslash, or a "//" that appears only after removing the TAB/LF/CR that
	  // Node strips) means the authority fast-uri parses differs from the one Node's
	  // URL resolves. Reject rather than rewrite, mirroring the literal-backslash
	  // guard above. Percent-encoded forms (%5C, %09) are untouched, valid data.
	  const introducerMatch = uri.match(AUTHORITY_INTRODUCER_REGION);
	  if (introducerMatch !== null) {
	    const region = introducerMatch[1];
	    const normalizedRegion = region.replace(/[\t\n\r]/g, '');
	    // Two or more leading separators introduce an authority.
	    if (normalizedRegion.length >= 2) {
	      if (normalizedRegion.slice(0, 2) !== '//') {
	        parsed.error = parsed.error || 'URI authority must not contain a literal backslash.';
	        malformedAuthorityOrPort = true;
	      } else if (region.length !== normalizedRegion.length) {
	        parsed.error = parsed.error || 'URI authority introducer must not contain whitespace.';
	        malformedAuthorityOrPort = true;
	      }
	    }
	  }

	  const matches = uri.match(URI_PARSE);

	  if (matches) {
	    // store each component
	    parsed.scheme = matches[1];
	    parsed.userinfo = matches[3];
	    parsed.host = matches[4];
	    parsed.port = parseInt(matches[5], 10);
	    parsed.path = matches[6] || '';
	    parsed.query = matches[7];
	    parsed.fragment = matches[8];

	    if (parsed.scheme !== undefined) {
	      if (VALID_SCHEME.test(parsed.scheme)) {
	        parsed.scheme = parsed.scheme.toLowerCase();
	      } else {
	        parsed.error = parsed.error || MALFORMED_SCHEME_ERROR;
	        malformedScheme = true;
	      }
	    }

	    malformedPercentEncoding = hasMalformedComponentPercentEncoding(matches);
	    if (malformedPercentEncoding) {
	      parsed.error = parsed.error || 'URI contains malformed percent-encoding.';
	    }

	    // fix port number
	    if (isNaN(parsed.port)) {
	      parsed.port = matches[5];
	    }

	    const parseError = getParseError(parsed, matches);
	    if (parseError !== undefined) {
	      parsed.error = parsed.error || parseError;
	      malformedAuthorityOrPort = true;
	    }

	    if (parsed.host) {
	      const ipv4result = isIPv4(parsed.host);
	      if (ipv4result === false) {
	        const bracketedIPLiteral = isIPLiteral(parsed.host);
	        const hasIPLiteralBracket = parsed.host.indexOf('[') !== -1 || parsed.host.indexOf(']') !== -1;
	        const ipv6result = normalizeIPv6(parsed.host);
	        isIP = ipv6result.isIPV6 || ipv6result.isIPVFuture === true;
	        malformedIPLiteral = hasIPLiteralBracket && (!bracketedIPLiteral || ipv6result.error === true);
	        parsed.host = isIP ? ipv6result.host : ipv6result.host.toLowerCase();

	        if (malformedIPLiteral) {
	          parsed.error = parsed.error || MALFORMED_HOST_ERROR;
	          malformedAuthorityOrPort = true;
	        }
	      } else {
	        isIP = true;
	      }
	    }
	    if (parsed.scheme === undefined && parsed.userinfo === undefined && parsed.host === undefined && parsed.port === undefined && parsed.query === undefined && !parsed.path) {
	      parsed.reference = 'same-document';
	    } else if (parsed.scheme === undefined) {
	      parsed.reference = 'relative';
	    } else if (parsed.fragment === undefined) {
	      parsed.reference = 'absolute';
	    } else {
	      parsed.reference = 'uri';
	    }

	    // check for reference errors
	    if (options.reference && options.reference !== 'suffix' && options.reference !== parsed.reference) {
	      parsed.error = parsed.error || 'URI is not a ' + options.reference + ' reference.';
	    }

	    // find scheme handler
	    const schemeHandler = getSchemeHandler(options.scheme || parsed.scheme);

	    // convert Unicode IDN -> ASCII IDN when the effective scheme uses domain hosts
	    if (!malformedIPLiteral) {
	      malformedHost = canonicalizeHost(parsed, options, schemeHandler, isIP);
	    }

	    if (uri.indexOf('%') !== -1 && parsed.host !== undefined && !malformedIPLiteral) {
	      let host = isIP ? parsed.host : normalizePercentEncoding(parsed.host, true);
	      if (!isIP) {
	        // Fold reg-name case after decoding unreserved octets. The second
	        // pass only restores uppercase hex in escapes that remain encoded.
	        host = normalizePercentEncoding(host.toLowerCase());
	      }
	      // Resolution parses both inputs with the internal `null` scheme before
	      // the effective scheme is known. Keep raw host delimiters for that step
	      // so resolve() can reject them for domain-host schemes; the resolved
	      // authority is encoded when it is serialized.
	      parsed.host = isIP || options.scheme !== 'null' ? reescapeHostDelimiters(host, isIP) : host;
	    }

	    if (!schemeHandler || (schemeHandler && !schemeHandler.skipNormalize)) {
	      if (parsed.path) {
	        parsed.path = normalizePathEncoding(parsed.path);
	      }
	      if (parsed.query) {
	        parsed.query = normalizeQueryFragmentEncoding(parsed.query);
	      }
	      if (parsed.fragment) {
	        parsed.fragment = normalizeQueryFragmentEncoding(parsed.fragment);
	      }
	    }

	    // perform scheme specific parsing
	    if (schemeHandler && schemeHandler.parse) {
	      schemeHandler.parse(parsed, options);
	      if (schemeHandler === SCHEMES.urn && parsed.nid === undefined) {
	        malformedSchemeSpecific = true;
	      }
	    }
	  } else {
	    parsed.error = parsed.error || 'URI can not be parsed.';
	  }
	  return { parsed, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme }
	}

	/**
	 * @param {string} uri
	 * @param {import('./types/index').Options} [opts]
	 * @returns
	 */
	function parse (uri, opts) {
	  return parseWithStatus(uri, opts).parsed
	}

	/**
	 * @param {string} uri
	 * @param {import('./types/index').Options} [opts]
	 * @returns {string}
	 */
	function normalizeString (uri, opts) {
	  return normalizeStringWithStatus(uri, opts).normalized
	}

	/**
	 * @param {string} uri
	 * @param {import('./types/index').Options} [opts]
	 * @returns {{ normalized: string, malformedAuthorityOrPort: boolean, malformedPercentEncoding: boolean, malformedSchemeSpecific: boolean, malformedHost: boolean, malformedScheme: boolean }}
	 */
	function normalizeStringWithStatus (uri, opts) {
	  const { parsed, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = parseWithStatus(uri, opts);
	  return {
	    normalized: malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? uri : serialize(parsed, opts),
	    malformedAuthorityOrPort,
	    malformedPercentEncoding,
	    malformedSchemeSpecific,
	    malformedHost,
	    malformedScheme
	  }
	}

	/**
	 * @param {import ('./types/index').URIComponent|string} uri
	 * @param {import('./types/index').Options} [opts]
	 * @returns {string|undefined}
	 */
	function normalizeComparableURI (uri, opts) {
	  if (typeof uri !== 'string' && typeof uri !== 'object') {
	    return undefined
	  }

	  let value;
	  try {
	    value = typeof uri === 'string' ? uri : serialize(uri, opts);
	  } catch {
	    return undefined
	  }
	  const { normalized, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = normalizeStringWithStatus(value, opts);
	  return malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? undefined : normalized
	}

	const fastUri$1 = {
	  SCHEMES,
	  normalize,
	  resolve,
	  resolveComponent,
	  equal,
	  serialize,
	  parse
	};

	fastUri.exports = fastUri$1;
	fastUri.exports.default = fastUri$1;
	fastUri.exports.fastUri = fastUri$1;
	return fastUri.exports;
}

var hasRequiredUri;

function requireUri () {
	if (hasRequiredUri) return uri;
	hasRequiredUri = 1;
	Object.defineProperty(uri, "__esModule", { value: true });
	const uri$1 = requireFastUri();
	uri$1.code = 'require("ajv/dist/runtime/uri").default';
	uri.default = uri$1;
	
	return uri;
}

var hasRequiredCore$2;

function requireCore$2 () {
	if (hasRequiredCore$2) return core$2;
	hasRequiredCore$2 = 1;
	(function (exports) {
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = void 0;
		var validate_1 = /*@__PURE__*/ requireValidate();
		Object.defineProperty(exports, "KeywordCxt", { enumerable: true, get: function () { return validate_1.KeywordCxt; } });
		var codegen_1 = /*@__PURE__*/ requireCodegen();
		Object.defineProperty(exports, "_", { enumerable: true, get: function () { return codegen_1._; } });
		Object.defineProperty(exports, "str", { enumerable: true, get: function () { return codegen_1.str; } });
		Object.defineProperty(exports, "stringify", { enumerable: true, get: function () { return codegen_1.stringify; } });
		Object.defineProperty(exports, "nil", { enumerable: true, get: function () { return codegen_1.nil; } });
		Object.defineProperty(exports, "Name", { enumerable: true, get: function () { return codegen_1.Name; } });
		Object.defineProperty(exports, "CodeGen", { enumerable: true, get: function () { return codegen_1.CodeGen; } });
		const validation_error_1 = /*@__PURE__*/ requireValidation_error();
		const ref_error_1 = /*@__PURE__*/ requireRef_error();
		const rules_1 = /*@__PURE__*/ requireRules();
		const compile_1 = /*@__PURE__*/ requireCompile();
		const codegen_2 = /*@__PURE__*/ requireCodegen();
		const resolve_1 = /*@__PURE__*/ requireResolve();
		const dataType_1 = /*@__PURE__*/ requireDataType();
		const util_1 = /*@__PURE__*/ requireUtil();
		const $dataRefSchema = require$$9;
		const uri_1 = /*@__PURE__*/ requireUri();
		const defaultRegExp = (str, flags) => new RegExp(str, flags);
		defaultRegExp.code = "new RegExp";
		const META_IGNORE_OPTIONS = ["removeAdditional", "useDefaults", "coerceTypes"];
		const EXT_SCOPE_NAMES = new Set([
		    "validate",
		    "serialize",
		    "parse",
		    "wrapper",
		    "root",
		    "schema",
		    "keyword",
		    "pattern",
		    "formats",
		    "validate$data",
		    "func",
		    "obj",
		    "Error",
		]);
		const removedOptions = {
		    errorDataPath: "",
		    format: "`validateFormats: false` can be used instead.",
		    nullable: '"nullable" keyword is supported by default.',
		    jsonPointers: "Deprecated jsPropertySyntax can be used instead.",
		    extendRefs: "Deprecated ignoreKeywordsWithRef can be used instead.",
		    missingRefs: "Pass empty schema with $id that should be ignored to ajv.addSchema.",
		    processCode: "Use option `code: {process: (code, schemaEnv: object) => string}`",
		    sourceCode: "Use option `code: {source: true}`",
		    strictDefaults: "It is default now, see option `strict`.",
		    strictKeywords: "It is default now, see option `strict`.",
		    uniqueItems: '"uniqueItems" keyword is always validated.',
		    unknownFormats: "Disable strict mode or pass `true` to `ajv.addFormat` (or `formats` option).",
		    cache: "Map is used as cache, schema object as key.",
		    serialize: "Map is used as cache, schema object as key.",
		    ajvErrors: "It is default now.",
		};
		const deprecatedOptions = {
		    ignoreKeywordsWithRef: "",
		    jsPropertySyntax: "",
		    unicode: '"minLength"/"maxLength" account for unicode characters by default.',
		};
		const MAX_EXPRESSION = 200;
		// eslint-disable-next-line complexity
		function requiredOptions(o) {
		    var _a, _b, _c, _d, _e, _f, _g, _h, _j, _k, _l, _m, _o, _p, _q, _r, _s, _t, _u, _v, _w, _x, _y, _z, _0;
		    const s = o.strict;
		    const _optz = (_a = o.code) === null || _a === void 0 ? void 0 : _a.optimize;
		    const optimize = _optz === true || _optz === undefined ? 1 : _optz || 0;
		    const regExp = (_c = (_b = o.code) === null || _b === void 0 ? void 0 : _b.regExp) !== null && _c !== void 0 ? _c : defaultRegExp;
		    const uriResolver = (_d = o.uriResolver) !== null && _d !== void 0 ? _d : uri_1.default;
		    return {
		        strictSchema: (_f = (_e = o.strictSchema) !== null && _e !== void 0 ? _e : s) !== null && _f !== void 0 ? _f : true,
		        strictNumbers: (_h = (_g = o.strictNumbers) !== null && _g !== void 0 ? _g : s) !== null && _h !== void 0 ? _h : true,
		        strictTypes: (_k = (_j = o.strictTypes) !== null && _j !== void 0 ? _j : s) !== null && _k !== void 0 ? _k : "log",
		        strictTuples: (_m = (_l = o.strictTuples) !== null && _l !== void 0 ? _l : s) !== null && _m !== void 0 ? _m : "log",
		        strictRequired: (_p = (_o = o.strictRequired) !== null && _o !== void 0 ? _o : s) !== null && _p !== void 0 ? _p : false,
		        code: o.code ? { ...o.code, optimize, regExp } : { optimize, regExp },
		        loopRequired: (_q = o.loopRequired) !== null && _q !== void 0 ? _q : MAX_EXPRESSION,
		        loopEnum: (_r = o.loopEnum) !== null && _r !== void 0 ? _r : MAX_EXPRESSION,
		        meta: (_s = o.meta) !== null && _s !== void 0 ? _s : true,
		        messages: (_t = o.messages) !== null && _t !== void 0 ? _t : true,
		        inlineRefs: (_u = o.inlineRefs) !== null && _u !== void 0 ? _u : true,
		        schemaId: (_v = o.schemaId) !== null && _v !== void 0 ? _v : "$id",
		        addUsedSchema: (_w = o.addUsedSchema) !== null && _w !== void 0 ? _w : true,
		        validateSchema: (_x = o.validateSchema) !== null && _x !== void 0 ? _x : true,
		        validateFormats: (_y = o.validateFormats) !== null && _y !== void 0 ? _y : true,
		        unicodeRegExp: (_z = o.unicodeRegExp) !== null && _z !== void 0 ? _z : true,
		        int32range: (_0 = o.int32range) !== null && _0 !== void 0 ? _0 : true,
		        uriResolver: uriResolver,
		    };
		}
		class Ajv {
		    constructor(opts = {}) {
		        this.schemas = {};
		        this.refs = {};
		        this.formats = Object.create(null);
		        this._compilations = new Set();
		        this._loading = {};
		        this._cache = new Map();
		        opts = this.opts = { ...opts, ...requiredOptions(opts) };
		        const { es5, lines } = this.opts.code;
		        this.scope = new codegen_2.ValueScope({ scope: {}, prefixes: EXT_SCOPE_NAMES, es5, lines });
		        this.logger = getLogger(opts.logger);
		        const formatOpt = opts.validateFormats;
		        opts.validateFormats = false;
		        this.RULES = (0, rules_1.getRules)();
		        checkOptions.call(this, removedOptions, opts, "NOT SUPPORTED");
		        checkOptions.call(this, deprecatedOptions, opts, "DEPRECATED", "warn");
		        this._metaOpts = getMetaSchemaOptions.call(this);
		        if (opts.formats)
		            addInitialFormats.call(this);
		        this._addVocabularies();
		        this._addDefaultMetaSchema();
		        if (opts.keywords)
		            addInitialKeywords.call(this, opts.keywords);
		        if (typeof opts.meta == "object")
		            this.addMetaSchema(opts.meta);
		        addInitialSchemas.call(this);
		        opts.validateFormats = formatOpt;
		    }
		    _addVocabularies() {
		        this.addKeyword("$async");
		    }
		    _addDefaultMetaSchema() {
		        const { $data, meta, schemaId } = this.opts;
		        let _dataRefSchema = $dataRefSchema;
		        if (schemaId === "id") {
		            _dataRefSchema = { ...$dataRefSchema };
		            _dataRefSchema.id = _dataRefSchema.$id;
		            delete _dataRefSchema.$id;
		        }
		        if (meta && $data)
		            this.addMetaSchema(_dataRefSchema, _dataRefSchema[schemaId], false);
		    }
		    defaultMeta() {
		        const { meta, schemaId } = this.opts;
		        return (this.opts.defaultMeta = typeof meta == "object" ? meta[schemaId] || meta : undefined);
		    }
		    validate(schemaKeyRef, // key, ref or schema object
		    // eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents
		    data // to be validated
		    ) {
		        let v;
		        if (typeof schemaKeyRef == "string") {
		            v = this.getSchema(schemaKeyRef);
		            if (!v)
		                throw new Error(`no schema with key or ref "${schemaKeyRef}"`);
		        }
		        else {
		            v = this.compile(schemaKeyRef);
		        }
		        const valid = v(data);
		        if (!("$async" in v))
		            this.errors = v.errors;
		        return valid;
		    }
		    compile(schema, _meta) {
		        const sch = this._addSchema(schema, _meta);
		        return (sch.validate || this._compileSchemaEnv(sch));
		    }
		    compileAsync(schema, meta) {
		        if (typeof this.opts.loadSchema != "function") {
		            throw new Error("options.loadSchema should be a function");
		        }
		        const { loadSchema } = this.opts;
		        return runCompileAsync.call(this, schema, meta);
		        async function runCompileAsync(_schema, _meta) {
		            await loadMetaSchema.call(this, _schema.$schema);
		            const sch = this._addSchema(_schema, _meta);
		            return sch.validate || _compileAsync.call(this, sch);
		        }
		        async function loadMetaSchema($ref) {
		            if ($ref && !this.getSchema($ref)) {
		                await runCompileAsync.call(this, { $ref }, true);
		            }
		        }
		        async function _compileAsync(sch) {
		            try {
		                return this._compileSchemaEnv(sch);
		            }
		            catch (e) {
		                if (!(e instanceof ref_error_1.default))
		                    throw e;
		                checkLoaded.call(this, e);
		                await loadMissingSchema.call(this, e.missingSchema);
		                return _compileAsync.call(this, sch);
		            }
		        }
		        function checkLoaded({ missingSchema: ref, missingRef }) {
		            if (this.refs[ref]) {
		                throw new Error(`AnySchema ${ref} is loaded but ${missingRef} cannot be resolved`);
		            }
		        }
		        async function loadMissingSchema(ref) {
		            const _schema = await _loadSchema.call(this, ref);
		            if (!this.refs[ref])
		                await loadMetaSchema.call(this, _schema.$schema);
		            if (!this.refs[ref])
		                this.addSchema(_schema, ref, meta);
		        }
		        async function _loadSchema(ref) {
		            const p = this._loading[ref];
		            if (p)
		                return p;
		            try {
		                return await (this._loading[ref] = loadSchema(ref));
		            }
		            finally {
		                delete this._loading[ref];
		            }
		        }
		    }
		    // Adds schema to the instance
		    addSchema(schema, // If array is passed, `key` will be ignored
		    key, // Optional schema key. Can be passed to `validate` method instead of schema object or id/ref. One schema per instance can have empty `id` and `key`.
		    _meta, // true if schema is a meta-schema. Used internally, addMetaSchema should be used instead.
		    _validateSchema = this.opts.validateSchema // false to skip schema validation. Used internally, option validateSchema should be used instead.
		    ) {
		        if (Array.isArray(schema)) {
		            for (const sch of schema)
		                this.addSchema(sch, undefined, _meta, _validateSchema);
		            return this;
		        }
		        let id;
		        if (typeof schema === "object") {
		            const { schemaId } = this.opts;
		            id = schema[schemaId];
		            if (id !== undefined && typeof id != "string") {
		                throw new Error(`schema ${schemaId} must be string`);
		            }
		        }
		        key = (0, resolve_1.normalizeId)(key || id);
		        this._checkUnique(key);
		        this.schemas[key] = this._addSchema(schema, _meta, key, _validateSchema, true);
		        return this;
		    }
		    // Add schema that will be used to validate other schemas
		    // options in META_IGNORE_OPTIONS are alway set to false
		    addMetaSchema(schema, key, // schema key
		    _validateSchema = this.opts.validateSchema // false to skip schema validation, can be used to override validateSchema option for meta-schema
		    ) {
		        this.addSchema(schema, key, true, _validateSchema);
		        return this;
		    }
		    //  Validate schema against its meta-schema
		    validateSchema(schema, throwOrLogError) {
		        if (typeof schema == "boolean")
		            return true;
		        let $schema;
		        $schema = schema.$schema;
		        if ($schema !== undefined && typeof $schema != "string") {
		            throw new Error("$schema must be a string");
		        }
		        $schema = $schema || this.opts.defaultMeta || this.defaultMeta();
		        if (!$schema) {
		            this.logger.warn("meta-schema not available");
		            this.errors = null;
		            return true;
		        }
		        const valid = this.validate($schema, schema);
		        if (!valid && throwOrLogError) {
		            const message = "schema is invalid: " + this.errorsText();
		            if (this.opts.validateSchema === "log")
		                this.logger.error(message);
		            else
		                throw new Error(message);
		        }
		        return valid;
		    }
		    // Get compiled schema by `key` or `ref`.
		    // (`key` that was passed to `addSchema` or full schema reference - `schema.$id` or resolved id)
		    getSchema(keyRef) {
		        let sch;
		        while (typeof (sch = getSchEnv.call(this, keyRef)) == "string")
		            keyRef = sch;
		        if (sch === undefined) {
		            const { schemaId } = this.opts;
		            const root = new compile_1.SchemaEnv({ schema: {}, schemaId });
		            sch = compile_1.resolveSchema.call(this, root, keyRef);
		            if (!sch)
		                return;
		            this.refs[keyRef] = sch;
		        }
		        return (sch.validate || this._compileSchemaEnv(sch));
		    }
		    // Remove cached schema(s).
		    // If no parameter is passed all schemas but meta-schemas are removed.
		    // If RegExp is passed all schemas with key/id matching pattern but meta-schemas are removed.
		    // Even if schema is referenced by other schemas it still can be removed as other schemas have local references.
		    removeSchema(schemaKeyRef) {
		        if (schemaKeyRef instanceof RegExp) {
		            this._removeAllSchemas(this.schemas, schemaKeyRef);
		            this._removeAllSchemas(this.refs, schemaKeyRef);
		            return this;
		        }
		        switch (typeof schemaKeyRef) {
		            case "undefined":
		                this._removeAllSchemas(this.schemas);
		                this._removeAllSchemas(this.refs);
		                this._cache.clear();
		                return this;
		            case "string": {
		                const sch = getSchEnv.call(this, schemaKeyRef);
		                if (typeof sch == "object")
		                    this._cache.delete(sch.schema);
		                delete this.schemas[schemaKeyRef];
		                delete this.refs[schemaKeyRef];
		                return this;
		            }
		            case "object": {
		                const cacheKey = schemaKeyRef;
		                this._cache.delete(cacheKey);
		                let id = schemaKeyRef[this.opts.schemaId];
		                if (id) {
		                    id = (0, resolve_1.normalizeId)(id);
		                    delete this.schemas[id];
		                    delete this.refs[id];
		                }
		                return this;
		            }
		            default:
		                throw new Error("ajv.removeSchema: invalid parameter");
		        }
		    }
		    // add "vocabulary" - a collection of keywords
		    addVocabulary(definitions) {
		        for (const def of definitions)
		            this.addKeyword(def);
		        return this;
		    }
		    addKeyword(kwdOrDef, def // deprecated
		    ) {
		        let keyword;
		        if (typeof kwdOrDef == "string") {
		            keyword = kwdOrDef;
		            if (typeof def == "object") {
		                this.logger.warn("these parameters are deprecated, see docs for addKeyword");
		                def.keyword = keyword;
		            }
		        }
		        else if (typeof kwdOrDef == "object" && def === undefined) {
		            def = kwdOrDef;
		            keyword = def.keyword;
		            if (Array.isArray(keyword) && !keyword.length) {
		                throw new Error("addKeywords: keyword must be string or non-empty array");
		            }
		        }
		        else {
		            throw new Error("invalid addKeywords parameters");
		        }
		        checkKeyword.call(this, keyword, def);
		        if (!def) {
		            (0, util_1.eachItem)(keyword, (kwd) => addRule.call(this, kwd));
		            return this;
		        }
		        keywordMetaschema.call(this, def);
		        const definition = {
		            ...def,
		            type: (0, dataType_1.getJSONTypes)(def.type),
		            schemaType: (0, dataType_1.getJSONTypes)(def.schemaType),
		        };
		        (0, util_1.eachItem)(keyword, definition.type.length === 0
		            ? (k) => addRule.call(this, k, definition)
		            : (k) => definition.type.forEach((t) => addRule.call(this, k, definition, t)));
		        return this;
		    }
		    getKeyword(keyword) {
		        const rule = this.RULES.all[keyword];
		        return typeof rule == "object" ? rule.definition : !!rule;
		    }
		    // Remove keyword
		    removeKeyword(keyword) {
		        // TODO return type should be Ajv
		        const { RULES } = this;
		        delete RULES.keywords[keyword];
		        delete RULES.all[keyword];
		        for (const group of RULES.rules) {
		            const i = group.rules.findIndex((rule) => rule.keyword === keyword);
		            if (i >= 0)
		                group.rules.splice(i, 1);
		        }
		        return this;
		    }
		    // Add format
		    addFormat(name, format) {
		        if (typeof format == "string")
		            format = new RegExp(format);
		        this.formats[name] = format;
		        return this;
		    }
		    errorsText(errors = this.errors, // optional array of validation errors
		    { separator = ", ", dataVar = "data" } = {} // optional options with properties `separator` and `dataVar`
		    ) {
		        if (!errors || errors.length === 0)
		            return "No errors";
		        return errors
		            .map((e) => `${dataVar}${e.instancePath} ${e.message}`)
		            .reduce((text, msg) => text + separator + msg);
		    }
		    $dataMetaSchema(metaSchema, keywordsJsonPointers) {
		        const rules = this.RULES.all;
		        metaSchema = JSON.parse(JSON.stringify(metaSchema));
		        for (const jsonPointer of keywordsJsonPointers) {
		            const segments = jsonPointer.split("/").slice(1); // first segment is an empty string
		            let keywords = metaSchema;
		            for (const seg of segments)
		                keywords = keywords[seg];
		            for (const key in rules) {
		                const rule = rules[key];
		                if (typeof rule != "object")
		                    continue;
		                const { $data } = rule.definition;
		                const schema = keywords[key];
		                if ($data && schema)
		                    keywords[key] = schemaOrData(schema);
		            }
		        }
		        return metaSchema;
		    }
		    _removeAllSchemas(schemas, regex) {
		        for (const keyRef in schemas) {
		            const sch = schemas[keyRef];
		            if (!regex || regex.test(keyRef)) {
		                if (typeof sch == "string") {
		                    delete schemas[keyRef];
		                }
		                else if (sch && !sch.meta) {
		                    this._cache.delete(sch.schema);
		                    delete schemas[keyRef];
		                }
		            }
		        }
		    }
		    _addSchema(schema, meta, baseId, validateSchema = this.opts.validateSchema, addSchema = this.opts.addUsedSchema) {
		        let id;
		        const { schemaId } = this.opts;
		        if (typeof schema == "object") {
		            id = schema[schemaId];
		        }
		        else {
		            if (this.opts.jtd)
		                throw new Error("schema must be object");
		            else if (typeof schema != "boolean")
		                throw new Error("schema must be object or boolean");
		        }
		        let sch = this._cache.get(schema);
		        if (sch !== undefined)
		            return sch;
		        baseId = (0, resolve_1.normalizeId)(id || baseId);
		        const localRefs = resolve_1.getSchemaRefs.call(this, schema, baseId);
		        sch = new compile_1.SchemaEnv({ schema, schemaId, meta, baseId, localRefs });
		        this._cache.set(sch.schema, sch);
		        if (addSchema && !baseId.startsWith("#")) {
		            // TODO atm it is allowed to overwrite schemas without id (instead of not adding them)
		            if (baseId)
		                this._checkUnique(baseId);
		            this.refs[baseId] = sch;
		        }
		        if (validateSchema)
		            this.validateSchema(schema, true);
		        return sch;
		    }
		    _checkUnique(id) {
		        if (this.schemas[id] || this.refs[id]) {
		            throw new Error(`schema with key or id "${id}" already exists`);
		        }
		    }
		    _compileSchemaEnv(sch) {
		        if (sch.meta)
		            this._compileMetaSchema(sch);
		        else
		            compile_1.compileSchema.call(this, sch);
		        /* istanbul ignore if */
		        if (!sch.validate)
		            throw new Error("ajv implementation error");
		        return sch.validate;
		    }
		    _compileMetaSchema(sch) {
		        const currentOpts = this.opts;
		        this.opts = this._metaOpts;
		        try {
		            compile_1.compileSchema.call(this, sch);
		        }
		        finally {
		            this.opts = currentOpts;
		        }
		    }
		}
		Ajv.ValidationError = validation_error_1.default;
		Ajv.MissingRefError = ref_error_1.default;
		exports.default = Ajv;
		function checkOptions(checkOpts, options, msg, log = "error") {
		    for (const key in checkOpts) {
		        const opt = key;
		        if (opt in options)
		            this.logger[log](`${msg}: option ${key}. ${checkOpts[opt]}`);
		    }
		}
		function getSchEnv(keyRef) {
		    keyRef = (0, resolve_1.normalizeId)(keyRef); // TODO tests fail without this line
		    return this.schemas[keyRef] || this.refs[keyRef];
		}
		function addInitialSchemas() {
		    const optsSchemas = this.opts.schemas;
		    if (!optsSchemas)
		        return;
		    if (Array.isArray(optsSchemas))
		        this.addSchema(optsSchemas);
		    else
		        for (const key in optsSchemas)
		            this.addSchema(optsSchemas[key], key);
		}
		function addInitialFormats() {
		    for (const name in this.opts.formats) {
		        const format = this.opts.formats[name];
		        if (format)
		            this.addFormat(name, format);
		    }
		}
		function addInitialKeywords(defs) {
		    if (Array.isArray(defs)) {
		        this.addVocabulary(defs);
		        return;
		    }
		    this.logger.warn("keywords option as map is deprecated, pass array");
		    for (const keyword in defs) {
		        const def = defs[keyword];
		        if (!def.keyword)
		            def.keyword = keyword;
		        this.addKeyword(def);
		    }
		}
		function getMetaSchemaOptions() {
		    const metaOpts = { ...this.opts };
		    for (const opt of META_IGNORE_OPTIONS)
		        delete metaOpts[opt];
		    return metaOpts;
		}
		const noLogs = { log() { }, warn() { }, error() { } };
		function getLogger(logger) {
		    if (logger === false)
		        return noLogs;
		    if (logger === undefined)
		        return console;
		    if (logger.log && logger.warn && logger.error)
		        return logger;
		    throw new Error("logger must implement log, warn and error methods");
		}
		const KEYWORD_NAME = /^[a-z_$][a-z0-9_$:-]*$/i;
		function checkKeyword(keyword, def) {
		    const { RULES } = this;
		    (0, util_1.eachItem)(keyword, (kwd) => {
		        if (RULES.keywords[kwd])
		            throw new Error(`Keyword ${kwd} is already defined`);
		        if (!KEYWORD_NAME.test(kwd))
		            throw new Error(`Keyword ${kwd} has invalid name`);
		    });
		    if (!def)
		        return;
		    if (def.$data && !("code" in def || "validate" in def)) {
		        throw new Error('$data keyword must have "code" or "validate" function');
		    }
		}
		function addRule(keyword, definition, dataType) {
		    var _a;
		    const post = definition === null || definition === void 0 ? void 0 : definition.post;
		    if (dataType && post)
		        throw new Error('keyword with "post" flag cannot have "type"');
		    const { RULES } = this;
		    let ruleGroup = post ? RULES.post : RULES.rules.find(({ type: t }) => t === dataType);
		    if (!ruleGroup) {
		        ruleGroup = { type: dataType, rules: [] };
		        RULES.rules.push(ruleGroup);
		    }
		    RULES.keywords[keyword] = true;
		    if (!definition)
		        return;
		    const rule = {
		        keyword,
		        definition: {
		            ...definition,
		            type: (0, dataType_1.getJSONTypes)(definition.type),
		            schemaType: (0, dataType_1.getJSONTypes)(definition.schemaType),
		        },
		    };
		    if (definition.before)
		        addBeforeRule.call(this, ruleGroup, rule, definition.before);
		    else
		        ruleGroup.rules.push(rule);
		    RULES.all[keyword] = rule;
		    (_a = definition.implements) === null || _a === void 0 ? void 0 : _a.forEach((kwd) => this.addKeyword(kwd));
		}
		function addBeforeRule(ruleGroup, rule, before) {
		    const i = ruleGroup.rules.findIndex((_rule) => _rule.keyword === before);
		    if (i >= 0) {
		        ruleGroup.rules.splice(i, 0, rule);
		    }
		    else {
		        ruleGroup.rules.push(rule);
		        this.logger.warn(`rule ${before} is not defined`);
		    }
		}
		function keywordMetaschema(def) {
		    let { metaSchema } = def;
		    if (metaSchema === undefined)
		        return;
		    if (def.$data && this.opts.$data)
		        metaSchema = schemaOrData(metaSchema);
		    def.validateSchema = this.compile(metaSchema, true);
		}
		const $dataRef = {
		    $ref: "https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#",
		};
		function schemaOrData(schema) {
		    return { anyOf: [schema, $dataRef] };
		}
		
	} (core$2));
	return core$2;
}

var draft7 = {};

var core$1 = {};

var id = {};

var hasRequiredId;

function requireId () {
	if (hasRequiredId) return id;
	hasRequiredId = 1;
	Object.defineProperty(id, "__esModule", { value: true });
	const def = {
	    keyword: "id",
	    code() {
	        throw new Error('NOT SUPPORTED: keyword "id", use "$id" for schema ID');
	    },
	};
	id.default = def;
	
	return id;
}

var ref = {};

var hasRequiredRef;

function requireRef () {
	if (hasRequiredRef) return ref;
	hasRequiredRef = 1;
	Object.defineProperty(ref, "__esModule", { value: true });
	ref.callRef = ref.getValidate = void 0;
	const ref_error_1 = /*@__PURE__*/ requireRef_error();
	const code_1 = /*@__PURE__*/ requireCode();
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const names_1 = /*@__PURE__*/ requireNames();
	const compile_1 = /*@__PURE__*/ requireCompile();
	const util_1 = /*@__PURE__*/ requireUtil();
	const def = {
	    keyword: "$ref",
	    schemaType: "string",
	    code(cxt) {
	        const { gen, schema: $ref, it } = cxt;
	        const { baseId, schemaEnv: env, validateName, opts, self } = it;
	        const { root } = env;
	        if (($ref === "#" || $ref === "#/") && baseId === root.baseId)
	            return callRootRef();
	        const schOrEnv = compile_1.resolveRef.call(self, root, baseId, $ref);
	        if (schOrEnv === undefined)
	            throw new ref_error_1.default(it.opts.uriResolver, baseId, $ref);
	        if (schOrEnv instanceof compile_1.SchemaEnv)
	            return callValidate(schOrEnv);
	        return inlineRefSchema(schOrEnv);
	        function callRootRef() {
	            if (env === root)
	                return callRef(cxt, validateName, env, env.$async);
	            const rootName = gen.scopeValue("root", { ref: root });
	            return callRef(cxt, (0, codegen_1._) `${rootName}.validate`, root, root.$async);
	        }
	        function callValidate(sch) {
	            const v = getValidate(cxt, sch);
	            callRef(cxt, v, sch, sch.$async);
	        }
	        function inlineRefSchema(sch) {
	            const schName = gen.scopeValue("schema", opts.code.source === true ? { ref: sch, code: (0, codegen_1.stringify)(sch) } : { ref: sch });
	            const valid = gen.name("valid");
	            const schCxt = cxt.subschema({
	                schema: sch,
	                dataTypes: [],
	                schemaPath: codegen_1.nil,
	                topSchemaRef: schName,
	                errSchemaPath: $ref,
	            }, valid);
	            cxt.mergeEvaluated(schCxt);
	            cxt.ok(valid);
	        }
	    },
	};
	function getValidate(cxt, sch) {
	    const { gen } = cxt;
	    return sch.validate
	        ? gen.scopeValue("validate", { ref: sch.validate })
	        : (0, codegen_1._) `${gen.scopeValue("wrapper", { ref: sch })}.validate`;
	}
	ref.getValidate = getValidate;
	function callRef(cxt, v, sch, $async) {
	    const { gen, it } = cxt;
	    const { allErrors, schemaEnv: env, opts } = it;
	    const passCxt = opts.passContext ? names_1.default.this : codegen_1.nil;
	    if ($async)
	        callAsyncRef();
	    else
	        callSyncRef();
	    function callAsyncRef() {
	        if (!env.$async)
	            throw new Error("async schema referenced by sync schema");
	        const valid = gen.let("valid");
	        gen.try(() => {
	            gen.code((0, codegen_1._) `await ${(0, code_1.callValidateCode)(cxt, v, passCxt)}`);
	            addEvaluatedFrom(v); // TODO will not work with async, it has to be returned with the result
	            if (!allErrors)
	                gen.assign(valid, true);
	        }, (e) => {
	            gen.if((0, codegen_1._) `!(${e} instanceof ${it.ValidationError})`, () => gen.throw(e));
	            addErrorsFrom(e);
	            if (!allErrors)
	                gen.assign(valid, false);
	        });
	        cxt.ok(valid);
	    }
	    function callSyncRef() {
	        cxt.result((0, code_1.callValidateCode)(cxt, v, passCxt), () => addEvaluatedFrom(v), () => addErrorsFrom(v));
	    }
	    function addErrorsFrom(source) {
	        const errs = (0, codegen_1._) `${source}.errors`;
	        gen.assign(names_1.default.vErrors, (0, codegen_1._) `${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`); // TODO tagged
	        gen.assign(names_1.default.errors, (0, codegen_1._) `${names_1.default.vErrors}.length`);
	    }
	    function addEvaluatedFrom(source) {
	        var _a;
	        if (!it.opts.unevaluated)
	            return;
	        const schEvaluated = (_a = sch === null || sch === void 0 ? void 0 : sch.validate) === null || _a === void 0 ? void 0 : _a.evaluated;
	        // TODO refactor
	        if (it.props !== true) {
	            if (schEvaluated && !schEvaluated.dynamicProps) {
	                if (schEvaluated.props !== undefined) {
	                    it.props = util_1.mergeEvaluated.props(gen, schEvaluated.props, it.props);
	                }
	            }
	            else {
	                const props = gen.var("props", (0, codegen_1._) `${source}.evaluated.props`);
	                it.props = util_1.mergeEvaluated.props(gen, props, it.props, codegen_1.Name);
	            }
	        }
	        if (it.items !== true) {
	            if (schEvaluated && !schEvaluated.dynamicItems) {
	                if (schEvaluated.items !== undefined) {
	                    it.items = util_1.mergeEvaluated.items(gen, schEvaluated.items, it.items);
	                }
	            }
	            else {
	                const items = gen.var("items", (0, codegen_1._) `${source}.evaluated.items`);
	                it.items = util_1.mergeEvaluated.items(gen, items, it.items, codegen_1.Name);
	            }
	        }
	    }
	}
	ref.callRef = callRef;
	ref.default = def;
	
	return ref;
}

var hasRequiredCore$1;

function requireCore$1 () {
	if (hasRequiredCore$1) return core$1;
	hasRequiredCore$1 = 1;
	Object.defineProperty(core$1, "__esModule", { value: true });
	const id_1 = /*@__PURE__*/ requireId();
	const ref_1 = /*@__PURE__*/ requireRef();
	const core = [
	    "$schema",
	    "$id",
	    "$defs",
	    "$vocabulary",
	    { keyword: "$comment" },
	    "definitions",
	    id_1.default,
	    ref_1.default,
	];
	core$1.default = core;
	
	return core$1;
}

var validation = {};

var limitNumber = {};

var hasRequiredLimitNumber;

function requireLimitNumber () {
	if (hasRequiredLimitNumber) return limitNumber;
	hasRequiredLimitNumber = 1;
	Object.defineProperty(limitNumber, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const ops = codegen_1.operators;
	const KWDs = {
	    maximum: { okStr: "<=", ok: ops.LTE, fail: ops.GT },
	    minimum: { okStr: ">=", ok: ops.GTE, fail: ops.LT },
	    exclusiveMaximum: { okStr: "<", ok: ops.LT, fail: ops.GTE },
	    exclusiveMinimum: { okStr: ">", ok: ops.GT, fail: ops.LTE },
	};
	const error = {
	    message: ({ keyword, schemaCode }) => (0, codegen_1.str) `must be ${KWDs[keyword].okStr} ${schemaCode}`,
	    params: ({ keyword, schemaCode }) => (0, codegen_1._) `{comparison: ${KWDs[keyword].okStr}, limit: ${schemaCode}}`,
	};
	const def = {
	    keyword: Object.keys(KWDs),
	    type: "number",
	    schemaType: "number",
	    $data: true,
	    error,
	    code(cxt) {
	        const { keyword, data, schemaCode } = cxt;
	        cxt.fail$data((0, codegen_1._) `${data} ${KWDs[keyword].fail} ${schemaCode} || isNaN(${data})`);
	    },
	};
	limitNumber.default = def;
	
	return limitNumber;
}

var multipleOf = {};

var hasRequiredMultipleOf;

function requireMultipleOf () {
	if (hasRequiredMultipleOf) return multipleOf;
	hasRequiredMultipleOf = 1;
	Object.defineProperty(multipleOf, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const error = {
	    message: ({ schemaCode }) => (0, codegen_1.str) `must be multiple of ${schemaCode}`,
	    params: ({ schemaCode }) => (0, codegen_1._) `{multipleOf: ${schemaCode}}`,
	};
	const def = {
	    keyword: "multipleOf",
	    type: "number",
	    schemaType: "number",
	    $data: true,
	    error,
	    code(cxt) {
	        const { gen, data, schemaCode, it } = cxt;
	        // const bdt = bad$DataType(schemaCode, <string>def.schemaType, $data)
	        const prec = it.opts.multipleOfPrecision;
	        const res = gen.let("res");
	        const invalid = prec
	            ? (0, codegen_1._) `Math.abs(Math.round(${res}) - ${res}) > 1e-${prec}`
	            : (0, codegen_1._) `${res} !== parseInt(${res})`;
	        cxt.fail$data((0, codegen_1._) `(${schemaCode} === 0 || (${res} = ${data}/${schemaCode}, ${invalid}))`);
	    },
	};
	multipleOf.default = def;
	
	return multipleOf;
}

var limitLength = {};

var ucs2length = {};

var hasRequiredUcs2length;

function requireUcs2length () {
	if (hasRequiredUcs2length) return ucs2length;
	hasRequiredUcs2length = 1;
	Object.defineProperty(ucs2length, "__esModule", { value: true });
	// https://mathiasbynens.be/notes/javascript-encoding
	// https://github.com/bestiejs/punycode.js - punycode.ucs2.decode
	function ucs2length$1(str) {
	    const len = str.length;
	    let length = 0;
	    let pos = 0;
	    let value;
	    while (pos < len) {
	        length++;
	        value = str.charCodeAt(pos++);
	        if (value >= 0xd800 && value <= 0xdbff && pos < len) {
	            // high surrogate, and there is a next character
	            value = str.charCodeAt(pos);
	            if ((value & 0xfc00) === 0xdc00)
	                pos++; // low surrogate
	        }
	    }
	    return length;
	}
	ucs2length.default = ucs2length$1;
	ucs2length$1.code = 'require("ajv/dist/runtime/ucs2length").default';
	
	return ucs2length;
}

var hasRequiredLimitLength;

function requireLimitLength () {
	if (hasRequiredLimitLength) return limitLength;
	hasRequiredLimitLength = 1;
	Object.defineProperty(limitLength, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const ucs2length_1 = /*@__PURE__*/ requireUcs2length();
	const error = {
	    message({ keyword, schemaCode }) {
	        const comp = keyword === "maxLength" ? "more" : "fewer";
	        return (0, codegen_1.str) `must NOT have ${comp} than ${schemaCode} characters`;
	    },
	    params: ({ schemaCode }) => (0, codegen_1._) `{limit: ${schemaCode}}`,
	};
	const def = {
	    keyword: ["maxLength", "minLength"],
	    type: "string",
	    schemaType: "number",
	    $data: true,
	    error,
	    code(cxt) {
	        const { keyword, data, schemaCode, it } = cxt;
	        const op = keyword === "maxLength" ? codegen_1.operators.GT : codegen_1.operators.LT;
	        const len = it.opts.unicode === false ? (0, codegen_1._) `${data}.length` : (0, codegen_1._) `${(0, util_1.useFunc)(cxt.gen, ucs2length_1.default)}(${data})`;
	        cxt.fail$data((0, codegen_1._) `${len} ${op} ${schemaCode}`);
	    },
	};
	limitLength.default = def;
	
	return limitLength;
}

var pattern = {};

var hasRequiredPattern;

function requirePattern () {
	if (hasRequiredPattern) return pattern;
	hasRequiredPattern = 1;
	Object.defineProperty(pattern, "__esModule", { value: true });
	const code_1 = /*@__PURE__*/ requireCode();
	const util_1 = /*@__PURE__*/ requireUtil();
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const error = {
	    message: ({ schemaCode }) => (0, codegen_1.str) `must match pattern "${schemaCode}"`,
	    params: ({ schemaCode }) => (0, codegen_1._) `{pattern: ${schemaCode}}`,
	};
	const def = {
	    keyword: "pattern",
	    type: "string",
	    schemaType: "string",
	    $data: true,
	    error,
	    code(cxt) {
	        const { gen, data, $data, schema, schemaCode, it } = cxt;
	        const u = it.opts.unicodeRegExp ? "u" : "";
	        if ($data) {
	            const { regExp } = it.opts.code;
	            const regExpCode = regExp.code === "new RegExp" ? (0, codegen_1._) `new RegExp` : (0, util_1.useFunc)(gen, regExp);
	            const valid = gen.let("valid");
	            gen.try(() => gen.assign(valid, (0, codegen_1._) `${regExpCode}(${schemaCode}, ${u}).test(${data})`), () => gen.assign(valid, false));
	            cxt.fail$data((0, codegen_1._) `!${valid}`);
	        }
	        else {
	            const regExp = (0, code_1.usePattern)(cxt, schema);
	            cxt.fail$data((0, codegen_1._) `!${regExp}.test(${data})`);
	        }
	    },
	};
	pattern.default = def;
	
	return pattern;
}

var limitProperties = {};

var hasRequiredLimitProperties;

function requireLimitProperties () {
	if (hasRequiredLimitProperties) return limitProperties;
	hasRequiredLimitProperties = 1;
	Object.defineProperty(limitProperties, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const error = {
	    message({ keyword, schemaCode }) {
	        const comp = keyword === "maxProperties" ? "more" : "fewer";
	        return (0, codegen_1.str) `must NOT have ${comp} than ${schemaCode} properties`;
	    },
	    params: ({ schemaCode }) => (0, codegen_1._) `{limit: ${schemaCode}}`,
	};
	const def = {
	    keyword: ["maxProperties", "minProperties"],
	    type: "object",
	    schemaType: "number",
	    $data: true,
	    error,
	    code(cxt) {
	        const { keyword, data, schemaCode } = cxt;
	        const op = keyword === "maxProperties" ? codegen_1.operators.GT : codegen_1.operators.LT;
	        cxt.fail$data((0, codegen_1._) `Object.keys(${data}).length ${op} ${schemaCode}`);
	    },
	};
	limitProperties.default = def;
	
	return limitProperties;
}

var required$1 = {};

var hasRequiredRequired;

function requireRequired () {
	if (hasRequiredRequired) return required$1;
	hasRequiredRequired = 1;
	Object.defineProperty(required$1, "__esModule", { value: true });
	const code_1 = /*@__PURE__*/ requireCode();
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const error = {
	    message: ({ params: { missingProperty } }) => (0, codegen_1.str) `must have required property '${missingProperty}'`,
	    params: ({ params: { missingProperty } }) => (0, codegen_1._) `{missingProperty: ${missingProperty}}`,
	};
	const def = {
	    keyword: "required",
	    type: "object",
	    schemaType: "array",
	    $data: true,
	    error,
	    code(cxt) {
	        const { gen, schema, schemaCode, data, $data, it } = cxt;
	        const { opts } = it;
	        if (!$data && schema.length === 0)
	            return;
	        const useLoop = schema.length >= opts.loopRequired;
	        if (it.allErrors)
	            allErrorsMode();
	        else
	            exitOnErrorMode();
	        if (opts.strictRequired) {
	            const props = cxt.parentSchema.properties;
	            const { definedProperties } = cxt.it;
	            for (const requiredKey of schema) {
	                if ((props === null || props === void 0 ? void 0 : props[requiredKey]) === undefined && !definedProperties.has(requiredKey)) {
	                    const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
	                    const msg = `required property "${requiredKey}" is not defined at "${schemaPath}" (strictRequired)`;
	                    (0, util_1.checkStrictMode)(it, msg, it.opts.strictRequired);
	                }
	            }
	        }
	        function allErrorsMode() {
	            if (useLoop || $data) {
	                cxt.block$data(codegen_1.nil, loopAllRequired);
	            }
	            else {
	                for (const prop of schema) {
	                    (0, code_1.checkReportMissingProp)(cxt, prop);
	                }
	            }
	        }
	        function exitOnErrorMode() {
	            const missing = gen.let("missing");
	            if (useLoop || $data) {
	                const valid = gen.let("valid", true);
	                cxt.block$data(valid, () => loopUntilMissing(missing, valid));
	                cxt.ok(valid);
	            }
	            else {
	                gen.if((0, code_1.checkMissingProp)(cxt, schema, missing));
	                (0, code_1.reportMissingProp)(cxt, missing);
	                gen.else();
	            }
	        }
	        function loopAllRequired() {
	            gen.forOf("prop", schemaCode, (prop) => {
	                cxt.setParams({ missingProperty: prop });
	                gen.if((0, code_1.noPropertyInData)(gen, data, prop, opts.ownProperties), () => cxt.error());
	            });
	        }
	        function loopUntilMissing(missing, valid) {
	            cxt.setParams({ missingProperty: missing });
	            gen.forOf(missing, schemaCode, () => {
	                gen.assign(valid, (0, code_1.propertyInData)(gen, data, missing, opts.ownProperties));
	                gen.if((0, codegen_1.not)(valid), () => {
	                    cxt.error();
	                    gen.break();
	                });
	            }, codegen_1.nil);
	        }
	    },
	};
	required$1.default = def;
	
	return required$1;
}

var limitItems = {};

var hasRequiredLimitItems;

function requireLimitItems () {
	if (hasRequiredLimitItems) return limitItems;
	hasRequiredLimitItems = 1;
	Object.defineProperty(limitItems, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const error = {
	    message({ keyword, schemaCode }) {
	        const comp = keyword === "maxItems" ? "more" : "fewer";
	        return (0, codegen_1.str) `must NOT have ${comp} than ${schemaCode} items`;
	    },
	    params: ({ schemaCode }) => (0, codegen_1._) `{limit: ${schemaCode}}`,
	};
	const def = {
	    keyword: ["maxItems", "minItems"],
	    type: "array",
	    schemaType: "number",
	    $data: true,
	    error,
	    code(cxt) {
	        const { keyword, data, schemaCode } = cxt;
	        const op = keyword === "maxItems" ? codegen_1.operators.GT : codegen_1.operators.LT;
	        cxt.fail$data((0, codegen_1._) `${data}.length ${op} ${schemaCode}`);
	    },
	};
	limitItems.default = def;
	
	return limitItems;
}

var uniqueItems = {};

var equal = {};

var hasRequiredEqual;

function requireEqual () {
	if (hasRequiredEqual) return equal;
	hasRequiredEqual = 1;
	Object.defineProperty(equal, "__esModule", { value: true });
	// https://github.com/ajv-validator/ajv/issues/889
	const equal$1 = requireFastDeepEqual();
	equal$1.code = 'require("ajv/dist/runtime/equal").default';
	equal.default = equal$1;
	
	return equal;
}

var hasRequiredUniqueItems;

function requireUniqueItems () {
	if (hasRequiredUniqueItems) return uniqueItems;
	hasRequiredUniqueItems = 1;
	Object.defineProperty(uniqueItems, "__esModule", { value: true });
	const dataType_1 = /*@__PURE__*/ requireDataType();
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const equal_1 = /*@__PURE__*/ requireEqual();
	const error = {
	    message: ({ params: { i, j } }) => (0, codegen_1.str) `must NOT have duplicate items (items ## ${j} and ${i} are identical)`,
	    params: ({ params: { i, j } }) => (0, codegen_1._) `{i: ${i}, j: ${j}}`,
	};
	const def = {
	    keyword: "uniqueItems",
	    type: "array",
	    schemaType: "boolean",
	    $data: true,
	    error,
	    code(cxt) {
	        const { gen, data, $data, schema, parentSchema, schemaCode, it } = cxt;
	        if (!$data && !schema)
	            return;
	        const valid = gen.let("valid");
	        const itemTypes = parentSchema.items ? (0, dataType_1.getSchemaTypes)(parentSchema.items) : [];
	        cxt.block$data(valid, validateUniqueItems, (0, codegen_1._) `${schemaCode} === false`);
	        cxt.ok(valid);
	        function validateUniqueItems() {
	            const i = gen.let("i", (0, codegen_1._) `${data}.length`);
	            const j = gen.let("j");
	            cxt.setParams({ i, j });
	            gen.assign(valid, true);
	            gen.if((0, codegen_1._) `${i} > 1`, () => (canOptimize() ? loopN : loopN2)(i, j));
	        }
	        function canOptimize() {
	            return itemTypes.length > 0 && !itemTypes.some((t) => t === "object" || t === "array");
	        }
	        function loopN(i, j) {
	            const item = gen.name("item");
	            const wrongType = (0, dataType_1.checkDataTypes)(itemTypes, item, it.opts.strictNumbers, dataType_1.DataType.Wrong);
	            const indices = gen.const("indices", (0, codegen_1._) `{}`);
	            gen.for((0, codegen_1._) `;${i}--;`, () => {
	                gen.let(item, (0, codegen_1._) `${data}[${i}]`);
	                gen.if(wrongType, (0, codegen_1._) `continue`);
	                if (itemTypes.length > 1)
	                    gen.if((0, codegen_1._) `typeof ${item} == "string"`, (0, codegen_1._) `${item} += "_"`);
	                gen
	                    .if((0, codegen_1._) `typeof ${indices}[${item}] == "number"`, () => {
	                    gen.assign(j, (0, codegen_1._) `${indices}[${item}]`);
	                    cxt.error();
	                    gen.assign(valid, false).break();
	                })
	                    .code((0, codegen_1._) `${indices}[${item}] = ${i}`);
	            });
	        }
	        function loopN2(i, j) {
	            const eql = (0, util_1.useFunc)(gen, equal_1.default);
	            const outer = gen.name("outer");
	            gen.label(outer).for((0, codegen_1._) `;${i}--;`, () => gen.for((0, codegen_1._) `${j} = ${i}; ${j}--;`, () => gen.if((0, codegen_1._) `${eql}(${data}[${i}], ${data}[${j}])`, () => {
	                cxt.error();
	                gen.assign(valid, false).break(outer);
	            })));
	        }
	    },
	};
	uniqueItems.default = def;
	
	return uniqueItems;
}

var _const = {};

var hasRequired_const;

function require_const () {
	if (hasRequired_const) return _const;
	hasRequired_const = 1;
	Object.defineProperty(_const, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const equal_1 = /*@__PURE__*/ requireEqual();
	const error = {
	    message: "must be equal to constant",
	    params: ({ schemaCode }) => (0, codegen_1._) `{allowedValue: ${schemaCode}}`,
	};
	const def = {
	    keyword: "const",
	    $data: true,
	    error,
	    code(cxt) {
	        const { gen, data, $data, schemaCode, schema } = cxt;
	        if ($data || (schema && typeof schema == "object")) {
	            cxt.fail$data((0, codegen_1._) `!${(0, util_1.useFunc)(gen, equal_1.default)}(${data}, ${schemaCode})`);
	        }
	        else {
	            cxt.fail((0, codegen_1._) `${schema} !== ${data}`);
	        }
	    },
	};
	_const.default = def;
	
	return _const;
}

var _enum = {};

var hasRequired_enum;

function require_enum () {
	if (hasRequired_enum) return _enum;
	hasRequired_enum = 1;
	Object.defineProperty(_enum, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const equal_1 = /*@__PURE__*/ requireEqual();
	const error = {
	    message: "must be equal to one of the allowed values",
	    params: ({ schemaCode }) => (0, codegen_1._) `{allowedValues: ${schemaCode}}`,
	};
	const def = {
	    keyword: "enum",
	    schemaType: "array",
	    $data: true,
	    error,
	    code(cxt) {
	        const { gen, data, $data, schema, schemaCode, it } = cxt;
	        if (!$data && schema.length === 0)
	            throw new Error("enum must have non-empty array");
	        const useLoop = schema.length >= it.opts.loopEnum;
	        let eql;
	        const getEql = () => (eql !== null && eql !== void 0 ? eql : (eql = (0, util_1.useFunc)(gen, equal_1.default)));
	        let valid;
	        if (useLoop || $data) {
	            valid = gen.let("valid");
	            cxt.block$data(valid, loopEnum);
	        }
	        else {
	            /* istanbul ignore if */
	            if (!Array.isArray(schema))
	                throw new Error("ajv implementation error");
	            const vSchema = gen.const("vSchema", schemaCode);
	            valid = (0, codegen_1.or)(...schema.map((_x, i) => equalCode(vSchema, i)));
	        }
	        cxt.pass(valid);
	        function loopEnum() {
	            gen.assign(valid, false);
	            gen.forOf("v", schemaCode, (v) => gen.if((0, codegen_1._) `${getEql()}(${data}, ${v})`, () => gen.assign(valid, true).break()));
	        }
	        function equalCode(vSchema, i) {
	            const sch = schema[i];
	            return typeof sch === "object" && sch !== null
	                ? (0, codegen_1._) `${getEql()}(${data}, ${vSchema}[${i}])`
	                : (0, codegen_1._) `${data} === ${sch}`;
	        }
	    },
	};
	_enum.default = def;
	
	return _enum;
}

var hasRequiredValidation;

function requireValidation () {
	if (hasRequiredValidation) return validation;
	hasRequiredValidation = 1;
	Object.defineProperty(validation, "__esModule", { value: true });
	const limitNumber_1 = /*@__PURE__*/ requireLimitNumber();
	const multipleOf_1 = /*@__PURE__*/ requireMultipleOf();
	const limitLength_1 = /*@__PURE__*/ requireLimitLength();
	const pattern_1 = /*@__PURE__*/ requirePattern();
	const limitProperties_1 = /*@__PURE__*/ requireLimitProperties();
	const required_1 = /*@__PURE__*/ requireRequired();
	const limitItems_1 = /*@__PURE__*/ requireLimitItems();
	const uniqueItems_1 = /*@__PURE__*/ requireUniqueItems();
	const const_1 = /*@__PURE__*/ require_const();
	const enum_1 = /*@__PURE__*/ require_enum();
	const validation$1 = [
	    // number
	    limitNumber_1.default,
	    multipleOf_1.default,
	    // string
	    limitLength_1.default,
	    pattern_1.default,
	    // object
	    limitProperties_1.default,
	    required_1.default,
	    // array
	    limitItems_1.default,
	    uniqueItems_1.default,
	    // any
	    { keyword: "type", schemaType: ["string", "array"] },
	    { keyword: "nullable", schemaType: "boolean" },
	    const_1.default,
	    enum_1.default,
	];
	validation.default = validation$1;
	
	return validation;
}

var applicator = {};

var additionalItems = {};

var hasRequiredAdditionalItems;

function requireAdditionalItems () {
	if (hasRequiredAdditionalItems) return additionalItems;
	hasRequiredAdditionalItems = 1;
	Object.defineProperty(additionalItems, "__esModule", { value: true });
	additionalItems.validateAdditionalItems = void 0;
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const error = {
	    message: ({ params: { len } }) => (0, codegen_1.str) `must NOT have more than ${len} items`,
	    params: ({ params: { len } }) => (0, codegen_1._) `{limit: ${len}}`,
	};
	const def = {
	    keyword: "additionalItems",
	    type: "array",
	    schemaType: ["boolean", "object"],
	    before: "uniqueItems",
	    error,
	    code(cxt) {
	        const { parentSchema, it } = cxt;
	        const { items } = parentSchema;
	        if (!Array.isArray(items)) {
	            (0, util_1.checkStrictMode)(it, '"additionalItems" is ignored when "items" is not an array of schemas');
	            return;
	        }
	        validateAdditionalItems(cxt, items);
	    },
	};
	function validateAdditionalItems(cxt, items) {
	    const { gen, schema, data, keyword, it } = cxt;
	    it.items = true;
	    const len = gen.const("len", (0, codegen_1._) `${data}.length`);
	    if (schema === false) {
	        cxt.setParams({ len: items.length });
	        cxt.pass((0, codegen_1._) `${len} <= ${items.length}`);
	    }
	    else if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
	        const valid = gen.var("valid", (0, codegen_1._) `${len} <= ${items.length}`); // TODO var
	        gen.if((0, codegen_1.not)(valid), () => validateItems(valid));
	        cxt.ok(valid);
	    }
	    function validateItems(valid) {
	        gen.forRange("i", items.length, len, (i) => {
	            cxt.subschema({ keyword, dataProp: i, dataPropType: util_1.Type.Num }, valid);
	            if (!it.allErrors)
	                gen.if((0, codegen_1.not)(valid), () => gen.break());
	        });
	    }
	}
	additionalItems.validateAdditionalItems = validateAdditionalItems;
	additionalItems.default = def;
	
	return additionalItems;
}

var prefixItems = {};

var items = {};

var hasRequiredItems;

function requireItems () {
	if (hasRequiredItems) return items;
	hasRequiredItems = 1;
	Object.defineProperty(items, "__esModule", { value: true });
	items.validateTuple = void 0;
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const code_1 = /*@__PURE__*/ requireCode();
	const def = {
	    keyword: "items",
	    type: "array",
	    schemaType: ["object", "array", "boolean"],
	    before: "uniqueItems",
	    code(cxt) {
	        const { schema, it } = cxt;
	        if (Array.isArray(schema))
	            return validateTuple(cxt, "additionalItems", schema);
	        it.items = true;
	        if ((0, util_1.alwaysValidSchema)(it, schema))
	            return;
	        cxt.ok((0, code_1.validateArray)(cxt));
	    },
	};
	function validateTuple(cxt, extraItems, schArr = cxt.schema) {
	    const { gen, parentSchema, data, keyword, it } = cxt;
	    checkStrictTuple(parentSchema);
	    if (it.opts.unevaluated && schArr.length && it.items !== true) {
	        it.items = util_1.mergeEvaluated.items(gen, schArr.length, it.items);
	    }
	    const valid = gen.name("valid");
	    const len = gen.const("len", (0, codegen_1._) `${data}.length`);
	    schArr.forEach((sch, i) => {
	        if ((0, util_1.alwaysValidSchema)(it, sch))
	            return;
	        gen.if((0, codegen_1._) `${len} > ${i}`, () => cxt.subschema({
	            keyword,
	            schemaProp: i,
	            dataProp: i,
	        }, valid));
	        cxt.ok(valid);
	    });
	    function checkStrictTuple(sch) {
	        const { opts, errSchemaPath } = it;
	        const l = schArr.length;
	        const fullTuple = l === sch.minItems && (l === sch.maxItems || sch[extraItems] === false);
	        if (opts.strictTuples && !fullTuple) {
	            const msg = `"${keyword}" is ${l}-tuple, but minItems or maxItems/${extraItems} are not specified or different at path "${errSchemaPath}"`;
	            (0, util_1.checkStrictMode)(it, msg, opts.strictTuples);
	        }
	    }
	}
	items.validateTuple = validateTuple;
	items.default = def;
	
	return items;
}

var hasRequiredPrefixItems;

function requirePrefixItems () {
	if (hasRequiredPrefixItems) return prefixItems;
	hasRequiredPrefixItems = 1;
	Object.defineProperty(prefixItems, "__esModule", { value: true });
	const items_1 = /*@__PURE__*/ requireItems();
	const def = {
	    keyword: "prefixItems",
	    type: "array",
	    schemaType: ["array"],
	    before: "uniqueItems",
	    code: (cxt) => (0, items_1.validateTuple)(cxt, "items"),
	};
	prefixItems.default = def;
	
	return prefixItems;
}

var items2020 = {};

var hasRequiredItems2020;

function requireItems2020 () {
	if (hasRequiredItems2020) return items2020;
	hasRequiredItems2020 = 1;
	Object.defineProperty(items2020, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const code_1 = /*@__PURE__*/ requireCode();
	const additionalItems_1 = /*@__PURE__*/ requireAdditionalItems();
	const error = {
	    message: ({ params: { len } }) => (0, codegen_1.str) `must NOT have more than ${len} items`,
	    params: ({ params: { len } }) => (0, codegen_1._) `{limit: ${len}}`,
	};
	const def = {
	    keyword: "items",
	    type: "array",
	    schemaType: ["object", "boolean"],
	    before: "uniqueItems",
	    error,
	    code(cxt) {
	        const { schema, parentSchema, it } = cxt;
	        const { prefixItems } = parentSchema;
	        it.items = true;
	        if ((0, util_1.alwaysValidSchema)(it, schema))
	            return;
	        if (prefixItems)
	            (0, additionalItems_1.validateAdditionalItems)(cxt, prefixItems);
	        else
	            cxt.ok((0, code_1.validateArray)(cxt));
	    },
	};
	items2020.default = def;
	
	return items2020;
}

var contains = {};

var hasRequiredContains;

function requireContains () {
	if (hasRequiredContains) return contains;
	hasRequiredContains = 1;
	Object.defineProperty(contains, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const error = {
	    message: ({ params: { min, max } }) => max === undefined
	        ? (0, codegen_1.str) `must contain at least ${min} valid item(s)`
	        : (0, codegen_1.str) `must contain at least ${min} and no more than ${max} valid item(s)`,
	    params: ({ params: { min, max } }) => max === undefined ? (0, codegen_1._) `{minContains: ${min}}` : (0, codegen_1._) `{minContains: ${min}, maxContains: ${max}}`,
	};
	const def = {
	    keyword: "contains",
	    type: "array",
	    schemaType: ["object", "boolean"],
	    before: "uniqueItems",
	    trackErrors: true,
	    error,
	    code(cxt) {
	        const { gen, schema, parentSchema, data, it } = cxt;
	        let min;
	        let max;
	        const { minContains, maxContains } = parentSchema;
	        if (it.opts.next) {
	            min = minContains === undefined ? 1 : minContains;
	            max = maxContains;
	        }
	        else {
	            min = 1;
	        }
	        const len = gen.const("len", (0, codegen_1._) `${data}.length`);
	        cxt.setParams({ min, max });
	        if (max === undefined && min === 0) {
	            (0, util_1.checkStrictMode)(it, `"minContains" == 0 without "maxContains": "contains" keyword ignored`);
	            return;
	        }
	        if (max !== undefined && min > max) {
	            (0, util_1.checkStrictMode)(it, `"minContains" > "maxContains" is always invalid`);
	            cxt.fail();
	            return;
	        }
	        if ((0, util_1.alwaysValidSchema)(it, schema)) {
	            let cond = (0, codegen_1._) `${len} >= ${min}`;
	            if (max !== undefined)
	                cond = (0, codegen_1._) `${cond} && ${len} <= ${max}`;
	            cxt.pass(cond);
	            return;
	        }
	        it.items = true;
	        const valid = gen.name("valid");
	        if (max === undefined && min === 1) {
	            validateItems(valid, () => gen.if(valid, () => gen.break()));
	        }
	        else if (min === 0) {
	            gen.let(valid, true);
	            if (max !== undefined)
	                gen.if((0, codegen_1._) `${data}.length > 0`, validateItemsWithCount);
	        }
	        else {
	            gen.let(valid, false);
	            validateItemsWithCount();
	        }
	        cxt.result(valid, () => cxt.reset());
	        function validateItemsWithCount() {
	            const schValid = gen.name("_valid");
	            const count = gen.let("count", 0);
	            validateItems(schValid, () => gen.if(schValid, () => checkLimits(count)));
	        }
	        function validateItems(_valid, block) {
	            gen.forRange("i", 0, len, (i) => {
	                cxt.subschema({
	                    keyword: "contains",
	                    dataProp: i,
	                    dataPropType: util_1.Type.Num,
	                    compositeRule: true,
	                }, _valid);
	                block();
	            });
	        }
	        function checkLimits(count) {
	            gen.code((0, codegen_1._) `${count}++`);
	            if (max === undefined) {
	                gen.if((0, codegen_1._) `${count} >= ${min}`, () => gen.assign(valid, true).break());
	            }
	            else {
	                gen.if((0, codegen_1._) `${count} > ${max}`, () => gen.assign(valid, false).break());
	                if (min === 1)
	                    gen.assign(valid, true);
	                else
	                    gen.if((0, codegen_1._) `${count} >= ${min}`, () => gen.assign(valid, true));
	            }
	        }
	    },
	};
	contains.default = def;
	
	return contains;
}

var dependencies = {};

var hasRequiredDependencies;

function requireDependencies () {
	if (hasRequiredDependencies) return dependencies;
	hasRequiredDependencies = 1;
	(function (exports) {
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.validateSchemaDeps = exports.validatePropertyDeps = exports.error = void 0;
		const codegen_1 = /*@__PURE__*/ requireCodegen();
		const util_1 = /*@__PURE__*/ requireUtil();
		const code_1 = /*@__PURE__*/ requireCode();
		exports.error = {
		    message: ({ params: { property, depsCount, deps } }) => {
		        const property_ies = depsCount === 1 ? "property" : "properties";
		        return (0, codegen_1.str) `must have ${property_ies} ${deps} when property ${property} is present`;
		    },
		    params: ({ params: { property, depsCount, deps, missingProperty } }) => (0, codegen_1._) `{property: ${property},
    missingProperty: ${missingProperty},
    depsCount: ${depsCount},
    deps: ${deps}}`, // TODO change to reference
		};
		const def = {
		    keyword: "dependencies",
		    type: "object",
		    schemaType: "object",
		    error: exports.error,
		    code(cxt) {
		        const [propDeps, schDeps] = splitDependencies(cxt);
		        validatePropertyDeps(cxt, propDeps);
		        validateSchemaDeps(cxt, schDeps);
		    },
		};
		function splitDependencies({ schema }) {
		    const propertyDeps = {};
		    const schemaDeps = {};
		    for (const key in schema) {
		        if (key === "__proto__")
		            continue;
		        const deps = Array.isArray(schema[key]) ? propertyDeps : schemaDeps;
		        deps[key] = schema[key];
		    }
		    return [propertyDeps, schemaDeps];
		}
		function validatePropertyDeps(cxt, propertyDeps = cxt.schema) {
		    const { gen, data, it } = cxt;
		    if (Object.keys(propertyDeps).length === 0)
		        return;
		    const missing = gen.let("missing");
		    for (const prop in propertyDeps) {
		        const deps = propertyDeps[prop];
		        if (deps.length === 0)
		            continue;
		        const hasProperty = (0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties);
		        cxt.setParams({
		            property: prop,
		            depsCount: deps.length,
		            deps: deps.join(", "),
		        });
		        if (it.allErrors) {
		            gen.if(hasProperty, () => {
		                for (const depProp of deps) {
		                    (0, code_1.checkReportMissingProp)(cxt, depProp);
		                }
		            });
		        }
		        else {
		            gen.if((0, codegen_1._) `${hasProperty} && (${(0, code_1.checkMissingProp)(cxt, deps, missing)})`);
		            (0, code_1.reportMissingProp)(cxt, missing);
		            gen.else();
		        }
		    }
		}
		exports.validatePropertyDeps = validatePropertyDeps;
		function validateSchemaDeps(cxt, schemaDeps = cxt.schema) {
		    const { gen, data, keyword, it } = cxt;
		    const valid = gen.name("valid");
		    for (const prop in schemaDeps) {
		        if ((0, util_1.alwaysValidSchema)(it, schemaDeps[prop]))
		            continue;
		        gen.if((0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties), () => {
		            const schCxt = cxt.subschema({ keyword, schemaProp: prop }, valid);
		            cxt.mergeValidEvaluated(schCxt, valid);
		        }, () => gen.var(valid, true) // TODO var
		        );
		        cxt.ok(valid);
		    }
		}
		exports.validateSchemaDeps = validateSchemaDeps;
		exports.default = def;
		
	} (dependencies));
	return dependencies;
}

var propertyNames = {};

var hasRequiredPropertyNames;

function requirePropertyNames () {
	if (hasRequiredPropertyNames) return propertyNames;
	hasRequiredPropertyNames = 1;
	Object.defineProperty(propertyNames, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const error = {
	    message: "property name must be valid",
	    params: ({ params }) => (0, codegen_1._) `{propertyName: ${params.propertyName}}`,
	};
	const def = {
	    keyword: "propertyNames",
	    type: "object",
	    schemaType: ["object", "boolean"],
	    error,
	    code(cxt) {
	        const { gen, schema, data, it } = cxt;
	        if ((0, util_1.alwaysValidSchema)(it, schema))
	            return;
	        const valid = gen.name("valid");
	        gen.forIn("key", data, (key) => {
	            cxt.setParams({ propertyName: key });
	            cxt.subschema({
	                keyword: "propertyNames",
	                data: key,
	                dataTypes: ["string"],
	                propertyName: key,
	                compositeRule: true,
	            }, valid);
	            gen.if((0, codegen_1.not)(valid), () => {
	                cxt.error(true);
	                if (!it.allErrors)
	                    gen.break();
	            });
	        });
	        cxt.ok(valid);
	    },
	};
	propertyNames.default = def;
	
	return propertyNames;
}

var additionalProperties$1 = {};

var hasRequiredAdditionalProperties;

function requireAdditionalProperties () {
	if (hasRequiredAdditionalProperties) return additionalProperties$1;
	hasRequiredAdditionalProperties = 1;
	Object.defineProperty(additionalProperties$1, "__esModule", { value: true });
	const code_1 = /*@__PURE__*/ requireCode();
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const names_1 = /*@__PURE__*/ requireNames();
	const util_1 = /*@__PURE__*/ requireUtil();
	const error = {
	    message: "must NOT have additional properties",
	    params: ({ params }) => (0, codegen_1._) `{additionalProperty: ${params.additionalProperty}}`,
	};
	const def = {
	    keyword: "additionalProperties",
	    type: ["object"],
	    schemaType: ["boolean", "object"],
	    allowUndefined: true,
	    trackErrors: true,
	    error,
	    code(cxt) {
	        const { gen, schema, parentSchema, data, errsCount, it } = cxt;
	        /* istanbul ignore if */
	        if (!errsCount)
	            throw new Error("ajv implementation error");
	        const { allErrors, opts } = it;
	        it.props = true;
	        if (opts.removeAdditional !== "all" && (0, util_1.alwaysValidSchema)(it, schema))
	            return;
	        const props = (0, code_1.allSchemaProperties)(parentSchema.properties);
	        const patProps = (0, code_1.allSchemaProperties)(parentSchema.patternProperties);
	        checkAdditionalProperties();
	        cxt.ok((0, codegen_1._) `${errsCount} === ${names_1.default.errors}`);
	        function checkAdditionalProperties() {
	            gen.forIn("key", data, (key) => {
	                if (!props.length && !patProps.length)
	                    additionalPropertyCode(key);
	                else
	                    gen.if(isAdditional(key), () => additionalPropertyCode(key));
	            });
	        }
	        function isAdditional(key) {
	            let definedProp;
	            if (props.length > 8) {
	                // TODO maybe an option instead of hard-coded 8?
	                const propsSchema = (0, util_1.schemaRefOrVal)(it, parentSchema.properties, "properties");
	                definedProp = (0, code_1.isOwnProperty)(gen, propsSchema, key);
	            }
	            else if (props.length) {
	                definedProp = (0, codegen_1.or)(...props.map((p) => (0, codegen_1._) `${key} === ${p}`));
	            }
	            else {
	                definedProp = codegen_1.nil;
	            }
	            if (patProps.length) {
	                definedProp = (0, codegen_1.or)(definedProp, ...patProps.map((p) => (0, codegen_1._) `${(0, code_1.usePattern)(cxt, p)}.test(${key})`));
	            }
	            return (0, codegen_1.not)(definedProp);
	        }
	        function deleteAdditional(key) {
	            gen.code((0, codegen_1._) `delete ${data}[${key}]`);
	        }
	        function additionalPropertyCode(key) {
	            if (opts.removeAdditional === "all" || (opts.removeAdditional && schema === false)) {
	                deleteAdditional(key);
	                return;
	            }
	            if (schema === false) {
	                cxt.setParams({ additionalProperty: key });
	                cxt.error();
	                if (!allErrors)
	                    gen.break();
	                return;
	            }
	            if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
	                const valid = gen.name("valid");
	                if (opts.removeAdditional === "failing") {
	                    applyAdditionalSchema(key, valid, false);
	                    gen.if((0, codegen_1.not)(valid), () => {
	                        cxt.reset();
	                        deleteAdditional(key);
	                    });
	                }
	                else {
	                    applyAdditionalSchema(key, valid);
	                    if (!allErrors)
	                        gen.if((0, codegen_1.not)(valid), () => gen.break());
	                }
	            }
	        }
	        function applyAdditionalSchema(key, valid, errors) {
	            const subschema = {
	                keyword: "additionalProperties",
	                dataProp: key,
	                dataPropType: util_1.Type.Str,
	            };
	            if (errors === false) {
	                Object.assign(subschema, {
	                    compositeRule: true,
	                    createErrors: false,
	                    allErrors: false,
	                });
	            }
	            cxt.subschema(subschema, valid);
	        }
	    },
	};
	additionalProperties$1.default = def;
	
	return additionalProperties$1;
}

var properties$2 = {};

var hasRequiredProperties;

function requireProperties () {
	if (hasRequiredProperties) return properties$2;
	hasRequiredProperties = 1;
	Object.defineProperty(properties$2, "__esModule", { value: true });
	const validate_1 = /*@__PURE__*/ requireValidate();
	const code_1 = /*@__PURE__*/ requireCode();
	const util_1 = /*@__PURE__*/ requireUtil();
	const additionalProperties_1 = /*@__PURE__*/ requireAdditionalProperties();
	const def = {
	    keyword: "properties",
	    type: "object",
	    schemaType: "object",
	    code(cxt) {
	        const { gen, schema, parentSchema, data, it } = cxt;
	        if (it.opts.removeAdditional === "all" && parentSchema.additionalProperties === undefined) {
	            additionalProperties_1.default.code(new validate_1.KeywordCxt(it, additionalProperties_1.default, "additionalProperties"));
	        }
	        const allProps = (0, code_1.allSchemaProperties)(schema);
	        for (const prop of allProps) {
	            it.definedProperties.add(prop);
	        }
	        if (it.opts.unevaluated && allProps.length && it.props !== true) {
	            it.props = util_1.mergeEvaluated.props(gen, (0, util_1.toHash)(allProps), it.props);
	        }
	        const properties = allProps.filter((p) => !(0, util_1.alwaysValidSchema)(it, schema[p]));
	        if (properties.length === 0)
	            return;
	        const valid = gen.name("valid");
	        for (const prop of properties) {
	            if (hasDefault(prop)) {
	                applyPropertySchema(prop);
	            }
	            else {
	                gen.if((0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties));
	                applyPropertySchema(prop);
	                if (!it.allErrors)
	                    gen.else().var(valid, true);
	                gen.endIf();
	            }
	            cxt.it.definedProperties.add(prop);
	            cxt.ok(valid);
	        }
	        function hasDefault(prop) {
	            return it.opts.useDefaults && !it.compositeRule && schema[prop].default !== undefined;
	        }
	        function applyPropertySchema(prop) {
	            cxt.subschema({
	                keyword: "properties",
	                schemaProp: prop,
	                dataProp: prop,
	            }, valid);
	        }
	    },
	};
	properties$2.default = def;
	
	return properties$2;
}

var patternProperties = {};

var hasRequiredPatternProperties;

function requirePatternProperties () {
	if (hasRequiredPatternProperties) return patternProperties;
	hasRequiredPatternProperties = 1;
	Object.defineProperty(patternProperties, "__esModule", { value: true });
	const code_1 = /*@__PURE__*/ requireCode();
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const util_2 = /*@__PURE__*/ requireUtil();
	const def = {
	    keyword: "patternProperties",
	    type: "object",
	    schemaType: "object",
	    code(cxt) {
	        const { gen, schema, data, parentSchema, it } = cxt;
	        const { opts } = it;
	        const patterns = (0, code_1.allSchemaProperties)(schema);
	        const alwaysValidPatterns = patterns.filter((p) => (0, util_1.alwaysValidSchema)(it, schema[p]));
	        if (patterns.length === 0 ||
	            (alwaysValidPatterns.length === patterns.length &&
	                (!it.opts.unevaluated || it.props === true))) {
	            return;
	        }
	        const checkProperties = opts.strictSchema && !opts.allowMatchingProperties && parentSchema.properties;
	        const valid = gen.name("valid");
	        if (it.props !== true && !(it.props instanceof codegen_1.Name)) {
	            it.props = (0, util_2.evaluatedPropsToName)(gen, it.props);
	        }
	        const { props } = it;
	        validatePatternProperties();
	        function validatePatternProperties() {
	            for (const pat of patterns) {
	                if (checkProperties)
	                    checkMatchingProperties(pat);
	                if (it.allErrors) {
	                    validateProperties(pat);
	                }
	                else {
	                    gen.var(valid, true); // TODO var
	                    validateProperties(pat);
	                    gen.if(valid);
	                }
	            }
	        }
	        function checkMatchingProperties(pat) {
	            for (const prop in checkProperties) {
	                if (new RegExp(pat).test(prop)) {
	                    (0, util_1.checkStrictMode)(it, `property ${prop} matches pattern ${pat} (use allowMatchingProperties)`);
	                }
	            }
	        }
	        function validateProperties(pat) {
	            gen.forIn("key", data, (key) => {
	                gen.if((0, codegen_1._) `${(0, code_1.usePattern)(cxt, pat)}.test(${key})`, () => {
	                    const alwaysValid = alwaysValidPatterns.includes(pat);
	                    if (!alwaysValid) {
	                        cxt.subschema({
	                            keyword: "patternProperties",
	                            schemaProp: pat,
	                            dataProp: key,
	                            dataPropType: util_2.Type.Str,
	                        }, valid);
	                    }
	                    if (it.opts.unevaluated && props !== true) {
	                        gen.assign((0, codegen_1._) `${props}[${key}]`, true);
	                    }
	                    else if (!alwaysValid && !it.allErrors) {
	                        // can short-circuit if `unevaluatedProperties` is not supported (opts.next === false)
	                        // or if all properties were evaluated (props === true)
	                        gen.if((0, codegen_1.not)(valid), () => gen.break());
	                    }
	                });
	            });
	        }
	    },
	};
	patternProperties.default = def;
	
	return patternProperties;
}

var not = {};

var hasRequiredNot;

function requireNot () {
	if (hasRequiredNot) return not;
	hasRequiredNot = 1;
	Object.defineProperty(not, "__esModule", { value: true });
	const util_1 = /*@__PURE__*/ requireUtil();
	const def = {
	    keyword: "not",
	    schemaType: ["object", "boolean"],
	    trackErrors: true,
	    code(cxt) {
	        const { gen, schema, it } = cxt;
	        if ((0, util_1.alwaysValidSchema)(it, schema)) {
	            cxt.fail();
	            return;
	        }
	        const valid = gen.name("valid");
	        cxt.subschema({
	            keyword: "not",
	            compositeRule: true,
	            createErrors: false,
	            allErrors: false,
	        }, valid);
	        cxt.failResult(valid, () => cxt.reset(), () => cxt.error());
	    },
	    error: { message: "must NOT be valid" },
	};
	not.default = def;
	
	return not;
}

var anyOf = {};

var hasRequiredAnyOf;

function requireAnyOf () {
	if (hasRequiredAnyOf) return anyOf;
	hasRequiredAnyOf = 1;
	Object.defineProperty(anyOf, "__esModule", { value: true });
	const code_1 = /*@__PURE__*/ requireCode();
	const def = {
	    keyword: "anyOf",
	    schemaType: "array",
	    trackErrors: true,
	    code: code_1.validateUnion,
	    error: { message: "must match a schema in anyOf" },
	};
	anyOf.default = def;
	
	return anyOf;
}

var oneOf = {};

var hasRequiredOneOf;

function requireOneOf () {
	if (hasRequiredOneOf) return oneOf;
	hasRequiredOneOf = 1;
	Object.defineProperty(oneOf, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const error = {
	    message: "must match exactly one schema in oneOf",
	    params: ({ params }) => (0, codegen_1._) `{passingSchemas: ${params.passing}}`,
	};
	const def = {
	    keyword: "oneOf",
	    schemaType: "array",
	    trackErrors: true,
	    error,
	    code(cxt) {
	        const { gen, schema, parentSchema, it } = cxt;
	        /* istanbul ignore if */
	        if (!Array.isArray(schema))
	            throw new Error("ajv implementation error");
	        if (it.opts.discriminator && parentSchema.discriminator)
	            return;
	        const schArr = schema;
	        const valid = gen.let("valid", false);
	        const passing = gen.let("passing", null);
	        const schValid = gen.name("_valid");
	        cxt.setParams({ passing });
	        // TODO possibly fail straight away (with warning or exception) if there are two empty always valid schemas
	        gen.block(validateOneOf);
	        cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
	        function validateOneOf() {
	            schArr.forEach((sch, i) => {
	                let schCxt;
	                if ((0, util_1.alwaysValidSchema)(it, sch)) {
	                    gen.var(schValid, true);
	                }
	                else {
	                    schCxt = cxt.subschema({
	                        keyword: "oneOf",
	                        schemaProp: i,
	                        compositeRule: true,
	                    }, schValid);
	                }
	                if (i > 0) {
	                    gen
	                        .if((0, codegen_1._) `${schValid} && ${valid}`)
	                        .assign(valid, false)
	                        .assign(passing, (0, codegen_1._) `[${passing}, ${i}]`)
	                        .else();
	                }
	                gen.if(schValid, () => {
	                    gen.assign(valid, true);
	                    gen.assign(passing, i);
	                    if (schCxt)
	                        cxt.mergeEvaluated(schCxt, codegen_1.Name);
	                });
	            });
	        }
	    },
	};
	oneOf.default = def;
	
	return oneOf;
}

var allOf = {};

var hasRequiredAllOf;

function requireAllOf () {
	if (hasRequiredAllOf) return allOf;
	hasRequiredAllOf = 1;
	Object.defineProperty(allOf, "__esModule", { value: true });
	const util_1 = /*@__PURE__*/ requireUtil();
	const def = {
	    keyword: "allOf",
	    schemaType: "array",
	    code(cxt) {
	        const { gen, schema, it } = cxt;
	        /* istanbul ignore if */
	        if (!Array.isArray(schema))
	            throw new Error("ajv implementation error");
	        const valid = gen.name("valid");
	        schema.forEach((sch, i) => {
	            if ((0, util_1.alwaysValidSchema)(it, sch))
	                return;
	            const schCxt = cxt.subschema({ keyword: "allOf", schemaProp: i }, valid);
	            cxt.ok(valid);
	            cxt.mergeEvaluated(schCxt);
	        });
	    },
	};
	allOf.default = def;
	
	return allOf;
}

var _if = {};

var hasRequired_if;

function require_if () {
	if (hasRequired_if) return _if;
	hasRequired_if = 1;
	Object.defineProperty(_if, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const util_1 = /*@__PURE__*/ requireUtil();
	const error = {
	    message: ({ params }) => (0, codegen_1.str) `must match "${params.ifClause}" schema`,
	    params: ({ params }) => (0, codegen_1._) `{failingKeyword: ${params.ifClause}}`,
	};
	const def = {
	    keyword: "if",
	    schemaType: ["object", "boolean"],
	    trackErrors: true,
	    error,
	    code(cxt) {
	        const { gen, parentSchema, it } = cxt;
	        if (parentSchema.then === undefined && parentSchema.else === undefined) {
	            (0, util_1.checkStrictMode)(it, '"if" without "then" and "else" is ignored');
	        }
	        const hasThen = hasSchema(it, "then");
	        const hasElse = hasSchema(it, "else");
	        if (!hasThen && !hasElse)
	            return;
	        const valid = gen.let("valid", true);
	        const schValid = gen.name("_valid");
	        validateIf();
	        cxt.reset();
	        if (hasThen && hasElse) {
	            const ifClause = gen.let("ifClause");
	            cxt.setParams({ ifClause });
	            gen.if(schValid, validateClause("then", ifClause), validateClause("else", ifClause));
	        }
	        else if (hasThen) {
	            gen.if(schValid, validateClause("then"));
	        }
	        else {
	            gen.if((0, codegen_1.not)(schValid), validateClause("else"));
	        }
	        cxt.pass(valid, () => cxt.error(true));
	        function validateIf() {
	            const schCxt = cxt.subschema({
	                keyword: "if",
	                compositeRule: true,
	                createErrors: false,
	                allErrors: false,
	            }, schValid);
	            cxt.mergeEvaluated(schCxt);
	        }
	        function validateClause(keyword, ifClause) {
	            return () => {
	                const schCxt = cxt.subschema({ keyword }, schValid);
	                gen.assign(valid, schValid);
	                cxt.mergeValidEvaluated(schCxt, valid);
	                if (ifClause)
	                    gen.assign(ifClause, (0, codegen_1._) `${keyword}`);
	                else
	                    cxt.setParams({ ifClause: keyword });
	            };
	        }
	    },
	};
	function hasSchema(it, keyword) {
	    const schema = it.schema[keyword];
	    return schema !== undefined && !(0, util_1.alwaysValidSchema)(it, schema);
	}
	_if.default = def;
	
	return _if;
}

var thenElse = {};

var hasRequiredThenElse;

function requireThenElse () {
	if (hasRequiredThenElse) return thenElse;
	hasRequiredThenElse = 1;
	Object.defineProperty(thenElse, "__esModule", { value: true });
	const util_1 = /*@__PURE__*/ requireUtil();
	const def = {
	    keyword: ["then", "else"],
	    schemaType: ["object", "boolean"],
	    code({ keyword, parentSchema, it }) {
	        if (parentSchema.if === undefined)
	            (0, util_1.checkStrictMode)(it, `"${keyword}" without "if" is ignored`);
	    },
	};
	thenElse.default = def;
	
	return thenElse;
}

var hasRequiredApplicator;

function requireApplicator () {
	if (hasRequiredApplicator) return applicator;
	hasRequiredApplicator = 1;
	Object.defineProperty(applicator, "__esModule", { value: true });
	const additionalItems_1 = /*@__PURE__*/ requireAdditionalItems();
	const prefixItems_1 = /*@__PURE__*/ requirePrefixItems();
	const items_1 = /*@__PURE__*/ requireItems();
	const items2020_1 = /*@__PURE__*/ requireItems2020();
	const contains_1 = /*@__PURE__*/ requireContains();
	const dependencies_1 = /*@__PURE__*/ requireDependencies();
	const propertyNames_1 = /*@__PURE__*/ requirePropertyNames();
	const additionalProperties_1 = /*@__PURE__*/ requireAdditionalProperties();
	const properties_1 = /*@__PURE__*/ requireProperties();
	const patternProperties_1 = /*@__PURE__*/ requirePatternProperties();
	const not_1 = /*@__PURE__*/ requireNot();
	const anyOf_1 = /*@__PURE__*/ requireAnyOf();
	const oneOf_1 = /*@__PURE__*/ requireOneOf();
	const allOf_1 = /*@__PURE__*/ requireAllOf();
	const if_1 = /*@__PURE__*/ require_if();
	const thenElse_1 = /*@__PURE__*/ requireThenElse();
	function getApplicator(draft2020 = false) {
	    const applicator = [
	        // any
	        not_1.default,
	        anyOf_1.default,
	        oneOf_1.default,
	        allOf_1.default,
	        if_1.default,
	        thenElse_1.default,
	        // object
	        propertyNames_1.default,
	        additionalProperties_1.default,
	        dependencies_1.default,
	        properties_1.default,
	        patternProperties_1.default,
	    ];
	    // array
	    if (draft2020)
	        applicator.push(prefixItems_1.default, items2020_1.default);
	    else
	        applicator.push(additionalItems_1.default, items_1.default);
	    applicator.push(contains_1.default);
	    return applicator;
	}
	applicator.default = getApplicator;
	
	return applicator;
}

var format$1 = {};

var format = {};

var hasRequiredFormat$1;

function requireFormat$1 () {
	if (hasRequiredFormat$1) return format;
	hasRequiredFormat$1 = 1;
	Object.defineProperty(format, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const error = {
	    message: ({ schemaCode }) => (0, codegen_1.str) `must match format "${schemaCode}"`,
	    params: ({ schemaCode }) => (0, codegen_1._) `{format: ${schemaCode}}`,
	};
	const def = {
	    keyword: "format",
	    type: ["number", "string"],
	    schemaType: "string",
	    $data: true,
	    error,
	    code(cxt, ruleType) {
	        const { gen, data, $data, schema, schemaCode, it } = cxt;
	        const { opts, errSchemaPath, schemaEnv, self } = it;
	        if (!opts.validateFormats)
	            return;
	        if ($data)
	            validate$DataFormat();
	        else
	            validateFormat();
	        function validate$DataFormat() {
	            const fmts = gen.scopeValue("formats", {
	                ref: self.formats,
	                code: opts.code.formats,
	            });
	            const fDef = gen.const("fDef", (0, codegen_1._) `${fmts}[${schemaCode}]`);
	            const fType = gen.let("fType");
	            const format = gen.let("format");
	            // TODO simplify
	            gen.if((0, codegen_1._) `typeof ${fDef} == "object" && !(${fDef} instanceof RegExp)`, () => gen.assign(fType, (0, codegen_1._) `${fDef}.type || "string"`).assign(format, (0, codegen_1._) `${fDef}.validate`), () => gen.assign(fType, (0, codegen_1._) `"string"`).assign(format, fDef));
	            cxt.fail$data((0, codegen_1.or)(unknownFmt(), invalidFmt()));
	            function unknownFmt() {
	                if (opts.strictSchema === false)
	                    return codegen_1.nil;
	                return (0, codegen_1._) `${schemaCode} && !${format}`;
	            }
	            function invalidFmt() {
	                const callFormat = schemaEnv.$async
	                    ? (0, codegen_1._) `(${fDef}.async ? await ${format}(${data}) : ${format}(${data}))`
	                    : (0, codegen_1._) `${format}(${data})`;
	                const validData = (0, codegen_1._) `(typeof ${format} == "function" ? ${callFormat} : ${format}.test(${data}))`;
	                return (0, codegen_1._) `${format} && ${format} !== true && ${fType} === ${ruleType} && !${validData}`;
	            }
	        }
	        function validateFormat() {
	            const formatDef = self.formats[schema];
	            if (!formatDef) {
	                unknownFormat();
	                return;
	            }
	            if (formatDef === true)
	                return;
	            const [fmtType, format, fmtRef] = getFormat(formatDef);
	            if (fmtType === ruleType)
	                cxt.pass(validCondition());
	            function unknownFormat() {
	                if (opts.strictSchema === false) {
	                    self.logger.warn(unknownMsg());
	                    return;
	                }
	                throw new Error(unknownMsg());
	                function unknownMsg() {
	                    return `unknown format "${schema}" ignored in schema at path "${errSchemaPath}"`;
	                }
	            }
	            function getFormat(fmtDef) {
	                const code = fmtDef instanceof RegExp
	                    ? (0, codegen_1.regexpCode)(fmtDef)
	                    : opts.code.formats
	                        ? (0, codegen_1._) `${opts.code.formats}${(0, codegen_1.getProperty)(schema)}`
	                        : undefined;
	                const fmt = gen.scopeValue("formats", { key: schema, ref: fmtDef, code });
	                if (typeof fmtDef == "object" && !(fmtDef instanceof RegExp)) {
	                    return [fmtDef.type || "string", fmtDef.validate, (0, codegen_1._) `${fmt}.validate`];
	                }
	                return ["string", fmtDef, fmt];
	            }
	            function validCondition() {
	                if (typeof formatDef == "object" && !(formatDef instanceof RegExp) && formatDef.async) {
	                    if (!schemaEnv.$async)
	                        throw new Error("async format in sync schema");
	                    return (0, codegen_1._) `await ${fmtRef}(${data})`;
	                }
	                return typeof format == "function" ? (0, codegen_1._) `${fmtRef}(${data})` : (0, codegen_1._) `${fmtRef}.test(${data})`;
	            }
	        }
	    },
	};
	format.default = def;
	
	return format;
}

var hasRequiredFormat;

function requireFormat () {
	if (hasRequiredFormat) return format$1;
	hasRequiredFormat = 1;
	Object.defineProperty(format$1, "__esModule", { value: true });
	const format_1 = /*@__PURE__*/ requireFormat$1();
	const format = [format_1.default];
	format$1.default = format;
	
	return format$1;
}

var metadata = {};

var hasRequiredMetadata;

function requireMetadata () {
	if (hasRequiredMetadata) return metadata;
	hasRequiredMetadata = 1;
	Object.defineProperty(metadata, "__esModule", { value: true });
	metadata.contentVocabulary = metadata.metadataVocabulary = void 0;
	metadata.metadataVocabulary = [
	    "title",
	    "description",
	    "default",
	    "deprecated",
	    "readOnly",
	    "writeOnly",
	    "examples",
	];
	metadata.contentVocabulary = [
	    "contentMediaType",
	    "contentEncoding",
	    "contentSchema",
	];
	
	return metadata;
}

var hasRequiredDraft7;

function requireDraft7 () {
	if (hasRequiredDraft7) return draft7;
	hasRequiredDraft7 = 1;
	Object.defineProperty(draft7, "__esModule", { value: true });
	const core_1 = /*@__PURE__*/ requireCore$1();
	const validation_1 = /*@__PURE__*/ requireValidation();
	const applicator_1 = /*@__PURE__*/ requireApplicator();
	const format_1 = /*@__PURE__*/ requireFormat();
	const metadata_1 = /*@__PURE__*/ requireMetadata();
	const draft7Vocabularies = [
	    core_1.default,
	    validation_1.default,
	    (0, applicator_1.default)(),
	    format_1.default,
	    metadata_1.metadataVocabulary,
	    metadata_1.contentVocabulary,
	];
	draft7.default = draft7Vocabularies;
	
	return draft7;
}

var discriminator = {};

var types$1 = {};

var hasRequiredTypes;

function requireTypes () {
	if (hasRequiredTypes) return types$1;
	hasRequiredTypes = 1;
	Object.defineProperty(types$1, "__esModule", { value: true });
	types$1.DiscrError = void 0;
	var DiscrError;
	(function (DiscrError) {
	    DiscrError["Tag"] = "tag";
	    DiscrError["Mapping"] = "mapping";
	})(DiscrError || (types$1.DiscrError = DiscrError = {}));
	
	return types$1;
}

var hasRequiredDiscriminator;

function requireDiscriminator () {
	if (hasRequiredDiscriminator) return discriminator;
	hasRequiredDiscriminator = 1;
	Object.defineProperty(discriminator, "__esModule", { value: true });
	const codegen_1 = /*@__PURE__*/ requireCodegen();
	const types_1 = /*@__PURE__*/ requireTypes();
	const compile_1 = /*@__PURE__*/ requireCompile();
	const ref_error_1 = /*@__PURE__*/ requireRef_error();
	const util_1 = /*@__PURE__*/ requireUtil();
	const error = {
	    message: ({ params: { discrError, tagName } }) => discrError === types_1.DiscrError.Tag
	        ? `tag "${tagName}" must be string`
	        : `value of tag "${tagName}" must be in oneOf`,
	    params: ({ params: { discrError, tag, tagName } }) => (0, codegen_1._) `{error: ${discrError}, tag: ${tagName}, tagValue: ${tag}}`,
	};
	const def = {
	    keyword: "discriminator",
	    type: "object",
	    schemaType: "object",
	    error,
	    code(cxt) {
	        const { gen, data, schema, parentSchema, it } = cxt;
	        const { oneOf } = parentSchema;
	        if (!it.opts.discriminator) {
	            throw new Error("discriminator: requires discriminator option");
	        }
	        const tagName = schema.propertyName;
	        if (typeof tagName != "string")
	            throw new Error("discriminator: requires propertyName");
	        if (schema.mapping)
	            throw new Error("discriminator: mapping is not supported");
	        if (!oneOf)
	            throw new Error("discriminator: requires oneOf keyword");
	        const valid = gen.let("valid", false);
	        const tag = gen.const("tag", (0, codegen_1._) `${data}${(0, codegen_1.getProperty)(tagName)}`);
	        gen.if((0, codegen_1._) `typeof ${tag} == "string"`, () => validateMapping(), () => cxt.error(false, { discrError: types_1.DiscrError.Tag, tag, tagName }));
	        cxt.ok(valid);
	        function validateMapping() {
	            const mapping = getMapping();
	            gen.if(false);
	            for (const tagValue in mapping) {
	                gen.elseIf((0, codegen_1._) `${tag} === ${tagValue}`);
	                gen.assign(valid, applyTagSchema(mapping[tagValue]));
	            }
	            gen.else();
	            cxt.error(false, { discrError: types_1.DiscrError.Mapping, tag, tagName });
	            gen.endIf();
	        }
	        function applyTagSchema(schemaProp) {
	            const _valid = gen.name("valid");
	            const schCxt = cxt.subschema({ keyword: "oneOf", schemaProp }, _valid);
	            cxt.mergeEvaluated(schCxt, codegen_1.Name);
	            return _valid;
	        }
	        function getMapping() {
	            var _a;
	            const oneOfMapping = {};
	            const topRequired = hasRequired(parentSchema);
	            let tagRequired = true;
	            for (let i = 0; i < oneOf.length; i++) {
	                let sch = oneOf[i];
	                if ((sch === null || sch === void 0 ? void 0 : sch.$ref) && !(0, util_1.schemaHasRulesButRef)(sch, it.self.RULES)) {
	                    const ref = sch.$ref;
	                    sch = compile_1.resolveRef.call(it.self, it.schemaEnv.root, it.baseId, ref);
	                    if (sch instanceof compile_1.SchemaEnv)
	                        sch = sch.schema;
	                    if (sch === undefined)
	                        throw new ref_error_1.default(it.opts.uriResolver, it.baseId, ref);
	                }
	                const propSch = (_a = sch === null || sch === void 0 ? void 0 : sch.properties) === null || _a === void 0 ? void 0 : _a[tagName];
	                if (typeof propSch != "object") {
	                    throw new Error(`discriminator: oneOf subschemas (or referenced schemas) must have "properties/${tagName}"`);
	                }
	                tagRequired = tagRequired && (topRequired || hasRequired(sch));
	                addMappings(propSch, i);
	            }
	            if (!tagRequired)
	                throw new Error(`discriminator: "${tagName}" must be required`);
	            return oneOfMapping;
	            function hasRequired({ required }) {
	                return Array.isArray(required) && required.includes(tagName);
	            }
	            function addMappings(sch, i) {
	                if (sch.const) {
	                    addMapping(sch.const, i);
	                }
	                else if (sch.enum) {
	                    for (const tagValue of sch.enum) {
	                        addMapping(tagValue, i);
	                    }
	                }
	                else {
	                    throw new Error(`discriminator: "properties/${tagName}" must have "const" or "enum"`);
	                }
	            }
	            function addMapping(tagValue, i) {
	                if (typeof tagValue != "string" || tagValue in oneOfMapping) {
	                    throw new Error(`discriminator: "${tagName}" values must be unique strings`);
	                }
	                oneOfMapping[tagValue] = i;
	            }
	        }
	    },
	};
	discriminator.default = def;
	
	return discriminator;
}

var $schema$1 = "http://json-schema.org/draft-07/schema#";
var $id$1 = "http://json-schema.org/draft-07/schema#";
var title$1 = "Core schema meta-schema";
var definitions = {
	schemaArray: {
		type: "array",
		minItems: 1,
		items: {
			$ref: "#"
		}
	},
	nonNegativeInteger: {
		type: "integer",
		minimum: 0
	},
	nonNegativeIntegerDefault0: {
		allOf: [
			{
				$ref: "#/definitions/nonNegativeInteger"
			},
			{
				"default": 0
			}
		]
	},
	simpleTypes: {
		"enum": [
			"array",
			"boolean",
			"integer",
			"null",
			"number",
			"object",
			"string"
		]
	},
	stringArray: {
		type: "array",
		items: {
			type: "string"
		},
		uniqueItems: true,
		"default": [
		]
	}
};
var type$2 = [
	"object",
	"boolean"
];
var properties$1 = {
	$id: {
		type: "string",
		format: "uri-reference"
	},
	$schema: {
		type: "string",
		format: "uri"
	},
	$ref: {
		type: "string",
		format: "uri-reference"
	},
	$comment: {
		type: "string"
	},
	title: {
		type: "string"
	},
	description: {
		type: "string"
	},
	"default": true,
	readOnly: {
		type: "boolean",
		"default": false
	},
	examples: {
		type: "array",
		items: true
	},
	multipleOf: {
		type: "number",
		exclusiveMinimum: 0
	},
	maximum: {
		type: "number"
	},
	exclusiveMaximum: {
		type: "number"
	},
	minimum: {
		type: "number"
	},
	exclusiveMinimum: {
		type: "number"
	},
	maxLength: {
		$ref: "#/definitions/nonNegativeInteger"
	},
	minLength: {
		$ref: "#/definitions/nonNegativeIntegerDefault0"
	},
	pattern: {
		type: "string",
		format: "regex"
	},
	additionalItems: {
		$ref: "#"
	},
	items: {
		anyOf: [
			{
				$ref: "#"
			},
			{
				$ref: "#/definitions/schemaArray"
			}
		],
		"default": true
	},
	maxItems: {
		$ref: "#/definitions/nonNegativeInteger"
	},
	minItems: {
		$ref: "#/definitions/nonNegativeIntegerDefault0"
	},
	uniqueItems: {
		type: "boolean",
		"default": false
	},
	contains: {
		$ref: "#"
	},
	maxProperties: {
		$ref: "#/definitions/nonNegativeInteger"
	},
	minProperties: {
		$ref: "#/definitions/nonNegativeIntegerDefault0"
	},
	required: {
		$ref: "#/definitions/stringArray"
	},
	additionalProperties: {
		$ref: "#"
	},
	definitions: {
		type: "object",
		additionalProperties: {
			$ref: "#"
		},
		"default": {
		}
	},
	properties: {
		type: "object",
		additionalProperties: {
			$ref: "#"
		},
		"default": {
		}
	},
	patternProperties: {
		type: "object",
		additionalProperties: {
			$ref: "#"
		},
		propertyNames: {
			format: "regex"
		},
		"default": {
		}
	},
	dependencies: {
		type: "object",
		additionalProperties: {
			anyOf: [
				{
					$ref: "#"
				},
				{
					$ref: "#/definitions/stringArray"
				}
			]
		}
	},
	propertyNames: {
		$ref: "#"
	},
	"const": true,
	"enum": {
		type: "array",
		items: true,
		minItems: 1,
		uniqueItems: true
	},
	type: {
		anyOf: [
			{
				$ref: "#/definitions/simpleTypes"
			},
			{
				type: "array",
				items: {
					$ref: "#/definitions/simpleTypes"
				},
				minItems: 1,
				uniqueItems: true
			}
		]
	},
	format: {
		type: "string"
	},
	contentMediaType: {
		type: "string"
	},
	contentEncoding: {
		type: "string"
	},
	"if": {
		$ref: "#"
	},
	then: {
		$ref: "#"
	},
	"else": {
		$ref: "#"
	},
	allOf: {
		$ref: "#/definitions/schemaArray"
	},
	anyOf: {
		$ref: "#/definitions/schemaArray"
	},
	oneOf: {
		$ref: "#/definitions/schemaArray"
	},
	not: {
		$ref: "#"
	}
};
var require$$3 = {
	$schema: $schema$1,
	$id: $id$1,
	title: title$1,
	definitions: definitions,
	type: type$2,
	properties: properties$1,
	"default": true
};

var hasRequiredAjv;

function requireAjv () {
	if (hasRequiredAjv) return ajv$1.exports;
	hasRequiredAjv = 1;
	(function (module, exports) {
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.MissingRefError = exports.ValidationError = exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = exports.Ajv = void 0;
		const core_1 = /*@__PURE__*/ requireCore$2();
		const draft7_1 = /*@__PURE__*/ requireDraft7();
		const discriminator_1 = /*@__PURE__*/ requireDiscriminator();
		const draft7MetaSchema = require$$3;
		const META_SUPPORT_DATA = ["/properties"];
		const META_SCHEMA_ID = "http://json-schema.org/draft-07/schema";
		class Ajv extends core_1.default {
		    _addVocabularies() {
		        super._addVocabularies();
		        draft7_1.default.forEach((v) => this.addVocabulary(v));
		        if (this.opts.discriminator)
		            this.addKeyword(discriminator_1.default);
		    }
		    _addDefaultMetaSchema() {
		        super._addDefaultMetaSchema();
		        if (!this.opts.meta)
		            return;
		        const metaSchema = this.opts.$data
		            ? this.$dataMetaSchema(draft7MetaSchema, META_SUPPORT_DATA)
		            : draft7MetaSchema;
		        this.addMetaSchema(metaSchema, META_SCHEMA_ID, false);
		        this.refs["http://json-schema.org/schema"] = META_SCHEMA_ID;
		    }
		    defaultMeta() {
		        return (this.opts.defaultMeta =
		            super.defaultMeta() || (this.getSchema(META_SCHEMA_ID) ? META_SCHEMA_ID : undefined));
		    }
		}
		exports.Ajv = Ajv;
		module.exports = exports = Ajv;
		module.exports.Ajv = Ajv;
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.default = Ajv;
		var validate_1 = /*@__PURE__*/ requireValidate();
		Object.defineProperty(exports, "KeywordCxt", { enumerable: true, get: function () { return validate_1.KeywordCxt; } });
		var codegen_1 = /*@__PURE__*/ requireCodegen();
		Object.defineProperty(exports, "_", { enumerable: true, get: function () { return codegen_1._; } });
		Object.defineProperty(exports, "str", { enumerable: true, get: function () { return codegen_1.str; } });
		Object.defineProperty(exports, "stringify", { enumerable: true, get: function () { return codegen_1.stringify; } });
		Object.defineProperty(exports, "nil", { enumerable: true, get: function () { return codegen_1.nil; } });
		Object.defineProperty(exports, "Name", { enumerable: true, get: function () { return codegen_1.Name; } });
		Object.defineProperty(exports, "CodeGen", { enumerable: true, get: function () { return codegen_1.CodeGen; } });
		var validation_error_1 = /*@__PURE__*/ requireValidation_error();
		Object.defineProperty(exports, "ValidationError", { enumerable: true, get: function () { return validation_error_1.default; } });
		var ref_error_1 = /*@__PURE__*/ requireRef_error();
		Object.defineProperty(exports, "MissingRefError", { enumerable: true, get: function () { return ref_error_1.default; } });
		
	} (ajv$1, ajv$1.exports));
	return ajv$1.exports;
}

var ajvExports = /*@__PURE__*/ requireAjv();

/**
 * JSON Schema validation (ajv) with messages a person can act on: the file, the path inside it in
 * the form people write (`artifacts[1].columns.score`), the line where it can be found, the value and
 * what was expected.
 */
// validateSchema: false skips compiling the draft-07 meta-schema on every run (about 70 ms of the
// CLI's start); the schemas themselves are checked against it by a test (__tests__/core/schemas.test.ts).
const ajv = new ajvExports.Ajv({
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
    validateSchema: false,
    verbose: true
});
const compiled = new WeakMap();
/** `/artifacts/1/columns` -> `artifacts[1].columns`. */
function pathOf(pointer) {
    return pointer
        .split('/')
        .slice(1)
        .map(p => p.replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}
function describe(e) {
    const path = pathOf(e.instancePath);
    const p = e.params;
    switch (e.keyword) {
        case 'additionalProperties': {
            const key = String(p.additionalProperty);
            return { path: path ? `${path}.${key}` : key, text: `unknown key ${quote(key)}` };
        }
        case 'required':
            return { path, text: `missing required key ${quote(p.missingProperty)}` };
        case 'const':
            return { path, text: `found ${quote(e.data)}, expected ${quote(p.allowedValue)}` };
        case 'enum':
            return {
                path,
                text: `found ${quote(e.data)}, expected one of ${p.allowedValues.map(v => quote(v)).join(', ')}`
            };
        case 'type':
            return { path, text: `found ${quote(e.data)}, expected ${String(p.type).replace(',', ' or ')}` };
        default:
            return { path, text: `found ${quote(e.data)}; it ${e.message ?? 'is not valid'}` };
    }
}
/** Throws one InputError listing every schema violation (the first one's location leads). */
function validate(schema, doc, file) {
    let fn = compiled.get(schema);
    if (!fn) {
        fn = ajv.compile(schema);
        compiled.set(schema, fn);
    }
    if (fn(doc.data))
        return doc.data;
    const errors = (fn.errors ?? [])
        .filter(e => e.keyword !== 'if' && e.keyword !== 'oneOf' && e.keyword !== 'anyOf')
        .map(e => ({ ...describe(e), data: e.data }));
    const unique = errors.filter((e, i) => errors.findIndex(o => o.path === e.path && o.text === e.text) === i);
    const first = unique[0] ?? { path: '', text: 'does not match the schema' };
    const lines = unique.map(e => {
        const line = doc.lineOf(e.path);
        return `  ${e.path || '(top level)'}${line ? ` (line ${line})` : ''}: ${e.text}`;
    });
    const detail = unique.length === 1 ? first.text : `${unique.length} problems:\n${lines.join('\n')}`;
    throw new InputError(detail, {
        file,
        line: doc.lineOf(first.path),
        path: unique.length === 1 ? first.path || undefined : undefined
    });
}

function getDefaultExportFromCjs(x) {
  return x && x.__esModule && Object.prototype.hasOwnProperty.call(x, "default") ? x["default"] : x;
}
var jsYaml = {};
var loader = {};
var common = {};
var hasRequiredCommon;
function requireCommon() {
  if (hasRequiredCommon) return common;
  hasRequiredCommon = 1;
  function isNothing(subject) {
    return typeof subject === "undefined" || subject === null;
  }
  function isObject(subject) {
    return typeof subject === "object" && subject !== null;
  }
  function toArray(sequence) {
    if (Array.isArray(sequence)) return sequence;
    else if (isNothing(sequence)) return [];
    return [sequence];
  }
  function extend(target, source) {
    if (source) {
      const sourceKeys = Object.keys(source);
      for (let index = 0, length = sourceKeys.length; index < length; index += 1) {
        const key = sourceKeys[index];
        target[key] = source[key];
      }
    }
    return target;
  }
  function repeat(string, count) {
    let result = "";
    for (let cycle = 0; cycle < count; cycle += 1) {
      result += string;
    }
    return result;
  }
  function isNegativeZero(number) {
    return number === 0 && Number.NEGATIVE_INFINITY === 1 / number;
  }
  common.isNothing = isNothing;
  common.isObject = isObject;
  common.toArray = toArray;
  common.repeat = repeat;
  common.isNegativeZero = isNegativeZero;
  common.extend = extend;
  return common;
}
var exception;
var hasRequiredException;
function requireException() {
  if (hasRequiredException) return exception;
  hasRequiredException = 1;
  function formatError(exception2, compact) {
    let where = "";
    const message = exception2.reason || "(unknown reason)";
    if (!exception2.mark) return message;
    if (exception2.mark.name) {
      where += 'in "' + exception2.mark.name + '" ';
    }
    where += "(" + (exception2.mark.line + 1) + ":" + (exception2.mark.column + 1) + ")";
    if (!compact && exception2.mark.snippet) {
      where += "\n\n" + exception2.mark.snippet;
    }
    return message + " " + where;
  }
  function YAMLException2(reason, mark) {
    Error.call(this);
    this.name = "YAMLException";
    this.reason = reason;
    this.mark = mark;
    this.message = formatError(this, false);
    if (Error.captureStackTrace) {
      Error.captureStackTrace(this, this.constructor);
    } else {
      this.stack = new Error().stack || "";
    }
  }
  YAMLException2.prototype = Object.create(Error.prototype);
  YAMLException2.prototype.constructor = YAMLException2;
  YAMLException2.prototype.toString = function toString(compact) {
    return this.name + ": " + formatError(this, compact);
  };
  exception = YAMLException2;
  return exception;
}
var snippet;
var hasRequiredSnippet;
function requireSnippet() {
  if (hasRequiredSnippet) return snippet;
  hasRequiredSnippet = 1;
  const common2 = requireCommon();
  function getLine(buffer, lineStart, lineEnd, position, maxLineLength) {
    let head = "";
    let tail = "";
    const maxHalfLength = Math.floor(maxLineLength / 2) - 1;
    if (position - lineStart > maxHalfLength) {
      head = " ... ";
      lineStart = position - maxHalfLength + head.length;
    }
    if (lineEnd - position > maxHalfLength) {
      tail = " ...";
      lineEnd = position + maxHalfLength - tail.length;
    }
    return {
      str: head + buffer.slice(lineStart, lineEnd).replace(/\t/g, "→") + tail,
      pos: position - lineStart + head.length
      // relative position
    };
  }
  function padStart(string, max) {
    return common2.repeat(" ", max - string.length) + string;
  }
  function makeSnippet(mark, options) {
    options = Object.create(options || null);
    if (!mark.buffer) return null;
    if (!options.maxLength) options.maxLength = 79;
    if (typeof options.indent !== "number") options.indent = 1;
    if (typeof options.linesBefore !== "number") options.linesBefore = 3;
    if (typeof options.linesAfter !== "number") options.linesAfter = 2;
    const re = /\r?\n|\r|\0/g;
    const lineStarts = [0];
    const lineEnds = [];
    let match;
    let foundLineNo = -1;
    while (match = re.exec(mark.buffer)) {
      lineEnds.push(match.index);
      lineStarts.push(match.index + match[0].length);
      if (mark.position <= match.index && foundLineNo < 0) {
        foundLineNo = lineStarts.length - 2;
      }
    }
    if (foundLineNo < 0) foundLineNo = lineStarts.length - 1;
    let result = "";
    const lineNoLength = Math.min(mark.line + options.linesAfter, lineEnds.length).toString().length;
    const maxLineLength = options.maxLength - (options.indent + lineNoLength + 3);
    for (let i = 1; i <= options.linesBefore; i++) {
      if (foundLineNo - i < 0) break;
      const line2 = getLine(
        mark.buffer,
        lineStarts[foundLineNo - i],
        lineEnds[foundLineNo - i],
        mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo - i]),
        maxLineLength
      );
      result = common2.repeat(" ", options.indent) + padStart((mark.line - i + 1).toString(), lineNoLength) + " | " + line2.str + "\n" + result;
    }
    const line = getLine(mark.buffer, lineStarts[foundLineNo], lineEnds[foundLineNo], mark.position, maxLineLength);
    result += common2.repeat(" ", options.indent) + padStart((mark.line + 1).toString(), lineNoLength) + " | " + line.str + "\n";
    result += common2.repeat("-", options.indent + lineNoLength + 3 + line.pos) + "^\n";
    for (let i = 1; i <= options.linesAfter; i++) {
      if (foundLineNo + i >= lineEnds.length) break;
      const line2 = getLine(
        mark.buffer,
        lineStarts[foundLineNo + i],
        lineEnds[foundLineNo + i],
        mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo + i]),
        maxLineLength
      );
      result += common2.repeat(" ", options.indent) + padStart((mark.line + i + 1).toString(), lineNoLength) + " | " + line2.str + "\n";
    }
    return result.replace(/\n$/, "");
  }
  snippet = makeSnippet;
  return snippet;
}
var type$1;
var hasRequiredType;
function requireType() {
  if (hasRequiredType) return type$1;
  hasRequiredType = 1;
  const YAMLException2 = requireException();
  const TYPE_CONSTRUCTOR_OPTIONS = [
    "kind",
    "multi",
    "resolve",
    "construct",
    "instanceOf",
    "predicate",
    "represent",
    "representName",
    "defaultStyle",
    "styleAliases"
  ];
  const YAML_NODE_KINDS = [
    "scalar",
    "sequence",
    "mapping"
  ];
  function compileStyleAliases(map2) {
    const result = {};
    if (map2 !== null) {
      Object.keys(map2).forEach(function(style) {
        map2[style].forEach(function(alias) {
          result[String(alias)] = style;
        });
      });
    }
    return result;
  }
  function Type2(tag, options) {
    options = options || {};
    Object.keys(options).forEach(function(name) {
      if (TYPE_CONSTRUCTOR_OPTIONS.indexOf(name) === -1) {
        throw new YAMLException2('Unknown option "' + name + '" is met in definition of "' + tag + '" YAML type.');
      }
    });
    this.options = options;
    this.tag = tag;
    this.kind = options["kind"] || null;
    this.resolve = options["resolve"] || function() {
      return true;
    };
    this.construct = options["construct"] || function(data) {
      return data;
    };
    this.instanceOf = options["instanceOf"] || null;
    this.predicate = options["predicate"] || null;
    this.represent = options["represent"] || null;
    this.representName = options["representName"] || null;
    this.defaultStyle = options["defaultStyle"] || null;
    this.multi = options["multi"] || false;
    this.styleAliases = compileStyleAliases(options["styleAliases"] || null);
    if (YAML_NODE_KINDS.indexOf(this.kind) === -1) {
      throw new YAMLException2('Unknown kind "' + this.kind + '" is specified for "' + tag + '" YAML type.');
    }
  }
  type$1 = Type2;
  return type$1;
}
var schema$1;
var hasRequiredSchema;
function requireSchema() {
  if (hasRequiredSchema) return schema$1;
  hasRequiredSchema = 1;
  const YAMLException2 = requireException();
  const Type2 = requireType();
  function compileList(schema2, name) {
    const result = [];
    schema2[name].forEach(function(currentType) {
      let newIndex = result.length;
      result.forEach(function(previousType, previousIndex) {
        if (previousType.tag === currentType.tag && previousType.kind === currentType.kind && previousType.multi === currentType.multi) {
          newIndex = previousIndex;
        }
      });
      result[newIndex] = currentType;
    });
    return result;
  }
  function compileMap() {
    const result = {
      scalar: {},
      sequence: {},
      mapping: {},
      fallback: {},
      multi: {
        scalar: [],
        sequence: [],
        mapping: [],
        fallback: []
      }
    };
    function collectType(type2) {
      if (type2.multi) {
        result.multi[type2.kind].push(type2);
        result.multi["fallback"].push(type2);
      } else {
        result[type2.kind][type2.tag] = result["fallback"][type2.tag] = type2;
      }
    }
    for (let index = 0, length = arguments.length; index < length; index += 1) {
      arguments[index].forEach(collectType);
    }
    return result;
  }
  function Schema2(definition) {
    return this.extend(definition);
  }
  Schema2.prototype.extend = function extend(definition) {
    let implicit = [];
    let explicit = [];
    if (definition instanceof Type2) {
      explicit.push(definition);
    } else if (Array.isArray(definition)) {
      explicit = explicit.concat(definition);
    } else if (definition && (Array.isArray(definition.implicit) || Array.isArray(definition.explicit))) {
      if (definition.implicit) implicit = implicit.concat(definition.implicit);
      if (definition.explicit) explicit = explicit.concat(definition.explicit);
    } else {
      throw new YAMLException2("Schema.extend argument should be a Type, [ Type ], or a schema definition ({ implicit: [...], explicit: [...] })");
    }
    implicit.forEach(function(type2) {
      if (!(type2 instanceof Type2)) {
        throw new YAMLException2("Specified list of YAML types (or a single Type object) contains a non-Type object.");
      }
      if (type2.loadKind && type2.loadKind !== "scalar") {
        throw new YAMLException2("There is a non-scalar type in the implicit list of a schema. Implicit resolving of such types is not supported.");
      }
      if (type2.multi) {
        throw new YAMLException2("There is a multi type in the implicit list of a schema. Multi tags can only be listed as explicit.");
      }
    });
    explicit.forEach(function(type2) {
      if (!(type2 instanceof Type2)) {
        throw new YAMLException2("Specified list of YAML types (or a single Type object) contains a non-Type object.");
      }
    });
    const result = Object.create(Schema2.prototype);
    result.implicit = (this.implicit || []).concat(implicit);
    result.explicit = (this.explicit || []).concat(explicit);
    result.compiledImplicit = compileList(result, "implicit");
    result.compiledExplicit = compileList(result, "explicit");
    result.compiledTypeMap = compileMap(result.compiledImplicit, result.compiledExplicit);
    return result;
  };
  schema$1 = Schema2;
  return schema$1;
}
var str;
var hasRequiredStr;
function requireStr() {
  if (hasRequiredStr) return str;
  hasRequiredStr = 1;
  const Type2 = requireType();
  str = new Type2("tag:yaml.org,2002:str", {
    kind: "scalar",
    construct: function(data) {
      return data !== null ? data : "";
    }
  });
  return str;
}
var seq;
var hasRequiredSeq;
function requireSeq() {
  if (hasRequiredSeq) return seq;
  hasRequiredSeq = 1;
  const Type2 = requireType();
  seq = new Type2("tag:yaml.org,2002:seq", {
    kind: "sequence",
    construct: function(data) {
      return data !== null ? data : [];
    }
  });
  return seq;
}
var map;
var hasRequiredMap;
function requireMap() {
  if (hasRequiredMap) return map;
  hasRequiredMap = 1;
  const Type2 = requireType();
  map = new Type2("tag:yaml.org,2002:map", {
    kind: "mapping",
    construct: function(data) {
      return data !== null ? data : {};
    }
  });
  return map;
}
var failsafe;
var hasRequiredFailsafe;
function requireFailsafe() {
  if (hasRequiredFailsafe) return failsafe;
  hasRequiredFailsafe = 1;
  const Schema2 = requireSchema();
  failsafe = new Schema2({
    explicit: [
      requireStr(),
      requireSeq(),
      requireMap()
    ]
  });
  return failsafe;
}
var _null;
var hasRequired_null;
function require_null() {
  if (hasRequired_null) return _null;
  hasRequired_null = 1;
  const Type2 = requireType();
  function resolveYamlNull(data) {
    if (data === null) return true;
    const max = data.length;
    return max === 1 && data === "~" || max === 4 && (data === "null" || data === "Null" || data === "NULL");
  }
  function constructYamlNull() {
    return null;
  }
  function isNull(object) {
    return object === null;
  }
  _null = new Type2("tag:yaml.org,2002:null", {
    kind: "scalar",
    resolve: resolveYamlNull,
    construct: constructYamlNull,
    predicate: isNull,
    represent: {
      canonical: function() {
        return "~";
      },
      lowercase: function() {
        return "null";
      },
      uppercase: function() {
        return "NULL";
      },
      camelcase: function() {
        return "Null";
      },
      empty: function() {
        return "";
      }
    },
    defaultStyle: "lowercase"
  });
  return _null;
}
var bool;
var hasRequiredBool;
function requireBool() {
  if (hasRequiredBool) return bool;
  hasRequiredBool = 1;
  const Type2 = requireType();
  function resolveYamlBoolean(data) {
    if (data === null) return false;
    const max = data.length;
    return max === 4 && (data === "true" || data === "True" || data === "TRUE") || max === 5 && (data === "false" || data === "False" || data === "FALSE");
  }
  function constructYamlBoolean(data) {
    return data === "true" || data === "True" || data === "TRUE";
  }
  function isBoolean(object) {
    return Object.prototype.toString.call(object) === "[object Boolean]";
  }
  bool = new Type2("tag:yaml.org,2002:bool", {
    kind: "scalar",
    resolve: resolveYamlBoolean,
    construct: constructYamlBoolean,
    predicate: isBoolean,
    represent: {
      lowercase: function(object) {
        return object ? "true" : "false";
      },
      uppercase: function(object) {
        return object ? "TRUE" : "FALSE";
      },
      camelcase: function(object) {
        return object ? "True" : "False";
      }
    },
    defaultStyle: "lowercase"
  });
  return bool;
}
var int;
var hasRequiredInt;
function requireInt() {
  if (hasRequiredInt) return int;
  hasRequiredInt = 1;
  const common2 = requireCommon();
  const Type2 = requireType();
  function isHexCode(c) {
    return c >= 48 && c <= 57 || c >= 65 && c <= 70 || c >= 97 && c <= 102;
  }
  function isOctCode(c) {
    return c >= 48 && c <= 55;
  }
  function isDecCode(c) {
    return c >= 48 && c <= 57;
  }
  function resolveYamlInteger(data) {
    if (data === null) return false;
    const max = data.length;
    let index = 0;
    let hasDigits = false;
    if (!max) return false;
    let ch = data[index];
    if (ch === "-" || ch === "+") {
      ch = data[++index];
    }
    if (ch === "0") {
      if (index + 1 === max) return true;
      ch = data[++index];
      if (ch === "b") {
        index++;
        for (; index < max; index++) {
          ch = data[index];
          if (ch !== "0" && ch !== "1") return false;
          hasDigits = true;
        }
        return hasDigits && isFinite(parseYamlInteger(data));
      }
      if (ch === "x") {
        index++;
        for (; index < max; index++) {
          if (!isHexCode(data.charCodeAt(index))) return false;
          hasDigits = true;
        }
        return hasDigits && isFinite(parseYamlInteger(data));
      }
      if (ch === "o") {
        index++;
        for (; index < max; index++) {
          if (!isOctCode(data.charCodeAt(index))) return false;
          hasDigits = true;
        }
        return hasDigits && isFinite(parseYamlInteger(data));
      }
    }
    for (; index < max; index++) {
      if (!isDecCode(data.charCodeAt(index))) {
        return false;
      }
      hasDigits = true;
    }
    if (!hasDigits) return false;
    return isFinite(parseYamlInteger(data));
  }
  function parseYamlInteger(data) {
    let value = data;
    let sign = 1;
    let ch = value[0];
    if (ch === "-" || ch === "+") {
      if (ch === "-") sign = -1;
      value = value.slice(1);
      ch = value[0];
    }
    if (value === "0") return 0;
    if (ch === "0") {
      if (value[1] === "b") return sign * parseInt(value.slice(2), 2);
      if (value[1] === "x") return sign * parseInt(value.slice(2), 16);
      if (value[1] === "o") return sign * parseInt(value.slice(2), 8);
    }
    return sign * parseInt(value, 10);
  }
  function constructYamlInteger(data) {
    return parseYamlInteger(data);
  }
  function isInteger(object) {
    return Object.prototype.toString.call(object) === "[object Number]" && (object % 1 === 0 && !common2.isNegativeZero(object));
  }
  int = new Type2("tag:yaml.org,2002:int", {
    kind: "scalar",
    resolve: resolveYamlInteger,
    construct: constructYamlInteger,
    predicate: isInteger,
    represent: {
      binary: function(obj) {
        return obj >= 0 ? "0b" + obj.toString(2) : "-0b" + obj.toString(2).slice(1);
      },
      octal: function(obj) {
        return obj >= 0 ? "0o" + obj.toString(8) : "-0o" + obj.toString(8).slice(1);
      },
      decimal: function(obj) {
        return obj.toString(10);
      },
      hexadecimal: function(obj) {
        return obj >= 0 ? "0x" + obj.toString(16).toUpperCase() : "-0x" + obj.toString(16).toUpperCase().slice(1);
      }
    },
    defaultStyle: "decimal",
    styleAliases: {
      binary: [2, "bin"],
      octal: [8, "oct"],
      decimal: [10, "dec"],
      hexadecimal: [16, "hex"]
    }
  });
  return int;
}
var float;
var hasRequiredFloat;
function requireFloat() {
  if (hasRequiredFloat) return float;
  hasRequiredFloat = 1;
  const common2 = requireCommon();
  const Type2 = requireType();
  const YAML_FLOAT_PATTERN = new RegExp(
    // 2.5e4, 2.5 and integers
    "^(?:[-+]?(?:[0-9]+)(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"
  );
  const YAML_FLOAT_SPECIAL_PATTERN = new RegExp(
    "^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"
  );
  function resolveYamlFloat(data) {
    if (data === null) return false;
    if (!YAML_FLOAT_PATTERN.test(data)) {
      return false;
    }
    if (isFinite(parseFloat(data, 10))) {
      return true;
    }
    return YAML_FLOAT_SPECIAL_PATTERN.test(data);
  }
  function constructYamlFloat(data) {
    let value = data.toLowerCase();
    const sign = value[0] === "-" ? -1 : 1;
    if ("+-".indexOf(value[0]) >= 0) {
      value = value.slice(1);
    }
    if (value === ".inf") {
      return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    } else if (value === ".nan") {
      return NaN;
    }
    return sign * parseFloat(value, 10);
  }
  const SCIENTIFIC_WITHOUT_DOT = /^[-+]?[0-9]+e/;
  function representYamlFloat(object, style) {
    if (isNaN(object)) {
      switch (style) {
        case "lowercase":
          return ".nan";
        case "uppercase":
          return ".NAN";
        case "camelcase":
          return ".NaN";
      }
    } else if (Number.POSITIVE_INFINITY === object) {
      switch (style) {
        case "lowercase":
          return ".inf";
        case "uppercase":
          return ".INF";
        case "camelcase":
          return ".Inf";
      }
    } else if (Number.NEGATIVE_INFINITY === object) {
      switch (style) {
        case "lowercase":
          return "-.inf";
        case "uppercase":
          return "-.INF";
        case "camelcase":
          return "-.Inf";
      }
    } else if (common2.isNegativeZero(object)) {
      return "-0.0";
    }
    const res = object.toString(10);
    return SCIENTIFIC_WITHOUT_DOT.test(res) ? res.replace("e", ".e") : res;
  }
  function isFloat(object) {
    return Object.prototype.toString.call(object) === "[object Number]" && (object % 1 !== 0 || common2.isNegativeZero(object));
  }
  float = new Type2("tag:yaml.org,2002:float", {
    kind: "scalar",
    resolve: resolveYamlFloat,
    construct: constructYamlFloat,
    predicate: isFloat,
    represent: representYamlFloat,
    defaultStyle: "lowercase"
  });
  return float;
}
var json;
var hasRequiredJson;
function requireJson() {
  if (hasRequiredJson) return json;
  hasRequiredJson = 1;
  json = requireFailsafe().extend({
    implicit: [
      require_null(),
      requireBool(),
      requireInt(),
      requireFloat()
    ]
  });
  return json;
}
var core;
var hasRequiredCore;
function requireCore() {
  if (hasRequiredCore) return core;
  hasRequiredCore = 1;
  core = requireJson();
  return core;
}
var timestamp;
var hasRequiredTimestamp;
function requireTimestamp() {
  if (hasRequiredTimestamp) return timestamp;
  hasRequiredTimestamp = 1;
  const Type2 = requireType();
  const YAML_DATE_REGEXP = new RegExp(
    "^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$"
  );
  const YAML_TIMESTAMP_REGEXP = new RegExp(
    "^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?$"
  );
  function resolveYamlTimestamp(data) {
    if (data === null) return false;
    if (YAML_DATE_REGEXP.exec(data) !== null) return true;
    if (YAML_TIMESTAMP_REGEXP.exec(data) !== null) return true;
    return false;
  }
  function constructYamlTimestamp(data) {
    let fraction = 0;
    let delta = null;
    let match = YAML_DATE_REGEXP.exec(data);
    if (match === null) match = YAML_TIMESTAMP_REGEXP.exec(data);
    if (match === null) throw new Error("Date resolve error");
    const year = +match[1];
    const month = +match[2] - 1;
    const day = +match[3];
    if (!match[4]) {
      return new Date(Date.UTC(year, month, day));
    }
    const hour = +match[4];
    const minute = +match[5];
    const second = +match[6];
    if (match[7]) {
      fraction = match[7].slice(0, 3);
      while (fraction.length < 3) {
        fraction += "0";
      }
      fraction = +fraction;
    }
    if (match[9]) {
      const tzHour = +match[10];
      const tzMinute = +(match[11] || 0);
      delta = (tzHour * 60 + tzMinute) * 6e4;
      if (match[9] === "-") delta = -delta;
    }
    const date = new Date(Date.UTC(year, month, day, hour, minute, second, fraction));
    if (delta) date.setTime(date.getTime() - delta);
    return date;
  }
  function representYamlTimestamp(object) {
    return object.toISOString();
  }
  timestamp = new Type2("tag:yaml.org,2002:timestamp", {
    kind: "scalar",
    resolve: resolveYamlTimestamp,
    construct: constructYamlTimestamp,
    instanceOf: Date,
    represent: representYamlTimestamp
  });
  return timestamp;
}
var merge$1;
var hasRequiredMerge;
function requireMerge() {
  if (hasRequiredMerge) return merge$1;
  hasRequiredMerge = 1;
  const Type2 = requireType();
  function resolveYamlMerge(data) {
    return data === "<<" || data === null;
  }
  merge$1 = new Type2("tag:yaml.org,2002:merge", {
    kind: "scalar",
    resolve: resolveYamlMerge
  });
  return merge$1;
}
var binary;
var hasRequiredBinary;
function requireBinary() {
  if (hasRequiredBinary) return binary;
  hasRequiredBinary = 1;
  const Type2 = requireType();
  const BASE64_MAP = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\n\r";
  function resolveYamlBinary(data) {
    if (data === null) return false;
    let bitlen = 0;
    const max = data.length;
    const map2 = BASE64_MAP;
    for (let idx = 0; idx < max; idx++) {
      const code = map2.indexOf(data.charAt(idx));
      if (code > 64) continue;
      if (code < 0) return false;
      bitlen += 6;
    }
    return bitlen % 8 === 0;
  }
  function constructYamlBinary(data) {
    const input = data.replace(/[\r\n=]/g, "");
    const max = input.length;
    const map2 = BASE64_MAP;
    let bits = 0;
    const result = [];
    for (let idx = 0; idx < max; idx++) {
      if (idx % 4 === 0 && idx) {
        result.push(bits >> 16 & 255);
        result.push(bits >> 8 & 255);
        result.push(bits & 255);
      }
      bits = bits << 6 | map2.indexOf(input.charAt(idx));
    }
    const tailbits = max % 4 * 6;
    if (tailbits === 0) {
      result.push(bits >> 16 & 255);
      result.push(bits >> 8 & 255);
      result.push(bits & 255);
    } else if (tailbits === 18) {
      result.push(bits >> 10 & 255);
      result.push(bits >> 2 & 255);
    } else if (tailbits === 12) {
      result.push(bits >> 4 & 255);
    }
    return new Uint8Array(result);
  }
  function representYamlBinary(object) {
    let result = "";
    let bits = 0;
    const max = object.length;
    const map2 = BASE64_MAP;
    for (let idx = 0; idx < max; idx++) {
      if (idx % 3 === 0 && idx) {
        result += map2[bits >> 18 & 63];
        result += map2[bits >> 12 & 63];
        result += map2[bits >> 6 & 63];
        result += map2[bits & 63];
      }
      bits = (bits << 8) + object[idx];
    }
    const tail = max % 3;
    if (tail === 0) {
      result += map2[bits >> 18 & 63];
      result += map2[bits >> 12 & 63];
      result += map2[bits >> 6 & 63];
      result += map2[bits & 63];
    } else if (tail === 2) {
      result += map2[bits >> 10 & 63];
      result += map2[bits >> 4 & 63];
      result += map2[bits << 2 & 63];
      result += map2[64];
    } else if (tail === 1) {
      result += map2[bits >> 2 & 63];
      result += map2[bits << 4 & 63];
      result += map2[64];
      result += map2[64];
    }
    return result;
  }
  function isBinary(obj) {
    return Object.prototype.toString.call(obj) === "[object Uint8Array]";
  }
  binary = new Type2("tag:yaml.org,2002:binary", {
    kind: "scalar",
    resolve: resolveYamlBinary,
    construct: constructYamlBinary,
    predicate: isBinary,
    represent: representYamlBinary
  });
  return binary;
}
var omap;
var hasRequiredOmap;
function requireOmap() {
  if (hasRequiredOmap) return omap;
  hasRequiredOmap = 1;
  const Type2 = requireType();
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  const _toString = Object.prototype.toString;
  function resolveYamlOmap(data) {
    if (data === null) return true;
    const objectKeys = {};
    const object = data;
    for (let index = 0, length = object.length; index < length; index += 1) {
      const pair = object[index];
      let pairHasKey = false;
      if (_toString.call(pair) !== "[object Object]") return false;
      let pairKey;
      for (pairKey in pair) {
        if (_hasOwnProperty.call(pair, pairKey)) {
          if (!pairHasKey) pairHasKey = true;
          else return false;
        }
      }
      if (!pairHasKey) return false;
      if (_hasOwnProperty.call(objectKeys, pairKey)) return false;
      Object.defineProperty(objectKeys, pairKey, { value: true });
    }
    return true;
  }
  function constructYamlOmap(data) {
    return data !== null ? data : [];
  }
  omap = new Type2("tag:yaml.org,2002:omap", {
    kind: "sequence",
    resolve: resolveYamlOmap,
    construct: constructYamlOmap
  });
  return omap;
}
var pairs;
var hasRequiredPairs;
function requirePairs() {
  if (hasRequiredPairs) return pairs;
  hasRequiredPairs = 1;
  const Type2 = requireType();
  const _toString = Object.prototype.toString;
  function resolveYamlPairs(data) {
    if (data === null) return true;
    const object = data;
    const result = new Array(object.length);
    for (let index = 0, length = object.length; index < length; index += 1) {
      const pair = object[index];
      if (_toString.call(pair) !== "[object Object]") return false;
      const keys = Object.keys(pair);
      if (keys.length !== 1) return false;
      result[index] = [keys[0], pair[keys[0]]];
    }
    return true;
  }
  function constructYamlPairs(data) {
    if (data === null) return [];
    const object = data;
    const result = new Array(object.length);
    for (let index = 0, length = object.length; index < length; index += 1) {
      const pair = object[index];
      const keys = Object.keys(pair);
      result[index] = [keys[0], pair[keys[0]]];
    }
    return result;
  }
  pairs = new Type2("tag:yaml.org,2002:pairs", {
    kind: "sequence",
    resolve: resolveYamlPairs,
    construct: constructYamlPairs
  });
  return pairs;
}
var set;
var hasRequiredSet;
function requireSet() {
  if (hasRequiredSet) return set;
  hasRequiredSet = 1;
  const Type2 = requireType();
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  function resolveYamlSet(data) {
    if (data === null) return true;
    const object = data;
    for (const key in object) {
      if (_hasOwnProperty.call(object, key)) {
        if (object[key] !== null) return false;
      }
    }
    return true;
  }
  function constructYamlSet(data) {
    return data !== null ? data : {};
  }
  set = new Type2("tag:yaml.org,2002:set", {
    kind: "mapping",
    resolve: resolveYamlSet,
    construct: constructYamlSet
  });
  return set;
}
var _default;
var hasRequired_default;
function require_default() {
  if (hasRequired_default) return _default;
  hasRequired_default = 1;
  _default = requireCore().extend({
    implicit: [
      requireTimestamp(),
      requireMerge()
    ],
    explicit: [
      requireBinary(),
      requireOmap(),
      requirePairs(),
      requireSet()
    ]
  });
  return _default;
}
var hasRequiredLoader;
function requireLoader() {
  if (hasRequiredLoader) return loader;
  hasRequiredLoader = 1;
  const common2 = requireCommon();
  const YAMLException2 = requireException();
  const makeSnippet = requireSnippet();
  const DEFAULT_SCHEMA2 = require_default();
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  const CONTEXT_FLOW_IN = 1;
  const CONTEXT_FLOW_OUT = 2;
  const CONTEXT_BLOCK_IN = 3;
  const CONTEXT_BLOCK_OUT = 4;
  const CHOMPING_CLIP = 1;
  const CHOMPING_STRIP = 2;
  const CHOMPING_KEEP = 3;
  const PATTERN_NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
  const PATTERN_NON_ASCII_LINE_BREAKS = /[\x85\u2028\u2029]/;
  const PATTERN_FLOW_INDICATORS = /[,\[\]{}]/;
  const PATTERN_TAG_HANDLE = /^(?:!|!!|![0-9A-Za-z-]+!)$/;
  const PATTERN_TAG_URI = /^(?:!|[^,\[\]{}])(?:%[0-9a-f]{2}|[0-9a-z\-#;/?:@&=+$,_.!~*'()\[\]])*$/i;
  function _class(obj) {
    return Object.prototype.toString.call(obj);
  }
  function isEol(c) {
    return c === 10 || c === 13;
  }
  function isWhiteSpace(c) {
    return c === 9 || c === 32;
  }
  function isWsOrEol(c) {
    return c === 9 || c === 32 || c === 10 || c === 13;
  }
  function isFlowIndicator(c) {
    return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
  }
  function fromHexCode(c) {
    if (c >= 48 && c <= 57) {
      return c - 48;
    }
    const lc = c | 32;
    if (lc >= 97 && lc <= 102) {
      return lc - 97 + 10;
    }
    return -1;
  }
  function escapedHexLen(c) {
    if (c === 120) {
      return 2;
    }
    if (c === 117) {
      return 4;
    }
    if (c === 85) {
      return 8;
    }
    return 0;
  }
  function fromDecimalCode(c) {
    if (c >= 48 && c <= 57) {
      return c - 48;
    }
    return -1;
  }
  function simpleEscapeSequence(c) {
    switch (c) {
      case 48:
        return "\0";
      case 97:
        return "\x07";
      case 98:
        return "\b";
      case 116:
        return "	";
      case 9:
        return "	";
      case 110:
        return "\n";
      case 118:
        return "\v";
      case 102:
        return "\f";
      case 114:
        return "\r";
      case 101:
        return "\x1B";
      case 32:
        return " ";
      case 34:
        return '"';
      case 47:
        return "/";
      case 92:
        return "\\";
      case 78:
        return "";
      case 95:
        return " ";
      case 76:
        return "\u2028";
      case 80:
        return "\u2029";
      default:
        return "";
    }
  }
  function charFromCodepoint(c) {
    if (c <= 65535) {
      return String.fromCharCode(c);
    }
    return String.fromCharCode(
      (c - 65536 >> 10) + 55296,
      (c - 65536 & 1023) + 56320
    );
  }
  function setProperty(object, key, value) {
    if (key === "__proto__") {
      Object.defineProperty(object, key, {
        configurable: true,
        enumerable: true,
        writable: true,
        value
      });
    } else {
      object[key] = value;
    }
  }
  const simpleEscapeCheck = new Array(256);
  const simpleEscapeMap = new Array(256);
  for (let i = 0; i < 256; i++) {
    simpleEscapeCheck[i] = simpleEscapeSequence(i) ? 1 : 0;
    simpleEscapeMap[i] = simpleEscapeSequence(i);
  }
  function State(input, options) {
    this.input = input;
    this.filename = options["filename"] || null;
    this.schema = options["schema"] || DEFAULT_SCHEMA2;
    this.onWarning = options["onWarning"] || null;
    this.legacy = options["legacy"] || false;
    this.json = options["json"] || false;
    this.listener = options["listener"] || null;
    this.maxDepth = typeof options["maxDepth"] === "number" ? options["maxDepth"] : 100;
    this.maxTotalMergeKeys = typeof options["maxTotalMergeKeys"] === "number" ? options["maxTotalMergeKeys"] : 1e4;
    this.implicitTypes = this.schema.compiledImplicit;
    this.typeMap = this.schema.compiledTypeMap;
    this.length = input.length;
    this.position = 0;
    this.line = 0;
    this.lineStart = 0;
    this.lineIndent = 0;
    this.depth = 0;
    this.totalMergeKeys = 0;
    this.firstTabInLine = -1;
    this.documents = [];
    this.anchorMapTransactions = [];
  }
  function generateError(state, message) {
    const mark = {
      name: state.filename,
      buffer: state.input.slice(0, -1),
      // omit trailing \0
      position: state.position,
      line: state.line,
      column: state.position - state.lineStart
    };
    mark.snippet = makeSnippet(mark);
    return new YAMLException2(message, mark);
  }
  function throwError(state, message) {
    throw generateError(state, message);
  }
  function throwWarning(state, message) {
    if (state.onWarning) {
      state.onWarning.call(null, generateError(state, message));
    }
  }
  function storeAnchor(state, name, value) {
    const transactions = state.anchorMapTransactions;
    if (transactions.length !== 0) {
      const transaction = transactions[transactions.length - 1];
      if (!_hasOwnProperty.call(transaction, name)) {
        transaction[name] = {
          existed: _hasOwnProperty.call(state.anchorMap, name),
          value: state.anchorMap[name]
        };
      }
    }
    state.anchorMap[name] = value;
  }
  function beginAnchorTransaction(state) {
    state.anchorMapTransactions.push(/* @__PURE__ */ Object.create(null));
  }
  function commitAnchorTransaction(state) {
    const transaction = state.anchorMapTransactions.pop();
    const transactions = state.anchorMapTransactions;
    if (transactions.length === 0) return;
    const parent = transactions[transactions.length - 1];
    const names = Object.keys(transaction);
    for (let index = 0, length = names.length; index < length; index += 1) {
      const name = names[index];
      if (!_hasOwnProperty.call(parent, name)) {
        parent[name] = transaction[name];
      }
    }
  }
  function rollbackAnchorTransaction(state) {
    const transaction = state.anchorMapTransactions.pop();
    const names = Object.keys(transaction);
    for (let index = names.length - 1; index >= 0; index -= 1) {
      const entry = transaction[names[index]];
      if (entry.existed) {
        state.anchorMap[names[index]] = entry.value;
      } else {
        delete state.anchorMap[names[index]];
      }
    }
  }
  function snapshotState(state) {
    return {
      position: state.position,
      line: state.line,
      lineStart: state.lineStart,
      lineIndent: state.lineIndent,
      firstTabInLine: state.firstTabInLine,
      tag: state.tag,
      anchor: state.anchor,
      kind: state.kind,
      result: state.result
    };
  }
  function restoreState(state, snapshot) {
    state.position = snapshot.position;
    state.line = snapshot.line;
    state.lineStart = snapshot.lineStart;
    state.lineIndent = snapshot.lineIndent;
    state.firstTabInLine = snapshot.firstTabInLine;
    state.tag = snapshot.tag;
    state.anchor = snapshot.anchor;
    state.kind = snapshot.kind;
    state.result = snapshot.result;
  }
  const directiveHandlers = {
    YAML: function handleYamlDirective(state, name, args) {
      if (state.version !== null) {
        throwError(state, "duplication of %YAML directive");
      }
      if (args.length !== 1) {
        throwError(state, "YAML directive accepts exactly one argument");
      }
      const match = /^([0-9]+)\.([0-9]+)$/.exec(args[0]);
      if (match === null) {
        throwError(state, "ill-formed argument of the YAML directive");
      }
      const major = parseInt(match[1], 10);
      const minor = parseInt(match[2], 10);
      if (major !== 1) {
        throwError(state, "unacceptable YAML version of the document");
      }
      state.version = args[0];
      state.checkLineBreaks = minor < 2;
      if (minor !== 1 && minor !== 2) {
        throwWarning(state, "unsupported YAML version of the document");
      }
    },
    TAG: function handleTagDirective(state, name, args) {
      let prefix;
      if (args.length !== 2) {
        throwError(state, "TAG directive accepts exactly two arguments");
      }
      const handle = args[0];
      prefix = args[1];
      if (!PATTERN_TAG_HANDLE.test(handle)) {
        throwError(state, "ill-formed tag handle (first argument) of the TAG directive");
      }
      if (_hasOwnProperty.call(state.tagMap, handle)) {
        throwError(state, 'there is a previously declared suffix for "' + handle + '" tag handle');
      }
      if (!PATTERN_TAG_URI.test(prefix)) {
        throwError(state, "ill-formed tag prefix (second argument) of the TAG directive");
      }
      try {
        prefix = decodeURIComponent(prefix);
      } catch (err) {
        throwError(state, "tag prefix is malformed: " + prefix);
      }
      state.tagMap[handle] = prefix;
    }
  };
  function captureSegment(state, start, end, checkJson) {
    if (start < end) {
      const _result = state.input.slice(start, end);
      if (checkJson) {
        for (let _position = 0, _length = _result.length; _position < _length; _position += 1) {
          const _character = _result.charCodeAt(_position);
          if (!(_character === 9 || _character >= 32 && _character <= 1114111)) {
            throwError(state, "expected valid JSON character");
          }
        }
      } else if (PATTERN_NON_PRINTABLE.test(_result)) {
        throwError(state, "the stream contains non-printable characters");
      }
      state.result += _result;
    }
  }
  function chargeMergeWork(state) {
    state.totalMergeKeys++;
    if (state.maxTotalMergeKeys !== -1 && state.totalMergeKeys > state.maxTotalMergeKeys) {
      throwError(state, "merge keys exceeded maxTotalMergeKeys (" + state.maxTotalMergeKeys + ")");
    }
  }
  function mergeMappings(state, destination, source, overridableKeys) {
    if (!common2.isObject(source)) {
      throwError(state, "cannot merge mappings; the provided source object is unacceptable");
    }
    chargeMergeWork(state);
    const sourceKeys = Object.keys(source);
    for (let index = 0, quantity = sourceKeys.length; index < quantity; index += 1) {
      const key = sourceKeys[index];
      chargeMergeWork(state);
      if (!_hasOwnProperty.call(destination, key)) {
        setProperty(destination, key, source[key]);
        overridableKeys[key] = true;
      }
    }
  }
  function storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, valueNode, startLine, startLineStart, startPos) {
    if (Array.isArray(keyNode)) {
      keyNode = Array.prototype.slice.call(keyNode);
      for (let index = 0, quantity = keyNode.length; index < quantity; index += 1) {
        if (Array.isArray(keyNode[index])) {
          throwError(state, "nested arrays are not supported inside keys");
        }
        if (typeof keyNode === "object" && _class(keyNode[index]) === "[object Object]") {
          keyNode[index] = "[object Object]";
        }
      }
    }
    if (typeof keyNode === "object" && _class(keyNode) === "[object Object]") {
      keyNode = "[object Object]";
    }
    keyNode = String(keyNode);
    if (_result === null) {
      _result = {};
    }
    if (keyTag === "tag:yaml.org,2002:merge") {
      if (Array.isArray(valueNode)) {
        if (valueNode.length > 100) {
          throwError(state, "abnormal merge sequence size");
        }
        for (let index = 0, quantity = valueNode.length; index < quantity; index += 1) {
          mergeMappings(state, _result, valueNode[index], overridableKeys);
        }
      } else {
        mergeMappings(state, _result, valueNode, overridableKeys);
      }
    } else {
      if (!state.json && !_hasOwnProperty.call(overridableKeys, keyNode) && _hasOwnProperty.call(_result, keyNode)) {
        state.line = startLine || state.line;
        state.lineStart = startLineStart || state.lineStart;
        state.position = startPos || state.position;
        throwError(state, "duplicated mapping key");
      }
      setProperty(_result, keyNode, valueNode);
      delete overridableKeys[keyNode];
    }
    return _result;
  }
  function readLineBreak(state) {
    const ch = state.input.charCodeAt(state.position);
    if (ch === 10) {
      state.position++;
    } else if (ch === 13) {
      state.position++;
      if (state.input.charCodeAt(state.position) === 10) {
        state.position++;
      }
    } else {
      throwError(state, "a line break is expected");
    }
    state.line += 1;
    state.lineStart = state.position;
    state.firstTabInLine = -1;
  }
  function skipSeparationSpace(state, allowComments, checkIndent) {
    let lineBreaks = 0;
    let ch = state.input.charCodeAt(state.position);
    while (ch !== 0) {
      while (isWhiteSpace(ch)) {
        if (ch === 9 && state.firstTabInLine === -1) {
          state.firstTabInLine = state.position;
        }
        ch = state.input.charCodeAt(++state.position);
      }
      if (allowComments && ch === 35) {
        do {
          ch = state.input.charCodeAt(++state.position);
        } while (ch !== 10 && ch !== 13 && ch !== 0);
      }
      if (isEol(ch)) {
        readLineBreak(state);
        ch = state.input.charCodeAt(state.position);
        lineBreaks++;
        state.lineIndent = 0;
        while (ch === 32) {
          state.lineIndent++;
          ch = state.input.charCodeAt(++state.position);
        }
      } else {
        break;
      }
    }
    if (checkIndent !== -1 && lineBreaks !== 0 && state.lineIndent < checkIndent) {
      throwWarning(state, "deficient indentation");
    }
    return lineBreaks;
  }
  function testDocumentSeparator(state) {
    let _position = state.position;
    let ch = state.input.charCodeAt(_position);
    if ((ch === 45 || ch === 46) && ch === state.input.charCodeAt(_position + 1) && ch === state.input.charCodeAt(_position + 2)) {
      _position += 3;
      ch = state.input.charCodeAt(_position);
      if (ch === 0 || isWsOrEol(ch)) {
        return true;
      }
    }
    return false;
  }
  function writeFoldedLines(state, count) {
    if (count === 1) {
      state.result += " ";
    } else if (count > 1) {
      state.result += common2.repeat("\n", count - 1);
    }
  }
  function readPlainScalar(state, nodeIndent, withinFlowCollection) {
    let captureStart;
    let captureEnd;
    let hasPendingContent;
    let _line;
    let _lineStart;
    let _lineIndent;
    const _kind = state.kind;
    const _result = state.result;
    let ch = state.input.charCodeAt(state.position);
    if (isWsOrEol(ch) || isFlowIndicator(ch) || ch === 35 || ch === 38 || ch === 42 || ch === 33 || ch === 124 || ch === 62 || ch === 39 || ch === 34 || ch === 37 || ch === 64 || ch === 96) {
      return false;
    }
    if (ch === 63 || ch === 45) {
      const following = state.input.charCodeAt(state.position + 1);
      if (isWsOrEol(following) || withinFlowCollection && isFlowIndicator(following)) {
        return false;
      }
    }
    state.kind = "scalar";
    state.result = "";
    captureStart = captureEnd = state.position;
    hasPendingContent = false;
    while (ch !== 0) {
      if (ch === 58) {
        const following = state.input.charCodeAt(state.position + 1);
        if (isWsOrEol(following) || withinFlowCollection && isFlowIndicator(following)) {
          break;
        }
      } else if (ch === 35) {
        const preceding = state.input.charCodeAt(state.position - 1);
        if (isWsOrEol(preceding)) {
          break;
        }
      } else if (state.position === state.lineStart && testDocumentSeparator(state) || withinFlowCollection && isFlowIndicator(ch)) {
        break;
      } else if (isEol(ch)) {
        _line = state.line;
        _lineStart = state.lineStart;
        _lineIndent = state.lineIndent;
        skipSeparationSpace(state, false, -1);
        if (state.lineIndent >= nodeIndent) {
          hasPendingContent = true;
          ch = state.input.charCodeAt(state.position);
          continue;
        } else {
          state.position = captureEnd;
          state.line = _line;
          state.lineStart = _lineStart;
          state.lineIndent = _lineIndent;
          break;
        }
      }
      if (hasPendingContent) {
        captureSegment(state, captureStart, captureEnd, false);
        writeFoldedLines(state, state.line - _line);
        captureStart = captureEnd = state.position;
        hasPendingContent = false;
      }
      if (!isWhiteSpace(ch)) {
        captureEnd = state.position + 1;
      }
      ch = state.input.charCodeAt(++state.position);
    }
    captureSegment(state, captureStart, captureEnd, false);
    if (state.result) {
      return true;
    }
    state.kind = _kind;
    state.result = _result;
    return false;
  }
  function readSingleQuotedScalar(state, nodeIndent) {
    let captureStart;
    let captureEnd;
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 39) {
      return false;
    }
    state.kind = "scalar";
    state.result = "";
    state.position++;
    captureStart = captureEnd = state.position;
    while ((ch = state.input.charCodeAt(state.position)) !== 0) {
      if (ch === 39) {
        captureSegment(state, captureStart, state.position, true);
        ch = state.input.charCodeAt(++state.position);
        if (ch === 39) {
          captureStart = state.position;
          state.position++;
          captureEnd = state.position;
        } else {
          return true;
        }
      } else if (isEol(ch)) {
        captureSegment(state, captureStart, captureEnd, true);
        writeFoldedLines(state, skipSeparationSpace(state, false, nodeIndent));
        captureStart = captureEnd = state.position;
      } else if (state.position === state.lineStart && testDocumentSeparator(state)) {
        throwError(state, "unexpected end of the document within a single quoted scalar");
      } else {
        state.position++;
        if (!isWhiteSpace(ch)) {
          captureEnd = state.position;
        }
      }
    }
    throwError(state, "unexpected end of the stream within a single quoted scalar");
  }
  function readDoubleQuotedScalar(state, nodeIndent) {
    let captureStart;
    let captureEnd;
    let tmp;
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 34) {
      return false;
    }
    state.kind = "scalar";
    state.result = "";
    state.position++;
    captureStart = captureEnd = state.position;
    while ((ch = state.input.charCodeAt(state.position)) !== 0) {
      if (ch === 34) {
        captureSegment(state, captureStart, state.position, true);
        state.position++;
        return true;
      } else if (ch === 92) {
        captureSegment(state, captureStart, state.position, true);
        ch = state.input.charCodeAt(++state.position);
        if (isEol(ch)) {
          skipSeparationSpace(state, false, nodeIndent);
        } else if (ch < 256 && simpleEscapeCheck[ch]) {
          state.result += simpleEscapeMap[ch];
          state.position++;
        } else if ((tmp = escapedHexLen(ch)) > 0) {
          let hexLength = tmp;
          let hexResult = 0;
          for (; hexLength > 0; hexLength--) {
            ch = state.input.charCodeAt(++state.position);
            if ((tmp = fromHexCode(ch)) >= 0) {
              hexResult = (hexResult << 4) + tmp;
            } else {
              throwError(state, "expected hexadecimal character");
            }
          }
          state.result += charFromCodepoint(hexResult);
          state.position++;
        } else {
          throwError(state, "unknown escape sequence");
        }
        captureStart = captureEnd = state.position;
      } else if (isEol(ch)) {
        captureSegment(state, captureStart, captureEnd, true);
        writeFoldedLines(state, skipSeparationSpace(state, false, nodeIndent));
        captureStart = captureEnd = state.position;
      } else if (state.position === state.lineStart && testDocumentSeparator(state)) {
        throwError(state, "unexpected end of the document within a double quoted scalar");
      } else {
        state.position++;
        if (!isWhiteSpace(ch)) {
          captureEnd = state.position;
        }
      }
    }
    throwError(state, "unexpected end of the stream within a double quoted scalar");
  }
  function readFlowCollection(state, nodeIndent) {
    let readNext = true;
    let _line;
    let _lineStart;
    let _pos;
    const _tag = state.tag;
    let _result;
    const _anchor = state.anchor;
    let terminator;
    let isPair;
    let isExplicitPair;
    let isMapping;
    const overridableKeys = /* @__PURE__ */ Object.create(null);
    let keyNode;
    let keyTag;
    let valueNode;
    let ch = state.input.charCodeAt(state.position);
    if (ch === 91) {
      terminator = 93;
      isMapping = false;
      _result = [];
    } else if (ch === 123) {
      terminator = 125;
      isMapping = true;
      _result = {};
    } else {
      return false;
    }
    if (state.anchor !== null) {
      storeAnchor(state, state.anchor, _result);
    }
    ch = state.input.charCodeAt(++state.position);
    while (ch !== 0) {
      skipSeparationSpace(state, true, nodeIndent);
      ch = state.input.charCodeAt(state.position);
      if (ch === terminator) {
        state.position++;
        state.tag = _tag;
        state.anchor = _anchor;
        state.kind = isMapping ? "mapping" : "sequence";
        state.result = _result;
        return true;
      } else if (!readNext) {
        throwError(state, "missed comma between flow collection entries");
      } else if (ch === 44) {
        throwError(state, "expected the node content, but found ','");
      }
      keyTag = keyNode = valueNode = null;
      isPair = isExplicitPair = false;
      if (ch === 63) {
        const following = state.input.charCodeAt(state.position + 1);
        if (isWsOrEol(following)) {
          isPair = isExplicitPair = true;
          state.position++;
          skipSeparationSpace(state, true, nodeIndent);
        }
      }
      _line = state.line;
      _lineStart = state.lineStart;
      _pos = state.position;
      composeNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
      keyTag = state.tag;
      keyNode = state.result;
      skipSeparationSpace(state, true, nodeIndent);
      ch = state.input.charCodeAt(state.position);
      if ((isExplicitPair || state.line === _line) && ch === 58) {
        isPair = true;
        ch = state.input.charCodeAt(++state.position);
        skipSeparationSpace(state, true, nodeIndent);
        composeNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
        valueNode = state.result;
      }
      if (isMapping) {
        storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, valueNode, _line, _lineStart, _pos);
      } else if (isPair) {
        _result.push(storeMappingPair(state, null, overridableKeys, keyTag, keyNode, valueNode, _line, _lineStart, _pos));
      } else {
        _result.push(keyNode);
      }
      skipSeparationSpace(state, true, nodeIndent);
      ch = state.input.charCodeAt(state.position);
      if (ch === 44) {
        readNext = true;
        ch = state.input.charCodeAt(++state.position);
      } else {
        readNext = false;
      }
    }
    throwError(state, "unexpected end of the stream within a flow collection");
  }
  function readBlockScalar(state, nodeIndent) {
    let folding;
    let chomping = CHOMPING_CLIP;
    let didReadContent = false;
    let detectedIndent = false;
    let textIndent = nodeIndent;
    let emptyLines = 0;
    let atMoreIndented = false;
    let tmp;
    let ch = state.input.charCodeAt(state.position);
    if (ch === 124) {
      folding = false;
    } else if (ch === 62) {
      folding = true;
    } else {
      return false;
    }
    state.kind = "scalar";
    state.result = "";
    while (ch !== 0) {
      ch = state.input.charCodeAt(++state.position);
      if (ch === 43 || ch === 45) {
        if (CHOMPING_CLIP === chomping) {
          chomping = ch === 43 ? CHOMPING_KEEP : CHOMPING_STRIP;
        } else {
          throwError(state, "repeat of a chomping mode identifier");
        }
      } else if ((tmp = fromDecimalCode(ch)) >= 0) {
        if (tmp === 0) {
          throwError(state, "bad explicit indentation width of a block scalar; it cannot be less than one");
        } else if (!detectedIndent) {
          textIndent = nodeIndent + tmp - 1;
          detectedIndent = true;
        } else {
          throwError(state, "repeat of an indentation width identifier");
        }
      } else {
        break;
      }
    }
    if (isWhiteSpace(ch)) {
      do {
        ch = state.input.charCodeAt(++state.position);
      } while (isWhiteSpace(ch));
      if (ch === 35) {
        do {
          ch = state.input.charCodeAt(++state.position);
        } while (!isEol(ch) && ch !== 0);
      }
    }
    while (ch !== 0) {
      readLineBreak(state);
      state.lineIndent = 0;
      ch = state.input.charCodeAt(state.position);
      while ((!detectedIndent || state.lineIndent < textIndent) && ch === 32) {
        state.lineIndent++;
        ch = state.input.charCodeAt(++state.position);
      }
      if (!detectedIndent && state.lineIndent > textIndent) {
        textIndent = state.lineIndent;
      }
      if (isEol(ch)) {
        emptyLines++;
        continue;
      }
      if (!detectedIndent && textIndent === 0) {
        throwError(state, "missing indentation for block scalar");
      }
      if (state.lineIndent < textIndent) {
        if (chomping === CHOMPING_KEEP) {
          state.result += common2.repeat("\n", didReadContent ? 1 + emptyLines : emptyLines);
        } else if (chomping === CHOMPING_CLIP) {
          if (didReadContent) {
            state.result += "\n";
          }
        }
        break;
      }
      if (folding) {
        if (isWhiteSpace(ch)) {
          atMoreIndented = true;
          state.result += common2.repeat("\n", didReadContent ? 1 + emptyLines : emptyLines);
        } else if (atMoreIndented) {
          atMoreIndented = false;
          state.result += common2.repeat("\n", emptyLines + 1);
        } else if (emptyLines === 0) {
          if (didReadContent) {
            state.result += " ";
          }
        } else {
          state.result += common2.repeat("\n", emptyLines);
        }
      } else {
        state.result += common2.repeat("\n", didReadContent ? 1 + emptyLines : emptyLines);
      }
      didReadContent = true;
      detectedIndent = true;
      emptyLines = 0;
      const captureStart = state.position;
      while (!isEol(ch) && ch !== 0) {
        ch = state.input.charCodeAt(++state.position);
      }
      captureSegment(state, captureStart, state.position, false);
    }
    return true;
  }
  function readBlockSequence(state, nodeIndent) {
    const _tag = state.tag;
    const _anchor = state.anchor;
    const _result = [];
    let detected = false;
    if (state.firstTabInLine !== -1) return false;
    if (state.anchor !== null) {
      storeAnchor(state, state.anchor, _result);
    }
    let ch = state.input.charCodeAt(state.position);
    while (ch !== 0) {
      if (state.firstTabInLine !== -1) {
        state.position = state.firstTabInLine;
        throwError(state, "tab characters must not be used in indentation");
      }
      if (ch !== 45) {
        break;
      }
      const following = state.input.charCodeAt(state.position + 1);
      if (!isWsOrEol(following)) {
        break;
      }
      detected = true;
      state.position++;
      if (skipSeparationSpace(state, true, -1)) {
        if (state.lineIndent <= nodeIndent) {
          _result.push(null);
          ch = state.input.charCodeAt(state.position);
          continue;
        }
      }
      const _line = state.line;
      composeNode(state, nodeIndent, CONTEXT_BLOCK_IN, false, true);
      _result.push(state.result);
      skipSeparationSpace(state, true, -1);
      ch = state.input.charCodeAt(state.position);
      if ((state.line === _line || state.lineIndent > nodeIndent) && ch !== 0) {
        throwError(state, "bad indentation of a sequence entry");
      } else if (state.lineIndent < nodeIndent) {
        break;
      }
    }
    if (detected) {
      state.tag = _tag;
      state.anchor = _anchor;
      state.kind = "sequence";
      state.result = _result;
      return true;
    }
    return false;
  }
  function readBlockMapping(state, nodeIndent, flowIndent) {
    let allowCompact;
    let _keyLine;
    let _keyLineStart;
    let _keyPos;
    const _tag = state.tag;
    const _anchor = state.anchor;
    const _result = {};
    const overridableKeys = /* @__PURE__ */ Object.create(null);
    let keyTag = null;
    let keyNode = null;
    let valueNode = null;
    let atExplicitKey = false;
    let detected = false;
    if (state.firstTabInLine !== -1) return false;
    if (state.anchor !== null) {
      storeAnchor(state, state.anchor, _result);
    }
    let ch = state.input.charCodeAt(state.position);
    while (ch !== 0) {
      if (!atExplicitKey && state.firstTabInLine !== -1) {
        state.position = state.firstTabInLine;
        throwError(state, "tab characters must not be used in indentation");
      }
      const following = state.input.charCodeAt(state.position + 1);
      const _line = state.line;
      if ((ch === 63 || ch === 58) && isWsOrEol(following)) {
        if (ch === 63) {
          if (atExplicitKey) {
            storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, null, _keyLine, _keyLineStart, _keyPos);
            keyTag = keyNode = valueNode = null;
          }
          detected = true;
          atExplicitKey = true;
          allowCompact = true;
        } else if (atExplicitKey) {
          atExplicitKey = false;
          allowCompact = true;
        } else {
          throwError(state, "incomplete explicit mapping pair; a key node is missed; or followed by a non-tabulated empty line");
        }
        state.position += 1;
        ch = following;
      } else {
        _keyLine = state.line;
        _keyLineStart = state.lineStart;
        _keyPos = state.position;
        if (!composeNode(state, flowIndent, CONTEXT_FLOW_OUT, false, true)) {
          break;
        }
        if (state.line === _line) {
          ch = state.input.charCodeAt(state.position);
          while (isWhiteSpace(ch)) {
            ch = state.input.charCodeAt(++state.position);
          }
          if (ch === 58) {
            ch = state.input.charCodeAt(++state.position);
            if (!isWsOrEol(ch)) {
              throwError(state, "a whitespace character is expected after the key-value separator within a block mapping");
            }
            if (atExplicitKey) {
              storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, null, _keyLine, _keyLineStart, _keyPos);
              keyTag = keyNode = valueNode = null;
            }
            detected = true;
            atExplicitKey = false;
            allowCompact = false;
            keyTag = state.tag;
            keyNode = state.result;
          } else if (detected) {
            throwError(state, "can not read an implicit mapping pair; a colon is missed");
          } else {
            state.tag = _tag;
            state.anchor = _anchor;
            return true;
          }
        } else if (detected) {
          throwError(state, "can not read a block mapping entry; a multiline key may not be an implicit key");
        } else {
          state.tag = _tag;
          state.anchor = _anchor;
          return true;
        }
      }
      if (state.line === _line || state.lineIndent > nodeIndent) {
        if (atExplicitKey) {
          _keyLine = state.line;
          _keyLineStart = state.lineStart;
          _keyPos = state.position;
        }
        if (composeNode(state, nodeIndent, CONTEXT_BLOCK_OUT, true, allowCompact)) {
          if (atExplicitKey) {
            keyNode = state.result;
          } else {
            valueNode = state.result;
          }
        }
        if (!atExplicitKey) {
          storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, valueNode, _keyLine, _keyLineStart, _keyPos);
          keyTag = keyNode = valueNode = null;
        }
        skipSeparationSpace(state, true, -1);
        ch = state.input.charCodeAt(state.position);
      }
      if ((state.line === _line || state.lineIndent > nodeIndent) && ch !== 0) {
        throwError(state, "bad indentation of a mapping entry");
      } else if (state.lineIndent < nodeIndent) {
        break;
      }
    }
    if (atExplicitKey) {
      storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, null, _keyLine, _keyLineStart, _keyPos);
    }
    if (detected) {
      state.tag = _tag;
      state.anchor = _anchor;
      state.kind = "mapping";
      state.result = _result;
    }
    return detected;
  }
  function readTagProperty(state) {
    let isVerbatim = false;
    let isNamed = false;
    let tagHandle;
    let tagName;
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 33) return false;
    if (state.tag !== null) {
      throwError(state, "duplication of a tag property");
    }
    ch = state.input.charCodeAt(++state.position);
    if (ch === 60) {
      isVerbatim = true;
      ch = state.input.charCodeAt(++state.position);
    } else if (ch === 33) {
      isNamed = true;
      tagHandle = "!!";
      ch = state.input.charCodeAt(++state.position);
    } else {
      tagHandle = "!";
    }
    let _position = state.position;
    if (isVerbatim) {
      do {
        ch = state.input.charCodeAt(++state.position);
      } while (ch !== 0 && ch !== 62);
      if (state.position < state.length) {
        tagName = state.input.slice(_position, state.position);
        ch = state.input.charCodeAt(++state.position);
      } else {
        throwError(state, "unexpected end of the stream within a verbatim tag");
      }
    } else {
      while (ch !== 0 && !isWsOrEol(ch)) {
        if (ch === 33) {
          if (!isNamed) {
            tagHandle = state.input.slice(_position - 1, state.position + 1);
            if (!PATTERN_TAG_HANDLE.test(tagHandle)) {
              throwError(state, "named tag handle cannot contain such characters");
            }
            isNamed = true;
            _position = state.position + 1;
          } else {
            throwError(state, "tag suffix cannot contain exclamation marks");
          }
        }
        ch = state.input.charCodeAt(++state.position);
      }
      tagName = state.input.slice(_position, state.position);
      if (PATTERN_FLOW_INDICATORS.test(tagName)) {
        throwError(state, "tag suffix cannot contain flow indicator characters");
      }
    }
    if (tagName && !PATTERN_TAG_URI.test(tagName)) {
      throwError(state, "tag name cannot contain such characters: " + tagName);
    }
    try {
      tagName = decodeURIComponent(tagName);
    } catch (err) {
      throwError(state, "tag name is malformed: " + tagName);
    }
    if (isVerbatim) {
      state.tag = tagName;
    } else if (_hasOwnProperty.call(state.tagMap, tagHandle)) {
      state.tag = state.tagMap[tagHandle] + tagName;
    } else if (tagHandle === "!") {
      state.tag = "!" + tagName;
    } else if (tagHandle === "!!") {
      state.tag = "tag:yaml.org,2002:" + tagName;
    } else {
      throwError(state, 'undeclared tag handle "' + tagHandle + '"');
    }
    return true;
  }
  function readAnchorProperty(state) {
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 38) return false;
    if (state.anchor !== null) {
      throwError(state, "duplication of an anchor property");
    }
    ch = state.input.charCodeAt(++state.position);
    const _position = state.position;
    while (ch !== 0 && !isWsOrEol(ch) && !isFlowIndicator(ch)) {
      ch = state.input.charCodeAt(++state.position);
    }
    if (state.position === _position) {
      throwError(state, "name of an anchor node must contain at least one character");
    }
    state.anchor = state.input.slice(_position, state.position);
    return true;
  }
  function readAlias(state) {
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 42) return false;
    ch = state.input.charCodeAt(++state.position);
    const _position = state.position;
    while (ch !== 0 && !isWsOrEol(ch) && !isFlowIndicator(ch)) {
      ch = state.input.charCodeAt(++state.position);
    }
    if (state.position === _position) {
      throwError(state, "name of an alias node must contain at least one character");
    }
    const alias = state.input.slice(_position, state.position);
    if (!_hasOwnProperty.call(state.anchorMap, alias)) {
      throwError(state, 'unidentified alias "' + alias + '"');
    }
    state.result = state.anchorMap[alias];
    skipSeparationSpace(state, true, -1);
    return true;
  }
  function tryReadBlockMappingFromProperty(state, propertyStart, nodeIndent, flowIndent) {
    const fallbackState = snapshotState(state);
    beginAnchorTransaction(state);
    restoreState(state, propertyStart);
    state.tag = null;
    state.anchor = null;
    state.kind = null;
    state.result = null;
    if (readBlockMapping(state, nodeIndent, flowIndent) && state.kind === "mapping") {
      commitAnchorTransaction(state);
      return true;
    }
    rollbackAnchorTransaction(state);
    restoreState(state, fallbackState);
    return false;
  }
  function composeNode(state, parentIndent, nodeContext, allowToSeek, allowCompact) {
    let allowBlockScalars;
    let allowBlockCollections;
    let indentStatus = 1;
    let atNewLine = false;
    let hasContent = false;
    let propertyStart = null;
    let type2;
    let flowIndent;
    let blockIndent;
    if (state.depth >= state.maxDepth) {
      throwError(state, "nesting exceeded maxDepth (" + state.maxDepth + ")");
    }
    state.depth += 1;
    if (state.listener !== null) {
      state.listener("open", state);
    }
    state.tag = null;
    state.anchor = null;
    state.kind = null;
    state.result = null;
    const allowBlockStyles = allowBlockScalars = allowBlockCollections = CONTEXT_BLOCK_OUT === nodeContext || CONTEXT_BLOCK_IN === nodeContext;
    if (allowToSeek) {
      if (skipSeparationSpace(state, true, -1)) {
        atNewLine = true;
        if (state.lineIndent > parentIndent) {
          indentStatus = 1;
        } else if (state.lineIndent === parentIndent) {
          indentStatus = 0;
        } else if (state.lineIndent < parentIndent) {
          indentStatus = -1;
        }
      }
    }
    if (indentStatus === 1) {
      while (true) {
        const ch = state.input.charCodeAt(state.position);
        const propertyState = snapshotState(state);
        if (atNewLine && (ch === 33 && state.tag !== null || ch === 38 && state.anchor !== null)) {
          break;
        }
        if (!readTagProperty(state) && !readAnchorProperty(state)) {
          break;
        }
        if (propertyStart === null) {
          propertyStart = propertyState;
        }
        if (skipSeparationSpace(state, true, -1)) {
          atNewLine = true;
          allowBlockCollections = allowBlockStyles;
          if (state.lineIndent > parentIndent) {
            indentStatus = 1;
          } else if (state.lineIndent === parentIndent) {
            indentStatus = 0;
          } else if (state.lineIndent < parentIndent) {
            indentStatus = -1;
          }
        } else {
          allowBlockCollections = false;
        }
      }
    }
    if (allowBlockCollections) {
      allowBlockCollections = atNewLine || allowCompact;
    }
    if (indentStatus === 1 || CONTEXT_BLOCK_OUT === nodeContext) {
      if (CONTEXT_FLOW_IN === nodeContext || CONTEXT_FLOW_OUT === nodeContext) {
        flowIndent = parentIndent;
      } else {
        flowIndent = parentIndent + 1;
      }
      blockIndent = state.position - state.lineStart;
      if (indentStatus === 1) {
        if (allowBlockCollections && (readBlockSequence(state, blockIndent) || readBlockMapping(state, blockIndent, flowIndent)) || readFlowCollection(state, flowIndent)) {
          hasContent = true;
        } else {
          const ch = state.input.charCodeAt(state.position);
          if (propertyStart !== null && allowBlockStyles && !allowBlockCollections && ch !== 124 && ch !== 62 && tryReadBlockMappingFromProperty(
            state,
            propertyStart,
            propertyStart.position - propertyStart.lineStart,
            flowIndent
          )) {
            hasContent = true;
          } else if (allowBlockScalars && readBlockScalar(state, flowIndent) || readSingleQuotedScalar(state, flowIndent) || readDoubleQuotedScalar(state, flowIndent)) {
            hasContent = true;
          } else if (readAlias(state)) {
            hasContent = true;
            if (state.tag !== null || state.anchor !== null) {
              throwError(state, "alias node should not have any properties");
            }
          } else if (readPlainScalar(state, flowIndent, CONTEXT_FLOW_IN === nodeContext)) {
            hasContent = true;
            if (state.tag === null) {
              state.tag = "?";
            }
          }
          if (state.anchor !== null) {
            storeAnchor(state, state.anchor, state.result);
          }
        }
      } else if (indentStatus === 0) {
        hasContent = allowBlockCollections && readBlockSequence(state, blockIndent);
      }
    }
    if (state.tag === null) {
      if (state.anchor !== null) {
        storeAnchor(state, state.anchor, state.result);
      }
    } else if (state.tag === "?") {
      if (state.result !== null && state.kind !== "scalar") {
        throwError(state, 'unacceptable node kind for !<?> tag; it should be "scalar", not "' + state.kind + '"');
      }
      for (let typeIndex = 0, typeQuantity = state.implicitTypes.length; typeIndex < typeQuantity; typeIndex += 1) {
        type2 = state.implicitTypes[typeIndex];
        if (type2.resolve(state.result)) {
          state.result = type2.construct(state.result);
          state.tag = type2.tag;
          if (state.anchor !== null) {
            storeAnchor(state, state.anchor, state.result);
          }
          break;
        }
      }
    } else if (state.tag !== "!") {
      if (_hasOwnProperty.call(state.typeMap[state.kind || "fallback"], state.tag)) {
        type2 = state.typeMap[state.kind || "fallback"][state.tag];
      } else {
        type2 = null;
        const typeList = state.typeMap.multi[state.kind || "fallback"];
        for (let typeIndex = 0, typeQuantity = typeList.length; typeIndex < typeQuantity; typeIndex += 1) {
          if (state.tag.slice(0, typeList[typeIndex].tag.length) === typeList[typeIndex].tag) {
            type2 = typeList[typeIndex];
            break;
          }
        }
      }
      if (!type2) {
        throwError(state, "unknown tag !<" + state.tag + ">");
      }
      if (state.result !== null && type2.kind !== state.kind) {
        throwError(state, "unacceptable node kind for !<" + state.tag + '> tag; it should be "' + type2.kind + '", not "' + state.kind + '"');
      }
      if (!type2.resolve(state.result, state.tag)) {
        throwError(state, "cannot resolve a node with !<" + state.tag + "> explicit tag");
      } else {
        state.result = type2.construct(state.result, state.tag);
        if (state.anchor !== null) {
          storeAnchor(state, state.anchor, state.result);
        }
      }
    }
    if (state.listener !== null) {
      state.listener("close", state);
    }
    state.depth -= 1;
    return state.tag !== null || state.anchor !== null || hasContent;
  }
  function readDocument(state) {
    const documentStart = state.position;
    let hasDirectives = false;
    let ch;
    state.version = null;
    state.checkLineBreaks = state.legacy;
    state.tagMap = /* @__PURE__ */ Object.create(null);
    state.anchorMap = /* @__PURE__ */ Object.create(null);
    while ((ch = state.input.charCodeAt(state.position)) !== 0) {
      skipSeparationSpace(state, true, -1);
      ch = state.input.charCodeAt(state.position);
      if (state.lineIndent > 0 || ch !== 37) {
        break;
      }
      hasDirectives = true;
      ch = state.input.charCodeAt(++state.position);
      let _position = state.position;
      while (ch !== 0 && !isWsOrEol(ch)) {
        ch = state.input.charCodeAt(++state.position);
      }
      const directiveName = state.input.slice(_position, state.position);
      const directiveArgs = [];
      if (directiveName.length < 1) {
        throwError(state, "directive name must not be less than one character in length");
      }
      while (ch !== 0) {
        while (isWhiteSpace(ch)) {
          ch = state.input.charCodeAt(++state.position);
        }
        if (ch === 35) {
          do {
            ch = state.input.charCodeAt(++state.position);
          } while (ch !== 0 && !isEol(ch));
          break;
        }
        if (isEol(ch)) break;
        _position = state.position;
        while (ch !== 0 && !isWsOrEol(ch)) {
          ch = state.input.charCodeAt(++state.position);
        }
        directiveArgs.push(state.input.slice(_position, state.position));
      }
      if (ch !== 0) readLineBreak(state);
      if (_hasOwnProperty.call(directiveHandlers, directiveName)) {
        directiveHandlers[directiveName](state, directiveName, directiveArgs);
      } else {
        throwWarning(state, 'unknown document directive "' + directiveName + '"');
      }
    }
    skipSeparationSpace(state, true, -1);
    if (state.lineIndent === 0 && state.input.charCodeAt(state.position) === 45 && state.input.charCodeAt(state.position + 1) === 45 && state.input.charCodeAt(state.position + 2) === 45) {
      state.position += 3;
      skipSeparationSpace(state, true, -1);
    } else if (hasDirectives) {
      throwError(state, "directives end mark is expected");
    }
    composeNode(state, state.lineIndent - 1, CONTEXT_BLOCK_OUT, false, true);
    skipSeparationSpace(state, true, -1);
    if (state.checkLineBreaks && PATTERN_NON_ASCII_LINE_BREAKS.test(state.input.slice(documentStart, state.position))) {
      throwWarning(state, "non-ASCII line breaks are interpreted as content");
    }
    state.documents.push(state.result);
    if (state.position === state.lineStart && testDocumentSeparator(state)) {
      if (state.input.charCodeAt(state.position) === 46) {
        state.position += 3;
        skipSeparationSpace(state, true, -1);
      }
      return;
    }
    if (state.position < state.length - 1) {
      throwError(state, "end of the stream or a document separator is expected");
    }
  }
  function loadDocuments(input, options) {
    input = String(input);
    options = options || {};
    if (input.length !== 0) {
      if (input.charCodeAt(input.length - 1) !== 10 && input.charCodeAt(input.length - 1) !== 13) {
        input += "\n";
      }
      if (input.charCodeAt(0) === 65279) {
        input = input.slice(1);
      }
    }
    const state = new State(input, options);
    const nullpos = input.indexOf("\0");
    if (nullpos !== -1) {
      state.position = nullpos;
      throwError(state, "null byte is not allowed in input");
    }
    state.input += "\0";
    while (state.input.charCodeAt(state.position) === 32) {
      state.lineIndent += 1;
      state.position += 1;
    }
    while (state.position < state.length - 1) {
      readDocument(state);
    }
    return state.documents;
  }
  function loadAll2(input, iterator, options) {
    if (iterator !== null && typeof iterator === "object" && typeof options === "undefined") {
      options = iterator;
      iterator = null;
    }
    const documents = loadDocuments(input, options);
    if (typeof iterator !== "function") {
      return documents;
    }
    for (let index = 0, length = documents.length; index < length; index += 1) {
      iterator(documents[index]);
    }
  }
  function load2(input, options) {
    const documents = loadDocuments(input, options);
    if (documents.length === 0) {
      return void 0;
    } else if (documents.length === 1) {
      return documents[0];
    }
    throw new YAMLException2("expected a single document in the stream, but found more");
  }
  loader.loadAll = loadAll2;
  loader.load = load2;
  return loader;
}
var dumper = {};
var hasRequiredDumper;
function requireDumper() {
  if (hasRequiredDumper) return dumper;
  hasRequiredDumper = 1;
  const common2 = requireCommon();
  const YAMLException2 = requireException();
  const DEFAULT_SCHEMA2 = require_default();
  const _toString = Object.prototype.toString;
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  const CHAR_BOM = 65279;
  const CHAR_TAB = 9;
  const CHAR_LINE_FEED = 10;
  const CHAR_CARRIAGE_RETURN = 13;
  const CHAR_SPACE = 32;
  const CHAR_EXCLAMATION = 33;
  const CHAR_DOUBLE_QUOTE = 34;
  const CHAR_SHARP = 35;
  const CHAR_PERCENT = 37;
  const CHAR_AMPERSAND = 38;
  const CHAR_SINGLE_QUOTE = 39;
  const CHAR_ASTERISK = 42;
  const CHAR_COMMA = 44;
  const CHAR_MINUS = 45;
  const CHAR_COLON = 58;
  const CHAR_EQUALS = 61;
  const CHAR_GREATER_THAN = 62;
  const CHAR_QUESTION = 63;
  const CHAR_COMMERCIAL_AT = 64;
  const CHAR_LEFT_SQUARE_BRACKET = 91;
  const CHAR_RIGHT_SQUARE_BRACKET = 93;
  const CHAR_GRAVE_ACCENT = 96;
  const CHAR_LEFT_CURLY_BRACKET = 123;
  const CHAR_VERTICAL_LINE = 124;
  const CHAR_RIGHT_CURLY_BRACKET = 125;
  const ESCAPE_SEQUENCES = {};
  ESCAPE_SEQUENCES[0] = "\\0";
  ESCAPE_SEQUENCES[7] = "\\a";
  ESCAPE_SEQUENCES[8] = "\\b";
  ESCAPE_SEQUENCES[9] = "\\t";
  ESCAPE_SEQUENCES[10] = "\\n";
  ESCAPE_SEQUENCES[11] = "\\v";
  ESCAPE_SEQUENCES[12] = "\\f";
  ESCAPE_SEQUENCES[13] = "\\r";
  ESCAPE_SEQUENCES[27] = "\\e";
  ESCAPE_SEQUENCES[34] = '\\"';
  ESCAPE_SEQUENCES[92] = "\\\\";
  ESCAPE_SEQUENCES[133] = "\\N";
  ESCAPE_SEQUENCES[160] = "\\_";
  ESCAPE_SEQUENCES[8232] = "\\L";
  ESCAPE_SEQUENCES[8233] = "\\P";
  const DEPRECATED_BOOLEANS_SYNTAX = [
    "y",
    "Y",
    "yes",
    "Yes",
    "YES",
    "on",
    "On",
    "ON",
    "n",
    "N",
    "no",
    "No",
    "NO",
    "off",
    "Off",
    "OFF"
  ];
  const DEPRECATED_BASE60_SYNTAX = /^[-+]?[0-9_]+(?::[0-9_]+)+(?:\.[0-9_]*)?$/;
  function compileStyleMap(schema2, map2) {
    if (map2 === null) return {};
    const result = {};
    const keys = Object.keys(map2);
    for (let index = 0, length = keys.length; index < length; index += 1) {
      let tag = keys[index];
      let style = String(map2[tag]);
      if (tag.slice(0, 2) === "!!") {
        tag = "tag:yaml.org,2002:" + tag.slice(2);
      }
      const type2 = schema2.compiledTypeMap["fallback"][tag];
      if (type2 && _hasOwnProperty.call(type2.styleAliases, style)) {
        style = type2.styleAliases[style];
      }
      result[tag] = style;
    }
    return result;
  }
  function encodeHex(character) {
    let handle;
    let length;
    const string = character.toString(16).toUpperCase();
    if (character <= 255) {
      handle = "x";
      length = 2;
    } else if (character <= 65535) {
      handle = "u";
      length = 4;
    } else if (character <= 4294967295) {
      handle = "U";
      length = 8;
    } else {
      throw new YAMLException2("code point within a string may not be greater than 0xFFFFFFFF");
    }
    return "\\" + handle + common2.repeat("0", length - string.length) + string;
  }
  const QUOTING_TYPE_SINGLE = 1;
  const QUOTING_TYPE_DOUBLE = 2;
  function State(options) {
    this.schema = options["schema"] || DEFAULT_SCHEMA2;
    this.indent = Math.max(1, options["indent"] || 2);
    this.noArrayIndent = options["noArrayIndent"] || false;
    this.skipInvalid = options["skipInvalid"] || false;
    this.flowLevel = common2.isNothing(options["flowLevel"]) ? -1 : options["flowLevel"];
    this.styleMap = compileStyleMap(this.schema, options["styles"] || null);
    this.sortKeys = options["sortKeys"] || false;
    this.lineWidth = options["lineWidth"] || 80;
    this.noRefs = options["noRefs"] || false;
    this.noCompatMode = options["noCompatMode"] || false;
    this.condenseFlow = options["condenseFlow"] || false;
    this.quotingType = options["quotingType"] === '"' ? QUOTING_TYPE_DOUBLE : QUOTING_TYPE_SINGLE;
    this.forceQuotes = options["forceQuotes"] || false;
    this.replacer = typeof options["replacer"] === "function" ? options["replacer"] : null;
    this.implicitTypes = this.schema.compiledImplicit;
    this.explicitTypes = this.schema.compiledExplicit;
    this.tag = null;
    this.result = "";
    this.duplicates = [];
    this.usedDuplicates = null;
  }
  function indentString(string, spaces) {
    const ind = common2.repeat(" ", spaces);
    let position = 0;
    let result = "";
    const length = string.length;
    while (position < length) {
      let line;
      const next = string.indexOf("\n", position);
      if (next === -1) {
        line = string.slice(position);
        position = length;
      } else {
        line = string.slice(position, next + 1);
        position = next + 1;
      }
      if (line.length && line !== "\n") result += ind;
      result += line;
    }
    return result;
  }
  function generateNextLine(state, level) {
    return "\n" + common2.repeat(" ", state.indent * level);
  }
  function testImplicitResolving(state, str2) {
    for (let index = 0, length = state.implicitTypes.length; index < length; index += 1) {
      const type2 = state.implicitTypes[index];
      if (type2.resolve(str2)) {
        return true;
      }
    }
    return false;
  }
  function isWhitespace(c) {
    return c === CHAR_SPACE || c === CHAR_TAB;
  }
  function isPrintable(c) {
    return c >= 32 && c <= 126 || c >= 161 && c <= 55295 && c !== 8232 && c !== 8233 || c >= 57344 && c <= 65533 && c !== CHAR_BOM || c >= 65536 && c <= 1114111;
  }
  function isNsCharOrWhitespace(c) {
    return isPrintable(c) && c !== CHAR_BOM && // - b-char
    c !== CHAR_CARRIAGE_RETURN && c !== CHAR_LINE_FEED;
  }
  function isPlainSafe(c, prev, inblock) {
    const cIsNsCharOrWhitespace = isNsCharOrWhitespace(c);
    const cIsNsChar = cIsNsCharOrWhitespace && !isWhitespace(c);
    return (
      // ns-plain-safe
      (inblock ? cIsNsCharOrWhitespace : cIsNsCharOrWhitespace && // - c-flow-indicator
      c !== CHAR_COMMA && c !== CHAR_LEFT_SQUARE_BRACKET && c !== CHAR_RIGHT_SQUARE_BRACKET && c !== CHAR_LEFT_CURLY_BRACKET && c !== CHAR_RIGHT_CURLY_BRACKET) && // ns-plain-char
      c !== CHAR_SHARP && // false on '#'
      !(prev === CHAR_COLON && !cIsNsChar) || // false on ': '
      isNsCharOrWhitespace(prev) && !isWhitespace(prev) && c === CHAR_SHARP || // change to true on '[^ ]#'
      prev === CHAR_COLON && cIsNsChar
    );
  }
  function isPlainSafeFirst(c) {
    return isPrintable(c) && c !== CHAR_BOM && !isWhitespace(c) && // - s-white
    // - (c-indicator ::=
    // “-” | “?” | “:” | “,” | “[” | “]” | “{” | “}”
    c !== CHAR_MINUS && c !== CHAR_QUESTION && c !== CHAR_COLON && c !== CHAR_COMMA && c !== CHAR_LEFT_SQUARE_BRACKET && c !== CHAR_RIGHT_SQUARE_BRACKET && c !== CHAR_LEFT_CURLY_BRACKET && c !== CHAR_RIGHT_CURLY_BRACKET && // | “#” | “&” | “*” | “!” | “|” | “=” | “>” | “'” | “"”
    c !== CHAR_SHARP && c !== CHAR_AMPERSAND && c !== CHAR_ASTERISK && c !== CHAR_EXCLAMATION && c !== CHAR_VERTICAL_LINE && c !== CHAR_EQUALS && c !== CHAR_GREATER_THAN && c !== CHAR_SINGLE_QUOTE && c !== CHAR_DOUBLE_QUOTE && // | “%” | “@” | “`”)
    c !== CHAR_PERCENT && c !== CHAR_COMMERCIAL_AT && c !== CHAR_GRAVE_ACCENT;
  }
  function isPlainSafeLast(c) {
    return !isWhitespace(c) && c !== CHAR_COLON;
  }
  function codePointAt(string, pos) {
    const first = string.charCodeAt(pos);
    let second;
    if (first >= 55296 && first <= 56319 && pos + 1 < string.length) {
      second = string.charCodeAt(pos + 1);
      if (second >= 56320 && second <= 57343) {
        return (first - 55296) * 1024 + second - 56320 + 65536;
      }
    }
    return first;
  }
  function needIndentIndicator(string) {
    const leadingSpaceRe = /^\n* /;
    return leadingSpaceRe.test(string);
  }
  const STYLE_PLAIN = 1;
  const STYLE_SINGLE = 2;
  const STYLE_LITERAL = 3;
  const STYLE_FOLDED = 4;
  const STYLE_DOUBLE = 5;
  function chooseScalarStyle(string, singleLineOnly, indentPerLevel, lineWidth, testAmbiguousType, quotingType, forceQuotes, inblock) {
    let i;
    let char = 0;
    let prevChar = null;
    let hasLineBreak = false;
    let hasFoldableLine = false;
    const shouldTrackWidth = lineWidth !== -1;
    let previousLineBreak = -1;
    let plain = isPlainSafeFirst(codePointAt(string, 0)) && isPlainSafeLast(codePointAt(string, string.length - 1));
    if (singleLineOnly || forceQuotes) {
      for (i = 0; i < string.length; char >= 65536 ? i += 2 : i++) {
        char = codePointAt(string, i);
        if (!isPrintable(char)) {
          return STYLE_DOUBLE;
        }
        plain = plain && isPlainSafe(char, prevChar, inblock);
        prevChar = char;
      }
    } else {
      for (i = 0; i < string.length; char >= 65536 ? i += 2 : i++) {
        char = codePointAt(string, i);
        if (char === CHAR_LINE_FEED) {
          hasLineBreak = true;
          if (shouldTrackWidth) {
            hasFoldableLine = hasFoldableLine || // Foldable line = too long, and not more-indented.
            i - previousLineBreak - 1 > lineWidth && string[previousLineBreak + 1] !== " ";
            previousLineBreak = i;
          }
        } else if (!isPrintable(char)) {
          return STYLE_DOUBLE;
        }
        plain = plain && isPlainSafe(char, prevChar, inblock);
        prevChar = char;
      }
      hasFoldableLine = hasFoldableLine || shouldTrackWidth && (i - previousLineBreak - 1 > lineWidth && string[previousLineBreak + 1] !== " ");
    }
    if (!hasLineBreak && !hasFoldableLine) {
      if (plain && !forceQuotes && !testAmbiguousType(string)) {
        return STYLE_PLAIN;
      }
      return quotingType === QUOTING_TYPE_DOUBLE ? STYLE_DOUBLE : STYLE_SINGLE;
    }
    if (indentPerLevel > 9 && needIndentIndicator(string)) {
      return STYLE_DOUBLE;
    }
    if (!forceQuotes) {
      return hasFoldableLine ? STYLE_FOLDED : STYLE_LITERAL;
    }
    return quotingType === QUOTING_TYPE_DOUBLE ? STYLE_DOUBLE : STYLE_SINGLE;
  }
  function writeScalar(state, string, level, iskey, inblock) {
    state.dump = (function() {
      if (string.length === 0) {
        return state.quotingType === QUOTING_TYPE_DOUBLE ? '""' : "''";
      }
      if (!state.noCompatMode) {
        if (DEPRECATED_BOOLEANS_SYNTAX.indexOf(string) !== -1 || DEPRECATED_BASE60_SYNTAX.test(string)) {
          return state.quotingType === QUOTING_TYPE_DOUBLE ? '"' + string + '"' : "'" + string + "'";
        }
      }
      const indent = state.indent * Math.max(1, level);
      const lineWidth = state.lineWidth === -1 ? -1 : Math.max(Math.min(state.lineWidth, 40), state.lineWidth - indent);
      const singleLineOnly = iskey || // No block styles in flow mode.
      state.flowLevel > -1 && level >= state.flowLevel;
      function testAmbiguity(string2) {
        return testImplicitResolving(state, string2);
      }
      switch (chooseScalarStyle(
        string,
        singleLineOnly,
        state.indent,
        lineWidth,
        testAmbiguity,
        state.quotingType,
        state.forceQuotes && !iskey,
        inblock
      )) {
        case STYLE_PLAIN:
          return string;
        case STYLE_SINGLE:
          return "'" + string.replace(/'/g, "''") + "'";
        case STYLE_LITERAL:
          return "|" + blockHeader(string, state.indent) + dropEndingNewline(indentString(string, indent));
        case STYLE_FOLDED:
          return ">" + blockHeader(string, state.indent) + dropEndingNewline(indentString(foldString(string, lineWidth), indent));
        case STYLE_DOUBLE:
          return '"' + escapeString(string) + '"';
        default:
          throw new YAMLException2("impossible error: invalid scalar style");
      }
    })();
  }
  function blockHeader(string, indentPerLevel) {
    const indentIndicator = needIndentIndicator(string) ? String(indentPerLevel) : "";
    const clip = string[string.length - 1] === "\n";
    const keep = clip && (string[string.length - 2] === "\n" || string === "\n");
    const chomp = keep ? "+" : clip ? "" : "-";
    return indentIndicator + chomp + "\n";
  }
  function dropEndingNewline(string) {
    return string[string.length - 1] === "\n" ? string.slice(0, -1) : string;
  }
  function foldString(string, width) {
    const lineRe = /(\n+)([^\n]*)/g;
    let result = (function() {
      let nextLF = string.indexOf("\n");
      nextLF = nextLF !== -1 ? nextLF : string.length;
      lineRe.lastIndex = nextLF;
      return foldLine(string.slice(0, nextLF), width);
    })();
    let prevMoreIndented = string[0] === "\n" || string[0] === " ";
    let moreIndented;
    let match;
    while (match = lineRe.exec(string)) {
      const prefix = match[1];
      const line = match[2];
      moreIndented = line[0] === " ";
      result += prefix + (!prevMoreIndented && !moreIndented && line !== "" ? "\n" : "") + foldLine(line, width);
      prevMoreIndented = moreIndented;
    }
    return result;
  }
  function foldLine(line, width) {
    if (line === "" || line[0] === " ") return line;
    const breakRe = / [^ ]/g;
    let match;
    let start = 0;
    let end;
    let curr = 0;
    let next = 0;
    let result = "";
    while (match = breakRe.exec(line)) {
      next = match.index;
      if (next - start > width) {
        end = curr > start ? curr : next;
        result += "\n" + line.slice(start, end);
        start = end + 1;
      }
      curr = next;
    }
    result += "\n";
    if (line.length - start > width && curr > start) {
      result += line.slice(start, curr) + "\n" + line.slice(curr + 1);
    } else {
      result += line.slice(start);
    }
    return result.slice(1);
  }
  function escapeString(string) {
    let result = "";
    let char = 0;
    for (let i = 0; i < string.length; char >= 65536 ? i += 2 : i++) {
      char = codePointAt(string, i);
      const escapeSeq = ESCAPE_SEQUENCES[char];
      if (!escapeSeq && isPrintable(char)) {
        result += string[i];
        if (char >= 65536) result += string[i + 1];
      } else {
        result += escapeSeq || encodeHex(char);
      }
    }
    return result;
  }
  function writeFlowSequence(state, level, object) {
    let _result = "";
    const _tag = state.tag;
    for (let index = 0, length = object.length; index < length; index += 1) {
      let value = object[index];
      if (state.replacer) {
        value = state.replacer.call(object, String(index), value);
      }
      if (writeNode(state, level, value, false, false) || typeof value === "undefined" && writeNode(state, level, null, false, false)) {
        if (_result !== "") _result += "," + (!state.condenseFlow ? " " : "");
        _result += state.dump;
      }
    }
    state.tag = _tag;
    state.dump = "[" + _result + "]";
  }
  function writeBlockSequence(state, level, object, compact) {
    let _result = "";
    const _tag = state.tag;
    for (let index = 0, length = object.length; index < length; index += 1) {
      let value = object[index];
      if (state.replacer) {
        value = state.replacer.call(object, String(index), value);
      }
      if (writeNode(state, level + 1, value, true, true, false, true) || typeof value === "undefined" && writeNode(state, level + 1, null, true, true, false, true)) {
        if (!compact || _result !== "") {
          _result += generateNextLine(state, level);
        }
        if (state.dump && CHAR_LINE_FEED === state.dump.charCodeAt(0)) {
          _result += "-";
        } else {
          _result += "- ";
        }
        _result += state.dump;
      }
    }
    state.tag = _tag;
    state.dump = _result || "[]";
  }
  function writeFlowMapping(state, level, object) {
    let _result = "";
    const _tag = state.tag;
    const objectKeyList = Object.keys(object);
    for (let index = 0, length = objectKeyList.length; index < length; index += 1) {
      let pairBuffer = "";
      if (_result !== "") pairBuffer += ", ";
      if (state.condenseFlow) pairBuffer += '"';
      const objectKey = objectKeyList[index];
      let objectValue = object[objectKey];
      if (state.replacer) {
        objectValue = state.replacer.call(object, objectKey, objectValue);
      }
      if (!writeNode(state, level, objectKey, false, false)) {
        continue;
      }
      if (state.dump.length > 1024) pairBuffer += "? ";
      pairBuffer += state.dump + (state.condenseFlow ? '"' : "") + ":" + (state.condenseFlow ? "" : " ");
      if (!writeNode(state, level, objectValue, false, false)) {
        continue;
      }
      pairBuffer += state.dump;
      _result += pairBuffer;
    }
    state.tag = _tag;
    state.dump = "{" + _result + "}";
  }
  function writeBlockMapping(state, level, object, compact) {
    let _result = "";
    const _tag = state.tag;
    const objectKeyList = Object.keys(object);
    if (state.sortKeys === true) {
      objectKeyList.sort();
    } else if (typeof state.sortKeys === "function") {
      objectKeyList.sort(state.sortKeys);
    } else if (state.sortKeys) {
      throw new YAMLException2("sortKeys must be a boolean or a function");
    }
    for (let index = 0, length = objectKeyList.length; index < length; index += 1) {
      let pairBuffer = "";
      if (!compact || _result !== "") {
        pairBuffer += generateNextLine(state, level);
      }
      const objectKey = objectKeyList[index];
      let objectValue = object[objectKey];
      if (state.replacer) {
        objectValue = state.replacer.call(object, objectKey, objectValue);
      }
      if (!writeNode(state, level + 1, objectKey, true, true, true)) {
        continue;
      }
      const explicitPair = state.tag !== null && state.tag !== "?" || state.dump && state.dump.length > 1024;
      if (explicitPair) {
        if (state.dump && CHAR_LINE_FEED === state.dump.charCodeAt(0)) {
          pairBuffer += "?";
        } else {
          pairBuffer += "? ";
        }
      }
      pairBuffer += state.dump;
      if (explicitPair) {
        pairBuffer += generateNextLine(state, level);
      }
      if (!writeNode(state, level + 1, objectValue, true, explicitPair)) {
        continue;
      }
      if (state.dump && CHAR_LINE_FEED === state.dump.charCodeAt(0)) {
        pairBuffer += ":";
      } else {
        pairBuffer += ": ";
      }
      pairBuffer += state.dump;
      _result += pairBuffer;
    }
    state.tag = _tag;
    state.dump = _result || "{}";
  }
  function detectType(state, object, explicit) {
    const typeList = explicit ? state.explicitTypes : state.implicitTypes;
    for (let index = 0, length = typeList.length; index < length; index += 1) {
      const type2 = typeList[index];
      if ((type2.instanceOf || type2.predicate) && (!type2.instanceOf || typeof object === "object" && object instanceof type2.instanceOf) && (!type2.predicate || type2.predicate(object))) {
        if (explicit) {
          if (type2.multi && type2.representName) {
            state.tag = type2.representName(object);
          } else {
            state.tag = type2.tag;
          }
        } else {
          state.tag = "?";
        }
        if (type2.represent) {
          const style = state.styleMap[type2.tag] || type2.defaultStyle;
          let _result;
          if (_toString.call(type2.represent) === "[object Function]") {
            _result = type2.represent(object, style);
          } else if (_hasOwnProperty.call(type2.represent, style)) {
            _result = type2.represent[style](object, style);
          } else {
            throw new YAMLException2("!<" + type2.tag + '> tag resolver accepts not "' + style + '" style');
          }
          state.dump = _result;
        }
        return true;
      }
    }
    return false;
  }
  function writeNode(state, level, object, block, compact, iskey, isblockseq) {
    state.tag = null;
    state.dump = object;
    if (!detectType(state, object, false)) {
      detectType(state, object, true);
    }
    const type2 = _toString.call(state.dump);
    const inblock = block;
    if (block) {
      block = state.flowLevel < 0 || state.flowLevel > level;
    }
    const objectOrArray = type2 === "[object Object]" || type2 === "[object Array]";
    let duplicateIndex;
    let duplicate;
    if (objectOrArray) {
      duplicateIndex = state.duplicates.indexOf(object);
      duplicate = duplicateIndex !== -1;
    }
    if (state.tag !== null && state.tag !== "?" || duplicate || state.indent !== 2 && level > 0) {
      compact = false;
    }
    if (duplicate && state.usedDuplicates[duplicateIndex]) {
      state.dump = "*ref_" + duplicateIndex;
    } else {
      if (objectOrArray && duplicate && !state.usedDuplicates[duplicateIndex]) {
        state.usedDuplicates[duplicateIndex] = true;
      }
      if (type2 === "[object Object]") {
        if (block && Object.keys(state.dump).length !== 0) {
          writeBlockMapping(state, level, state.dump, compact);
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + state.dump;
          }
        } else {
          writeFlowMapping(state, level, state.dump);
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + " " + state.dump;
          }
        }
      } else if (type2 === "[object Array]") {
        if (block && state.dump.length !== 0) {
          if (state.noArrayIndent && !isblockseq && level > 0) {
            writeBlockSequence(state, level - 1, state.dump, compact);
          } else {
            writeBlockSequence(state, level, state.dump, compact);
          }
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + state.dump;
          }
        } else {
          writeFlowSequence(state, level, state.dump);
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + " " + state.dump;
          }
        }
      } else if (type2 === "[object String]") {
        if (state.tag !== "?") {
          writeScalar(state, state.dump, level, iskey, inblock);
        }
      } else if (type2 === "[object Undefined]") {
        return false;
      } else {
        if (state.skipInvalid) return false;
        throw new YAMLException2("unacceptable kind of an object to dump " + type2);
      }
      if (state.tag !== null && state.tag !== "?") {
        let tagStr = encodeURI(
          state.tag[0] === "!" ? state.tag.slice(1) : state.tag
        ).replace(/!/g, "%21");
        if (state.tag[0] === "!") {
          tagStr = "!" + tagStr;
        } else if (tagStr.slice(0, 18) === "tag:yaml.org,2002:") {
          tagStr = "!!" + tagStr.slice(18);
        } else {
          tagStr = "!<" + tagStr + ">";
        }
        state.dump = tagStr + " " + state.dump;
      }
    }
    return true;
  }
  function getDuplicateReferences(object, state) {
    const objects = [];
    const duplicatesIndexes = [];
    inspectNode(object, objects, duplicatesIndexes);
    const length = duplicatesIndexes.length;
    for (let index = 0; index < length; index += 1) {
      state.duplicates.push(objects[duplicatesIndexes[index]]);
    }
    state.usedDuplicates = new Array(length);
  }
  function inspectNode(object, objects, duplicatesIndexes) {
    if (object !== null && typeof object === "object") {
      const index = objects.indexOf(object);
      if (index !== -1) {
        if (duplicatesIndexes.indexOf(index) === -1) {
          duplicatesIndexes.push(index);
        }
      } else {
        objects.push(object);
        if (Array.isArray(object)) {
          for (let i = 0, length = object.length; i < length; i += 1) {
            inspectNode(object[i], objects, duplicatesIndexes);
          }
        } else {
          const objectKeyList = Object.keys(object);
          for (let i = 0, length = objectKeyList.length; i < length; i += 1) {
            inspectNode(object[objectKeyList[i]], objects, duplicatesIndexes);
          }
        }
      }
    }
  }
  function dump2(input, options) {
    options = options || {};
    const state = new State(options);
    if (!state.noRefs) getDuplicateReferences(input, state);
    let value = input;
    if (state.replacer) {
      value = state.replacer.call({ "": value }, "", value);
    }
    if (writeNode(state, 0, value, true, true)) return state.dump + "\n";
    return "";
  }
  dumper.dump = dump2;
  return dumper;
}
var hasRequiredJsYaml;
function requireJsYaml() {
  if (hasRequiredJsYaml) return jsYaml;
  hasRequiredJsYaml = 1;
  const loader2 = requireLoader();
  const dumper2 = requireDumper();
  function renamed(from, to) {
    return function() {
      throw new Error("Function yaml." + from + " is removed in js-yaml 4. Use yaml." + to + " instead, which is now safe by default.");
    };
  }
  jsYaml.Type = requireType();
  jsYaml.Schema = requireSchema();
  jsYaml.FAILSAFE_SCHEMA = requireFailsafe();
  jsYaml.JSON_SCHEMA = requireJson();
  jsYaml.CORE_SCHEMA = requireCore();
  jsYaml.DEFAULT_SCHEMA = require_default();
  jsYaml.load = loader2.load;
  jsYaml.loadAll = loader2.loadAll;
  jsYaml.dump = dumper2.dump;
  jsYaml.YAMLException = requireException();
  jsYaml.types = {
    binary: requireBinary(),
    float: requireFloat(),
    map: requireMap(),
    null: require_null(),
    pairs: requirePairs(),
    set: requireSet(),
    timestamp: requireTimestamp(),
    bool: requireBool(),
    int: requireInt(),
    merge: requireMerge(),
    omap: requireOmap(),
    seq: requireSeq(),
    str: requireStr()
  };
  jsYaml.safeLoad = renamed("safeLoad", "load");
  jsYaml.safeLoadAll = renamed("safeLoadAll", "loadAll");
  jsYaml.safeDump = renamed("safeDump", "dump");
  return jsYaml;
}
var jsYamlExports = requireJsYaml();
const yaml = /* @__PURE__ */ getDefaultExportFromCjs(jsYamlExports);
const {
  Type,
  Schema,
  FAILSAFE_SCHEMA,
  JSON_SCHEMA,
  CORE_SCHEMA,
  DEFAULT_SCHEMA,
  load,
  loadAll,
  dump,
  YAMLException,
  types,
  safeLoad,
  safeLoadAll,
  safeDump
} = yaml;

/**
 * YAML loading for manifests and policies: js-yaml's core schema (plain data only: no custom tags,
 * and dates stay strings so that `expires: 2027-01-31` is compared as written), plus the line of each
 * mapping key so that schema errors can point at a line.
 */
function loadYaml(text, file) {
    let data;
    try {
        data = yaml.load(text, { schema: yaml.CORE_SCHEMA, filename: file, json: false });
    }
    catch (err) {
        const e = err;
        throw new InputError(`not valid YAML: ${e.reason ?? e.message}`, {
            file,
            line: e.mark ? e.mark.line + 1 : undefined
        });
    }
    const lines = text.split(/\r?\n/);
    return { data, lineOf: path => findLine(lines, path) };
}
/**
 * Finds a path's line by walking the keys and list items by indentation. Good enough for the block
 * style that people write by hand; flow style (`{ a: 1 }`) resolves to the enclosing key's line.
 */
function findLine(lines, path) {
    const parts = path.match(/[^.[\]]+|\[\d+\]/g) ?? [];
    let from = 0;
    let indent = -1;
    let found;
    for (const part of parts) {
        let hit = -1;
        if (part.startsWith('[')) {
            const want = Number(part.slice(1, -1));
            let seen = -1;
            for (let i = from; i < lines.length; i++) {
                const m = /^(\s*)-(?:\s|$)/.exec(lines[i]);
                if (!m || m[1].length < indent)
                    continue;
                if (++seen === want) {
                    hit = i;
                    indent = m[1].length;
                    break;
                }
            }
        }
        else {
            const key = part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
            const re = new RegExp(`^(\\s*(?:- )?)["']?${key}["']?\\s*:`);
            for (let i = from; i < lines.length; i++) {
                const m = re.exec(lines[i]);
                if (m && m[1].length > indent) {
                    hit = i;
                    indent = m[1].length;
                    break;
                }
            }
        }
        if (hit < 0)
            return found;
        found = hit + 1;
        from = part.startsWith('[') ? hit : hit + 1;
    }
    return found;
}

/**
 * Loads `rai-gate.yml`: YAML (core schema) -> JSON Schema (schemas/manifest.schema.json) -> the
 * checks a schema cannot express (intersections name declared attributes, one artifact per kind,
 * paths stay in the workspace) -> a typed Manifest.
 */
function loadManifest(path, options) {
    const abs = resolve$1(options.cwd, path);
    const file = displayPath(abs, options.cwd);
    const doc = loadYaml(readText(abs, file, 'manifest'), file);
    const raw = validate(schema$2, doc, file);
    const where = (p) => ({ file, line: doc.lineOf(p), path: p });
    const attributes = raw.sensitiveAttributes ?? [];
    const intersections = raw.intersections ?? [];
    intersections.forEach((parts, i) => parts.forEach((a, j) => {
        if (!attributes.includes(a)) {
            throw new InputError(`'${a}' is not a sensitive attribute; expected one of: ${attributes.join(', ') || '(none declared)'}`, where(`intersections[${i}][${j}]`));
        }
    }));
    const dir = dirname(abs);
    const seen = new Set();
    const artifacts = raw.artifacts.map((a, i) => {
        if (seen.has(a.kind))
            throw new InputError(`a second '${a.kind}' artifact; expected at most one of each kind`, where(`artifacts[${i}].kind`));
        seen.add(a.kind);
        const absPath = resolve$1(dir, a.path);
        if (!isInside(options.workspace, absPath)) {
            throw new InputError(`path '${a.path}' leaves the workspace (${options.workspace}); expected a path inside it`, where(`artifacts[${i}].path`));
        }
        return {
            kind: a.kind,
            path: a.path,
            absPath,
            display: displayPath(absPath, options.cwd),
            columns: a.columns ?? {},
            positiveLabel: a.positiveLabel ?? 1,
            threshold: a.threshold ?? 0.5
        };
    });
    return {
        file,
        dir,
        model: { name: raw.model.name, version: String(raw.model.version) },
        riskTier: raw.riskTier,
        task: raw.task,
        sensitiveAttributes: attributes,
        intersections,
        artifacts,
        documents: raw.documents ?? {}
    };
}

const LOG_FACT = (() => {
    const t = new Float64Array(10);
    for (let k = 1; k < 10; k++)
        t[k] = t[k - 1] + Math.log(k);
    return t;
})();
function logFactorial(k) {
    if (k < 10)
        return LOG_FACT[k];
    // Stirling series; error below 1e-10 for k >= 10.
    const x = k + 1;
    return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x * x * x);
}
/** Constants a Poisson draw needs per mean, so that a mean drawn many times computes them once. */
const NC = 5;
function constants(lambda, c, o) {
    if (lambda < 10) {
        c[o] = Math.exp(-lambda);
        return;
    }
    const b = 0.931 + 2.53 * Math.sqrt(lambda);
    c[o] = -0.059 + 0.02483 * b;
    c[o + 1] = b;
    c[o + 2] = 0.9277 - 3.6224 / (b - 2);
    c[o + 3] = Math.log(1.1239 + 1.1328 / (b - 3.4));
    c[o + 4] = Math.log(lambda);
}
/**
 * Poisson(lambda) draw. Inversion by sequential search for lambda < 10; for larger means the PTRS
 * transformed-rejection sampler of Hörmann (1993), "The transformed rejection method for generating
 * Poisson random variables", which is exact and O(1) expected for any lambda.
 */
function draw(rng, lambda, c, o) {
    if (lambda <= 0)
        return 0;
    if (lambda < 10) {
        const limit = c[o];
        let k = 0;
        let p = rng.next();
        while (p > limit) {
            k++;
            p *= rng.next();
        }
        return k;
    }
    const a = c[o];
    const b = c[o + 1];
    const vr = c[o + 2];
    for (;;) {
        const u = rng.next() - 0.5;
        const v = rng.next();
        const us = 0.5 - Math.abs(u);
        const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
        if (us >= 0.07 && v <= vr)
            return k;
        if (k < 0 || (us < 0.013 && v > us))
            continue;
        if (Math.log(v) + c[o + 3] - Math.log(a / (us * us) + b) <= -lambda + k * c[o + 4] - logFactorial(k)) {
            return k;
        }
    }
}
const scratch = new Float64Array(NC);
/** One Poisson(lambda) draw. */
function poisson(rng, lambda) {
    if (lambda <= 0)
        return 0;
    constants(lambda, scratch, 0);
    return draw(rng, lambda, scratch, 0);
}
/**
 * Poisson draws for a fixed list of means, each mean's constants computed once: a bootstrap draws
 * the same means a thousand times. Draws equal poisson(rng, lambdas[i]) for the same stream.
 */
class PoissonDraws {
    lambdas;
    c;
    constructor(lambdas) {
        this.lambdas = Float64Array.from(lambdas);
        this.c = new Float64Array(this.lambdas.length * NC);
        this.lambdas.forEach((lambda, i) => lambda > 0 && constants(lambda, this.c, i * NC));
    }
    /** A draw with mean lambdas[i]. */
    at(rng, i) {
        return draw(rng, this.lambdas[i], this.c, i * NC);
    }
}

/**
 * The Poisson bootstrap over the cell table. Resampling N rows with replacement gives each row a
 * multiplicity; with Poisson(1) multiplicities (Hanley & MacGibbon 2006; Chamandy et al. 2012) the
 * rows of a cell together draw Poisson(n_cell) copies, independently per cell, so a resample of the
 * rows is a resample of the cells. Count metrics are therefore resampled exactly as a row bootstrap
 * would. A cell's sums of per-row quantities (weights, scores, squared errors, log losses) are drawn
 * as K·mean + √K·sd·Z given the cell's K copies, the normal limit of a sum of K rows drawn from the
 * cell; this is exact when the quantity is constant in the cell (every weight in an unweighted run)
 * and otherwise matches the row bootstrap's mean and variance.
 */
const NQ = QUANTITIES.length;
function cellMoments(table) {
    const mean = new Float64Array(table.sum.length);
    const sd = new Float64Array(table.sum.length);
    for (let cell = 0; cell < table.n.length; cell++) {
        const n = table.n[cell];
        if (n === 0)
            continue;
        for (let q = 0; q < NQ; q++) {
            const i = cell * NQ + q;
            const m = table.sum[i] / n;
            const v = table.sum2[i] / n - m * m;
            mean[i] = m;
            // Below rounding noise the quantity is constant in the cell: no spread to add.
            sd[i] = v > 1e-12 * (m * m + 1e-300) ? Math.sqrt(v) : 0;
        }
    }
    return { mean, sd, copies: new PoissonDraws(table.n) };
}
/** Draws one resample of the table into `out` (same layout). */
function resampleCells(table, moments, rng, out) {
    const { n } = table;
    const { mean, sd, copies } = moments;
    for (let cell = 0; cell < n.length; cell++) {
        const o = cell * NQ;
        if (n[cell] === 0) {
            out.n[cell] = 0;
            continue;
        }
        const k = copies.at(rng, cell);
        out.n[cell] = k;
        if (k === 0) {
            for (let q = 0; q < NQ; q++)
                out.sum[o + q] = 0;
            continue;
        }
        const root = Math.sqrt(k);
        for (let q = 0; q < NQ; q++) {
            const s = sd[o + q];
            const v = k * mean[o + q] + (s > 0 ? root * s * rng.normal() : 0);
            out.sum[o + q] = v > 0 ? v : 0;
        }
        // A score and a squared error never exceed the weight: keep the drawn sums consistent.
        const w = out.sum[o];
        if (out.sum[o + 1] > w)
            out.sum[o + 1] = w;
        if (out.sum[o + 2] > w)
            out.sum[o + 2] = w;
    }
}
/** Poisson-resamples plain counts (robustness and outcome cells). */
function resampleCounts(counts, rng, out) {
    for (let i = 0; i < counts.length; i++)
        out[i] = counts[i] > 0 ? poisson(rng, counts[i]) : 0;
}

/**
 * Quantile of an ascending-sorted sample by linear interpolation between order statistics
 * (Hyndman & Fan type 7, numpy's default `linear` method, also what Fairlearn's bootstrap uses).
 * simple-statistics' quantileSorted uses a different definition, so this one-liner stays here.
 * O(1). Throws on an empty sample.
 */
function quantileSorted(sorted, p) {
    const n = sorted.length;
    if (n === 0)
        throw new RangeError('quantile of an empty sample');
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, n - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
/** Two-sided percentile interval at `confidence` of an ascending-sorted sample. */
function percentileIntervalSorted(sorted, confidence) {
    const tail = (1 - confidence) / 2;
    return [quantileSorted(sorted, tail), quantileSorted(sorted, 1 - tail)];
}

function splitmix32(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x9e3779b9) | 0;
        let z = a;
        z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
        z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
        return (z ^ (z >>> 16)) >>> 0;
    };
}
/** Creates an independent stream for `seed` (an integer; `stream` derives sub-streams from one seed). */
function createRng(seed, stream = 0) {
    const mix = splitmix32((seed ^ Math.imul(stream + 1, 0x27d4eb2d)) >>> 0);
    let s0 = mix();
    let s1 = mix();
    let s2 = mix();
    let s3 = mix();
    if ((s0 | s1 | s2 | s3) === 0)
        s0 = 1;
    const next = () => {
        const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
        const t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = rotl(s3, 11);
        return result / 4294967296;
    };
    let spare = NaN;
    const normal = () => {
        if (spare === spare) {
            const z = spare;
            spare = NaN;
            return z;
        }
        for (;;) {
            const u = 2 * next() - 1;
            const v = 2 * next() - 1;
            const s = u * u + v * v;
            if (s > 0 && s < 1) {
                const f = Math.sqrt((-2 * Math.log(s)) / s);
                spare = v * f;
                return u * f;
            }
        }
    };
    return { next, normal };
}
function rotl(x, k) {
    return (x << k) | (x >>> (32 - k));
}

const BLOCKS = 512;
function exactAuc(d) {
    let below = 0;
    let num = 0;
    let pos = 0;
    for (let i = 0; i < d.score.length; i++) {
        num += d.posW[i] * (below + 0.5 * d.negW[i]);
        below += d.negW[i];
        pos += d.posW[i];
    }
    return pos > 0 && below > 0 ? num / (pos * below) : NaN;
}
function aucBlocks(d) {
    const k = d.score.length;
    let totalRows = 0;
    for (let i = 0; i < k; i++)
        totalRows += d.posN[i] + d.negN[i];
    const target = totalRows / BLOCKS;
    const blocks = [];
    let cur = [0, 0, 0, 0, 0];
    let rowsIn = 0;
    let below = 0;
    for (let i = 0; i < k; i++) {
        cur[0] += d.posW[i];
        cur[1] += d.negW[i];
        cur[2] += d.posN[i];
        cur[3] += d.negN[i];
        cur[4] += d.posW[i] * (below + 0.5 * d.negW[i]);
        below += d.negW[i];
        rowsIn += d.posN[i] + d.negN[i];
        if (rowsIn >= target || i === k - 1) {
            blocks.push(cur);
            cur = [0, 0, 0, 0, 0];
            rowsIn = 0;
            below = 0;
        }
    }
    const col = (j) => Float64Array.from(blocks, b => b[j]);
    return { posW: col(0), negW: col(1), posN: col(2), negN: col(3), within: col(4) };
}
/** AUC of a resample given Poisson draws kPos, kNeg per block. */
function resampledAuc(b, kPos, kNeg) {
    let below = 0;
    let num = 0;
    let pos = 0;
    for (let i = 0; i < b.posW.length; i++) {
        const p = b.posN[i] > 0 ? (b.posW[i] * kPos[i]) / b.posN[i] : 0;
        const q = b.negN[i] > 0 ? (b.negW[i] * kNeg[i]) / b.negN[i] : 0;
        const full = b.posW[i] * b.negW[i];
        num += p * below + (full > 0 ? (b.within[i] * p * q) / full : 0);
        below += q;
        pos += p;
    }
    return pos > 0 && below > 0 ? num / (pos * below) : NaN;
}
/** Exact AUC and its bootstrap blocks, computed once per run (check() stores them on the data). */
function aucSummary(d) {
    return { value: exactAuc(d), blocks: aucBlocks(d) };
}

function planOutcomes(table) {
    const suites = new Map();
    table.cells.forEach((c, i) => {
        if (!suites.has(c.suite))
            suites.set(c.suite, []);
        suites.get(c.suite).push(i);
    });
    const scopes = [];
    for (const [suite, cells] of suites) {
        scopes.push({ ref: { suite }, cells });
        for (const i of cells) {
            const category = table.cells[i].category;
            if (category !== null)
                scopes.push({ ref: { suite, category }, cells: [i] });
        }
    }
    return { scopes };
}
function computeOutcomes(plan, passed, failed, sink) {
    for (const { ref, cells } of plan.scopes) {
        let p = 0;
        let f = 0;
        for (const i of cells) {
            p += passed[i];
            f += failed[i];
        }
        const n = p + f;
        sink.put('pass_rate', ref, n > 0 ? p / n : NaN, n, 'no test cases');
        sink.put('failure_rate', ref, n > 0 ? f / n : NaN, n, 'no test cases');
        sink.put('count', ref, n, n);
    }
}

/** An intersection's attribute id, e.g. `race*sex`; its group labels join the same way. */
const intersectionId = (attributes) => attributes.join('*');

/**
 * Sums of the cell table over a set of groups, and the metric formulas over those sums. One aggregate
 * is a run of `stride` numbers:
 *   [0] rows  [1..4] weight by (label·2 + prediction)  [5] Σw·s  [6] Σw·(s−y)²  [7] Σw·logloss
 *   then per calibration bin b: Σw, Σw·y, Σw·s.
 * Undefined values are NaN here and become null with a reason in the report.
 */
const N = 0;
const W = 1;
const S = 5;
const SQ = 6;
const LL = 7;
const BIN = 8;
const strideOf = (bins) => BIN + 3 * bins;
/** Aggregates every combination of group values: out[c·stride ...]. O(cells). */
function aggregateCombos(table, view, out) {
    const bins = table.bins;
    const stride = strideOf(bins);
    out.fill(0);
    const combos = table.combos.length;
    for (let c = 0; c < combos; c++) {
        const o = c * stride;
        for (let yp = 0; yp < 4; yp++) {
            const y = yp >> 1;
            for (let b = 0; b < bins; b++) {
                const cell = (c * 4 + yp) * bins + b;
                const n = view.n[cell];
                if (n === 0)
                    continue;
                const q = cell * 4;
                const w = view.sum[q + Q_W];
                const s = view.sum[q + Q_S];
                out[o + N] += n;
                out[o + W + yp] += w;
                out[o + S] += s;
                out[o + SQ] += view.sum[q + Q_SQ];
                out[o + LL] += view.sum[q + Q_LL];
                const ob = o + BIN + 3 * b;
                out[ob] += w;
                if (y === 1)
                    out[ob + 1] += w;
                out[ob + 2] += s;
            }
        }
    }
}
/** Sums combination aggregates into groups: group g of combo c is groupOf[c]. */
function reduceGroups(comboAgg, groupOf, stride, out) {
    out.fill(0);
    for (let c = 0; c < groupOf.length; c++) {
        const src = c * stride;
        const dst = groupOf[c] * stride;
        for (let k = 0; k < stride; k++)
            out[dst + k] += comboAgg[src + k];
    }
}
const tn = (a, o) => a[o + W];
const fp = (a, o) => a[o + W + 1];
const fn = (a, o) => a[o + W + 2];
const tp = (a, o) => a[o + W + 3];
const total = (a, o) => tn(a, o) + fp(a, o) + fn(a, o) + tp(a, o);
const div = (num, den) => (den > 0 ? num / den : NaN);
const rows = (a, o) => a[o + N];
function rate(id, a, o) {
    switch (id) {
        case 'selection_rate':
            return div(tp(a, o) + fp(a, o), total(a, o));
        case 'tpr':
            return div(tp(a, o), tp(a, o) + fn(a, o));
        case 'fpr':
            return div(fp(a, o), fp(a, o) + tn(a, o));
        case 'fnr':
            return div(fn(a, o), tp(a, o) + fn(a, o));
        case 'tnr':
            return div(tn(a, o), fp(a, o) + tn(a, o));
        case 'precision':
            return div(tp(a, o), tp(a, o) + fp(a, o));
        case 'accuracy':
            return div(tp(a, o) + tn(a, o), total(a, o));
        case 'base_rate':
            return div(tp(a, o) + fn(a, o), total(a, o));
    }
}
const f1 = (a, o) => div(2 * tp(a, o), 2 * tp(a, o) + fp(a, o) + fn(a, o));
const brier = (a, o) => div(a[o + SQ], total(a, o));
const logLoss = (a, o) => div(a[o + LL], total(a, o));
/** Expected calibration error: Σ_b (W_b/W)·|Y_b/W_b − S_b/W_b| = Σ_b |Y_b − S_b| / W. */
function ece(a, o, bins) {
    let gap = 0;
    for (let b = 0; b < bins; b++) {
        const ob = o + BIN + 3 * b;
        if (a[ob] > 0)
            gap += Math.abs(a[ob + 1] - a[ob + 2]);
    }
    return div(gap, total(a, o));
}
/** Maximum calibration error over non-empty bins. */
function mce(a, o, bins) {
    let worst = NaN;
    for (let b = 0; b < bins; b++) {
        const ob = o + BIN + 3 * b;
        if (a[ob] > 0) {
            const gap = Math.abs(a[ob + 1] / a[ob] - a[ob + 2] / a[ob]);
            if (!(gap <= worst))
                worst = gap;
        }
    }
    return worst;
}

/** Per-group rates: numerator and denominator over the weighted confusion cells. */
const RATES = {
    selection_rate: { direction: 'none', definition: 'P(ŷ=1)', undefinedWhen: 'no rows' },
    tpr: { direction: 'higher', definition: 'P(ŷ=1 | y=1)', undefinedWhen: 'no positive labels' },
    fpr: { direction: 'lower', definition: 'P(ŷ=1 | y=0)', undefinedWhen: 'no negative labels' },
    fnr: { direction: 'lower', definition: 'P(ŷ=0 | y=1) = 1 − tpr', undefinedWhen: 'no positive labels' },
    tnr: { direction: 'higher', definition: 'P(ŷ=0 | y=0) = 1 − fpr', undefinedWhen: 'no negative labels' },
    precision: { direction: 'higher', definition: 'P(y=1 | ŷ=1)', undefinedWhen: 'no predicted positives' },
    accuracy: { direction: 'higher', definition: 'P(ŷ=y)', undefinedWhen: 'no rows' },
    base_rate: { direction: 'none', definition: 'P(y=1)', undefinedWhen: 'no rows' }
};
/** Disparities over an attribute's eligible groups: difference = max − min, ratio = min / max. */
const DISPARITIES = [
    { id: 'demographic_parity_difference', of: ['selection_rate'], kind: 'difference' },
    { id: 'demographic_parity_ratio', of: ['selection_rate'], kind: 'ratio' },
    { id: 'equal_opportunity_difference', of: ['tpr'], kind: 'difference' },
    { id: 'equal_opportunity_ratio', of: ['tpr'], kind: 'ratio' },
    { id: 'equalized_odds_difference', of: ['tpr', 'fpr'], kind: 'difference' },
    { id: 'equalized_odds_ratio', of: ['tpr', 'fpr'], kind: 'ratio' },
    { id: 'fpr_difference', of: ['fpr'], kind: 'difference' },
    { id: 'accuracy_difference', of: ['accuracy'], kind: 'difference' },
    { id: 'precision_difference', of: ['precision'], kind: 'difference' },
    { id: 'ece_difference', of: ['ece'], kind: 'difference' }
];
const def = (id, scopes, direction, definition) => ({
    id,
    scopes,
    direction,
    definition
});
const METRICS = [
    def('count', ['overall', 'group', 'suite'], 'none', 'rows (unweighted)'),
    ...Object.entries(RATES).map(([id, r]) => def(id, id === 'selection_rate' || id === 'accuracy' || id === 'precision' || id === 'base_rate'
        ? ['overall', 'group']
        : ['group'], r.direction, r.definition)),
    def('recall', ['overall'], 'higher', 'tpr over all rows'),
    def('f1', ['overall'], 'higher', '2·precision·recall / (precision + recall)'),
    def('auc', ['overall'], 'higher', 'ROC AUC of the score, ties count ½'),
    def('brier', ['overall', 'group'], 'lower', 'mean((s − y)²)'),
    def('log_loss', ['overall'], 'lower', 'mean(−y·log s − (1−y)·log(1−s)), s clipped to [1e-15, 1−1e-15]'),
    def('ece', ['overall', 'group'], 'lower', 'Σ_b (n_b/N)·|mean(y)_b − mean(s)_b|'),
    def('mce', ['overall'], 'lower', 'max_b |mean(y)_b − mean(s)_b|'),
    ...DISPARITIES.map(d => def(d.id, ['attribute'], d.kind === 'difference' ? 'lower' : 'higher', `${d.kind === 'difference' ? 'max − min' : 'min / max'} of ${d.of.join(' and ')} over eligible groups`)),
    def('perturbed_accuracy', ['perturbation'], 'higher', 'accuracy on the perturbed inputs'),
    def('accuracy_drop', ['perturbation'], 'lower', 'clean accuracy − perturbed accuracy on the same rows'),
    def('flip_rate', ['perturbation'], 'lower', 'share of rows whose prediction changed'),
    def('worst_accuracy_drop', ['robustness'], 'lower', 'max accuracy_drop over perturbations'),
    def('worst_flip_rate', ['robustness'], 'lower', 'max flip_rate over perturbations'),
    def('pass_rate', ['suite'], 'higher', 'share of test cases passed'),
    def('failure_rate', ['suite'], 'lower', 'share of test cases failed')
];
const BY_ID = new Map(METRICS.map(m => [m.id, m]));
function metricDef(id) {
    return BY_ID.get(id);
}

const OVERALL$1 = {};
const NO_SCORE = 'no score column';
const RATE_IDS = Object.keys(RATES);
const GROUP_VALUES = [...RATE_IDS, 'brier', 'ece'];
function planPredictions(table, intersections, minGroupSize) {
    const stride = strideOf(table.bins);
    const comboAgg = new Float64Array(table.combos.length * stride);
    aggregateCombos(table, table, comboAgg);
    const comboRows = table.combos.map((_, c) => comboAgg[c * stride]);
    const scope = (attribute, members) => {
        const labels = [];
        const index = new Map();
        const groupOf = new Int32Array(table.combos.length);
        table.combos.forEach((combo, c) => {
            const label = members.map(a => table.groups[a][combo[a]]).join('*');
            let g = index.get(label);
            if (g === undefined) {
                g = labels.length;
                index.set(label, g);
                labels.push(label);
            }
            groupOf[c] = g;
        });
        const sizes = labels.map(() => 0);
        comboRows.forEach((n, c) => (sizes[groupOf[c]] += n));
        const eligible = sizes.map(n => n >= minGroupSize);
        return {
            attribute,
            labels,
            groupOf,
            sizes,
            eligible,
            eligibleGroups: labels.map((_, g) => g).filter(g => eligible[g]),
            groupRefs: labels.map(group => ({ attribute, group })),
            ref: { attribute },
            values: Object.fromEntries(GROUP_VALUES.map(id => [id, new Float64Array(labels.length)]))
        };
    };
    const position = new Map(table.attributes.map((a, i) => [a, i]));
    const scopes = [
        ...table.attributes.map((a, i) => scope(a, [i])),
        ...intersections.map(parts => scope(intersectionId(parts), parts.map(p => position.get(p))))
    ];
    const maxGroups = Math.max(1, ...scopes.map(s => s.labels.length));
    return {
        table,
        scopes,
        overall: new Int32Array(table.combos.length),
        minGroupSize,
        comboAgg,
        groupAgg: new Float64Array(maxGroups * stride)
    };
}
/** Computes every predictions metric from `view` (the table or a resample) into `sink`. */
function computePredictions(plan, view, auc, sink) {
    const { table, comboAgg, groupAgg } = plan;
    const { bins, hasScore } = table;
    const stride = strideOf(bins);
    aggregateCombos(table, view, comboAgg);
    reduceGroups(comboAgg, plan.overall, stride, groupAgg);
    const a = groupAgg;
    const n = rows(a, 0);
    const scored = (v) => (hasScore ? v : NaN);
    const why = (v, reason) => (Number.isNaN(v) ? (hasScore ? reason : NO_SCORE) : undefined);
    sink.put('count', OVERALL$1, n, n);
    sink.put('accuracy', OVERALL$1, rate('accuracy', a, 0), n, RATES.accuracy.undefinedWhen);
    sink.put('precision', OVERALL$1, rate('precision', a, 0), n, RATES.precision.undefinedWhen);
    sink.put('recall', OVERALL$1, rate('tpr', a, 0), n, RATES.tpr.undefinedWhen);
    sink.put('f1', OVERALL$1, f1(a, 0), n, 'no positive labels or predictions');
    const aucValue = scored(auc);
    sink.put('auc', OVERALL$1, aucValue, n, why(aucValue, 'labels of only one class'));
    for (const [id, v] of [
        ['brier', brier(a, 0)],
        ['log_loss', logLoss(a, 0)],
        ['ece', ece(a, 0, bins)],
        ['mce', mce(a, 0, bins)]
    ]) {
        const value = scored(v);
        sink.put(id, OVERALL$1, value, n, why(value, 'no rows'));
    }
    sink.put('selection_rate', OVERALL$1, rate('selection_rate', a, 0), n, RATES.selection_rate.undefinedWhen);
    sink.put('base_rate', OVERALL$1, rate('base_rate', a, 0), n, RATES.base_rate.undefinedWhen);
    for (const s of plan.scopes) {
        reduceGroups(comboAgg, s.groupOf, stride, groupAgg);
        const G = s.labels.length;
        const values = s.values;
        for (let g = 0; g < G; g++) {
            const o = g * stride;
            const ref = s.groupRefs[g];
            const gn = rows(a, o);
            sink.put('count', ref, gn, gn);
            for (const id of RATE_IDS) {
                const v = rate(id, a, o);
                values[id][g] = v;
                sink.put(id, ref, v, gn, RATES[id].undefinedWhen);
            }
            const b = scored(brier(a, o));
            const e = scored(ece(a, o, bins));
            values.brier[g] = b;
            values.ece[g] = e;
            sink.put('brier', ref, b, gn, why(b, 'no rows'));
            sink.put('ece', ref, e, gn, why(e, 'no rows'));
        }
        putDisparities(s, values, sink, plan.minGroupSize);
    }
}
function putDisparities(s, values, sink, minGroupSize) {
    const eligible = s.eligibleGroups;
    let n = 0;
    for (const g of eligible)
        n += s.sizes[g];
    for (const d of DISPARITIES) {
        if (eligible.length < 2) {
            sink.put(d.id, s.ref, NaN, n, `fewer than two groups have at least ${minGroupSize} rows`);
            continue;
        }
        let combined = d.kind === 'difference' ? -Infinity : Infinity;
        let reason;
        for (const base of d.of) {
            let lo = Infinity;
            let hi = -Infinity;
            let defined = 0;
            for (const g of eligible) {
                const v = values[base][g];
                if (Number.isNaN(v))
                    continue;
                defined++;
                if (v < lo)
                    lo = v;
                if (v > hi)
                    hi = v;
            }
            if (defined < 2) {
                reason = `${base} is defined in fewer than two eligible groups`;
                combined = NaN;
                break;
            }
            const v = d.kind === 'difference' ? hi - lo : hi === 0 ? 1 : lo / hi;
            combined = d.kind === 'difference' ? Math.max(combined, v) : Math.min(combined, v);
        }
        sink.put(d.id, s.ref, combined, n, reason);
    }
}

const OVERALL = {};
/** `counts` has the table's layout: counts[p·8 + (label·2 + clean)·2 + perturbed]. */
function computeRobustness(table, refs, counts, sink) {
    let worstDrop = -Infinity;
    let worstFlip = -Infinity;
    table.perturbations.forEach((_, p) => {
        let n = 0;
        let cleanRight = 0;
        let right = 0;
        let flips = 0;
        for (let y = 0; y < 2; y++)
            for (let c = 0; c < 2; c++)
                for (let q = 0; q < 2; q++) {
                    const k = counts[p * 8 + (y * 2 + c) * 2 + q];
                    n += k;
                    if (c === y)
                        cleanRight += k;
                    if (q === y)
                        right += k;
                    if (c !== q)
                        flips += k;
                }
        const perturbed = n > 0 ? right / n : NaN;
        const drop = n > 0 ? cleanRight / n - perturbed : NaN;
        const flip = n > 0 ? flips / n : NaN;
        sink.put('perturbed_accuracy', refs[p], perturbed, n, 'no rows');
        sink.put('accuracy_drop', refs[p], drop, n, 'no rows');
        sink.put('flip_rate', refs[p], flip, n, 'no rows');
        worstDrop = Math.max(worstDrop, drop);
        worstFlip = Math.max(worstFlip, flip);
    });
    const total = table.n.reduce((a, b) => a + b, 0);
    sink.put('worst_accuracy_drop', OVERALL, worstDrop, total, 'no perturbations');
    sink.put('worst_flip_rate', OVERALL, worstFlip, total, 'no perturbations');
}
const perturbationRefs = (table) => table.perturbations.map(perturbation => ({ perturbation }));

/** The scope keys, in the order reports and renderings list them. */
const SCOPE_KEYS$1 = ['attribute', 'group', 'perturbation', 'suite', 'category'];
/** The scope part of a metric, check or regression (only the keys it has). */
function scopeOf(m) {
    const scope = {};
    for (const key of SCOPE_KEYS$1)
        if (m[key] !== undefined)
            scope[key] = m[key];
    return scope;
}
/** Records every value with its metric and scope (the point estimates). */
class RecordingSink {
    values = [];
    put(metric, scope, value, n, reason) {
        this.values.push({ metric, scope, value, n, reason });
    }
}
/** Writes values in order into one row of a replicate matrix. */
class RowSink {
    out;
    offset;
    k = 0;
    constructor(out, offset) {
        this.out = out;
        this.offset = offset;
    }
    reset(offset) {
        this.offset = offset;
        this.k = 0;
    }
    put(_metric, _scope, value) {
        this.out[this.offset + this.k++] = value;
    }
}

/** A bootstrap needs most resamples to define a metric before its interval means anything. */
const MIN_DEFINED_SHARE = 0.5;
/** A metric's identity across runs: id and scope. */
const metricKey = (m) => JSON.stringify([m.metric, m.attribute, m.group, m.perturbation, m.suite, m.category]);
function evaluate(input) {
    return evaluation(input, compute(input));
}
function evaluation(input, computed) {
    const at = (confidence) => computed.map(c => toResult(c, confidence));
    return {
        metrics: at(input.settings.confidence),
        at,
        changes: (base, confidence) => changes(computed, base.computed, confidence),
        computed
    };
}
function changes(current, baseline, confidence) {
    const base = new Map(baseline.map(c => [metricKey({ metric: c.point.metric, ...c.point.scope }), c]));
    const out = new Map();
    for (const c of current) {
        const key = metricKey({ metric: c.point.metric, ...c.point.scope });
        const b = base.get(key);
        if (b === undefined || Number.isNaN(c.point.value) || Number.isNaN(b.point.value))
            continue;
        const diffs = [];
        const R = Math.min(c.replicates.length, b.replicates.length);
        for (let r = 0; r < R; r++) {
            const d = c.replicates[r] - b.replicates[r];
            if (!Number.isNaN(d))
                diffs.push(d);
        }
        const ok = c.sample !== null && b.sample !== null && diffs.length >= MIN_DEFINED_SHARE * R && diffs.length > 0;
        out.set(key, {
            baseline: b.point.value,
            change: c.point.value - b.point.value,
            changeCi: ok ? percentileIntervalSorted(Float64Array.from(diffs).sort(), confidence) : null
        });
    }
    return out;
}
/** Exact AUC and its bootstrap blocks: from the score distribution, or as stored in a report. */
function aucOf(p) {
    if (p.auc)
        return p.auc;
    if (p.scores === null)
        return { value: NaN, blocks: null };
    return aucSummary(p.scores);
}
/**
 * Resamples are drawn in two halves, each from random streams of its own (the second half's stream
 * ids are HALF_STREAMS higher), so that the second half can be drawn on another thread and the
 * numbers never depend on where each half ran.
 */
const HALF_STREAMS = 500;
function predictionBootstrap(job) {
    const { table, settings } = job;
    const plan = planPredictions(table, job.intersections, settings.minGroupSize);
    const moments = cellMoments(table);
    const { value: auc, blocks } = job.auc;
    const insufficient = new Set();
    for (const s of plan.scopes)
        s.labels.forEach((g, i) => !s.eligible[i] && insufficient.add(`${s.attribute}\u0000${g}`));
    return {
        point: sink => computePredictions(plan, table, auc, sink),
        drawer: half => {
            const stream = (id) => createRng(settings.seed, id + job.streamOffset + half * HALF_STREAMS);
            const rng = stream(1);
            const aucRng = stream(101);
            const view = { n: new Float64Array(table.n.length), sum: new Float64Array(table.sum.length) };
            const kPos = new Float64Array(blocks?.posN.length ?? 0);
            const kNeg = new Float64Array(blocks?.posN.length ?? 0);
            const posDraws = new PoissonDraws(blocks?.posN ?? []);
            const negDraws = new PoissonDraws(blocks?.negN ?? []);
            return sink => {
                resampleCells(table, moments, rng, view);
                let a = NaN;
                if (blocks) {
                    for (let i = 0; i < kPos.length; i++) {
                        kPos[i] = posDraws.at(aucRng, i);
                        kNeg[i] = negDraws.at(aucRng, i);
                    }
                    a = resampledAuc(blocks, kPos, kNeg);
                }
                computePredictions(plan, view, a, sink);
            };
        },
        extra: v => v.scope.group !== undefined && insufficient.has(`${v.scope.attribute}\u0000${v.scope.group}`)
            ? { status: 'insufficient' }
            : {}
    };
}
/** Bootstraps over resampled counts (robustness, outcomes): one stream id per artifact kind. */
function countBootstrap(input, id, point, draw) {
    return {
        point,
        drawer: half => {
            const rng = createRng(input.settings.seed, id + (input.streamOffset ?? 0) + half * HALF_STREAMS);
            return sink => draw(sink, rng);
        }
    };
}
function bootstraps(input) {
    const p = input.predictions;
    const predictions = p ? predictionBootstrap(predictionJob(input, p)) : null;
    const others = [];
    const rb = input.robustness;
    if (rb) {
        const refs = perturbationRefs(rb.table);
        const counts = new Float64Array(rb.table.n.length);
        others.push(countBootstrap(input, 2, sink => computeRobustness(rb.table, refs, rb.table.n, sink), (sink, rng) => {
            resampleCounts(rb.table.n, rng, counts);
            computeRobustness(rb.table, refs, counts, sink);
        }));
    }
    const oc = input.outcomes;
    if (oc) {
        const plan = planOutcomes(oc.table);
        const passed = new Float64Array(oc.table.passed.length);
        const failed = new Float64Array(oc.table.failed.length);
        others.push(countBootstrap(input, 3, sink => computeOutcomes(plan, oc.table.passed, oc.table.failed, sink), (sink, rng) => {
            resampleCounts(oc.table.passed, rng, passed);
            resampleCounts(oc.table.failed, rng, failed);
            computeOutcomes(plan, passed, failed, sink);
        }));
    }
    return { predictions, others };
}
function predictionJob(input, p) {
    return {
        table: p.table,
        auc: aucOf(p),
        intersections: input.intersections,
        settings: input.settings,
        streamOffset: input.streamOffset ?? 0
    };
}
/** The values of one half of the resamples, row by row (m values per resample). */
function drawHalf(b, m, R, half) {
    const split = Math.ceil(R / 2);
    const count = half === 0 ? split : R - split;
    const out = new Float64Array(count * m);
    const draw = b.drawer(half);
    const row = new RowSink(out, 0);
    for (let r = 0; r < count; r++) {
        row.reset(r * m);
        draw(row);
    }
    return out;
}
const pointsOf = (b) => {
    const rec = new RecordingSink();
    b.point(rec);
    return rec.values;
};
/** Point estimates and both halves of resamples -> the computed metrics. */
function assemble(b, points, halves, R) {
    const m = points.length;
    return points.map((point, j) => {
        // Metric j's value in every resample, the halves' rows in order (no joined matrix needed).
        const replicates = new Float64Array(R);
        let r = 0;
        for (const half of halves)
            for (let o = j; o < half.length; o += m)
                replicates[r++] = half[o];
        return {
            point,
            extra: b.extra?.(point) ?? {},
            sample: sampleOf(point, replicates),
            replicates,
            resamples: R
        };
    });
}
/** Both halves drawn here. */
function drawBoth(b, R) {
    const points = pointsOf(b);
    return assemble(b, points, [drawHalf(b, points.length, R, 0), drawHalf(b, points.length, R, 1)], R);
}
function compute(input) {
    const { predictions, others } = bootstraps(input);
    return [predictions, ...others].flatMap(b => (b === null ? [] : drawBoth(b, input.settings.resamples)));
}
/**
 * As evaluate, with the second half of the predictions bootstrap (the costly one) drawn by `offload`,
 * another thread, while this one draws the first. The numbers are the same as evaluate's.
 */
async function evaluateOffloaded(input, offload) {
    const R = input.settings.resamples;
    const p = input.predictions;
    if (!p)
        return evaluate(input);
    const job = predictionJob(input, p);
    const second = offload(job);
    const b = predictionBootstrap(job);
    const points = pointsOf(b);
    const first = drawHalf(b, points.length, R, 0);
    const computed = assemble(b, points, [first, await second], R);
    const { others } = bootstraps({ ...input, predictions: undefined });
    return evaluation(input, [...computed, ...others.flatMap(o => drawBoth(o, R))]);
}
/** The defined values among the replicates, ascending (null for counts and undefined estimates). */
function sampleOf(v, replicates) {
    if (Number.isNaN(v.value) || v.metric === 'count')
        return null;
    let defined = 0;
    for (const x of replicates)
        if (x === x)
            defined++;
    if (defined === replicates.length)
        return replicates.slice().sort();
    const sample = new Float64Array(defined);
    let k = 0;
    for (const x of replicates)
        if (x === x)
            sample[k++] = x;
    return sample.sort();
}
function toResult({ point: v, extra, sample, resamples: R }, confidence) {
    const base = { metric: v.metric, ...v.scope, n: v.n, ...extra };
    if (Number.isNaN(v.value))
        return { ...base, value: null, ci: null, reason: v.reason ?? 'undefined' };
    // A count is a fact about the data, not an estimate: its interval is the value itself.
    if (sample === null)
        return { ...base, value: v.value, ci: [v.value, v.value] };
    if (sample.length < MIN_DEFINED_SHARE * R || sample.length === 0) {
        return {
            ...base,
            value: v.value,
            ci: null,
            reason: `undefined in ${R - sample.length} of ${R} resamples`
        };
    }
    const ci = percentileIntervalSorted(sample, confidence);
    if (v.value < ci[0] || v.value > ci[1]) {
        // Typical of max/min statistics over small groups (mce, a difference driven by a small group):
        // the bootstrap distribution is shifted, and the interval should not be read as a confidence
        // interval for the estimate.
        return {
            ...base,
            value: v.value,
            ci,
            ciNote: 'the estimate lies outside its bootstrap interval (biased bootstrap, typical of a max or min over small groups or bins)'
        };
    }
    return { ...base, value: v.value, ci };
}

/**
 * Drawing the second half of the predictions bootstrap on a helper thread (core/threads.ts) while
 * the main thread draws the first; see evaluateOffloaded. The halves have random streams of their
 * own, so the numbers are the same as when one thread draws both.
 */
/**
 * Below this much work (cells × resamples) the bootstrap takes well under what handing half of it to
 * another thread costs, and runs on one thread.
 */
const OFFLOAD_MIN_WORK = 1_000_000;
const worthOffloading = (table, resamples) => cellCount(table) * resamples >= OFFLOAD_MIN_WORK;

/**
 * Helper threads (dist/worker.js) for the two costly steps of a run: reading a large predictions file
 * in two parts (artifacts/parallel.ts), and drawing half of a large bootstrap (metrics/offload.ts).
 * Two are started with the run, so that their start-up overlaps loading the manifest and the policy.
 * Each keeps the process alive only while it has a task: a run that ends early, or with an error,
 * never waits for them.
 */
const TAG = 'rai-gate-helper';
class Helper {
    worker;
    /** Why the thread is gone, once it is (an error between tasks surfaces in the next run). */
    gone = null;
    constructor(workerUrl) {
        this.worker = new Worker(workerUrl, { workerData: { tag: TAG } });
        this.worker.unref();
        this.worker.on('error', err => (this.gone ??= err));
        this.worker.on('exit', code => (this.gone ??= new Error(`helper thread exited with code ${code}`)));
    }
    /** Runs one task on the thread; tasks are run one at a time. */
    run(task) {
        return new Promise((resolve, reject) => {
            if (this.gone)
                return reject(this.gone);
            const w = this.worker;
            const done = () => {
                w.off('message', onMessage).off('error', onError).off('exit', onExit);
                w.unref();
            };
            const onMessage = (result) => (done(), resolve(result));
            const onError = (err) => (done(), reject(err));
            const onExit = (code) => (done(), reject(new Error(`helper thread exited with code ${code}`)));
            w.on('message', onMessage).on('error', onError).on('exit', onExit);
            w.ref();
            w.postMessage(task);
        });
    }
    close() {
        void this.worker.terminate();
    }
}
function startHelpers(workerUrl, minBytes) {
    return { threads: [new Helper(workerUrl), new Helper(workerUrl)], minBytes };
}
function closeHelpers(helpers) {
    helpers?.threads.forEach(t => t.close());
}

/** The tool's identity as recorded in every report. Kept in step with package.json by a test. */
const TOOL = { name: 'rai-gate', version: '0.1.0' };
const SCHEMA_VERSION = 1;

/**
 * Reads an earlier evidence report as a baseline and rebuilds its aggregated tables, so the run can be
 * compared against it without the original rows. A report from another schema version or another
 * model is not compared: the caller gets a warning, and change thresholds are skipped, not passed.
 */
function readBaseline(path, cwd, manifest) {
    const abs = resolve$1(cwd, path);
    const display = displayPath(abs, cwd);
    let report;
    try {
        report = JSON.parse(readFileSync(abs, 'utf8'));
    }
    catch (err) {
        const e = err;
        const why = e.code === 'ENOENT'
            ? 'baseline report not found'
            : e.code
                ? `cannot read the baseline report (${e.code})`
                : `the baseline report is not valid JSON (${e.message})`;
        throw new InputError(why, { file: display });
    }
    if (report === null || typeof report !== 'object')
        throw new InputError('the baseline report is not a JSON object', { file: display });
    const info = {
        path: display,
        model: report.model ?? null,
        toolVersion: report.tool?.version ?? null,
        decision: report.decision ?? null,
        usable: false
    };
    if (report.schemaVersion !== SCHEMA_VERSION) {
        return {
            info: {
                ...info,
                warning: `baseline ${display} has schemaVersion ${JSON.stringify(report.schemaVersion)}, this run writes ${SCHEMA_VERSION}: not compared`
            }
        };
    }
    if (report.model?.name !== manifest.model.name) {
        return {
            info: {
                ...info,
                warning: `baseline ${display} is for model '${report.model?.name}', this run is '${manifest.model.name}': not compared`
            }
        };
    }
    if (!report.stats)
        return { info: { ...info, warning: `baseline ${display} holds no aggregated statistics: not compared` } };
    return { info: { ...info, usable: true }, ...tables(report.stats) };
}
function tables(stats) {
    const out = {};
    const p = stats.predictions;
    if (p) {
        const nq = QUANTITIES.length;
        const cells = p.combos.length * 4 * p.bins;
        const n = new Float64Array(cells);
        const sum = new Float64Array(cells * nq);
        const sum2 = new Float64Array(cells * nq);
        let rows = 0;
        for (const c of p.cells) {
            const [combo, label, prediction, bin, count] = c;
            const cell = ((combo * 2 + label) * 2 + prediction) * p.bins + bin;
            n[cell] = count;
            rows += count;
            for (let q = 0; q < nq; q++) {
                sum[cell * nq + q] = c[5 + q];
                sum2[cell * nq + q] = c[5 + nq + q];
            }
        }
        const table = {
            attributes: p.attributes,
            groups: p.groups,
            combos: p.combos,
            bins: p.bins,
            hasScore: p.hasScore,
            weighted: p.weighted,
            n,
            sum,
            sum2
        };
        const auc = p.auc
            ? {
                value: p.auc.value ?? NaN,
                blocks: p.auc.blocks && {
                    posW: Float64Array.from(p.auc.blocks.posW),
                    negW: Float64Array.from(p.auc.blocks.negW),
                    posN: Float64Array.from(p.auc.blocks.posN),
                    negN: Float64Array.from(p.auc.blocks.negN),
                    within: Float64Array.from(p.auc.blocks.within)
                }
            }
            : { value: NaN, blocks: null };
        out.predictions = { table, scores: null, auc, edges: p.edges, rows, sha256: '' };
    }
    if (stats.robustness) {
        const t = { perturbations: stats.robustness.perturbations, n: stats.robustness.counts };
        out.robustness = { table: t, rows: t.n.reduce((a, b) => a + b, 0), sha256: '' };
    }
    if (stats.outcomes) {
        const t = stats.outcomes;
        out.outcomes = { table: t, rows: [...t.passed, ...t.failed].reduce((a, b) => a + b, 0), sha256: '' };
    }
    return out;
}

const ARTIFACT = {
    perturbation: 'robustness',
    robustness: 'robustness',
    suite: 'outcomes'
};
function expandGate(gate, def, metrics) {
    let rows = metrics.filter(m => m.metric === gate.metric);
    const missing = [];
    const within = (key, names) => {
        if (names === undefined || names.includes('*'))
            return;
        for (const name of names) {
            if (!rows.some(m => m[key] === name))
                missing.push({
                    scope: { [key]: name },
                    missing: `no ${gate.metric} for ${key} '${name}' in this run`
                });
        }
        rows = rows.filter(m => names.includes(m[key]));
    };
    const scopes = def.scopes;
    let kind;
    if (scopes.includes('group') && (gate.attributes || gate.groups || !scopes.includes('overall'))) {
        kind = 'group';
        rows = rows.filter(m => m.group !== undefined);
        within('attribute', gate.attributes);
        within('group', gate.groups);
    }
    else if (scopes.includes('attribute')) {
        kind = 'attribute';
        rows = rows.filter(m => m.attribute !== undefined && m.group === undefined);
        within('attribute', gate.attributes);
    }
    else if (scopes.includes('suite') && (gate.suites || gate.categories || !scopes.includes('overall'))) {
        kind = 'suite';
        rows = rows.filter(m => m.suite !== undefined && (gate.categories ? m.category !== undefined : m.category === undefined));
        within('suite', gate.suites);
        within('category', gate.categories);
    }
    else if (scopes.includes('perturbation')) {
        kind = 'perturbation';
        rows = rows.filter(m => m.perturbation !== undefined);
        within('perturbation', gate.perturbations);
    }
    else {
        kind = scopes[0];
        rows = rows.filter(m => m.attribute === undefined && m.perturbation === undefined && m.suite === undefined);
    }
    const targets = rows.map(result => ({ scope: scopeOf(result), result }));
    if (targets.length === 0 && missing.length === 0) {
        const artifact = ARTIFACT[kind] ?? 'predictions';
        return [
            { scope: {}, missing: `${gate.metric} could not be computed: the run has no ${artifact} values for it` }
        ];
    }
    return [...targets, ...missing];
}

const f = (v) => (Number.isInteger(v) ? String(v) : v.toPrecision(4).replace(/\.?0+$/, ''));
function judge(value, ci, threshold, mode) {
    const { min, max } = threshold;
    const interval = ci ? `[${f(ci[0])}, ${f(ci[1])}]` : '';
    if (mode === 'point' || (mode === 'lenient' && ci === null)) {
        const note = mode === 'lenient' ? ' (no interval: judged on the estimate)' : '';
        if (max !== undefined && value > max)
            return { breach: true, reason: `${f(value)} is above the maximum ${f(max)}${note}` };
        if (min !== undefined && value < min)
            return { breach: true, reason: `${f(value)} is below the minimum ${f(min)}${note}` };
        return { breach: false, reason: `${f(value)} is within the threshold${note}` };
    }
    if (ci === null)
        return { breach: true, reason: 'strict mode needs an interval, and this metric has none' };
    const [lo, hi] = ci;
    if (mode === 'lenient') {
        if (max !== undefined && lo > max)
            return { breach: true, reason: `the whole interval ${interval} is above the maximum ${f(max)}` };
        if (min !== undefined && hi < min)
            return { breach: true, reason: `the whole interval ${interval} is below the minimum ${f(min)}` };
        return { breach: false, reason: `the interval ${interval} is not wholly beyond the threshold` };
    }
    if (max !== undefined && hi > max)
        return {
            breach: true,
            reason: `the interval ${interval} reaches above the maximum ${f(max)}: not shown to be within it`
        };
    if (min !== undefined && lo < min)
        return {
            breach: true,
            reason: `the interval ${interval} reaches below the minimum ${f(min)}: not shown to be within it`
        };
    return { breach: false, reason: `the whole interval ${interval} is within the threshold` };
}
/**
 * Change thresholds (SPEC §3): `maxWorsening` (absolute) and `maxWorseningRelative` (a fraction of the
 * baseline value) limit how far the metric may move in its bad direction since the baseline, judged
 * with the same modes on the change's interval.
 */
function judgeChange(gate, change, noBaseline, mode) {
    if (change === undefined)
        return { breach: false, skipped: true, reason: `change threshold skipped: ${noBaseline}` };
    const sign = metricDef(gate.metric)?.direction === 'higher' ? -1 : 1;
    const limits = [
        gate.maxWorsening,
        gate.maxWorseningRelative === undefined
            ? undefined
            : gate.maxWorseningRelative * Math.abs(change.baseline)
    ];
    const allowed = Math.min(...limits.filter((v) => v !== undefined));
    // Worsening: the change in the metric's bad direction, with its interval turned the same way.
    const w = sign * change.change;
    const ci = change.changeCi &&
        [sign * change.changeCi[0], sign * change.changeCi[1]].sort((a, b) => a - b);
    const verdict = judge(w, ci, { max: allowed }, mode);
    const what = `worsening ${f(w)} since the baseline ${f(change.baseline)} (allowed ${f(allowed)})`;
    return {
        breach: verdict.breach,
        skipped: false,
        reason: verdict.breach ? `${what}: ${verdict.reason}` : `${what} is within it`
    };
}

/**
 * Regressions: every metric whose change interval against the baseline lies wholly in its bad
 * direction, whether or not a gate asks about it. Reviewers want regressions named.
 */
function regressions(metrics, changes) {
    const out = [];
    for (const m of metrics) {
        const direction = metricDef(m.metric)?.direction;
        const c = changes.get(metricKey(m));
        if (!c || !c.changeCi || m.value === null || direction === undefined || direction === 'none')
            continue;
        const worse = direction === 'lower' ? c.changeCi[0] > 0 : c.changeCi[1] < 0;
        if (!worse)
            continue;
        out.push({
            metric: m.metric,
            ...scopeOf(m),
            baseline: c.baseline,
            value: m.value,
            change: c.change,
            changeCi: c.changeCi
        });
    }
    return out;
}

/** Glob on model names: `*` any run of characters, `?` one character. */
function globMatch(pattern, name) {
    const re = pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.');
    return new RegExp(`^${re}$`).test(name);
}
/**
 * The waiver for `gate` and `model`, if any: a waiver in force wins over an expired one. `expires`
 * is inclusive: a waiver that expires on 2027-01-31 holds through that day in UTC.
 */
function findWaiver(waivers, gate, model, now) {
    const today = now.toISOString().slice(0, 10);
    const matching = waivers
        .filter(w => w.gate === gate && (w.models === undefined || w.models.some(p => globMatch(p, model))))
        .map(w => ({
        reason: w.reason,
        approvedBy: w.approvedBy,
        expires: w.expires,
        expired: w.expires !== undefined && w.expires < today
    }));
    return matching.find(w => !w.expired) ?? matching[0];
}

/**
 * (metrics, policy) -> checks and the decision. A breach is data, not an exception: every gate
 * becomes checks with a status, an effect on the decision and a reason.
 */
function evaluateGates(input) {
    const { policy, evaluation } = input;
    const d = policy.defaults;
    const expand = (metrics) => policy.gates.map(g => ({ gate: g, targets: expandGate(g, metricDef(g.metric), metrics) }));
    let metrics = evaluation.metrics;
    let expanded = expand(metrics);
    const k = expanded.reduce((t, e) => t + e.targets.length, 0);
    let confidence = d.confidence;
    if (d.multipleComparisons === 'bonferroni' && k > 1) {
        confidence = 1 - (1 - d.confidence) / k;
        metrics = evaluation.at(confidence);
        expanded = expand(metrics);
    }
    const smallGroups = metrics.filter(m => m.metric === 'count' && m.status === 'insufficient' && m.group !== undefined);
    const changes = input.changes?.(confidence) ?? null;
    const context = { policy, smallGroups, changes, noBaseline: input.noBaseline };
    const checks = [
        ...input.requirements,
        ...expanded.flatMap(({ gate, targets }) => targets.map(t => withWaiver(checkOf(gate, t, context), input)))
    ];
    return {
        checks,
        decision: decide(checks),
        multipleComparisons: { method: d.multipleComparisons, checks: k, confidence },
        metrics,
        regressions: changes ? regressions(metrics, changes) : []
    };
}
/** Whether a decision reaches a fail-on level: `block` fails on `fail`, `warn` on `warn` or `fail`. */
function reaches(decision, failOn) {
    if (failOn === 'never')
        return false;
    return decision === 'fail' || (failOn === 'warn' && decision === 'warn');
}
/** The checks that block the release. */
const blockingChecks = (checks) => checks.filter(c => c.effect === 'block').length;
function decide(checks) {
    if (checks.some(c => c.effect === 'block'))
        return 'fail';
    if (checks.some(c => c.effect === 'warn'))
        return 'warn';
    return 'pass';
}
function checkOf(gate, t, { policy, smallGroups, changes, noBaseline }) {
    const d = policy.defaults;
    const severity = gate.severity ?? 'block';
    const mode = gate.mode ?? d.mode;
    const insufficientData = gate.insufficientData ?? d.insufficientData;
    const breachEffect = severity === 'block' ? 'block' : 'warn';
    const insufficientEffect = insufficientData === 'fail' ? breachEffect : insufficientData === 'warn' ? 'warn' : 'none';
    const threshold = {
        ...(gate.min !== undefined && { min: gate.min }),
        ...(gate.max !== undefined && { max: gate.max }),
        ...(gate.maxWorsening !== undefined && { maxWorsening: gate.maxWorsening }),
        ...(gate.maxWorseningRelative !== undefined && { maxWorseningRelative: gate.maxWorseningRelative })
    };
    const r = t.result;
    const change = changes?.get(metricKey({ metric: gate.metric, ...t.scope }));
    const base = {
        gate: gate.id,
        metric: gate.metric,
        ...t.scope,
        severity,
        mode,
        threshold,
        value: r?.value ?? null,
        ci: r?.ci ?? null,
        ...(change && { baseline: change.baseline, change: change.change, changeCi: change.changeCi })
    };
    if (t.missing !== undefined || r === undefined)
        return { ...base, status: 'missing', effect: breachEffect, reason: t.missing ?? 'no value' };
    const small = r.group !== undefined
        ? r.status === 'insufficient'
            ? [{ attribute: r.attribute, group: r.group, n: r.n }]
            : []
        : r.attribute !== undefined
            ? smallGroups
                .filter(m => m.attribute === r.attribute)
                .map(m => ({ attribute: m.attribute, group: m.group, n: m.value ?? 0 }))
            : [];
    const insufficient = {
        ...base,
        status: 'insufficient',
        effect: insufficientEffect,
        ...(small.length > 0 && { insufficientGroups: small })
    };
    const tooFew = `fewer than ${d.minGroupSize} rows`;
    if (r.value === null) {
        if (r.reason?.startsWith('fewer than two groups'))
            return { ...insufficient, reason: r.reason };
        return { ...base, status: 'missing', effect: breachEffect, reason: `undefined: ${r.reason}` };
    }
    const hasChangeThreshold = gate.maxWorsening !== undefined || gate.maxWorseningRelative !== undefined;
    const missingChange = changes === null ? noBaseline : 'the baseline has no value for this check';
    const worse = hasChangeThreshold ? judgeChange(gate, change, missingChange, mode) : null;
    if (gate.min === undefined && gate.max === undefined && (worse === null || worse.skipped)) {
        return { ...base, status: 'skipped', effect: 'none', reason: worse?.reason ?? 'no threshold' };
    }
    // With no level threshold, the change alone is the verdict: its words lead.
    const changeNote = worse && (gate.min !== undefined || gate.max !== undefined) ? `; ${worse.reason}` : '';
    if (r.group !== undefined && r.status === 'insufficient') {
        return { ...insufficient, reason: `group '${r.group}' has ${r.n} rows, ${tooFew}${changeNote}` };
    }
    const level = gate.min === undefined && gate.max === undefined ? null : judge(r.value, r.ci, threshold, mode);
    const verdict = {
        breach: Boolean(level?.breach || (worse && !worse.skipped && worse.breach)),
        reason: level ? level.reason : worse.reason
    };
    if (verdict.breach) {
        return {
            ...base,
            status: severity === 'block' ? 'fail' : 'warn',
            effect: breachEffect,
            reason: verdict.reason + changeNote,
            ...(small.length > 0 && { insufficientGroups: small })
        };
    }
    if (small.length > 0 && insufficientData !== 'ignore') {
        const names = small.map(g => `${g.group} (${g.n})`).join(', ');
        return {
            ...insufficient,
            reason: `${verdict.reason} over the eligible groups, but ${names} ${small.length === 1 ? 'has' : 'have'} ${tooFew}${changeNote}`
        };
    }
    return {
        ...base,
        status: 'pass',
        effect: 'none',
        reason: verdict.reason + changeNote,
        ...(small.length > 0 && { insufficientGroups: small })
    };
}
function withWaiver(check, input) {
    if (check.effect === 'none')
        return check;
    const waiver = findWaiver(input.policy.waivers, check.gate, input.model, input.now);
    if (waiver === undefined)
        return check;
    if (waiver.expired)
        return { ...check, waiver, reason: `${check.reason}; waiver expired on ${waiver.expires}` };
    return {
        ...check,
        status: 'waived',
        effect: 'none',
        waiver,
        reason: `${check.reason}; waived by ${waiver.approvedBy} until ${waiver.expires ?? 'further notice'}: ${waiver.reason}`
    };
}

const base = { severity: 'block', mode: 'point', threshold: {}, value: null, ci: null };
function checkRequirements(requires, manifest, present, read) {
    const checks = [];
    for (const kind of requires.artifacts ?? []) {
        const ok = present.has(kind);
        checks.push({
            gate: `requires.artifacts.${kind}`,
            metric: 'artifact',
            ...base,
            status: ok ? 'pass' : 'fail',
            effect: ok ? 'none' : 'block',
            reason: ok
                ? `a ${kind} artifact was evaluated`
                : `the policy requires a ${kind} artifact and the manifest has none`
        });
    }
    for (const { doc, sections = [] } of requires.documents ?? []) {
        const gate = `requires.documents.${doc}`;
        const fail = (reason) => ({
            ...base,
            gate,
            metric: 'document',
            status: 'fail',
            effect: 'block',
            reason
        });
        const path = manifest.documents[doc];
        if (path === undefined) {
            checks.push(fail(`the policy requires the document '${doc}' and the manifest's documents do not name it`));
            continue;
        }
        const text = read(path);
        if (text === null) {
            checks.push(fail(`document '${doc}' (${path}) does not exist`));
            continue;
        }
        const headings = new Set([...text.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)].map(m => normalize(m[1])));
        const absent = sections.filter(s => !headings.has(normalize(s)));
        checks.push(absent.length > 0
            ? fail(`document '${doc}' (${path}) lacks the section${absent.length > 1 ? 's' : ''} ${absent.map(s => `'${s}'`).join(', ')}`)
            : {
                ...base,
                gate,
                metric: 'document',
                status: 'pass',
                effect: 'none',
                reason: `document '${doc}' (${path}) has every required section`
            });
    }
    return checks;
}
const normalize = (heading) => heading.trim().toLowerCase().replace(/\s+/g, ' ');

var $schema = "http://json-schema.org/draft-07/schema#";
var $id = "https://rai-gate.dev/schemas/policy.schema.json";
var title = "rai-gate policy";
var type = "object";
var additionalProperties = false;
var required = [
	"apiVersion",
	"kind",
	"name",
	"version",
	"tier"
];
var properties = {
	apiVersion: {
		"const": "rai-gate/v1"
	},
	kind: {
		"const": "Policy"
	},
	name: {
		type: "string",
		minLength: 1
	},
	version: {
		type: [
			"string",
			"number"
		]
	},
	tier: {
		type: "string",
		minLength: 1
	},
	description: {
		type: "string"
	},
	"extends": {
		type: "string",
		minLength: 1
	},
	defaults: {
		type: "object",
		additionalProperties: false,
		properties: {
			confidence: {
				type: "number",
				exclusiveMinimum: 0.5,
				exclusiveMaximum: 1
			},
			mode: {
				"enum": [
					"point",
					"lenient",
					"strict"
				]
			},
			bootstrap: {
				type: "object",
				additionalProperties: false,
				properties: {
					resamples: {
						type: "integer",
						minimum: 100,
						maximum: 100000
					},
					seed: {
						type: "integer",
						minimum: 0,
						maximum: 4294967295
					}
				}
			},
			minGroupSize: {
				type: "integer",
				minimum: 1
			},
			insufficientData: {
				"enum": [
					"fail",
					"warn",
					"ignore"
				]
			},
			multipleComparisons: {
				"enum": [
					"none",
					"bonferroni"
				]
			},
			calibration: {
				type: "object",
				additionalProperties: false,
				properties: {
					bins: {
						type: "integer",
						minimum: 2,
						maximum: 1000
					},
					strategy: {
						"enum": [
							"uniform",
							"quantile"
						]
					}
				}
			}
		}
	},
	requires: {
		type: "object",
		additionalProperties: false,
		properties: {
			artifacts: {
				type: "array",
				items: {
					"enum": [
						"predictions",
						"robustness",
						"outcomes",
						"metrics",
						"stats"
					]
				},
				uniqueItems: true
			},
			documents: {
				type: "array",
				items: {
					type: "object",
					additionalProperties: false,
					required: [
						"doc"
					],
					properties: {
						doc: {
							type: "string",
							minLength: 1
						},
						sections: {
							type: "array",
							items: {
								type: "string",
								minLength: 1
							}
						}
					}
				}
			}
		}
	},
	gates: {
		type: "array",
		items: {
			type: "object",
			additionalProperties: false,
			required: [
				"id",
				"metric"
			],
			properties: {
				id: {
					type: "string",
					pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*$"
				},
				metric: {
					type: "string",
					minLength: 1
				},
				description: {
					type: "string"
				},
				attributes: {
					type: "array",
					items: {
						type: "string",
						minLength: 1
					},
					minItems: 1
				},
				groups: {
					type: "array",
					items: {
						type: "string",
						minLength: 1
					},
					minItems: 1
				},
				perturbations: {
					type: "array",
					items: {
						type: "string",
						minLength: 1
					},
					minItems: 1
				},
				suites: {
					type: "array",
					items: {
						type: "string",
						minLength: 1
					},
					minItems: 1
				},
				categories: {
					type: "array",
					items: {
						type: "string",
						minLength: 1
					},
					minItems: 1
				},
				min: {
					type: "number"
				},
				max: {
					type: "number"
				},
				maxWorsening: {
					type: "number",
					minimum: 0
				},
				maxWorseningRelative: {
					type: "number",
					minimum: 0
				},
				mode: {
					"enum": [
						"point",
						"lenient",
						"strict"
					]
				},
				severity: {
					"enum": [
						"block",
						"warn"
					]
				},
				insufficientData: {
					"enum": [
						"fail",
						"warn",
						"ignore"
					]
				},
				rationale: {
					type: "string"
				}
			}
		}
	},
	waivers: {
		type: "array",
		items: {
			type: "object",
			additionalProperties: false,
			required: [
				"gate",
				"reason",
				"approvedBy"
			],
			properties: {
				gate: {
					type: "string",
					minLength: 1
				},
				models: {
					type: "array",
					items: {
						type: "string",
						minLength: 1
					},
					minItems: 1
				},
				reason: {
					type: "string",
					minLength: 1
				},
				approvedBy: {
					type: "string",
					minLength: 1
				},
				expires: {
					type: "string",
					pattern: "^\\d{4}-\\d{2}-\\d{2}$"
				}
			}
		}
	}
};
var schema = {
	$schema: $schema,
	$id: $id,
	title: title,
	type: type,
	additionalProperties: additionalProperties,
	required: required,
	properties: properties
};

/** "Did you mean" for mistyped names: the closest candidate by edit distance, if it is close. */
function closest(word, candidates) {
    let best;
    let bestDistance = Infinity;
    for (const c of candidates) {
        const d = distance(word.toLowerCase(), c.toLowerCase());
        if (d < bestDistance) {
            best = c;
            bestDistance = d;
        }
    }
    return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}
const didYouMean = (word, candidates) => {
    const c = closest(word, candidates);
    return c === undefined ? '' : `; did you mean '${c}'?`;
};
/** Levenshtein distance, O(a·b). */
function distance(a, b) {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const cur = [i];
        for (let j = 1; j <= b.length; j++) {
            cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        prev = cur;
    }
    return prev[b.length];
}

/** Which scope keys a gate may use, by the scopes its metric is computed at. */
const SCOPE_KEYS = {
    attributes: ['group', 'attribute'],
    groups: ['group'],
    perturbations: ['perturbation'],
    suites: ['suite'],
    categories: ['suite']
};
function checkGates(raw, error) {
    const ids = new Map();
    raw.gates?.forEach((g, i) => {
        const at = (key) => `gates[${i}].${key}`;
        if (ids.has(g.id))
            throw error(`duplicate gate id '${g.id}' (also gates[${ids.get(g.id)}]); expected unique ids`, at('id'));
        ids.set(g.id, i);
        const def = metricDef(g.metric);
        if (def === undefined) {
            throw error(`unknown metric '${g.metric}'${didYouMean(g.metric, METRICS.map(m => m.id))}`, at('metric'));
        }
        for (const [key, scopes] of Object.entries(SCOPE_KEYS)) {
            if (g[key] !== undefined && !def.scopes.some(s => scopes.includes(s))) {
                throw error(`'${key}' does not apply to ${g.metric}, which is computed per ${def.scopes.join(' and ')}`, at(key));
            }
        }
        if (g.min === undefined &&
            g.max === undefined &&
            g.maxWorsening === undefined &&
            g.maxWorseningRelative === undefined) {
            throw error(`gate '${g.id}' has no threshold; expected min, max, maxWorsening or maxWorseningRelative`, `gates[${i}]`);
        }
        if ((g.maxWorsening !== undefined || g.maxWorseningRelative !== undefined) && def.direction === 'none') {
            throw error(`${g.metric} has no better or worse direction, so it cannot have a change threshold; use min or max`, at(g.maxWorsening !== undefined ? 'maxWorsening' : 'maxWorseningRelative'));
        }
        if (g.min !== undefined && g.max !== undefined && g.min > g.max) {
            throw error(`min ${g.min} is above max ${g.max}; no value could pass`, at('min'));
        }
    });
}

const DEFAULTS = {
    confidence: 0.95,
    mode: 'point',
    bootstrap: { resamples: 1000, seed: 0 },
    minGroupSize: 30,
    insufficientData: 'warn',
    multipleComparisons: 'none',
    calibration: { bins: 10, strategy: 'uniform' }
};

/**
 * Finds and loads the policy for a risk tier: a file, or a folder holding one policy per `tier`.
 * `extends` chains are followed inside the folder (cycles are errors); defaults merge key by key and
 * gates merge by id, the child winning in both.
 */
function parsePolicy(abs, cwd) {
    const display = displayPath(abs, cwd);
    const text = readText(abs, display, 'policy');
    const doc = loadYaml(text, display);
    const raw = validate(schema, doc, display);
    checkGates(raw, (detail, path) => new InputError(detail, { file: display, line: doc.lineOf(path), path }));
    return { abs, display, raw, sha256: createHash('sha256').update(text).digest('hex'), lineOf: doc.lineOf };
}
const isYaml = (name) => /\.ya?ml$/i.test(name);
/** Every policy file in a folder (not its schema/ subfolder). */
function policyFiles(dir) {
    return readdirSync(dir)
        .filter(isYaml)
        .sort()
        .map(name => join(dir, name));
}
/** The policy files at `path` (a file, or every YAML file in a folder) and the folder they live in. */
function openPolicies(path, cwd) {
    const abs = resolve$1(cwd, path);
    let isDir;
    try {
        isDir = statSync(abs).isDirectory();
    }
    catch {
        throw new InputError('policy file or folder not found', { file: displayPath(abs, cwd) });
    }
    if (!isDir)
        return { root: dirname(abs), files: [parsePolicy(abs, cwd)], isDir };
    return { root: abs, files: policyFiles(abs).map(f => parsePolicy(f, cwd)), isDir };
}
/** The policy for `tier` at `path` (SPEC §3): none, or more than one, is an error. */
function loadPolicy(path, tier, cwd) {
    const { root, files, isDir } = openPolicies(path, cwd);
    const folder = { file: displayPath(resolve$1(cwd, path), cwd) };
    const matches = files.filter(p => p.raw.tier === tier);
    if (!isDir && matches.length === 0) {
        const p = files[0];
        throw new InputError(`policy is for tier '${p.raw.tier}', but the manifest's riskTier is '${tier}'`, {
            file: p.display,
            line: p.lineOf('tier'),
            path: 'tier'
        });
    }
    if (matches.length === 0) {
        const tiers = files.map(p => `${p.raw.tier} (${p.display})`).join(', ') || 'no policy files';
        throw new InputError(`no policy for risk tier '${tier}'; this folder has: ${tiers}`, folder);
    }
    if (matches.length > 1) {
        throw new InputError(`risk tier '${tier}' is ambiguous: ${matches.map(p => p.display).join(' and ')} both declare it; expected one policy per tier`, folder);
    }
    return withParents(matches[0], root, cwd, relative(cwd, resolve$1(cwd, path)) || '.');
}
/**
 * Every policy at `path`, each with its `extends` chain resolved, for `rai-gate validate`. With a
 * manifest, also checks that its tier has a policy and that gates name attributes it declares.
 */
function validatePolicies(path, cwd, manifest) {
    const { root, files } = openPolicies(path, cwd);
    if (files.length === 0)
        throw new InputError('no policy files (*.yml, *.yaml) in this folder', {
            file: displayPath(resolve$1(cwd, path), cwd)
        });
    const policies = files.map(p => withParents(p, root, cwd, p.display));
    const tiers = new Map();
    for (const p of files) {
        const other = tiers.get(p.raw.tier);
        if (other !== undefined) {
            throw new InputError(`tier '${p.raw.tier}' is also declared by ${other}; expected one policy per tier`, { file: p.display, line: p.lineOf('tier'), path: 'tier' });
        }
        tiers.set(p.raw.tier, p.display);
    }
    if (manifest) {
        if (!tiers.has(manifest.riskTier))
            loadPolicy(path, manifest.riskTier, cwd);
        const known = [...manifest.sensitiveAttributes, ...manifest.intersections.map(intersectionId)];
        for (const p of files) {
            p.raw.gates?.forEach((g, i) => g.attributes?.forEach((a, j) => {
                if (!known.includes(a)) {
                    const at = `gates[${i}].attributes[${j}]`;
                    throw new InputError(`attribute '${a}' is not declared in ${manifest.file}${didYouMean(a, known)}; expected one of: ${known.join(', ') || '(none)'}`, {
                        file: p.display,
                        line: p.lineOf(at),
                        path: at
                    });
                }
            }));
        }
    }
    return policies;
}
/** Follows `extends` from `chosen` inside `root` (cycles are errors) and merges the chain. */
function withParents(chosen, root, cwd, source) {
    const chain = [chosen];
    for (let cur = chosen; cur.raw.extends !== undefined;) {
        const next = resolve$1(dirname(cur.abs), cur.raw.extends);
        const where = { file: cur.display, line: cur.lineOf('extends'), path: 'extends' };
        if (!isInside(root, next))
            throw new InputError(`extends '${cur.raw.extends}' leaves the policy folder; expected a relative path inside it`, where);
        if (chain.some(p => p.abs === next)) {
            throw new InputError(`extends cycle: ${[...chain.map(p => p.display), displayPath(next, cwd)].join(' -> ')}`, where);
        }
        cur = parsePolicy(next, cwd);
        chain.push(cur);
    }
    return merge(chain, source);
}
function merge(chain, source) {
    const defaults = structuredClone(DEFAULTS);
    const gates = new Map();
    const requires = {};
    const waivers = [];
    for (const p of [...chain].reverse()) {
        Object.assign(requires, p.raw.requires);
        waivers.push(...(p.raw.waivers ?? []));
        const d = p.raw.defaults ?? {};
        Object.assign(defaults, {
            ...d,
            bootstrap: { ...defaults.bootstrap, ...d.bootstrap },
            calibration: { ...defaults.calibration, ...d.calibration }
        });
        for (const g of p.raw.gates ?? [])
            gates.set(g.id, { ...gates.get(g.id), ...g });
    }
    for (const p of chain) {
        p.raw.waivers?.forEach((w, i) => {
            if (!gates.has(w.gate)) {
                const path = `waivers[${i}].gate`;
                throw new InputError(`waiver for unknown gate '${w.gate}'${didYouMean(w.gate, [...gates.keys()])}`, {
                    file: p.display,
                    line: p.lineOf(path),
                    path
                });
            }
        });
    }
    const top = chain[0].raw;
    return {
        name: top.name,
        version: String(top.version),
        tier: top.tier,
        defaults,
        requires,
        gates: [...gates.values()],
        waivers,
        files: chain.map(p => ({ path: p.display, sha256: p.sha256 })),
        source
    };
}

/**
 * The evidence report (SPEC §4, `rai-gate-report.json`): what was evaluated (inputs with hashes),
 * under which policy, every metric with its interval, and the aggregated tables that let a later run
 * compare against this one without the original rows.
 */
function buildReport(inputs, gates, baseline, notes, context) {
    const { manifest, policy } = inputs;
    const artifacts = [
        ['predictions', inputs.predictions],
        ['robustness', inputs.robustness],
        ['outcomes', inputs.outcomes]
    ];
    return {
        schemaVersion: SCHEMA_VERSION,
        tool: { ...TOOL },
        model: manifest.model,
        riskTier: manifest.riskTier,
        decision: gates.decision,
        notes,
        multipleComparisons: gates.multipleComparisons,
        policy: {
            name: policy.name,
            version: policy.version,
            tier: policy.tier,
            source: policy.source,
            files: policy.files,
            settings: policy.defaults
        },
        inputs: artifacts.flatMap(([kind, data]) => {
            const spec = manifest.artifacts.find(a => a.kind === kind);
            return data && spec ? [{ kind, path: spec.display, sha256: data.sha256, rows: data.rows }] : [];
        }),
        ...(context ? { context } : {}),
        metrics: gates.metrics,
        checks: gates.checks,
        waivers: waiversOf(gates.checks),
        baseline,
        regressions: gates.regressions,
        stats: stats(inputs)
    };
}
function aucStats(p) {
    const auc = p.auc ?? (p.scores ? aucSummary(p.scores) : null);
    if (auc === null)
        return null;
    const b = auc.blocks;
    return {
        value: Number.isNaN(auc.value) ? null : auc.value,
        blocks: b && {
            posW: Array.from(b.posW),
            negW: Array.from(b.negW),
            posN: Array.from(b.posN),
            negN: Array.from(b.negN),
            within: Array.from(b.within)
        }
    };
}
function waiversOf(checks) {
    const seen = new Map();
    for (const c of checks)
        if (c.waiver && !seen.has(c.gate))
            seen.set(c.gate, { gate: c.gate, ...c.waiver });
    return [...seen.values()];
}
function stats(inputs) {
    const out = {};
    const p = inputs.predictions;
    if (p) {
        const t = p.table;
        const nq = QUANTITIES.length;
        const cells = [];
        for (let cell = 0; cell < t.n.length; cell++) {
            if (t.n[cell] === 0)
                continue;
            const b = cell % t.bins;
            const rest = (cell - b) / t.bins;
            const prediction = rest % 2;
            const label = ((rest - prediction) / 2) % 2;
            const combo = Math.floor(rest / 4);
            const sums = Array.from(t.sum.subarray(cell * nq, cell * nq + nq));
            const sums2 = Array.from(t.sum2.subarray(cell * nq, cell * nq + nq));
            cells.push([combo, label, prediction, b, t.n[cell], ...sums, ...sums2]);
        }
        out.predictions = {
            attributes: t.attributes,
            groups: t.groups,
            combos: t.combos,
            bins: t.bins,
            edges: p.edges,
            hasScore: t.hasScore,
            weighted: t.weighted,
            quantities: QUANTITIES,
            cells,
            auc: aucStats(p)
        };
    }
    if (inputs.robustness)
        out.robustness = {
            perturbations: inputs.robustness.table.perturbations,
            counts: inputs.robustness.table.n
        };
    if (inputs.outcomes)
        out.outcomes = inputs.outcomes.table;
    return out;
}

/**
 * `rai-gate check`: manifest -> policy for its tier -> artifacts streamed into tables -> metrics with
 * intervals -> gate checks and the decision -> the evidence report.
 */
async function readInputs(options, helpers = null) {
    const manifest = loadManifest(options.manifest, { cwd: options.cwd, workspace: options.workspace });
    const tier = options.tier ?? manifest.riskTier;
    const loaded = loadPolicy(options.policy, tier, options.cwd);
    const policy = options.policySource ? { ...loaded, source: options.policySource } : loaded;
    const inputs = { manifest: { ...manifest, riskTier: tier }, policy };
    for (const spec of manifest.artifacts) {
        if (spec.kind === 'predictions')
            inputs.predictions = await predictions(spec, manifest, policy, helpers);
        else if (spec.kind === 'robustness')
            inputs.robustness = await readRobustness(spec);
        else if (spec.kind === 'outcomes')
            inputs.outcomes = await readOutcomes(spec);
        else {
            const i = manifest.artifacts.indexOf(spec);
            throw new InputError(`artifact kind '${spec.kind}' is not supported by this version of rai-gate; expected predictions, robustness or outcomes`, {
                file: manifest.file,
                path: `artifacts[${i}].kind`
            });
        }
    }
    return inputs;
}
/**
 * Quantile calibration bins need the overall score quantiles before rows can be binned, so that
 * strategy reads the file twice (the first pass fixes the edges). Uniform bins need one pass.
 */
async function predictions(spec, manifest, policy, helpers) {
    const { bins, strategy } = policy.defaults.calibration;
    const read = async (edges) => {
        const options = { attributes: manifest.sensitiveAttributes, bins, edges };
        return ((helpers && (await readPredictionsParallel(spec, options, helpers))) || readPredictions(spec, options));
    };
    const first = await read(null);
    const data = strategy === 'uniform' || first.scores === null ? first : await read(quantileEdges(first.scores, bins));
    // Computed once here, for the metrics and the report's stats alike.
    return data.scores === null ? data : { ...data, auc: aucSummary(data.scores) };
}
async function check(options) {
    const p = options.parallel;
    const helpers = p ? startHelpers(p.workerUrl, p.minBytes) : null;
    try {
        return await checkWith(options, helpers);
    }
    finally {
        closeHelpers(helpers);
    }
}
/** With helper threads, a large predictions bootstrap draws its second half on one. */
function evaluateWith(input, helpers) {
    const p = input.predictions;
    return helpers && p && worthOffloading(p.table, input.settings.resamples)
        ? evaluateOffloaded(input, job => helpers.threads[0].run({ kind: 'bootstrap', job }))
        : Promise.resolve(evaluate(input));
}
async function checkWith(options, helpers) {
    const inputs = await readInputs(options, helpers);
    const { manifest, policy } = inputs;
    const d = policy.defaults;
    const settings = {
        confidence: d.confidence,
        resamples: d.bootstrap.resamples,
        seed: d.bootstrap.seed,
        minGroupSize: d.minGroupSize
    };
    const evaluation = await evaluateWith({ ...inputs, intersections: manifest.intersections, settings }, helpers);
    const baseline = options.baseline === undefined ? null : readBaseline(options.baseline, options.cwd, manifest);
    let changes;
    if (baseline?.info.usable) {
        // The baseline's stored tables are resampled with this run's settings, on streams of their own.
        const attributes = new Set(baseline.predictions?.table.attributes ?? []);
        const base = await evaluateWith({
            ...baseline,
            intersections: manifest.intersections.filter(parts => parts.every(a => attributes.has(a))),
            settings,
            streamOffset: 1000
        }, helpers);
        changes = confidence => evaluation.changes(base, confidence);
    }
    const present = new Set(manifest.artifacts.map(a => a.kind));
    const readDocument = (path) => {
        const abs = resolve$1(manifest.dir, path);
        return isInside(options.workspace, abs) && existsSync(abs) ? readFileSync(abs, 'utf8') : null;
    };
    const gates = evaluateGates({
        policy,
        evaluation,
        model: manifest.model.name,
        now: options.now ?? new Date(),
        requirements: checkRequirements(policy.requires, manifest, present, readDocument),
        changes,
        noBaseline: baseline === null ? 'no baseline given' : (baseline.info.warning ?? 'the baseline cannot be compared')
    });
    return buildReport(inputs, gates, baseline?.info ?? null, options.notes ?? [], options.context);
}

/**
 * Makes text from data or config safe inside GitHub Markdown, table cells included: nothing in it can
 * close a table cell, open a link, an HTML tag or a code span, start emphasis, or @mention anyone.
 */
const REPLACEMENTS = {
    '\\': '\\\\',
    '|': '\\|',
    '<': '&lt;',
    '>': '&gt;',
    '&': '&amp;',
    '[': '\\[',
    ']': '\\]',
    '`': '\\`',
    '*': '\\*',
    _: '\\_',
    '~': '\\~',
    '#': '\\#',
    '!': '\\!',
    // A zero-width space after @ keeps the text readable and stops GitHub from notifying anyone.
    '@': '@&#8203;'
};
function esc(text) {
    return text.replace(/[\r\n]+/g, ' ').replace(/[\\|<>&[\]`*_~#!@]/g, c => REPLACEMENTS[c]);
}
/** Text for HTML contexts such as <summary>, where Markdown escapes would show as backslashes. */
function escHtml(text) {
    return text
        .replace(/[\r\n]+/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/@/g, '@&#8203;');
}
/** A code span for config text (ids, versions): no backtick can end it and no pipe can end a table cell. */
function code(text) {
    return `\`${text
        .replace(/[\r\n]+/g, ' ')
        .replace(/`/g, "'")
        .replace(/\|/g, '\\|')}\``;
}

/** Constant-time lookup of a metric by id and scope, for the renderers' tables. */
function metricLookup(metrics) {
    const index = new Map(metrics.map(m => [metricKey(m), m]));
    return (metric, scope = {}) => index.get(metricKey({ metric, ...scope }));
}

function reliabilityBins(stats) {
    const p = stats.predictions;
    if (!p || !p.hasScore)
        return null;
    const bins = Array.from({ length: p.bins }, () => ({ rows: 0, w: 0, wy: 0, ws: 0 }));
    for (const cell of p.cells) {
        const [, label, , bin, rows] = cell;
        // Cell layout: [combo, label, prediction, bin, rows, Σw, Σw·s, ...] (see ReportStats).
        const w = cell[5];
        const ws = cell[6];
        const b = bins[bin];
        b.rows += rows;
        b.w += w;
        b.ws += ws;
        if (label === 1)
            b.wy += w;
    }
    const edges = p.edges ?? Array.from({ length: p.bins - 1 }, (_, i) => (i + 1) / p.bins);
    const bounds = [0, ...edges, 1];
    return bins.map((b, i) => ({
        label: `${round(bounds[i])}–${round(bounds[i + 1])}`,
        rows: b.rows,
        meanScore: b.w > 0 ? b.ws / b.w : null,
        observed: b.w > 0 ? b.wy / b.w : null
    }));
}
const round = (v) => String(Math.round(v * 1000) / 1000);

/**
 * The Markdown rendering: what the PR comment and the job summary show. Written for a reviewer with
 * a minute: the decision and what breached first, detail in <details>. Every string from data or
 * config is escaped (escape.ts); the body stays under MAX_CHARS, with a note when it is cut.
 */
const MAX_CHARS = 60000;
const ICON = {
    pass: '✅',
    fail: '❌',
    warn: '⚠️',
    waived: '🟡',
    insufficient: '⚪',
    missing: '❓',
    skipped: '⏭️'
};
const HEADLINE = { pass: '✅', warn: '⚠️', fail: '❌' };
const GROUP_COLUMNS$1 = ['selection_rate', 'tpr', 'fpr', 'precision', 'accuracy', 'ece'];
/** Integers with separators, other values to 3 significant digits, minus as U+2212. */
const num = (v) => v === null || v === undefined
    ? '—'
    : (Number.isInteger(v) ? v.toLocaleString('en-US') : String(Number(v.toPrecision(3)))).replace('-', '−');
const interval = (ci) => (ci ? ` [${num(ci[0])}, ${num(ci[1])}]` : '');
/** The hidden marker that finds this model's sticky comment. */
const marker = (model) => `<!-- rai-gate:${model.replace(/[^A-Za-z0-9._/-]/g, '_')} -->`;
function renderMarkdown(report) {
    const pct = `${+(report.multipleComparisons.confidence * 100).toFixed(2)}%`;
    const head = [
        marker(report.model.name),
        `## ${HEADLINE[report.decision]} rai-gate: **${report.decision.toUpperCase()}** · ${code(report.model.name)} ${esc(report.model.version)} · tier **${esc(report.riskTier)}** · policy ${code(`${report.policy.name}@${report.policy.version}`)}`,
        '',
        tally(report.checks) + ' · ' + baselineNote(report),
        ''
    ];
    for (const note of report.notes)
        head.push(`> [!IMPORTANT]\n> ${esc(note)}`, '');
    const notable = report.checks.filter(c => c.status !== 'pass');
    if (notable.length > 0)
        head.push(checkTable(notable, pct), '');
    if (report.regressions.length > 0)
        head.push(regressionLine(report), '');
    const expired = report.waivers.filter(w => w.expired);
    if (expired.length > 0) {
        head.push(`**Expired waivers** (no effect): ${expired.map(w => `\`${w.gate}\` expired ${esc(w.expires ?? '')} (approved by ${esc(w.approvedBy)})`).join('; ')}.`, '');
    }
    const small = report.metrics.filter(m => m.metric === 'count' && m.status === 'insufficient');
    if (small.length > 0) {
        head.push(`Groups under ${report.policy.settings.minGroupSize} rows, reported but left out of disparities: ${small.map(m => `${esc(m.attribute)} ${esc(m.group)} (${num(m.n)})`).join(', ')}.`, '');
    }
    head.push(`> ${modeNote(report)}`, '');
    const details = [
        details_(`All ${report.checks.length} checks`, report.checks.length > 0 ? checkTable(report.checks, pct) : 'The policy has no gates.'),
        report.regressions.length > 0
            ? details_(`All ${report.regressions.length} regressions against the baseline`, regressionTable(report))
            : null,
        ...groupTables(report.metrics),
        reliability(report),
        details_('Evidence', evidence(report))
    ].filter((s) => s !== null);
    return fit(head.join('\n'), details);
}
function tally(checks) {
    const n = (s) => checks.filter(c => c.status === s).length;
    const blocking = blockingChecks(checks);
    const parts = [
        `**${blocking} blocking**`,
        `${checks.filter(c => c.effect === 'warn').length} warning`,
        `${n('waived')} waived`,
        `${n('pass')} passed`
    ];
    for (const s of ['insufficient', 'missing', 'skipped'])
        if (n(s) > 0)
            parts.push(`${n(s)} ${s}`);
    return parts.join(' · ');
}
function scope(c) {
    return SCOPE_KEYS$1.filter(k => c[k] !== undefined)
        .map(k => esc(c[k]))
        .join(' · ');
}
function threshold(c) {
    const t = c.threshold;
    const level = [t.min !== undefined ? `≥ ${t.min}` : '', t.max !== undefined ? `≤ ${t.max}` : '']
        .filter(Boolean)
        .join(', ');
    const change = [
        t.maxWorsening !== undefined ? `worse by ≤ ${t.maxWorsening}` : '',
        t.maxWorseningRelative !== undefined ? `worse by ≤ ${+(t.maxWorseningRelative * 100).toFixed(2)}%` : ''
    ].filter(Boolean);
    const parts = [
        level,
        ...change,
        c.mode !== 'point' && (level || change.length > 0) ? c.mode : '',
        c.severity === 'warn' ? 'warn' : ''
    ].filter(Boolean);
    if (c.waiver && !c.waiver.expired)
        parts.push(`waived until ${esc(c.waiver.expires ?? 'revoked')} by ${esc(c.waiver.approvedBy)}`);
    return parts.join(' · ') || '—';
}
function checkTable(checks, pct) {
    const rows = checks.map(c => {
        const what = [`\`${c.gate}\``, `\`${c.metric}\``, scope(c)].filter(Boolean).join(' · ');
        return `| ${ICON[c.status]} | ${what} | ${num(c.value)}${interval(c.ci)} | ${num(c.baseline)} | ${changeText(c)} | ${threshold(c)} | ${esc(c.reason)} |`;
    });
    return [
        `| | check | estimate (${pct} CI) | baseline | change | threshold | why |`,
        '|---|---|---|---|---|---|---|',
        ...rows
    ].join('\n');
}
/** A change with its interval, marked n.s. when the interval holds 0 and ⚠ when it is a regression. */
function changeText(c) {
    if (c.change === undefined)
        return '—';
    const sign = c.change > 0 ? '+' : '';
    const ci = c.changeCi;
    if (!ci)
        return `${sign}${num(c.change)}`;
    const significant = ci[0] > 0 || ci[1] < 0;
    const direction = metricDef(c.metric)?.direction;
    const worse = significant && ((direction === 'lower' && ci[0] > 0) || (direction === 'higher' && ci[1] < 0));
    const arrow = significant ? (c.change > 0 ? '▲ ' : '▼ ') : '';
    return `${arrow}${sign}${num(c.change)}${interval(ci)}${significant ? (worse ? ' ⚠ regression' : '') : ' (n.s.)'}`;
}
function regressionTable(report) {
    const rows = report.regressions.map(r => `| \`${r.metric}\` | ${scope(r) || 'overall'} | ${num(r.baseline)} | ${num(r.value)} | ${changeText(r)} |`);
    return ['| metric | scope | baseline | now | change |', '|---|---|---|---|---|', ...rows].join('\n');
}
function baselineNote(report) {
    const b = report.baseline;
    if (b === null)
        return 'no baseline';
    if (!b.usable)
        return `baseline not compared: ${esc(b.warning ?? '')}`;
    return `baseline ${esc(b.path)}${b.model ? ` (${code(b.model.version)})` : ''}`;
}
function regressionLine(report) {
    const top = report.regressions.filter(r => r.group === undefined);
    const groups = report.regressions.length - top.length;
    const items = top.map(r => `\`${r.metric}\`${scope(r) ? ` · ${scope(r)}` : ''} ${changeText(r)}`);
    const more = groups > 0
        ? `${items.length > 0 ? '; ' : ''}and ${groups} per-group rate${groups === 1 ? '' : 's'} (listed below)`
        : '';
    return `**Regressions against the baseline** (change interval wholly in the bad direction): ${items.join('; ')}${more}.`;
}
function modeNote(report) {
    const s = report.policy.settings;
    const mc = report.multipleComparisons;
    const modes = {
        point: 'Point mode: a check fails when the estimate is beyond its threshold.',
        lenient: 'Lenient mode: a check fails only when its whole interval is beyond the threshold.',
        strict: 'Strict mode: a check passes only when its whole interval is within the threshold.'
    };
    const correction = mc.method === 'bonferroni'
        ? ` Intervals are Bonferroni-corrected across ${mc.checks} checks (${+(mc.confidence * 100).toFixed(3)}%).`
        : '';
    return `${modes[s.mode]}${correction} Intervals: percentile bootstrap, ${s.bootstrap.resamples.toLocaleString('en-US')} resamples, seed ${s.bootstrap.seed}.`;
}
function details_(summary, body) {
    return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}
function groupTables(metrics) {
    const get = metricLookup(metrics);
    const groups = new Map();
    for (const m of metrics) {
        if (m.metric !== 'count' || m.group === undefined)
            continue;
        if (!groups.has(m.attribute))
            groups.set(m.attribute, []);
        groups.get(m.attribute).push(m.group);
    }
    return [...groups].map(([a, names]) => {
        const rows = names.map(g => {
            const count = get('count', { attribute: a, group: g });
            const cells = GROUP_COLUMNS$1.map(id => num(get(id, { attribute: a, group: g })?.value));
            return `| ${esc(g)}${count?.status === 'insufficient' ? ' (too small)' : ''} | ${num(count?.value)} | ${cells.join(' | ')} |`;
        });
        return details_(`Per-group metrics: ${escHtml(a)}`, [
            `| group | n | ${GROUP_COLUMNS$1.join(' | ')} |`,
            `|---|---|${GROUP_COLUMNS$1.map(() => '---').join('|')}|`,
            ...rows
        ].join('\n'));
    });
}
function reliability(report) {
    const bins = reliabilityBins(report.stats);
    if (bins === null)
        return null;
    const used = bins.filter(b => b.rows > 0);
    const plain = (v) => String(Number((v ?? 0).toFixed(3)));
    const chart = [
        '```mermaid',
        'xychart-beta',
        `  title "Observed positive rate vs mean score (${bins.length} bins)"`,
        `  x-axis "mean score" [${used.map(b => plain(b.meanScore)).join(', ')}]`,
        '  y-axis "observed rate" 0 --> 1',
        `  line [${used.map(b => plain(b.observed)).join(', ')}]`,
        `  line [${used.map(b => plain(b.meanScore)).join(', ')}]`,
        '```'
    ].join('\n');
    const table = [
        '| bin | n | mean score | observed |',
        '|---|---|---|---|',
        ...bins.map(b => `| ${b.label} | ${num(b.rows)} | ${num(b.meanScore)} | ${num(b.observed)} |`)
    ].join('\n');
    return details_('Reliability diagram', `${chart}\n\nThe second line is perfect calibration.\n\n${table}`);
}
function evidence(report) {
    const p = report.policy;
    const s = p.settings;
    return [
        `- report schema ${report.schemaVersion}, rai-gate ${esc(report.tool.version)}`,
        `- policy ${code(`${p.name}@${p.version}`)} from ${esc(p.source)}: ${p.files.map(f => `${esc(f.path)} sha256 \`${f.sha256}\``).join('; ')}`,
        `- inputs: ${report.inputs.map(i => `${esc(i.path)} (${i.kind}, ${num(i.rows)} rows) sha256 \`${i.sha256}\``).join('; ')}`,
        `- bootstrap: ${s.bootstrap.resamples.toLocaleString('en-US')} resamples, seed ${s.bootstrap.seed}, confidence ${s.confidence}; minGroupSize ${s.minGroupSize}; calibration ${s.calibration.bins} ${s.calibration.strategy} bins`
    ].join('\n');
}
/** Keeps the body under MAX_CHARS: detail sections are dropped from the end, with a note saying so. */
function fit(head, details) {
    const note = (n) => `\n\n_${n} detail section${n === 1 ? '' : 's'} left out to stay under GitHub's comment size; the full report is in rai-gate-report.json._`;
    let body = head;
    for (let i = 0; i < details.length; i++) {
        const next = `${body}\n${details[i]}\n`;
        if (next.length + note(details.length).length > MAX_CHARS) {
            const left = note(details.length - i);
            return truncate(body, MAX_CHARS - left.length) + left;
        }
        body = next;
    }
    return truncate(body, MAX_CHARS);
}
/** The body if it fits in `limit` characters; else cut at a line end, with a note, to fit. */
function truncate(body, limit) {
    if (body.length <= limit)
        return body;
    const note = (n) => `\n\n_Truncated: ${n} characters left out to stay under GitHub's comment size; the full report is in rai-gate-report.json._`;
    // The note for the whole body is at least as long as the one finally written (fewer digits).
    const room = limit - note(body.length).length;
    const line = body.lastIndexOf('\n', room);
    const cut = line > 0 ? line : room;
    return body.slice(0, cut) + note(body.length - cut);
}

const GROUP_COLUMNS = ['selection_rate', 'tpr', 'fpr', 'precision', 'accuracy'];
const fmt = (v) => v === null ? '—' : Number.isInteger(v) ? String(v) : v.toFixed(4);
const withCi = (m) => m === undefined
    ? ''
    : m.value === null
        ? `— (${m.reason})`
        : m.ci
            ? `${fmt(m.value)} [${fmt(m.ci[0])}, ${fmt(m.ci[1])}]${m.ciNote ? ' !' : ''}`
            : fmt(m.value);
function table(rows) {
    const widths = rows[0].map((_, c) => Math.max(...rows.map(r => r[c].length)));
    return rows
        .map(r => r
        .map((cell, c) => cell.padEnd(widths[c]))
        .join('  ')
        .trimEnd())
        .join('\n');
}
function renderText(report, options) {
    const bold = (s) => (options.color ? `\x1b[1m${s}\x1b[22m` : s);
    const dim = (s) => (options.color ? `\x1b[2m${s}\x1b[22m` : s);
    const settings = report.policy.settings;
    const pct = `${+(settings.confidence * 100).toFixed(2)}%`;
    const m = report.metrics;
    const get = metricLookup(m);
    const out = [
        bold(`Decision: ${report.decision.toUpperCase()}`),
        bold(`rai-gate ${report.tool.version}: ${report.model.name} ${report.model.version} (risk tier ${report.riskTier})`),
        `policy ${report.policy.name}@${report.policy.version} (${report.policy.source}); ${pct} bootstrap intervals, ${settings.bootstrap.resamples} resamples, seed ${settings.bootstrap.seed}`,
        ...report.inputs.map(i => `input ${i.kind}: ${i.path}, ${i.rows} rows, sha256 ${i.sha256.slice(0, 12)}`)
    ];
    for (const note of report.notes)
        out.push(bold(`Note: ${note}`));
    out.push('', ...renderChecks(report, bold, dim));
    const section = (title, rows) => {
        if (rows.length > 1)
            out.push('', bold(title), table(rows));
    };
    const plain = (x) => x.attribute === undefined && x.perturbation === undefined && x.suite === undefined;
    section('Overall', [
        ['metric', `value [${pct} CI]`],
        ...m.filter(x => plain(x) && !x.metric.startsWith('worst_')).map(x => [x.metric, withCi(x)])
    ]);
    const attributes = [...new Set(m.filter(x => x.attribute !== undefined).map(x => x.attribute))];
    const disparities = m.filter(x => x.attribute !== undefined && x.group === undefined);
    const metricsOf = [...new Set(disparities.map(x => x.metric))];
    section('Disparities over groups with at least ' + settings.minGroupSize + ' rows', [
        ['metric', ...attributes],
        ...metricsOf.map(id => [id, ...attributes.map(a => withCi(get(id, { attribute: a })))])
    ]);
    for (const a of attributes) {
        const groups = [...new Set(m.filter(x => x.attribute === a && x.group !== undefined).map(x => x.group))];
        const cell = (g, id) => get(id, { attribute: a, group: g });
        section(`Groups of ${a}`, [
            ['group', 'n', ...GROUP_COLUMNS],
            ...groups.map(g => [
                g + (cell(g, 'count')?.status === 'insufficient' ? ' (too small)' : ''),
                fmt(cell(g, 'count')?.value ?? null),
                ...GROUP_COLUMNS.map(id => withCi(cell(g, id)))
            ])
        ]);
    }
    const perturbations = [...new Set(m.filter(x => x.perturbation !== undefined).map(x => x.perturbation))];
    const pm = (p, id) => get(id, { perturbation: p });
    section('Robustness', [
        ['perturbation', 'perturbed_accuracy', 'accuracy_drop', 'flip_rate'],
        ...perturbations.map(p => [
            p,
            withCi(pm(p, 'perturbed_accuracy')),
            withCi(pm(p, 'accuracy_drop')),
            withCi(pm(p, 'flip_rate'))
        ]),
        ...m.filter(x => x.metric.startsWith('worst_')).map(x => [x.metric, '', withCi(x), ''])
    ]);
    const suites = m.filter(x => x.suite !== undefined && x.metric === 'failure_rate');
    section('Outcomes', [
        ['suite', 'n', 'failure_rate'],
        ...suites.map(x => [
            x.category === undefined ? x.suite : `  ${x.suite}/${x.category}`,
            String(x.n),
            withCi(x)
        ])
    ]);
    const small = m.filter(x => x.metric === 'count' && x.status === 'insufficient');
    if (small.length > 0) {
        out.push('', `Too small for disparities (fewer than ${settings.minGroupSize} rows, reported above): ${small.map(x => `${x.attribute}=${x.group} (${x.n})`).join(', ')}`);
    }
    if (m.some(x => x.ciNote)) {
        out.push('', '! the estimate lies outside its bootstrap interval: the bootstrap is biased for this statistic (a max or min over small groups or bins); read the interval with caution.');
    }
    return out.join('\n') + '\n';
}
const scopeText = (c) => SCOPE_KEYS$1.filter(k => c[k] !== undefined)
    .map(k => c[k])
    .join(' / ');
function renderChecks(report, bold, dim) {
    const counts = new Map();
    for (const c of report.checks)
        counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
    const summary = [...counts].map(([status, n]) => `${n} ${status}`).join(', ');
    const mc = report.multipleComparisons;
    const lines = [bold(`Checks (${report.checks.length}: ${summary || 'none'})`)];
    if (mc.method === 'bonferroni') {
        lines.push(dim(`Bonferroni correction over ${mc.checks} checks: intervals at ${+(mc.confidence * 100).toFixed(4)}%`));
    }
    const b = report.baseline;
    if (b)
        lines.push(b.usable
            ? `Baseline: ${b.path}${b.model ? ` (${b.model.name} ${b.model.version})` : ''}`
            : `Baseline not compared: ${b.warning}`);
    const notable = report.checks.filter(c => c.status !== 'pass');
    const change = (c) => c.change === undefined
        ? '—'
        : `${c.change > 0 ? '+' : ''}${fmt(c.change)}${c.changeCi ? ` [${fmt(c.changeCi[0])}, ${fmt(c.changeCi[1])}]` : ''}`;
    if (notable.length > 0) {
        lines.push(table([
            ['status', 'gate', 'scope', 'value [CI]', 'baseline', 'change [CI]', 'threshold', 'reason'],
            ...notable.map(c => [
                c.status.toUpperCase(),
                c.gate,
                scopeText(c),
                c.value === null ? '—' : c.ci ? `${fmt(c.value)} [${fmt(c.ci[0])}, ${fmt(c.ci[1])}]` : fmt(c.value),
                c.baseline === undefined ? '—' : fmt(c.baseline),
                change(c),
                [
                    c.threshold.min !== undefined ? `>= ${c.threshold.min}` : '',
                    c.threshold.max !== undefined ? `<= ${c.threshold.max}` : ''
                ]
                    .filter(Boolean)
                    .join(', ') +
                    (c.threshold.min !== undefined || c.threshold.max !== undefined ? ` (${c.mode})` : ''),
                c.reason
            ])
        ]));
    }
    if (report.regressions.length > 0) {
        const top = report.regressions.filter(r => r.group === undefined);
        lines.push('', bold(`Regressions against the baseline (${report.regressions.length}, ${report.regressions.length - top.length} of them per group)`), ...top.map(r => `  ${r.metric}${scopeText(r) ? ` [${scopeText(r)}]` : ''}: ${fmt(r.baseline)} -> ${fmt(r.value)}, change ${change(r)}`));
    }
    return lines;
}

/**
 * The command line. Parses flags into options, runs the core, writes files, and is the one place that
 * decides the exit status: 0 done, 1 the decision reached --fail-on, 2 a usage or input error.
 */
/** Below this size a second thread costs more than it saves. */
const USAGE = `usage: rai-gate check [--manifest rai-gate.yml] [--policy policies] [--baseline report.json]
                      [--report rai-gate-report.json]
                      [--markdown out.md] [--format text|json|markdown] [--fail-on block|warn|never]
                      [--workspace DIR]
       rai-gate validate <policy file or folder> [--manifest rai-gate.yml]
       rai-gate --version`;
async function main(argv, io) {
    try {
        const [command, ...rest] = argv;
        if (command === '--version' || command === '-v') {
            io.stdout(`${TOOL.version}\n`);
            return 0;
        }
        if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
            io.stdout(`${USAGE}\n`);
            return command === undefined ? 2 : 0;
        }
        if (command === 'check')
            return await runCheck(rest, io);
        if (command === 'validate')
            return runValidate(rest, io);
        throw new UsageError(`unknown command '${command}'; expected 'check' or 'validate'\n${USAGE}`);
    }
    catch (err) {
        if (isInputError(err)) {
            io.stderr(`rai-gate: error: ${err.message}\n`);
            return 2;
        }
        io.stderr(`rai-gate: internal error (please report it): ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
        return 2;
    }
}
function parse(args) {
    try {
        return parseArgs({
            args,
            strict: true,
            allowPositionals: false,
            options: {
                manifest: { type: 'string', default: 'rai-gate.yml' },
                policy: { type: 'string', default: 'policies' },
                report: { type: 'string', default: 'rai-gate-report.json' },
                format: { type: 'string', default: 'text' },
                'fail-on': { type: 'string', default: 'block' },
                markdown: { type: 'string' },
                baseline: { type: 'string' },
                workspace: { type: 'string' }
            }
        }).values;
    }
    catch (err) {
        throw new UsageError(`${err.message}\n${USAGE}`);
    }
}
function runValidate(args, io) {
    let parsed;
    try {
        parsed = parseArgs({
            args,
            strict: true,
            allowPositionals: true,
            options: { manifest: { type: 'string' }, workspace: { type: 'string' } }
        });
    }
    catch (err) {
        throw new UsageError(`${err.message}\n${USAGE}`);
    }
    const { values, positionals } = parsed;
    if (positionals.length !== 1)
        throw new UsageError(`validate takes one policy file or folder, found ${positionals.length}\n${USAGE}`);
    const workspace = resolve$1(io.cwd, values.workspace ?? io.env.GITHUB_WORKSPACE ?? io.cwd);
    const manifest = values.manifest === undefined ? undefined : loadManifest(values.manifest, { cwd: io.cwd, workspace });
    for (const p of validatePolicies(positionals[0], io.cwd, manifest)) {
        io.stdout(`${p.files[0].path}: ok (${p.name}@${p.version}, tier ${p.tier}, ${p.gates.length} gates${p.files.length > 1
            ? `, extends ${p.files
                .slice(1)
                .map(f => f.path)
                .join(' -> ')}`
            : ''})\n`);
    }
    if (manifest)
        io.stdout(`${manifest.file}: risk tier '${manifest.riskTier}' has a policy, and every gate attribute is declared\n`);
    return 0;
}
async function runCheck(args, io) {
    const flags = parse(args);
    if (flags.format !== 'text' && flags.format !== 'json' && flags.format !== 'markdown') {
        throw new UsageError(`--format '${flags.format}' is not supported; expected text, json or markdown`);
    }
    const failOn = flags['fail-on'];
    if (failOn !== 'block' && failOn !== 'warn' && failOn !== 'never') {
        throw new UsageError(`--fail-on '${failOn}' is not supported; expected block, warn or never`);
    }
    const workspace = resolve$1(io.cwd, flags.workspace ?? io.env.GITHUB_WORKSPACE ?? io.cwd);
    const minBytes = Number(io.env.RAI_GATE_PARALLEL_MIN_BYTES ?? PARALLEL_MIN_BYTES);
    const parallel = io.workerUrl && { workerUrl: io.workerUrl, minBytes };
    const report = await check({
        manifest: flags.manifest,
        policy: flags.policy,
        baseline: flags.baseline,
        cwd: io.cwd,
        workspace,
        parallel
    });
    if (report.baseline?.warning)
        io.stderr(`rai-gate: warning: ${report.baseline.warning}\n`);
    const reportPath = resolve$1(io.cwd, flags.report);
    const json = JSON.stringify(report, null, 1) + '\n';
    mkdirSync(dirname(reportPath), { recursive: true });
    writeFileSync(reportPath, json);
    const markdown = flags.markdown !== undefined || flags.format === 'markdown' ? renderMarkdown(report) : '';
    if (flags.markdown !== undefined) {
        const path = resolve$1(io.cwd, flags.markdown);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, markdown);
    }
    if (flags.format === 'json')
        io.stdout(json);
    else if (flags.format === 'markdown')
        io.stdout(markdown);
    else {
        // https://no-color.org: any non-empty NO_COLOR turns colour off.
        const color = io.isTTY && !io.env.NO_COLOR;
        io.stdout(renderText(report, { color }));
        io.stdout(`report written to ${flags.report}\n`);
    }
    return reaches(report.decision, failOn) ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: s => process.stdout.write(s),
    stderr: s => process.stderr.write(s),
    isTTY: Boolean(process.stdout.isTTY),
    workerUrl: new URL('./worker.js', import.meta.url)
});
