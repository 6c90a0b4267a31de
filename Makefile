# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
EXAMPLE := examples/heyman-soleimani.txt

.PHONY: demo test test-fast install install-test bench bench-ingest bench-spark eval clean

demo: $(VENV)/.installed
	$(BIN)/reportedly analyze $(EXAMPLE) --published 2021-12-21

test: $(VENV)/.installed-test $(VENV)/.system-deps
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/python -m pytest

# The pure tests only: no PostgreSQL, no browser, no schemathesis run (about a minute).
test-fast: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q -k "not postgresql and not browser and not fuzz and not spark"

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

# The store tests start a throwaway PostgreSQL cluster (Debian package postgresql); the browser tests drive Debian's
# chromium through Playwright (never a browser Playwright downloads); the Spark tests need a Java 17 runtime.
$(VENV)/.system-deps: | $(VENV)/bin/python
	@missing=""; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	test -x /usr/bin/chromium || missing="$$missing chromium"; \
	command -v java >/dev/null 2>&1 || missing="$$missing openjdk-17-jre-headless"; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages for the tests:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test,embeddings,spark]'
	touch $@

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/bench_analyze.py

# Needs ../shared/data (the articles whose paragraphs are recombined into the benchmark corpus).
bench-ingest: $(VENV)/.installed
	$(BIN)/python benchmarks/bench_ingest.py --n 2000

# Spark (local[2]) against ingest --processes 2 on this machine; the issue's size is --n 10000 (10k vs 20k).
bench-spark: $(VENV)/.installed-test
	$(BIN)/python benchmarks/bench_spark.py --n 1000

# Needs the shared datasets beside the checkout (../shared/data); prints the numbers quoted in the README.
DATA ?= ../shared/data
eval: $(VENV)/.installed
	$(BIN)/reportedly eval quotes $(DATA)/quotes/ggt/test.jsonl --scope speech
	$(BIN)/reportedly eval quotes $(DATA)/quotes/polnear/dev.jsonl --only direct
	$(BIN)/reportedly eval timex $(DATA)/timex/tempeval3/test.jsonl

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
