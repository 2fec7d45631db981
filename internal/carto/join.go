package carto

// JoinReport tells how the codes of the geometry and of the data match, so
// the UI can say which departments have no data and which data rows have no
// shape.
type JoinReport struct {
	// Matched codes, in geometry order.
	Matched []string
	// OnlyInData are data codes without geometry, in data order.
	OnlyInData []string
	// OnlyInGeometry are geometry codes without data, in geometry order.
	OnlyInGeometry []string
}

// OK reports whether every code matched on both sides.
func (r JoinReport) OK() bool { return len(r.OnlyInData) == 0 && len(r.OnlyInGeometry) == 0 }

// Join matches department codes exactly (normalise them first, e.g. with
// dept.Normalize). Duplicates are reported once.
func Join(geometryCodes, dataCodes []string) JoinReport {
	inData := make(map[string]bool, len(dataCodes))
	for _, c := range dataCodes {
		inData[c] = true
	}
	inGeom := make(map[string]bool, len(geometryCodes))
	var r JoinReport
	for _, c := range geometryCodes {
		if inGeom[c] {
			continue
		}
		inGeom[c] = true
		if inData[c] {
			r.Matched = append(r.Matched, c)
		} else {
			r.OnlyInGeometry = append(r.OnlyInGeometry, c)
		}
	}
	seen := make(map[string]bool, len(dataCodes))
	for _, c := range dataCodes {
		if !inGeom[c] && !seen[c] {
			r.OnlyInData = append(r.OnlyInData, c)
		}
		seen[c] = true
	}
	return r
}
