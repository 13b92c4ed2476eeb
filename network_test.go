package main

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// GDPR-tjek makes no network calls; this keeps network packages out of our own code. net/url
// is allowed: the UI builds a file:// URL to open a local folder with, which parses text only.
// Fyne's own imports are outside our reach.
var networkPackages = []string{"net", "net/http", "net/rpc", "net/smtp", "net/mail", "net/textproto", "crypto/tls",
	"golang.org/x/net", "google.golang.org/grpc"}

func TestNoNetworkImports(t *testing.T) {
	checked := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "build") && path != "." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		checked++
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			for _, banned := range networkPackages {
				// "net" is banned itself, not its whole tree (net/url is allowed).
				if p == banned || (banned != "net" && strings.HasPrefix(p, banned+"/")) {
					t.Errorf("%s imports %s: GDPR-tjek makes no network calls", path, p)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 20 {
		t.Fatalf("checked only %d files; the walk is broken", checked)
	}
}
