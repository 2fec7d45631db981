package main

import (
	"math"
	"sort"
)

// Stat summarises repeated measurements: median with min and max.
type Stat struct {
	Median  float64   `json:"median"`
	Min     float64   `json:"min"`
	Max     float64   `json:"max"`
	N       int       `json:"n"`
	Samples []float64 `json:"samples,omitempty"`
}

// Summarise returns the median, min and max of xs (NaN-free). An empty input
// gives a zero Stat with N == 0, which the checks treat as "not measured".
func Summarise(xs []float64) Stat {
	if len(xs) == 0 {
		return Stat{}
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	n := len(s)
	med := s[n/2]
	if n%2 == 0 {
		med = (s[n/2-1] + s[n/2]) / 2
	}
	return Stat{Median: round3(med), Min: round3(s[0]), Max: round3(s[n-1]), N: n, Samples: roundAll(xs)}
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

func roundAll(xs []float64) []float64 {
	out := make([]float64, len(xs))
	for i, x := range xs {
		out[i] = round3(x)
	}
	return out
}

// summariseAll summarises each series of a map.
func summariseAll(m map[string][]float64) map[string]Stat {
	out := make(map[string]Stat, len(m))
	for k, v := range m {
		out[k] = Summarise(v)
	}
	return out
}
