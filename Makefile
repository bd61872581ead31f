# Installs ewa: a stripped release binary, its man page, the bash, zsh and fish completions and
# the data `ewa demo` draws. The one recommended way, on Linux and macOS:
#
#   make install PREFIX=~/.local      # or: sudo make install (PREFIX=/usr/local)
#   make uninstall PREFIX=~/.local
#
# Layout under PREFIX:
#   bin/ewa                                        the stripped binary
#   share/man/man1/ewa.1                           `man ewa`
#   share/bash-completion/completions/ewa          bash (bash-completion's user-local folder)
#   share/zsh/site-functions/_ewa                  zsh (add the folder to fpath)
#   share/fish/vendor_completions.d/ewa.fish       fish
#   share/ewa/data/                                seattle-weather.csv, digits.csv for `ewa demo`
#
# On Linux the build links the Swift runtime and Foundation statically (EWA_STATIC_LINK=1, read
# by Package.swift), which keeps `ewa smooth` at about 15 MiB and the binary free of the
# toolchain's shared libraries; a plain `swift build -c release` stays dynamic and portable.
# SCRATCH is SwiftPM's build folder (--scratch-path).

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
SCRATCH ?= .build

UNAME := $(shell uname -s)
ifeq ($(UNAME),Linux)
  BUILD_ENV := EWA_STATIC_LINK=1
  STRIP := strip
else
  BUILD_ENV :=
  STRIP := strip -x
endif

STAGE := $(SCRATCH)/install-stage
ROOT := $(DESTDIR)$(PREFIX)
SHARE := $(ROOT)/share

.PHONY: all build man completions install uninstall clean-stage

all: build man completions

# The release binary, stripped into the stage folder.
build:
	$(BUILD_ENV) $(SWIFT) build -c release --scratch-path $(SCRATCH) --product ewa
	mkdir -p $(STAGE)
	cp $(SCRATCH)/release/ewa $(STAGE)/ewa
	$(STRIP) $(STAGE)/ewa

# The man page from the command definitions (swift-argument-parser's generate-manual plugin; it
# builds the package's products in release mode first, which `build` has done).
man: build
	$(BUILD_ENV) $(SWIFT) package --scratch-path $(SCRATCH) plugin generate-manual \
	  --configuration release
	cp $(SCRATCH)/plugins/GenerateManual/outputs/ewa/ewa.1 $(STAGE)/ewa.1

completions: build
	$(STAGE)/ewa --generate-completion-script bash > $(STAGE)/ewa.bash
	$(STAGE)/ewa --generate-completion-script zsh > $(STAGE)/_ewa
	$(STAGE)/ewa --generate-completion-script fish > $(STAGE)/ewa.fish

install: all
	install -d "$(ROOT)/bin" "$(SHARE)/man/man1" "$(SHARE)/bash-completion/completions" \
	  "$(SHARE)/zsh/site-functions" "$(SHARE)/fish/vendor_completions.d" "$(SHARE)/ewa/data"
	install -m 755 $(STAGE)/ewa "$(ROOT)/bin/ewa"
	install -m 644 $(STAGE)/ewa.1 "$(SHARE)/man/man1/ewa.1"
	install -m 644 $(STAGE)/ewa.bash "$(SHARE)/bash-completion/completions/ewa"
	install -m 644 $(STAGE)/_ewa "$(SHARE)/zsh/site-functions/_ewa"
	install -m 644 $(STAGE)/ewa.fish "$(SHARE)/fish/vendor_completions.d/ewa.fish"
	install -m 644 data/seattle-weather.csv data/digits.csv data/README.md "$(SHARE)/ewa/data"
	@echo "installed $(ROOT)/bin/ewa ($$(wc -c < "$(ROOT)/bin/ewa" | tr -d ' ') bytes)"

uninstall:
	rm -f "$(ROOT)/bin/ewa" "$(SHARE)/man/man1/ewa.1" \
	  "$(SHARE)/bash-completion/completions/ewa" "$(SHARE)/zsh/site-functions/_ewa" \
	  "$(SHARE)/fish/vendor_completions.d/ewa.fish"
	rm -rf "$(SHARE)/ewa"

clean-stage:
	rm -rf $(STAGE)
