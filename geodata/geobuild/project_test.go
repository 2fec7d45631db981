package geobuild

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLCC2AgainstEPSGExample(t *testing.T) {
	// IOGP Guidance Note 7-2, example for method 9802 (NAD27 / Texas South
	// Central, Clarke 1866, US survey feet): 28°30'N 96°W → E 2 963 503.91 ftUS,
	// N 254 759.80 ftUS.
	const ftUS = 1200.0 / 3937
	inv := 294.97869821
	f := 1 / inv
	p := newLCC2On(6378206.400, math.Sqrt(2*f-f*f), 28+23.0/60, 30+17.0/60, 27+50.0/60, -99, 2000000*ftUS, 0)
	x, y := p.Project(-96, 28.5)
	assert.InDelta(t, 2963503.91, x/ftUS, 0.05)
	assert.InDelta(t, 254759.80, y/ftUS, 0.05)
}

func TestLambert93(t *testing.T) {
	// The false origin maps exactly to the false easting/northing.
	x, y := lambert93.Project(3, 46.5)
	assert.InDelta(t, 700000, x, 0.001)
	assert.InDelta(t, 6600000, y, 0.001)
	// Scale is exactly 1 on the two standard parallels, < 1 between them.
	assert.InDelta(t, 1, lambert93.scale(44), 1e-12)
	assert.InDelta(t, 1, lambert93.scale(49), 1e-12)
	assert.Less(t, lambert93.scale(46.5), 0.9995)
	// Paris, Notre-Dame de Paris (2.3499°E, 48.8530°N): about (652 3xx, 6 861 6xx).
	x, y = lambert93.Project(2.3499, 48.8530)
	assert.InDelta(t, 652300, x, 200)
	assert.InDelta(t, 6861650, y, 200)
}

func TestLCC1NorthUpAndConformal(t *testing.T) {
	for _, c := range []struct{ lat, lon float64 }{{16.2, -61.5}, {4, -53}, {-21.1, 55.5}, {-12.8, 45.1}} {
		p := newLCC1(c.lat, c.lon)
		x0, y0 := p.Project(c.lon, c.lat)
		assert.InDelta(t, 0, x0, 1e-6)
		assert.InDelta(t, 1, p.scale(c.lat), 1e-12, "tangent parallel")
		xn, yn := p.Project(c.lon, c.lat+0.01)
		xe, ye := p.Project(c.lon+0.01, c.lat)
		assert.Greater(t, yn, y0, "north is up at %v", c)
		assert.Greater(t, xe, x0, "east is right at %v", c)
		// 0.01° of latitude ≈ 1 106 m near the tropics; scale 1 at the centre.
		assert.InDelta(t, 1106, yn-y0, 15)
		assert.InDelta(t, 0, xn-x0, 1)
		assert.InDelta(t, 0, ye-y0, 1)
	}
}
