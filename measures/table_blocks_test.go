package measures

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// seqCSV and seqJSON are the sequential table writers as they were before
// rows were formatted in parallel blocks (measures/table.go at commit
// cc7435a, WriteCSVWith and WriteJSONWith, copied): the reference the
// block writers must match byte for byte.
func seqCSV(t *Table, w io.Writer, opt WriteOptions) error {
	head, err := t.header(opt)
	if err != nil {
		return err
	}
	digits := opt.Digits
	if digits == 0 {
		digits = -1
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(head); err != nil {
		return err
	}
	var rec []string
	for r := range t.Values {
		rec = append(rec[:0], t.Keys[r]...)
		for _, x := range t.Values[r] {
			rec = append(rec, FormatValueDigits(x, digits))
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func seqJSON(t *Table, w io.Writer, opt WriteOptions) error {
	head, err := t.header(opt)
	if err != nil {
		return err
	}
	digits := opt.Digits
	if digits == 0 {
		digits = -1
	}
	bw := bufio.NewWriter(w)
	names := make([][]byte, 0, len(head))
	for _, n := range head {
		b, err := json.Marshal(n)
		if err != nil {
			return err
		}
		names = append(names, b)
	}
	bw.WriteString("[")
	for r := range t.Values {
		if r > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n{")
		for k, v := range t.Keys[r] {
			if k > 0 {
				bw.WriteString(",")
			}
			b, err := json.Marshal(v)
			if err != nil {
				return err
			}
			bw.Write(names[k])
			bw.WriteString(":")
			bw.Write(b)
		}
		for c, x := range t.Values[r] {
			bw.WriteString(",")
			bw.Write(names[len(t.KeyNames)+c])
			bw.WriteString(":")
			if s := FormatValueDigits(x, digits); s == "NA" {
				bw.WriteString("null")
			} else {
				bw.WriteString(s)
			}
		}
		bw.WriteString("}")
	}
	if len(t.Values) > 0 {
		bw.WriteString("\n")
	}
	bw.WriteString("]\n")
	return bw.Flush()
}

// awkwardKeys are keys that need CSV quoting or JSON escaping: a comma, a
// quote, a newline, a leading space, non-ASCII text, an empty key, "\.".
var awkwardKeys = []string{"P1", "a,b", `say "hi"`, "two\nlines", " lead", "Zoë", "", `\.`, "NA", "日本"}

// awkwardValue returns a value of one of the kinds the formatter treats
// apart: NaN, ±Inf, ±0, whole numbers below and above 2⁵³, subnormal and
// huge floats, and ordinary fractions.
func awkwardValue(rng *rand.Rand) float64 {
	switch rng.IntN(12) {
	case 0:
		return math.NaN()
	case 1:
		return math.Inf(1 - 2*rng.IntN(2))
	case 2:
		return math.Copysign(0, -1)
	case 3:
		return 0
	case 4:
		return float64(rng.IntN(1000))
	case 5:
		return float64(1<<53) * (1 + float64(rng.IntN(100)))
	case 6:
		return math.SmallestNonzeroFloat64 * float64(1+rng.IntN(1000))
	case 7:
		return math.MaxFloat64 / float64(1+rng.IntN(1000))
	case 8:
		return -rng.Float64() * 1e-300
	case 9:
		return math.Nextafter(4.2, 0)
	default:
		return rng.NormFloat64() * math.Pow(10, float64(rng.IntN(40)-20))
	}
}

// randomTable makes a table of rows rows, two key columns and cols
// measure columns, keys and values drawn from the awkward ones.
func randomTable(seed uint64, rows, cols int) *Table {
	rng := rand.New(rand.NewPCG(seed, 17))
	t := &Table{KeyNames: []string{"egoID", "wave"}}
	for c := 0; c < cols; c++ {
		t.Columns = append(t.Columns, fmt.Sprintf("m(%d)", c))
	}
	t.Keys = make([][]string, rows)
	t.Values = make([][]float64, rows)
	for r := range t.Values {
		t.Keys[r] = []string{awkwardKeys[rng.IntN(len(awkwardKeys))], fmt.Sprint(r)}
		t.Values[r] = make([]float64, cols)
		for c := range t.Values[r] {
			t.Values[r][c] = awkwardValue(rng)
		}
	}
	return t
}

// The block writers write the bytes of the sequential ones for any number
// of workers, digits and names, at sizes around the block boundaries
// (0, 1, one block, one block and a row, several blocks and a part).
func TestWriteBlocksMatchSequential(t *testing.T) {
	sizes := []int{0, 1, blockRows - 1, blockRows, blockRows + 1, 3*blockRows + 17}
	if testing.Short() {
		sizes = []int{0, 1, blockRows + 1, 2*blockRows + 5}
	}
	opts := []WriteOptions{{}, {Digits: 15}, {Digits: 1}, {Digits: 17, Syntactic: true, KeyNames: []string{"person", "interview"}}}
	for i, rows := range sizes {
		tab := randomTable(uint64(i), rows, 5)
		for _, opt := range opts {
			var want, got bytes.Buffer
			require.NoError(t, seqCSV(tab, &want, opt))
			wantJ := new(bytes.Buffer)
			require.NoError(t, seqJSON(tab, wantJ, opt))
			for _, workers := range []int{0, 1, 2, 3, 8} {
				o := opt
				o.Workers = workers
				got.Reset()
				require.NoError(t, tab.WriteCSVWith(&got, o))
				require.True(t, bytes.Equal(want.Bytes(), got.Bytes()), "CSV, %d rows, workers %d, %+v", rows, workers, opt)
				got.Reset()
				require.NoError(t, tab.WriteJSONWith(&got, o))
				require.True(t, bytes.Equal(wantJ.Bytes(), got.Bytes()), "JSON, %d rows, workers %d, %+v", rows, workers, opt)
			}
		}
	}
}

// failAfter is a writer that fails once n bytes have been written.
type failAfter struct{ n int }

var errFull = errors.New("disk full")

func (f *failAfter) Write(p []byte) (int, error) {
	if f.n < len(p) {
		return 0, errFull
	}
	f.n -= len(p)
	return len(p), nil
}

// A write error in the middle of a table is returned, with any number of
// workers, and nothing after it is written (the writer fails from then on
// and no goroutine is left blocked: the test would hang or leak).
func TestWriteBlocksError(t *testing.T) {
	tab := randomTable(9, 5*blockRows, 3)
	for _, workers := range []int{1, 2, 4} {
		err := tab.WriteCSVWith(&failAfter{n: 1 << 16}, WriteOptions{Workers: workers})
		assert.ErrorIs(t, err, errFull, "workers %d", workers)
		err = tab.WriteJSONWith(&failAfter{n: 1 << 16}, WriteOptions{Workers: workers})
		assert.ErrorIs(t, err, errFull, "workers %d", workers)
		err = tab.WriteJSONWith(&failAfter{n: 0}, WriteOptions{Workers: workers})
		assert.ErrorIs(t, err, errFull, "the opening bracket, workers %d", workers)
	}
}

// BenchmarkWriteCSV formats a 100,000-row table of 11 measures (random
// values of every kind) as CSV, on one worker and on GOMAXPROCS.
func BenchmarkWriteCSV(b *testing.B) {
	tab := randomTable(1, 100_000, 11)
	for _, workers := range []int{1, 0} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := tab.WriteCSVWith(io.Discard, WriteOptions{Digits: 15, Workers: workers}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
