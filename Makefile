# StripeScope: `make run` opens the TUI, `make test` runs every test.
SWIFT ?= swift
APT_GET := $(shell command -v sudo >/dev/null 2>&1 && [ "$$(id -u)" != 0 ] && echo sudo) apt-get
FUZZ_SECONDS ?= 60

.PHONY: build release run test deps test-deps fuzz fuzz-build bench clean

## Install the ncursesw headers when they are missing.
deps:
	@if [ ! -f /usr/include/ncursesw/curses.h ]; then \
		echo "Installing libncursesw5-dev..."; \
		$(APT_GET) update -qq && DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq libncursesw5-dev; \
	fi

## What the tests also need: tmux for the TUI, asciinema and xmllint for the exports.
test-deps: deps
	@missing=""; \
	command -v tmux >/dev/null 2>&1 || missing="$$missing tmux"; \
	command -v asciinema >/dev/null 2>&1 || missing="$$missing asciinema"; \
	command -v xmllint >/dev/null 2>&1 || missing="$$missing libxml2-utils"; \
	command -v script >/dev/null 2>&1 || missing="$$missing bsdutils"; \
	if [ -n "$$missing" ]; then \
		echo "Installing$$missing..."; \
		$(APT_GET) update -qq && DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

## Open the debugger on the bundled default scenario.
run: build
	$$($(SWIFT) build --show-bin-path)/stripescope

## Build, run every test (unit, snapshot, CLI, tmux end to end), then a short fuzz run.
## The tests take seconds; the timeout turns a hang into a failure instead of a stuck CI.
test: test-deps
	$(SWIFT) build
	STRIPESCOPE_BIN=$$($(SWIFT) build --show-bin-path)/stripescope SNAPSHOT_TESTING_RECORD=never \
		timeout -k 10 900 $(SWIFT) test
	$(MAKE) fuzz FUZZ_SECONDS=$(FUZZ_SECONDS)

## The libFuzzer harness over the scenario parser and the engine (Fuzz/).
fuzz-build: deps
	cd Fuzz && $(SWIFT) build -Xswiftc -sanitize=fuzzer -Xswiftc -use-ld=lld

fuzz: fuzz-build
	@mkdir -p .fuzz-corpus
	cp assets/scenarios/*.scn Fuzz/Corpus/* .fuzz-corpus/ 2>/dev/null || true
	cd Fuzz && $$($(SWIFT) build -Xswiftc -sanitize=fuzzer -Xswiftc -use-ld=lld --show-bin-path)/StripeFuzz \
		../.fuzz-corpus -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -timeout=10 -artifact_prefix=../.fuzz-corpus/ \
		> ../.fuzz-corpus/fuzz.log 2>&1; status=$$?; tail -n 3 ../.fuzz-corpus/fuzz.log; exit $$status

## The benchmark figures (release build).
bench: release
	$$($(SWIFT) build -c release --show-bin-path)/stripescope bench --size 1G

clean:
	rm -rf .build Fuzz/.build .fuzz-corpus
