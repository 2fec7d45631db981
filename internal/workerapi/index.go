package workerapi

import (
	"encoding/json"
	"time"

	"francenum-map/internal/unitkind"
)

// IndicatorsPath is the index of the indicators; IndicatorsPrefix starts
// each indicator's files: {id}.csv (detail rows), {id}/synthese.csv,
// {id}/national.csv.
const (
	IndicatorsPath   = "/api/v1/indicators"
	IndicatorsPrefix = IndicatorsPath + "/"
)

// IndicatorPath is the path of an indicator's rows of a served file.
func IndicatorPath(name, id string) string {
	if name == "detail" {
		return IndicatorsPrefix + id + ".csv"
	}
	return IndicatorsPrefix + id + "/" + name + ".csv"
}

// SnapshotIndicatorPath is the static asset of an indicator's rows in the
// build snapshot; SnapshotIndexPath is the snapshot's index.
func SnapshotIndicatorPath(name, id string) string {
	if name == "detail" {
		return "/snapshot/indicators/" + id + ".csv"
	}
	return "/snapshot/indicators/" + id + "/" + name + ".csv"
}

// SnapshotIndexPath is the static asset of the snapshot's index.
const SnapshotIndexPath = "/snapshot/indicators.json"

// IndexEntry describes one indicator in GET /api/v1/indicators.
type IndexEntry struct {
	ID         string        `json:"id"`
	Indicateur string        `json:"indicateur"`
	Mesure     string        `json:"mesure"`
	Unite      string        `json:"unite"`
	Kind       unitkind.Kind `json:"kind"`
	// Cumulative: a running total (a decrease is a correction or an error).
	Cumulative  bool   `json:"cumulative"`
	Departments int    `json:"departments"`
	First       string `json:"first"` // earliest date, YYYY-MM-DD
	Last        string `json:"last"`
	Rows        int    `json:"rows"`
	// HasTarget: the synthese gives a target (cible) for some department.
	HasTarget bool `json:"has_target"`
	// Updated is the publisher's date of the release its rows come from.
	Updated string `json:"updated"`
	// The paths of its files; synthese and national only when they have rows.
	Detail   string `json:"detail"`
	Synthese string `json:"synthese,omitempty"`
	National string `json:"national,omitempty"`
}

// Index is the GET /api/v1/indicators document.
type Index struct {
	// Updated is the publisher's date of the departmental detail file.
	Updated    string       `json:"updated"`
	SourceLine string       `json:"source_line"`
	Licence    string       `json:"licence"`
	Indicators []IndexEntry `json:"indicators"`
}

// BuildIndex writes the index of the indicators with department rows in
// the detail split, in the file's order; synthese and national may be nil.
func BuildIndex(detail, synthese, national *PartSet, updated time.Time) []byte {
	idx := Index{SourceLine: SourceLine(updated), Licence: "Licence Ouverte 2.0", Indicators: []IndexEntry{}}
	if !updated.IsZero() {
		idx.Updated = updated.UTC().Format("2006-01-02")
	}
	part := func(set *PartSet, id string) *Part {
		if set == nil {
			return nil
		}
		return set.Parts[id]
	}
	for _, id := range detail.Order {
		p := detail.Parts[id]
		if p == nil || p.Departments == 0 {
			continue
		}
		e := IndexEntry{ID: id, Indicateur: p.Indicateur, Mesure: p.Mesure, Unite: p.Unite, Kind: p.Kind,
			Cumulative: p.Cumulative, Departments: p.Departments, First: p.First, Last: p.Latest, Rows: p.Rows,
			Updated: p.LastModified.UTC().Format("2006-01-02"), Detail: IndicatorPath("detail", id)}
		if sp := part(synthese, id); sp != nil {
			e.HasTarget, e.Synthese = sp.HasTarget, IndicatorPath("synthese", id)
		}
		if part(national, id) != nil {
			e.National = IndicatorPath("national", id)
		}
		idx.Indicators = append(idx.Indicators, e)
	}
	b, _ := json.MarshalIndent(idx, "", " ")
	return append(b, '\n')
}
