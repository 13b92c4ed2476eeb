package reports_test

import (
	"io"
	"runtime"
	"runtime/metrics"
	"sync/atomic"
	"testing"
	"time"

	"gdprtjek/i18n"
	"gdprtjek/reports"
)

func BenchmarkReport100(b *testing.B)   { benchmarkReport(b, 100) }
func BenchmarkReport1000(b *testing.B)  { benchmarkReport(b, 1000) }
func BenchmarkReport10000(b *testing.B) { benchmarkReport(b, 10000) }

// benchmarkReport renders a report of n answered questions of typical length and reports, beside time and allocations, the peak live heap while rendering.
func benchmarkReport(b *testing.B, n int) {
	set, snap := typical(n)
	opts := reports.Options{Lang: i18n.Danish, Now: fixedNow}
	runtime.GC()
	base, baseLive := liveHeap()
	var peak, peakLive atomic.Uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() { // sample the live heap; reading runtime/metrics does not stop the world
		defer close(done)
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				h, live := liveHeap()
				if h > peak.Load() {
					peak.Store(h)
				}
				if live > peakLive.Load() {
					peakLive.Store(live)
				}
			}
		}
	}()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := reports.Render(io.Discard, set, snap, opts); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	close(stop)
	<-done
	if p := peak.Load(); p > base {
		b.ReportMetric(float64(p-base)/(1<<20), "peak-heap-MB")
	}
	if p := peakLive.Load(); p > baseLive {
		b.ReportMetric(float64(p-baseLive)/(1<<20), "peak-live-MB")
	}
}

// liveHeap returns the heap's objects, including garbage not yet collected (what the process
// holds), and the heap found live by the last collection (what the report needs).
func liveHeap() (objects, live uint64) {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64(), s[1].Value.Uint64()
}
