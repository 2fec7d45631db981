package main

// A table-driven JSON writer for the app's view types. Each view type has
// its table of fields in encode.go: the JSON key, the kind of the
// Go field and its offset. One loop writes any table, where a hand-written
// encoder per type would cost a call per field: in Go's wasm every call
// site is tens of bytes of code and line tables, and the views have about
// 150 fields (this layout keeps app.wasm under its size budget).
// jsonw_test.go (TestTablesMatchTypes) checks every table against its Go
// type with reflect.

import (
	"unsafe"
)

// kind is how a field is read and written.
type kind uint8

const (
	kStr      kind = iota // string
	kStrOpt               // string, left out when empty
	kInt                  // int
	kNum                  // float64 (NaN and infinities as null)
	kNumOpt               // float64, left out when NaN
	kBool                 // bool
	kBytes                // []byte, as a JSON string
	kStrs                 // []string
	kStrsJoin             // []string, as one "|"-separated string
	kInts                 // []int
	kNums                 // []float64
	kNumsOpt              // []float64, left out when nil
	kBools                // []bool
	kBoolsOpt             // []bool, left out when nil
	kPairs                // [][2]string
	kRows                 // [][]string
	kObj                  // struct: sub
	kArr                  // []struct: sub, each elem bytes long
	kArrOpt               // []struct, left out when nil
)

// field is one JSON field of a view type: its key, its kind, the index
// in tables of the table of a nested struct (kObj, kArr, kArrOpt), its
// offset in the struct and, for kArr and kArrOpt, the size of an element.
// Small integers: the tables are part of app.wasm.
type field struct {
	key  string
	kind kind
	sub  uint8
	off  uint16
	elem uint16
}

// sliceHeader is the layout of any Go slice.
type sliceHeader struct {
	data     unsafe.Pointer
	len, cap int
}

// writeFields writes the fields of the struct at p into the object open
// in w.
func writeFields(w *jw, p unsafe.Pointer, fs []field) {
	for i := range fs {
		f := &fs[i]
		q := unsafe.Add(p, uintptr(f.off))
		switch f.kind {
		case kStr:
			w.ks(f.key, *(*string)(q))
		case kStrOpt:
			if s := *(*string)(q); s != "" {
				w.ks(f.key, s)
			}
		case kInt:
			w.ki(f.key, *(*int)(q))
		case kNum:
			w.kn(f.key, *(*float64)(q))
		case kNumOpt:
			w.knOpt(f.key, *(*float64)(q))
		case kBool:
			w.kb(f.key, *(*bool)(q))
		case kBytes:
			b := *(*[]byte)(q)
			w.key(f.key)
			w.sep()
			w.b = appendJSONString(w.b, unsafe.String(unsafe.SliceData(b), len(b)))
		case kStrs:
			w.strs(f.key, *(*[]string)(q))
		case kStrsJoin:
			a := *(*[]string)(q)
			n := 0
			for _, x := range a {
				n += len(x) + 1
			}
			b := make([]byte, 0, n)
			for j, x := range a {
				if j > 0 {
					b = append(b, '|')
				}
				b = append(b, x...)
			}
			w.ks(f.key, string(b))
		case kInts:
			w.ints(f.key, *(*[]int)(q))
		case kNums, kNumsOpt:
			a := *(*[]float64)(q)
			if a != nil || f.kind == kNums {
				w.nums(f.key, a)
			}
		case kBools, kBoolsOpt:
			a := *(*[]bool)(q)
			if a != nil || f.kind == kBools {
				w.bools(f.key, a)
			}
		case kPairs:
			w.key(f.key).arr()
			for _, x := range *(*[][2]string)(q) {
				w.arr().str(x[0]).str(x[1]).endArr()
			}
			w.endArr()
		case kRows:
			w.key(f.key).arr()
			for _, r := range *(*[][]string)(q) {
				w.arr()
				for _, c := range r {
					w.str(c)
				}
				w.endArr()
			}
			w.endArr()
		case kObj:
			w.key(f.key).obj()
			writeFields(w, q, tables[f.sub])
			w.endObj()
		case kArr, kArrOpt:
			h := (*sliceHeader)(q)
			if h.data == nil && f.kind == kArrOpt {
				continue
			}
			w.key(f.key)
			writeArray(w, h, tables[f.sub], uintptr(f.elem))
		}
	}
}

// writeArray writes the slice h of structs (elem bytes each) as an array
// of objects.
func writeArray(w *jw, h *sliceHeader, fs []field, elem uintptr) {
	w.arr()
	for j := 0; j < h.len; j++ {
		w.obj()
		writeFields(w, unsafe.Add(h.data, uintptr(j)*elem), fs)
		w.endObj()
	}
	w.endArr()
}
