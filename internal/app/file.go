package app

// IndicatorItem is one choice of the #indicator select.
type IndicatorItem struct {
	_        noEq
	ID, Name string
}

// Indicators lists the mappable indicators of the model (with departmental
// values), with their display names.
func (a *App) Indicators() []IndicatorItem {
	var out []IndicatorItem
	for _, ind := range a.model.Indicators {
		if len(ind.Dates) == 0 || len(ind.Depts) == 0 {
			continue // national-only or synthese-only: nothing to map
		}
		out = append(out, IndicatorItem{ID: ind.ID, Name: a.indicatorName(ind)})
	}
	return out
}
