"""Blanks on a Spanish clause page are shown by their Spanish labels, never by the variable's
internal name or the English label."""

import pytest

from .conftest import make_clause
from .helpers import section, variable

pytestmark = pytest.mark.django_db


@pytest.fixture
def clause(library):
    return make_clause(
        library,
        slug="notice",
        title="Notice of agents",
        number="C-150",
        variables=[variable("employer_name", "employer", "Employer's name")],
        body=[section("{{ employer_name }} shall notify the Union.")],
        spanish={
            "title": "Aviso de agentes",
            "slug": "aviso",
            "variables": [variable("employer_name", "employer", "Nombre de la empresa")],
            "body": [section("{{ employer_name }} avisará al sindicato.")],
        },
    )


def test_a_spanish_clause_page_shows_its_blanks_by_their_spanish_labels(client, clause):
    spanish = clause.get_translation(
        clause.get_translations().get(locale__language_code="es").locale
    )
    html = client.get(spanish.url).content.decode()
    assert '<mark class="slot">Nombre de la empresa</mark> avisará al sindicato.' in html
    assert "employer_name" not in html
    assert "Employer&#x27;s name" not in html


def test_compare_shows_each_clauses_blanks_by_its_label(client, clause, warrant_clause):
    html = client.get(f"/contract-language/compare/?c={clause.pk}&c={warrant_clause.pk}")
    html = html.content.decode()
    assert '<mark class="slot">Employer&#x27;s name</mark> shall notify the Union.' in html
    assert '<mark class="slot">Hours to notify</mark>' in html
    assert ">employer_name<" not in html
