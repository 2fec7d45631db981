package classify

import "slices"

func sortLarge(xs []float64) { slices.Sort(xs) }
