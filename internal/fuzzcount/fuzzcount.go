// Package fuzzcount counts the inputs a fuzz target tries, for `make fuzz`'s figures. Go's own
// "execs" line counts only the batches a worker has reported back, so a target whose tries
// take milliseconds can show a handful after a minute of work. Each fuzzing process adds up
// its own tries and writes the total, once a second and as it goes, to a file named after the
// target and the process in $GDPRTJEK_FUZZ_COUNTS; scripts/fuzz.sh sums the files. Without
// that variable nothing is counted or written.
package fuzzcount

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"
)

var (
	mu       sync.Mutex
	counters = map[string]*atomic.Int64{}
)

// Tried records one try of target.
func Tried(target string) {
	dir := os.Getenv("GDPRTJEK_FUZZ_COUNTS")
	if dir == "" {
		return
	}
	mu.Lock()
	c, ok := counters[target]
	if !ok {
		c = new(atomic.Int64)
		counters[target] = c
		go write(filepath.Join(dir, fmt.Sprintf("%s.%d", target, os.Getpid())), c)
	}
	mu.Unlock()
	c.Add(1)
}

// write keeps the file at the current total; a worker is stopped without notice, so the last
// second's tries may be missing from the figure, never added twice.
func write(path string, c *atomic.Int64) {
	for {
		tmp := path + ".tmp"
		if os.WriteFile(tmp, fmt.Appendf(nil, "%d\n", c.Load()), 0o600) == nil {
			os.Rename(tmp, path)
		}
		time.Sleep(time.Second)
	}
}
