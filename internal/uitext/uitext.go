// Package uitext is the interface's one table of strings, French first,
// English beside: control labels, headings, notes, and the sentences the
// panels and tooltip fill in ({0}, {1}… placeholders). Nothing else in the
// app writes text in one language or the other.
package uitext

// Lang is the interface language: "fr" or "en".
type Lang = string

// Entry is one interface string in both languages. The HTML carries the
// French text and data-i18n="key" attributes; on a language switch the
// shell sets each element's textContent from the list of the language.
type Entry struct{ Key, FR, EN string }

// All is sorted by key (T binary-searches it; a test checks the order). A
// sorted array, not a map literal: map literals compile to large init code
// in wasm.
var All = [...]Entry{
	{"absentDescription", "Le mois de {0} est absent des données publiées\u00a0: aucun département n'a de valeur pour ce mois.", "{0} is absent from the published data: no department has a value for this month."},
	{"absentMonth", "mois absent des données", "month absent from the data"},
	{"breaks", "Seuils (séparés par des points-virgules)", "Breaks (separated by semicolons)"},
	{"capped", "classe du haut plafonnée", "top class capped"},
	{"circles", "Surface des cercles proportionnelle au nombre cumulé", "Circle area proportional to the cumulative count"},
	{"circlesValue", "Surface des cercles proportionnelle à la valeur", "Circle area proportional to the value"},
	{"classes", "Nombre", "Number"},
	{"clear", "Tout retirer", "Remove all"},
	{"close", "Fermer", "Close"},
	{"colCode", "Code", "Code"},
	{"colCount", "Cumul", "Cumulative"},
	{"colName", "Département", "Department"},
	{"colPct", "% cible", "% target"},
	{"colPer10k", "Pour 10 000 hab.", "Per 10,000 pop."},
	{"colRank", "Rang", "Rank"},
	{"colRegion", "Région", "Region"},
	{"colTarget", "Cible 2022", "2022 target"},
	{"colValue", "Valeur", "Value"},
	{"colon", "\u00a0: ", ": "},
	{"compare", "Comparaison", "Comparison"},
	{"compareHelp", "Épinglez 2 à 4 départements (clic, Entrée ou recherche) pour les comparer.", "Pin 2 to 4 departments (click, Enter or search) to compare them."},
	{"copyLink", "Copier le lien", "Copy link"},
	{"decreaseNote", "Baisse du cumul\u00a0: {0} → {1} ({2}, ligne {3})", "Cumulative value decreases: {0} → {1} ({2}, line {3})"},
	{"depsCount", "{0} ({1} dép.)", "{0} ({1} depts)"},
	{"embed", "Intégrer / Embed", "Intégrer / Embed"},
	{"embedDwHelp", "Page avec le script d'intégration responsive de Datawrapper\u00a0: l'iframe seule suffit, ce script règle sa hauteur.", "Page with Datawrapper's responsive embed script: the iframe alone is enough, that script sets its height."},
	{"embedHelp", "Copiez ce code dans votre page : l'iframe s'ajuste à la hauteur de la carte.", "Paste this code into your page: the iframe adjusts to the map's height."},
	{"embedPymHelp", "Page avec pym.js 1.3.2\u00a0: ce bloc, placé après pym.js, suffit.", "Page with pym.js 1.3.2: this block, placed after pym.js, is enough."},
	{"embedTitle", "Carte France Num par département", "France Num map by department"},
	{"exportCsv", "Données (CSV)", "Data (CSV)"},
	{"exportCsvExcel", "Données (CSV pour Excel)", "Data (CSV for Excel)"},
	{"exportPng", "Carte (PNG)", "Map (PNG)"},
	{"exportSeries", "Tous les mois (CSV)", "Every month (CSV)"},
	{"exportSeriesExcel", "Tous les mois (Excel, un mois par colonne)", "Every month (Excel, one column per month)"},
	{"exportSvg", "Carte (SVG)", "Map (SVG)"},
	{"exports", "Télécharger", "Download"},
	{"fileChoose", "Choisir un fichier CSV", "Choose a CSV file"},
	{"fileCoverage", "{0} départements sur {1}", "{0} departments of {1}"},
	{"fileCoverage1", "1 département sur {1}", "1 department of {1}"},
	{"fileHelp", "Déposez ici un fichier détail (et synthèse) du Baromètre au format publié, ou choisissez-le : il est lu dans votre navigateur, rien n'est envoyé.", "Drop a Baromètre detail (and synthese) file in the published format here, or choose it: it is read in your browser, nothing is uploaded."},
	{"fileIndicators", "{0} indicateur(s)", "{0} indicator(s)"},
	{"fileNoRows", "Aucune ligne utilisable, la carte n'a pas changé", "No usable row, the map has not changed"},
	{"fileOk", "Fichier lu", "File read"},
	{"fileRefused", "Fichier refusé, la carte n'a pas changé", "File refused, the map has not changed"},
	{"fileTitle", "Charger votre fichier", "Load your own file"},
	{"fullMap", "Voir la carte complète", "Open the full map"},
	{"geoSource", "Contours : Etalab, contours administratifs (IGN Admin Express) — Licence Ouverte 2.0", "Boundaries: Etalab, contours administratifs (IGN Admin Express) — Licence Ouverte 2.0"},
	{"hint", "Survolez ou sélectionnez un département ; Entrée l'épingle pour comparer, les flèches passent au voisin, Échap efface.", "Hover or select a department; Enter pins it for comparison, arrow keys move to a neighbour, Escape clears."},
	{"indicator", "Indicateur", "Indicator"},
	{"legend", "Légende", "Legend"},
	{"line", "ligne", "line"},
	{"linkCopied", "Lien copié", "Link copied"},
	{"linkCopyFailed", "Copie impossible : sélectionnez le lien et copiez-le.", "Could not copy: select the link and copy it."},
	{"loadError", "Le chargement a échoué", "Loading failed"},
	{"loading", "Chargement", "Loading"},
	{"mAverage", "Moyenne publiée", "Published average"},
	{"mCount", "Nombre cumulé (cercles)", "Cumulative count (circles)"},
	{"mNew", "Nouveaux ce mois", "New this month"},
	{"mPer10k", "Pour 10 000 habitants", "Per 10,000 inhabitants"},
	{"mRate", "Taux publié", "Published rate"},
	{"mShare", "Part du total national", "Share of the national total"},
	{"mSum", "Valeur (cercles)", "Value (circles)"},
	{"mTarget", "% de la cible 2022", "% of 2022 target"},
	{"metric", "Mesure", "Measure"},
	{"missingNote", "Mois manquant(s) pour ce département\u00a0: {0}", "Missing month(s) for this department: {0}"},
	{"month", "Mois", "Month"},
	{"more", "Mesure, classes, hachures", "Measure, classes, hatching"},
	{"national", "France entière", "France as a whole"},
	{"nationalTotal", "Total national", "National total"},
	{"nationalValue", "Valeur nationale", "National value"},
	{"newOver", "Nouveaux ce mois\u00a0: {0} (mois précédent absent)", "New this month: {0} (previous month absent)"},
	{"noData", "Pas de donnée", "No data"},
	{"noTarget", "Pas de cible 2022 dans le fichier de synthèse", "No 2022 target in the synthese file"},
	{"notAvailable", "non disponible", "not available"},
	{"notFound", "Aucun département ne correspond", "No department matches"},
	{"noteAllMonths", " Seuils calculés sur tous les mois, fixes quand le mois change.", " Breaks computed over all months, fixed while the month changes."},
	{"noteDiverging", "Divergente à 100 % de la cible", "Diverging at 100% of the target"},
	{"noteLatest", " Seuils du dernier mois, fixes quand le mois change.", " Breaks from the latest month, fixed while the month changes."},
	{"noteManual", " Seuils manuels.", " Manual breaks."},
	{"notice", "Paramètre d'adresse ignoré", "URL parameter ignored"},
	{"noticeBreaks", "2 à {0} seuils croissants, ex. breaks=50,100", "2 to {0} increasing breaks, e.g. breaks=50,100"},
	{"noticeClasses", "de {0} à {1} classes", "{0} to {1} classes"},
	{"noticeDate", "mois absent des données, qui vont de {0} à {1}", "month not in the data, which run from {0} to {1}"},
	{"noticeDep", "code de département inconnu ou en double, ou plus de {0} départements", "unknown or repeated department code, or more than {0} departments"},
	{"noticeInd", "indicateur absent des données\u00a0; choisissez-en un dans le menu Indicateur", "indicator not in the data; choose one in the Indicator menu"},
	{"noticeKeys", "paramètres possibles", "possible parameters"},
	{"noticeMetric", "mesure non disponible pour cet indicateur", "measure not available for this indicator"},
	{"noticeOthers", "et {0} autres", "and {0} more"},
	{"noticeSchemeManual", "classes manuelles sans seuils valides\u00a0: quantiles à la place", "manual classes without valid breaks: quantiles instead"},
	{"noticeUnknown", "Paramètre d'adresse inconnu ignoré", "Unknown URL parameter ignored"},
	{"noticeUnknownN", "{0} paramètres d'adresse inconnus ignorés", "{0} unknown URL parameters ignored"},
	{"noticeValues", "valeurs possibles", "possible values"},
	{"ontrackNA", "Sans objet\u00a0: l'indicateur n'est pas un cumul.", "Not applicable: the indicator is not a running total."},
	{"ontrackSum", "Somme des départements\u00a0: {0} sur {1} ({2}), au {3}.", "Sum of departments: {0} of {1} ({2}), {3}."},
	{"ontrackTitle", "Objectif 2022\u00a0: sur la bonne voie\u00a0?", "2022 target: on track?"},
	{"pageDescription", "Carte des chèques numériques et diagnostics numériques France Num par département, d'après le Baromètre des résultats de l'action publique.", "Map of France Num digital vouchers and digital diagnostics by department, from the Baromètre des résultats de l'action publique."},
	{"pageTitle", "Carte France Num — chèques et diagnostics numériques par département", "France Num map — digital vouchers and diagnostics by department"},
	{"pause", "Pause", "Pause"},
	{"pctTarget", "% de la cible", "% of target"},
	{"pin", "Épingler", "Pin"},
	{"pinned", "épinglé", "pinned"},
	{"pinsCleared", "Épingles retirées", "Pins removed"},
	{"pinsFull", "4 départements épinglés au plus\u00a0: retirez-en un", "At most 4 departments can be pinned: remove one"},
	{"play", "Lecture", "Play"},
	{"print", "Imprimer", "Print"},
	{"quality", "Hachurer les séries à vérifier (baisses de plus de 5\u00a0%, mois manquants)", "Hatch series to check (falls over 5%, missing months)"},
	{"qualityKey", "À vérifier ({0} dép.)\u00a0: le cumul baisse de plus de 5\u00a0% d'un mois publié au suivant, ou un mois manque. Les baisses plus faibles sont des révisions ordinaires.", "To check ({0} dep.): the running total falls by more than 5% from one published month to the next, or a month is missing. Smaller falls are ordinary revisions."},
	{"qualityNone", "Aucune série à vérifier\u00a0: pas de baisse de plus de 5\u00a0% ni de mois manquant (les baisses plus faibles sont des révisions ordinaires).", "No series to check: no fall over 5% and no missing month (smaller falls are ordinary revisions)."},
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
	{"schemeClosed", "Le dispositif des {0} a fermé le {1}\u00a0: aucune projection n'est faite.", "The {0} scheme closed on {1}: no projection is made."},
	{"search", "Rechercher un département", "Find a department"},
	{"searchPh", "Nom ou code, ex. 93", "Name or code, e.g. 93"},
	{"searchPick", "choisissez les départements à épingler", "pick the departments to pin"},
	{"semicolon", "\u00a0; ", "; "},
	{"sharePublished", "Ce lien et ce code montrent les données publiées, pas votre fichier {0}.", "This link and this code show the published data, not your file {0}."},
	{"skip", "Aller à la carte", "Skip to the map"},
	{"spanNote", "Nouveaux ce mois\u00a0: {0}, le mois précédent n'étant pas publié.", "New this month: {0}, the previous month not being published."},
	{"stripTitle", "Mois absents des données hachurés", "Months absent from the data are hatched"},
	{"subtitle", "Chèques numériques et diagnostics numériques France Num", "France Num digital vouchers and digital diagnostics"},
	{"sumDeps", "Somme des départements", "Sum of departments"},
	{"tableCaption", "Valeurs par département", "Values by department"},
	{"tableTitle", "Tableau des 101 départements", "Table of the 101 departments"},
	{"target", "Cible 2022", "2022 target"},
	{"title", "Numérisation des TPE et PME par département", "Digitalisation of small firms by department"},
	{"undo", "Annuler", "Undo"},
	{"unpin", "Retirer", "Remove"},
	{"value", "Valeur", "Value"},
}

// T returns the interface string key in lang ("fr" or "en"); the French
// string when English lacks it; the key itself when unknown (visible in
// tests, never a blank label).
//
//go:noinline
func T(lang, key string) string {
	lo, hi := 0, len(All)
	for lo < hi {
		m := (lo + hi) / 2
		if All[m].Key < key {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(All) && All[lo].Key == key {
		if lang == "en" && All[lo].EN != "" {
			return All[lo].EN
		}
		return All[lo].FR
	}
	return key
}

// F is T with its placeholders {0}…{9} replaced by args.
//
//go:noinline
func F(lang, key string, args ...string) string {
	t := T(lang, key)
	b := make([]byte, 0, len(t)+32)
	for i := 0; i < len(t); i++ {
		if t[i] == '{' && i+2 < len(t) && t[i+2] == '}' && t[i+1] >= '0' && t[i+1] <= '9' {
			if n := int(t[i+1] - '0'); n < len(args) {
				b = append(b, args[n]...)
			}
			i += 2
			continue
		}
		b = append(b, t[i])
	}
	return string(b)
}
