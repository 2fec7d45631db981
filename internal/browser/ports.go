package browser

import (
	"fmt"
	"net"
	"strconv"
)

// Port ranges reserved by docs/DESIGN.md.
const (
	E2ELow, E2EHigh         = 8800, 8819
	BenchLow, BenchHigh     = 8830, 8849
	FakeGouvLow, FakeGouvHi = 9100, 9199
)

// FreePort returns the first port of [lo, hi] that can be listened on at
// 127.0.0.1 and is not in skip.
func FreePort(lo, hi int, skip ...int) (int, error) {
next:
	for p := lo; p <= hi; p++ {
		for _, s := range skip {
			if s == p {
				continue next
			}
		}
		l, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(p))
		if err != nil {
			continue
		}
		l.Close()
		return p, nil
	}
	return 0, fmt.Errorf("browser: no free port in %d–%d", lo, hi)
}

// Listen listens on the first free port of [lo, hi].
func Listen(lo, hi int) (net.Listener, error) {
	for p := lo; p <= hi; p++ {
		if l, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(p)); err == nil {
			return l, nil
		}
	}
	return nil, fmt.Errorf("browser: no free port in %d–%d", lo, hi)
}
