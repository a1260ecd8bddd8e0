# Casebook. `make run` and `make test` are the only commands a fresh clone needs.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help run test bench fuzz lint system-deps clean package package-test screenshots \
	translations

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

# Rebuild the virtual environment whenever pyproject.toml is newer than the last install.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

system-deps: ## Install the Debian tools the tests read PDFs with (needs root; skipped if present)
	@bash packaging/system-deps.sh

run: $(STAMP) ## Open Casebook (offers a demo case when you have none)
	$(BIN)/casebook

test: $(STAMP) system-deps lint ## Install everything into .venv and run every test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

bench: $(STAMP) ## Run the scale suite; writes benchmarks/results.json
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks.run

fuzz: $(STAMP) ## Try 10,000 mutated inputs of each kind a stranger's file can be; prints counts
	CASEBOOK_FUZZ_EXAMPLES=10000 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -s \
		-W ignore::hypothesis.errors.HypothesisWarning tests/test_fuzz.py

screenshots: $(STAMP) system-deps ## Every section in each reading mode, under build/screenshots (Xvfb)
	xvfb-run -a -s "-screen 0 1366x768x24" $(BIN)/python docs/screenshots.py build/screenshots

translations: $(STAMP) ## Gather every sentence into translations/ for translators (see docs/translating.md)
	$(BIN)/python translations/gather.py

lint: $(STAMP) ## ruff, and mypy (strict on app/, and on ui/ and benchmarks/ too)
	$(BIN)/ruff check app ui tests benchmarks packaging docs translations
	$(BIN)/mypy app ui benchmarks packaging docs/screenshots.py translations

# The packaging tools (PyInstaller, build) join the same virtual environment.
PKG_STAMP := $(VENV)/.packaging-installed
$(PKG_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,package]'
	touch $(PKG_STAMP)

package: $(PKG_STAMP) system-deps ## Build the one-folder app and the .deb under dist/ (Linux)
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/build.py

package-test: package ## Build, then use the frozen app as a person would (see packaging/README.md)
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/package_test.py dist/casebook \
		--against $(BIN)/casebook --results benchmarks/results.json
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m package tests/test_packaging.py

clean: ## Remove the virtual environment, caches and built packages
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist
