package problemtext

import "francenum-map/internal/barometre"

// entry is one kind of problem in both languages: a short title (for a
// group heading) and a sentence template (see expand for the
// placeholders). French first.
type entry struct {
	code        barometre.Code
	frTitle, fr string
	enTitle, en string
}

// table holds every barometre.Code (a test checks it against
// barometre.Codes). A slice, not a map literal: map literals compile to
// large init code in wasm.
var table = [...]entry{
	{barometre.RefuseEmpty,
		"Fichier vide", "le fichier est vide",
		"Empty file", "the file is empty"},
	{barometre.RefuseHTML,
		"Page HTML", "une page HTML, pas un fichier CSV",
		"HTML page", "an HTML page, not a CSV file"},
	{barometre.RefuseNoHeader,
		"Pas d'en-tête", "pas d'en-tête\u00a0: la première ligne ne nomme pas les colonnes (attendu\u00a0: mesure, indicateur, id_indicateur, code_departement, date, valeur…)",
		"No header", "no header: the first line does not name the columns (expected mesure, indicateur, id_indicateur, code_departement, date, valeur, …)"},
	{barometre.RefuseColumnTwice,
		"Colonne en double", "la colonne {0} apparaît deux fois (colonnes {n1} et {n2})",
		"Column twice", "column {0} appears twice (columns {n1} and {n2})"},
	{barometre.RefuseRegional,
		"Fichier régional", "un fichier régional (colonne code_region)\u00a0: seuls les fichiers départementaux et nationaux sont lus",
		"Regional file", "a regional file (column code_region): only departmental and national files are read"},
	{barometre.RefuseMissingColumn,
		"Colonne obligatoire absente", "{colonne obligatoire absente|colonnes obligatoires absentes}\u00a0: {list} ({kind})",
		"Missing required column", "{missing required column|missing required columns} {list} ({kind})"},
	{barometre.RefuseTruncated,
		"Fichier tronqué", "le fichier est tronqué : sa dernière ligne n'a pas de fin de ligne et {n0} champs, l'en-tête en a {n1}",
		"Truncated file", "the file is truncated: its last line has no line end and {n0} fields, the header has {n1}"},
	{barometre.RefuseTooLarge,
		"Fichier trop gros", "le fichier est trop gros : {m0}, la limite est de {m1}",
		"File too large", "the file is too large: {m0}, the limit is {m1}"},
	{barometre.WarnUnterminatedQuote,
		"Guillemet jamais fermé", "guillemet ouvert jamais fermé\u00a0: la ligne court jusqu'à la fin du fichier (ligne {n0})",
		"Unterminated quote", "quoted field never closed: the row runs to the end of the file (line {n0})"},
	{barometre.WarnQuoteInField,
		"Guillemet dans un champ", "guillemet au milieu d'un champ sans guillemets",
		"Quote inside a field", "quote inside an unquoted field"},
	{barometre.WarnTextAfterQuote,
		"Texte après un guillemet", "texte après le guillemet fermant",
		"Text after a quote", "unexpected text after a closing quote"},
	{barometre.WarnFieldCount,
		"Nombre de champs incorrect", "{n0}\u00a0champs, l'en-tête en a {n1}",
		"Wrong field count", "{n0} fields, the header has {n1}"},
	{barometre.WarnEmptyID,
		"Identifiant d'indicateur vide", "id_indicateur vide",
		"Empty indicator id", "empty id_indicateur"},
	{barometre.WarnUnknownDept,
		"Code département inconnu", "code département inconnu {0}",
		"Unknown department code", "unknown department code {0}"},
	{barometre.WarnBadDate,
		"Date illisible", "date illisible {0} (attendu AAAA-MM-JJ ou JJ/MM/AAAA)",
		"Unreadable date", "unreadable date {0} (expected YYYY-MM-DD or DD/MM/YYYY)"},
	{barometre.WarnEmptyValue,
		"Valeur vide", "valeur vide",
		"Empty value", "empty value"},
	{barometre.WarnNotANumber,
		"Pas un nombre", "{0} n'est pas un nombre",
		"Not a number", "{0} is not a number"},
	{barometre.WarnOutOfRange,
		"Nombre hors limites", "nombre hors limites {0}",
		"Number out of range", "number out of range {0}"},
	{barometre.WarnUnparseable,
		"Valeur illisible", "valeur illisible {0}",
		"Unreadable value", "unreadable value {0}"},
	{barometre.WarnDuplicate,
		"Doublon, même valeur (la première ligne est gardée)", "doublon de la ligne {n0}, même valeur (la première est gardée)",
		"Duplicate, same value (the first row is kept)", "duplicate of line {n0}, same value (the first is kept)"},
	{barometre.WarnDuplicateConflict,
		"Doublon, valeur différente (la première ligne est gardée)", "doublon de la ligne {n0} avec une autre valeur ({#1} ici, {#2} là\u00a0; la première est gardée)",
		"Duplicate, different value (the first row is kept)", "duplicate of line {n0} with a different value ({#1} here, {#2} there; the first is kept)"},
}

func lookup(c barometre.Code) (entry, bool) {
	for _, e := range table {
		if e.code == c {
			return e, true
		}
	}
	return entry{}, false
}
