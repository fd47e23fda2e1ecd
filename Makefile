# StripeScope: `make run` opens the TUI, `make test` runs every test.
SWIFT ?= swift
APT_GET := $(shell command -v sudo >/dev/null 2>&1 && [ "$$(id -u)" != 0 ] && echo sudo) apt-get
FUZZ_SECONDS ?= 60
## `make install` puts the files under $(DESTDIR)$(PREFIX), from the $(CONFIG) build.
PREFIX ?= /usr/local
CONFIG ?= release
DEST = $(DESTDIR)$(PREFIX)
## What `make install` writes: the binary, the man page, bash, zsh and fish completions.
INSTALLED = $(DEST)/bin/stripescope $(DEST)/share/man/man1/stripescope.1 \
	$(DEST)/share/bash-completion/completions/stripescope $(DEST)/share/zsh/site-functions/_stripescope \
	$(DEST)/share/fish/vendor_completions.d/stripescope.fish
## The man page carries the date of the last commit, not of the build.
MAN_DATE = $(shell git log -1 --format=%cs 2>/dev/null)

.PHONY: build release run install uninstall test deps test-deps fuzz fuzz-build bench clean

## Install the ncursesw headers when they are missing.
deps:
	@if [ ! -f /usr/include/ncursesw/curses.h ]; then \
		echo "Installing libncursesw5-dev..."; \
		$(APT_GET) update -qq && DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq libncursesw5-dev; \
	fi

## What the tests also need: tmux for the TUI, asciinema and xmllint for the exports, man for
## the installed page.
test-deps: deps
	@missing=""; \
	command -v tmux >/dev/null 2>&1 || missing="$$missing tmux"; \
	command -v asciinema >/dev/null 2>&1 || missing="$$missing asciinema"; \
	command -v xmllint >/dev/null 2>&1 || missing="$$missing libxml2-utils"; \
	command -v script >/dev/null 2>&1 || missing="$$missing bsdutils"; \
	command -v man >/dev/null 2>&1 || missing="$$missing man-db"; \
	if [ -n "$$missing" ]; then \
		echo "Installing$$missing..."; \
		$(APT_GET) update -qq && DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

## The binary, a man page made from the --help texts by swift-argument-parser's generate-manual
## plugin, and shell completions from the binary itself, staged in .build/share first so that
## `install -m` sets their modes. mdoc forbids blank lines, which the plugin copies from
## multi-paragraph help: sed turns them into paragraph breaks.
install: deps
	$(SWIFT) build -c $(CONFIG)
	$(SWIFT) package plugin generate-manual --configuration $(CONFIG) $(if $(MAN_DATE),--date $(MAN_DATE))
	@mkdir -p .build/share
	sed 's/^$$/.Pp/' .build/plugins/GenerateManual/outputs/stripescope/stripescope.1 > .build/share/stripescope.1
	for shell in bash zsh fish; do \
		.build/$(CONFIG)/stripescope --generate-completion-script $$shell > .build/share/stripescope.$$shell || exit 1; \
	done
	install -d $(sort $(dir $(INSTALLED)))
	install -m 755 .build/$(CONFIG)/stripescope $(DEST)/bin/stripescope
	install -m 644 .build/share/stripescope.1 $(DEST)/share/man/man1/stripescope.1
	install -m 644 .build/share/stripescope.bash $(DEST)/share/bash-completion/completions/stripescope
	install -m 644 .build/share/stripescope.zsh $(DEST)/share/zsh/site-functions/_stripescope
	install -m 644 .build/share/stripescope.fish $(DEST)/share/fish/vendor_completions.d/stripescope.fish

uninstall:
	rm -f $(INSTALLED)

## Open the debugger on the bundled default scenario, from the release build (a debug
## build steps slowly on big scenarios): .build/release/stripescope. `make run ARGS="tui gap"`
## passes arguments.
run: release
	$$($(SWIFT) build -c release --show-bin-path)/stripescope $(ARGS)

## Build, run every test (unit, snapshot, CLI, tmux end to end), check `make install`, then a
## short fuzz run. Prints only failures (in full) and ends with the line `N passed, N failed`;
## the rest goes to $(TEST_OUT). The timeout turns a hang into a failure, not a stuck CI.
TEST_OUT := .build/test-output
TEST_TIMEOUT ?= 900
test: test-deps
	@rm -rf $(TEST_OUT) && mkdir -p $(TEST_OUT) && : > $(TEST_OUT)/results
	@echo "swift test (output in $(TEST_OUT)/swift-test.log)"
	@{ $(SWIFT) build && STRIPESCOPE_BIN=$$($(SWIFT) build --show-bin-path)/stripescope SNAPSHOT_TESTING_RECORD=never \
		timeout -k 10 $(TEST_TIMEOUT) $(SWIFT) test; } > $(TEST_OUT)/swift-test.log 2>&1; \
		.ci/swift-test-summary $(TEST_OUT)/swift-test.log $$? $(TEST_OUT)/results
	@echo "make install (output in $(TEST_OUT)/install.log)"
	@if MAKE="$(MAKE)" timeout -k 10 $(TEST_TIMEOUT) .ci/test-install > $(TEST_OUT)/install.log 2>&1; \
		then echo "pass make install" >> $(TEST_OUT)/results; \
		else tail -n 20 $(TEST_OUT)/install.log; echo "fail make install" >> $(TEST_OUT)/results; fi
	@echo "fuzz for $(FUZZ_SECONDS) s (output in $(TEST_OUT)/fuzz.log and .fuzz-corpus/fuzz.log)"
	@if $(MAKE) -s fuzz FUZZ_SECONDS=$(FUZZ_SECONDS) > $(TEST_OUT)/fuzz.log 2>&1; \
		then echo "pass fuzz" >> $(TEST_OUT)/results; else echo "fail fuzz" >> $(TEST_OUT)/results; fi; \
		tail -n 3 $(TEST_OUT)/fuzz.log
	@awk '$$1 == "pass" { passed++ } $$1 == "fail" { failed++; print "FAILED: " substr($$0, 6) } \
		END { print passed + 0 " passed, " failed + 0 " failed"; exit failed > 0 }' $(TEST_OUT)/results

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
