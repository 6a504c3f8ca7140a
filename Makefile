# netz – zwei Befehle auf einem frischen Klon: make status, make test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installiert

.PHONY: status test test-hostile lint format validate clean docs

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

status: $(STAMP)
	$(BIN)/netz status

# Hypothesis-Profil (tests/conftest.py): „schnell“ am Schreibtisch, .ci/run ruft „make test
# HYPOTHESIS=ci“ mit den vollen Beispielzahlen
HYPOTHESIS ?= schnell

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy src
	$(BIN)/python -m pytest -n auto --dist worksteal -m "not slow" --hypothesis-profile=$(HYPOTHESIS)

# Feindliche Eingaben (Korpus, Angriffe, Mutationen) unter einer Speicher- und Zeitgrenze:
# ein Fall, der mehr als 1 GiB Adressraum braucht oder hängt, lässt den Lauf scheitern.
test-hostile: $(STAMP)
	ulimit -v 1048576 && timeout 600 $(BIN)/python -m pytest -q -p no:cacheprovider \
		tests/test_feindlich.py tests/pruefen/test_korpus.py tests/cli/test_mutationen.py \
		tests/cli/test_welt.py tests/daten/test_laden.py

validate: $(STAMP)
	$(BIN)/netz validate

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis

# Bilder für das README (braucht chromium und pdftoppm): Karte als PNG, Bildschirmfoto des
# Berichts, jede Seite des PDF-Berichts
CHROMIUM ?= chromium
CHROMIUM_FLAGS := --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync --hide-scrollbars

docs: $(STAMP)
	mkdir -p docs
	NETZ_HEUTE=2026-11-28 $(BIN)/netz map --svg docs/karte.svg
	NETZ_HEUTE=2026-11-28 $(BIN)/netz map --zeitreihe --svg docs/karten-zeitreihe.svg
	NETZ_HEUTE=2026-11-28 $(BIN)/netz report --html docs/bericht.html
	# bericht.html ist nur Zwischenschritt für das Bildschirmfoto
	$(CHROMIUM) $(CHROMIUM_FLAGS) --user-data-dir=$$(mktemp -d) --window-size=640,800 \
		--screenshot=docs/karte.png file://$(CURDIR)/docs/karte.svg
	# karten-zeitreihe.svg ist nur Zwischenschritt für das PNG
	$(CHROMIUM) $(CHROMIUM_FLAGS) --user-data-dir=$$(mktemp -d) --window-size=640,506 \
		--screenshot=docs/karten-zeitreihe.png file://$(CURDIR)/docs/karten-zeitreihe.svg
	$(CHROMIUM) $(CHROMIUM_FLAGS) --user-data-dir=$$(mktemp -d) --window-size=1000,2200 \
		--screenshot=docs/bericht.png file://$(CURDIR)/docs/bericht.html
	rm -f docs/bericht.html docs/karten-zeitreihe.svg
	# der gedruckte Bericht (WeasyPrint), jede Seite als PNG (pdftoppm aus poppler-utils)
	NETZ_HEUTE=2026-11-28 $(BIN)/netz report --pdf docs/bericht.pdf
	rm -f docs/bericht-seite-*.png
	pdftoppm -r 70 -png docs/bericht.pdf docs/bericht-seite
	rm -f docs/bericht.pdf
	# Website: Startseite und eine Regionsseite, breit (1000 px) und wie am Telefon (390 px)
	rm -rf .site-bilder && NETZ_HEUTE=2026-11-28 $(BIN)/netz site .site-bilder
	$(CHROMIUM) $(CHROMIUM_FLAGS) --user-data-dir=$$(mktemp -d) --window-size=1000,1500 \
		--screenshot=docs/site-start-1000.png file://$(CURDIR)/.site-bilder/index.html
	$(CHROMIUM) $(CHROMIUM_FLAGS) --user-data-dir=$$(mktemp -d) --window-size=390,1500 \
		--screenshot=docs/site-start-390.png file://$(CURDIR)/.site-bilder/index.html
	$(CHROMIUM) $(CHROMIUM_FLAGS) --user-data-dir=$$(mktemp -d) --window-size=1000,1500 \
		--screenshot=docs/site-region-1000.png file://$(CURDIR)/.site-bilder/regionen/05362-rhein-erft-kreis.html
	$(CHROMIUM) $(CHROMIUM_FLAGS) --user-data-dir=$$(mktemp -d) --window-size=390,1500 \
		--screenshot=docs/site-region-390.png file://$(CURDIR)/.site-bilder/regionen/05362-rhein-erft-kreis.html
	rm -rf .site-bilder
