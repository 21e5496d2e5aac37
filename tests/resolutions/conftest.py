"""Fixtures: a resolution library with one model resolution in English and Spanish."""

import pytest
from django.utils import translation

from demo.pages import child_page, translation_of
from resolutions.models import ResolutionIndexPage, ResolutionPage
from tests.documents.helpers import raw_body, raw_variables
from tests.factories import LocalFactory, WorkplaceFactory, steward


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture(autouse=True)
def _english():
    # A Spanish request earlier in the thread must not leak into the next test.
    with translation.override("en"):
        yield


@pytest.fixture
def library(home):
    index = child_page(home, ResolutionIndexPage, slug="resolutions", title="Resolutions")
    translation_of(index, "es", title="Resoluciones", slug="resoluciones")
    return index


def make_resolution(
    library,
    *,
    slug="keep-ice-out",
    title="Keep ICE out of our workplace",
    number="R-1",
    summary="No agents without a judicial warrant.",
    tags=(),
):
    page = ResolutionPage(
        slug=slug,
        title=title,
        number=number,
        summary=summary,
        variables=raw_variables(),
        body=raw_body(),
    )
    library.add_child(instance=page)
    for tag in tags:
        page.tags.add(tag)
    page.save_revision().publish()
    return ResolutionPage.objects.get(pk=page.pk)


@pytest.fixture
def resolution(library):
    return make_resolution(library, tags=["Immigration"])


@pytest.fixture
def resolution_es(resolution):
    spanish = translation_of(
        resolution,
        "es",
        title="Fuera ICE de nuestro lugar de trabajo",
        summary="Ningún agente sin orden judicial.",
    )
    return ResolutionPage.objects.get(pk=spanish.pk)


@pytest.fixture
def local(db):
    local = LocalFactory(name="Harbor Valley Hospital Workers", number="1017")
    WorkplaceFactory(local=local, employer="Harbor Valley Medical Center")
    return local


@pytest.fixture
def steward_user(local):
    return steward(local)
