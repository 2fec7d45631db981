// Package barometre reads the CSV files published by Etalab for the
// "Baromètre des résultats de l'action publique" (data.gouv.fr, Licence
// Ouverte 2.0): the departmental detail and synthese files and their
// national counterparts. The kind of file is detected from its header.
//
// It accepts what real files look like: UTF-8 with or without BOM,
// Windows-1252/Latin-1 (Excel France), ',' or ';' delimiters, decimal point
// or comma, CRLF or LF, quoted fields holding delimiters, quotes and newlines.
//
// Two kinds of problems are kept apart: a structural problem (empty file,
// HTML page, no header, missing required column, a file cut in the middle
// of its last line, a file over MaxFileSize) refuses the whole file with a
// *StructuralError; a row-level problem (bad value, unknown department,
// bad date, duplicate, wrong field count) leaves the row out and records a
// Warning with its physical line number (1 = header). Stats.Read always
// equals Stats.Kept + Stats.Rejected. Both carry a Code and the Values
// involved; Text renders them in French or English (package
// problemtext), String and Error in English for the CLI and the Worker.
//
// This package is linked into the browser's wasm: it uses strconv, never
// fmt, encoding/csv or encoding/json.
package barometre
