#!/usr/bin/env node
import { createReadStream, statSync, openSync, readSync, closeSync, readFileSync, realpathSync, readdirSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { relative, isAbsolute, resolve, dirname, join } from 'node:path';
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
    /**
     * Each value's bytes as little-endian 32-bit words, for the fast path to compare a field four bytes
     * at a time: value id's words start at words[wordsAt[id]] (see keyWords).
     */
    words = [];
    wordsAt = [];
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
        this.wordsAt.push(this.words.length);
        this.words.push(...keyWords(key));
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
 * A value of k bytes as 32-bit little-endian words. Shorter than 4 bytes: the word and its mask, to
 * compare against the 4 bytes at the field. Otherwise: the words at offsets 0, 4, 8, … while 4 more
 * bytes follow, then the word ending at the last byte (which may overlap the one before it).
 */
function keyWords(key) {
    const word = (at) => key.readInt32LE(at);
    const k = key.length;
    if (k === 0)
        return [];
    if (k < 4) {
        let w = 0;
        for (let j = k - 1; j >= 0; j--)
            w = (w << 8) | key[j];
        return [w, 2 ** (8 * k) - 1];
    }
    const words = [];
    let at = 0;
    for (; at + 4 < k; at += 4)
        words.push(word(at));
    words.push(word(k - 4));
    return words;
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
        fast?.chunk(buf);
        while (pos < len) {
            if (fast !== null) {
                pos = fast.rows(buf, pos, len, this.line);
                this.line += fast.taken;
                if (pos >= len)
                    break;
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
    /**
     * Adds sums kept in the same layout elsewhere (the WebAssembly reader's), for the first
     * numbers.length / (ACC · 4 · bins) combinations.
     */
    addNumbers(numbers) {
        const a = this.acc;
        for (let i = 0; i < numbers.length; i++)
            a[i] += numbers[i];
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
function gridSource(counts, weights, occupied = -1) {
    let dist = null;
    return {
        grid: { counts, weights },
        distribution: () => (dist ??= gridDistribution(counts, weights, occupied))
    };
}
const distributionSource = (dist) => ({
    grid: null,
    distribution: () => dist
});
class ScoreHistogram {
    weighted;
    /** counts[micros·2 + label]; weights likewise when weighted. Null once in map mode. */
    counts = new Uint32Array(2 * (GRID + 1));
    weights;
    /**
     * Set while the grid lives in another's memory (the WebAssembly reader's, which adds its rows to it
     * directly): gives current views of it, since that memory's views go stale when it grows.
     */
    views = null;
    /**
     * Grid updates are queued and applied in a tight loop: each one is a cache miss in an 8 MB array,
     * and a loop with nothing else in it lets the processor overlap many misses at once.
     */
    queue = new Int32Array(1 << 14);
    queueW;
    queued = 0;
    /**
     * The queue is flushed when it holds this many. The first flush comes early (in the first rows),
     * so that the flush has run before V8 optimizes the reader that calls it; a path first taken after
     * that would throw the optimized reader away (see warmUp in predictions-csv.ts).
     */
    limit = 64;
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
        if (k + 1 === this.limit)
            this.flush();
        return true;
    }
    /** Keeps the grid where views() says from now on (before any row is added). */
    shareGrid(views) {
        if (this.queued > 0 || this.counts === null)
            throw new Error('a histogram shares its grid before its first row');
        this.views = views;
    }
    /** Makes this.counts and this.weights current (see views); grid mode only. */
    refresh() {
        if (this.views !== null)
            [this.counts, this.weights] = this.views();
    }
    flush() {
        this.refresh();
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
        this.limit = q.length;
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
        this.flush();
        const dist = gridDistribution(this.counts, this.weights);
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
        this.views = null;
    }
    /**
     * What a reader of one part of a file sends back: the grid itself (transferred between threads,
     * not copied, and added slot by slot to the other part's), or the distribution in map mode.
     */
    part() {
        if (this.counts === null)
            return { dist: this.finish().distribution() };
        this.flush();
        return { grid: this.counts, weights: this.weights };
    }
    finish() {
        if (this.counts !== null) {
            this.flush();
            return gridSource(this.counts, this.weights);
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
        return distributionSource(out);
    }
}
/** The scores of the rows of all parts (each part's rows disjoint from the others'). */
function mergeParts(parts) {
    let grid = null;
    let weights = null;
    /** Occupied slots of the summed grid, counted while adding the last grid (-1 before). */
    let occupied = -1;
    const dists = [];
    for (const p of parts) {
        if ('dist' in p)
            dists.push(p.dist);
        else if (grid === null)
            [grid, weights] = [p.grid, p.weights];
        else {
            const g = grid;
            const more = p.grid;
            let k = 0;
            for (let i = 0; i < g.length; i += 2)
                if (((g[i] += more[i]) | (g[i + 1] += more[i + 1])) !== 0)
                    k++;
            occupied = k;
            if (weights !== null && p.weights !== null)
                for (let i = 0; i < weights.length; i++)
                    weights[i] += p.weights[i];
        }
    }
    if (grid === null)
        return distributionSource(dists.reduce(mergeDistributions));
    if (dists.length === 0)
        return gridSource(grid, weights, occupied);
    return distributionSource([gridDistribution(grid, weights, occupied), ...dists].reduce(mergeDistributions));
}
/** The occupied slots of a grid, ascending, in arrays of their exact size (counted here unless known). */
function gridDistribution(counts, weights, occupied = -1) {
    let k = occupied;
    if (k < 0) {
        k = 0;
        for (let i = 0; i < counts.length; i += 2)
            if ((counts[i] | counts[i + 1]) !== 0)
                k++;
    }
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
 * parser. `micros` is set to the value in millionths when it has at most 6 decimals, else -1; then
 * micros / 1e6 is exactly the returned value (the correctly rounded quotient of the same rational).
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

// Generated by scripts/wasm.js from assembly/index.ts. Do not edit.
const wasm =
  'AGFzbQEAAAABSQtgAXwBfGAEf39/fwBgAX8AYAd/f39/f39/AGAAAGACf38AYAN/f38Bf2AAAX9gC39/f39/f39/f3x/AGACfn8AYAV/f39/fwADEA8AAAQBBQIGBwgBCQIKAwMFAwEAAQadARt/AEEAC38AQQELfwBBAgt/AUEAC38BQQALfwFBAAt/AUEAC38BQQALfwFBAAt/AUEAC38BQQALfwFBAAt/AUEAC38BQQELfwFBAAt/AUEAC38BQQALfAFEAAAAAAAA4D8LfwFBAAt/AUEAC38BQQALfwFBAAt/AUEAC38BQQALfAFEAAAAAAAA+H8LfAFEAAAAAAAAAAALfwFBAAsH0QETAmxuAAAIU1RPUF9ST1cDAAhTVE9QX05FVwMBClNUT1BfU0NPUkUDAgV0YWtlbgMTBHN0b3ADFAhoZWFwQmFzZQAHCWNvbmZpZ3VyZQAICXNldENvbWJvcwAEBnNldEFjYwAFB3NldEdyaWQAAwhhZGRHcm91cAAJCGFkZENvbWJvAAoEcm93cwAGCnNlZWRTdHJlYW0ADBBzZXRMb2dGYWN0b3JpYWxzAAsNcmVzYW1wbGVDZWxscwANCmRyYXdCbG9ja3MADgZtZW1vcnkCAAgBAgq/Mw/4BAMDfwF+BHwgAL0iBKchAyAEQiCIpyIBQYCAwABIBEAgAUH/////B3EgA3JFBEBEAAAAAAAA8P8PCyABQQBIBEBEAAAAAAAA+H8PC0FKIQIgAEQAAAAAAABQQ6IiAL1CIIinIQELIAFBgIDA/wdOBEAgACAAoA8LIAIgAUEUdUH/B2tqIAFB//8/cSIBQeS+JWpBgIDAAHEiAkEUdmohAyAAvUL/////D4MgAkGAgMD/A3MgAXKsQiCGhL9EAAAAAAAA8L+gIQAgAUECakH//z9xQQNJBEAgAEQAAAAAAAAAAGEEQCADRQRARAAAAAAAAAAADwsgA7ciAEQAAOD+Qi7mP6IgAER2PHk17znqPaKgDwsgACAAokQAAAAAAADgPyAARFVVVVVVVdU/oqGiIQUgA0UEQCAAIAWhDwsgA7ciBkQAAOD+Qi7mP6IgBSAGRHY8eTXvOeo9oqEgAKGhDwsgA7chBSAAIABEAAAAAAAAAECgoyIGIAaiIgcgB6IhCCAHIAggCCAIRERSPt8S8cI/okTeA8uWZEbHP6CiRFmTIpQkSdI/oKJEk1VVVVVV5T+goiAIIAggCESfxnjQCZrDP6JEr3iOHcVxzD+gokQE+peZmZnZP6CioCEHIAFB+qgYa0HR8BogAWtyQQBKBEAgAEQAAAAAAADgP6IgAKIhCCADRQRAIAAgCCAGIAggB6CioaEPCyAFRAAA4P5CLuY/oiAIIAYgCCAHoKIgBUR2PHk17znqPaKgoSAAoaEPCyADRQRAIAAgBiAAIAehoqEPCyAFRAAA4P5CLuY/oiAGIAAgB6GiIAVEdjx5Ne856j2ioSAAoaELdgAgAEQAAAAAAAAkQGMEQCMaIAD8A0EDdGorAwAPCyAARAAAAAAAAPA/oCIARAAAAAAAAOC/oCAAEACiIAChIxmgRAAAAAAAAPA/IABEAAAAAAAAKECio6BEAAAAAAAA8D8gAEQAAAAAAIB2QKIgAKIgAKKjoQsdAEEAJBREGC1EVPshGUAQAEQAAAAAAADgP6IkGQsSACAAJAkgASQKIAIkFSADJBYLCgAgACQGIAEkBwsGACAAJAgLhhQEFX8FfgN8AXsgACACaiEOIAAgAWohAgNAAkAgAiAOTw0AIAItAAAiAUENRiABQQpGcg0AIAIhBkIAIRlBACEBA0AgAUHAAEkEQCAZIAEgAmr9AAQAIiD9DCwsLCwsLCwsLCwsLCwsLCz9IyAg/QwKCgoKCgoKCgoKCgoKCgoK/SP9UCAg/QwNDQ0NDQ0NDQ0NDQ0NDQ0N/SMgIP0MIiIiIiIiIiIiIiIiIiIiIv0j/VD9UP1krCABrYaEIRkgAUEQaiEBDAELCyAOIAJrIgFBwABPBH4gGQUgGUIBIAGthkIBfYMLIRggAiEBQQAhCEEAIQlEAAAAAAAAAAAhHkF/IRJEAAAAAAAA8D8hH0IAIRlBACEPA38gDyMDSAR/A0AgGFAEQCAOIAZBQGsiBksEQEIAIRhBACEDA0AgA0HAAEkEQCAYIAMgBmr9AAQAIiD9DCwsLCwsLCwsLCwsLCwsLCz9IyAg/QwKCgoKCgoKCgoKCgoKCgoK/SP9UCAg/QwNDQ0NDQ0NDQ0NDQ0NDQ0N/SMgIP0MIiIiIiIiIiIiIiIiIiIiIv0j/VD9UP1krCADrYaEIRggA0EQaiEDDAELCyAOIAZrIgNBwABJBEAgGEIBIAOthkIBfYMhGAsMAgsLCwJAIBhQDQAgBiAYeqdqIQ0gGCAYQgF9gyEYIwQgD0ECdGooAgAiDEEFTgRAIwUgDEEFa0EDdGoiAygCACEVIAMoAgQiEyANIAFrIgqtIApBCE8EfkJ/BUIBIAqtQgOGhkIBfQsgASkDAIMiGyAKQQhLBH4gASAKakEIaykDAAVCAAsiHEKV+Kn6l7fem55/foWFQs2Z1ur++uuof34iGkIgiKcgGqdzcSEQA0ACQEF/IQQgFSAQQQV0aiILKAIAIgNBAEgNACADIQQgCygCBCAKRgR/IAspAxAgG1EFQQALBH8gCykDGCAcUQVBAAsEfyAKQRBNBH9BAAUgCiEDIAEhB0EAIQUCQCABIAsoAggiC0YNACABQQdxIAtBB3FGBEADQCAHQQdxBEBBACEFIANFDQMgBy0AACIWIAstAAAiF2shBSAWIBdHDQMgA0EBayEDIAdBAWohByALQQFqIQsMAQsLA0AgA0EITwRAIAcpAwAgCykDAFEEQCAHQQhqIQcgC0EIaiELIANBCGshAwwCCwsLCwNAIAMiBUEBayEDIAUEQCAHLQAAIhYgCy0AACIXayEFIBYgF0cNAiAHQQFqIQcgC0EBaiELDAELC0EAIQULIAULBUEBC0UNACAQQQFqIBNxIRAMAQsLIARBAEgEQEEBIREMAgsgGSAErCAMQQVrrEIEhoaEIRkFIAxBBEYgDEECRnIEQEIAIRpBACEDIA0gAWsiBEEBa0EISQRAIAQiA0EITwR+Qn8FQgEgA61CA4aGQgF9CyABKQMAgyIaQq7cuPHixYuXLoUgA0EITwR+Qn8FQgEgA61CA4aGQgF9C0J/hYQiG0KBgoSIkKDAgAF9IBtCf4WDQoCBgoSIkKDAgH+DIhtCAFIEf0IBIBt6QgOIpyIErEIDhoZCAX0iGyAagyAbQn+FIBpCCIiDhCEaIANBAWsiAyAEawVBAAshBSADQQhPBH5CfwVCASADrUIDhoZCAX0LIRsgAwR/IBpC8OHDh4+evPhwg0Kw4MCBg4aMmDCFIBuDQgBSBUEBCwR/QQEFIBpChoyYsODAgYMGfELw4cOHj568+HCDQrDgwIGDhoyYMIUgG4NCAFILDQNCAUIIIAOtfUIDhiIbhkIBfUKw4MCBg4aMmDCDIBogG4aEQo+evPjw4cOHD4NCgRR+QgiIQv+B/Ifwn8D/AINCgYCQA35CEIhC//+DgPD/P4NCgYCAgIDiCX5CIIghGgVBfyEFIAEhBANAIAQgDUkEQAJAIAQtAAAiB0EwayIKQQlNBEAgCq0gGkIKfnwhGiADQQFqIQMFIAdBLkYgBUEASHFFBEBBACEDDAILIAMhBQsgBEEBaiEEDAILCwsgAyAFa0EAIAVBAE4bIQUgA0UgA0EPSnINAwsgBQR8IBq6IxIgBUEDdGorAwCjBSAaugshHSAMQQJGBEAgHUQAAAAAAADwP2QNAyAFQQZKBEBBAiERDAQLIB0hHiAaIxJBBiAFa0EDdGorAwD8B36nIRIFIB0hHwsFIAxBAUYiBCAMQQNGcgRAIA0gAUEBakcgAS0AAEEwayIDQQFLcg0DIAQEQCADIQgFIAMhCQsLCwsgDS0AACEDIA1BAWohASAPIwNBAWtGBEAgA0ENRgRAIAEgDk8Ef0EBBSABLQAAQQpHCw0CIAFBAWohAQUgA0EKRw0CCwUgA0EsRw0BCyAPQQFqIQ8MAgtBAAVBAQsLRQ0AIwcgGUKV+Kn6l7fem55/fkIgiKdxIQMDQCMGIANBBHRqIgQoAggiBUEASAR/QQEFIAQpAwAgGVELRQRAIwcgA0EBanEhAwwBCwsgBUEASARAQQEhEQwBC0EAIQIjDgRAIwwEQANAIAIjDEgEfyMLIAJBA3RqKwMAIB5jBUEACwRAIAJBAWohAgwBCwsFIB4jDbeinPwCIgIjDU4EQCMNQQFrIQILCwsjCCMNIAVBAXQgCGpBAXQgCSMRIB5lIw8bamwgAmpByABsaiICIAIrAwBEAAAAAAAA8D+gOQMAIxAEQCACIAIrAwggH6A5AwggAiACKwMQIB8gH6KgOQMQCyMOBEAgAiACKwMYIB8gHqIiHaA5AxggAiACKwMgIB0gHaKgOQMgIAIgAisDKCAfIB4gCLehIh2iIB2iIh2gOQMoIAIgAisDMCAdIB2ioDkDMCACIAIrAzggH0QWVueerwPSPET3///////vPyAeIB5E9///////7z9kGyAeRBZW556vA9I8YxsiHUQAAAAAAADwPyAdoSAIQQFGGxAAmqIiHaA5AzggAiACKwNAIB0gHaKgOQNAIxUjF0ECdGogEkEBdCAIajYCACMQBEAjFiMXQQN0aiAfOQMACyMXQQFqJBcjF0GAIEYEQEEAIQZBACEEIxchAgNAIAIgBEoEQCMJIxUgBEECdGooAgBBAnRqIgMgAygCAEEBajYCACAEQQFqIQQMAQsLIxAEQANAIAIgBkoEQCMKIxUgBkECdGooAgBBA3RqIgMgAysDACMWIAZBA3RqKwMAoDkDACAGQQFqIQYMAQsLC0EAJBcLCyABIQIgFEEBaiEUDAELCyMOBEBBACEGQQAhBCMXIQEDQCABIARKBEAjCSMVIARBAnRqKAIAQQJ0aiIDIAMoAgBBAWo2AgAgBEEBaiEEDAELCyMQBEADQCABIAZKBEAjCiMVIAZBAnRqKAIAQQN0aiIDIAMrAwAjFiAGQQN0aisDAKA5AwAgBkEBaiEGDAELCwtBACQXCyAUJBMgESQUIAIgAGsLBQBBoAgLNwAgACQDIAEkBCACJAUgA0EARyQOIARBAEckDyAFQQBHJBAgBiQNIAckCyAIJAwgCSQRIAokEgvNAQIDfgJ/IwUgAEEDdGoiACgCACEHIAAoAgQhCCABKQMAIQQgAq0gAkEITwR+Qn8FQgEgAq1CA4aGQgF9CyAEgyIFIAJBCEsEfiABIAJqQQhrKQMABUIACyIGQpX4qfqXt96bnn9+hYVCzZnW6v7666h/fiIEQiCIpyAEp3MgCHEhAANAIAcgAEEFdGooAgBBAE4EQCAAQQFqIAhxIQAMAQsLIAcgAEEFdGoiACADNgIAIAAgAjYCBCAAIAE2AgggACAFNwMQIAAgBjcDGAtRAQF/IwcgAEKV+Kn6l7fem55/fkIgiKdxIQIDQCMGIAJBBHRqKAIIQQBOBEAjByACQQFqcSECDAELCyMGIAJBBHRqIgIgADcDACACIAE2AggLBgAgACQaCzoBAX8gAEEEdEGACGoiBSABNgIAIAUgAjYCBCAFIAM2AgggBSAENgIMIABFBEBEAAAAAAAA+H8kGAsL1goCB3wJfwNAIAAgEEoEQCAQQQV0IQ8CQCAQQQN0Ig4gAWorAwAiCUQAAAAAAAAAAGEEQCAFIA5qRAAAAAAAAAAAOQMADAELIAUgEEEDdGogAiAQQShsaiERRAAAAAAAAAAAIQcCQCAJRAAAAAAAAAAAZQ0AIAlEAAAAAAAAJEBjBEAgESsDACEJQYQIKAIAIhFBjAgoAgBzIRJBhAhBgAgoAgAiE0GICCgCAHMiFCARczYCAEGACCASIBNzNgIAQYgIIBQgEUEJdHM2AgBBjAggEkELdzYCACARQQVsQQd3QQlsuEQAAAAAAADwPaIhCANAIAggCWQEQCAHRAAAAAAAAPA/oCEHQYQIKAIAIhFBjAgoAgBzIRJBhAhBgAgoAgAiE0GICCgCAHMiFCARczYCAEGACCASIBNzNgIAQYgIIBQgEUEJdHM2AgBBjAggEkELdzYCACAIIBFBBWxBB3dBCWy4RAAAAAAAAPA9oqIhCAwBCwsMAQsgESsDACEKIBErAwghCCARKwMQIQsDQEGECCgCACISQYwIKAIAcyETQYQIQYAIKAIAIhRBiAgoAgBzIhUgEnM2AgBBgAggEyAUczYCAEGICCAVIBJBCXRzNgIAQYwIIBNBC3c2AgBBhAgoAgAiE0GMCCgCAHMhFEGECEGACCgCACIVQYgIKAIAcyIWIBNzNgIAQYAIIBQgFXM2AgBBiAggFiATQQl0czYCAEGMCCAUQQt3NgIAIAogCqBEAAAAAAAA4D8gEkEFbEEHd0EJbLhEAAAAAAAA8D2iRAAAAAAAAOC/oCIHmaEiDKMgCKAgB6IgCaBEhetRuB6F2z+gnCEHIAsgE0EFbEEHd0EJbLhEAAAAAAAA8D2iIg1mIAxE7FG4HoXrsT9mcQ0BIAxEObTIdr6fij9jIAwgDWNxIAdEAAAAAAAAAABjcg0AIA0QACARKwMYoCAKIAwgDKKjIAigEAChIAcgESsDIKIgCaEgBxABoWVFDQALCyAHOQMAIAdEAAAAAAAAAABhBEAgBiAPaiIORAAAAAAAAAAAOQMAIA5EAAAAAAAAAAA5AwggDkQAAAAAAAAAADkDECAORAAAAAAAAAAAOQMYDAELIAciCJ8hCUEAIQ4DQCAOQSBJBEAgBiAPaiAOaiAIIAMgD2ogDmorAwCiIAQgD2ogDmorAwAiB0QAAAAAAAAAAGQEfCAJIAeiAkAjGCIHIAdhBEBEAAAAAAAA+H8kGAwBCwNAQYQIKAIAIhFBjAgoAgBzIRJBhAhBgAgoAgAiE0GICCgCAHMiFCARczYCAEGACCASIBNzNgIAQYgIIBQgEUEJdHM2AgBBjAggEkELdzYCAEGECCgCACISQYwIKAIAcyETQYQIQYAIKAIAIhRBiAgoAgBzIhUgEnM2AgBBgAggEyAUczYCAEGICCAVIBJBCXRzNgIAQYwIIBNBC3c2AgAgEUEFbEEHd0EJbLhEAAAAAAAA8D2iRAAAAAAAAABAokQAAAAAAADwv6AiByAHoiASQQVsQQd3QQlsuEQAAAAAAADwPaJEAAAAAAAAAECiRAAAAAAAAPC/oCILIAuioCIMRAAAAAAAAPA/YyAMRAAAAAAAAAAAZHFFDQALIAsgDBAARAAAAAAAAADAoiAMo58iC6IkGCAHIAuiIQcLIAeiBUQAAAAAAAAAAAugIgdEAAAAAAAAAAAgB0QAAAAAAAAAAGQbOQMAIA5BCGohDgwBCwsgBiAPaiIOKwMAIgcgDisDCGMEQCAOIAc5AwgLIAYgD2oiDisDECAHZARAIA4gBzkDEAsLIBBBAWohEAwBCwsLhwsCB3wJfwNAIAAgDkoEQCAOQQN0IhAgBWogAiAOQShsaiESRAAAAAAAAAAAIQcCQCABIBBqKwMAIghEAAAAAAAAAABlDQAgCEQAAAAAAAAkQGMEQCASKwMAIQlBlAgoAgAiD0GcCCgCAHMhEkGUCEGQCCgCACITQZgIKAIAcyIUIA9zNgIAQZAIIBIgE3M2AgBBmAggFCAPQQl0czYCAEGcCCASQQt3NgIAIA9BBWxBB3dBCWy4RAAAAAAAAPA9oiEIA0AgCCAJZARAIAdEAAAAAAAA8D+gIQdBlAgoAgAiD0GcCCgCAHMhEkGUCEGQCCgCACITQZgIKAIAcyIUIA9zNgIAQZAIIBIgE3M2AgBBmAggFCAPQQl0czYCAEGcCCASQQt3NgIAIAggD0EFbEEHd0EJbLhEAAAAAAAA8D2ioiEIDAELCwwBCyASKwMAIQkgEisDCCEKIBIrAxAhCwNAQZQIKAIAIhNBnAgoAgBzIQ9BlAhBkAgoAgAiFEGYCCgCAHMiFSATczYCAEGQCCAPIBRzNgIAQZgIIBUgE0EJdHM2AgBBnAggD0ELdzYCAEGUCCgCACIUQZwIKAIAcyEVQZQIQZAIKAIAIhZBmAgoAgBzIg8gFHM2AgBBkAggFSAWczYCAEGYCCAPIBRBCXRzNgIAQZwIIBVBC3c2AgAgCSAJoEQAAAAAAADgPyATQQVsQQd3QQlsuEQAAAAAAADwPaJEAAAAAAAA4L+gIgeZoSIMoyAKoCAHoiAIoESF61G4HoXbP6CcIQcgCyAUQQVsQQd3QQlsuEQAAAAAAADwPaIiDWYgDETsUbgeheuxP2ZxDQEgDEQ5tMh2vp+KP2MgDCANY3EgB0QAAAAAAAAAAGNyDQAgDRAAIBIrAxigIAkgDCAMoqMgCqAQAKEgByASKwMgoiAIoSAHEAGhZUUNAAsLIAc5AwAgBiAQaiAEIA5BKGxqIRFEAAAAAAAAAAAhBwJAIAMgEGorAwAiCEQAAAAAAAAAAGUNACAIRAAAAAAAACRAYwRAIBErAwAhCUGUCCgCACIQQZwIKAIAcyERQZQIQZAIKAIAIhJBmAgoAgBzIhMgEHM2AgBBkAggESASczYCAEGYCCATIBBBCXRzNgIAQZwIIBFBC3c2AgAgEEEFbEEHd0EJbLhEAAAAAAAA8D2iIQgDQCAIIAlkBEAgB0QAAAAAAADwP6AhB0GUCCgCACIQQZwIKAIAcyERQZQIQZAIKAIAIhJBmAgoAgBzIhMgEHM2AgBBkAggESASczYCAEGYCCATIBBBCXRzNgIAQZwIIBFBC3c2AgAgCCAQQQVsQQd3QQlsuEQAAAAAAADwPaKiIQgMAQsLDAELIBErAwAhCSARKwMIIQogESsDECELA0BBlAgoAgAiEEGcCCgCAHMhEkGUCEGQCCgCACITQZgIKAIAcyIUIBBzNgIAQZAIIBIgE3M2AgBBmAggFCAQQQl0czYCAEGcCCASQQt3NgIAQZQIKAIAIhJBnAgoAgBzIRNBlAhBkAgoAgAiFEGYCCgCAHMiFSASczYCAEGQCCATIBRzNgIAQZgIIBUgEkEJdHM2AgBBnAggE0ELdzYCACAJIAmgRAAAAAAAAOA/IBBBBWxBB3dBCWy4RAAAAAAAAPA9okQAAAAAAADgv6AiB5mhIgyjIAqgIAeiIAigRIXrUbgehds/oJwhByALIBJBBWxBB3dBCWy4RAAAAAAAAPA9oiINZiAMROxRuB6F67E/ZnENASAMRDm0yHa+n4o/YyAMIA1jcSAHRAAAAAAAAAAAY3INACANEAAgESsDGKAgCSAMIAyioyAKoBAAoSAHIBErAyCiIAihIAcQAaFlRQ0ACwsgBzkDACAOQQFqIQ4MAQsLCw==';

/**
 * The project's WebAssembly module (assembly/, built by scripts/wasm.js into wasm.generated.js): the
 * CSV fast path (artifacts/rows-wasm.ts) and the bootstrap's draws (stats/draws-wasm.ts). Each user
 * takes an instance of its own, with its own memory, laid out by a WasmHeap.
 */
let compiled = null;
/** A new instance of the module, with a memory of its own. */
function wasmInstance() {
    compiled ??= new WebAssembly.Module(Buffer.from(wasm, 'base64'));
    return new WebAssembly.Instance(compiled, {}).exports;
}
/**
 * An instance and a bump allocator over its memory: blocks are zeroed, 8-byte aligned, and never
 * freed (what a user outgrows is small). Views of the memory must be made after the last alloc(),
 * because growing the memory detaches them.
 */
class WasmHeap {
    x = wasmInstance();
    top = this.x.heapBase();
    alloc(bytes) {
        const at = Math.ceil(this.top / 8) * 8;
        this.top = at + bytes;
        const memory = this.x.memory;
        if (this.top > memory.buffer.byteLength)
            memory.grow(Math.ceil((this.top - memory.buffer.byteLength) / 65536));
        return at;
    }
    f64(at, length) {
        return new Float64Array(this.x.memory.buffer, at, length);
    }
    /** A block holding a copy of `values`. */
    f64Of(values) {
        const at = this.alloc(8 * Math.max(1, values.length));
        this.f64(at, values.length).set(values);
        return at;
    }
}

/**
 * The WebAssembly CSV fast path (assembly/rows.ts) and the memory it works in (see core/wasm.ts). It
 * reads plain rows straight into its own cell sums, which drain() adds to the sink's at the end, and
 * into the score grid, which it shares with the sink's histogram; every other row is declined and
 * takes the checked path, as with the JavaScript fast path.
 * Group values and combinations are registered here as the sink first meets them (the checked path
 * reads the row that introduces one), so the ids are the sink's own.
 */
/** Why rows() stopped (the constants of assembly/rows.ts). */
const STOP_ROW = 0;
const STOP_SCORE = 2;
/** Attributes beyond this many do not fit the packed combination key (16 bits each). */
const WASM_MAX_ATTRIBUTES = 4;
/** Padding after the input bytes: the reader loads up to 64 bytes from a position before the end. */
const PAD = 72;
const GROUP_SLOT = 32;
const COMBO_SLOT = 16;
/** Grid updates the reader queues (QUEUE in assembly/rows.ts). */
const GRID_QUEUE = 4096;
class WasmRows {
    sink;
    heap = new WasmHeap();
    x = this.heap.x;
    bufAt = 0;
    bufCap = 0;
    /** Per attribute: the registered values' addresses, lengths and ids, and the table. */
    groups;
    known;
    tables;
    tablesAt;
    combos = 0;
    comboSize = 0;
    accAt = 0;
    accCombos = 0;
    gridAt = 0;
    gridWeightsAt = 0;
    cellNumbers;
    /** Rows taken in all, and by the last rows() call; why that call stopped. */
    rowsRead = 0;
    taken = 0;
    stop = STOP_ROW;
    /**
     * roles: each field's role, as in predictions-csv.ts. The caller has checked that the layout suits
     * (0/1 labels, at most WASM_MAX_ATTRIBUTES attributes).
     */
    constructor(sink, roles, hasPrediction) {
        this.sink = sink;
        const attributes = sink.indexes.length;
        const acc = sink.acc;
        this.cellNumbers = 4 * acc.bins * ACC;
        const rolesAt = this.heap.alloc(roles.byteLength);
        new Int32Array(this.x.memory.buffer, rolesAt, roles.length).set(roles);
        const pow10 = this.heap.f64Of(POW10);
        const edges = sink.options.edges ?? [];
        const edgesAt = this.heap.f64Of(edges);
        this.tablesAt = this.heap.alloc(8 * Math.max(1, attributes));
        this.groups = sink.indexes.map(() => []);
        this.known = sink.indexes.map(() => 0);
        this.tables = sink.indexes.map((_, a) => this.newTable(a, 64));
        this.x.configure(roles.length, rolesAt, this.tablesAt, acc.hasScore ? 1 : 0, hasPrediction ? 1 : 0, acc.weighted ? 1 : 0, acc.bins, edgesAt, edges.length, sink.spec.threshold, pow10);
        this.newCombos(64);
        this.newAcc(16);
        if (acc.hasScore) {
            this.gridAt = this.heap.alloc(4 * 2 * (GRID + 1));
            this.gridWeightsAt = acc.weighted ? this.heap.alloc(8 * 2 * (GRID + 1)) : 0;
            this.x.setGrid(this.gridAt, this.gridWeightsAt, this.heap.alloc(4 * GRID_QUEUE), this.heap.alloc(8 * GRID_QUEUE));
            // One grid for both readers: the sink's histogram adds the checked rows to this one.
            sink.hist.shareGrid(() => {
                const memory = this.x.memory.buffer;
                const weights = this.gridWeightsAt === 0 ? null : new Float64Array(memory, this.gridWeightsAt, 2 * (GRID + 1));
                return [new Uint32Array(memory, this.gridAt, 2 * (GRID + 1)), weights];
            });
        }
    }
    /** Copies a new buffer of rows in; rows() calls then read it until the next load(). */
    load(buf) {
        if (buf.length + PAD > this.bufCap) {
            this.bufCap = Math.max(buf.length + PAD, 2 * this.bufCap);
            this.bufAt = this.heap.alloc(this.bufCap);
        }
        new Uint8Array(this.x.memory.buffer, this.bufAt, buf.length).set(buf);
    }
    /** Reads plain rows of the loaded buffer from pos; see FastRow. */
    rows(pos, len) {
        this.register();
        const end = this.x.rows(this.bufAt, pos, len);
        this.taken = this.x.taken.value;
        this.stop = this.x.stop.value;
        this.rowsRead += this.taken;
        return end;
    }
    /**
     * Adds the rows and cell sums read here to the sink's: once, when reading is over (the sink calls
     * it). The score grid is the histogram's own already.
     */
    drain() {
        this.sink.rows += this.rowsRead;
        const sums = new Float64Array(this.x.memory.buffer, this.accAt, this.combos * this.cellNumbers);
        this.sink.acc.addNumbers(sums);
    }
    /** Registers the group values and combinations the sink has met since the last call. */
    register() {
        const indexes = this.sink.indexes;
        for (let a = 0; a < indexes.length; a++) {
            const keys = indexes[a].keys;
            while (this.known[a] < keys.length) {
                const id = this.known[a]++;
                this.addGroup(a, keys[id], id);
                // An empty field is the group (missing) too.
                if (indexes[a].labels[id] === MISSING)
                    this.addGroup(a, Buffer.alloc(0), id);
            }
        }
        const combos = this.sink.acc.combos;
        if (this.combos === combos.length)
            return;
        if (2 * combos.length > this.comboSize)
            this.newCombos(2 * this.comboSize);
        if (combos.length > this.accCombos)
            this.newAcc(2 * combos.length);
        for (; this.combos < combos.length; this.combos++)
            this.x.addCombo(comboKey(combos[this.combos]), this.combos);
    }
    addGroup(a, key, id) {
        const list = this.groups[a];
        if (2 * (list.length + 1) > this.tables[a].size) {
            this.tables[a] = this.newTable(a, 2 * this.tables[a].size);
            for (const g of list)
                this.x.addGroup(a, g.at, g.n, g.id);
        }
        const at = this.heap.alloc(key.length + PAD);
        new Uint8Array(this.x.memory.buffer, at, key.length).set(key);
        list.push({ at, n: key.length, id });
        this.x.addGroup(a, at, key.length, id);
    }
    newTable(a, size) {
        const at = this.heap.alloc(size * GROUP_SLOT);
        new Int32Array(this.x.memory.buffer, at, (size * GROUP_SLOT) / 4).fill(-1);
        new Uint32Array(this.x.memory.buffer, this.tablesAt + 8 * a, 2).set([at, size - 1]);
        return { at, size };
    }
    newCombos(size) {
        const at = this.heap.alloc(size * COMBO_SLOT);
        new Int32Array(this.x.memory.buffer, at, (size * COMBO_SLOT) / 4).fill(-1);
        this.comboSize = size;
        this.x.setCombos(at, size - 1);
        const combos = this.sink.acc.combos;
        for (let id = 0; id < this.combos; id++)
            this.x.addCombo(comboKey(combos[id]), id);
    }
    newAcc(combos) {
        const at = this.heap.alloc(8 * combos * this.cellNumbers);
        const memory = new Uint8Array(this.x.memory.buffer);
        if (this.accCombos > 0)
            memory.copyWithin(at, this.accAt, this.accAt + 8 * this.accCombos * this.cellNumbers);
        this.accAt = at;
        this.accCombos = combos;
        this.x.setAcc(at);
    }
}
/** A combination's group ids packed 16 bits each, as the reader builds them. */
function comboKey(ids) {
    let key = 0n;
    ids.forEach((id, a) => (key |= BigInt(id) << BigInt(16 * a)));
    return key;
}

/**
 * The predictions CSV hot path: a one-pass fast path for plain rows (fields found and decoded at once)
 * and the checked path for everything else, which validates every value and reports errors.
 */
/** Field roles in the fast paths: SKIP, LABEL, ... or ATTR + attribute index (as in assembly/rows.ts). */
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
    useWasm;
    header = null;
    label = -1;
    score = -1;
    prediction = -1;
    weight = -1;
    attrs = [];
    fastBinary;
    threshold;
    file;
    /** useWasm = false keeps to the JavaScript fast path (for tests that compare the two). */
    constructor(sink, useWasm = true) {
        this.sink = sink;
        this.useWasm = useWasm;
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
        this.roles = roles;
        if (this.useWasm && this.attrs.length <= WASM_MAX_ATTRIBUTES) {
            this.wasm = new WasmRows(this.sink, roles, this.prediction >= 0);
            this.sink.drains.push(() => this.wasm.drain());
        }
    }
    /**
     * The fast paths (see FastRow), made for the header once it is known; they decline until then.
     * The WebAssembly reader reads plain rows; the JavaScript reader takes over for good once a score
     * has more than 6 decimals (the WebAssembly reader keeps only the score grid), and reads every
     * row when there are more attributes than the WebAssembly reader packs. The JavaScript reader is
     * compiled when it is first needed.
     */
    roles = null;
    reader = null;
    wasm = null;
    taken = 0;
    /** Rows the WebAssembly reader has read (for tests). */
    get wasmRows() {
        return this.wasm?.rowsRead ?? 0;
    }
    /** The WebAssembly reader copies a buffer in when it first reads it. */
    loaded = true;
    chunk() {
        this.loaded = false;
    }
    rows(buf, pos, len, line) {
        const roles = this.roles;
        if (roles === null) {
            this.taken = 0;
            return pos;
        }
        let taken = 0;
        if (this.wasm !== null && this.reader === null) {
            if (!this.loaded) {
                this.wasm.load(buf);
                this.loaded = true;
            }
            pos = this.wasm.rows(pos, len);
            taken = this.wasm.taken;
            if (this.wasm.stop !== STOP_SCORE) {
                this.taken = taken;
                return pos;
            }
        }
        if (this.reader === null) {
            this.reader = compileRows(roles, this.sink, this.prediction >= 0);
            warmUp(this.reader, roles);
        }
        const end = this.reader(buf, pos, len, line + taken, 0);
        this.taken = taken + this.reader.taken;
        return end;
    }
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
/**
 * The fast path for one header: one pass over each plain row that finds the fields and decodes them at
 * once, accepting only rows that are certainly valid (0/1 labels, plain decimals in range, the right
 * field count, LF or CRLF). It stops at any other row, which takes the checked path (that reports errors).
 *
 * It is generated code, one block per field in file order, because the same steps in a loop that
 * dispatches on each field's role cost about 15% more per row (measured on 5M rows); and it loops over
 * the rows itself, rather than being called once per row, which saves a call per row. The generated
 * text is built only from the fixed blocks below and small integers (field roles and attribute
 * indexes), never from the file's contents or names.
 */
function compileRows(roles, sink, hasPrediction) {
    const blocks = [];
    roles.forEach((role, f) => {
        const last = f === roles.length - 1;
        if (role >= ATTR)
            blocks.push(attributeBlock(role - ATTR));
        else if (role === SCORE || role === WEIGHT)
            blocks.push(decimalBlock(role === SCORE));
        else if (role === LABEL || role === PREDICTION) {
            blocks.push(`if (i >= len) break row
        c = buf[i] - 48
        if (c !== 0 && c !== 1) break row
        ${role === LABEL ? 'y' : 'p'} = c
        i++`);
        }
        else
            blocks.push('while (i < len && SPECIAL[buf[i]] === 0) i++');
        // After each field: a comma, or the line end after the last one (a quote or anything else declines).
        blocks.push(last
            ? `if (i >= len) break row
        c = buf[i]
        if (c === ${CR}) {
          if (i + 1 >= len || buf[i + 1] !== ${LF}) break row
          i++
        } else if (c !== ${LF}) break row`
            : `if (i >= len || buf[i] !== ${COMMA}) break row
        i++`);
    });
    const body = `
    const { SPECIAL, POW10, sampleHash, sink, indexes, g, threshold } = env
    ${sink.indexes.map((_, a) => `const index${a} = indexes[${a}], prefix${a} = index${a}.byPrefix, keys${a} = index${a}.keys, words${a} = index${a}.words, wordsAt${a} = index${a}.wordsAt`).join('\n')}
    function rows(buf, pos, len, line, dry) {
      const dv = new DataView(buf.buffer, buf.byteOffset, buf.length)
      const first = line
      for (;;) {
        row: {
          if (pos >= len || buf[pos] === ${LF} || buf[pos] === ${CR}) break row
          let i = pos
          let c = 0
          let y = -1
          let p = -1
          let s = 0
          let micros = -1
          let w = 1
          ${blocks.join('\n')}
          ${hasPrediction ? '' : 'p = s >= threshold ? 1 : 0'}
          if (dry === 0) {
            if (micros >= 0) sink.addMicros(y, p, micros, w)
            else sink.add(y, p, s, micros, w)
          }
          pos = i + 1
          line++
          continue
        }
        rows.taken = line - first
        return pos
      }
    }
    rows.taken = 0
    return rows`;
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
 * compared in place, four bytes at a time (byte by byte took about a sixth of the reading time);
 * failing that, the field is found, hashed and looked up. A field that runs to the end of the chunk
 * declines, so that a cut value never becomes a group.
 */
function attributeBlock(a) {
    return `{
    const start = i
    let id = i + 4 <= len ? prefix${a}[dv.getUint16(i, true)] : -1
    if (id >= 0) {
      // The candidate value, compared 4 bytes at a time (GroupIndex.words); one byte must follow it.
      const k = keys${a}[id].length
      const o = wordsAt${a}[id]
      let same = false
      if (i + k < len) {
        if (k < 4) same = ((dv.getInt32(i, true) ^ words${a}[o]) & words${a}[o + 1]) === 0
        else {
          same = true
          let at = 0
          for (; same && at + 4 < k; at += 4) same = dv.getInt32(i + at, true) === words${a}[o + (at >> 2)]
          if (same) same = dv.getInt32(i + k - 4, true) === words${a}[o + (at >> 2)]
        }
      }
      if (same) i += k
      else id = -1
    }
    if (id < 0) {
      while (i < len && SPECIAL[buf[i]] === 0) i++
      if (i >= len || buf[i] === ${QUOTE}) break row
      id = dry === 0 ? index${a}.idOfHashed(buf, start, i, sampleHash(buf, start, i), line) : 0
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
    if (digits === 0 || digits > 15) break row
    const v = k === 0 ? m : m / POW10[k]
    ${score
        ? `if (v > 1) break row
    s = v
    micros = k <= 6 ? m * POW10[6 - k] : -1`
        : 'w = v'}
  }`;
}
/**
 * Runs the compiled reader dry (nothing added) over one made-up row cut at every byte, and over
 * variants that decline at each check. V8 optimizes the reader early, from the paths the first rows
 * took; a path first taken later (the end of a chunk inside a field, a group value met for the first
 * time) then throws the optimized code away and the reader runs unoptimized until it is rebuilt,
 * several times over (6 times per reader on the benchmark's file). Taking every path once first avoids
 * that: about 0.1–0.25 s less per reader, measured on the first 1.7M rows of that file.
 */
function warmUp(reader, roles) {
    const values = (score, label) => Array.from(roles, role => role >= ATTR ? 'ab' : role === SCORE ? score : role === WEIGHT ? '1.5' : role === SKIP ? 'x' : label);
    const rows = [
        values('0.25', '1'),
        values('0.1234567', '0'),
        values('2', '1'),
        values('.', '2'),
        values('0.5', '"')
    ];
    for (const fields of rows) {
        for (const end of ['\n', '\r\n', '\r', ',\n']) {
            const row = Buffer.from(fields.join(',') + end);
            for (let len = 1; len <= row.length; len++)
                reader(row, 0, len, 1, 1);
            reader(Buffer.concat([row, row]), 0, 2 * row.length, 1, 1);
        }
    }
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
    /** Readers that keep rows of their own (the WebAssembly fast path): added in before part() or finish(). */
    drains = [];
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
    /**
     * As add(), for a score given only in millionths (micros / 1e6 is exactly the parsed score; see
     * decimal.ts). The CSV fast path calls this: a fractional score passed to a call V8 does not inline
     * is boxed, one heap allocation per row, where an integer is not.
     */
    addMicros(y, p, micros, w) {
        this.add(y, p, micros / 1e6, micros, w);
    }
    /** What a worker reading one part of the file sends back. */
    part() {
        this.drain();
        return {
            table: this.acc.finish(this.indexes.map(i => i.labels)),
            scores: this.hist?.part() ?? null,
            rows: this.rows
        };
    }
    drain() {
        for (const drain of this.drains)
            drain();
        this.drains.length = 0;
    }
    finish(sha256) {
        this.drain();
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
 * Reads a large uncompressed predictions CSV in two parts on two threads: the main thread reads the
 * first part, the run's helper thread (core/threads.ts, started from dist/worker.js, so nothing outside
 * dist/ is needed at run time) the second. The file is cut at the first line end after FIRST_PART of
 * its bytes; each part is parsed into its own tables, which are merged. A cut can only be wrong when a
 * quoted field holds a line end across it: the first part then ends inside a row (its parser holds
 * bytes back), and the reader says so, so the caller parses the whole file on one thread instead.
 * Line numbers in errors from the second part are shifted by the first part's line count, and the
 * first error in file order is the one reported.
 */
/** Files of this size or more are read on two threads, by default. */
const PARALLEL_MIN_BYTES = 32 * 1024 * 1024;
/**
 * Where the file is cut. The first part's thread also hashes the whole file (SHA-256 is sequential,
 * so one thread must see every byte in order, and reading it once more on a third thread only took
 * time from the two parsing). Hashing costs about 0.3 s on 10M rows, against about 0.5 s for parsing
 * 40% of them, so the first part is the smaller; less so than hashing alone would ask, because the
 * helper starts its part later than the main thread. Measured on 10M rows (4 runs each): at 39% the
 * helper finished from 140 ms before to 410 ms after the main thread, 70 ms after on average; at 42%
 * 50–230 ms before, 160 ms on average.
 */
const FIRST_PART = 0.4;
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
    const jobs = ranges.map((r, k) => ({
        spec,
        options,
        header: head.columns,
        start: r.start,
        end: r.end,
        last: k === ranges.length - 1,
        hashBytes: k === 0 ? size : null
    }));
    // The second part is posted first; the first is read here meanwhile, without waiting for the
    // helper to have started.
    const second = helpers.thread.run({ kind: 'part', job: jobs[1] });
    const first = readPart(jobs[0]);
    const results = [first, await second];
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
/** Parses one part; an error becomes part of the result. */
function readPart(job) {
    let result;
    try {
        result = parsePart(job);
    }
    catch (err) {
        result =
            err instanceof InputError
                ? {
                    ok: false,
                    internal: false,
                    error: { detail: err.detail, file: err.file, line: err.line, path: err.path }
                }
                : {
                    ok: false,
                    internal: true,
                    error: { detail: err instanceof Error ? (err.stack ?? err.message) : String(err) }
                };
    }
    return result;
}
function parsePart(job) {
    const sink = new PredictionSink(job.spec, job.options);
    const rows = new CsvPredictionRows(sink);
    // The first part reads the header itself, so its lines count from 1 like the file's.
    if (job.start > 0)
        rows.useHeader(job.header, 1);
    const parser = new CsvParser(job.spec.display, row => rows.checkedRow(row), rows);
    // Synchronous reads into one reused buffer: the thread has nothing else to do meanwhile, and a
    // stream would allocate a fresh megabyte per chunk. The parser copies any bytes it holds back.
    const hash = job.hashBytes === null ? null : createHash('sha256');
    const buf = Buffer.allocUnsafe(1 << 20);
    const fd = openSync(job.spec.absPath, 'r');
    const read = (from, to, use) => {
        for (let pos = from; pos < to;) {
            const got = readSync(fd, buf, 0, Math.min(buf.length, to - pos), pos);
            if (got === 0) {
                throw new InputError('the file became shorter while it was read; expected it to stay unchanged', {
                    file: job.spec.display
                });
            }
            use(buf.subarray(0, got));
            pos += got;
        }
    };
    try {
        read(job.start, job.end, bytes => {
            hash?.update(bytes);
            parser.feed(bytes);
        });
        if (hash !== null)
            read(job.end, job.hashBytes, bytes => hash.update(bytes));
    }
    finally {
        closeSync(fd);
    }
    const aligned = job.last || parser.pendingBytes === 0;
    if (job.last)
        parser.end();
    const sha256 = hash?.digest('hex') ?? null;
    return { ok: true, data: sink.part(), lines: parser.linesRead, aligned, sha256 };
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
            return resolve(p);
        }
    };
    const rel = relative(real(root), real(path));
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function getDefaultExportFromCjs$1 (x) {
	return x && x.__esModule && Object.prototype.hasOwnProperty.call(x, 'default') ? x['default'] : x;
}

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

var ucs2lengthExports = /*@__PURE__*/ requireUcs2length();
var runtime0 = /*@__PURE__*/getDefaultExportFromCjs$1(ucs2lengthExports);

var equal = {};

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

var equalExports = /*@__PURE__*/ requireEqual();
var runtime1 = /*@__PURE__*/getDefaultExportFromCjs$1(equalExports);

// Generated by scripts/validators.js from schemas/manifest.schema.json and policies/schema/policy.schema.json. Do not edit.
const pick = m => (typeof m === 'function' ? m : m.default);
const manifest = validate10;const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://rai-gate.dev/schemas/manifest.schema.json","title":"rai-gate evaluation manifest (rai-gate.yml)","type":"object","additionalProperties":false,"required":["apiVersion","kind","model","riskTier","task","artifacts"],"properties":{"apiVersion":{"const":"rai-gate/v1"},"kind":{"const":"Evaluation"},"model":{"type":"object","additionalProperties":false,"required":["name","version"],"properties":{"name":{"type":"string","minLength":1,"pattern":"^[A-Za-z0-9][A-Za-z0-9._/-]*$"},"version":{"type":["string","number"]}}},"riskTier":{"type":"string","minLength":1},"task":{"const":"binary-classification"},"sensitiveAttributes":{"type":"array","items":{"type":"string","minLength":1,"pattern":"^[^*]+$"},"uniqueItems":true},"intersections":{"type":"array","items":{"type":"array","items":{"type":"string","minLength":1},"minItems":2,"uniqueItems":true}},"artifacts":{"type":"array","minItems":1,"items":{"type":"object","additionalProperties":false,"required":["kind","path"],"properties":{"kind":{"enum":["predictions","robustness","outcomes","metrics","stats"]},"path":{"type":"string","minLength":1},"columns":{"type":"object","additionalProperties":{"type":"string","minLength":1}},"positiveLabel":{"type":["string","number","boolean"]},"threshold":{"type":"number","minimum":0,"maximum":1}}}},"documents":{"type":"object","additionalProperties":{"type":"string","minLength":1}}}};const func2 = Object.prototype.hasOwnProperty;const func3 = pick(runtime0);const pattern0 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._/-]*$", "u");const pattern1 = new RegExp("^[^*]+$", "u");function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.apiVersion === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "apiVersion"},message:"must have required property '"+"apiVersion"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.kind === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}if(data.model === undefined){const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "model"},message:"must have required property '"+"model"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}if(data.riskTier === undefined){const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "riskTier"},message:"must have required property '"+"riskTier"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}if(data.task === undefined){const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "task"},message:"must have required property '"+"task"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}if(data.artifacts === undefined){const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "artifacts"},message:"must have required property '"+"artifacts"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}for(const key0 in data){if(!(func2.call(schema11.properties, key0))){const err6 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data.apiVersion !== undefined){let data0 = data.apiVersion;if("rai-gate/v1" !== data0){const err7 = {instancePath:instancePath+"/apiVersion",schemaPath:"#/properties/apiVersion/const",keyword:"const",params:{allowedValue: "rai-gate/v1"},message:"must be equal to constant",schema:"rai-gate/v1",parentSchema:schema11.properties.apiVersion,data:data0};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data.kind !== undefined){let data1 = data.kind;if("Evaluation" !== data1){const err8 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "Evaluation"},message:"must be equal to constant",schema:"Evaluation",parentSchema:schema11.properties.kind,data:data1};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}if(data.model !== undefined){let data2 = data.model;if(data2 && typeof data2 == "object" && !Array.isArray(data2)){if(data2.name === undefined){const err9 = {instancePath:instancePath+"/model",schemaPath:"#/properties/model/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema11.properties.model.required,parentSchema:schema11.properties.model,data:data2};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}if(data2.version === undefined){const err10 = {instancePath:instancePath+"/model",schemaPath:"#/properties/model/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:schema11.properties.model.required,parentSchema:schema11.properties.model,data:data2};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}for(const key1 in data2){if(!((key1 === "name") || (key1 === "version"))){const err11 = {instancePath:instancePath+"/model",schemaPath:"#/properties/model/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.model,data:data2};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data2.name !== undefined){let data3 = data2.name;if(typeof data3 === "string"){if(func3(data3) < 1){const err12 = {instancePath:instancePath+"/model/name",schemaPath:"#/properties/model/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.model.properties.name,data:data3};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}if(!pattern0.test(data3)){const err13 = {instancePath:instancePath+"/model/name",schemaPath:"#/properties/model/properties/name/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._/-]*$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._/-]*$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9._/-]*$",parentSchema:schema11.properties.model.properties.name,data:data3};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}else {const err14 = {instancePath:instancePath+"/model/name",schemaPath:"#/properties/model/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.model.properties.name.type,parentSchema:schema11.properties.model.properties.name,data:data3};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}if(data2.version !== undefined){let data4 = data2.version;if((typeof data4 !== "string") && (!((typeof data4 == "number") && (isFinite(data4))))){const err15 = {instancePath:instancePath+"/model/version",schemaPath:"#/properties/model/properties/version/type",keyword:"type",params:{type: schema11.properties.model.properties.version.type},message:"must be string,number",schema:schema11.properties.model.properties.version.type,parentSchema:schema11.properties.model.properties.version,data:data4};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}}else {const err16 = {instancePath:instancePath+"/model",schemaPath:"#/properties/model/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.model.type,parentSchema:schema11.properties.model,data:data2};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}if(data.riskTier !== undefined){let data5 = data.riskTier;if(typeof data5 === "string"){if(func3(data5) < 1){const err17 = {instancePath:instancePath+"/riskTier",schemaPath:"#/properties/riskTier/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.riskTier,data:data5};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}else {const err18 = {instancePath:instancePath+"/riskTier",schemaPath:"#/properties/riskTier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.riskTier.type,parentSchema:schema11.properties.riskTier,data:data5};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}if(data.task !== undefined){let data6 = data.task;if("binary-classification" !== data6){const err19 = {instancePath:instancePath+"/task",schemaPath:"#/properties/task/const",keyword:"const",params:{allowedValue: "binary-classification"},message:"must be equal to constant",schema:"binary-classification",parentSchema:schema11.properties.task,data:data6};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}if(data.sensitiveAttributes !== undefined){let data7 = data.sensitiveAttributes;if(Array.isArray(data7)){const len0 = data7.length;for(let i0=0; i0<len0; i0++){let data8 = data7[i0];if(typeof data8 === "string"){if(func3(data8) < 1){const err20 = {instancePath:instancePath+"/sensitiveAttributes/" + i0,schemaPath:"#/properties/sensitiveAttributes/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.sensitiveAttributes.items,data:data8};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}if(!pattern1.test(data8)){const err21 = {instancePath:instancePath+"/sensitiveAttributes/" + i0,schemaPath:"#/properties/sensitiveAttributes/items/pattern",keyword:"pattern",params:{pattern: "^[^*]+$"},message:"must match pattern \""+"^[^*]+$"+"\"",schema:"^[^*]+$",parentSchema:schema11.properties.sensitiveAttributes.items,data:data8};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}else {const err22 = {instancePath:instancePath+"/sensitiveAttributes/" + i0,schemaPath:"#/properties/sensitiveAttributes/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.sensitiveAttributes.items.type,parentSchema:schema11.properties.sensitiveAttributes.items,data:data8};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}let i1 = data7.length;let j0;if(i1 > 1){const indices0 = {};for(;i1--;){let item0 = data7[i1];if(typeof item0 !== "string"){continue;}if(typeof indices0[item0] == "number"){j0 = indices0[item0];const err23 = {instancePath:instancePath+"/sensitiveAttributes",schemaPath:"#/properties/sensitiveAttributes/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema11.properties.sensitiveAttributes,data:data7};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;break;}indices0[item0] = i1;}}}else {const err24 = {instancePath:instancePath+"/sensitiveAttributes",schemaPath:"#/properties/sensitiveAttributes/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.sensitiveAttributes.type,parentSchema:schema11.properties.sensitiveAttributes,data:data7};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}if(data.intersections !== undefined){let data9 = data.intersections;if(Array.isArray(data9)){const len1 = data9.length;for(let i2=0; i2<len1; i2++){let data10 = data9[i2];if(Array.isArray(data10)){if(data10.length < 2){const err25 = {instancePath:instancePath+"/intersections/" + i2,schemaPath:"#/properties/intersections/items/minItems",keyword:"minItems",params:{limit: 2},message:"must NOT have fewer than 2 items",schema:2,parentSchema:schema11.properties.intersections.items,data:data10};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}const len2 = data10.length;for(let i3=0; i3<len2; i3++){let data11 = data10[i3];if(typeof data11 === "string"){if(func3(data11) < 1){const err26 = {instancePath:instancePath+"/intersections/" + i2+"/" + i3,schemaPath:"#/properties/intersections/items/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.intersections.items.items,data:data11};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}}else {const err27 = {instancePath:instancePath+"/intersections/" + i2+"/" + i3,schemaPath:"#/properties/intersections/items/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.intersections.items.items.type,parentSchema:schema11.properties.intersections.items.items,data:data11};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}}let i4 = data10.length;let j1;if(i4 > 1){const indices1 = {};for(;i4--;){let item1 = data10[i4];if(typeof item1 !== "string"){continue;}if(typeof indices1[item1] == "number"){j1 = indices1[item1];const err28 = {instancePath:instancePath+"/intersections/" + i2,schemaPath:"#/properties/intersections/items/uniqueItems",keyword:"uniqueItems",params:{i: i4, j: j1},message:"must NOT have duplicate items (items ## "+j1+" and "+i4+" are identical)",schema:true,parentSchema:schema11.properties.intersections.items,data:data10};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;break;}indices1[item1] = i4;}}}else {const err29 = {instancePath:instancePath+"/intersections/" + i2,schemaPath:"#/properties/intersections/items/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.intersections.items.type,parentSchema:schema11.properties.intersections.items,data:data10};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}}}else {const err30 = {instancePath:instancePath+"/intersections",schemaPath:"#/properties/intersections/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.intersections.type,parentSchema:schema11.properties.intersections,data:data9};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}}if(data.artifacts !== undefined){let data12 = data.artifacts;if(Array.isArray(data12)){if(data12.length < 1){const err31 = {instancePath:instancePath+"/artifacts",schemaPath:"#/properties/artifacts/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.artifacts,data:data12};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}const len3 = data12.length;for(let i5=0; i5<len3; i5++){let data13 = data12[i5];if(data13 && typeof data13 == "object" && !Array.isArray(data13)){if(data13.kind === undefined){const err32 = {instancePath:instancePath+"/artifacts/" + i5,schemaPath:"#/properties/artifacts/items/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema11.properties.artifacts.items.required,parentSchema:schema11.properties.artifacts.items,data:data13};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}if(data13.path === undefined){const err33 = {instancePath:instancePath+"/artifacts/" + i5,schemaPath:"#/properties/artifacts/items/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'",schema:schema11.properties.artifacts.items.required,parentSchema:schema11.properties.artifacts.items,data:data13};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}for(const key2 in data13){if(!(((((key2 === "kind") || (key2 === "path")) || (key2 === "columns")) || (key2 === "positiveLabel")) || (key2 === "threshold"))){const err34 = {instancePath:instancePath+"/artifacts/" + i5,schemaPath:"#/properties/artifacts/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.artifacts.items,data:data13};if(vErrors === null){vErrors = [err34];}else {vErrors.push(err34);}errors++;}}if(data13.kind !== undefined){let data14 = data13.kind;if(!(((((data14 === "predictions") || (data14 === "robustness")) || (data14 === "outcomes")) || (data14 === "metrics")) || (data14 === "stats"))){const err35 = {instancePath:instancePath+"/artifacts/" + i5+"/kind",schemaPath:"#/properties/artifacts/items/properties/kind/enum",keyword:"enum",params:{allowedValues: schema11.properties.artifacts.items.properties.kind.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.artifacts.items.properties.kind.enum,parentSchema:schema11.properties.artifacts.items.properties.kind,data:data14};if(vErrors === null){vErrors = [err35];}else {vErrors.push(err35);}errors++;}}if(data13.path !== undefined){let data15 = data13.path;if(typeof data15 === "string"){if(func3(data15) < 1){const err36 = {instancePath:instancePath+"/artifacts/" + i5+"/path",schemaPath:"#/properties/artifacts/items/properties/path/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.artifacts.items.properties.path,data:data15};if(vErrors === null){vErrors = [err36];}else {vErrors.push(err36);}errors++;}}else {const err37 = {instancePath:instancePath+"/artifacts/" + i5+"/path",schemaPath:"#/properties/artifacts/items/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.artifacts.items.properties.path.type,parentSchema:schema11.properties.artifacts.items.properties.path,data:data15};if(vErrors === null){vErrors = [err37];}else {vErrors.push(err37);}errors++;}}if(data13.columns !== undefined){let data16 = data13.columns;if(data16 && typeof data16 == "object" && !Array.isArray(data16)){for(const key3 in data16){let data17 = data16[key3];if(typeof data17 === "string"){if(func3(data17) < 1){const err38 = {instancePath:instancePath+"/artifacts/" + i5+"/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/artifacts/items/properties/columns/additionalProperties/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.artifacts.items.properties.columns.additionalProperties,data:data17};if(vErrors === null){vErrors = [err38];}else {vErrors.push(err38);}errors++;}}else {const err39 = {instancePath:instancePath+"/artifacts/" + i5+"/columns/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/artifacts/items/properties/columns/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.artifacts.items.properties.columns.additionalProperties.type,parentSchema:schema11.properties.artifacts.items.properties.columns.additionalProperties,data:data17};if(vErrors === null){vErrors = [err39];}else {vErrors.push(err39);}errors++;}}}else {const err40 = {instancePath:instancePath+"/artifacts/" + i5+"/columns",schemaPath:"#/properties/artifacts/items/properties/columns/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.artifacts.items.properties.columns.type,parentSchema:schema11.properties.artifacts.items.properties.columns,data:data16};if(vErrors === null){vErrors = [err40];}else {vErrors.push(err40);}errors++;}}if(data13.positiveLabel !== undefined){let data18 = data13.positiveLabel;if(((typeof data18 !== "string") && (!((typeof data18 == "number") && (isFinite(data18))))) && (typeof data18 !== "boolean")){const err41 = {instancePath:instancePath+"/artifacts/" + i5+"/positiveLabel",schemaPath:"#/properties/artifacts/items/properties/positiveLabel/type",keyword:"type",params:{type: schema11.properties.artifacts.items.properties.positiveLabel.type},message:"must be string,number,boolean",schema:schema11.properties.artifacts.items.properties.positiveLabel.type,parentSchema:schema11.properties.artifacts.items.properties.positiveLabel,data:data18};if(vErrors === null){vErrors = [err41];}else {vErrors.push(err41);}errors++;}}if(data13.threshold !== undefined){let data19 = data13.threshold;if((typeof data19 == "number") && (isFinite(data19))){if(data19 > 1 || isNaN(data19)){const err42 = {instancePath:instancePath+"/artifacts/" + i5+"/threshold",schemaPath:"#/properties/artifacts/items/properties/threshold/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema11.properties.artifacts.items.properties.threshold,data:data19};if(vErrors === null){vErrors = [err42];}else {vErrors.push(err42);}errors++;}if(data19 < 0 || isNaN(data19)){const err43 = {instancePath:instancePath+"/artifacts/" + i5+"/threshold",schemaPath:"#/properties/artifacts/items/properties/threshold/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.artifacts.items.properties.threshold,data:data19};if(vErrors === null){vErrors = [err43];}else {vErrors.push(err43);}errors++;}}else {const err44 = {instancePath:instancePath+"/artifacts/" + i5+"/threshold",schemaPath:"#/properties/artifacts/items/properties/threshold/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.artifacts.items.properties.threshold.type,parentSchema:schema11.properties.artifacts.items.properties.threshold,data:data19};if(vErrors === null){vErrors = [err44];}else {vErrors.push(err44);}errors++;}}}else {const err45 = {instancePath:instancePath+"/artifacts/" + i5,schemaPath:"#/properties/artifacts/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.artifacts.items.type,parentSchema:schema11.properties.artifacts.items,data:data13};if(vErrors === null){vErrors = [err45];}else {vErrors.push(err45);}errors++;}}}else {const err46 = {instancePath:instancePath+"/artifacts",schemaPath:"#/properties/artifacts/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.artifacts.type,parentSchema:schema11.properties.artifacts,data:data12};if(vErrors === null){vErrors = [err46];}else {vErrors.push(err46);}errors++;}}if(data.documents !== undefined){let data20 = data.documents;if(data20 && typeof data20 == "object" && !Array.isArray(data20)){for(const key4 in data20){let data21 = data20[key4];if(typeof data21 === "string"){if(func3(data21) < 1){const err47 = {instancePath:instancePath+"/documents/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/documents/additionalProperties/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.documents.additionalProperties,data:data21};if(vErrors === null){vErrors = [err47];}else {vErrors.push(err47);}errors++;}}else {const err48 = {instancePath:instancePath+"/documents/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/documents/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.documents.additionalProperties.type,parentSchema:schema11.properties.documents.additionalProperties,data:data21};if(vErrors === null){vErrors = [err48];}else {vErrors.push(err48);}errors++;}}}else {const err49 = {instancePath:instancePath+"/documents",schemaPath:"#/properties/documents/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.documents.type,parentSchema:schema11.properties.documents,data:data20};if(vErrors === null){vErrors = [err49];}else {vErrors.push(err49);}errors++;}}}else {const err50 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};if(vErrors === null){vErrors = [err50];}else {vErrors.push(err50);}errors++;}validate10.errors = vErrors;return errors === 0;}const policy = validate11;const schema12 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://rai-gate.dev/schemas/policy.schema.json","title":"rai-gate policy","type":"object","additionalProperties":false,"required":["apiVersion","kind","name","version","tier"],"properties":{"apiVersion":{"const":"rai-gate/v1"},"kind":{"const":"Policy"},"name":{"type":"string","minLength":1},"version":{"type":["string","number"]},"tier":{"type":"string","minLength":1},"description":{"type":"string"},"extends":{"type":"string","minLength":1},"defaults":{"type":"object","additionalProperties":false,"properties":{"confidence":{"type":"number","exclusiveMinimum":0.5,"exclusiveMaximum":1},"mode":{"enum":["point","lenient","strict"]},"bootstrap":{"type":"object","additionalProperties":false,"properties":{"resamples":{"type":"integer","minimum":100,"maximum":100000},"seed":{"type":"integer","minimum":0,"maximum":4294967295}}},"minGroupSize":{"type":"integer","minimum":1},"insufficientData":{"enum":["fail","warn","ignore"]},"multipleComparisons":{"enum":["none","bonferroni"]},"calibration":{"type":"object","additionalProperties":false,"properties":{"bins":{"type":"integer","minimum":2,"maximum":1000},"strategy":{"enum":["uniform","quantile"]}}}}},"requires":{"type":"object","additionalProperties":false,"properties":{"artifacts":{"type":"array","items":{"enum":["predictions","robustness","outcomes","metrics","stats"]},"uniqueItems":true},"documents":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["doc"],"properties":{"doc":{"type":"string","minLength":1},"sections":{"type":"array","items":{"type":"string","minLength":1}}}}}}},"gates":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["id","metric"],"properties":{"id":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._-]*$"},"metric":{"type":"string","minLength":1},"description":{"type":"string"},"attributes":{"type":"array","items":{"type":"string","minLength":1},"minItems":1},"groups":{"type":"array","items":{"type":"string","minLength":1},"minItems":1},"perturbations":{"type":"array","items":{"type":"string","minLength":1},"minItems":1},"suites":{"type":"array","items":{"type":"string","minLength":1},"minItems":1},"categories":{"type":"array","items":{"type":"string","minLength":1},"minItems":1},"min":{"type":"number"},"max":{"type":"number"},"maxWorsening":{"type":"number","minimum":0},"maxWorseningRelative":{"type":"number","minimum":0},"mode":{"enum":["point","lenient","strict"]},"severity":{"enum":["block","warn"]},"insufficientData":{"enum":["fail","warn","ignore"]},"rationale":{"type":"string"}}}},"waivers":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["gate","reason","approvedBy"],"properties":{"gate":{"type":"string","minLength":1},"models":{"type":"array","items":{"type":"string","minLength":1},"minItems":1},"reason":{"type":"string","minLength":1},"approvedBy":{"type":"string","minLength":1},"expires":{"type":"string","pattern":"^\\d{4}-\\d{2}-\\d{2}$"}}}}}};const func0 = pick(runtime1);const pattern2 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._-]*$", "u");const pattern3 = new RegExp("^\\d{4}-\\d{2}-\\d{2}$", "u");function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.apiVersion === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "apiVersion"},message:"must have required property '"+"apiVersion"+"'",schema:schema12.required,parentSchema:schema12,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.kind === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema12.required,parentSchema:schema12,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}if(data.name === undefined){const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema12.required,parentSchema:schema12,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}if(data.version === undefined){const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:schema12.required,parentSchema:schema12,data};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}if(data.tier === undefined){const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "tier"},message:"must have required property '"+"tier"+"'",schema:schema12.required,parentSchema:schema12,data};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}for(const key0 in data){if(!(func2.call(schema12.properties, key0))){const err5 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema12,data};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data.apiVersion !== undefined){let data0 = data.apiVersion;if("rai-gate/v1" !== data0){const err6 = {instancePath:instancePath+"/apiVersion",schemaPath:"#/properties/apiVersion/const",keyword:"const",params:{allowedValue: "rai-gate/v1"},message:"must be equal to constant",schema:"rai-gate/v1",parentSchema:schema12.properties.apiVersion,data:data0};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data.kind !== undefined){let data1 = data.kind;if("Policy" !== data1){const err7 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "Policy"},message:"must be equal to constant",schema:"Policy",parentSchema:schema12.properties.kind,data:data1};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data.name !== undefined){let data2 = data.name;if(typeof data2 === "string"){if(func3(data2) < 1){const err8 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.name,data:data2};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}else {const err9 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.name.type,parentSchema:schema12.properties.name,data:data2};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}if(data.version !== undefined){let data3 = data.version;if((typeof data3 !== "string") && (!((typeof data3 == "number") && (isFinite(data3))))){const err10 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/type",keyword:"type",params:{type: schema12.properties.version.type},message:"must be string,number",schema:schema12.properties.version.type,parentSchema:schema12.properties.version,data:data3};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}if(data.tier !== undefined){let data4 = data.tier;if(typeof data4 === "string"){if(func3(data4) < 1){const err11 = {instancePath:instancePath+"/tier",schemaPath:"#/properties/tier/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.tier,data:data4};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}else {const err12 = {instancePath:instancePath+"/tier",schemaPath:"#/properties/tier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.tier.type,parentSchema:schema12.properties.tier,data:data4};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}if(data.description !== undefined){let data5 = data.description;if(typeof data5 !== "string"){const err13 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.description.type,parentSchema:schema12.properties.description,data:data5};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data.extends !== undefined){let data6 = data.extends;if(typeof data6 === "string"){if(func3(data6) < 1){const err14 = {instancePath:instancePath+"/extends",schemaPath:"#/properties/extends/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.extends,data:data6};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}else {const err15 = {instancePath:instancePath+"/extends",schemaPath:"#/properties/extends/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.extends.type,parentSchema:schema12.properties.extends,data:data6};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}if(data.defaults !== undefined){let data7 = data.defaults;if(data7 && typeof data7 == "object" && !Array.isArray(data7)){for(const key1 in data7){if(!(((((((key1 === "confidence") || (key1 === "mode")) || (key1 === "bootstrap")) || (key1 === "minGroupSize")) || (key1 === "insufficientData")) || (key1 === "multipleComparisons")) || (key1 === "calibration"))){const err16 = {instancePath:instancePath+"/defaults",schemaPath:"#/properties/defaults/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema12.properties.defaults,data:data7};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}if(data7.confidence !== undefined){let data8 = data7.confidence;if((typeof data8 == "number") && (isFinite(data8))){if(data8 >= 1 || isNaN(data8)){const err17 = {instancePath:instancePath+"/defaults/confidence",schemaPath:"#/properties/defaults/properties/confidence/exclusiveMaximum",keyword:"exclusiveMaximum",params:{comparison: "<", limit: 1},message:"must be < 1",schema:1,parentSchema:schema12.properties.defaults.properties.confidence,data:data8};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}if(data8 <= 0.5 || isNaN(data8)){const err18 = {instancePath:instancePath+"/defaults/confidence",schemaPath:"#/properties/defaults/properties/confidence/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0.5},message:"must be > 0.5",schema:0.5,parentSchema:schema12.properties.defaults.properties.confidence,data:data8};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}else {const err19 = {instancePath:instancePath+"/defaults/confidence",schemaPath:"#/properties/defaults/properties/confidence/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema12.properties.defaults.properties.confidence.type,parentSchema:schema12.properties.defaults.properties.confidence,data:data8};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}if(data7.mode !== undefined){let data9 = data7.mode;if(!(((data9 === "point") || (data9 === "lenient")) || (data9 === "strict"))){const err20 = {instancePath:instancePath+"/defaults/mode",schemaPath:"#/properties/defaults/properties/mode/enum",keyword:"enum",params:{allowedValues: schema12.properties.defaults.properties.mode.enum},message:"must be equal to one of the allowed values",schema:schema12.properties.defaults.properties.mode.enum,parentSchema:schema12.properties.defaults.properties.mode,data:data9};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}if(data7.bootstrap !== undefined){let data10 = data7.bootstrap;if(data10 && typeof data10 == "object" && !Array.isArray(data10)){for(const key2 in data10){if(!((key2 === "resamples") || (key2 === "seed"))){const err21 = {instancePath:instancePath+"/defaults/bootstrap",schemaPath:"#/properties/defaults/properties/bootstrap/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema12.properties.defaults.properties.bootstrap,data:data10};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}if(data10.resamples !== undefined){let data11 = data10.resamples;if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){const err22 = {instancePath:instancePath+"/defaults/bootstrap/resamples",schemaPath:"#/properties/defaults/properties/bootstrap/properties/resamples/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema12.properties.defaults.properties.bootstrap.properties.resamples.type,parentSchema:schema12.properties.defaults.properties.bootstrap.properties.resamples,data:data11};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}if((typeof data11 == "number") && (isFinite(data11))){if(data11 > 100000 || isNaN(data11)){const err23 = {instancePath:instancePath+"/defaults/bootstrap/resamples",schemaPath:"#/properties/defaults/properties/bootstrap/properties/resamples/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100000},message:"must be <= 100000",schema:100000,parentSchema:schema12.properties.defaults.properties.bootstrap.properties.resamples,data:data11};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}if(data11 < 100 || isNaN(data11)){const err24 = {instancePath:instancePath+"/defaults/bootstrap/resamples",schemaPath:"#/properties/defaults/properties/bootstrap/properties/resamples/minimum",keyword:"minimum",params:{comparison: ">=", limit: 100},message:"must be >= 100",schema:100,parentSchema:schema12.properties.defaults.properties.bootstrap.properties.resamples,data:data11};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}}if(data10.seed !== undefined){let data12 = data10.seed;if(!(((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12))) && (isFinite(data12)))){const err25 = {instancePath:instancePath+"/defaults/bootstrap/seed",schemaPath:"#/properties/defaults/properties/bootstrap/properties/seed/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema12.properties.defaults.properties.bootstrap.properties.seed.type,parentSchema:schema12.properties.defaults.properties.bootstrap.properties.seed,data:data12};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}if((typeof data12 == "number") && (isFinite(data12))){if(data12 > 4294967295 || isNaN(data12)){const err26 = {instancePath:instancePath+"/defaults/bootstrap/seed",schemaPath:"#/properties/defaults/properties/bootstrap/properties/seed/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295",schema:4294967295,parentSchema:schema12.properties.defaults.properties.bootstrap.properties.seed,data:data12};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}if(data12 < 0 || isNaN(data12)){const err27 = {instancePath:instancePath+"/defaults/bootstrap/seed",schemaPath:"#/properties/defaults/properties/bootstrap/properties/seed/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema12.properties.defaults.properties.bootstrap.properties.seed,data:data12};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}}}}else {const err28 = {instancePath:instancePath+"/defaults/bootstrap",schemaPath:"#/properties/defaults/properties/bootstrap/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.properties.defaults.properties.bootstrap.type,parentSchema:schema12.properties.defaults.properties.bootstrap,data:data10};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}}if(data7.minGroupSize !== undefined){let data13 = data7.minGroupSize;if(!(((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13))) && (isFinite(data13)))){const err29 = {instancePath:instancePath+"/defaults/minGroupSize",schemaPath:"#/properties/defaults/properties/minGroupSize/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema12.properties.defaults.properties.minGroupSize.type,parentSchema:schema12.properties.defaults.properties.minGroupSize,data:data13};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}if((typeof data13 == "number") && (isFinite(data13))){if(data13 < 1 || isNaN(data13)){const err30 = {instancePath:instancePath+"/defaults/minGroupSize",schemaPath:"#/properties/defaults/properties/minGroupSize/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema12.properties.defaults.properties.minGroupSize,data:data13};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}}}if(data7.insufficientData !== undefined){let data14 = data7.insufficientData;if(!(((data14 === "fail") || (data14 === "warn")) || (data14 === "ignore"))){const err31 = {instancePath:instancePath+"/defaults/insufficientData",schemaPath:"#/properties/defaults/properties/insufficientData/enum",keyword:"enum",params:{allowedValues: schema12.properties.defaults.properties.insufficientData.enum},message:"must be equal to one of the allowed values",schema:schema12.properties.defaults.properties.insufficientData.enum,parentSchema:schema12.properties.defaults.properties.insufficientData,data:data14};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}}if(data7.multipleComparisons !== undefined){let data15 = data7.multipleComparisons;if(!((data15 === "none") || (data15 === "bonferroni"))){const err32 = {instancePath:instancePath+"/defaults/multipleComparisons",schemaPath:"#/properties/defaults/properties/multipleComparisons/enum",keyword:"enum",params:{allowedValues: schema12.properties.defaults.properties.multipleComparisons.enum},message:"must be equal to one of the allowed values",schema:schema12.properties.defaults.properties.multipleComparisons.enum,parentSchema:schema12.properties.defaults.properties.multipleComparisons,data:data15};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}}if(data7.calibration !== undefined){let data16 = data7.calibration;if(data16 && typeof data16 == "object" && !Array.isArray(data16)){for(const key3 in data16){if(!((key3 === "bins") || (key3 === "strategy"))){const err33 = {instancePath:instancePath+"/defaults/calibration",schemaPath:"#/properties/defaults/properties/calibration/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema12.properties.defaults.properties.calibration,data:data16};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}}if(data16.bins !== undefined){let data17 = data16.bins;if(!(((typeof data17 == "number") && (!(data17 % 1) && !isNaN(data17))) && (isFinite(data17)))){const err34 = {instancePath:instancePath+"/defaults/calibration/bins",schemaPath:"#/properties/defaults/properties/calibration/properties/bins/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema12.properties.defaults.properties.calibration.properties.bins.type,parentSchema:schema12.properties.defaults.properties.calibration.properties.bins,data:data17};if(vErrors === null){vErrors = [err34];}else {vErrors.push(err34);}errors++;}if((typeof data17 == "number") && (isFinite(data17))){if(data17 > 1000 || isNaN(data17)){const err35 = {instancePath:instancePath+"/defaults/calibration/bins",schemaPath:"#/properties/defaults/properties/calibration/properties/bins/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1000},message:"must be <= 1000",schema:1000,parentSchema:schema12.properties.defaults.properties.calibration.properties.bins,data:data17};if(vErrors === null){vErrors = [err35];}else {vErrors.push(err35);}errors++;}if(data17 < 2 || isNaN(data17)){const err36 = {instancePath:instancePath+"/defaults/calibration/bins",schemaPath:"#/properties/defaults/properties/calibration/properties/bins/minimum",keyword:"minimum",params:{comparison: ">=", limit: 2},message:"must be >= 2",schema:2,parentSchema:schema12.properties.defaults.properties.calibration.properties.bins,data:data17};if(vErrors === null){vErrors = [err36];}else {vErrors.push(err36);}errors++;}}}if(data16.strategy !== undefined){let data18 = data16.strategy;if(!((data18 === "uniform") || (data18 === "quantile"))){const err37 = {instancePath:instancePath+"/defaults/calibration/strategy",schemaPath:"#/properties/defaults/properties/calibration/properties/strategy/enum",keyword:"enum",params:{allowedValues: schema12.properties.defaults.properties.calibration.properties.strategy.enum},message:"must be equal to one of the allowed values",schema:schema12.properties.defaults.properties.calibration.properties.strategy.enum,parentSchema:schema12.properties.defaults.properties.calibration.properties.strategy,data:data18};if(vErrors === null){vErrors = [err37];}else {vErrors.push(err37);}errors++;}}}else {const err38 = {instancePath:instancePath+"/defaults/calibration",schemaPath:"#/properties/defaults/properties/calibration/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.properties.defaults.properties.calibration.type,parentSchema:schema12.properties.defaults.properties.calibration,data:data16};if(vErrors === null){vErrors = [err38];}else {vErrors.push(err38);}errors++;}}}else {const err39 = {instancePath:instancePath+"/defaults",schemaPath:"#/properties/defaults/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.properties.defaults.type,parentSchema:schema12.properties.defaults,data:data7};if(vErrors === null){vErrors = [err39];}else {vErrors.push(err39);}errors++;}}if(data.requires !== undefined){let data19 = data.requires;if(data19 && typeof data19 == "object" && !Array.isArray(data19)){for(const key4 in data19){if(!((key4 === "artifacts") || (key4 === "documents"))){const err40 = {instancePath:instancePath+"/requires",schemaPath:"#/properties/requires/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema12.properties.requires,data:data19};if(vErrors === null){vErrors = [err40];}else {vErrors.push(err40);}errors++;}}if(data19.artifacts !== undefined){let data20 = data19.artifacts;if(Array.isArray(data20)){const len0 = data20.length;for(let i0=0; i0<len0; i0++){let data21 = data20[i0];if(!(((((data21 === "predictions") || (data21 === "robustness")) || (data21 === "outcomes")) || (data21 === "metrics")) || (data21 === "stats"))){const err41 = {instancePath:instancePath+"/requires/artifacts/" + i0,schemaPath:"#/properties/requires/properties/artifacts/items/enum",keyword:"enum",params:{allowedValues: schema12.properties.requires.properties.artifacts.items.enum},message:"must be equal to one of the allowed values",schema:schema12.properties.requires.properties.artifacts.items.enum,parentSchema:schema12.properties.requires.properties.artifacts.items,data:data21};if(vErrors === null){vErrors = [err41];}else {vErrors.push(err41);}errors++;}}let i1 = data20.length;let j0;if(i1 > 1){outer0:for(;i1--;){for(j0 = i1; j0--;){if(func0(data20[i1], data20[j0])){const err42 = {instancePath:instancePath+"/requires/artifacts",schemaPath:"#/properties/requires/properties/artifacts/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema12.properties.requires.properties.artifacts,data:data20};if(vErrors === null){vErrors = [err42];}else {vErrors.push(err42);}errors++;break outer0;}}}}}else {const err43 = {instancePath:instancePath+"/requires/artifacts",schemaPath:"#/properties/requires/properties/artifacts/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties.requires.properties.artifacts.type,parentSchema:schema12.properties.requires.properties.artifacts,data:data20};if(vErrors === null){vErrors = [err43];}else {vErrors.push(err43);}errors++;}}if(data19.documents !== undefined){let data22 = data19.documents;if(Array.isArray(data22)){const len1 = data22.length;for(let i2=0; i2<len1; i2++){let data23 = data22[i2];if(data23 && typeof data23 == "object" && !Array.isArray(data23)){if(data23.doc === undefined){const err44 = {instancePath:instancePath+"/requires/documents/" + i2,schemaPath:"#/properties/requires/properties/documents/items/required",keyword:"required",params:{missingProperty: "doc"},message:"must have required property '"+"doc"+"'",schema:schema12.properties.requires.properties.documents.items.required,parentSchema:schema12.properties.requires.properties.documents.items,data:data23};if(vErrors === null){vErrors = [err44];}else {vErrors.push(err44);}errors++;}for(const key5 in data23){if(!((key5 === "doc") || (key5 === "sections"))){const err45 = {instancePath:instancePath+"/requires/documents/" + i2,schemaPath:"#/properties/requires/properties/documents/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema12.properties.requires.properties.documents.items,data:data23};if(vErrors === null){vErrors = [err45];}else {vErrors.push(err45);}errors++;}}if(data23.doc !== undefined){let data24 = data23.doc;if(typeof data24 === "string"){if(func3(data24) < 1){const err46 = {instancePath:instancePath+"/requires/documents/" + i2+"/doc",schemaPath:"#/properties/requires/properties/documents/items/properties/doc/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.requires.properties.documents.items.properties.doc,data:data24};if(vErrors === null){vErrors = [err46];}else {vErrors.push(err46);}errors++;}}else {const err47 = {instancePath:instancePath+"/requires/documents/" + i2+"/doc",schemaPath:"#/properties/requires/properties/documents/items/properties/doc/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.requires.properties.documents.items.properties.doc.type,parentSchema:schema12.properties.requires.properties.documents.items.properties.doc,data:data24};if(vErrors === null){vErrors = [err47];}else {vErrors.push(err47);}errors++;}}if(data23.sections !== undefined){let data25 = data23.sections;if(Array.isArray(data25)){const len2 = data25.length;for(let i3=0; i3<len2; i3++){let data26 = data25[i3];if(typeof data26 === "string"){if(func3(data26) < 1){const err48 = {instancePath:instancePath+"/requires/documents/" + i2+"/sections/" + i3,schemaPath:"#/properties/requires/properties/documents/items/properties/sections/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.requires.properties.documents.items.properties.sections.items,data:data26};if(vErrors === null){vErrors = [err48];}else {vErrors.push(err48);}errors++;}}else {const err49 = {instancePath:instancePath+"/requires/documents/" + i2+"/sections/" + i3,schemaPath:"#/properties/requires/properties/documents/items/properties/sections/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.requires.properties.documents.items.properties.sections.items.type,parentSchema:schema12.properties.requires.properties.documents.items.properties.sections.items,data:data26};if(vErrors === null){vErrors = [err49];}else {vErrors.push(err49);}errors++;}}}else {const err50 = {instancePath:instancePath+"/requires/documents/" + i2+"/sections",schemaPath:"#/properties/requires/properties/documents/items/properties/sections/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties.requires.properties.documents.items.properties.sections.type,parentSchema:schema12.properties.requires.properties.documents.items.properties.sections,data:data25};if(vErrors === null){vErrors = [err50];}else {vErrors.push(err50);}errors++;}}}else {const err51 = {instancePath:instancePath+"/requires/documents/" + i2,schemaPath:"#/properties/requires/properties/documents/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.properties.requires.properties.documents.items.type,parentSchema:schema12.properties.requires.properties.documents.items,data:data23};if(vErrors === null){vErrors = [err51];}else {vErrors.push(err51);}errors++;}}}else {const err52 = {instancePath:instancePath+"/requires/documents",schemaPath:"#/properties/requires/properties/documents/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties.requires.properties.documents.type,parentSchema:schema12.properties.requires.properties.documents,data:data22};if(vErrors === null){vErrors = [err52];}else {vErrors.push(err52);}errors++;}}}else {const err53 = {instancePath:instancePath+"/requires",schemaPath:"#/properties/requires/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.properties.requires.type,parentSchema:schema12.properties.requires,data:data19};if(vErrors === null){vErrors = [err53];}else {vErrors.push(err53);}errors++;}}if(data.gates !== undefined){let data27 = data.gates;if(Array.isArray(data27)){const len3 = data27.length;for(let i4=0; i4<len3; i4++){let data28 = data27[i4];if(data28 && typeof data28 == "object" && !Array.isArray(data28)){if(data28.id === undefined){const err54 = {instancePath:instancePath+"/gates/" + i4,schemaPath:"#/properties/gates/items/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema12.properties.gates.items.required,parentSchema:schema12.properties.gates.items,data:data28};if(vErrors === null){vErrors = [err54];}else {vErrors.push(err54);}errors++;}if(data28.metric === undefined){const err55 = {instancePath:instancePath+"/gates/" + i4,schemaPath:"#/properties/gates/items/required",keyword:"required",params:{missingProperty: "metric"},message:"must have required property '"+"metric"+"'",schema:schema12.properties.gates.items.required,parentSchema:schema12.properties.gates.items,data:data28};if(vErrors === null){vErrors = [err55];}else {vErrors.push(err55);}errors++;}for(const key6 in data28){if(!(func2.call(schema12.properties.gates.items.properties, key6))){const err56 = {instancePath:instancePath+"/gates/" + i4,schemaPath:"#/properties/gates/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema12.properties.gates.items,data:data28};if(vErrors === null){vErrors = [err56];}else {vErrors.push(err56);}errors++;}}if(data28.id !== undefined){let data29 = data28.id;if(typeof data29 === "string"){if(!pattern2.test(data29)){const err57 = {instancePath:instancePath+"/gates/" + i4+"/id",schemaPath:"#/properties/gates/items/properties/id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._-]*$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9._-]*$",parentSchema:schema12.properties.gates.items.properties.id,data:data29};if(vErrors === null){vErrors = [err57];}else {vErrors.push(err57);}errors++;}}else {const err58 = {instancePath:instancePath+"/gates/" + i4+"/id",schemaPath:"#/properties/gates/items/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.gates.items.properties.id.type,parentSchema:schema12.properties.gates.items.properties.id,data:data29};if(vErrors === null){vErrors = [err58];}else {vErrors.push(err58);}errors++;}}if(data28.metric !== undefined){let data30 = data28.metric;if(typeof data30 === "string"){if(func3(data30) < 1){const err59 = {instancePath:instancePath+"/gates/" + i4+"/metric",schemaPath:"#/properties/gates/items/properties/metric/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.gates.items.properties.metric,data:data30};if(vErrors === null){vErrors = [err59];}else {vErrors.push(err59);}errors++;}}else {const err60 = {instancePath:instancePath+"/gates/" + i4+"/metric",schemaPath:"#/properties/gates/items/properties/metric/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.gates.items.properties.metric.type,parentSchema:schema12.properties.gates.items.properties.metric,data:data30};if(vErrors === null){vErrors = [err60];}else {vErrors.push(err60);}errors++;}}if(data28.description !== undefined){let data31 = data28.description;if(typeof data31 !== "string"){const err61 = {instancePath:instancePath+"/gates/" + i4+"/description",schemaPath:"#/properties/gates/items/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.gates.items.properties.description.type,parentSchema:schema12.properties.gates.items.properties.description,data:data31};if(vErrors === null){vErrors = [err61];}else {vErrors.push(err61);}errors++;}}if(data28.attributes !== undefined){let data32 = data28.attributes;if(Array.isArray(data32)){if(data32.length < 1){const err62 = {instancePath:instancePath+"/gates/" + i4+"/attributes",schemaPath:"#/properties/gates/items/properties/attributes/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema12.properties.gates.items.properties.attributes,data:data32};if(vErrors === null){vErrors = [err62];}else {vErrors.push(err62);}errors++;}const len4 = data32.length;for(let i5=0; i5<len4; i5++){let data33 = data32[i5];if(typeof data33 === "string"){if(func3(data33) < 1){const err63 = {instancePath:instancePath+"/gates/" + i4+"/attributes/" + i5,schemaPath:"#/properties/gates/items/properties/attributes/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.gates.items.properties.attributes.items,data:data33};if(vErrors === null){vErrors = [err63];}else {vErrors.push(err63);}errors++;}}else {const err64 = {instancePath:instancePath+"/gates/" + i4+"/attributes/" + i5,schemaPath:"#/properties/gates/items/properties/attributes/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.gates.items.properties.attributes.items.type,parentSchema:schema12.properties.gates.items.properties.attributes.items,data:data33};if(vErrors === null){vErrors = [err64];}else {vErrors.push(err64);}errors++;}}}else {const err65 = {instancePath:instancePath+"/gates/" + i4+"/attributes",schemaPath:"#/properties/gates/items/properties/attributes/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties.gates.items.properties.attributes.type,parentSchema:schema12.properties.gates.items.properties.attributes,data:data32};if(vErrors === null){vErrors = [err65];}else {vErrors.push(err65);}errors++;}}if(data28.groups !== undefined){let data34 = data28.groups;if(Array.isArray(data34)){if(data34.length < 1){const err66 = {instancePath:instancePath+"/gates/" + i4+"/groups",schemaPath:"#/properties/gates/items/properties/groups/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema12.properties.gates.items.properties.groups,data:data34};if(vErrors === null){vErrors = [err66];}else {vErrors.push(err66);}errors++;}const len5 = data34.length;for(let i6=0; i6<len5; i6++){let data35 = data34[i6];if(typeof data35 === "string"){if(func3(data35) < 1){const err67 = {instancePath:instancePath+"/gates/" + i4+"/groups/" + i6,schemaPath:"#/properties/gates/items/properties/groups/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.gates.items.properties.groups.items,data:data35};if(vErrors === null){vErrors = [err67];}else {vErrors.push(err67);}errors++;}}else {const err68 = {instancePath:instancePath+"/gates/" + i4+"/groups/" + i6,schemaPath:"#/properties/gates/items/properties/groups/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.gates.items.properties.groups.items.type,parentSchema:schema12.properties.gates.items.properties.groups.items,data:data35};if(vErrors === null){vErrors = [err68];}else {vErrors.push(err68);}errors++;}}}else {const err69 = {instancePath:instancePath+"/gates/" + i4+"/groups",schemaPath:"#/properties/gates/items/properties/groups/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties.gates.items.properties.groups.type,parentSchema:schema12.properties.gates.items.properties.groups,data:data34};if(vErrors === null){vErrors = [err69];}else {vErrors.push(err69);}errors++;}}if(data28.perturbations !== undefined){let data36 = data28.perturbations;if(Array.isArray(data36)){if(data36.length < 1){const err70 = {instancePath:instancePath+"/gates/" + i4+"/perturbations",schemaPath:"#/properties/gates/items/properties/perturbations/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema12.properties.gates.items.properties.perturbations,data:data36};if(vErrors === null){vErrors = [err70];}else {vErrors.push(err70);}errors++;}const len6 = data36.length;for(let i7=0; i7<len6; i7++){let data37 = data36[i7];if(typeof data37 === "string"){if(func3(data37) < 1){const err71 = {instancePath:instancePath+"/gates/" + i4+"/perturbations/" + i7,schemaPath:"#/properties/gates/items/properties/perturbations/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.gates.items.properties.perturbations.items,data:data37};if(vErrors === null){vErrors = [err71];}else {vErrors.push(err71);}errors++;}}else {const err72 = {instancePath:instancePath+"/gates/" + i4+"/perturbations/" + i7,schemaPath:"#/properties/gates/items/properties/perturbations/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.gates.items.properties.perturbations.items.type,parentSchema:schema12.properties.gates.items.properties.perturbations.items,data:data37};if(vErrors === null){vErrors = [err72];}else {vErrors.push(err72);}errors++;}}}else {const err73 = {instancePath:instancePath+"/gates/" + i4+"/perturbations",schemaPath:"#/properties/gates/items/properties/perturbations/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties.gates.items.properties.perturbations.type,parentSchema:schema12.properties.gates.items.properties.perturbations,data:data36};if(vErrors === null){vErrors = [err73];}else {vErrors.push(err73);}errors++;}}if(data28.suites !== undefined){let data38 = data28.suites;if(Array.isArray(data38)){if(data38.length < 1){const err74 = {instancePath:instancePath+"/gates/" + i4+"/suites",schemaPath:"#/properties/gates/items/properties/suites/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema12.properties.gates.items.properties.suites,data:data38};if(vErrors === null){vErrors = [err74];}else {vErrors.push(err74);}errors++;}const len7 = data38.length;for(let i8=0; i8<len7; i8++){let data39 = data38[i8];if(typeof data39 === "string"){if(func3(data39) < 1){const err75 = {instancePath:instancePath+"/gates/" + i4+"/suites/" + i8,schemaPath:"#/properties/gates/items/properties/suites/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.gates.items.properties.suites.items,data:data39};if(vErrors === null){vErrors = [err75];}else {vErrors.push(err75);}errors++;}}else {const err76 = {instancePath:instancePath+"/gates/" + i4+"/suites/" + i8,schemaPath:"#/properties/gates/items/properties/suites/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.gates.items.properties.suites.items.type,parentSchema:schema12.properties.gates.items.properties.suites.items,data:data39};if(vErrors === null){vErrors = [err76];}else {vErrors.push(err76);}errors++;}}}else {const err77 = {instancePath:instancePath+"/gates/" + i4+"/suites",schemaPath:"#/properties/gates/items/properties/suites/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties.gates.items.properties.suites.type,parentSchema:schema12.properties.gates.items.properties.suites,data:data38};if(vErrors === null){vErrors = [err77];}else {vErrors.push(err77);}errors++;}}if(data28.categories !== undefined){let data40 = data28.categories;if(Array.isArray(data40)){if(data40.length < 1){const err78 = {instancePath:instancePath+"/gates/" + i4+"/categories",schemaPath:"#/properties/gates/items/properties/categories/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema12.properties.gates.items.properties.categories,data:data40};if(vErrors === null){vErrors = [err78];}else {vErrors.push(err78);}errors++;}const len8 = data40.length;for(let i9=0; i9<len8; i9++){let data41 = data40[i9];if(typeof data41 === "string"){if(func3(data41) < 1){const err79 = {instancePath:instancePath+"/gates/" + i4+"/categories/" + i9,schemaPath:"#/properties/gates/items/properties/categories/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.gates.items.properties.categories.items,data:data41};if(vErrors === null){vErrors = [err79];}else {vErrors.push(err79);}errors++;}}else {const err80 = {instancePath:instancePath+"/gates/" + i4+"/categories/" + i9,schemaPath:"#/properties/gates/items/properties/categories/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.gates.items.properties.categories.items.type,parentSchema:schema12.properties.gates.items.properties.categories.items,data:data41};if(vErrors === null){vErrors = [err80];}else {vErrors.push(err80);}errors++;}}}else {const err81 = {instancePath:instancePath+"/gates/" + i4+"/categories",schemaPath:"#/properties/gates/items/properties/categories/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties.gates.items.properties.categories.type,parentSchema:schema12.properties.gates.items.properties.categories,data:data40};if(vErrors === null){vErrors = [err81];}else {vErrors.push(err81);}errors++;}}if(data28.min !== undefined){let data42 = data28.min;if(!((typeof data42 == "number") && (isFinite(data42)))){const err82 = {instancePath:instancePath+"/gates/" + i4+"/min",schemaPath:"#/properties/gates/items/properties/min/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema12.properties.gates.items.properties.min.type,parentSchema:schema12.properties.gates.items.properties.min,data:data42};if(vErrors === null){vErrors = [err82];}else {vErrors.push(err82);}errors++;}}if(data28.max !== undefined){let data43 = data28.max;if(!((typeof data43 == "number") && (isFinite(data43)))){const err83 = {instancePath:instancePath+"/gates/" + i4+"/max",schemaPath:"#/properties/gates/items/properties/max/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema12.properties.gates.items.properties.max.type,parentSchema:schema12.properties.gates.items.properties.max,data:data43};if(vErrors === null){vErrors = [err83];}else {vErrors.push(err83);}errors++;}}if(data28.maxWorsening !== undefined){let data44 = data28.maxWorsening;if((typeof data44 == "number") && (isFinite(data44))){if(data44 < 0 || isNaN(data44)){const err84 = {instancePath:instancePath+"/gates/" + i4+"/maxWorsening",schemaPath:"#/properties/gates/items/properties/maxWorsening/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema12.properties.gates.items.properties.maxWorsening,data:data44};if(vErrors === null){vErrors = [err84];}else {vErrors.push(err84);}errors++;}}else {const err85 = {instancePath:instancePath+"/gates/" + i4+"/maxWorsening",schemaPath:"#/properties/gates/items/properties/maxWorsening/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema12.properties.gates.items.properties.maxWorsening.type,parentSchema:schema12.properties.gates.items.properties.maxWorsening,data:data44};if(vErrors === null){vErrors = [err85];}else {vErrors.push(err85);}errors++;}}if(data28.maxWorseningRelative !== undefined){let data45 = data28.maxWorseningRelative;if((typeof data45 == "number") && (isFinite(data45))){if(data45 < 0 || isNaN(data45)){const err86 = {instancePath:instancePath+"/gates/" + i4+"/maxWorseningRelative",schemaPath:"#/properties/gates/items/properties/maxWorseningRelative/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema12.properties.gates.items.properties.maxWorseningRelative,data:data45};if(vErrors === null){vErrors = [err86];}else {vErrors.push(err86);}errors++;}}else {const err87 = {instancePath:instancePath+"/gates/" + i4+"/maxWorseningRelative",schemaPath:"#/properties/gates/items/properties/maxWorseningRelative/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema12.properties.gates.items.properties.maxWorseningRelative.type,parentSchema:schema12.properties.gates.items.properties.maxWorseningRelative,data:data45};if(vErrors === null){vErrors = [err87];}else {vErrors.push(err87);}errors++;}}if(data28.mode !== undefined){let data46 = data28.mode;if(!(((data46 === "point") || (data46 === "lenient")) || (data46 === "strict"))){const err88 = {instancePath:instancePath+"/gates/" + i4+"/mode",schemaPath:"#/properties/gates/items/properties/mode/enum",keyword:"enum",params:{allowedValues: schema12.properties.gates.items.properties.mode.enum},message:"must be equal to one of the allowed values",schema:schema12.properties.gates.items.properties.mode.enum,parentSchema:schema12.properties.gates.items.properties.mode,data:data46};if(vErrors === null){vErrors = [err88];}else {vErrors.push(err88);}errors++;}}if(data28.severity !== undefined){let data47 = data28.severity;if(!((data47 === "block") || (data47 === "warn"))){const err89 = {instancePath:instancePath+"/gates/" + i4+"/severity",schemaPath:"#/properties/gates/items/properties/severity/enum",keyword:"enum",params:{allowedValues: schema12.properties.gates.items.properties.severity.enum},message:"must be equal to one of the allowed values",schema:schema12.properties.gates.items.properties.severity.enum,parentSchema:schema12.properties.gates.items.properties.severity,data:data47};if(vErrors === null){vErrors = [err89];}else {vErrors.push(err89);}errors++;}}if(data28.insufficientData !== undefined){let data48 = data28.insufficientData;if(!(((data48 === "fail") || (data48 === "warn")) || (data48 === "ignore"))){const err90 = {instancePath:instancePath+"/gates/" + i4+"/insufficientData",schemaPath:"#/properties/gates/items/properties/insufficientData/enum",keyword:"enum",params:{allowedValues: schema12.properties.gates.items.properties.insufficientData.enum},message:"must be equal to one of the allowed values",schema:schema12.properties.gates.items.properties.insufficientData.enum,parentSchema:schema12.properties.gates.items.properties.insufficientData,data:data48};if(vErrors === null){vErrors = [err90];}else {vErrors.push(err90);}errors++;}}if(data28.rationale !== undefined){let data49 = data28.rationale;if(typeof data49 !== "string"){const err91 = {instancePath:instancePath+"/gates/" + i4+"/rationale",schemaPath:"#/properties/gates/items/properties/rationale/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.gates.items.properties.rationale.type,parentSchema:schema12.properties.gates.items.properties.rationale,data:data49};if(vErrors === null){vErrors = [err91];}else {vErrors.push(err91);}errors++;}}}else {const err92 = {instancePath:instancePath+"/gates/" + i4,schemaPath:"#/properties/gates/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.properties.gates.items.type,parentSchema:schema12.properties.gates.items,data:data28};if(vErrors === null){vErrors = [err92];}else {vErrors.push(err92);}errors++;}}}else {const err93 = {instancePath:instancePath+"/gates",schemaPath:"#/properties/gates/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties.gates.type,parentSchema:schema12.properties.gates,data:data27};if(vErrors === null){vErrors = [err93];}else {vErrors.push(err93);}errors++;}}if(data.waivers !== undefined){let data50 = data.waivers;if(Array.isArray(data50)){const len9 = data50.length;for(let i10=0; i10<len9; i10++){let data51 = data50[i10];if(data51 && typeof data51 == "object" && !Array.isArray(data51)){if(data51.gate === undefined){const err94 = {instancePath:instancePath+"/waivers/" + i10,schemaPath:"#/properties/waivers/items/required",keyword:"required",params:{missingProperty: "gate"},message:"must have required property '"+"gate"+"'",schema:schema12.properties.waivers.items.required,parentSchema:schema12.properties.waivers.items,data:data51};if(vErrors === null){vErrors = [err94];}else {vErrors.push(err94);}errors++;}if(data51.reason === undefined){const err95 = {instancePath:instancePath+"/waivers/" + i10,schemaPath:"#/properties/waivers/items/required",keyword:"required",params:{missingProperty: "reason"},message:"must have required property '"+"reason"+"'",schema:schema12.properties.waivers.items.required,parentSchema:schema12.properties.waivers.items,data:data51};if(vErrors === null){vErrors = [err95];}else {vErrors.push(err95);}errors++;}if(data51.approvedBy === undefined){const err96 = {instancePath:instancePath+"/waivers/" + i10,schemaPath:"#/properties/waivers/items/required",keyword:"required",params:{missingProperty: "approvedBy"},message:"must have required property '"+"approvedBy"+"'",schema:schema12.properties.waivers.items.required,parentSchema:schema12.properties.waivers.items,data:data51};if(vErrors === null){vErrors = [err96];}else {vErrors.push(err96);}errors++;}for(const key7 in data51){if(!(((((key7 === "gate") || (key7 === "models")) || (key7 === "reason")) || (key7 === "approvedBy")) || (key7 === "expires"))){const err97 = {instancePath:instancePath+"/waivers/" + i10,schemaPath:"#/properties/waivers/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties",schema:false,parentSchema:schema12.properties.waivers.items,data:data51};if(vErrors === null){vErrors = [err97];}else {vErrors.push(err97);}errors++;}}if(data51.gate !== undefined){let data52 = data51.gate;if(typeof data52 === "string"){if(func3(data52) < 1){const err98 = {instancePath:instancePath+"/waivers/" + i10+"/gate",schemaPath:"#/properties/waivers/items/properties/gate/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.waivers.items.properties.gate,data:data52};if(vErrors === null){vErrors = [err98];}else {vErrors.push(err98);}errors++;}}else {const err99 = {instancePath:instancePath+"/waivers/" + i10+"/gate",schemaPath:"#/properties/waivers/items/properties/gate/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.waivers.items.properties.gate.type,parentSchema:schema12.properties.waivers.items.properties.gate,data:data52};if(vErrors === null){vErrors = [err99];}else {vErrors.push(err99);}errors++;}}if(data51.models !== undefined){let data53 = data51.models;if(Array.isArray(data53)){if(data53.length < 1){const err100 = {instancePath:instancePath+"/waivers/" + i10+"/models",schemaPath:"#/properties/waivers/items/properties/models/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema12.properties.waivers.items.properties.models,data:data53};if(vErrors === null){vErrors = [err100];}else {vErrors.push(err100);}errors++;}const len10 = data53.length;for(let i11=0; i11<len10; i11++){let data54 = data53[i11];if(typeof data54 === "string"){if(func3(data54) < 1){const err101 = {instancePath:instancePath+"/waivers/" + i10+"/models/" + i11,schemaPath:"#/properties/waivers/items/properties/models/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.waivers.items.properties.models.items,data:data54};if(vErrors === null){vErrors = [err101];}else {vErrors.push(err101);}errors++;}}else {const err102 = {instancePath:instancePath+"/waivers/" + i10+"/models/" + i11,schemaPath:"#/properties/waivers/items/properties/models/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.waivers.items.properties.models.items.type,parentSchema:schema12.properties.waivers.items.properties.models.items,data:data54};if(vErrors === null){vErrors = [err102];}else {vErrors.push(err102);}errors++;}}}else {const err103 = {instancePath:instancePath+"/waivers/" + i10+"/models",schemaPath:"#/properties/waivers/items/properties/models/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties.waivers.items.properties.models.type,parentSchema:schema12.properties.waivers.items.properties.models,data:data53};if(vErrors === null){vErrors = [err103];}else {vErrors.push(err103);}errors++;}}if(data51.reason !== undefined){let data55 = data51.reason;if(typeof data55 === "string"){if(func3(data55) < 1){const err104 = {instancePath:instancePath+"/waivers/" + i10+"/reason",schemaPath:"#/properties/waivers/items/properties/reason/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.waivers.items.properties.reason,data:data55};if(vErrors === null){vErrors = [err104];}else {vErrors.push(err104);}errors++;}}else {const err105 = {instancePath:instancePath+"/waivers/" + i10+"/reason",schemaPath:"#/properties/waivers/items/properties/reason/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.waivers.items.properties.reason.type,parentSchema:schema12.properties.waivers.items.properties.reason,data:data55};if(vErrors === null){vErrors = [err105];}else {vErrors.push(err105);}errors++;}}if(data51.approvedBy !== undefined){let data56 = data51.approvedBy;if(typeof data56 === "string"){if(func3(data56) < 1){const err106 = {instancePath:instancePath+"/waivers/" + i10+"/approvedBy",schemaPath:"#/properties/waivers/items/properties/approvedBy/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.waivers.items.properties.approvedBy,data:data56};if(vErrors === null){vErrors = [err106];}else {vErrors.push(err106);}errors++;}}else {const err107 = {instancePath:instancePath+"/waivers/" + i10+"/approvedBy",schemaPath:"#/properties/waivers/items/properties/approvedBy/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.waivers.items.properties.approvedBy.type,parentSchema:schema12.properties.waivers.items.properties.approvedBy,data:data56};if(vErrors === null){vErrors = [err107];}else {vErrors.push(err107);}errors++;}}if(data51.expires !== undefined){let data57 = data51.expires;if(typeof data57 === "string"){if(!pattern3.test(data57)){const err108 = {instancePath:instancePath+"/waivers/" + i10+"/expires",schemaPath:"#/properties/waivers/items/properties/expires/pattern",keyword:"pattern",params:{pattern: "^\\d{4}-\\d{2}-\\d{2}$"},message:"must match pattern \""+"^\\d{4}-\\d{2}-\\d{2}$"+"\"",schema:"^\\d{4}-\\d{2}-\\d{2}$",parentSchema:schema12.properties.waivers.items.properties.expires,data:data57};if(vErrors === null){vErrors = [err108];}else {vErrors.push(err108);}errors++;}}else {const err109 = {instancePath:instancePath+"/waivers/" + i10+"/expires",schemaPath:"#/properties/waivers/items/properties/expires/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.waivers.items.properties.expires.type,parentSchema:schema12.properties.waivers.items.properties.expires,data:data57};if(vErrors === null){vErrors = [err109];}else {vErrors.push(err109);}errors++;}}}else {const err110 = {instancePath:instancePath+"/waivers/" + i10,schemaPath:"#/properties/waivers/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.properties.waivers.items.type,parentSchema:schema12.properties.waivers.items,data:data51};if(vErrors === null){vErrors = [err110];}else {vErrors.push(err110);}errors++;}}}else {const err111 = {instancePath:instancePath+"/waivers",schemaPath:"#/properties/waivers/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties.waivers.type,parentSchema:schema12.properties.waivers,data:data50};if(vErrors === null){vErrors = [err111];}else {vErrors.push(err111);}errors++;}}}else {const err112 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.type,parentSchema:schema12,data};if(vErrors === null){vErrors = [err112];}else {vErrors.push(err112);}errors++;}validate11.errors = vErrors;return errors === 0;}

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
function validate(fn, doc, file) {
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
var type;
var hasRequiredType;
function requireType() {
  if (hasRequiredType) return type;
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
  type = Type2;
  return type;
}
var schema;
var hasRequiredSchema;
function requireSchema() {
  if (hasRequiredSchema) return schema;
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
  schema = Schema2;
  return schema;
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
    const abs = resolve(options.cwd, path);
    const file = displayPath(abs, options.cwd);
    const doc = loadYaml(readText(abs, file, 'manifest'), file);
    const raw = validate(manifest, doc, file);
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
        const absPath = resolve(dir, a.path);
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

/** log k! for k = 0..9. */
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
    /** The means, and NC constants per mean (read by the WebAssembly draws too, stats/draws-wasm.ts). */
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
/** Poisson-resamples plain counts (robustness and outcome cells). */
function resampleCounts(counts, rng, out) {
    for (let i = 0; i < counts.length; i++)
        out[i] = counts[i] > 0 ? poisson(rng, counts[i]) : 0;
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
    const [s0, s1, s2, s3] = rngState(seed, stream);
    return new Xoshiro128(s0, s1, s2, s3);
}
/** The starting state of createRng(seed, stream), as four unsigned 32-bit integers. */
function rngState(seed, stream = 0) {
    const mix = splitmix32((seed ^ Math.imul(stream + 1, 0x27d4eb2d)) >>> 0);
    const s0 = mix();
    const s1 = mix();
    const s2 = mix();
    const s3 = mix();
    return [(s0 | s1 | s2 | s3) === 0 ? 1 : s0, s1, s2, s3];
}
/**
 * A class rather than closures: its methods are the same functions for every stream, so V8 inlines
 * them where they are called, and the spare normal lives in a field. With closures, each call
 * returned its number boxed and each spare was stored boxed: about 50 MB of garbage per 1000
 * resamples of a 500-cell table.
 */
class Xoshiro128 {
    // The state as 32-bit integers (| 0); the arithmetic below reads it through ToInt32 either way.
    s0;
    s1;
    s2;
    s3;
    spare = NaN;
    constructor(s0, s1, s2, s3) {
        this.s0 = s0 | 0;
        this.s1 = s1 | 0;
        this.s2 = s2 | 0;
        this.s3 = s3 | 0;
    }
    next() {
        const s0 = this.s0;
        const s1 = this.s1;
        const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
        const t = s1 << 9;
        const s2 = this.s2 ^ s0;
        const s3 = this.s3 ^ s1;
        this.s1 = s1 ^ s2;
        this.s0 = s0 ^ s3;
        this.s2 = s2 ^ t;
        this.s3 = rotl(s3, 11);
        return result / 4294967296;
    }
    normal() {
        const spare = this.spare;
        if (spare === spare) {
            this.spare = NaN;
            return spare;
        }
        for (;;) {
            const u = 2 * this.next() - 1;
            const v = 2 * this.next() - 1;
            const s = u * u + v * v;
            if (s > 0 && s < 1) {
                const f = Math.sqrt((-2 * Math.log(s)) / s);
                this.spare = v * f;
                return u * f;
            }
        }
    }
}
function rotl(x, k) {
    return (x << k) | (x >>> (32 - k));
}

class WasmDraws {
    heap = new WasmHeap();
    cells;
    at;
    blocks;
    /** The latest resample of the table (views of this instance's memory). */
    view;
    /** The latest AUC block draws, positives and negatives (empty without blocks). */
    kPos;
    kNeg;
    /**
     * cellStream and blockStream: the (seed, stream) pairs of createRng that the JavaScript drawer would
     * use for the cells and for the AUC blocks.
     */
    constructor(table, moments, blocks, cellStream, blockStream) {
        const h = this.heap;
        this.cells = table.n.length;
        const copies = moments.copies;
        this.at = {
            n: h.f64Of(copies.lambdas),
            c: h.f64Of(copies.c),
            mean: h.f64Of(moments.mean),
            sd: h.f64Of(moments.sd),
            outN: h.alloc(8 * this.cells),
            outSum: h.alloc(8 * table.sum.length)
        };
        const logFactorials = h.f64Of(LOG_FACT);
        if (blocks) {
            const pos = new PoissonDraws(blocks.posN);
            const neg = new PoissonDraws(blocks.negN);
            this.blocks = {
                count: blocks.posN.length,
                posN: h.f64Of(pos.lambdas),
                posC: h.f64Of(pos.c),
                negN: h.f64Of(neg.lambdas),
                negC: h.f64Of(neg.c),
                kPos: h.alloc(8 * blocks.posN.length),
                kNeg: h.alloc(8 * blocks.posN.length)
            };
        }
        else
            this.blocks = null;
        // Views last: allocating may grow the memory, which detaches earlier views.
        this.view = { n: h.f64(this.at.outN, this.cells), sum: h.f64(this.at.outSum, table.sum.length) };
        this.kPos = this.blocks ? h.f64(this.blocks.kPos, this.blocks.count) : new Float64Array(0);
        this.kNeg = this.blocks ? h.f64(this.blocks.kNeg, this.blocks.count) : new Float64Array(0);
        h.x.setLogFactorials(logFactorials);
        h.x.seedStream(0, ...rngState(...cellStream));
        h.x.seedStream(1, ...rngState(...blockStream));
    }
    /** Draws the next resample of the table into view. */
    resample() {
        const a = this.at;
        this.heap.x.resampleCells(this.cells, a.n, a.c, a.mean, a.sd, a.outN, a.outSum);
    }
    /** Draws the next AUC block weights into kPos and kNeg. */
    drawBlocks() {
        const b = this.blocks;
        if (b)
            this.heap.x.drawBlocks(b.count, b.posN, b.posC, b.negN, b.negC, b.kPos, b.kNeg);
    }
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

const BLOCKS = 512;
/**
 * The exact AUC and its bootstrap blocks in one pass over the distinct scores in ascending order,
 * whether they come from a distribution (aucSummary) or straight from a score grid (gridAucSummary).
 */
class AucBuilder {
    // The exact AUC's sums.
    below = 0;
    num = 0;
    pos = 0;
    // The open block (posW, negW, posN, negN, within), its rows, and its own negative weight so far.
    blocks = [];
    cur = [0, 0, 0, 0, 0];
    rowsIn = 0;
    belowIn = 0;
    open = false;
    target;
    /** totalRows: the rows at all scores (a block closes once it holds totalRows / BLOCKS). */
    constructor(totalRows) {
        this.target = totalRows / BLOCKS;
    }
    add(posW, negW, posN, negN) {
        this.num += posW * (this.below + 0.5 * negW);
        this.below += negW;
        this.pos += posW;
        const cur = this.cur;
        cur[0] += posW;
        cur[1] += negW;
        cur[2] += posN;
        cur[3] += negN;
        cur[4] += posW * (this.belowIn + 0.5 * negW);
        this.belowIn += negW;
        this.rowsIn += posN + negN;
        this.open = true;
        if (this.rowsIn >= this.target)
            this.close();
    }
    close() {
        this.blocks.push(this.cur);
        this.cur = [0, 0, 0, 0, 0];
        this.rowsIn = 0;
        this.belowIn = 0;
        this.open = false;
    }
    finish() {
        if (this.open)
            this.close();
        const col = (j) => Float64Array.from(this.blocks, b => b[j]);
        return {
            value: this.pos > 0 && this.below > 0 ? this.num / (this.pos * this.below) : NaN,
            blocks: { posW: col(0), negW: col(1), posN: col(2), negN: col(3), within: col(4) }
        };
    }
}
/** Exact AUC and its bootstrap blocks, computed once per run (the readers store them on the data). */
function aucSummary(d) {
    let totalRows = 0;
    for (let i = 0; i < d.score.length; i++)
        totalRows += d.posN[i] + d.negN[i];
    const auc = new AucBuilder(totalRows);
    for (let i = 0; i < d.score.length; i++)
        auc.add(d.posW[i], d.negW[i], d.posN[i], d.negN[i]);
    return auc.finish();
}
/**
 * As aucSummary of the grid's distribution (gridDistribution in scores.ts), without making it:
 * counts[micros·2 + label], and weights likewise (null: the counts are the weights).
 */
function gridAucSummary(counts, weights) {
    const w = weights ?? counts;
    let totalRows = 0;
    for (let i = 0; i < counts.length; i += 2)
        totalRows += counts[i + 1] + counts[i];
    const auc = new AucBuilder(totalRows);
    for (let i = 0; i < counts.length; i += 2) {
        if ((counts[i] | counts[i + 1]) !== 0)
            auc.add(w[i + 1], w[i], counts[i + 1], counts[i]);
    }
    return auc.finish();
}
/** From a reader's scores: straight from the grid when there is one. */
function scoresAuc(s) {
    return s.grid ? gridAucSummary(s.grid.counts, s.grid.weights) : aucSummary(s.distribution());
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
    return scoresAuc(p.scores);
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
            // The draws run in WebAssembly (stats/draws-wasm.ts), equal to those of resampleCells and
            // PoissonDraws on the streams createRng(seed, id) would give.
            const stream = (id) => [
                settings.seed,
                id + job.streamOffset + half * HALF_STREAMS
            ];
            const draws = new WasmDraws(table, moments, blocks ?? null, stream(1), stream(101));
            return sink => {
                draws.resample();
                let a = NaN;
                if (blocks) {
                    draws.drawBlocks();
                    a = resampledAuc(blocks, draws.kPos, draws.kNeg);
                }
                computePredictions(plan, draws.view, a, sink);
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
 * The helper thread (dist/worker.js) for the two costly steps of a run: reading the second part of a
 * large predictions file while the main thread reads the first (artifacts/parallel.ts), and drawing
 * half of a large bootstrap while the main thread draws the other (metrics/offload.ts). It is started
 * with the run, so that its start-up overlaps loading the manifest and the policy. It keeps the
 * process alive only while it has a task: a run that ends early, or with an error, never waits for it.
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
    return { thread: new Helper(workerUrl), minBytes };
}
function closeHelpers(helpers) {
    helpers?.thread.close();
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
    const abs = resolve(cwd, path);
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
    const raw = validate(policy, doc, display);
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
    const abs = resolve(cwd, path);
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
    const folder = { file: displayPath(resolve(cwd, path), cwd) };
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
    return withParents(matches[0], root, cwd, relative(cwd, resolve(cwd, path)) || '.');
}
/**
 * Every policy at `path`, each with its `extends` chain resolved, for `rai-gate validate`. With a
 * manifest, also checks that its tier has a policy and that gates name attributes it declares.
 */
function validatePolicies(path, cwd, manifest) {
    const { root, files } = openPolicies(path, cwd);
    if (files.length === 0)
        throw new InputError('no policy files (*.yml, *.yaml) in this folder', {
            file: displayPath(resolve(cwd, path), cwd)
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
        const next = resolve(dirname(cur.abs), cur.raw.extends);
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
    const auc = p.auc ?? (p.scores ? scoresAuc(p.scores) : null);
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
    const data = strategy === 'uniform' || first.scores === null
        ? first
        : await read(quantileEdges(first.scores.distribution(), bins));
    // Computed once here, for the metrics and the report's stats alike.
    return data.scores === null ? data : { ...data, auc: scoresAuc(data.scores) };
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
/** With a helper thread, a large predictions bootstrap draws its second half there. */
function evaluateWith(input, helpers) {
    const p = input.predictions;
    return helpers && p && worthOffloading(p.table, input.settings.resamples)
        ? evaluateOffloaded(input, job => helpers.thread.run({ kind: 'bootstrap', job }))
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
        const abs = resolve(manifest.dir, path);
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
    const workspace = resolve(io.cwd, values.workspace ?? io.env.GITHUB_WORKSPACE ?? io.cwd);
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
    const workspace = resolve(io.cwd, flags.workspace ?? io.env.GITHUB_WORKSPACE ?? io.cwd);
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
    const reportPath = resolve(io.cwd, flags.report);
    const json = JSON.stringify(report, null, 1) + '\n';
    mkdirSync(dirname(reportPath), { recursive: true });
    writeFileSync(reportPath, json);
    const markdown = flags.markdown !== undefined || flags.format === 'markdown' ? renderMarkdown(report) : '';
    if (flags.markdown !== undefined) {
        const path = resolve(io.cwd, flags.markdown);
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
