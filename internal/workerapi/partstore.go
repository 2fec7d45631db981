package workerapi

import (
	"context"
	"encoding/json"
	"errors"
	"time"
)

// SplitParts checks each indicator a Splitter found against its current
// rows (prev, nil for a first version) and returns the new PartSet and the
// files to store under each new part's key (put(id, key, file), called one file at a
// time, so that only one indicator's copy is alive at once). An indicator
// whose rows fail keeps its current rows, with the reason in Part.Kept,
// or is listed in Refused when it has none; an indicator absent from the
// release keeps its rows too. It is shared by the refresh and by
// `francenum snapshot`.
func SplitParts(spec FileSpec, sp *Splitter, prev *PartSet, upstreamURL string, lm time.Time,
	put func(id, key string, file []byte) error) (*PartSet, error) {
	set := &PartSet{Parts: map[string]*Part{}, Refused: map[string]string{}}
	release := "the release of " + lm.UTC().Format("2006-01-02")
	var before map[string]*Part
	if prev != nil {
		before = prev.Parts
	}
	keep := func(id, why string) bool {
		old := before[id]
		if old == nil {
			return false
		}
		k := *old
		k.Kept = why
		set.Parts[id] = &k
		set.Order = append(set.Order, id)
		return true
	}
	for _, id := range sp.IDs() {
		if !ValidID(id) {
			set.Refused[id] = "an id_indicateur that no path can name (lower-case letters, digits and single hyphens, at most 100 bytes)"
			continue
		}
		file := sp.File(id)
		p, err := SummarizePart(spec.Name, id, file)
		if err == nil {
			err = CheckPart(spec.Departmental, p, before[id])
		}
		if err != nil {
			if !keep(id, release+" was refused: "+err.Error()) {
				set.Refused[id] = err.Error()
			}
			continue
		}
		p.Key, p.ETag, p.LastModified = PartKey(spec.Name, id, upstreamURL, lm), ETagOf("p", file), lm
		if !p.Cumulative {
			p.Sums = nil // only a cumulative total is compared by its sums
		}
		if err := put(id, p.Key, file); err != nil {
			return nil, errors.New("storing " + id + ": " + err.Error())
		}
		set.Parts[id] = &p
		set.Order = append(set.Order, id)
	}
	if prev != nil {
		for _, id := range prev.Order {
			if set.Parts[id] == nil && set.Refused[id] == "" {
				keep(id, "absent from "+release)
			}
		}
	}
	if len(set.Refused) == 0 {
		set.Refused = nil
	}
	return set, nil
}

// storeParts splits a new version into the store: each indicator's file,
// then the PartSet; it returns the PartSet's key.
func (s *Service) storeParts(ctx context.Context, fc FileConfig, sp *Splitter, prev *PartSet, v *Version) (*PartSet, error) {
	set, err := SplitParts(fc.Spec, sp, prev, v.UpstreamURL, v.LastModified, func(_, key string, file []byte) error {
		return s.Store.Put(ctx, key, file)
	})
	if err != nil {
		return nil, err
	}
	b, _ := json.Marshal(set)
	key := PartsKey(fc.Spec.Name, v.UpstreamURL, v.LastModified)
	if err := s.Store.Put(ctx, key, b); err != nil {
		return nil, errors.New("storing the indicators: " + err.Error())
	}
	v.Parts, v.Indicators, v.RefusedIndicators = key, len(set.Parts), set.Refused
	for id, p := range set.Parts {
		if p.Kept != "" {
			if v.KeptIndicators == nil {
				v.KeptIndicators = map[string]string{}
			}
			v.KeptIndicators[id] = p.Kept
		}
	}
	return set, nil
}

// loadParts reads a stored PartSet (false when absent or unreadable).
func (s *Service) loadParts(ctx context.Context, key string) (*PartSet, bool) {
	if key == "" {
		return nil, false
	}
	b, ok, err := s.Store.Get(ctx, key)
	if err != nil || !ok {
		return nil, false
	}
	var set PartSet
	if json.Unmarshal(b, &set) != nil || set.Parts == nil {
		return nil, false
	}
	return &set, true
}

// dropParts deletes what old holds and new does not (kept parts stay).
func (s *Service) dropParts(ctx context.Context, oldKey string, old, new *PartSet) {
	if old == nil {
		return
	}
	live := map[string]bool{}
	if new != nil {
		for _, p := range new.Parts {
			live[p.Key] = true
		}
	}
	for _, p := range old.Parts {
		if !live[p.Key] {
			_ = s.Store.Delete(ctx, p.Key)
		}
	}
	_ = s.Store.Delete(ctx, oldKey)
}
