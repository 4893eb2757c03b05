# Verktygslådan. `make serve` and `make test` are all a fresh machine needs;
# each installs what it needs first.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MKDOCS := $(VENV)/bin/mkdocs
BUILD_STAMP := $(VENV)/.build-deps
TEST_STAMP := $(VENV)/.test-deps
# The second engine, ProperDocs (a continuation of MkDocs 1.x), in a venv of its own.
PROPERDOCS_VENV := .venv-properdocs
PROPERDOCS_PY := $(PROPERDOCS_VENV)/bin/python
PROPERDOCS := $(PROPERDOCS_VENV)/bin/properdocs
PROPERDOCS_STAMP := $(PROPERDOCS_VENV)/.build-deps
NPM_STAMP := node_modules/.package-lock.json
ADDRESS ?= 127.0.0.1:8000
# make test runs the tests in this many processes, a test file's tests in one of them (tests/conftest.py).
TEST_WORKERS ?= 2
# An edition to build instead of the regional handbook: a folder, or a name under editions/.
UTGAVA ?=
export VERKTYGSLADAN_UTGAVA := $(UTGAVA)
# Where make build writes the site; an edition in another repository builds into its own folder.
SITE_DIR ?= site
STAGING = $(dir $(SITE_DIR)).$(notdir $(SITE_DIR))-staging
# make new-edition MAPP=…: write utgava.yml into an existing folder (a kommun's own repository).
MAPP ?=

# Silence the MkDocs 2.0 / ProperDocs banners; see shared research, stack.md §1.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: serve build build-properdocs check test schema schema-check new-method new-edition review-report external-links lighthouse clean

## serve: validate, build and serve the handbook at http://127.0.0.1:8000, reloading on edits (UTGAVA=… for an edition)
serve: $(BUILD_STAMP)
	$(PY) -m verktygsladan check
	VERKTYGSLADAN_PRINT_EDITION=off VERKTYGSLADAN_PREVIEW=on $(MKDOCS) serve --dirty --strict --dev-addr $(ADDRESS)

# How both engines build: validate, build into a staging folder, and replace
# $(SITE_DIR) only if the build succeeded. $(1) is the venv's python, $(2) the engine's
# command and $(3) any options of the engine's own.
define build_site
	$(1) -m verktygsladan check
	rm -rf "$(STAGING)"
	$(2) build --strict --site-dir "$(STAGING)" $(3)
	rm -rf "$(SITE_DIR)"
	mv "$(STAGING)" "$(SITE_DIR)"
endef

## build: validate, then build the site into site/ (site/ is replaced only if the build succeeds; UTGAVA=… for an edition)
build: $(BUILD_STAMP)
	$(call build_site,$(PY),$(MKDOCS))

## build-properdocs: the same as build, with ProperDocs instead of MkDocs 1.6 (in its own venv, .venv-properdocs/)
build-properdocs: $(PROPERDOCS_STAMP)
	$(call build_site,$(PROPERDOCS_PY),$(PROPERDOCS),--config-file mkdocs.yml)

## check: validate the methods only (fast, builds nothing; GITHUB=1 also annotates a pull request)
check: $(BUILD_STAMP)
	$(PY) -m verktygsladan check $(if $(GITHUB),--github,)

## schema: regenerate the JSON Schemas (methods/, editions/) after changing the content model or vocabulary
schema: $(BUILD_STAMP)
	$(PY) -m verktygsladan schema

## schema-check: fail if methods/method.schema.json is out of date
schema-check: $(BUILD_STAMP)
	$(PY) -m verktygsladan schema --check

## new-method: create methods/<slug>/ from the commented example (TITEL="…", or you are asked)
new-method: $(BUILD_STAMP)
	$(PY) -m verktygsladan new-method $(if $(TITEL),"$(TITEL)",)

## new-edition: create editions/<slug>/ (or MAPP=…) from the commented example edition (NAMN="…", or you are asked)
new-edition: $(BUILD_STAMP)
	$(PY) -m verktygsladan new-edition $(if $(NAMN),"$(NAMN)",) $(if $(MAPP),--mapp "$(MAPP)",)

## review-report: list the methods whose review date has passed
review-report: $(BUILD_STAMP)
	$(PY) -m verktygsladan review-report

## external-links: check every external link in the methods (needs the internet; not part of make test)
external-links: $(BUILD_STAMP)
	$(PY) -m verktygsladan external-links

## test: run every test, installing Python and Debian packages first if missing (TEST_WORKERS processes)
test: $(TEST_STAMP) $(PROPERDOCS_STAMP)
	@bash scripts/install-system-packages.sh test
	@$(MAKE) --no-print-directory $(NPM_STAMP)
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile

## lighthouse: page weight and Lighthouse scores on mobile (a benchmark, not a test; takes a few minutes)
lighthouse: $(TEST_STAMP)
	@bash scripts/install-system-packages.sh test
	npm ci --prefix benchmarks --no-audit --no-fund --loglevel=error
	@$(MAKE) --no-print-directory build
	$(PY) benchmarks/page_weight.py
	$(PY) benchmarks/lighthouse.py

clean:
	rm -rf site .site-staging docs/metoder .pytest_cache .cache node_modules benchmarks/node_modules $(PROPERDOCS_VENV)

$(VENV)/bin/python $(PROPERDOCS_PY):
	$(PYTHON) -m venv $(patsubst %/bin/python,%,$@)

$(BUILD_STAMP): requirements.txt scripts/install-system-packages.sh | $(VENV)/bin/python
	@bash scripts/install-system-packages.sh build
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

# The Nu HTML Checker, pinned in package-lock.json. Its own Java download is
# skipped by npm; Debian's Java runs it.
$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

$(TEST_STAMP): requirements-test.txt $(BUILD_STAMP)
	$(PY) -m pip install --quiet -r requirements-test.txt
	touch $@

$(PROPERDOCS_STAMP): requirements-properdocs.txt requirements.txt scripts/install-system-packages.sh | $(PROPERDOCS_PY)
	@bash scripts/install-system-packages.sh build
	$(PROPERDOCS_PY) -m pip install --quiet -r requirements-properdocs.txt
	touch $@
