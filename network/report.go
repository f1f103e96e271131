package network

import (
	"fmt"
	"strings"
)

// What a reader repaired without failing. These are the What values of a
// Repair.
const (
	RepairSelfLoops  = "self-loops dropped"
	RepairDuplicates = "duplicate ties merged (weights summed)"
	RepairBOM        = "byte-order mark removed"
)

// Repair is one kind of change a reader made to its input, with how often.
type Repair struct {
	File  string
	What  string
	Count int
}

// Report lists what a reader merged, dropped or repaired. A reader never
// changes data silently: everything it did is here.
type Report struct {
	Repairs []Repair
}

// Add records count repairs of one kind in file; a zero count is ignored.
func (r *Report) Add(file, what string, count int) {
	if count == 0 {
		return
	}
	for i := range r.Repairs {
		if r.Repairs[i].File == file && r.Repairs[i].What == what {
			r.Repairs[i].Count += count
			return
		}
	}
	r.Repairs = append(r.Repairs, Repair{File: file, What: what, Count: count})
}

// Merge appends the repairs of another report.
func (r *Report) Merge(o Report) {
	for _, x := range o.Repairs {
		r.Add(x.File, x.What, x.Count)
	}
}

// Count returns how many repairs of this kind were made in all files.
func (r Report) Count(what string) int {
	n := 0
	for _, x := range r.Repairs {
		if x.What == what {
			n += x.Count
		}
	}
	return n
}

// Lines returns one line per repair, "FILE: N what".
func (r Report) Lines() []string {
	out := make([]string, len(r.Repairs))
	for i, x := range r.Repairs {
		out[i] = fmt.Sprintf("%s: %d %s", x.File, x.Count, x.What)
	}
	return out
}

// String returns Lines joined by newlines.
func (r Report) String() string { return strings.Join(r.Lines(), "\n") }

// addStats records what a Builder or DatasetBuilder merged and dropped.
func (r *Report) addStats(file string, s BuildStats) {
	r.Add(file, RepairSelfLoops, s.SelfLoops)
	r.Add(file, RepairDuplicates, s.Duplicates)
}
