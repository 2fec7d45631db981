package geobuild

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"testing"

	"github.com/paulmach/orb/geojson"
	"github.com/stretchr/testify/require"
)

func gzipBytes(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, err := zw.Write(b)
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

func decodeFC(t *testing.T, b []byte) *geojson.FeatureCollection {
	t.Helper()
	fc, err := geojson.UnmarshalFeatureCollection(b)
	require.NoError(t, err)
	return fc
}

// editFeatures rewrites a FeatureCollection's features in memory.
func editFeatures(t *testing.T, raw []byte, edit func([]map[string]any) []map[string]any) []byte {
	t.Helper()
	var fc struct {
		Type     string           `json:"type"`
		Features []map[string]any `json:"features"`
	}
	require.NoError(t, json.Unmarshal(raw, &fc))
	fc.Features = edit(fc.Features)
	out, err := json.Marshal(fc)
	require.NoError(t, err)
	return out
}

func stripRegion(t *testing.T, raw []byte) []byte {
	return editFeatures(t, raw, func(fs []map[string]any) []map[string]any {
		for _, f := range fs {
			delete(f["properties"].(map[string]any), "region")
		}
		return fs
	})
}
