package main

// The JSON the page's script (web/app.js) reads: one table of fields
// beside each view type of internal/app (written by fields.go), short keys
// on the hot path. Only the state object and the strings table are
// written by hand.

import (
	"unsafe"

	"francenum-map/internal/app"
	"francenum-map/internal/uitext"
	"francenum-map/internal/viewstate"
)

// Indexes of the nested tables in tables (0: none).
const (
	tFrame uint8 = iota + 1
	tLegendItem
	tRefCircle
	tLegend
	tState
	tColumn
	tTable
	tNational
	tOnTrack
	tAxis
	tCompareItem
	tCompare
	tSpark
	tWarning
)

// tables are the nested tables, by index.
var tables = [...][]field{
	tFrame:       frameFields,
	tLegendItem:  legendItemFields,
	tRefCircle:   refCircleFields,
	tLegend:      legendFields,
	tState:       stateFields,
	tColumn:      columnFields,
	tTable:       tableFields,
	tNational:    nationalFields,
	tOnTrack:     onTrackFields,
	tAxis:        axisFields,
	tCompareItem: compareItemFields,
	tCompare:     compareFields,
	tSpark:       sparkFields,
	tWarning:     warningFields,
}

// offState is the offset of the state in app.View.
const offState = unsafe.Offsetof(app.View{}.State)

var (
	frameFields = []field{
		{"d", kStr, 0, uint16(unsafe.Offsetof(app.Frame{}.D)), 0},
		{"code", kStr, 0, uint16(unsafe.Offsetof(app.Frame{}.Code)), 0},
		{"name", kStr, 0, uint16(unsafe.Offsetof(app.Frame{}.Name)), 0},
		{"x", kNum, 0, uint16(unsafe.Offsetof(app.Frame{}.X)), 0},
		{"y", kNum, 0, uint16(unsafe.Offsetof(app.Frame{}.Y)), 0},
	}
	drawingFields = []field{
		{"w", kNum, 0, uint16(unsafe.Offsetof(app.Drawing{}.W)), 0},
		{"h", kNum, 0, uint16(unsafe.Offsetof(app.Drawing{}.H)), 0},
		{"paths", kStrsJoin, 0, uint16(unsafe.Offsetof(app.Drawing{}.Paths)), 0},
		{"codes", kStrs, 0, uint16(unsafe.Offsetof(app.Drawing{}.Codes)), 0},
		{"names", kStrs, 0, uint16(unsafe.Offsetof(app.Drawing{}.Names)), 0},
		{"lx", kNums, 0, uint16(unsafe.Offsetof(app.Drawing{}.LabelX)), 0},
		{"ly", kNums, 0, uint16(unsafe.Offsetof(app.Drawing{}.LabelY)), 0},
		{"frames", kArr, tFrame, uint16(unsafe.Offsetof(app.Drawing{}.Frames)), uint16(unsafe.Sizeof(app.Frame{}))},
		{"defs", kStr, 0, uint16(unsafe.Offsetof(app.Drawing{}.Defs)), 0},
		{"fs", kNum, 0, uint16(unsafe.Offsetof(app.Drawing{}.LabelSize)), 0},
	}
	monthFields = []field{
		{"mi", kInt, 0, uint16(unsafe.Offsetof(app.MonthView{}.Index)), 0},
		{"c", kBytes, 0, uint16(unsafe.Offsetof(app.MonthView{}.Classes)), 0},
		{"n", kInts, 0, uint16(unsafe.Offsetof(app.MonthView{}.Counts)), 0},
		{"nd", kInt, 0, uint16(unsafe.Offsetof(app.MonthView{}.NoData)), 0},
		{"mlabel", kStr, 0, uint16(unsafe.Offsetof(app.MonthView{}.Label)), 0},
		{"absent", kBool, 0, uint16(unsafe.Offsetof(app.MonthView{}.Absent)), 0},
		{"r", kNumsOpt, 0, uint16(unsafe.Offsetof(app.MonthView{}.Radii)), 0},
	}
	legendItemFields = []field{
		{"c", kInt, 0, uint16(unsafe.Offsetof(app.LegendItem{}.Class)), 0},
		{"color", kStr, 0, uint16(unsafe.Offsetof(app.LegendItem{}.Color)), 0},
		{"label", kStr, 0, uint16(unsafe.Offsetof(app.LegendItem{}.Label)), 0},
		{"long", kStr, 0, uint16(unsafe.Offsetof(app.LegendItem{}.Long)), 0},
		{"count", kInt, 0, uint16(unsafe.Offsetof(app.LegendItem{}.Count)), 0},
	}
	refCircleFields = []field{
		{"v", kNum, 0, uint16(unsafe.Offsetof(app.RefCircle{}.Value)), 0},
		{"r", kNum, 0, uint16(unsafe.Offsetof(app.RefCircle{}.R)), 0},
		{"cy", kNum, 0, uint16(unsafe.Offsetof(app.RefCircle{}.CY)), 0},
		{"ly", kNum, 0, uint16(unsafe.Offsetof(app.RefCircle{}.LabelY)), 0},
		{"label", kStr, 0, uint16(unsafe.Offsetof(app.RefCircle{}.Label)), 0},
	}
	legendFields = []field{
		{"title", kStr, 0, uint16(unsafe.Offsetof(app.Legend{}.Title)), 0},
		{"items", kArr, tLegendItem, uint16(unsafe.Offsetof(app.Legend{}.Items)), uint16(unsafe.Sizeof(app.LegendItem{}))},
		{"nodata", kObj, tLegendItem, uint16(unsafe.Offsetof(app.Legend{}.NoData)), 0},
		{"circles", kArrOpt, tRefCircle, uint16(unsafe.Offsetof(app.Legend{}.Circles)), uint16(unsafe.Sizeof(app.RefCircle{}))},
		{"kcx", kNum, 0, uint16(unsafe.Offsetof(app.Legend{}.KeyCX)), 0},
		{"klx", kNum, 0, uint16(unsafe.Offsetof(app.Legend{}.KeyLabelX)), 0},
		{"kw", kNum, 0, uint16(unsafe.Offsetof(app.Legend{}.KeyW)), 0},
		{"kh", kNum, 0, uint16(unsafe.Offsetof(app.Legend{}.KeyH)), 0},
		{"kfs", kNum, 0, uint16(unsafe.Offsetof(app.Legend{}.KeyFont)), 0},
		{"note", kStr, 0, uint16(unsafe.Offsetof(app.Legend{}.Note)), 0},
		{"quality", kStrOpt, 0, uint16(unsafe.Offsetof(app.Legend{}.Quality)), 0},
	}
	// stateFields write the state shown: the controls read it and the
	// embedding page receives it as the postMessage "state" object.
	stateFields = []field{
		{"ind", kStr, 0, uint16(offState + unsafe.Offsetof(viewstate.State{}.Ind)), 0},
		{"metric", kStr, 0, uint16(offState + unsafe.Offsetof(viewstate.State{}.Metric)), 0},
		{"date", kStr, 0, uint16(unsafe.Offsetof(app.View{}.Date)), 0},
		{"scheme", kStr, 0, uint16(offState + unsafe.Offsetof(viewstate.State{}.Scheme)), 0},
		{"classes", kInt, 0, uint16(offState + unsafe.Offsetof(viewstate.State{}.Classes)), 0},
		{"lang", kStr, 0, uint16(offState + unsafe.Offsetof(viewstate.State{}.Lang)), 0},
		{"dep", kStrs, 0, uint16(offState + unsafe.Offsetof(viewstate.State{}.Deps)), 0},
		{"breaks", kStrOpt, 0, uint16(unsafe.Offsetof(app.View{}.Breaks)), 0},
		{"quality", kBool, 0, uint16(offState + unsafe.Offsetof(viewstate.State{}.Quality)), 0},
	}
	viewFields = []field{
		{"state", kObj, tState, 0, 0},
		{"q", kStr, 0, uint16(unsafe.Offsetof(app.View{}.Query)), 0},
		{"breaksText", kStrOpt, 0, uint16(unsafe.Offsetof(app.View{}.BreaksText)), 0},
		{"breaksErr", kStrOpt, 0, uint16(unsafe.Offsetof(app.View{}.BreaksError)), 0},
		{"iv", kInt, 0, uint16(unsafe.Offsetof(app.View{}.IndVersion)), 0},
		{"mn", kInt, 0, uint16(unsafe.Offsetof(app.View{}.MonthCount)), 0},
		{"present", kBools, 0, uint16(unsafe.Offsetof(app.View{}.Present)), 0},
		{"title", kStr, 0, uint16(unsafe.Offsetof(app.View{}.Title)), 0},
		{"source", kStr, 0, uint16(unsafe.Offsetof(app.View{}.Source)), 0},
		{"userFile", kStrOpt, 0, uint16(unsafe.Offsetof(app.View{}.UserFile)), 0},
		{"head", kStr, 0, uint16(unsafe.Offsetof(app.View{}.Heading)), 0},
		{"sub", kStr, 0, uint16(unsafe.Offsetof(app.View{}.Subtitle)), 0},
		{"hfr", kBool, 0, uint16(unsafe.Offsetof(app.View{}.HeadingFR)), 0},
		{"metrics", kPairs, 0, uint16(unsafe.Offsetof(app.View{}.Metrics)), 0},
		{"cls", kInts, 0, uint16(unsafe.Offsetof(app.View{}.Class)), 0},
		{"aria", kStrs, 0, uint16(unsafe.Offsetof(app.View{}.Aria)), 0},
		{"cf", kStrs, 0, uint16(unsafe.Offsetof(app.View{}.ClassFills)), 0},
		{"ndf", kStr, 0, uint16(unsafe.Offsetof(app.View{}.NoDataFill)), 0},
		{"r", kNumsOpt, 0, uint16(unsafe.Offsetof(app.View{}.Radii)), 0},
		{"flag", kBoolsOpt, 0, uint16(unsafe.Offsetof(app.View{}.Flags)), 0},
		{"legend", kObj, tLegend, uint16(unsafe.Offsetof(app.View{}.Legend)), 0},
	}
	columnFields = []field{
		{"key", kStr, 0, uint16(unsafe.Offsetof(app.Column{}.Key)), 0},
		{"label", kStr, 0, uint16(unsafe.Offsetof(app.Column{}.Label)), 0},
		{"repeat", kBool, 0, uint16(unsafe.Offsetof(app.Column{}.Repeat)), 0},
	}
	tableFields = []field{
		{"caption", kStr, 0, uint16(unsafe.Offsetof(app.Table{}.Caption)), 0},
		{"sort", kStr, 0, uint16(unsafe.Offsetof(app.Table{}.Sort)), 0},
		{"desc", kBool, 0, uint16(unsafe.Offsetof(app.Table{}.Desc)), 0},
		{"cols", kArr, tColumn, uint16(unsafe.Offsetof(app.Table{}.Cols)), uint16(unsafe.Sizeof(app.Column{}))},
		{"rows", kRows, 0, uint16(unsafe.Offsetof(app.Table{}.Rows)), 0},
	}
	nationalFields = []field{
		{"title", kStr, 0, uint16(unsafe.Offsetof(app.National{}.Title)), 0},
		{"lines", kPairs, 0, uint16(unsafe.Offsetof(app.National{}.Lines)), 0},
	}
	onTrackFields = []field{
		{"status", kStr, 0, uint16(unsafe.Offsetof(app.OnTrackPanel{}.Status)), 0},
		{"title", kStr, 0, uint16(unsafe.Offsetof(app.OnTrackPanel{}.Title)), 0},
		{"lines", kStrs, 0, uint16(unsafe.Offsetof(app.OnTrackPanel{}.Lines)), 0},
	}
	axisFields = []field{
		{"max", kStr, 0, uint16(unsafe.Offsetof(app.Axis{}.Max)), 0},
		{"first", kStr, 0, uint16(unsafe.Offsetof(app.Axis{}.First)), 0},
		{"last", kStr, 0, uint16(unsafe.Offsetof(app.Axis{}.Last)), 0},
		{"ymax", kNum, 0, uint16(unsafe.Offsetof(app.Axis{}.YMax)), 0},
		{"y0", kNum, 0, uint16(unsafe.Offsetof(app.Axis{}.Y0)), 0},
		{"x0", kNum, 0, uint16(unsafe.Offsetof(app.Axis{}.X0)), 0},
		{"x1", kNum, 0, uint16(unsafe.Offsetof(app.Axis{}.X1)), 0},
		{"xm", kNumOpt, 0, uint16(unsafe.Offsetof(app.Axis{}.XMonth)), 0},
	}
	compareItemFields = []field{
		{"code", kStr, 0, uint16(unsafe.Offsetof(app.CompareItem{}.Code)), 0},
		{"name", kStr, 0, uint16(unsafe.Offsetof(app.CompareItem{}.Name)), 0},
		{"color", kStr, 0, uint16(unsafe.Offsetof(app.CompareItem{}.Color)), 0},
		{"d", kStr, 0, uint16(unsafe.Offsetof(app.CompareItem{}.D)), 0},
		{"ty", kNumOpt, 0, uint16(unsafe.Offsetof(app.CompareItem{}.TargetY)), 0},
		{"cells", kStrs, 0, uint16(unsafe.Offsetof(app.CompareItem{}.Cells)), 0},
	}
	compareFields = []field{
		{"title", kStr, 0, uint16(unsafe.Offsetof(app.Compare{}.Title)), 0},
		{"help", kStr, 0, uint16(unsafe.Offsetof(app.Compare{}.Help)), 0},
		{"unpin", kStr, 0, uint16(unsafe.Offsetof(app.Compare{}.Unpin)), 0},
		{"clear", kStr, 0, uint16(unsafe.Offsetof(app.Compare{}.Clear)), 0},
		{"measure", kStr, 0, uint16(unsafe.Offsetof(app.Compare{}.Measure)), 0},
		{"w", kInt, 0, uint16(unsafe.Offsetof(app.Compare{}.W)), 0},
		{"h", kInt, 0, uint16(unsafe.Offsetof(app.Compare{}.H)), 0},
		{"axis", kObj, tAxis, uint16(unsafe.Offsetof(app.Compare{}.Axis)), 0},
		{"headers", kStrs, 0, uint16(unsafe.Offsetof(app.Compare{}.Headers)), 0},
		{"items", kArr, tCompareItem, uint16(unsafe.Offsetof(app.Compare{}.Items)), uint16(unsafe.Sizeof(app.CompareItem{}))},
	}
	panelsFields = []field{
		{"table", kObj, tTable, uint16(unsafe.Offsetof(app.Panels{}.Table)), 0},
		{"description", kStr, 0, uint16(unsafe.Offsetof(app.Panels{}.Description)), 0},
		{"national", kObj, tNational, uint16(unsafe.Offsetof(app.Panels{}.National)), 0},
		{"ontrack", kObj, tOnTrack, uint16(unsafe.Offsetof(app.Panels{}.OnTrack)), 0},
		{"compare", kObj, tCompare, uint16(unsafe.Offsetof(app.Panels{}.Compare)), 0},
	}
	sparkFields = []field{
		{"w", kInt, 0, uint16(unsafe.Offsetof(app.Spark{}.W)), 0},
		{"h", kInt, 0, uint16(unsafe.Offsetof(app.Spark{}.H)), 0},
		{"d", kStr, 0, uint16(unsafe.Offsetof(app.Spark{}.D)), 0},
		{"ty", kNumOpt, 0, uint16(unsafe.Offsetof(app.Spark{}.TargetY)), 0},
		{"cx", kNumOpt, 0, uint16(unsafe.Offsetof(app.Spark{}.DotX)), 0},
		{"cy", kNumOpt, 0, uint16(unsafe.Offsetof(app.Spark{}.DotY)), 0},
	}
	tipFields = []field{
		{"code", kStr, 0, uint16(unsafe.Offsetof(app.Tip{}.Code)), 0},
		{"name", kStr, 0, uint16(unsafe.Offsetof(app.Tip{}.Name)), 0},
		{"region", kStr, 0, uint16(unsafe.Offsetof(app.Tip{}.Region)), 0},
		{"value", kStr, 0, uint16(unsafe.Offsetof(app.Tip{}.Value)), 0},
		{"date", kStr, 0, uint16(unsafe.Offsetof(app.Tip{}.Date)), 0},
		{"rank", kStr, 0, uint16(unsafe.Offsetof(app.Tip{}.Rank)), 0},
		{"rankLabel", kStr, 0, uint16(unsafe.Offsetof(app.Tip{}.RankLabel)), 0},
		{"cum", kStr, 0, uint16(unsafe.Offsetof(app.Tip{}.Cum)), 0},
		{"cumLabel", kStr, 0, uint16(unsafe.Offsetof(app.Tip{}.CumLabel)), 0},
		{"target", kStr, 0, uint16(unsafe.Offsetof(app.Tip{}.Target)), 0},
		{"pct", kStr, 0, uint16(unsafe.Offsetof(app.Tip{}.Pct)), 0},
		{"pinned", kBool, 0, uint16(unsafe.Offsetof(app.Tip{}.Pinned)), 0},
		{"spark", kObj, tSpark, uint16(unsafe.Offsetof(app.Tip{}.Spark)), 0},
		{"notes", kStrs, 0, uint16(unsafe.Offsetof(app.Tip{}.Notes)), 0},
	}
	warningFields = []field{
		{"line", kInt, 0, uint16(unsafe.Offsetof(app.FileWarning{}.Line)), 0},
		{"code", kStr, 0, uint16(unsafe.Offsetof(app.FileWarning{}.Code)), 0},
		{"count", kInt, 0, uint16(unsafe.Offsetof(app.FileWarning{}.Count)), 0},
		{"text", kStr, 0, uint16(unsafe.Offsetof(app.FileWarning{}.Text)), 0},
	}
	fileReportFields = []field{
		{"name", kStr, 0, uint16(unsafe.Offsetof(app.FileReport{}.Name)), 0},
		{"kind", kStr, 0, uint16(unsafe.Offsetof(app.FileReport{}.Kind)), 0},
		{"title", kStr, 0, uint16(unsafe.Offsetof(app.FileReport{}.Title)), 0},
		{"ok", kBool, 0, uint16(unsafe.Offsetof(app.FileReport{}.OK)), 0},
		{"error", kStrOpt, 0, uint16(unsafe.Offsetof(app.FileReport{}.Error)), 0},
		{"errorLine", kInt, 0, uint16(unsafe.Offsetof(app.FileReport{}.ErrorLine)), 0},
		{"counts", kStrOpt, 0, uint16(unsafe.Offsetof(app.FileReport{}.Counts)), 0},
		{"coverage", kStrOpt, 0, uint16(unsafe.Offsetof(app.FileReport{}.Coverage)), 0},
		{"read", kInt, 0, uint16(unsafe.Offsetof(app.FileReport{}.Read)), 0},
		{"kept", kInt, 0, uint16(unsafe.Offsetof(app.FileReport{}.Kept)), 0},
		{"rejected", kInt, 0, uint16(unsafe.Offsetof(app.FileReport{}.Rejected)), 0},
		{"nwarnings", kInt, 0, uint16(unsafe.Offsetof(app.FileReport{}.NWarnings)), 0},
		{"warnings", kArr, tWarning, uint16(unsafe.Offsetof(app.FileReport{}.Warnings)), uint16(unsafe.Sizeof(app.FileWarning{}))},
		{"indicators", kStrs, 0, uint16(unsafe.Offsetof(app.FileReport{}.Indicators)), 0},
		{"i", kInt, 0, uint16(unsafe.Offsetof(app.FileReport{}.Index)), 0},
	}
	indicatorFields = []field{
		{"id", kStr, 0, uint16(unsafe.Offsetof(app.IndicatorItem{}.ID)), 0},
		{"name", kStr, 0, uint16(unsafe.Offsetof(app.IndicatorItem{}.Name)), 0},
	}
	searchFields = []field{
		{"code", kStr, 0, uint16(unsafe.Offsetof(app.SearchHit{}.Code)), 0},
		{"name", kStr, 0, uint16(unsafe.Offsetof(app.SearchHit{}.Name)), 0},
		{"group", kStr, 0, uint16(unsafe.Offsetof(app.SearchHit{}.Group)), 0},
	}
)

// object writes the struct at p with its table as one JSON object, in a
// buffer of size bytes to start with (about the expected length: growing
// it copies).
func object(p unsafe.Pointer, fs []field, size int) string {
	w := jw{b: make([]byte, 0, size)}
	w.obj()
	writeFields(&w, p, fs)
	w.endObj()
	return w.String()
}

// array writes the slice at p (of structs elem bytes long) with the
// table of its element as one JSON array.
func array(p unsafe.Pointer, fs []field, elem uintptr) string {
	h := (*sliceHeader)(p)
	w := jw{b: make([]byte, 0, 64+h.len*160)}
	writeArray(&w, h, fs, elem)
	return w.String()
}

// encodeView writes app.View with the notices to show once.
func encodeView(v *app.View, notices []string) string {
	var w jw
	w.b = make([]byte, 0, 12<<10)
	w.obj()
	writeFields(&w, unsafe.Pointer(v), viewFields)
	writeFields(&w, unsafe.Pointer(&v.Month), monthFields[:len(monthFields)-1])
	w.strs("pinned", v.State.Deps).strs("notices", notices)
	w.endObj()
	return w.String()
}

// encodeUI writes every interface string of lang as one object.
func encodeUI(lang string) string {
	var w jw
	w.obj()
	for _, s := range uitext.All {
		w.ks(s.Key, uitext.T(lang, s.Key))
	}
	w.endObj()
	return w.String()
}
