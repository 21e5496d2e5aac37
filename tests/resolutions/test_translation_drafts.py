"""A translation is a draft until it is translated and reviewed: submitting a live English
model for translation must not put English text live at a Spanish address."""

import pytest
from wagtail.models import Locale
from wagtail_localize.operations import TranslationCreator

from contracts.models import ClauseLibraryPage, ContractClausePage
from demo.pages import child_page, translation_of
from resolutions.models import ResolutionPage
from tests.factories import UserFactory


def test_submitting_a_live_resolution_for_translation_makes_a_spanish_draft(
    client, resolution, django_capture_on_commit_callbacks
):
    editor = UserFactory(is_superuser=True, is_staff=True, mfa=True)
    spanish_locale = Locale.objects.get(language_code="es")
    # wagtail-localize publishes on commit: run those callbacks as a real request would.
    with django_capture_on_commit_callbacks(execute=True):
        TranslationCreator(editor, [spanish_locale]).create_translations(resolution)
    spanish = ResolutionPage.objects.get(
        translation_key=resolution.translation_key, locale=spanish_locale
    )
    assert not spanish.live
    assert client.get("/es/resoluciones/keep-ice-out/").status_code == 404
    assert resolution.title not in client.get("/es/resoluciones/").content.decode()
    # Publishing it goes through the same review as the English text.
    assert spanish.get_workflow().name == "Resolution review"


@pytest.mark.django_db
def test_every_new_clause_library_gets_the_review_workflow_in_both_languages(
    client, home, django_capture_on_commit_callbacks
):
    from demo.contracts import seed_categories

    seed_categories()
    library = child_page(home, ClauseLibraryPage, slug="contract-language", title="Contract")
    spanish_library = translation_of(
        library, "es", title="Lenguaje de contrato", slug="lenguaje-de-contrato"
    )
    assert library.get_workflow().name == "Contract language review"
    assert spanish_library.get_workflow().name == "Contract language review"
    from tests.contracts.conftest import make_clause

    clause = make_clause(library, slug="warrant", title="Warrant")
    editor = UserFactory(is_superuser=True, is_staff=True, mfa=True)
    with django_capture_on_commit_callbacks(execute=True):
        TranslationCreator(editor, [spanish_library.locale]).create_translations(clause)
    spanish = ContractClausePage.objects.get(
        translation_key=clause.translation_key, locale=spanish_library.locale
    )
    assert not spanish.live
    assert spanish.get_workflow().name == "Contract language review"
