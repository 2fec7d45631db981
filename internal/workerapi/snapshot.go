package workerapi

import (
	"errors"
	"time"
)

// SnapshotSplit is what BuildSnapshot made.
type SnapshotSplit struct {
	// Assets are the static files by path (SnapshotIndicatorPath of each
	// indicator's files, and SnapshotIndexPath).
	Assets map[string][]byte
	// Sets are the splits by file name.
	Sets map[string]*PartSet
}

// BuildSnapshot splits the published files (by served name: detail,
// synthese, national) exactly as a refresh does, for the Worker's offline
// fallback: each indicator's files and the index, dated lm.
func BuildSnapshot(files map[string][]byte, lm time.Time) (SnapshotSplit, error) {
	out := SnapshotSplit{Assets: map[string][]byte{}, Sets: map[string]*PartSet{}}
	for _, spec := range Files {
		data, ok := files[spec.Name]
		if !spec.Split || !ok {
			continue
		}
		sp := &Splitter{}
		sp.Write(data)
		if err := sp.Close(); err != nil {
			return out, errors.New(spec.Name + ": " + err.Error())
		}
		set, err := SplitParts(spec, sp, nil, "snapshot", lm, func(id, _ string, file []byte) error {
			out.Assets[SnapshotIndicatorPath(spec.Name, id)] = file
			return nil
		})
		if err != nil {
			return out, err
		}
		out.Sets[spec.Name] = set
	}
	if out.Sets["detail"] == nil || out.Sets["synthese"] == nil {
		return out, errors.New("the snapshot needs the detail and synthese files")
	}
	out.Assets[SnapshotIndexPath] = BuildIndex(out.Sets["detail"], out.Sets["synthese"], out.Sets["national"], lm)
	return out, nil
}
