package store

import (
	"context"
	"fmt"
)

// WaveKey names one person's wave.
type WaveKey struct {
	Person, Wave string
}

// Map is one person's map at one wave: the interview, the alters in the
// order added and the ties among them.
type Map struct {
	Interview Interview `json:"interview"`
	Alters    []Alter   `json:"alters"`
	Ties      []Tie     `json:"ties"`
}

// People returns every person in the order added.
func (s *Store) People(ctx context.Context) ([]Person, error) {
	var out []Person
	err := s.read(ctx, func(t *tx) error {
		rs, err := t.QueryContext(ctx, "SELECT pid, coalesce(pseudonym, '') FROM people ORDER BY seq")
		if err != nil {
			return fmt.Errorf("people: %w", err)
		}
		defer rs.Close()
		for rs.Next() {
			var p Person
			if err := rs.Scan(&p.ID, &p.Pseudonym); err != nil {
				return fmt.Errorf("people: %w", err)
			}
			out = append(out, p)
		}
		return rs.Err()
	})
	return out, err
}

// Person returns one person.
func (s *Store) Person(ctx context.Context, id string) (Person, error) {
	var p Person
	err := s.read(ctx, func(t *tx) error {
		pr, err := t.person(id)
		p = pr.p.Person
		return err
	})
	return p, err
}

// Interviews returns a person's waves in the study's wave order.
func (s *Store) Interviews(ctx context.Context, person string) ([]Interview, error) {
	var out []Interview
	err := s.read(ctx, func(t *tx) error {
		if _, err := t.person(person); err != nil {
			return fmt.Errorf("interviews: %w", err)
		}
		ivs, err := t.interviews(person)
		for _, iv := range ivs {
			out = append(out, iv.Interview)
		}
		return err
	})
	return out, err
}

// Map returns a person's map at a wave, read in one transaction.
func (s *Store) Map(ctx context.Context, k WaveKey) (Map, error) {
	var m Map
	err := s.read(ctx, func(t *tx) error {
		id, err := t.interview(k.Person, k.Wave)
		if err != nil {
			return err
		}
		ivs, err := t.interviews(k.Person)
		if err != nil {
			return err
		}
		for _, iv := range ivs {
			if iv.Wave == k.Wave {
				m.Interview = iv.Interview
			}
		}
		as, err := t.alters(id, k.Person, k.Wave)
		if err != nil {
			return err
		}
		ts, err := t.ties(id, k.Person, k.Wave, "")
		if err != nil {
			return err
		}
		m.Alters = make([]Alter, len(as))
		for i, a := range as {
			m.Alters[i] = a.Alter
		}
		m.Ties = make([]Tie, len(ts))
		for i, e := range ts {
			m.Ties[i] = e.Tie
		}
		return nil
	})
	return m, err
}

// Alter returns one alter.
func (s *Store) Alter(ctx context.Context, k AlterKey) (Alter, error) {
	var a Alter
	err := s.read(ctx, func(t *tx) error {
		la, _, err := t.alter(k)
		a = la.Alter
		return err
	})
	return a, err
}

// Goals returns a person's goals in the order added, with their levels.
func (s *Store) Goals(ctx context.Context, person string) ([]Goal, error) {
	var out []Goal
	err := s.read(ctx, func(t *tx) error {
		if _, err := t.person(person); err != nil {
			return fmt.Errorf("goals: %w", err)
		}
		gs, err := t.goals(person, "")
		for _, g := range gs {
			out = append(out, g.Goal)
		}
		return err
	})
	return out, err
}
