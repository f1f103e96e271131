// Package csvscan is a CSV record scanner that does not allocate per
// record or per field. It reads what encoding/csv reads (RFC 4180 with
// Go's rules) and says what encoding/csv says, but hands out each field
// as a []byte that is valid until the next call to Scan:
//
//   - an unquoted field, and a quoted field on one line without a doubled
//     quote, is a sub-slice of the input;
//   - any other quoted field (a "" inside, or line breaks, CRLF read as LF
//     as encoding/csv does) is unescaped into a scratch buffer the Scanner
//     reuses.
//
// Rules, as encoding/csv with LazyQuotes and TrimLeadingSpace off:
// records end at LF outside quotes; CRLF is read as LF everywhere, and a
// CR just before the end of the input is dropped; empty lines are
// skipped; a line that starts with Options.Comment (when set) is skipped
// at the start of a record; a quote in an unquoted field, or a quote
// that closes a quoted field and is not followed by the delimiter or the
// line end, is an error; Options.FieldsPerRecord checks the number of
// fields as in encoding/csv. Errors are *csv.ParseError values with the
// same StartLine, Line, Column and Err as encoding/csv gives, so code
// that turns those into messages works unchanged. Line numbers are exact
// across chunks.
//
// Two sources: NewBytes scans a []byte held in memory (a whole file, or a
// chunk of one), NewReader an io.Reader through a buffer it reuses,
// growing it only for a record longer than the buffer.
//
// For parallel parsing, Split cuts a buffer into chunks at record
// boundaries, and Cut finds the end of the last whole record in a buffer
// (for reading blocks from a stream). A quoted field may hold line
// breaks, so a line break is a record boundary only outside quotes: when
// the buffer has no quote at all (one bytes.IndexByte call, at memory
// speed), every line break is a boundary; otherwise one sequential pass
// jumps from quote to quote, tracking whether it is inside a quoted field
// (quote parity: "" toggles twice), and takes line breaks outside quotes
// only. With Options.Comment set and quotes present, the pass goes line
// by line, skipping comment lines at record starts as the parser does.
//
// Quote parity agrees with the parser on every input up to the first
// record the parser rejects: a boundary computed after that record may
// be wrong, but the chunk that holds the bad record starts at a true
// boundary, and its parse fails with encoding/csv's error. Parse the
// chunks, then take the error of the first chunk (in input order) that
// failed: that is the error a sequential parse gives.
package csvscan
