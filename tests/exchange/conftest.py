"""Fixtures for the OSDI API: a local with a petition and a day of action, its token, and a
client that sends it; the JSON Schemas the answers must follow."""

import json
from pathlib import Path

import pytest
from django.utils import timezone
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from exchange import services
from petitions.models import Signature
from tests.campaigns.conftest import day, index  # noqa: F401 (fixtures)
from tests.factories import LocalFactory, organizer
from tests.petitions.conftest import make_petition

SCHEMAS = Path(__file__).parent / "schemas"


def _registry() -> Registry:
    resources = []
    for path in SCHEMAS.glob("*.json"):
        resources.append((path.name, Resource.from_contents(json.loads(path.read_text()))))
    return Registry().with_resources(resources)


REGISTRY = _registry()


def validate(name: str, instance) -> None:
    """Raise unless `instance` follows tests/exchange/schemas/<name>.json."""
    schema = json.loads((SCHEMAS / f"{name}.json").read_text())
    validator = Draft202012Validator(
        schema, registry=REGISTRY, format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    validator.validate(instance)


@pytest.fixture
def local(db):
    return LocalFactory()


@pytest.fixture
def petition(home, local):
    return make_petition(home, local=local)


@pytest.fixture
def owner(local):
    return organizer(local)


@pytest.fixture
def token(local, owner):
    return services.api_token_create(local=local, name="CRM sync", created_by=owner)


@pytest.fixture
def api(client, token):
    """GET an API path (after /osdi/v1/) with the local's token."""

    def get(path: str = "", **headers):
        headers.setdefault("HTTP_AUTHORIZATION", f"Bearer {token.raw}")
        return client.get("/osdi/v1/" + path, **headers)

    return get


@pytest.fixture
def own_day(day, local):  # noqa: F811 (the campaigns fixture, owned by this local)
    day.owner_local = local
    day.save_revision().publish()
    return day


def sign(page, name, email, *, display="full", consent=False, **fields):
    return Signature.objects.create(
        petition=page,
        name=name,
        email=email,
        name_display=display,
        status=fields.pop("status", Signature.Status.CONFIRMED),
        confirmed_at=timezone.now(),
        contact_consent=consent,
        **fields,
    )
