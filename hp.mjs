import { DuckDBInstance } from '@duckdb/node-api'
import { parquetMetadataAsync, parquetRead, asyncBufferFromFile } from 'hyparquet'
import { compressors } from 'hyparquet-compressors'
const N = 10_000_000
const path = '/tmp/p10m.parquet'
if (process.argv[2] === 'gen') {
  const db = await DuckDBInstance.create(':memory:')
  const c = await db.connect()
  await c.run(`COPY (SELECT (random()<0.3)::INT AS label, random() AS score, ['a','b','c','d','e'][1+(i%5)::INT] AS race, CASE WHEN i%2=0 THEN 'Male' ELSE 'Female' END AS sex, ['young','mid','old'][1+(i%3)::INT] AS age FROM range(${N}) t(i)) TO '${path}' (FORMAT parquet, COMPRESSION snappy)`)
}
const t0 = performance.now()
const file = await asyncBufferFromFile(path)
const md = await parquetMetadataAsync(file)
console.log('groups', md.row_groups.length, md.row_groups[0].num_rows, md.schema.map(s=>s.name+':'+s.type).join(' '))
let start = 0, sum = 0
for (const rg of md.row_groups) {
  const n = Number(rg.num_rows)
  const cols = {}
  await parquetRead({ file, metadata: md, rowStart: start, rowEnd: start + n, compressors, onChunk: ch => { (cols[ch.columnName] ??= []).push(ch) } })
  for (const k in cols) for (const ch of cols[k]) if (k==='score') for (let i=0;i<ch.columnData.length;i++) sum += ch.columnData[i]
  if (start===0) for (const k in cols) console.log(k, cols[k].length, cols[k][0].columnData.constructor.name, cols[k][0].rowStart, cols[k][0].rowEnd)
  start += n
}
console.log('ms', performance.now() - t0, sum, process.memoryUsage().rss/1e6)
