package geoasset

// ID names an encoded asset: the CRC-32 its last four bytes hold, in eight
// hex digits ("" when data is too short to hold one). Decode checks that
// CRC against the bytes, so two assets that decode with the same ID hold
// the same geometry. The build-time map carries the ID of the asset it
// was drawn from (package prerender), and the page asks Go for path data
// only when the asset it fetched has another (app.DrawingFor).
func ID(data []byte) string {
	if len(data) < len(Magic)+4 {
		return ""
	}
	const hex = "0123456789abcdef"
	var out [8]byte
	for i := 0; i < 4; i++ {
		c := data[len(data)-1-i] // little-endian: most significant byte last
		out[2*i], out[2*i+1] = hex[c>>4], hex[c&15]
	}
	return string(out[:])
}
