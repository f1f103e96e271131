package store

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/sociogram/sociogram/analysis"
	"github.com/sociogram/sociogram/network"
)

// ImportOptions configures Import.
type ImportOptions struct {
	// CSV names the columns the study was read with: the ego ID, alter
	// ID, source and target columns and the weight columns (the wave
	// column and directedness come from the Dataset). An export writes
	// the same names. The zero value means egor's default names.
	CSV network.EgoCSVOptions
}

// ImportStats counts what Import added.
type ImportStats struct {
	People, Interviews, Alters, Ties, Goals int
}

// Import adds a study read from files (any reader of package network)
// and its goals table (nil for none) to the store, in one transaction: all
// of it or, on an error, nothing. The first import into an empty store
// sets the study's column names (opt.CSV); a later one must use the same.
// A person already in the store is an error (ErrExists), and so is a goal
// of a person the import does not add. The columns pseudonym and date of
// the egos table, name, role, type, ring, sector, quality and flow of
// the alters table and quality, flow and type of the ties table fill the
// fields of those names; a ring must be a whole number from 1 (or
// missing). Each person's import is one change-log row (action "import"),
// which Undo reverts.
func (e *Editor) Import(ctx context.Context, ds *network.Dataset, goals *analysis.Goals, opt ImportOptions) (ImportStats, error) {
	var stats ImportStats
	settings := importSettings(ds, opt.CSV)
	// The export must be able to write what is imported: check the
	// column names now (WriteEgoCSV checks before it writes anything).
	if err := network.WriteEgoCSV(io.Discard, io.Discard, io.Discard, ds, exportCSVOptions(settings)); err != nil {
		return stats, fmt.Errorf("import: %w", err)
	}
	s := e.s
	s.mu.Lock()
	defer s.mu.Unlock()
	sqtx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return stats, fmt.Errorf("store: %s: %w", s.path, err)
	}
	defer sqtx.Rollback()
	t := &tx{ctx: ctx, Tx: sqtx}
	var n int
	if err := t.row("SELECT count(*) FROM people").Scan(&n); err != nil {
		return stats, fmt.Errorf("people: %w", err)
	}
	if n == 0 {
		for _, k := range sortedKeys(settings) {
			if err := t.setSetting(k, settings[k]); err != nil {
				return stats, err
			}
		}
	} else {
		for _, k := range sortedKeys(settings) {
			have, err := t.setting(k)
			if err != nil {
				return stats, err
			}
			if have != settings[k] {
				return stats, fmt.Errorf("study: %s: %w: the store has %q, the import %q", k, ErrInvalid, have, settings[k])
			}
		}
	}
	for tbl, sch := range map[string]*network.Schema{"egos": ds.EgoAttrs, "alters": ds.AlterAttrs, "ties": ds.TieAttrs} {
		if err := t.addColumns(tbl, sch.Names()...); err != nil {
			return stats, err
		}
	}
	for _, w := range ds.Waves() {
		if err := t.addWaveLabel(w); err != nil {
			return stats, err
		}
	}
	st, err := t.study()
	if err != nil {
		return stats, err
	}
	recs := map[string]*rowset{}
	refs := map[string]string{}
	pids := map[string]int64{}
	var order []string
	pseud, _ := ds.EgoAttrs.Index("pseudonym")
	if !slices.Contains(ds.EgoAttrs.Names(), "pseudonym") {
		pseud = -1
	}
	pseq, err := t.nextSeq("people", 0)
	if err != nil {
		return stats, fmt.Errorf("people: %w", err)
	}
	iseq, err := t.nextSeq("interviews", 0)
	if err != nil {
		return stats, fmt.Errorf("interviews: %w", err)
	}
	for _, eg := range ds.Egos {
		rec := recs[eg.ID]
		if rec == nil {
			if ok, err := t.exists("SELECT 1 FROM people WHERE pid = ?", eg.ID); err != nil || ok {
				if err == nil {
					err = ErrExists
				}
				return stats, fmt.Errorf("people: person %q: %w", eg.ID, err)
			}
			ref, err := newRef()
			if err != nil {
				return stats, err
			}
			p := logPerson{Person: Person{ID: eg.ID}, Ref: ref, Seq: pseq}
			if pseud >= 0 {
				p.Pseudonym = text(eg.Attrs.At(pseud))
			}
			pseq++
			res, err := t.exec("INSERT INTO people (ref, pid, pseudonym, seq) VALUES (?, ?, ?, ?)", p.Ref, p.ID, nullText(p.Pseudonym), p.Seq)
			if err == nil {
				pids[eg.ID], err = res.LastInsertId()
			}
			if err != nil {
				return stats, fmt.Errorf("people: person %q: %w", p.ID, err)
			}
			rec = &rowset{People: []logPerson{p}}
			recs[eg.ID], refs[eg.ID] = rec, ref
			order = append(order, eg.ID)
			stats.People++
		} else if pseud >= 0 && text(eg.Attrs.At(pseud)) != rec.People[0].Pseudonym {
			return stats, fmt.Errorf("egos: person %q wave %q: %w: pseudonym %q differs from %q at an earlier wave", eg.ID, eg.Wave, ErrInvalid, text(eg.Attrs.At(pseud)), rec.People[0].Pseudonym)
		}
		iv := logInterview{Interview: Interview{Person: eg.ID, Wave: eg.Wave}, Seq: iseq}
		iseq++
		for i, name := range ds.EgoAttrs.Names() {
			v := text(eg.Attrs.At(i))
			switch name {
			case "pseudonym":
			case "date":
				iv.Date = v
			default:
				if v != "" {
					if iv.Attrs == nil {
						iv.Attrs = map[string]string{}
					}
					iv.Attrs[name] = v
				}
			}
		}
		res, err := t.exec("INSERT INTO interviews (person, wave, date, attrs, seq) VALUES (?, ?, ?, ?, ?)", pids[eg.ID], iv.Wave, nullText(iv.Date), attrsJSON(iv.Attrs), iv.Seq)
		if err != nil {
			return stats, fmt.Errorf("interviews: person %q wave %q: %w", eg.ID, eg.Wave, err)
		}
		ivID, err := res.LastInsertId()
		if err != nil {
			return stats, fmt.Errorf("interviews: person %q wave %q: %w", eg.ID, eg.Wave, err)
		}
		alterIDs := make([]int64, len(eg.Alters))
		rec.Interviews = append(rec.Interviews, iv)
		stats.Interviews++
		for ai, a := range eg.Alters {
			la := logAlter{Alter: Alter{Person: eg.ID, Wave: eg.Wave, Key: a.ID, Weight: a.Weight}, Seq: int64(ai + 1)}
			if st.AlterWeight == "" {
				la.Weight = 1
			}
			for i, name := range ds.AlterAttrs.Names() {
				v := a.Attrs.At(i)
				if err := setAlterField(&la.Alter, name, v); err != nil {
					return stats, fmt.Errorf("alters: %s: %w", AlterKey{eg.ID, eg.Wave, a.ID}, err)
				}
			}
			res, err := t.exec(`INSERT INTO alters (name, role, type, ring, sector, quality, flow, weight, attrs, interview, key, seq)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, nullText(la.Name), nullText(la.Role), nullText(la.Type), nullRing(la.Ring),
				nullText(la.Sector), nullText(la.Quality), nullText(la.Flow), la.Weight, attrsJSON(la.Attrs), ivID, la.Key, la.Seq)
			if err != nil {
				return stats, fmt.Errorf("alters: %s: %w", AlterKey{eg.ID, eg.Wave, a.ID}, err)
			}
			if alterIDs[ai], err = res.LastInsertId(); err != nil {
				return stats, fmt.Errorf("alters: %s: %w", AlterKey{eg.ID, eg.Wave, a.ID}, err)
			}
			rec.Alters = append(rec.Alters, la)
			stats.Alters++
		}
		for ti, tie := range eg.Ties {
			lt := logTie{Tie: Tie{Person: eg.ID, Wave: eg.Wave, A: eg.Alters[tie.From].ID, B: eg.Alters[tie.To].ID, Weight: tie.Weight}, Seq: int64(ti + 1)}
			if st.TieWeight == "" {
				lt.Weight = 1
			}
			for i, name := range ds.TieAttrs.Names() {
				v := text(tie.Attrs.At(i))
				switch name {
				case "quality":
					lt.Quality = v
				case "flow":
					lt.Flow = v
				case "type":
					lt.Type = v
				default:
					if v != "" {
						if lt.Attrs == nil {
							lt.Attrs = map[string]string{}
						}
						lt.Attrs[name] = v
					}
				}
			}
			if _, err := t.exec("INSERT INTO ties (quality, flow, type, weight, attrs, interview, a, b, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
				nullText(lt.Quality), nullText(lt.Flow), nullText(lt.Type), lt.Weight, attrsJSON(lt.Attrs), ivID, alterIDs[tie.From], alterIDs[tie.To], lt.Seq); err != nil {
				return stats, fmt.Errorf("ties: %s: %w", TieKey{eg.ID, eg.Wave, lt.A, lt.B}, err)
			}
			rec.Ties = append(rec.Ties, lt)
			stats.Ties++
		}
	}
	if goals != nil {
		gseq, err := t.nextSeq("goals", 0)
		if err != nil {
			return stats, fmt.Errorf("goals: %w", err)
		}
		if err := t.addGoalWaves(goals.LevelWaves...); err != nil {
			return stats, err
		}
		for _, g := range goals.Goals {
			rec := recs[g.EgoID]
			if rec == nil {
				return stats, fmt.Errorf("goals: %s:%d: person %q: %w: not in the study imported", goals.Source, g.Line, g.EgoID, ErrNotFound)
			}
			lg := logGoal{Goal: Goal{Person: g.EgoID, ID: g.ID, Description: g.Description, Weight: g.Weight, Baseline: rec.Interviews[0].Wave}, Seq: gseq}
			gseq++
			if g.Rule != nil {
				lg.Rule = g.Rule.Text
			}
			for _, w := range sortedKeys(g.Levels) {
				if l := g.Levels[w]; !math.IsNaN(l) {
					if lg.Levels == nil {
						lg.Levels = map[string]int{}
					}
					lg.Levels[w] = int(l)
				}
			}
			if err := t.putGoal(lg); err != nil {
				return stats, fmt.Errorf("goals: %s:%d: %w", goals.Source, g.Line, err)
			}
			rec.Goals = append(rec.Goals, lg)
			stats.Goals++
		}
	}
	now := s.now()
	for _, pid := range order {
		r := recs[pid]
		if _, err := t.log(e.by, now, pending{ref: refs[pid], action: "import",
			what:  fmt.Sprintf("person %s imported: %d waves, %d alters, %d ties, %d goals", pid, len(r.Interviews), len(r.Alters), len(r.Ties), len(r.Goals)),
			after: r}); err != nil {
			return stats, err
		}
	}
	if err := sqtx.Commit(); err != nil {
		return stats, fmt.Errorf("store: %s: commit: %w", s.path, err)
	}
	return stats, nil
}

// text is a value's text, "" when missing.
func text(v network.Value) string {
	if v.IsMissing() {
		return ""
	}
	return v.Text
}

// setAlterField puts an alters column's value into its field or Attrs.
func setAlterField(a *Alter, name string, v network.Value) error {
	s := text(v)
	switch name {
	case "name":
		a.Name = s
	case "role":
		a.Role = s
	case "type":
		a.Type = s
	case "ring":
		if s == "" {
			return nil
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || strconv.Itoa(n) != s {
			return fmt.Errorf("ring %q: %w (want a whole number from 1, 1 = closest, or missing)", s, ErrInvalid)
		}
		a.Ring = n
	case "sector":
		a.Sector = s
	case "quality":
		a.Quality = s
	case "flow":
		a.Flow = s
	default:
		if s != "" {
			if a.Attrs == nil {
				a.Attrs = map[string]string{}
			}
			a.Attrs[name] = s
		}
	}
	return nil
}

// importSettings returns the study settings of an import.
func importSettings(ds *network.Dataset, o network.EgoCSVOptions) map[string]string {
	or := func(s, d string) string {
		if s == "" {
			return d
		}
		return s
	}
	m := map[string]string{
		"ego_id":       or(or(o.EgoID, ds.EgoIDColumn), "egoID"),
		"wave":         ds.WaveColumn,
		"alter_id":     or(o.AlterID, "alterID"),
		"source":       or(o.Source, "Source"),
		"target":       or(o.Target, "Target"),
		"alter_weight": "",
		"tie_weight":   "",
		"directed":     "0",
	}
	if ds.AlterWeighted {
		m["alter_weight"] = or(o.AlterWeight, "weight")
	}
	if ds.TieWeighted {
		w := o.Weight
		if w == "-" {
			w = ""
		}
		m["tie_weight"] = or(w, "weight")
	}
	if ds.Directed {
		m["directed"] = "1"
	}
	return m
}

// exportCSVOptions returns the options that write (and read back) the
// study's files.
func exportCSVOptions(m map[string]string) network.EgoCSVOptions {
	o := network.EgoCSVOptions{EgoID: m["ego_id"], Wave: m["wave"], AlterID: m["alter_id"],
		Source: m["source"], Target: m["target"], AlterWeight: m["alter_weight"], Weight: m["tie_weight"],
		Directed: m["directed"] == "1"}
	if o.Weight == "" {
		o.Weight = "-"
	}
	return o
}

// EgoCSVOptions returns the options to write the study's three tables
// with network.WriteEgoCSV and to read them back with network.ReadEgoCSV:
// the column names it was imported with.
func (st Study) EgoCSVOptions() network.EgoCSVOptions {
	d := "0"
	if st.Directed {
		d = "1"
	}
	return exportCSVOptions(map[string]string{"ego_id": st.EgoID, "wave": st.Wave, "alter_id": st.AlterID,
		"source": st.Source, "target": st.Target, "alter_weight": st.AlterWeight, "tie_weight": st.TieWeight, "directed": d})
}

// Dataset returns the study, or the people named, as a network.Dataset:
// one EgoNet per person per wave, in the order imported or added, with
// the study's attribute columns (the named fields included) in order.
// The measures, pictures and writers of the other packages work on it.
func (s *Store) Dataset(ctx context.Context, people ...string) (*network.Dataset, error) {
	var ds *network.Dataset
	err := s.read(ctx, func(t *tx) error {
		var err error
		ds, err = t.dataset(people)
		return err
	})
	return ds, err
}

// dataset is Dataset within a transaction.
func (t *tx) dataset(people []string) (*network.Dataset, error) {
	var ds *network.Dataset
	ctx := t.ctx
	err := func() error {
		st, err := t.study()
		if err != nil {
			return err
		}
		b := network.NewDatasetBuilder(network.DatasetOptions{Directed: st.Directed, AlterWeighted: st.AlterWeight != "",
			TieWeighted: st.TieWeight != "", WaveColumn: st.Wave})
		for _, c := range st.EgoColumns {
			b.EgoAttrs().Add(c)
		}
		for _, c := range st.AlterColumns {
			b.AlterAttrs().Add(c)
		}
		for _, c := range st.TieColumns {
			b.TieAttrs().Add(c)
		}
		q := `SELECT p.pid, coalesce(p.pseudonym, ''), i.id, i.wave, coalesce(i.date, ''), i.attrs FROM interviews i
			JOIN people p ON p.id = i.person ORDER BY i.seq`
		rs, err := t.QueryContext(ctx, q)
		if err != nil {
			return fmt.Errorf("interviews: %w", err)
		}
		type ivRow struct {
			pid, pseud, wave, date, attrs string
			id                            int64
		}
		var ivs []ivRow
		for rs.Next() {
			var r ivRow
			if err := rs.Scan(&r.pid, &r.pseud, &r.id, &r.wave, &r.date, &r.attrs); err != nil {
				rs.Close()
				return fmt.Errorf("interviews: %w", err)
			}
			if len(people) == 0 || slices.Contains(people, r.pid) {
				ivs = append(ivs, r)
			}
		}
		rs.Close()
		if err := rs.Err(); err != nil {
			return fmt.Errorf("interviews: %w", err)
		}
		if len(people) > 0 {
			for _, p := range people {
				if _, err := t.person(p); err != nil {
					return err
				}
			}
		}
		for _, r := range ivs {
			attrs, err := parseAttrs(r.attrs)
			if err != nil {
				return fmt.Errorf("interviews: person %q wave %q: %w", r.pid, r.wave, err)
			}
			row := make(network.Attrs, len(st.EgoColumns))
			for i, c := range st.EgoColumns {
				switch c {
				case "pseudonym":
					row[i] = network.ParseValue(r.pseud)
				case "date":
					row[i] = network.ParseValue(r.date)
				default:
					row[i] = network.ParseValue(attrs[c])
				}
			}
			if err := b.AddEgo(r.pid, r.wave, row); err != nil {
				return fmt.Errorf("egos: person %q wave %q: %w", r.pid, r.wave, err)
			}
			as, err := t.alters(r.id, r.pid, r.wave)
			if err != nil {
				return err
			}
			for _, a := range as {
				row := make(network.Attrs, len(st.AlterColumns))
				for i, c := range st.AlterColumns {
					row[i] = network.ParseValue(alterField(a.Alter, c))
				}
				if err := b.AddAlter(r.pid, r.wave, a.Key, a.Weight, row); err != nil {
					return fmt.Errorf("alters: %s: %w", AlterKey{r.pid, r.wave, a.Key}, err)
				}
			}
			ts, err := t.ties(r.id, r.pid, r.wave, "")
			if err != nil {
				return err
			}
			for _, e := range ts {
				row := make(network.Attrs, len(st.TieColumns))
				for i, c := range st.TieColumns {
					v := e.Attrs[c]
					switch c {
					case "quality":
						v = e.Quality
					case "flow":
						v = e.Flow
					case "type":
						v = e.Type
					}
					row[i] = network.ParseValue(v)
				}
				if err := b.AddTie(r.pid, r.wave, e.A, e.B, e.Weight, row); err != nil {
					return fmt.Errorf("ties: %s: %w", TieKey{r.pid, r.wave, e.A, e.B}, err)
				}
			}
		}
		ds, _ = b.Build()
		ds.EgoIDColumn = st.EgoID
		return nil
	}()
	return ds, err
}

// alterField returns an alter's value of an alters column ("" missing).
func alterField(a Alter, c string) string {
	switch c {
	case "name":
		return a.Name
	case "role":
		return a.Role
	case "type":
		return a.Type
	case "ring":
		return ringText(a.Ring)
	case "sector":
		return a.Sector
	case "quality":
		return a.Quality
	case "flow":
		return a.Flow
	}
	return a.Attrs[c]
}

// GoalsTable returns the goals of the study, or of the people named, as
// an analysis.Goals table (analysis.EvaluateGoals scores it): the goals in
// the order added, with the level:WAVE columns of the import and of every
// wave a level was recorded at.
func (s *Store) GoalsTable(ctx context.Context, people ...string) (*analysis.Goals, error) {
	var out *analysis.Goals
	err := s.read(ctx, func(t *tx) error {
		var err error
		out, err = t.goalsTable(s.path, people)
		return err
	})
	return out, err
}

// goalsTable is GoalsTable within a transaction.
func (t *tx) goalsTable(source string, people []string) (*analysis.Goals, error) {
	out := &analysis.Goals{Source: source}
	ctx := t.ctx
	err := func() error {
		st, err := t.study()
		if err != nil {
			return err
		}
		ws, err := t.goalWaves()
		if err != nil {
			return err
		}
		rs, err := t.QueryContext(ctx, "SELECT p.pid FROM goals g JOIN people p ON p.id = g.person ORDER BY g.seq")
		if err != nil {
			return fmt.Errorf("goals: %w", err)
		}
		var pids []string
		for rs.Next() {
			var pid string
			if err := rs.Scan(&pid); err != nil {
				rs.Close()
				return fmt.Errorf("goals: %w", err)
			}
			if !slices.Contains(pids, pid) {
				pids = append(pids, pid)
			}
		}
		rs.Close()
		if err := rs.Err(); err != nil {
			return fmt.Errorf("goals: %w", err)
		}
		var all []logGoal
		for _, pid := range pids {
			if len(people) > 0 && !slices.Contains(people, pid) {
				continue
			}
			gs, err := t.goals(pid, "")
			if err != nil {
				return err
			}
			all = append(all, gs...)
		}
		slices.SortStableFunc(all, func(a, b logGoal) int { return int(a.Seq - b.Seq) })
		extra := map[string]bool{}
		for _, g := range all {
			for w := range g.Levels {
				if !slices.Contains(ws, w) {
					extra[w] = true
				}
			}
		}
		for _, w := range st.Waves {
			if extra[w] {
				ws = append(ws, w)
				delete(extra, w)
			}
		}
		ws = append(ws, sortedKeys(extra)...)
		out.LevelWaves = ws
		for i, g := range all {
			ag := analysis.Goal{EgoID: g.Person, ID: g.ID, Description: g.Description, Weight: g.Weight, Line: i + 2}
			if g.Rule != "" {
				if ag.Rule, err = analysis.ParseGoalRule(g.Rule); err != nil {
					return fmt.Errorf("goals: %s: %w", GoalKey{g.Person, g.ID}, err)
				}
			} else {
				ag.Levels = map[string]float64{}
				for _, w := range ws {
					ag.Levels[w] = math.NaN()
					if l, ok := g.Levels[w]; ok {
						ag.Levels[w] = float64(l)
					}
				}
			}
			out.Goals = append(out.Goals, ag)
		}
		return nil
	}()
	return out, err
}

// WriteGoals writes a goals table in the format analysis.ReadGoalsFrom
// reads (and `sociogram goals --goals` takes): egoIDColumn ("" means
// "egoID"), goal, description, weight, rule, then level:WAVE for each of
// g.LevelWaves. A goal with a rule has empty level fields; a recorded
// goal's wave without a level is NA. Reading the table back gives g.
func WriteGoals(w io.Writer, g *analysis.Goals, egoIDColumn string) error {
	if egoIDColumn == "" {
		egoIDColumn = "egoID"
	}
	cw := csv.NewWriter(w)
	head := []string{egoIDColumn, "goal", "description", "weight", "rule"}
	for _, wv := range g.LevelWaves {
		head = append(head, "level:"+wv)
	}
	cw.Write(head)
	for _, gl := range g.Goals {
		rule := ""
		if gl.Rule != nil {
			rule = gl.Rule.Text
		}
		row := []string{gl.EgoID, gl.ID, gl.Description, strconv.FormatFloat(gl.Weight, 'g', -1, 64), rule}
		for _, wv := range g.LevelWaves {
			switch l, ok := gl.Levels[wv]; {
			case gl.Rule != nil:
				row = append(row, "")
			case !ok || math.IsNaN(l):
				row = append(row, "NA")
			default:
				row = append(row, strconv.FormatFloat(l, 'g', -1, 64))
			}
		}
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

// WriteEgoCSVDir exports the study into dir (created if needed): egos.csv,
// alters.csv and aaties.csv with the column names it was imported with
// (network.WriteEgoCSVDir), and goals.csv (WriteGoals; the header alone
// when the study has no goals, so that no goals.csv of an earlier export
// is left beside the new tables).
// Importing the files and exporting again gives the same bytes.
func (s *Store) WriteEgoCSVDir(ctx context.Context, dir string) error {
	ds, g, st, err := s.export(ctx)
	if err != nil {
		return err
	}
	if err := network.WriteEgoCSVDir(dir, ds, st.EgoCSVOptions()); err != nil {
		return err
	}
	return writeGoalsFile(dir, g, st)
}

// WriteGraphMLDir exports the study into dir as one GraphML file per
// person and wave (network.WriteGraphMLDatasetDir), and goals.csv as
// WriteEgoCSVDir writes it.
func (s *Store) WriteGraphMLDir(ctx context.Context, dir string) error {
	ds, g, st, err := s.export(ctx)
	if err != nil {
		return err
	}
	if err := network.WriteGraphMLDatasetDir(dir, ds, network.GraphMLOptions{}); err != nil {
		return err
	}
	return writeGoalsFile(dir, g, st)
}

// export reads the study, its dataset and its goals in one transaction.
func (s *Store) export(ctx context.Context) (ds *network.Dataset, g *analysis.Goals, st Study, err error) {
	err = s.read(ctx, func(t *tx) error {
		if st, err = t.study(); err != nil {
			return err
		}
		if ds, err = t.dataset(nil); err != nil {
			return err
		}
		g, err = t.goalsTable(s.path, nil)
		return err
	})
	return ds, g, st, err
}

func writeGoalsFile(dir string, g *analysis.Goals, st Study) error {
	f, err := os.Create(filepath.Join(dir, "goals.csv"))
	if err != nil {
		return err
	}
	if err := WriteGoals(f, g, st.EgoID); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", f.Name(), err)
	}
	return f.Close()
}
