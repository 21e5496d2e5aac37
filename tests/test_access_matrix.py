"""The access matrix: every route that shows or changes personal data, asked by everyone.

Routes come from the URLconf and from every routable page class's own route table, never
from a hand list: a route that is not classified below fails
`test_every_route_is_classified`. Each route that can show personal data is then requested
as each identity, and the seeded personal values (a signer's name and email, an endorsement
contact's email, a draft resolution's text, a bargaining proposal's employer) may appear
only for the identities the issue allows: the right local's steward or organizer with
two-factor on, and editors (superusers) for the library-wide overviews.
"""

import datetime

import pytest
from django.apps import apps
from django.conf import settings
from django.test import Client
from django.urls import URLResolver, get_resolver
from django.utils import timezone, translation
from wagtail.contrib.routable_page.models import RoutablePageMixin

from demo.pages import child_page
from tests.factories import LocalFactory, RoleFactory, UserFactory, WorkplaceFactory, organizer

PUBLIC = "public"  # shows nobody's personal data, to anyone
TOKEN = "token"  # only the holder of an emailed link; a guessed link is a 404
OWN = "own account"  # the signed-in person's own account (allauth, account home)
LOCAL = "local"  # the right local's stewards and organizers with MFA, and editors
LISTING = "listing"  # a signed-in person's list of what they may see; others' data never
EDITORS = "editors"  # library-wide overviews: editors (superusers here) only
ADMIN = "admin"  # Wagtail's own admin: access_admin, MFA, Wagtail's permission checks
WEBHOOK = "webhook"  # signed requests from the email provider
API = "api token"  # the OSDI API: the local's API token only, a session opens nothing

# Routes the project defines, by route string.
PROJECT_ROUTES = {
    "healthz": PUBLIC,
    "admin/login/": PUBLIC,
    "admin/resolutions/adoptions/": EDITORS,
    "admin/contract-language/uptake/": EDITORS,
    "admin/days-of-action/": LOCAL,
    "admin/days-of-action/<int:day_id>/review/": LOCAL,
    "admin/days-of-action/<int:day_id>/dashboard/": LOCAL,
    "admin/days-of-action/<int:day_id>/export.csv": LOCAL,
    "admin/days-of-action/<int:day_id>/import/": LOCAL,
    "accounts/home/": OWN,
    "accounts/organize/": LISTING,
    "": PUBLIC,  # `/`: the home page in the visitor's language (core.language)
    "language/<str:code>/": PUBLIC,  # the language switch: sets a cookie, shows nothing
    r"^(?P<page_path>(?:[\w\-]+/)+)sign/$": PUBLIC,
    "search/": PUBLIC,
    r"^(?P<page_path>(?:[\w\-]+/)+)count\.json$": PUBLIC,
    r"^(?P<page_path>(?:[\w\-]+/)+)tally\.json$": PUBLIC,
    "accounts/organize/api-tokens/": LISTING,
    "accounts/organize/api-tokens/<int:pk>/revoke/": LISTING,
    # The OSDI API (tests/exchange: each route with no, a wrong, a revoked and another
    # local's token).
    "osdi/v1/^$": API,
    "osdi/v1/^petitions/?$": API,
    "osdi/v1/^petitions/(?P<pk>[0-9]{1,10})/?$": API,
    "osdi/v1/^petitions/(?P<pk>[0-9]{1,10})/signatures/?$": API,
    "osdi/v1/^petitions/(?P<pk>[0-9]{1,10})/signatures/(?P<signature_pk>[0-9]{1,12})/?$": API,
    "osdi/v1/^events/?$": API,
    "osdi/v1/^events/(?P<pk>[0-9]{1,10})/?$": API,
    "osdi/v1/^events/(?P<pk>[0-9]{1,10})/organizations/?$": API,
    "osdi/v1/^organizations/?$": API,
    "osdi/v1/^organizations/(?P<pk>[0-9]{1,12})/?$": API,
    "osdi/v1/^tags/?$": API,
    "osdi/v1/^tags/(?P<tag_id>[a-z_-]{1,40})/?$": API,
    r"^(?P<page_path>(?:[\w\-]+/)+)calendar\.ics$": PUBLIC,
}
# Routes libraries define, by the library's top-level module.
LIBRARY_ROUTES = {
    "wagtail": ADMIN,  # the admin, and page serving (which runs every page route below)
    "wagtail_localize": ADMIN,
    "allauth": OWN,
    "anymail": WEBHOOK,
    "django": PUBLIC,  # set_language, the admin logout redirect
}
# Every route of every routable page class, by "<app>.<Model>:<route name>".
PAGE_ROUTES = {
    "petitions.PetitionPage:petition": PUBLIC,
    "petitions.PetitionPage:sign": PUBLIC,
    "petitions.PetitionPage:signed": PUBLIC,
    "petitions.PetitionPage:confirm": TOKEN,
    "petitions.PetitionPage:withdraw": TOKEN,
    "petitions.PetitionPage:count_json": PUBLIC,
    "petitions.PetitionPage:counter": PUBLIC,
    "petitions.PetitionPage:signers": LOCAL,
    "petitions.PetitionPage:signers_csv": LOCAL,
    "petitions.PetitionPage:departments_csv": LOCAL,
    "petitions.PetitionPage:paper": LOCAL,
    "petitions.PetitionPage:delivery": LOCAL,
    "petitions.PetitionPage:delivery_status": LOCAL,
    "petitions.PetitionPage:delivery_download": LOCAL,
    "petitions.PetitionPage:cards": LOCAL,
    "petitions.PetitionPage:sheets": LOCAL,
    "petitions.PetitionPage:sheets_print": LOCAL,
    "petitions.PetitionPage:sheet": LOCAL,
    "petitions.PetitionPage:index_route": PUBLIC,
    "campaigns.DayOfActionPage:wall": PUBLIC,
    "campaigns.DayOfActionPage:endorse": PUBLIC,
    "campaigns.DayOfActionPage:endorse_sent": PUBLIC,
    "campaigns.DayOfActionPage:endorsement": TOKEN,
    "campaigns.DayOfActionPage:tally": PUBLIC,
    "campaigns.DayOfActionPage:counter": PUBLIC,
    "campaigns.DayOfActionPage:calendar": PUBLIC,
    "campaigns.DayOfActionPage:index_route": PUBLIC,
    "resolutions.ResolutionIndexPage:index_route": PUBLIC,
    "resolutions.ResolutionIndexPage:meetings": LISTING,
    "resolutions.ResolutionIndexPage:meeting_new": LOCAL,
    "resolutions.ResolutionIndexPage:meeting": LOCAL,
    "resolutions.ResolutionIndexPage:meeting_packet": LOCAL,
    "resolutions.ResolutionPage:index_route": PUBLIC,
    "resolutions.ResolutionPage:pdf": PUBLIC,
    "resolutions.ResolutionPage:adapt": PUBLIC,
    "resolutions.ResolutionPage:adapt_preview": PUBLIC,
    "resolutions.ResolutionPage:adaptation": LOCAL,
    "resolutions.ResolutionPage:adaptation_file": LOCAL,
    "resolutions.ResolutionPage:report": LOCAL,
    "resolutions.ResolutionPage:report_pdf": LOCAL,
    "resolutions.ResolutionPage:report_correct": LOCAL,
    "resolutions.ResolutionPage:amendments": LOCAL,
    "resolutions.ResolutionPage:amendment_edit": LOCAL,
    "resolutions.ResolutionPage:amendment_sheet": LOCAL,
    "resolutions.ResolutionPage:bilingual_pdf": PUBLIC,
    "contracts.ClauseLibraryPage:library_route": PUBLIC,
    "contracts.ClauseLibraryPage:compare": PUBLIC,
    "contracts.ClauseLibraryPage:proposals": LOCAL,
    "contracts.ClauseLibraryPage:proposal": LOCAL,
    "contracts.ClauseLibraryPage:proposal_clauses": LOCAL,
    "contracts.ClauseLibraryPage:proposal_status": LOCAL,
    "contracts.ClauseLibraryPage:proposal_file": LOCAL,
    "contracts.ClauseLibraryPage:bargaining_table": LOCAL,
    "contracts.ClauseLibraryPage:article_history": LOCAL,
    "contracts.ClauseLibraryPage:ta_sheets": LOCAL,
    "contracts.ClauseLibraryPage:ta_sheet": LOCAL,
    "contracts.ClauseLibraryPage:index_route": PUBLIC,
    "contracts.ContractClausePage:index_route": PUBLIC,
}

SIGNER_NAME = "Marisol Quintanilla"
SIGNER_EMAIL = "marisol.quintanilla@example.org"
CONTACT_EMAIL = "ofelia.contact@eastside.example"
DRAFT_EMPLOYER = "Quillfeather Bakery Cooperative"
PROPOSAL_EMPLOYER = "Zephyrine Freight Lines"
MARKERS = {
    "signer": [SIGNER_NAME, SIGNER_EMAIL],
    "contact": [CONTACT_EMAIL],
    "draft": [DRAFT_EMPLOYER],
    "proposal": [PROPOSAL_EMPLOYER],
}
ALL_MARKERS = [m for values in MARKERS.values() for m in values]

IDENTITIES = ["anonymous", "no_role", "other_steward", "other_organizer", "no_mfa", "right"]
ALLOWED = {LOCAL: {"right"}, LISTING: {"right"}, EDITORS: {"editor"}}


def project_url_routes() -> list[tuple[str, str]]:
    """(route, top-level module of its view) for every URL pattern."""
    found = []

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, prefix + str(pattern.pattern))
            else:
                module = getattr(pattern.callback, "__module__", "") or ""
                found.append((prefix + str(pattern.pattern), module.split(".")[0]))

    # The language prefix of i18n_patterns is the active language's: read them in the default.
    with translation.override(settings.LANGUAGE_CODE):
        walk(get_resolver().url_patterns)
    return found


PROJECT_MODULES = {"home", "unionhall", "core", "unions", "documents"} | {
    "resolutions",
    "contracts",
    "petitions",
    "campaigns",
    "exchange",
}


def page_routes() -> list[str]:
    return [
        f"{model._meta.label}:{pattern.name}"
        for model in apps.get_models()
        if issubclass(model, RoutablePageMixin)
        for pattern in model.get_subpage_urls()
    ]


def test_every_route_is_classified():
    unclassified = []
    for route, module in project_url_routes():
        if module in PROJECT_MODULES or route.startswith(("admin/days", "admin/res", "admin/con")):
            if route not in PROJECT_ROUTES:
                unclassified.append(route)
        elif module not in LIBRARY_ROUTES:
            unclassified.append(f"{route} ({module})")
    unclassified += [name for name in page_routes() if name not in PAGE_ROUTES]
    assert not unclassified, f"classify these routes in tests/test_access_matrix.py: {unclassified}"
    stale = set(PROJECT_ROUTES) - {r for r, _m in project_url_routes()}
    stale |= set(PAGE_ROUTES) - set(page_routes())
    assert not stale, f"routes that no longer exist: {stale}"


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """One setup for the whole matrix: a local with a petition, a day, an adaptation and a
    proposal, each holding personal data, and one account per identity."""
    with django_db_blocker.unblock():
        from django.db import transaction

        # One transaction around the module, rolled back at its end; each test's own
        # transaction nests inside it.
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield _seed()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def _seed() -> dict:
    from campaigns.models import DayOfActionIndexPage, DayOfActionPage
    from contracts.models import BargainingProposal, ClauseLibraryPage
    from demo.contracts import seed_categories
    from demo.pages import seed_pages
    from documents.engine import Answers
    from documents.lines import number_lines
    from petitions import services as petition_services
    from resolutions import services as resolution_services
    from resolutions.models import ResolutionIndexPage
    from tests.campaigns.conftest import make_endorsement
    from tests.documents.helpers import ANSWERS
    from tests.petitions.conftest import make_petition
    from tests.resolutions.conftest import make_resolution

    home = seed_pages()
    local = LocalFactory(name="Riverside Hall Workers")
    other = LocalFactory(name="Far Valley Workers")

    right = UserFactory(mfa=True)
    RoleFactory(user=right, local=local, kind="steward")
    RoleFactory(user=right, local=local, kind="organizer")
    no_mfa = UserFactory(mfa=False)
    RoleFactory(user=no_mfa, local=local, kind="steward")
    RoleFactory(user=no_mfa, local=local, kind="organizer")
    other_steward = UserFactory(mfa=True)
    RoleFactory(user=other_steward, local=other, kind="steward")
    users = {
        "no_role": UserFactory(mfa=True),
        "other_steward": other_steward,
        "other_organizer": organizer(other),
        "no_mfa": no_mfa,
        "right": right,
        "editor": UserFactory(mfa=True, is_superuser=True, is_staff=True),
    }

    petition = make_petition(home, local=local, translate=False)
    petition_services.signature_create(
        petition=petition, name=SIGNER_NAME, email=SIGNER_EMAIL, name_display="hidden"
    )
    petition_services.paper_sheets_print(
        petition=petition, count=1, language="en", printed_by=right
    )

    days = child_page(home, DayOfActionIndexPage, slug="days-of-action", title="Days of action")
    day_fields = {
        "slug": "no-work-no-school",
        "title": "No work, no school, no shopping",
        "date": timezone.localdate() + datetime.timedelta(days=10),
        "call": "<p>Stay home.</p>",
    }
    if hasattr(DayOfActionPage, "owner_local"):
        # The day's organizing local (issue 10 item 7); without it, every organizer of any
        # local sees every day's contacts, which this matrix reports as a failure.
        day_fields["owner_local"] = local
    day = child_page(days, DayOfActionPage, **day_fields)
    endorsement = make_endorsement(
        day, status="pending_review", contact_email=CONTACT_EMAIL, contact_consent=True
    )

    resolutions = child_page(home, ResolutionIndexPage, slug="resolutions", title="Resolutions")
    resolution = make_resolution(resolutions)
    adaptation = resolution_services.adaptation_save(
        user=right,
        resolution=resolution,
        local=local,
        answers=Answers(
            values=dict(ANSWERS, local_name=local.display_name, employer=DRAFT_EMPLOYER)
        ),
    )
    # An amendment citing the line that names the employer, so the amendment and report
    # pages show the draft's words to its own people (and, if broken, to others).
    employer_line = next(
        line for line in number_lines(adaptation.blocks) if DRAFT_EMPLOYER in line.text
    )
    amendment = resolution_services.amendment_create(
        user=right,
        adaptation=adaptation,
        kind="replace",
        first_line=employer_line.number,
        last_line=employer_line.number,
        new_text=employer_line.text.replace(
            DRAFT_EMPLOYER, DRAFT_EMPLOYER + " and its contractors"
        ),
        moved_by="",
        seconded_by="",
        committee_recommendation="none",
    )

    seed_categories()
    library = child_page(home, ClauseLibraryPage, slug="contract-language", title="Contracts")
    workplace = WorkplaceFactory(local=local, employer=PROPOSAL_EMPLOYER)
    proposal = BargainingProposal.objects.create(
        local=local,
        workplace=workplace,
        employer=PROPOSAL_EMPLOYER,
        title="Proposal for the spring table",
        language="en",
        drafted_on=datetime.date(2026, 1, 5),
        created_by=right,
    )
    return {
        "users": users,
        "petition": petition,
        "day": day,
        "endorsement": endorsement,
        "resolution": resolution,
        "adaptation": adaptation,
        "amendment": amendment,
        "library": library,
        "proposal": proposal,
    }


def _sub(page, name, **kwargs) -> str:
    return page.url + page.reverse_subpage(name, kwargs=kwargs).lstrip("/")


def personal_requests(world) -> list[tuple[str, str, str, str]]:
    """(label, url, classification, markers key) for every route that may show a seeded
    personal value. File downloads are asked for only by those who may not have them."""
    petition, day, resolution = world["petition"], world["day"], world["resolution"]
    library, adaptation, proposal = world["library"], world["adaptation"], world["proposal"]
    amendment = world["amendment"]
    admin_day = f"/admin/days-of-action/{day.pk}/"
    rows = [
        ("petition signers", _sub(petition, "signers"), LOCAL, "signer"),
        ("petition signers CSV", _sub(petition, "signers_csv"), LOCAL, "signer"),
        ("petition departments CSV", _sub(petition, "departments_csv"), LOCAL, None),
        ("petition paper entry", _sub(petition, "paper"), LOCAL, None),
        ("petition delivery", _sub(petition, "delivery"), LOCAL, None),
        ("petition cards", _sub(petition, "cards"), LOCAL, None),
        ("petition paper sheets", _sub(petition, "sheets"), LOCAL, None),
        ("petition sheet entry", _sub(petition, "sheet", number=1), LOCAL, None),
        ("day review", admin_day + "review/", LOCAL, "contact"),
        ("day export", admin_day + "export.csv", LOCAL, "contact"),
        ("day dashboard", admin_day + "dashboard/", LOCAL, None),
        ("day import", admin_day + "import/", LOCAL, None),
        ("days list", "/admin/days-of-action/", LISTING, None),
        ("organize page", "/accounts/organize/", LISTING, None),
        ("adaptation", _sub(resolution, "adaptation", pk=adaptation.pk), LOCAL, "draft"),
        ("adaptation report", _sub(resolution, "report", pk=adaptation.pk), LOCAL, "draft"),
        ("adaptation amendments", _sub(resolution, "amendments", pk=adaptation.pk), LOCAL, "draft"),
        (
            "amendment edit",
            _sub(resolution, "amendment_edit", pk=adaptation.pk, amendment_pk=amendment.pk),
            LOCAL,
            "draft",
        ),
        (
            "amendment sheet",
            _sub(resolution, "amendment_sheet", pk=adaptation.pk),
            LOCAL,
            "file",
        ),
        (
            "adaptation DOCX",
            _sub(resolution, "adaptation_file", pk=adaptation.pk, kind="docx"),
            LOCAL,
            "file",
        ),
        ("proposals", _sub(library, "proposals"), LISTING, "proposal"),
        ("proposal", _sub(library, "proposal", pk=proposal.pk), LOCAL, "proposal"),
        ("proposal clauses", _sub(library, "proposal_clauses", pk=proposal.pk), LOCAL, "change"),
        ("proposal status", _sub(library, "proposal_status", pk=proposal.pk), LOCAL, "change"),
        (
            "proposal DOCX",
            _sub(library, "proposal_file", pk=proposal.pk, kind="docx"),
            LOCAL,
            "file",
        ),
        ("bargaining table", _sub(library, "bargaining_table", pk=proposal.pk), LOCAL, "proposal"),
        ("adoption overview", "/admin/resolutions/adoptions/", EDITORS, None),
        ("uptake report", "/admin/contract-language/uptake/", EDITORS, None),
    ]
    # Public and token routes: nobody's personal data, whoever asks.
    rows += [
        ("petition page", petition.url, PUBLIC, None),
        ("petition count.json", petition.url + "count.json", PUBLIC, None),
        ("petition counter", _sub(petition, "counter"), PUBLIC, None),
        ("petition confirm, guessed", _sub(petition, "confirm", token="1-x"), TOKEN, None),
        ("petition withdraw, guessed", _sub(petition, "withdraw", token="1-x"), TOKEN, None),
        ("day wall", day.url, PUBLIC, None),
        ("day tally.json", day.url + "tally.json", PUBLIC, None),
        ("day counter", _sub(day, "counter"), PUBLIC, None),
        ("day calendar.ics", day.url + "calendar.ics", PUBLIC, None),
        ("days calendar.ics", day.get_parent().url + "calendar.ics", PUBLIC, None),
        ("endorsement, guessed", _sub(day, "endorsement", token="1-0"), TOKEN, None),
        ("resolution", resolution.url, PUBLIC, None),
        ("resolution adapt", _sub(resolution, "adapt"), PUBLIC, None),
        ("library", library.url, PUBLIC, None),
        ("search", "/search/?q=Quillfeather", PUBLIC, None),
        # A signed-in session is no API token: the API answers 401 to every identity.
        ("osdi signatures", f"/osdi/v1/petitions/{petition.pk}/signatures", API, None),
    ]
    return rows


def body_of(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def leaked(body: str) -> list[str]:
    return [marker for marker in ALL_MARKERS if marker in body]


@pytest.fixture(scope="module")
def answers(world):
    """Every (route, identity) answer, asked once."""
    results = {}
    for identity in [*IDENTITIES, "editor"]:
        client = Client()
        if identity != "anonymous":
            client.force_login(world["users"][identity])
        for label, url, kind, markers in personal_requests(world):
            allowed = identity in ALLOWED.get(kind, set())
            if (label, identity) not in CELLS or (markers == "file" and allowed):
                continue  # rendering the document proves nothing about access
            response = client.get(url)
            results[(label, identity)] = (kind, markers, response.status_code, body_of(response))
    return results


ROW_LABELS = [
    "petition signers",
    "petition signers CSV",
    "petition departments CSV",
    "petition paper entry",
    "petition delivery",
    "petition cards",
    "petition paper sheets",
    "petition sheet entry",
    "day review",
    "day export",
    "day dashboard",
    "day import",
    "days list",
    "organize page",
    "adaptation",
    "adaptation report",
    "adaptation amendments",
    "amendment edit",
    "amendment sheet",
    "adaptation DOCX",
    "proposals",
    "proposal",
    "proposal clauses",
    "proposal status",
    "proposal DOCX",
    "bargaining table",
    "adoption overview",
    "uptake report",
    "petition page",
    "petition count.json",
    "petition counter",
    "petition confirm, guessed",
    "petition withdraw, guessed",
    "day wall",
    "day tally.json",
    "day counter",
    "day calendar.ics",
    "days calendar.ics",
    "endorsement, guessed",
    "resolution",
    "resolution adapt",
    "library",
    "search",
    "osdi signatures",
]
# Editors are asked only for the library-wide overviews, which are theirs.
EDITOR_ROWS = ["adoption overview", "uptake report"]
CELLS = [(label, identity) for label in ROW_LABELS for identity in IDENTITIES] + [
    (label, "editor") for label in EDITOR_ROWS
]


@pytest.mark.django_db
def test_the_matrix_rows_are_the_requests(world):
    assert [row[0] for row in personal_requests(world)] == ROW_LABELS


@pytest.mark.django_db
@pytest.mark.parametrize("label, identity", CELLS)
def test_personal_data_only_for_the_right_person(answers, label, identity):
    if (label, identity) not in answers:
        return  # a file download its own people may have: rendering proves nothing here
    kind, markers, status, body = answers[(label, identity)]
    allowed = identity in ALLOWED.get(kind, set())
    if allowed:
        if markers == "change":
            assert status in (200, 302, 405), f"{label} refused its own people ({status})"
            return  # a POST-only change: its own tests make the change
        assert status == 200, f"{label} refused its own people ({status})"
        if markers not in (None, "file"):
            assert any(m in body for m in MARKERS[markers]), f"{label} lost its data"
    else:
        assert not leaked(body), f"{label} shows {leaked(body)} to {identity}"
        if kind in (LOCAL, EDITORS):
            assert status != 200, f"{label} answered 200 to {identity}"
