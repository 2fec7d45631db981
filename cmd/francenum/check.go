package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"francenum-map/internal/barometre"
	"francenum-map/internal/series"
)

// report is what `check` learns about one file; --json prints it as is.
type report struct {
	File         string                     `json:"file"`
	Kind         string                     `json:"kind,omitempty"`
	Encoding     string                     `json:"encoding,omitempty"`
	Delimiter    string                     `json:"delimiter,omitempty"`
	RowsRead     int                        `json:"rows_read"`
	RowsKept     int                        `json:"rows_kept"`
	RowsRejected int                        `json:"rows_rejected"`
	Indicators   map[string]indicatorReport `json:"indicators"`
	Warnings     []warningReport            `json:"warnings"`
	Error        string                     `json:"error"`
}

// indicatorReport describes one id_indicateur. Dates is the number of
// distinct dates (DateList lists them); for a synthese file the dates are
// those of valeur_actuelle.
type indicatorReport struct {
	Label         string   `json:"label"`
	Rows          int      `json:"rows"`
	Departments   int      `json:"departments"`
	FirstDate     string   `json:"first_date"`
	LastDate      string   `json:"last_date"`
	Dates         int      `json:"dates"`
	DateList      []string `json:"date_list"`
	MissingMonths []string `json:"missing_months"`
	// DepartmentsMissingDates lists, per department, the indicator's dates
	// it lacks (only departments lacking some).
	DepartmentsMissingDates map[string][]string `json:"departments_missing_dates,omitempty"`
	Decreases               int                 `json:"decreases"`
	Targets                 int                 `json:"targets,omitempty"`
}

type warningReport struct {
	Line   int    `json:"line"`
	Column int    `json:"column,omitempty"`
	Field  string `json:"field,omitempty"`
	Reason string `json:"reason"`
}

func cmdCheck(args []string, stdout, stderr io.Writer) int {
	asJSON := false
	var files []string
	for _, a := range args {
		switch a {
		case "--json", "-json":
			asJSON = true
		default:
			if strings.HasPrefix(a, "-") && a != "-" {
				fmt.Fprintf(stderr, "check: unknown flag %s\n%s", a, usage)
				return exitUsage
			}
			files = append(files, a)
		}
	}
	if len(files) == 0 {
		fmt.Fprint(stderr, "check: no file given\n"+usage)
		return exitUsage
	}
	status := exitOK
	for _, name := range files {
		r := checkFile(name)
		if r.Error != "" {
			status = exitRefused
		}
		if asJSON {
			b, err := json.Marshal(r)
			if err != nil {
				panic(err) // plain structs: cannot fail
			}
			fmt.Fprintf(stdout, "%s\n", b)
		} else {
			printReport(stdout, r)
		}
	}
	return status
}

func checkFile(name string) report {
	r := report{File: name, Indicators: map[string]indicatorReport{}, Warnings: []warningReport{}}
	var data []byte
	var err error
	if name == "-" {
		data, err = io.ReadAll(os.Stdin)
	} else {
		data, err = os.ReadFile(name)
	}
	if err != nil {
		r.Error = err.Error()
		return r
	}
	f, err := barometre.Parse(data)
	if err != nil {
		r.Error = err.Error()
		return r
	}
	r.Kind, r.Encoding, r.Delimiter = f.Kind.String(), f.Encoding, string(f.Delimiter)
	r.RowsRead, r.RowsKept, r.RowsRejected = f.Stats.Read, f.Stats.Kept, f.Stats.Rejected
	for _, w := range f.Warnings {
		r.Warnings = append(r.Warnings, warningReport{w.Line, w.Column, w.Field, w.Reason()})
	}
	if f.Kind.IsSynthese() {
		summarizeTargets(f, r.Indicators)
	} else {
		summarizeSeries(f, r.Indicators)
	}
	return r
}

func dateStrings(ds []barometre.Date) []string {
	out := make([]string, 0, len(ds))
	for _, d := range ds {
		out = append(out, d.String())
	}
	return out
}

func summarizeSeries(f *barometre.File, out map[string]indicatorReport) {
	rows := map[string]int{}
	for _, o := range f.Observations {
		rows[o.Indicator]++
	}
	m := series.New()
	m.Add(f)
	for _, ind := range m.Indicators {
		ir := indicatorReport{Label: ind.Label, Rows: rows[ind.ID], Departments: len(ind.Depts), MissingMonths: []string{}}
		dates := ind.Dates
		months := ind.AbsentMonths
		decreases := len(ind.Decreases)
		if ind.National != nil {
			dates = nil
			for _, p := range ind.National.Points {
				dates = append(dates, p.Date)
			}
			months = absentMonths(dates)
			decreases = len(ind.National.Decreases)
		}
		ir.Dates, ir.DateList = len(dates), dateStrings(dates)
		if len(dates) > 0 {
			ir.FirstDate, ir.LastDate = dates[0].String(), dates[len(dates)-1].String()
		}
		for _, mi := range months {
			ir.MissingMonths = append(ir.MissingMonths, mi.String())
		}
		ir.Decreases = decreases
		for _, code := range ind.Codes() {
			if s := ind.Series(code); len(s.Missing) > 0 {
				if ir.DepartmentsMissingDates == nil {
					ir.DepartmentsMissingDates = map[string][]string{}
				}
				ir.DepartmentsMissingDates[code] = dateStrings(s.Missing)
			}
		}
		out[ind.ID] = ir
	}
}

// absentMonths lists the months between the first and last of sorted dates
// that have no date.
func absentMonths(dates []barometre.Date) []barometre.Month {
	var out []barometre.Month
	if len(dates) == 0 {
		return out
	}
	have := map[barometre.Month]bool{}
	for _, d := range dates {
		have[d.Month()] = true
	}
	for mi := dates[0].Month(); mi <= dates[len(dates)-1].Month(); mi++ {
		if !have[mi] {
			out = append(out, mi)
		}
	}
	return out
}

func summarizeTargets(f *barometre.File, out map[string]indicatorReport) {
	type acc struct {
		ir    indicatorReport
		depts map[string]bool
		dates map[barometre.Date]bool
	}
	accs := map[string]*acc{}
	for _, t := range f.Targets {
		a := accs[t.Indicator]
		if a == nil {
			a = &acc{ir: indicatorReport{Label: t.Label, MissingMonths: []string{}}, depts: map[string]bool{}, dates: map[barometre.Date]bool{}}
			accs[t.Indicator] = a
		}
		a.ir.Rows++
		if t.Dept != "" {
			a.depts[t.Dept] = true
		}
		a.dates[t.CurrentDate] = true
		if t.HasTarget {
			a.ir.Targets++
		}
	}
	for id, a := range accs {
		var ds []barometre.Date
		for d := range a.dates {
			ds = append(ds, d)
		}
		slices.Sort(ds)
		a.ir.Departments = len(a.depts)
		a.ir.Dates, a.ir.DateList = len(ds), dateStrings(ds)
		a.ir.FirstDate, a.ir.LastDate = ds[0].String(), ds[len(ds)-1].String()
		out[id] = a.ir
	}
}

func printReport(w io.Writer, r report) {
	fmt.Fprintf(w, "%s\n", r.File)
	if r.Error != "" {
		fmt.Fprintf(w, "  REFUSED: %s\n", r.Error)
		return
	}
	fmt.Fprintf(w, "  %s file, %s, delimiter %q\n", r.Kind, r.Encoding, r.Delimiter)
	fmt.Fprintf(w, "  rows read %d, kept %d, rejected %d\n", r.RowsRead, r.RowsKept, r.RowsRejected)
	ids := make([]string, 0, len(r.Indicators))
	for id := range r.Indicators {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	fmt.Fprintf(w, "  indicators: %d\n", len(ids))
	for _, id := range ids {
		ir := r.Indicators[id]
		fmt.Fprintf(w, "    %s: %d rows, %d departments, %d dates %s … %s", id, ir.Rows, ir.Departments, ir.Dates, ir.FirstDate, ir.LastDate)
		if ir.Targets > 0 {
			fmt.Fprintf(w, ", %d targets", ir.Targets)
		}
		fmt.Fprintf(w, ", %d decreases\n", ir.Decreases)
		if len(ir.MissingMonths) > 0 {
			fmt.Fprintf(w, "      months missing for every department: %s\n", strings.Join(ir.MissingMonths, ", "))
		}
		codes := make([]string, 0, len(ir.DepartmentsMissingDates))
		for c := range ir.DepartmentsMissingDates {
			codes = append(codes, c)
		}
		slices.Sort(codes)
		for _, c := range codes {
			fmt.Fprintf(w, "      department %s lacks %s\n", c, strings.Join(ir.DepartmentsMissingDates[c], ", "))
		}
	}
	fmt.Fprintf(w, "  warnings: %d\n", len(r.Warnings))
	for _, wr := range r.Warnings {
		where := "line " + strconv.Itoa(wr.Line) // as barometre.Warning.String writes it
		if wr.Column > 0 {
			where += ", column " + strconv.Itoa(wr.Column)
		}
		if wr.Field != "" {
			where += " (" + wr.Field + ")"
		}
		fmt.Fprintf(w, "    %s: %s\n", where, wr.Reason)
	}
}
