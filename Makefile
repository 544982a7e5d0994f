# Build, test and package Partnerystė.
#
# Fyne's GLFW driver needs cgo and, on Linux, the build tag x11 (or wayland
# with its own libraries). GOFLAGS carries the tag, so every go command that
# make runs, and the go build that `fyne package` runs, uses it.
#
# FyneApp.toml does not set [Migrations] fyneDo = true: that setting builds
# with the tag migrated_fynedo and turns off Fyne's check for widget calls made
# outside fyne.Do, in development runs too. The check stays on everywhere.

GO ?= go
TAGS ?= x11
export GOFLAGS := -tags=$(TAGS)

# make run: the program on its default profile, as a user starts it. On an
# empty data file the first screen offers the sample data, which stay local
# and are never sent to a server. RUN_FLAGS passes flags, such as
# RUN_FLAGS="-profile demo -sample" for a separate profile with the samples.
RUN_FLAGS ?=

# make test: the race detector is on by default; TEST_FLAGS="-count=1" runs
# without it and without the test cache.
TEST_FLAGS ?= -race
TEST_PACKAGES ?= ./...

# make bench: every benchmark once, with allocations, and no unit tests.
BENCH_FLAGS ?= -run=^$$ -bench=. -benchmem -count=1
BENCH_PACKAGES ?= ./...

BINARY ?= bin/partneryste
SERVER_BINARY ?= bin/partneryste-server
# The program's version, read from FyneApp.toml so that it is kept in one place.
VERSION ?= $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
DIST ?= dist
FYNE_VERSION ?= v1.7.4
FYNE ?= $(shell $(GO) env GOPATH)/bin/fyne

.PHONY: all deps run test vet fmt-check build server package smoke bench icon tools clean

all: test build

deps:
	@scripts/deps.sh

run: deps
	$(GO) run -tags $(TAGS) . $(RUN_FLAGS)

test: deps vet fmt-check
	$(GO) test -tags $(TAGS) $(TEST_FLAGS) $(TEST_PACKAGES)

vet:
	$(GO) vet -tags $(TAGS) ./...

fmt-check:
	@files=$$(gofmt -l .); \
	if [ -n "$$files" ]; then echo "gofmt: these files need formatting (run gofmt -w):"; echo "$$files"; exit 1; fi; \
	echo "gofmt: all files formatted"

build: server
	$(GO) build -tags $(TAGS) -o $(BINARY) .

# The coordinator's server imports neither Fyne nor cgo, so it builds with
# CGO_ENABLED=0 into a static binary for a headless Linux server. The build
# fails if a cgo dependency creeps in.
server:
	CGO_ENABLED=0 $(GO) build -ldflags "-X main.version=$(VERSION)" -o $(SERVER_BINARY) ./cmd/partneryste-server

# fyne package reads FyneApp.toml from the main package's folder, the module
# root, and writes Partnerystė.tar.xz: the binary, the icon and a .desktop file
# with a Makefile that installs them under /usr/local or ~/.local.
# fyne package (tools v1.7.4) also rewrites FyneApp.toml, incrementing Build and
# dropping its comments, so the file is restored afterwards: the version and
# build number change only by a commit.
package: tools
	mkdir -p $(DIST)
	cp FyneApp.toml $(DIST)/FyneApp.toml.orig
	$(FYNE) package -os linux --tags $(TAGS) --release; \
	status=$$?; cp $(DIST)/FyneApp.toml.orig FyneApp.toml; rm -f $(DIST)/FyneApp.toml.orig; \
	exit $$status
	mv -f Partnerystė.tar.xz $(DIST)/
	@echo "package: $(DIST)/Partnerystė.tar.xz"

smoke: deps
	scripts/smoke.sh

bench:
	$(GO) test -tags $(TAGS) $(BENCH_FLAGS) $(BENCH_PACKAGES)

# Redraws assets/icon.png from scripts/icongen.
icon:
	$(GO) run ./scripts/icongen -o assets/icon.png

tools:
	@test -x $(FYNE) || $(GO) install fyne.io/tools/cmd/fyne@$(FYNE_VERSION)

clean:
	rm -rf bin $(DIST)
