package measures

import (
	"fmt"
	"strings"

	"github.com/sociogram/sociogram/network"
)

// FollowUp is what changed in one person's map between two meetings,
// alter by alter: the lists behind the counts of the change table (kept,
// gained, lost, closer, further, role_changed), so that a follow-up can
// show each alter as kept, gone or changed.
type FollowUp struct {
	EgoID string
	// From and To are the waves of the two maps.
	From, To string
	// Kept, Gained and Lost are alter IDs as AlterChange gives them (kept
	// and gained in the order of the later map, lost in the order of the
	// earlier one).
	Kept, Gained, Lost []string
	// Closer and Further are the kept alters whose ring number went down
	// (closer) or up (further), in the order of the later map; alters
	// whose ring is missing or not a number at either meeting are in
	// neither (RingMoves counts the same alters).
	Closer, Further []string
	// RoleChanged are the kept alters whose role changed (compared as
	// text, ignoring case and surrounding spaces; AttrChanges counts the
	// same alters).
	RoleChanged []string
}

// FollowUpOf compares an earlier and a later map of one person (see
// FollowUp), reading rings from opt's ring attribute and roles from its
// role attribute. When either map is nil only EgoID, From and To are set.
// Complexity O(n_B + n_A).
func FollowUpOf(before, after *network.EgoNet, opt WordsOptions) FollowUp {
	c := AlterChange(before, after)
	f := FollowUp{EgoID: c.EgoID, From: c.From, To: c.To, Kept: c.Kept, Gained: c.Gained, Lost: c.Lost}
	if !c.Present() {
		return f
	}
	ring, role := opt.ring(), opt.role()
	ib := alterPositions(before)
	rb, okRB := before.AlterValues(ring)
	ra, okRA := after.AlterValues(ring)
	pb, okPB := before.AlterValues(role)
	pa, okPA := after.AlterValues(role)
	for j, a := range after.Alters {
		i, kept := ib[a.ID]
		if !kept {
			continue
		}
		if okRB && okRA {
			x, okx := rb[i].Float()
			y, oky := ra[j].Float()
			switch {
			case !okx || !oky:
			case y < x:
				f.Closer = append(f.Closer, a.ID)
			case y > x:
				f.Further = append(f.Further, a.ID)
			}
		}
		if okPB && okPA && !pb[i].IsMissing() && !pa[j].IsMissing() && normValue(pb[i].Text) != normValue(pa[j].Text) {
			f.RoleChanged = append(f.RoleChanged, a.ID)
		}
	}
	return f
}

// DescribeChange says in plain words what changed between an earlier and
// a later map of one person (FollowUpOf), one sentence per change
// measure, each naming the alters concerned (by opt.Label, else their ID)
// and listing their IDs in Alters:
//
//   - kept: how many of the earlier map are still there ("6 of the 7 on
//     your map at wave 1 are still there: …"), Values kept, earlier size;
//   - lost: how many are no longer there ("1 is no longer on your map:
//     Bob.");
//   - gained: how many are new ("2 are new since wave 1: Gus and Hal.");
//   - closer, further: kept alters who moved between rings, with their
//     rings ("1 moved closer: Eve (ring 3 to 2)."), only when not 0;
//   - role_changed: kept alters whose role changed, with both roles, only
//     when not 0.
//
// kept, lost and gained are always said when both maps exist; DescribeChange
// returns nil when either map is nil (there is nothing to compare). The
// earlier meeting is called "wave W", or "last time" when it has no wave.
func DescribeChange(before, after *network.EgoNet, opt WordsOptions) []Sentence {
	if before == nil || after == nil {
		return nil
	}
	f := FollowUpOf(before, after, opt)
	since := "last time"
	if before.Wave != "" {
		since = "wave " + before.Wave
	}
	nb := len(before.Alters)
	nameB, nameA := alterNamer(before, opt.Label), alterNamer(after, opt.Label)
	var out []Sentence
	say := func(measure, text string, ids []string, values ...float64) {
		out = append(out, Sentence{Measure: measure, Values: values, Text: text, Alters: ids})
	}

	k := len(f.Kept)
	var text string
	switch {
	case nb == 0:
		text = fmt.Sprintf("Your map at %s was empty.", since)
	case k == 0:
		text = fmt.Sprintf("None of the %d on your map at %s are on it now.", nb, since)
	case k == nb && nb == 1:
		text = fmt.Sprintf("The 1 on your map at %s is still there: %s.", since, nameA.list(f.Kept))
	case k == nb:
		text = fmt.Sprintf("All %d on your map at %s are still there.", nb, since)
	case k == 1:
		text = fmt.Sprintf("1 of the %d on your map at %s is still there: %s.", nb, since, nameA.list(f.Kept))
	default:
		text = fmt.Sprintf("%d of the %d on your map at %s are still there: %s.", k, nb, since, nameA.list(f.Kept))
	}
	say("kept", text, f.Kept, float64(k), float64(nb))

	switch len(f.Lost) {
	case 0:
		text = fmt.Sprintf("No one has gone from your map since %s.", since)
	case 1:
		text = fmt.Sprintf("1 is no longer on your map: %s.", nameB.list(f.Lost))
	default:
		text = fmt.Sprintf("%d are no longer on your map: %s.", len(f.Lost), nameB.list(f.Lost))
	}
	say("lost", text, f.Lost, float64(len(f.Lost)))

	switch len(f.Gained) {
	case 0:
		text = fmt.Sprintf("No one is new since %s.", since)
	case 1:
		text = fmt.Sprintf("1 is new since %s: %s.", since, nameA.list(f.Gained))
	default:
		text = fmt.Sprintf("%d are new since %s: %s.", len(f.Gained), since, nameA.list(f.Gained))
	}
	say("gained", text, f.Gained, float64(len(f.Gained)))

	ib, ia := alterPositions(before), alterPositions(after)
	moves := func(measure, verb string, ids []string, attr, what string) {
		if len(ids) == 0 {
			return
		}
		vb, _ := before.AlterValues(attr)
		va, _ := after.AlterValues(attr)
		parts := make([]string, len(ids))
		for i, id := range ids {
			parts[i] = fmt.Sprintf("%s (%s%s to %s)", nameA.name(id), what,
				strings.TrimSpace(vb[ib[id]].Text), strings.TrimSpace(va[ia[id]].Text))
		}
		say(measure, fmt.Sprintf("%d %s: %s.", len(ids), verb, join(parts)), ids, float64(len(ids)))
	}
	moves("closer", "moved closer", f.Closer, opt.ring(), "ring ")
	moves("further", "moved further out", f.Further, opt.ring(), "ring ")
	verb := "has a new role"
	if len(f.RoleChanged) > 1 {
		verb = "have a new role"
	}
	moves("role_changed", verb, f.RoleChanged, opt.role(), "")
	return out
}

// namer names the alters of one map by a label attribute, else by ID.
type namer struct {
	ids    map[string]int
	labels []network.Value // nil without a label attribute
}

func alterNamer(e *network.EgoNet, label string) namer {
	n := namer{ids: alterPositions(e)}
	if label != "" {
		n.labels, _ = e.AlterValues(label)
	}
	return n
}

func (n namer) name(id string) string {
	if i, ok := n.ids[id]; ok && n.labels != nil && !n.labels[i].IsMissing() {
		if s := strings.TrimSpace(n.labels[i].Text); s != "" {
			return s
		}
	}
	return id
}

func (n namer) list(ids []string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = n.name(id)
	}
	return join(names)
}

// join is "A", "A and B", "A, B and C".
func join(s []string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}
