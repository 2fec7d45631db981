package problemtext

// nCodes is the number of codes: the arrays below are one table (codes[i]
// is titled frTitles[i] and said frTexts[i] in French, enTitles[i] and
// enTexts[i] in English), kept apart so that a program that only prints
// English sentences (the CLI, the Worker, the reader's String and Error)
// links neither the French nor the titles. Arrays, not map literals: map
// literals compile to large init code in wasm.
const nCodes = 21

// codes holds every barometre.Code (barometre's tests check both ways).
var codes = [nCodes]string{
	"empty",
	"html-page",
	"no-header",
	"column-twice",
	"regional-file",
	"missing-column",
	"truncated",
	"too-large",
	"unterminated-quote",
	"quote-in-field",
	"text-after-quote",
	"wrong-field-count",
	"empty-id",
	"unknown-department",
	"bad-date",
	"empty-value",
	"not-a-number",
	"out-of-range",
	"unparseable-value",
	"duplicate",
	"duplicate-conflict",
}

// frTitles are the French short titles (group headings), French
// typography: a no-break space before « : » and « ; », inside « ».
var frTitles = [nCodes]string{
	"Fichier vide",                  // empty
	"Page HTML",                     // html-page
	"Pas d'en-tête",                 // no-header
	"Colonne en double",             // column-twice
	"Fichier régional",              // regional-file
	"Colonne obligatoire absente",   // missing-column
	"Fichier tronqué",               // truncated
	"Fichier trop gros",             // too-large
	"Guillemet jamais fermé",        // unterminated-quote
	"Guillemet dans un champ",       // quote-in-field
	"Texte après un guillemet",      // text-after-quote
	"Nombre de champs incorrect",    // wrong-field-count
	"Identifiant d'indicateur vide", // empty-id
	"Code département inconnu",      // unknown-department
	"Date illisible",                // bad-date
	"Valeur vide",                   // empty-value
	"Pas un nombre",                 // not-a-number
	"Nombre hors limites",           // out-of-range
	"Valeur illisible",              // unparseable-value
	"Doublon, même valeur (la première ligne est gardée)",       // duplicate
	"Doublon, valeur différente (la première ligne est gardée)", // duplicate-conflict
}

// the sentences (see expand).
var frTexts = [nCodes]string{
	"le fichier est vide",               // empty
	"une page HTML, pas un fichier CSV", // html-page
	"pas d'en-tête\u00a0: la première ligne ne nomme pas les colonnes (attendu\u00a0: mesure, indicateur, id_indicateur, code_departement, date, valeur…)", // no-header
	"la colonne {0} apparaît deux fois (colonnes {n1} et {n2})",                                                        // column-twice
	"un fichier régional (colonne code_region)\u00a0: seuls les fichiers départementaux et nationaux sont lus",         // regional-file
	"{colonne obligatoire absente|colonnes obligatoires absentes}\u00a0: {list} ({kind})",                              // missing-column
	"le fichier est tronqué\u00a0: sa dernière ligne n'a pas de fin de ligne et {n0}\u00a0champs, l'en-tête en a {n1}", // truncated
	"le fichier est trop gros\u00a0: {#0}\u00a0Mo, la limite est de {#1}\u00a0Mo",                                      // too-large
	"guillemet ouvert jamais fermé\u00a0: la ligne court jusqu'à la fin du fichier (ligne {n0})",                       // unterminated-quote
	"guillemet au milieu d'un champ sans guillemets",                                                                   // quote-in-field
	"texte après le guillemet fermant",                                                                                 // text-after-quote
	"{n0}\u00a0champs, l'en-tête en a {n1}",                                                                            // wrong-field-count
	"id_indicateur vide",                                                                                               // empty-id
	"code département inconnu {0}",                                                                                     // unknown-department
	"date illisible {0} (attendu AAAA-MM-JJ ou JJ/MM/AAAA)",                                                            // bad-date
	"valeur vide",             // empty-value
	"{0} n'est pas un nombre", // not-a-number
	"nombre hors limites {0}", // out-of-range
	"valeur illisible {0}",    // unparseable-value
	"doublon de la ligne {n0}, même valeur (la première est gardée)",                                   // duplicate
	"doublon de la ligne {n0} avec une autre valeur ({#1} ici, {#2} là\u00a0; la première est gardée)", // duplicate-conflict

}

// enTitles are the English short titles.
var enTitles = [nCodes]string{
	"Empty file",              // empty
	"HTML page",               // html-page
	"No header",               // no-header
	"Column twice",            // column-twice
	"Regional file",           // regional-file
	"Missing required column", // missing-column
	"Truncated file",          // truncated
	"File too large",          // too-large
	"Unterminated quote",      // unterminated-quote
	"Quote inside a field",    // quote-in-field
	"Text after a quote",      // text-after-quote
	"Wrong field count",       // wrong-field-count
	"Empty indicator id",      // empty-id
	"Unknown department code", // unknown-department
	"Bad date",                // bad-date
	"Empty value",             // empty-value
	"Not a number",            // not-a-number
	"Value out of range",      // out-of-range
	"Unparseable value",       // unparseable-value
	"Duplicate, same value (the first row is kept)",      // duplicate
	"Duplicate, different value (the first row is kept)", // duplicate-conflict
}

// the sentences (see expand).
var enTexts = [nCodes]string{
	"empty file",                   // empty
	"an HTML page, not a CSV file", // html-page
	"no header: the first line does not name the columns (expected mesure, indicateur, id_indicateur, code_departement, date, valeur, …)", // no-header
	"column {0} appears twice (columns {n1} and {n2})",                                          // column-twice
	"a regional file (column code_region): only departmental and national files are read",       // regional-file
	"{missing required column|missing required columns} {list} ({kind})",                        // missing-column
	"the file is truncated: its last line has no line end and {n0} fields, the header has {n1}", // truncated
	"the file is too large: {#0} MB, the limit is {#1} MB",                                      // too-large
	"unterminated quoted field (it runs to the end of the file, line {n0})",                     // unterminated-quote
	"quote inside an unquoted field",                                                            // quote-in-field
	"unexpected text after a closing quote",                                                     // text-after-quote
	"wrong field count: {n0} fields, the header has {n1}",                                       // wrong-field-count
	"empty id_indicateur",                                    // empty-id
	"unknown department code {0}",                            // unknown-department
	"bad date {0} (expected YYYY-MM-DD or DD/MM/YYYY)",       // bad-date
	"empty value",                                            // empty-value
	"not a number {0}",                                       // not-a-number
	"value out of range {0}",                                 // out-of-range
	"unparseable value {0}",                                  // unparseable-value
	"duplicate of line {n0} (same value; the first is kept)", // duplicate
	"duplicate of line {n0} with a different value ({#1} here, {#2} there; the first is kept)", // duplicate-conflict

}

// index returns the position of code in codes, or -1.
func index(code string) int {
	for i, c := range codes {
		if c == code {
			return i
		}
	}
	return -1
}
