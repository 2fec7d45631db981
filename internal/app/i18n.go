package app

// Static interface strings, French first. The HTML carries the French text
// and data-i18n="key" attributes; on a language switch the shell sets each
// element's textContent from UI(lang).
var uiFR = map[string]string{
	"skip":          "Aller à la carte",
	"title":         "Numérisation des TPE et PME par département",
	"subtitle":      "Chèques numériques et diagnostics numériques France Num",
	"embed":         "Intégrer / Embed",
	"embedHelp":     "Copiez ce code dans votre page : l'iframe s'ajuste à la hauteur de la carte.",
	"indicator":     "Indicateur",
	"metric":        "Mesure",
	"mTarget":       "% de la cible 2022",
	"mPer10k":       "Pour 10 000 habitants",
	"mCount":        "Nombre cumulé (cercles)",
	"mNew":          "Nouveaux ce mois",
	"scheme":        "Classes",
	"sQuantile":     "Quantiles",
	"sJenks":        "Seuils naturels (Jenks)",
	"sEqual":        "Intervalles égaux",
	"sManual":       "Manuelles",
	"classes":       "Nombre",
	"breaks":        "Seuils (séparés par des virgules)",
	"month":         "Mois",
	"play":          "Lecture",
	"pause":         "Pause",
	"search":        "Rechercher un département",
	"searchPh":      "Nom ou code, ex. 93",
	"quality":       "Hachurer les séries à vérifier (baisses, mois manquants)",
	"hint":          "Survolez ou sélectionnez un département ; Entrée l'épingle pour comparer, les flèches passent au voisin, Échap efface.",
	"exports":       "Télécharger",
	"exportCsv":     "Données (CSV)",
	"exportSvg":     "Carte (SVG)",
	"exportPng":     "Carte (PNG)",
	"print":         "Imprimer",
	"tableTitle":    "Tableau des 101 départements",
	"fileTitle":     "Charger votre fichier",
	"fileHelp":      "Déposez ici un fichier détail (et synthèse) du Baromètre au format publié, ou choisissez-le : il est lu dans votre navigateur, rien n'est envoyé.",
	"fileChoose":    "Choisir un fichier CSV",
	"geoSource":     "Contours : Etalab, contours administratifs (IGN Admin Express) — Licence Ouverte 2.0",
	"loading":       "Chargement",
	"loadError":     "Le chargement a échoué",
	"retry":         "Réessayer",
	"legend":        "Légende",
	"noData":        "Pas de donnée",
	"absentMonth":   "mois absent des données",
	"national":      "France entière",
	"nationalTotal": "Total national",
	"sumDeps":       "Somme des départements",
	"remainder":     "Non attribué à un département",
	"compare":       "Comparaison",
	"compareHelp":   "Épinglez 2 à 4 départements (clic, Entrée ou recherche) pour les comparer.",
	"unpin":         "Retirer",
	"clear":         "Tout retirer",
	"colCode":       "Code",
	"colName":       "Département",
	"colRegion":     "Région",
	"colValue":      "Valeur",
	"colCount":      "Cumul",
	"colTarget":     "Cible 2022",
	"colPct":        "% cible",
	"colPer10k":     "Pour 10 000 hab.",
	"colRank":       "Rang",
	"rank":          "Rang",
	"target":        "Cible 2022",
	"pctTarget":     "% de la cible",
	"value":         "Valeur",
	"onTrack":       "Rythme",
	"fileOk":        "Fichier lu",
	"fileRefused":   "Fichier refusé, la carte n'a pas changé",
	"fileNoRows":    "Aucune ligne utilisable, la carte n'a pas changé",
	"rowsRead":      "lignes lues",
	"rowsKept":      "gardées",
	"rowsRejected":  "écartées",
	"line":          "ligne",
	"notice":        "Paramètre d'adresse ignoré",
	"embedTitle":    "Carte France Num par département",
	"pinned":        "épinglé",
	"notFound":      "Aucun département ne correspond",
	"per":           "pour",
	"joinMissing":   "Départements sans géométrie",
	"decrease":      "baisse du cumul",
	"missingMonths": "mois manquants",
	"tableCaption":  "Valeurs par département",
	"circles":       "Surface des cercles proportionnelle au nombre cumulé",
	"capped":        "classe du haut plafonnée",
}

var uiEN = map[string]string{
	"skip":          "Skip to the map",
	"title":         "Digitalisation of small firms by department",
	"subtitle":      "France Num digital vouchers and digital diagnostics",
	"embed":         "Intégrer / Embed",
	"embedHelp":     "Paste this code into your page: the iframe adjusts to the map's height.",
	"indicator":     "Indicator",
	"metric":        "Measure",
	"mTarget":       "% of 2022 target",
	"mPer10k":       "Per 10,000 inhabitants",
	"mCount":        "Cumulative count (circles)",
	"mNew":          "New this month",
	"scheme":        "Classes",
	"sQuantile":     "Quantiles",
	"sJenks":        "Natural breaks (Jenks)",
	"sEqual":        "Equal intervals",
	"sManual":       "Manual",
	"classes":       "Number",
	"breaks":        "Breaks (comma-separated)",
	"month":         "Month",
	"play":          "Play",
	"pause":         "Pause",
	"search":        "Find a department",
	"searchPh":      "Name or code, e.g. 93",
	"quality":       "Hatch series to check (decreases, missing months)",
	"hint":          "Hover or select a department; Enter pins it for comparison, arrow keys move to a neighbour, Escape clears.",
	"exports":       "Download",
	"exportCsv":     "Data (CSV)",
	"exportSvg":     "Map (SVG)",
	"exportPng":     "Map (PNG)",
	"print":         "Print",
	"tableTitle":    "Table of the 101 departments",
	"fileTitle":     "Load your own file",
	"fileHelp":      "Drop a Baromètre detail (and synthese) file in the published format here, or choose it: it is read in your browser, nothing is uploaded.",
	"fileChoose":    "Choose a CSV file",
	"geoSource":     "Boundaries: Etalab, contours administratifs (IGN Admin Express) — Licence Ouverte 2.0",
	"loading":       "Loading",
	"loadError":     "Loading failed",
	"retry":         "Retry",
	"legend":        "Legend",
	"noData":        "No data",
	"absentMonth":   "month absent from the data",
	"national":      "France as a whole",
	"nationalTotal": "National total",
	"sumDeps":       "Sum of departments",
	"remainder":     "Not attributed to a department",
	"compare":       "Comparison",
	"compareHelp":   "Pin 2 to 4 departments (click, Enter or search) to compare them.",
	"unpin":         "Remove",
	"clear":         "Remove all",
	"colCode":       "Code",
	"colName":       "Department",
	"colRegion":     "Region",
	"colValue":      "Value",
	"colCount":      "Cumulative",
	"colTarget":     "2022 target",
	"colPct":        "% target",
	"colPer10k":     "Per 10,000 pop.",
	"colRank":       "Rank",
	"rank":          "Rank",
	"target":        "2022 target",
	"pctTarget":     "% of target",
	"value":         "Value",
	"onTrack":       "Pace",
	"fileOk":        "File read",
	"fileRefused":   "File refused, the map has not changed",
	"fileNoRows":    "No usable row, the map has not changed",
	"rowsRead":      "rows read",
	"rowsKept":      "kept",
	"rowsRejected":  "rejected",
	"line":          "line",
	"notice":        "URL parameter ignored",
	"embedTitle":    "France Num map by department",
	"pinned":        "pinned",
	"notFound":      "No department matches",
	"per":           "per",
	"joinMissing":   "Departments without geometry",
	"decrease":      "cumulative value decreases",
	"missingMonths": "missing months",
	"tableCaption":  "Values by department",
	"circles":       "Circle area proportional to the cumulative count",
	"capped":        "top class capped",
}

// T returns the interface string key in lang ("fr" or "en"); the French
// string when English lacks it; the key itself when unknown (visible in
// tests, never a blank label).
func T(lang, key string) string {
	if lang == "en" {
		if s, ok := uiEN[key]; ok {
			return s
		}
	}
	if s, ok := uiFR[key]; ok {
		return s
	}
	return key
}

// UIJSON returns every interface string of lang as one JSON object.
func UIJSON(lang string) string {
	var w jw
	w.obj()
	for k := range uiFR {
		w.ks(k, T(lang, k))
	}
	w.endObj()
	return w.String()
}

// SourceLine is the attribution every view, embed and export carries.
func SourceLine(lang, dataDate string) string {
	if lang == "en" {
		return "Source: Baromètre des résultats de l'action publique, data.gouv.fr — Licence Ouverte 2.0 — data as of " + dataDate
	}
	return "Source : Baromètre des résultats de l'action publique, data.gouv.fr — Licence Ouverte 2.0 — données au " + dataDate
}
