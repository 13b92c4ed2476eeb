package assessment_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"gdprtjek/assessment"
	"gdprtjek/checklists"
)

// largeSnapshot is an assessment of 10,000 answered questions, each with a note of noteLen
// characters, evidence and an owner, and one comment of commentLen characters per question:
// the largest exchange file real use makes (docs/robustness.md) at noteLen 600 and
// commentLen 300.
func largeSnapshot(set *checklists.Set, noteLen, commentLen int) *assessment.Snapshot {
	snap := &assessment.Snapshot{
		Company: assessment.Company{Name: "Æblegården ApS", CVR: "38745123", Address: "Frugtvej 1, 5000 Odense C"},
		Assessment: assessment.Assessment{UID: "bench-largest", Title: "GDPR-gennemgang 2026", Assessor: "Søren Åkjær",
			Status: assessment.Draft, Checklists: set.Refs(), CreatedAt: epoch, UpdatedAt: epoch},
		Answers: map[string]assessment.Answer{},
	}
	// Danish prose with æøå and punctuation, so that escaping costs what it costs in real files.
	prose := func(n int, seed int) string {
		words := strings.Fields("Rutinen for sletning af ansøgninger er beskrevet i personalehåndbogen, men den følges " +
			"ikke altid; økonomiafdelingen gemmer lønsedler i e-conomic i fem år efter bogføringsloven § 10. " +
			"Vi aftalte på mødet at gennemgå adgangene i Business Central og lukke de brugere, der er fratrådt.")
		var b strings.Builder
		for i := seed; b.Len() < n; i++ {
			b.WriteString(words[i%len(words)])
			b.WriteByte(' ')
		}
		return strings.ToValidUTF8(b.String()[:n], "") // cut on a character boundary
	}
	i := 0
	for _, c := range set.Checklists {
		for _, q := range c.Questions {
			snap.Answers[q.ID] = assessment.Answer{QuestionID: q.ID, Value: benchValues[i%len(benchValues)],
				Note: prose(noteLen, i), Evidence: "Personalehåndbog v3, afsnit " + fmt.Sprint(i%40),
				Owner: "Mette Ørum", Due: "2027-03-31", ActionStatus: assessment.ActionOpen, UpdatedAt: epoch, UpdatedBy: "Søren Åkjær"}
			snap.Comments = append(snap.Comments, assessment.Comment{QuestionID: q.ID, Author: "Partner A/S",
				Body: prose(commentLen, i+7), CreatedAt: epoch})
			i++
		}
	}
	return snap
}

// BenchmarkImportLargest imports the largest realistic exchange file (10,000 answers with long
// notes, 10,000 comments) and one grown to just under the 64 MB limit, each read from disk as
// the command line does, and reports the file's size and the peak heap over the import, as
// megabytes and as a multiple of the file's size (the target is a small multiple).
func BenchmarkImportLargest(b *testing.B) {
	set := genSet(10_000)
	for _, tc := range []struct {
		name                string
		noteLen, commentLen int
	}{
		{"realistic", 600, 300},
		{"at-limit", 3000, 2600},
	} {
		b.Run(tc.name, func(b *testing.B) {
			data, err := assessment.MarshalExchange(largeSnapshot(set, tc.noteLen, tc.commentLen))
			if err != nil {
				b.Fatal(err)
			}
			if len(data) > assessment.MaxExchangeFileSize {
				b.Fatalf("the file is %d bytes, over the limit", len(data))
			}
			file := filepath.Join(b.TempDir(), "largest.json")
			if err := os.WriteFile(file, data, 0o600); err != nil {
				b.Fatal(err)
			}
			size := float64(len(data))
			data = nil
			ctx := context.Background()
			var stores []*assessment.Store
			b.Cleanup(func() {
				for _, s := range stores {
					s.Close()
				}
			})
			peak, peakLive, base, baseLive := sampleHeap()
			for b.Loop() {
				b.StopTimer()
				s, err := assessment.Open(ctx, filepath.Join(b.TempDir(), "import.db"))
				if err != nil {
					b.Fatal(err)
				}
				stores = append(stores, s)
				b.StartTimer()
				in, err := assessment.ReadFileLimited(file, assessment.MaxExchangeFileSize)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := s.ImportProtected(ctx, set, in, "", false); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			heap, live := peak(), peakLive()
			b.ReportMetric(size/(1<<20), "file-MB")
			b.ReportMetric(float64(heap-base)/(1<<20), "peak-heap-MB")
			b.ReportMetric(float64(live-baseLive)/(1<<20), "peak-live-MB")
			b.ReportMetric(float64(heap-base)/size, "peak-heap/file")
			b.ReportMetric(float64(live-baseLive)/size, "peak-live/file")
		})
	}
}

// sampleHeap starts sampling the heap every millisecond (runtime/metrics does not stop the
// world) after a collection, and returns functions that stop it and return the peaks, and
// the baselines: all heap objects (garbage included) and the heap live at the last collection.
func sampleHeap() (peak, peakLive func() uint64, base, baseLive uint64) {
	read := func() (uint64, uint64) {
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"}}
		metrics.Read(s)
		return s[0].Value.Uint64(), s[1].Value.Uint64()
	}
	runtime.GC()
	base, baseLive = read()
	var p, pl atomic.Uint64
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				h, l := read()
				if h > p.Load() {
					p.Store(h)
				}
				if l > pl.Load() {
					pl.Store(l)
				}
			}
		}
	}()
	var stopped atomic.Bool
	halt := func() {
		if stopped.CompareAndSwap(false, true) {
			close(stop)
			<-done
		}
	}
	peak = func() uint64 { halt(); return max(p.Load(), base) }
	peakLive = func() uint64 { halt(); return max(pl.Load(), baseLive) }
	return peak, peakLive, base, baseLive
}
