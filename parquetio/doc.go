// Package parquetio reads whole networks from Apache Parquet files and
// writes sociogram's tables as Parquet, so that pandas, polars, R's arrow,
// DuckDB and other Parquet readers take them as typed columns.
//
// It is a package of its own so that the library packages (network,
// measures, visualize, analysis) do not depend on a Parquet
// implementation; the command-line tool and programs that want Parquet
// import it. It uses github.com/parquet-go/parquet-go, a pure-Go
// implementation.
//
// Reading: ReadEdgeList reads an edge list (source, target and an optional
// weight column, of integer or string type) and an optional node table (an
// ID column and attribute columns) with the column names and the rules of
// network.ReadEdgeList, through network.Builder, so a Parquet file and a
// CSV file of the same data give equal graphs, the same Report and errors
// of the same kind; errors name the file, the row (1 for the first row of
// data) and the column.
//
// Writing: WriteTable writes a measures.Table (key columns as strings,
// measures as nullable doubles, NA as null); WriteJSONTable writes any of
// the library's tables from its JSON form (strings, doubles and booleans,
// null where the JSON has null); WriteEdgeList writes a graph as
// an edge list and a node table that ReadEdgeList reads back into an equal
// graph. Files are written with Snappy compression, the default of
// pyarrow and pandas.
package parquetio
