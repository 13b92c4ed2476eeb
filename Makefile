# GDPR-tjek. `make run` opens the app, `make test` runs every check; both install the Debian
# packages the cgo build needs first (scripts/deps.sh).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

export CGO_ENABLED := 1
GO       ?= go
VERSION  ?= $(shell git describe --tags 2>/dev/null || echo dev)
LDFLAGS  := -X main.version=$(VERSION)
BIN      := build/gdprtjek
DB       ?=
LANG_ARG ?=
BENCHTIME ?= 1s
FUZZTIME ?= 1m

.PHONY: all deps build run test vet fmt-check demo bench fuzz screenshots dist dist-check clean

all: build

deps:
	@bash scripts/deps.sh

build: deps
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) .

## run: build and open the desktop app on the default database (DB=file to choose another)
run: build
	./$(BIN) $(if $(DB),--db "$(DB)") $(if $(LANG_ARG),--lang $(LANG_ARG))

## test: formatting, vet and every test with the race detector; no display needed
test: deps fmt-check vet
	$(GO) test -race -count=1 -timeout 25m ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

## demo: the sample company's reports, headless, in build/demo
demo: build
	rm -rf build/demo
	./$(BIN) demo --db build/demo/demo.db --out build/demo
	@ls -l build/demo/*.pdf

## bench: speed and memory benchmarks; docs/benchmarks.md records the results
bench: deps
	$(GO) test -run '^$$' -bench . -benchmem -benchtime $(BENCHTIME) ./...

## fuzz: every fuzz target for FUZZTIME each (`make test` replays their seeds and testdata/fuzz)
fuzz: deps
	FUZZTIME=$(FUZZTIME) bash scripts/fuzz.sh

## screenshots: every main screen in both languages (Fyne's test renderer), and the real app's
## window under Xvfb, into docs/screenshots/
screenshots: build
	@bash scripts/deps.sh xvfb imagemagick xdotool
	$(GO) test ./ui -run '^TestDocScreenshots$$' -count=1 -args -screenshots="$(CURDIR)/docs/screenshots"
	bash scripts/screenshots.sh $(BIN) docs/screenshots

## dist: installable packages in dist/ made with the fyne tool from the committed tree (HEAD):
## gdprtjek-$(VERSION)-linux-amd64.tar.xz and gdprtjek-$(VERSION)-windows-amd64.exe.
## DIST_TARGETS=linux builds one; DIST_SRC=worktree packages uncommitted edits too.
DIST_TARGETS ?= linux windows
dist: deps
	@bash scripts/deps.sh $(if $(filter windows,$(DIST_TARGETS)),gcc-mingw-w64-x86-64) xz-utils
	bash scripts/dist.sh "$(VERSION)" $(DIST_TARGETS)
	@ls -l dist/

## dist-check: the Windows package built (as `make dist`) and run under Wine and Xvfb through
## ../shared/wine/run-exe.sh: --version, --help through cmd.exe, an unknown command, demo into a
## folder, the database under %AppData%\gdprtjek, and the start screen drawn (screenshot in
## build/dist-check). Slow: run it in the session, not in CI; docs/robustness.md has its output.
dist-check: deps
	@bash scripts/deps.sh gcc-mingw-w64-x86-64 xz-utils wine64 wine xvfb xdotool imagemagick
	bash scripts/dist.sh "$(VERSION)" windows
	bash scripts/dist-check.sh dist/gdprtjek-$(VERSION)-windows-amd64.exe

clean:
	rm -rf build dist
