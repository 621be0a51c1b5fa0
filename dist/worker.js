import { isMainThread, workerData, parentPort } from 'node:worker_threads';
import { createHash } from 'node:crypto';
import { openSync, closeSync, readSync } from 'node:fs';
import 'node:zlib';

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

/**
 * A streaming RFC 4180 CSV parser over byte chunks: quoted fields, doubled quotes, newlines inside
 * quotes, CRLF or LF line ends, a UTF-8 byte-order mark, blank lines skipped. It hands each row to the
 * caller as offsets into the current buffer, without making strings, because the predictions file is
 * read at hundreds of megabytes a second and a string per field would cost more than the parsing.
 * Hand-written for that reason: the CSV packages on npm build a string (or object) per field.
 * Memory is one chunk plus one partial row.
 */
const COMMA$2 = 44;
const QUOTE$2 = 34;
const LF$2 = 10;
const CR$2 = 13;
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
        const nl = chunk.indexOf(LF$2);
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
                if (i < len && buf[i] === QUOTE$2) {
                    let j = i + 1;
                    let esc = 0;
                    for (;;) {
                        if (j >= len)
                            break;
                        const c = buf[j];
                        if (c === QUOTE$2) {
                            if (j + 1 < len && buf[j + 1] === QUOTE$2) {
                                esc = 1;
                                j += 2;
                                continue;
                            }
                            if (j + 1 >= len && !final) {
                                j = len;
                            }
                            break;
                        }
                        if (c === LF$2)
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
                    if (c === COMMA$2) {
                        i++;
                        continue;
                    }
                    if (c === LF$2 || (c === CR$2 && i + 1 < len && buf[i + 1] === LF$2)) {
                        i += c === CR$2 ? 2 : 1;
                        complete = true;
                        break;
                    }
                    if (c === CR$2 && i + 1 >= len) {
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
                    if (c === COMMA$2 || c === LF$2)
                        break;
                    j++;
                }
                if (j >= len && !final)
                    return rowStart;
                let fieldEnd = j;
                if (fieldEnd > i && buf[fieldEnd - 1] === CR$2 && (j >= len || buf[j] === LF$2))
                    fieldEnd--;
                start[n] = i;
                end[n] = fieldEnd;
                escaped[n] = 0;
                n++;
                if (j < len && buf[j] === COMMA$2) {
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
            if (n === 1 && end[0] === start[0] && buf[rowStart] !== QUOTE$2)
                continue;
            row.count = n;
            row.line = startLine;
            this.onRow(row);
        }
        return pos;
    }
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
const NQ$1 = QUANTITIES.length;
/** Numbers per cell while accumulating: the row count, then Σx and Σx² of each quantity. */
const ACC = 1 + 2 * NQ$1;
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
        const sum = new Float64Array(cells * NQ$1);
        const sum2 = new Float64Array(cells * NQ$1);
        const a = this.acc;
        for (let cell = 0; cell < cells; cell++) {
            const o = cell * ACC;
            n[cell] = a[o];
            for (let q = 0; q < NQ$1; q++) {
                sum[cell * NQ$1 + q] = a[o + 1 + 2 * q];
                sum2[cell * NQ$1 + q] = a[o + 2 + 2 * q];
            }
            if (!this.weighted)
                sum[cell * NQ$1 + Q_W] = sum2[cell * NQ$1 + Q_W] = a[o];
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
function alloc(k) {
    return {
        score: new Float64Array(k),
        posW: new Float64Array(k),
        negW: new Float64Array(k),
        posN: new Float64Array(k),
        negN: new Float64Array(k)
    };
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

/**
 * Interns the values of one sensitive attribute as small integer group ids, straight from the bytes of
 * a CSV field (no string per row). An empty value is the group `(missing)`.
 */
const MISSING = '(missing)';
const MISSING_BYTES = Buffer.from(MISSING);
/** More distinct values than this is almost surely a wrong column (an id, a score), and unbounded memory. */
const MAX_GROUPS = 10000;
const COMMA$1 = 44;
const QUOTE$1 = 34;
const LF$1 = 10;
const CR$1 = 13;
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
        if (key.length === 0 || key.some(b => b === COMMA$1 || b === QUOTE$1 || b === LF$1 || b === CR$1))
            return;
        const list = (prefix) => (this.byPrefix[prefix] = this.byPrefix[prefix] === -1 ? id : -2);
        if (key.length > 1)
            list(key[0] | (key[1] << 8));
        else
            for (const end of [COMMA$1, LF$1, CR$1])
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

/**
 * Opens an artifact as a stream of byte chunks: gunzipped when the name ends in `.gz`, hashed
 * (sha256 of the file as stored) on the way. Also the JSON Lines splitter and the CSV/JSONL dispatch,
 * so every reader gets the same line numbers and the same error for an unreadable or empty file.
 */
function wrongFieldCount(file, line, expected, found) {
    return new InputError(`expected ${expected} fields as in the header, found ${found}`, { file, line });
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
/**
 * On the helper thread: the part's result and the buffers to transfer with it, not copy. A score grid
 * kept in WebAssembly memory (a view of a larger buffer, which cannot be transferred) is copied out.
 */
function partTask(job) {
    const result = readPart(job);
    const d = result.ok ? result.data.scores : null;
    if (d === null)
        return { result, transfer: [] };
    if ('dist' in d)
        return { result, transfer: Object.values(d.dist).map(x => x.buffer) };
    const own = (a) => a.byteLength === a.buffer.byteLength ? a : a.slice();
    d.grid = own(d.grid);
    d.weights = d.weights && own(d.weights);
    return { result, transfer: [d.grid, d.weights].flatMap(x => (x === null ? [] : [x.buffer])) };
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
/** The starting state of createRng(seed, stream), as four unsigned 32-bit integers. */
function rngState(seed, stream = 0) {
    const mix = splitmix32((seed ^ Math.imul(stream + 1, 0x27d4eb2d)) >>> 0);
    const s0 = mix();
    const s1 = mix();
    const s2 = mix();
    const s3 = mix();
    return [(s0 | s1 | s2 | s3) === 0 ? 1 : s0, s1, s2, s3];
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
new Map(METRICS.map(m => [m.id, m]));

const OVERALL = {};
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
    sink.put('count', OVERALL, n, n);
    sink.put('accuracy', OVERALL, rate('accuracy', a, 0), n, RATES.accuracy.undefinedWhen);
    sink.put('precision', OVERALL, rate('precision', a, 0), n, RATES.precision.undefinedWhen);
    sink.put('recall', OVERALL, rate('tpr', a, 0), n, RATES.tpr.undefinedWhen);
    sink.put('f1', OVERALL, f1(a, 0), n, 'no positive labels or predictions');
    const aucValue = scored(auc);
    sink.put('auc', OVERALL, aucValue, n, why(aucValue, 'labels of only one class'));
    for (const [id, v] of [
        ['brier', brier(a, 0)],
        ['log_loss', logLoss(a, 0)],
        ['ece', ece(a, 0, bins)],
        ['mce', mce(a, 0, bins)]
    ]) {
        const value = scored(v);
        sink.put(id, OVERALL, value, n, why(value, 'no rows'));
    }
    sink.put('selection_rate', OVERALL, rate('selection_rate', a, 0), n, RATES.selection_rate.undefinedWhen);
    sink.put('base_rate', OVERALL, rate('base_rate', a, 0), n, RATES.base_rate.undefinedWhen);
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

/** The scope keys, in the order reports and renderings list them. */
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
/** The values of one half of the resamples, row by row (m values per resample). */
function drawHalf(b, m, R, half) {
    const split = Math.ceil(R / 2);
    const count = R - split;
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
/** The second half of the predictions bootstrap, for a worker thread (see evaluateOffloaded). */
function drawSecondHalf(job) {
    const b = predictionBootstrap(job);
    return drawHalf(b, pointsOf(b).length, job.settings.resamples, 1);
}

/**
 * Drawing the second half of the predictions bootstrap on a helper thread (core/threads.ts) while
 * the main thread draws the first; see evaluateOffloaded. The halves have random streams of their
 * own, so the numbers are the same as when one thread draws both.
 */
/** On the helper thread: the second half, and its buffer to transfer. */
function bootstrapTask(job) {
    const half = drawSecondHalf(job);
    return { result: half, transfer: [half.buffer] };
}

/**
 * The helper thread (dist/worker.js) for the two costly steps of a run: reading the second part of a
 * large predictions file while the main thread reads the first (artifacts/parallel.ts), and drawing
 * half of a large bootstrap while the main thread draws the other (metrics/offload.ts). It is started
 * with the run, so that its start-up overlaps loading the manifest and the policy. It keeps the
 * process alive only while it has a task: a run that ends early, or with an error, never waits for it.
 */
const TAG = 'rai-gate-helper';
/** In a thread started by Helper: run each task posted to it and post the result back. */
function serveIfHelper() {
    if (isMainThread || workerData?.tag !== TAG)
        return false;
    parentPort.on('message', (task) => {
        const { result, transfer } = task.kind === 'part' ? partTask(task.job) : bootstrapTask(task.job);
        parentPort.postMessage(result, transfer);
    });
    return true;
}

// The helper threads' entry (dist/worker.js): see core/threads.ts. A bundle of its own, so that a
// helper starts without loading the CLI or the Action.
serveIfHelper();
