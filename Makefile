# Union Hall: the two commands a newcomer needs are `make demo` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/unionhall
REDIS_URL ?= redis://127.0.0.1:6379/0

.PHONY: install demo test lint format bench messages lock clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

demo: install
	DJANGO_SETTINGS_MODULE=unionhall.settings.dev $(PY) manage.py migrate --no-input
	DJANGO_SETTINGS_MODULE=unionhall.settings.dev $(PY) manage.py seed_demo
	DJANGO_SETTINGS_MODULE=unionhall.settings.dev $(PY) manage.py runserver 127.0.0.1:8000

test: install
	bin/system-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=unionhall.settings.test DATABASE_URL=$(DATABASE_URL) REDIS_URL=$(REDIS_URL) \
		$(PY) manage.py makemigrations --check --dry-run
	$(MAKE) --no-print-directory check-deploy
	DATABASE_URL=$(DATABASE_URL) REDIS_URL=$(REDIS_URL) $(BIN)/pytest

# Production settings with placeholder secrets: proves the deploy checklist is clean.
check-deploy: install
	DJANGO_SETTINGS_MODULE=unionhall.settings.production \
	SECRET_KEY=check-deploy-$$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n') \
	DATABASE_URL=$(DATABASE_URL) REDIS_URL=$(REDIS_URL) \
	ALLOWED_HOSTS=unionhall.example.org CSRF_TRUSTED_ORIGINS=https://unionhall.example.org \
	SITE_URL=https://unionhall.example.org DEFAULT_FROM_EMAIL=hall@unionhall.example.org \
	MAILGUN_API_KEY=key-check MAILGUN_SENDER_DOMAIN=mg.unionhall.example.org \
	MAILGUN_WEBHOOK_SIGNING_KEY=signing-check \
		$(PY) manage.py check --deploy --fail-level WARNING

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

bench: install
	bin/bench-deps
	DATABASE_URL=$(DATABASE_URL) REDIS_URL=$(REDIS_URL) $(PY) bench/run.py

# Extract and compile translations: `make messages` for the whole project.
messages: install
	bin/makemessages

# Regenerate the lock file from pyproject.toml's pins.
lock:
	$(PYTHON) -m pip install --quiet uv
	$(PYTHON) -m uv pip compile pyproject.toml --extra dev --python-version 3.11 --no-header -o requirements.lock

clean:
	rm -rf $(VENV)
