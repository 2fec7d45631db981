package app

// uiString is one interface string, French first. The HTML carries the
// French text and data-i18n="key" attributes; on a language switch the
// shell sets each element's textContent from UIJSON(lang). A sorted slice,
// not a map literal: map literals compile to large init code in wasm.
type uiString struct{ key, fr, en string }

// uiStrings is sorted by key (T binary-searches it; a test checks order).
var uiStrings = [...]uiString{
	{"absentMonth", "mois absent des données", "month absent from the data"},
	{"breaks", "Seuils (séparés par des virgules)", "Breaks (comma-separated)"},
	{"capped", "classe du haut plafonnée", "top class capped"},
	{"circles", "Surface des cercles proportionnelle au nombre cumulé", "Circle area proportional to the cumulative count"},
	{"classes", "Nombre", "Number"},
	{"clear", "Tout retirer", "Remove all"},
	{"colCode", "Code", "Code"},
	{"colCount", "Cumul", "Cumulative"},
	{"colName", "Département", "Department"},
	{"colPct", "% cible", "% target"},
	{"colPer10k", "Pour 10 000 hab.", "Per 10,000 pop."},
	{"colRank", "Rang", "Rank"},
	{"colRegion", "Région", "Region"},
	{"colTarget", "Cible 2022", "2022 target"},
	{"colValue", "Valeur", "Value"},
	{"compare", "Comparaison", "Comparison"},
	{"compareHelp", "Épinglez 2 à 4 départements (clic, Entrée ou recherche) pour les comparer.", "Pin 2 to 4 departments (click, Enter or search) to compare them."},
	{"decrease", "baisse du cumul", "cumulative value decreases"},
	{"embed", "Intégrer / Embed", "Intégrer / Embed"},
	{"embedHelp", "Copiez ce code dans votre page : l'iframe s'ajuste à la hauteur de la carte.", "Paste this code into your page: the iframe adjusts to the map's height."},
	{"embedTitle", "Carte France Num par département", "France Num map by department"},
	{"exportCsv", "Données (CSV)", "Data (CSV)"},
	{"exportPng", "Carte (PNG)", "Map (PNG)"},
	{"exportSvg", "Carte (SVG)", "Map (SVG)"},
	{"exports", "Télécharger", "Download"},
	{"fileChoose", "Choisir un fichier CSV", "Choose a CSV file"},
	{"fileHelp", "Déposez ici un fichier détail (et synthèse) du Baromètre au format publié, ou choisissez-le : il est lu dans votre navigateur, rien n'est envoyé.", "Drop a Baromètre detail (and synthese) file in the published format here, or choose it: it is read in your browser, nothing is uploaded."},
	{"fileNoRows", "Aucune ligne utilisable, la carte n'a pas changé", "No usable row, the map has not changed"},
	{"fileOk", "Fichier lu", "File read"},
	{"fileRefused", "Fichier refusé, la carte n'a pas changé", "File refused, the map has not changed"},
	{"fileTitle", "Charger votre fichier", "Load your own file"},
	{"geoSource", "Contours : Etalab, contours administratifs (IGN Admin Express) — Licence Ouverte 2.0", "Boundaries: Etalab, contours administratifs (IGN Admin Express) — Licence Ouverte 2.0"},
	{"hint", "Survolez ou sélectionnez un département ; Entrée l'épingle pour comparer, les flèches passent au voisin, Échap efface.", "Hover or select a department; Enter pins it for comparison, arrow keys move to a neighbour, Escape clears."},
	{"indicator", "Indicateur", "Indicator"},
	{"joinMissing", "Départements sans géométrie", "Departments without geometry"},
	{"legend", "Légende", "Legend"},
	{"line", "ligne", "line"},
	{"loadError", "Le chargement a échoué", "Loading failed"},
	{"loading", "Chargement", "Loading"},
	{"mCount", "Nombre cumulé (cercles)", "Cumulative count (circles)"},
	{"mNew", "Nouveaux ce mois", "New this month"},
	{"mPer10k", "Pour 10 000 habitants", "Per 10,000 inhabitants"},
	{"mTarget", "% de la cible 2022", "% of 2022 target"},
	{"metric", "Mesure", "Measure"},
	{"missingMonths", "mois manquants", "missing months"},
	{"month", "Mois", "barometre.Month"},
	{"more", "Mesure, classes, hachures", "Measure, classes, hatching"},
	{"national", "France entière", "France as a whole"},
	{"nationalTotal", "Total national", "National total"},
	{"noData", "Pas de donnée", "No data"},
	{"notFound", "Aucun département ne correspond", "No department matches"},
	{"notice", "Paramètre d'adresse ignoré", "URL parameter ignored"},
	{"onTrack", "Rythme", "Pace"},
	{"pause", "Pause", "Pause"},
	{"pctTarget", "% de la cible", "% of target"},
	{"per", "pour", "per"},
	{"pinned", "épinglé", "pinned"},
	{"play", "Lecture", "Play"},
	{"print", "Imprimer", "Print"},
	{"quality", "Hachurer les séries à vérifier (baisses, mois manquants)", "Hatch series to check (decreases, missing months)"},
	{"rank", "Rang", "Rank"},
	{"remainder", "Non attribué à un département", "Not attributed to a department"},
	{"retry", "Réessayer", "Retry"},
	{"rowsKept", "gardées", "kept"},
	{"rowsRead", "lignes lues", "rows read"},
	{"rowsRejected", "écartées", "rejected"},
	{"sEqual", "Intervalles égaux", "Equal intervals"},
	{"sJenks", "Seuils naturels (Jenks)", "Natural breaks (Jenks)"},
	{"sManual", "Manuelles", "Manual"},
	{"sQuantile", "Quantiles", "Quantiles"},
	{"scheme", "Classes", "Classes"},
	{"search", "Rechercher un département", "Find a department"},
	{"searchPh", "Nom ou code, ex. 93", "Name or code, e.g. 93"},
	{"skip", "Aller à la carte", "Skip to the map"},
	{"subtitle", "Chèques numériques et diagnostics numériques France Num", "France Num digital vouchers and digital diagnostics"},
	{"sumDeps", "Somme des départements", "Sum of departments"},
	{"tableCaption", "Valeurs par département", "Values by department"},
	{"tableTitle", "Tableau des 101 départements", "Table of the 101 departments"},
	{"target", "Cible 2022", "2022 target"},
	{"title", "Numérisation des TPE et PME par département", "Digitalisation of small firms by department"},
	{"unpin", "Retirer", "Remove"},
	{"value", "Valeur", "Value"},
}

// T returns the interface string key in lang ("fr" or "en"); the French
// string when English lacks it; the key itself when unknown (visible in
// tests, never a blank label).
//
//go:noinline
func T(lang, key string) string {
	lo, hi := 0, len(uiStrings)
	for lo < hi {
		m := (lo + hi) / 2
		if uiStrings[m].key < key {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(uiStrings) && uiStrings[lo].key == key {
		if lang == "en" && uiStrings[lo].en != "" {
			return uiStrings[lo].en
		}
		return uiStrings[lo].fr
	}
	return key
}

// UIJSON returns every interface string of lang as one JSON object.
func UIJSON(lang string) string {
	var w jw
	w.obj()
	for _, s := range uiStrings {
		w.ks(s.key, T(lang, s.key))
	}
	w.endObj()
	return w.String()
}
