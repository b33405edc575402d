// The same GROUP BY as `costsite actuals --group COL` on the same FOCUS file,
// in DuckDB (npm @duckdb/node-api), for bench/actuals.sh. Amounts are read as
// text and summed as DECIMAL(38,18), exact as costsite's sums are.
// Usage: node bench/duckdb_group.mjs FILE.csv COLUMN [MEASURE] [THREADS]
import { DuckDBInstance } from '@duckdb/node-api';

const [file, column, measure = 'BilledCost', threads = '2'] = process.argv.slice(2);
const instance = await DuckDBInstance.create(':memory:', { threads });
const conn = await instance.connect();
const q = (name) => '"' + name.replace(/"/g, '""') + '"';
const sql = `SELECT ${q(column)} AS key, BillingCurrency AS currency, count(*) AS lines,
  sum(CAST(${q(measure)} AS DECIMAL(38,18))) AS total
  FROM read_csv('${file.replace(/'/g, "''")}', header = true, all_varchar = true)
  GROUP BY ALL ORDER BY currency, total DESC, key`;
const reader = await conn.runAndReadAll(sql);
for (const row of reader.getRowObjectsJson()) console.log(`${row.key}\t${row.lines}\t${row.total}\t${row.currency}`);
