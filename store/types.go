package store

import (
	"encoding/json"
	"errors"
	"time"
)

// Sentinel errors, wrapped by the errors of the Store's methods, which also
// name the table and the key ("alters: person P01 wave 2 alter a3: not
// found").
var (
	// ErrNotFound: the person, wave, alter, tie or goal does not exist.
	ErrNotFound = errors.New("not found")
	// ErrExists: a person, wave, alter, tie or goal with that key exists.
	ErrExists = errors.New("already exists")
	// ErrInvalid: a value is out of range (a ring below 1, a GAS level
	// outside −2…2, a weight that is not > 0, a tie of an alter with
	// itself, an unknown quality).
	ErrInvalid = errors.New("invalid value")
	// ErrNothingToUndo: the person has no change left to undo.
	ErrNothingToUndo = errors.New("nothing to undo")
	// ErrNotStore: the file is not a sociogram study database, or one of
	// a newer schema.
	ErrNotStore = errors.New("not a sociogram study database")
)

// Person is one person whose network is mapped: the ego of the
// three-table files.
type Person struct {
	// ID is the person's study ID (the egoID column): short, unique,
	// not a name. AddPerson chooses one ("p1", "p2", …) when it is empty.
	ID string `json:"id"`
	// Pseudonym is the name the page shows; "" for none. Exported as the
	// egos column "pseudonym" once some person has one.
	Pseudonym string `json:"pseudonym"`
}

// Interview is a person at one wave (one meeting): a row of egos.csv.
type Interview struct {
	Person string `json:"person"`
	// Wave is the wave label ("1", "2", …; "" in a study without waves).
	Wave string `json:"wave"`
	// Date is the meeting's date, YYYY-MM-DD, or "" (egos column "date").
	Date string `json:"date"`
	// Attrs are the ego's other attributes at this wave (egos.csv
	// columns), by column name; a missing value is absent.
	Attrs map[string]string `json:"attrs,omitempty"`
}

// Alter is someone or something a person named at one wave: a person, a
// place, a service, …; a row of alters.csv.
type Alter struct {
	Person string `json:"person"`
	Wave   string `json:"wave"`
	// Key is the alter's ID (the alterID column), the same at every wave
	// for the same alter. AddAlter chooses one ("a1", "a2", …, unique in
	// the person's data) when it is empty.
	Key string `json:"key"`
	// Name is the alter's name or pseudonym (alters column "name").
	Name string `json:"name"`
	// Role is the relationship: family, friend, neighbour, … (column
	// "role").
	Role string `json:"role"`
	// Type is person, place, service, group, … ("" = person; column
	// "type").
	Type string `json:"type"`
	// Ring is the closeness circle, 1 = closest; 0 = not placed (column
	// "ring"; the page uses 1…3).
	Ring int `json:"ring"`
	// Sector is the sector of the map the alter is placed in (column
	// "sector"); "" = not placed.
	Sector string `json:"sector"`
	// Quality is the relationship's quality for the ecomap: strong,
	// tenuous, stressful or "" (column "quality").
	Quality string `json:"quality"`
	// Flow is the direction of support between the person and the alter:
	// "to ego", "from ego", "both" or "" (column "flow").
	Flow string `json:"flow"`
	// Weight is the ego–alter weight (1 when the study has none).
	Weight float64 `json:"weight"`
	// Attrs are the alter's other attributes by column name; a missing
	// value is absent.
	Attrs map[string]string `json:"attrs,omitempty"`
}

// AlterKey names one alter at one wave.
type AlterKey struct {
	Person, Wave, Alter string
}

// Tie is a tie between two alters of a person at one wave: a row of
// aaties.csv.
type Tie struct {
	Person string `json:"person"`
	Wave   string `json:"wave"`
	// A and B are the alters' keys (Source and Target columns). In an
	// undirected study A–B and B–A are the same tie.
	A string `json:"a"`
	B string `json:"b"`
	// Quality is strong, tenuous, stressful or "" (column "quality").
	Quality string `json:"quality"`
	// Flow is the direction of support along the tie or "" (column
	// "flow").
	Flow string `json:"flow"`
	// Type is the tie type or types joined with "|" (column "type").
	Type string `json:"type"`
	// Weight is the tie weight (1 when the study has none).
	Weight float64 `json:"weight"`
	// Attrs are the tie's other attributes by column name.
	Attrs map[string]string `json:"attrs,omitempty"`
}

// TieKey names one tie at one wave; A and B in either order for an
// undirected study.
type TieKey struct {
	Person, Wave, A, B string
}

// Goal is one goal of a person's Goal Attainment Scale: a row of
// goals.csv (see analysis.ReadGoalsFrom).
type Goal struct {
	Person string `json:"person"`
	// ID is the goal's name, unique per person (goals.csv column "goal").
	// AddGoal chooses one ("g1", "g2", …) when it is empty.
	ID          string  `json:"id"`
	Description string  `json:"description"`
	Weight      float64 `json:"weight"` // importance, > 0
	// Rule is a rule on the data (analysis.ParseGoalRule), or "" for a
	// goal whose levels the worker records.
	Rule string `json:"rule"`
	// Baseline is the wave the goal was set at ("" unknown). It is not a
	// column of goals.csv: an imported goal gets the person's first wave.
	Baseline string `json:"baseline"`
	// Levels are the recorded GAS levels (−2…2) by wave; a wave not
	// scored is absent. Read-only here: set them with SetLevel.
	Levels map[string]int `json:"levels,omitempty"`
}

// GoalKey names one goal of a person.
type GoalKey struct {
	Person, Goal string
}

// Change is one row of the append-only change log.
type Change struct {
	ID int64     `json:"id"`
	At time.Time `json:"at"`
	By string    `json:"by"` // the actor given to Store.By
	// Person is the person's study ID; "" once the person is erased.
	Person string `json:"person"`
	// Ref is the person's opaque reference, which the log keeps after
	// erasure (it is not the study ID and holds no data).
	Ref string `json:"ref"`
	// Wave is the wave the change touched ("" for a change of the person
	// or of goals).
	Wave string `json:"wave"`
	// Action is what was done: person.add, person.update, wave.add,
	// wave.update, followup, alter.add, alter.update, alter.place, alter.remove,
	// tie.add, tie.update, tie.remove, goal.add, goal.update,
	// goal.remove, level.set, import, undo, erase.
	Action string `json:"action"`
	// What says it in words, with the keys involved; "" after erasure,
	// except in the erasure row.
	What string `json:"what"`
	// Before and After hold the rows the change touched, as JSON objects
	// {"people": […], "interviews": […], "alters": […], "ties": […],
	// "goals": […]}; nil when there were none, and nil after erasure.
	Before json.RawMessage `json:"before"`
	After  json.RawMessage `json:"after"`
	// Undoes is the ID of the change an undo row reverted (0 otherwise).
	Undoes int64 `json:"undoes,omitempty"`
}

// Study holds the study-wide settings the three-table files were read
// with, so that an export writes the same columns.
type Study struct {
	EgoID   string // ego ID column (default "egoID")
	Wave    string // wave column ("" for none; "wave" for a study begun in the store)
	AlterID string // alter ID column (default "alterID")
	Source  string // first alter of a tie (default "Source")
	Target  string // second alter of a tie (default "Target")
	// AlterWeight and TieWeight name the weight columns; "" when the study
	// has no such weights.
	AlterWeight, TieWeight string
	Directed               bool // ties are arcs A → B
	// EgoColumns, AlterColumns and TieColumns are the attribute columns
	// of egos.csv, alters.csv and aaties.csv in the order written (the
	// named fields such as "ring" included where the study has them).
	EgoColumns, AlterColumns, TieColumns []string
	// Waves are the wave labels in study order.
	Waves []string
}
