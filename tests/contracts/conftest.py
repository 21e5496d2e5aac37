"""Fixtures: the clause library in English and Spanish, clauses, locals and stewards."""

from datetime import date

import pytest
from django.utils import translation

from contracts.models import (
    BargainingProposal,
    ClauseCategory,
    ClauseLibraryPage,
    ContractClausePage,
)
from demo.pages import child_page, translation_of
from tests.factories import LocalFactory, WorkplaceFactory, steward

from .helpers import optional, section, variable


@pytest.fixture(autouse=True)
def _english():
    # A Spanish request earlier in the thread must not leak into the next test.
    with translation.override("en"):
        yield


@pytest.fixture
def library(home):
    from demo.contracts import seed_categories

    seed_categories()  # a transactional test before this one may have flushed them
    page = child_page(home, ClauseLibraryPage, slug="contract-language", title="Contract language")
    translation_of(page, "es", title="Lenguaje de contrato", slug="lenguaje-de-contrato")
    return page


def make_clause(
    library,
    *,
    slug,
    title,
    number="C-900",
    category="immigration-enforcement",
    strength="standard",
    summary="A model clause.",
    body=None,
    variables=None,
    notes=(),
    spanish=None,
):
    """A published clause; with `spanish` (a dict of fields), its Spanish translation too."""
    page = ContractClausePage(
        slug=slug,
        title=title,
        number=number,
        category=ClauseCategory.objects.get(slug=category),
        strength=strength,
        summary=summary,
        variables=variables
        if variables is not None
        else [variable("employer_name", "employer", "Employer's name")],
        body=body
        if body is not None
        else [section("{{ employer_name }} shall keep its word on " + title.lower() + ".")],
        bargaining_notes=[{"type": "note", "value": note} for note in notes],
    )
    library.add_child(instance=page)
    page.save_revision().publish()
    page = ContractClausePage.objects.get(pk=page.pk)
    if spanish:
        translation_of(page, "es", **spanish)
    return page


@pytest.fixture
def warrant_clause(library):
    return make_clause(
        library,
        slug="judicial-warrant",
        title="Judicial warrant required",
        number="C-101",
        strength="strong",
        summary="Agents stay out of non-public areas without a judge's warrant.",
        variables=[
            variable("employer_name", "employer", "Employer's name"),
            variable("notice_hours", "number", "Hours to notify", default="2"),
        ],
        body=[
            section(
                "{{ employer_name }} shall not admit immigration agents to non-public areas "
                "without a judicial warrant."
            ),
            section("The Employer shall notify the Union within {{ notice_hours }} hours."),
            optional("Paid waiting time", ["Employees are paid while they wait."], True),
        ],
        notes=["Fallback position: settle for notice only, keep the paid waiting time."],
        spanish={
            "title": "Se requiere orden judicial",
            "slug": "orden-judicial",
            "summary": "Los agentes no entran sin orden de un juez.",
            "body": [
                section(
                    "{{ employer_name }} no permitirá la entrada de agentes de inmigración sin "
                    "orden judicial."
                ),
                section("La empresa avisará al sindicato dentro de {{ notice_hours }} horas."),
            ],
        },
    )


@pytest.fixture
def leave_clause(library):
    return make_clause(
        library,
        slug="immigration-leave",
        title="Leave for immigration hearings",
        number="C-301",
        category="immigration-leave",
        strength="minimal",
        summary="Days off for hearings and appointments.",
        variables=[
            variable("employer_name", "employer", "Employer's name"),
            variable("leave_days", "number", "Days of leave"),
        ],
        body=[
            section("{{ employer_name }} shall grant up to {{ leave_days }} days of leave."),
            section("Seniority continues during the leave."),
        ],
        spanish={
            "title": "Permiso para audiencias migratorias",
            "slug": "permiso-migratorio",
            "body": [
                section("{{ employer_name }} dará hasta {{ leave_days }} días de permiso."),
                section("La antigüedad sigue corriendo durante el permiso."),
            ],
        },
    )


@pytest.fixture
def local(db):
    return LocalFactory(number="412", name="Mesa Distribution Workers")


@pytest.fixture
def workplace(local):
    return WorkplaceFactory(local=local, employer="Quickline Logistics")


@pytest.fixture
def local_steward(local):
    return steward(local)


@pytest.fixture
def proposal(library, local, workplace, local_steward):
    return BargainingProposal.objects.create(
        local=local,
        workplace=workplace,
        employer=workplace.employer,
        title="Proposal to Quickline Logistics",
        language="en",
        drafted_on=date(2026, 1, 5),
        created_by=local_steward,
    )
