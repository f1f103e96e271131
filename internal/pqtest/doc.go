// Package pqtest reads Parquet files back for tests, with parquet-go's own
// reader, so that tests of the Parquet writers (parquetio and the sociogram
// command) check what another reader sees.
package pqtest
