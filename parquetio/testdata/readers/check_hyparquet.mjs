// Reads each Parquet file sociogram wrote with hyparquet (a pure-JS
// Parquet reader, independent of parquet-go) and compares it with the CSV
// sociogram wrote of the same table: same column names, same rows, every
// number equal (CSV written with --digits 17, which reads back exactly),
// null exactly where the CSV has NA or an empty field (or "" where the
// table holds an empty string, as summary's wave without waves).
//
//   node check_hyparquet.mjs DIR NAME...   (DIR/NAME.parquet against DIR/NAME.csv)
import { readFileSync } from 'node:fs'
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet'

function parseCSV(text) { // the samples hold no quoted fields
  const lines = text.trimEnd().split('\n')
  return { head: lines[0].split(','), rows: lines.slice(1).map(l => l.split(',')) }
}

let failed = 0
const [dir, ...names] = process.argv.slice(2)
for (const name of names) {
  const file = await asyncBufferFromFile(`${dir}/${name}.parquet`)
  const meta = await parquetMetadataAsync(file)
  const cols = meta.schema.slice(1).map(s =>
    `${s.name}:${s.type}${s.logical_type ? '/' + s.logical_type.type : ''}:${s.repetition_type}`)
  const rows = await parquetReadObjects({ file })
  const csv = parseCSV(readFileSync(`${dir}/${name}.csv`, 'utf8'))
  const bad = []
  const pqNames = meta.schema.slice(1).map(s => s.name)
  if (pqNames.join(',') !== csv.head.join(',')) bad.push(`columns ${pqNames} != ${csv.head}`)
  if (rows.length !== csv.rows.length) bad.push(`${rows.length} rows != ${csv.rows.length}`)
  let nulls = 0
  csv.rows.forEach((rec, r) => {
    csv.head.forEach((h, c) => {
      const want = rec[c]
      let got = rows[r]?.[h]
      if (typeof got === 'bigint') got = Number(got)
      if (want === 'NA' || (want === '' && got !== '')) {
        if (got !== null && got !== undefined) bad.push(`row ${r + 1} ${h}: ${got}, want null`)
        else nulls++
      } else if (typeof got === 'number') {
        if (got !== Number(want)) bad.push(`row ${r + 1} ${h}: ${got} != ${want}`)
      } else if (String(got) !== want) {
        bad.push(`row ${r + 1} ${h}: ${JSON.stringify(got)} != ${JSON.stringify(want)}`)
      }
    })
  })
  console.log(`${name}.parquet: ${rows.length} rows; ${nulls} nulls; columns ${cols.join(' ')}`)
  for (const b of bad.slice(0, 10)) console.log(`  MISMATCH ${b}`)
  console.log(bad.length ? `  FAIL (${bad.length} mismatches)` : '  OK: equal to the CSV')
  failed += bad.length ? 1 : 0
}
process.exit(failed ? 1 : 0)
