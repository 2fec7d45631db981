package barometre

// Parse reads a whole published file. It returns a *StructuralError when
// the file is refused; otherwise every data row is either kept or reported
// in Warnings.
func Parse(data []byte) (*File, error) {
	return nil, &StructuralError{Reason: "not implemented yet"}
}

// ParseSelected reads only the rows whose id_indicateur is one of ids
// (all rows when ids is empty): the others are skipped without being parsed
// (counted in File.Skipped), which is how the page reads the full 22.8 MB
// file quickly. Line numbers stay those of data.
func ParseSelected(data []byte, ids []string) (*File, error) {
	return nil, &StructuralError{Reason: "not implemented yet"}
}
