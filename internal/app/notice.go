package app

import (
	"strconv"
	"strings"

	"francenum-map/internal/frfmt"
	"francenum-map/internal/viewstate"
)

// noticeCut is how many characters of a refused value a notice repeats
// (a long bad value is cut), and noticeNames how many unknown keys it
// names (3 000 of them made a notice of 121 840 characters).
const (
	noticeCut   = 40
	noticeNames = 5
)

// NoticeText is the message of one notice in the interface language: the
// parameter, its value (cut when long) and why it was ignored, with the
// values it may take.
func (a *App) NoticeText(n Notice) string {
	if !viewstate.KnownKey(n.Key) {
		return a.t("noticeUnknown") + a.t("colon") + cut(n.Key) + a.keysHint()
	}
	txt := a.t("notice") + a.t("colon") + n.Key + "=" + cut(n.Value)
	if r := a.noticeReason(n); r != "" {
		txt += " — " + r
	}
	return txt
}

// NoticeTexts are the messages of notices ns: one per known parameter,
// and the unknown parameters grouped into one that names the first few.
func (a *App) NoticeTexts(ns []Notice) []string {
	var out, unknown []string
	for _, n := range ns {
		if viewstate.KnownKey(n.Key) {
			out = append(out, a.NoticeText(n))
		} else if !contains(unknown, n.Key) {
			unknown = append(unknown, n.Key)
		}
	}
	switch len(unknown) {
	case 0:
	case 1:
		out = append(out, a.NoticeText(Notice{Key: unknown[0]}))
	default:
		names := make([]string, 0, noticeNames)
		for _, k := range unknown[:min(len(unknown), noticeNames)] {
			names = append(names, cut(k))
		}
		txt := a.f("noticeUnknownN", frfmt.Number(float64(len(unknown)), 0, a.lang())) + a.t("colon") + strings.Join(names, ", ")
		if rest := len(unknown) - len(names); rest > 0 {
			txt += " " + a.f("noticeOthers", frfmt.Number(float64(rest), 0, a.lang()))
		}
		out = append(out, txt+a.keysHint())
	}
	return out
}

// keysHint names the parameters a URL may carry, after an unknown one.
func (a *App) keysHint() string {
	return " (" + a.t("noticeKeys") + a.t("colon") + strings.Join(viewstate.Keys[:], ", ") + ")"
}

// noticeReason says why notice n's value was ignored and what it may be.
func (a *App) noticeReason(n Notice) string {
	values := func(vs ...string) string { return a.t("noticeValues") + a.t("colon") + strings.Join(vs, ", ") }
	switch n.Key {
	case "ind":
		return a.t("noticeInd")
	case "metric":
		return a.t("noticeMetric") + "\u00a0; " + values(a.kind.Metrics()...)
	case "date":
		if len(a.months) == 0 {
			return a.t("noticeInd")
		}
		l := a.lang()
		return a.f("noticeDate", frfmt.Month(a.months[0], l), frfmt.Month(a.months[len(a.months)-1], l))
	case "dep":
		return a.f("noticeDep", strconv.Itoa(viewstate.MaxPinned))
	case "scheme":
		if n.Value == viewstate.SchemeManual {
			return a.t("noticeSchemeManual")
		}
		return values(viewstate.SchemeQuantile, viewstate.SchemeJenks, viewstate.SchemeEqual, viewstate.SchemeManual)
	case "classes":
		return a.f("noticeClasses", strconv.Itoa(viewstate.MinClasses), strconv.Itoa(viewstate.MaxClasses))
	case "breaks":
		return a.f("noticeBreaks", strconv.Itoa(viewstate.MaxClasses-1))
	case "lang":
		return values("fr", "en")
	case "embed", "quality":
		return values("1", "0")
	}
	return ""
}

// cut shortens a refused value to noticeCut characters and an ellipsis.
func cut(s string) string {
	n := 0
	for i := range s {
		if n == noticeCut {
			return s[:i] + "…"
		}
		n++
	}
	return s
}
