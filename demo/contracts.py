"""Demo content: the clause library in English and Spanish, its model clauses, and
bargaining proposals of the demo locals. Idempotent, and runs on SQLite.

The clauses' text is in content/contract_clauses.toml; this module turns it into pages."""

from __future__ import annotations

import tomllib
import uuid
from datetime import timedelta
from pathlib import Path

from django.utils import timezone

from contracts.apps import REVIEW_WORKFLOW
from contracts.assembly import render_articles
from contracts.models import (
    BargainingProposal,
    ClauseCategory,
    ClauseLibraryPage,
    ClauseResolution,
    ContractClausePage,
    ProposalClause,
)
from demo.pages import child_page, locale, translation_of
from documents.engine import Answers
from documents.services import review_workflow_ensure
from unions.models import Local, Workplace

NAMESPACE = uuid.UUID("6c1b6a52-0d7e-4a4e-9d0c-3f1f2b7a4c11")
EN, ES = 0, 1


def _pair(texts: dict) -> tuple[str, str]:
    return texts["en"], texts["es"]


def _paragraph(block: dict) -> tuple[str, tuple[str, str]]:
    return block["kind"], _pair(block)


def _block(block: dict) -> tuple:
    if block["kind"] == "optional":
        content = [_paragraph(p) for p in block["content"]]
        return ("optional", _pair(block["label"]), block["default_on"], content)
    if block["kind"] == "alternatives":
        options = [
            (_pair(option["label"]), [_paragraph(p) for p in option["content"]])
            for option in block["option"]
        ]
        return ("alternatives", _pair(block["label"]), options)
    return _paragraph(block)


def _load() -> list[dict]:
    """The model clauses as the builders below read them: every text an (English, Spanish)
    pair, and each blank a (name, type, labels, default, required) tuple."""
    with (Path(__file__).parent / "content" / "contract_clauses.toml").open("rb") as file:
        data = tomllib.load(file)
    blanks = {
        name: (name, b["type"], _pair(b["label"]), b.get("default", ""), b["required"])
        for name, b in data["blank"].items()
    }
    return [
        {
            "slug": _pair(c["slug"]),
            "number": c["number"],
            "category": c["category"],
            "strength": c["strength"],
            "title": _pair(c["title"]),
            "summary": _pair(c["summary"]),
            "variables": [blanks[name] for name in c["blanks"]],
            "body": [_block(b) for b in c["body"]],
            "notes": [_pair(n) for n in c.get("note", [])],
            "wins": [(w["employer_type"], _pair(w["sector"]), w["year"]) for w in c.get("win", [])],
        }
        for c in data["clause"]
    ]


CLAUSES = _load()

LIBRARY = {
    "title": ("Contract language", "Lenguaje de contrato"),
    "slug": ("contract-language", "lenguaje-de-contrato"),
    "intro": (
        "Model clauses to keep immigration enforcement off the job, from a floor to hold to "
        "the strongest language locals have won. Pick clauses, answer the blanks once, and "
        "print a numbered proposal for the table.",
        "Cláusulas modelo para mantener los operativos migratorios fuera del trabajo, desde "
        "lo mínimo que hay que defender hasta el lenguaje más fuerte que han ganado otros "
        "locales. Elijan cláusulas, respondan los espacios una sola vez e impriman una "
        "propuesta numerada para la mesa.",
    ),
}


def _id(*parts) -> str:
    return str(uuid.uuid5(NAMESPACE, ":".join(str(p) for p in parts)))


def _paragraphs(spec, lang: int, path: str) -> list[dict]:
    return [
        {"type": kind, "value": texts[lang], "id": _id(path, n)}
        for n, (kind, texts) in enumerate(spec)
    ]


def stream_body(spec, lang: int, number: str) -> list[dict]:
    """Raw StreamField data for a clause body; block ids are the same in both languages, so
    the Spanish page is a true translation of the English one."""
    body = []
    for n, item in enumerate(spec):
        path = f"{number}:{n}"
        if item[0] == "optional":
            _kind, label, default_on, content = item
            value = {
                "label": label[lang],
                "help": "",
                "default_on": default_on,
                "content": _paragraphs(content, lang, path),
            }
        elif item[0] == "alternatives":
            _kind, label, options = item
            value = {
                "label": label[lang],
                "help": "",
                "options": [
                    {
                        "type": "item",
                        "id": _id(path, "option", i),
                        "value": {
                            "label": option_label[lang],
                            "content": _paragraphs(content, lang, f"{path}:{i}"),
                        },
                    }
                    for i, (option_label, content) in enumerate(options)
                ],
            }
        else:
            value = item[1][lang]
        body.append({"type": item[0], "value": value, "id": _id(path)})
    return body


def stream_variables(spec, lang: int, number: str) -> list[dict]:
    return [
        {
            "type": "variable",
            "id": _id(number, "variable", name),
            "value": {
                "name": name,
                "type": kind,
                "label": labels[lang],
                "help": "",
                "default": default,
                "required": required,
                "choices": "",
                "max_length": None,
            },
        }
        for name, kind, labels, default, required in spec
    ]


def _fields(spec: dict, lang: int) -> dict:
    number = spec["number"]
    return {
        "title": spec["title"][lang],
        "summary": spec["summary"][lang],
        # What the site search shows under the title.
        "search_description": spec["summary"][lang],
        "variables": stream_variables(spec["variables"], lang, number),
        "body": stream_body(spec["body"], lang, number),
        "bargaining_notes": [
            {"type": "note", "value": note[lang], "id": _id(number, "note", n)}
            for n, note in enumerate(spec["notes"])
        ],
        "wins": [
            {
                "type": "win",
                "id": _id(number, "win", n),
                "value": {
                    "employer_type": employer_type,
                    "sector": sector[lang],
                    "year": year,
                    "note": "",
                },
            }
            for n, (employer_type, sector, year) in enumerate(spec["wins"])
        ],
    }


# Legal review of each clause: (jurisdiction, state, reviewed days ago, review due in days).
# C-202's review date has passed, so editors see it flagged on the admin home.
LEGAL_REVIEW = {
    "C-101": ("private", "", 60, 305),
    "C-102": ("private", "", 60, 305),
    "C-201": ("private", "", 120, 245),
    "C-202": ("state_public", "California", 400, -35),
    "C-301": ("private", "", 90, 275),
    "C-401": ("federal", "", 30, 335),
    "C-501": ("private", "", 200, 165),
    "C-601": ("private", "", 60, 305),
    "C-701": ("other", "", 45, 320),
}


def _legal(number: str) -> dict:
    if number not in LEGAL_REVIEW:
        return {}
    jurisdiction, state, reviewed, due = LEGAL_REVIEW[number]
    today = timezone.localdate()
    return {
        "jurisdiction": jurisdiction,
        "jurisdiction_state": state,
        "reviewed_on": today - timedelta(days=reviewed),
        "review_by": today + timedelta(days=due),
    }


def seed_categories() -> None:
    """The categories the data migration makes, again if missing (a flushed test database,
    or an editor who deleted one the demo uses)."""
    import importlib

    migration = importlib.import_module("contracts.migrations.0002_seed_categories")
    for order, (slug, name, name_es) in enumerate(migration.CATEGORIES, start=1):
        ClauseCategory.objects.get_or_create(
            slug=slug, defaults={"name": name, "name_es": name_es, "sort_order": order * 10}
        )


def seed_library(home) -> tuple[ClauseLibraryPage, dict[str, ContractClausePage]]:
    library = child_page(
        home,
        ClauseLibraryPage,
        slug=LIBRARY["slug"][EN],
        title=LIBRARY["title"][EN],
        intro=LIBRARY["intro"][EN],
        show_in_menus=True,
    )
    library_es = translation_of(
        library,
        "es",
        slug=LIBRARY["slug"][ES],
        title=LIBRARY["title"][ES],
        intro=LIBRARY["intro"][ES],
    )
    seed_categories()
    categories = {c.slug: c for c in ClauseCategory.objects.all()}
    clauses = {}
    for spec in CLAUSES:
        clause = child_page(
            library,
            ContractClausePage,
            slug=spec["slug"][EN],
            number=spec["number"],
            category=categories[spec["category"]],
            strength=spec["strength"],
            **_legal(spec["number"]),
            **_fields(spec, EN),
        )
        translation_of(clause, "es", slug=spec["slug"][ES], **_fields(spec, ES))
        clauses[spec["number"]] = clause
    _link_resolution(clauses["C-101"])
    review_workflow_ensure(name=REVIEW_WORKFLOW, pages=[library, library_es])
    return library, clauses


def _link_resolution(clause: ContractClausePage) -> None:
    """Point the warrant clause at the resolutions library's first model, if there is one."""
    from django.apps import apps

    try:
        ResolutionPage = apps.get_model("resolutions", "ResolutionPage")
    except LookupError:
        return
    resolution = ResolutionPage.objects.live().filter(locale=clause.locale).order_by("id").first()
    if resolution is None or clause.related_resolutions.exists():
        return
    ClauseResolution.objects.create(clause=clause, resolution=resolution, sort_order=0)


# Article 1 of Local 412's proposal at the table: the employer waters down the notice and
# drops the paid waiting time, the union meets them at four hours and keeps the pay, TA.
TABLE_412 = {
    "article": 1,
    "employer": [
        (
            "immediately, and in any case within 1 hours",
            "as soon as practicable, and in any case within 24 hours",
        ),
        ("may be present during", "may be present, where practicable, during"),
        (" Employees shall be paid for all time spent waiting or being questioned.", ""),
    ],
    "union": [
        (
            "as soon as practicable, and in any case within 24 hours",
            "immediately, and in any case within 4 hours",
        ),
        (
            "questioning.\n",
            "questioning. Employees shall be paid for all time spent waiting "
            "or being questioned.\n",
        ),
    ],
    # days ago: employer counter, union counter, TA
    "days": (7, 4, 2),
    "initials": ("R.G.", "D.K."),
}


PROPOSALS = [
    # local, employer, title, language, clauses, answers, status, (days ago drafted, reached)
    {
        "local": "412",
        "employer": "Quickline Logistics",
        "title": "Keeping immigration agents off the Quickline floor",
        "language": "en",
        "clauses": ["C-101", "C-201", "C-301", "C-601", "C-701"],
        "values": {"notice_hours": "1", "leave_days": "12", "paid_days": "4"},
        "status": BargainingProposal.Status.PROPOSED,
        "days": (30, 9),
        "table": TABLE_412,
    },
    {
        "local": "7",
        "employer": "FreshWay Markets",
        "title": "Propuesta a FreshWay Markets",
        "language": "es",
        "clauses": ["C-102", "C-601", "C-701"],
        "values": {"notice_hours": "24"},
        "status": BargainingProposal.Status.RATIFIED,
        "days": (200, 20),
    },
]


def seed_proposals(clauses: dict[str, ContractClausePage], stdout=None) -> None:
    from django.contrib.auth import get_user_model

    steward = get_user_model().objects.filter(email="steward@unionhall.test").first()
    today = timezone.localdate()
    for spec in PROPOSALS:
        local = Local.objects.filter(number=spec["local"]).first()
        if local is None:
            continue
        workplace = Workplace.objects.filter(local=local, employer=spec["employer"]).first()
        proposal = BargainingProposal.objects.filter(local=local, title=spec["title"]).first()
        if proposal is not None:
            continue
        pages = []
        for number in spec["clauses"]:
            page = clauses[number]
            if spec["language"] != "en":
                page = page.get_translation(locale(spec["language"])).specific
            pages.append(page)
        values = {"employer_name": spec["employer"], "union_name": local.display_name}
        values.update(spec["values"])
        answers = Answers(values=values)
        # The demo must be printable: check the answers fill every clause before saving.
        render_articles(pages, answers, language=spec["language"])
        drafted, reached = spec["days"]
        proposal = BargainingProposal(
            local=local,
            workplace=workplace,
            employer=spec["employer"],
            title=spec["title"],
            language=spec["language"],
            answers=answers.to_dict(),
            drafted_on=today - timedelta(days=drafted),
            created_by=steward if spec["local"] == "412" else None,
            status=spec["status"],
        )
        reached_on = today - timedelta(days=reached)
        if spec["status"] == BargainingProposal.Status.RATIFIED:
            proposal.proposed_on = today - timedelta(days=drafted - 10)
            proposal.tentative_agreement_on = reached_on - timedelta(days=14)
        setattr(proposal, BargainingProposal.STATUS_DATES[spec["status"]], reached_on)
        proposal.save()
        for position, page in enumerate(pages, start=1):
            ProposalClause.objects.create(
                proposal=proposal, clause=page, clause_key=page.translation_key, position=position
            )
        if spec.get("table") and steward is not None:
            seed_table(proposal, steward, spec["table"])


def _edit(text: str, changes) -> str:
    for old, new in changes:
        if old not in text:  # the clause's text changed: keep the demo's diff meaningful
            raise ValueError(f"demo counter-proposal: {old!r} is not in the article")
        text = text.replace(old, new, 1)
    return text


def seed_table(proposal: BargainingProposal, steward, table: dict) -> None:
    """Union proposal → employer counter → union counter → TA on one article, entered
    through the services, as a steward would."""
    from contracts import services

    today = timezone.localdate()
    article = proposal.items.get(position=table["article"])
    first = services.article_assembled_text(article)
    employer_text = _edit(first, table["employer"])
    counter, answer, agreed = (today - timedelta(days=d) for d in table["days"])
    services.article_counter_add(
        user=steward, article=article, side="employer", text=employer_text, exchanged_on=counter
    )
    services.article_counter_add(
        user=steward,
        article=article,
        side="union",
        text=_edit(employer_text, table["union"]),
        exchanged_on=answer,
    )
    union_initials, employer_initials = table["initials"]
    services.article_ta_record(
        user=steward,
        article=article,
        ta_on=agreed,
        union_initials=union_initials,
        employer_initials=employer_initials,
    )


def seed(*, home, stdout) -> None:
    _library, clauses = seed_library(home)
    seed_proposals(clauses, stdout)
    stdout.write(f"Contract language: {len(clauses)} model clauses in English and Spanish.")
