// Package indicator is the registry of the indicators the map knows by
// name: their publisher's id, their names in French and English, what they
// count and, for a closed scheme, the day it closed. The app, the
// description, the commands and the Worker read them from here; an
// indicator found only in a user's file has no entry and shows its id or
// the file's label.
package indicator

import (
	"francenum-map/internal/barometre"
	"francenum-map/internal/frfmt"
)

// Ids of the two mapped indicators (the publisher's spelling, "cheaque"
// included).
const (
	Cheques     = "nb-entreprises-cheaque-numerique"
	Diagnostics = "nb-diagnostics-individualises"
)

// Default is the indicator the map opens on.
const Default = Cheques

// Unit is what an indicator counts.
type Unit uint8

// Units.
const (
	Firms Unit = iota // entreprises / firms
)

// Text is one piece of wording in French and English.
type Text struct{ FR, EN string }

// In returns the text in l.
func (t Text) In(l frfmt.Lang) string {
	if l == frfmt.EN {
		return t.EN
	}
	return t.FR
}

// Info is one registered indicator.
type Info struct {
	ID string
	// Name is the short title: "Chèques numériques".
	Name Text
	// Noun is the plural noun phrase of a sentence: "chèques numériques".
	Noun Text
	// Participle agrees with Noun: "attribués" / "granted".
	Participle Text
	// Unit is what is counted.
	Unit Unit
	// Closed is the day the scheme closed to new applications (no
	// projection after it); 0 while open.
	Closed barometre.Date
}

// All lists the registered indicators, the default first.
var All = [...]Info{
	{
		ID:         Cheques,
		Name:       Text{"Chèques numériques", "Digital vouchers"},
		Noun:       Text{"chèques numériques", "digital vouchers"},
		Participle: Text{"attribués", "granted"},
		Unit:       Firms,
		Closed:     barometre.NewDate(2021, 7, 31),
	},
	{
		ID:         Diagnostics,
		Name:       Text{"Diagnostics numériques", "Digital diagnostics"},
		Noun:       Text{"diagnostics numériques", "digital diagnostics"},
		Participle: Text{"réalisés", "carried out"},
		Unit:       Firms,
	},
}

// Lookup returns the registry entry of id; ok is false for an unknown id.
func Lookup(id string) (Info, bool) {
	for _, in := range All {
		if in.ID == id {
			return in, true
		}
	}
	return Info{}, false
}

// IDs returns the registered ids, the default first.
func IDs() []string {
	out := make([]string, len(All))
	for i, in := range All {
		out[i] = in.ID
	}
	return out
}

// UnitText is the plural noun of a unit: "entreprises" / "firms".
func UnitText(u Unit, l frfmt.Lang) string {
	return Text{"entreprises", "firms"}.In(l)
}
