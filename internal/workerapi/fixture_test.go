package workerapi

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"francenum-map/internal/dept"
)

// Fixtures in the published format, written here (the real mirror is used
// by the integration tests).
const (
	detailHeader   = "mesure,indicateur,id_indicateur,code_departement,libelle_departement,date,valeur,unite\n"
	syntheseHeader = "mesure,indicateur,id_indicateur,code_departement,libelle_departement,valeur_actuelle,date_valeur_actuelle,valeur_initiale,date_valeur_initiale,progression,pourcentage_progression,progression_derniere_maj,pourcentage_progression_derniere_maj,progression_derniere_maj_date,cible,pourcentage_cible,date_cible,unite\n"
	nationalHeader = "mesure,indicateur,id_indicateur,maille_geographique,date,valeur,unite\n"
	otherID        = "tx-classes-cp-ce1-rep"
)

var allIDs = []string{otherID, Indicators[0], Indicators[1]}

// detailCSV has ndept departments × the two indicators and another one ×
// two dates; bump changes the values (a new publisher version).
func detailCSV(ndept, bump int) string {
	var b strings.Builder
	b.WriteString(detailHeader)
	for i, code := range dept.Codes()[:ndept] {
		for _, id := range allIDs {
			for d, date := range []string{"2021-01-31", "2021-02-28"} {
				b.WriteString(`"Numérisation des petites et moyennes entreprises",Label ` + id + "," + id + "," + code + ",Dept " + code + "," +
					date + "," + strconv.Itoa(10*i+d+bump) + ".0,entreprises\n")
			}
		}
	}
	return b.String()
}

func syntheseCSV(ndept int) string {
	var b strings.Builder
	b.WriteString(syntheseHeader)
	for i, code := range dept.Codes()[:ndept] {
		for _, id := range allIDs {
			n := strconv.Itoa(100 + i)
			b.WriteString("Numérisation des PME,Label," + id + "," + code + ",Dept " + code + "," + n + ".0,2022-11-30,0.0,2021-01-31," +
				n + ".0,,10.0,1.0,2022-10-31,500.0,20.0,2022-12-31,entreprises\n")
		}
	}
	return b.String()
}

func nationalCSV() string {
	var b strings.Builder
	b.WriteString(nationalHeader)
	for _, id := range allIDs {
		b.WriteString("Numérisation des PME,Label," + id + ",national,2022-11-30,112580.0,entreprises\n")
	}
	return b.String()
}

// refFilter keeps the header and the lines of the two indicators (fixtures
// have no quoted newlines), independently of internal/rowfilter.
func refFilter(s string) string {
	lines := strings.SplitAfter(s, "\n")
	var b strings.Builder
	b.WriteString(lines[0])
	for _, l := range lines[1:] {
		if strings.Contains(l, ","+Indicators[0]+",") || strings.Contains(l, ","+Indicators[1]+",") {
			b.WriteString(l)
		}
	}
	return b.String()
}

// memStore is a Store in memory that counts writes.
type memStore struct {
	mu   sync.Mutex
	m    map[string][]byte
	puts int
}

func newMemStore() *memStore { return &memStore{m: map[string][]byte{}} }

func (s *memStore) Get(_ context.Context, k string) ([]byte, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.m[k]
	return append([]byte(nil), v...), ok, nil
}

func (s *memStore) Put(_ context.Context, k string, v []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[k] = append([]byte(nil), v...)
	s.puts++
	return nil
}

func (s *memStore) Delete(_ context.Context, k string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.m, k)
	return nil
}

func (s *memStore) dataKeys() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for k := range s.m {
		if strings.HasPrefix(k, dataKeyPfx) {
			out = append(out, k)
		}
	}
	return out
}

// httpFetcher GETs with net/http (native stand-in for the Workers fetch);
// base is prefixed to paths.
type httpFetcher struct{ base string }

func (f httpFetcher) Get(ctx context.Context, u string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, f.base+u, nil)
	if err != nil {
		return nil, err
	}
	return noRedirects.Do(req)
}

// noRedirects hands redirects back, as the Worker's fetch (redirect: manual).
var noRedirects = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
