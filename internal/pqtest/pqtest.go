package pqtest

import (
	"io"

	"github.com/parquet-go/parquet-go"
)

// Rows reads every row of f, row group by row group, as Go values: string
// for a byte array, int64, float64 and bool for those kinds, nil for a null
// (and for any other kind).
func Rows(f *parquet.File) ([][]any, error) {
	var rows [][]any
	for _, rg := range f.RowGroups() {
		rr := rg.Rows()
		buf := make([]parquet.Row, 64)
		for {
			n, err := rr.ReadRows(buf)
			for _, row := range buf[:n] {
				vals := make([]any, len(row))
				for i, v := range row {
					switch {
					case v.IsNull():
					case v.Kind() == parquet.ByteArray:
						vals[i] = string(v.ByteArray())
					case v.Kind() == parquet.Int64:
						vals[i] = v.Int64()
					case v.Kind() == parquet.Double:
						vals[i] = v.Double()
					case v.Kind() == parquet.Boolean:
						vals[i] = v.Boolean()
					}
				}
				rows = append(rows, vals)
			}
			if err == io.EOF {
				break
			}
			if err != nil {
				rr.Close()
				return rows, err
			}
		}
		if err := rr.Close(); err != nil {
			return rows, err
		}
	}
	return rows, nil
}
