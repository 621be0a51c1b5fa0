import { DuckDBInstance } from '@duckdb/node-api'
const db = await DuckDBInstance.create(':memory:')
const c = await db.connect()
for (const f of ['predictions', 'robustness']) await c.run(`COPY (SELECT * FROM read_csv('/tmp/pq/eval/${f}.csv', all_varchar=false)) TO '/tmp/pq/eval/${f}.parquet' (FORMAT parquet, COMPRESSION snappy)`)
await c.run(`COPY (SELECT * FROM read_json('/tmp/pq/eval/redteam.jsonl')) TO '/tmp/pq/eval/redteam.parquet' (FORMAT parquet, COMPRESSION zstd)`)
const r = await c.runAndReadAll(`DESCRIBE SELECT * FROM '/tmp/pq/eval/predictions.parquet'`); console.log(r.getRows())
