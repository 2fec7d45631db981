package geobuild

import "math"

// GRS80 ellipsoid (RGF93, the datum of Lambert-93; WGS84 differs by less
// than a millimetre at map scale, so lon/lat from the GeoJSON are used as is).
const (
	grs80A    = 6378137.0
	grs80InvF = 298.257222101
)

var grs80E = func() float64 { f := 1 / grs80InvF; return math.Sqrt(2*f - f*f) }()

// lcc is an ellipsoidal Lambert conformal conic projection (EPSG method 9802
// for two standard parallels, 9801 for one tangent parallel).
type lcc struct {
	n, f, rF    float64 // cone constant, F, radius at the false origin
	lon0        float64 // central meridian, radians
	east, north float64 // false easting and northing, metres
	e, a        float64 // eccentricity, semi-major axis
}

func lccM(phi, e float64) float64 {
	s := math.Sin(phi)
	return math.Cos(phi) / math.Sqrt(1-e*e*s*s)
}

func lccT(phi, e float64) float64 {
	s := math.Sin(phi)
	return math.Tan(math.Pi/4-phi/2) / math.Pow((1-e*s)/(1+e*s), e/2)
}

func rad(deg float64) float64 { return deg * math.Pi / 180 }

// newLCC2 builds the two-standard-parallel form on GRS80 (degrees, metres).
func newLCC2(lat1, lat2, latF, lon0, east, north float64) *lcc {
	return newLCC2On(grs80A, grs80E, lat1, lat2, latF, lon0, east, north)
}

// newLCC2On is newLCC2 on any ellipsoid (semi-major axis a, eccentricity e).
func newLCC2On(a, e, lat1, lat2, latF, lon0, east, north float64) *lcc {
	p1, p2, pF := rad(lat1), rad(lat2), rad(latF)
	m1, m2 := lccM(p1, e), lccM(p2, e)
	t1, t2, tF := lccT(p1, e), lccT(p2, e), lccT(pF, e)
	n := (math.Log(m1) - math.Log(m2)) / (math.Log(t1) - math.Log(t2))
	f := m1 / (n * math.Pow(t1, n))
	return &lcc{n: n, f: f, rF: a * f * math.Pow(tF, n), lon0: rad(lon0), east: east, north: north, e: e, a: a}
}

// newLCC1 builds the one-parallel (tangent, scale 1) form centred on
// (lat0, lon0): conformal, and with the least distortion around that point,
// which suits a single overseas department in its own inset.
func newLCC1(lat0, lon0 float64) *lcc {
	e := grs80E
	p0 := rad(lat0)
	n := math.Sin(p0)
	t0 := lccT(p0, e)
	f := lccM(p0, e) / (n * math.Pow(t0, n))
	return &lcc{n: n, f: f, rF: grs80A * f * math.Pow(t0, n), lon0: rad(lon0), e: e, a: grs80A}
}

// lambert93 is EPSG:2154 (RGF93 v1 / Lambert-93).
var lambert93 = newLCC2(49, 44, 46.5, 3, 700000, 6600000)

// Project returns (easting, northing) in metres for (lon, lat) in degrees.
func (p *lcc) Project(lon, lat float64) (float64, float64) {
	r := p.a * p.f * math.Pow(lccT(rad(lat), p.e), p.n)
	theta := p.n * (rad(lon) - p.lon0)
	return p.east + r*math.Sin(theta), p.north + p.rF - r*math.Cos(theta)
}

// scale returns the point scale factor at latitude lat (degrees): 1 on the
// standard parallels of a secant cone.
func (p *lcc) scale(lat float64) float64 {
	phi := rad(lat)
	return p.a * p.f * p.n * math.Pow(lccT(phi, p.e), p.n) / (p.a * lccM(phi, p.e))
}
