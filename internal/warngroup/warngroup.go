// Package warngroup groups the warnings of a file by reason, so that a page
// shows « Doublon, même valeur : 1 159 lignes (220, 221, …) » once instead
// of 200 identical lines and a « … 1 546 » more. The groups of the
// indicators on the map come first: a duplicate in an unrelated indicator
// matters less than a bad value in the one the reader is looking at.
//
// It is linked into the browser's wasm: no fmt, no reflection.
package warngroup

import "francenum-map/internal/barometre"

// Scope says whose rows a group holds.
type Scope uint8

const (
	// Mapped groups hold rows of the indicators on the map.
	Mapped Scope = iota
	// Unknown groups hold rows whose id_indicateur could not be read
	// (wrong field count, broken quotes, empty id): they may be anyone's.
	Unknown
	// Other groups hold rows of the other indicators of the file.
	Other
)

// DefaultLines is how many line numbers a group lists by default.
const DefaultLines = 5

// Group is the warnings of one reason in one scope.
type Group struct {
	// Code is the reason (barometre.Warn…).
	Code barometre.Code
	// Scope says whose rows they are.
	Scope Scope
	// Count is the number of warnings in the group.
	Count int
	// Lines are the line numbers of its first warnings, in file order (at
	// most the maxLines given to Of).
	Lines []int
	// First is the group's first warning, to render as an example.
	First barometre.Warning
	// Indicators is the number of distinct indicators in the group (0 for
	// the Unknown scope).
	Indicators int
}

// Of groups ws (in file order, as barometre returns them) by scope and
// Code. mapped are the ids of the indicators on the map. The groups come
// Mapped first, then Unknown, then Other; within a scope, in the order of
// their first warning. maxLines ≤ 0 means DefaultLines.
func Of(ws []barometre.Warning, mapped []string, maxLines int) []Group {
	if maxLines <= 0 {
		maxLines = DefaultLines
	}
	type key struct {
		scope Scope
		code  barometre.Code
	}
	index := map[key]int{}
	var groups []Group
	var inds []map[string]bool
	for _, w := range ws {
		k := key{scopeOf(w.Indicator, mapped), w.Code}
		i, ok := index[k]
		if !ok {
			i = len(groups)
			index[k] = i
			groups = append(groups, Group{Code: w.Code, Scope: k.scope, First: w})
			inds = append(inds, map[string]bool{})
		}
		g := &groups[i]
		g.Count++
		if len(g.Lines) < maxLines {
			g.Lines = append(g.Lines, w.Line)
		}
		if w.Indicator != "" {
			inds[i][w.Indicator] = true
		}
	}
	// A stable insertion sort by scope: groups are few (one per code and
	// scope, at most 3 × len(barometre.Codes)).
	for i := 1; i < len(groups); i++ {
		for j := i; j > 0 && groups[j].Scope < groups[j-1].Scope; j-- {
			groups[j], groups[j-1] = groups[j-1], groups[j]
			inds[j], inds[j-1] = inds[j-1], inds[j]
		}
	}
	for i := range groups {
		groups[i].Indicators = len(inds[i])
	}
	return groups
}

func scopeOf(id string, mapped []string) Scope {
	if id == "" {
		return Unknown
	}
	for _, m := range mapped {
		if m == id {
			return Mapped
		}
	}
	return Other
}
