"""Demo content: the resolution library in English and Spanish, adaptations and reports.

The resolutions' text is in content/resolutions.toml; this module turns it into pages.

Idempotent: pages are found by slug, adaptations by (resolution, local), reports once.
"""

from __future__ import annotations

import tomllib
import uuid
from datetime import date
from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils import translation

from demo.pages import child_page, translation_of
from documents.engine import Answers, choices_in
from documents.lines import number_lines
from documents.services import review_workflow_ensure
from resolutions import services
from resolutions.apps import REVIEW_WORKFLOW
from resolutions.models import Adaptation, ResolutionIndexPage, ResolutionPage
from unions.models import Local

NAMESPACE = uuid.UUID("6f1c1d2e-2a7b-4f55-9a53-3b1f0c0de001")
EN, ES = 0, 1


NO_TEXT = {"en": "", "es": ""}


def _pair(texts: dict) -> tuple[str, str]:
    return texts["en"], texts["es"]


def _paragraph(block: dict) -> tuple[str, str, str]:
    return block["kind"], block["en"], block["es"]


def _block(block: dict) -> tuple:
    if block["kind"] == "optional":
        content = [_paragraph(p) for p in block["content"]]
        return ("optional", *_pair(block["label"]), block["default_on"], content)
    if block["kind"] == "alternatives":
        options = [
            (*_pair(option["label"]), [_paragraph(p) for p in option["content"]])
            for option in block["option"]
        ]
        return ("alternatives", *_pair(block["label"]), options)
    return _paragraph(block)


def _load() -> list[dict]:
    """The model resolutions as the builders below read them: every text an (English,
    Spanish) pair, and each blank a (name, type, labels, helps, required) tuple."""
    with (Path(__file__).parent / "content" / "resolutions.toml").open("rb") as file:
        data = tomllib.load(file)
    blanks = {
        name: (name, b["type"], _pair(b["label"]), _pair(b.get("help", NO_TEXT)), b["required"])
        for name, b in data["blank"].items()
    }
    return [
        {
            "slug": _pair(r["slug"]),
            "number": r["number"],
            "tags": _pair(r["tags"]),
            "title": _pair(r["title"]),
            "summary": _pair(r["summary"]),
            "variables": [blanks[name] for name in r["blanks"]],
            "body": [_block(b) for b in r["body"]],
            "talking_points": [_pair(p) for p in r.get("talking_point", [])],
            "sources": [(*_pair(s["title"]), *_pair(s["note"])) for s in r.get("source", [])],
        }
        for r in data["resolution"]
    ]


RESOLUTIONS = _load()


def _id(*parts) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(str(p) for p in parts)))


def _paragraphs(slug, path, items, lang):
    return [
        {"type": kind, "id": _id(slug, *path, n), "value": texts[lang]}
        for n, (kind, *texts) in enumerate(items)
    ]


def body(spec: dict, lang: int) -> list[dict]:
    slug = spec["slug"][EN]
    result = []
    for n, item in enumerate(spec["body"]):
        kind = item[0]
        if kind == "optional":
            _kind, label_en, label_es, default_on, items = item
            result.append(
                {
                    "type": "optional",
                    "id": _id(slug, n),
                    "value": {
                        "label": (label_en, label_es)[lang],
                        "help": "",
                        "default_on": default_on,
                        "content": _paragraphs(slug, (n, "c"), items, lang),
                    },
                }
            )
        elif kind == "alternatives":
            _kind, label_en, label_es, options = item
            result.append(
                {
                    "type": "alternatives",
                    "id": _id(slug, n),
                    "value": {
                        "label": (label_en, label_es)[lang],
                        "help": "",
                        "options": [
                            {
                                "type": "item",
                                "id": _id(slug, n, "o", m),
                                "value": {
                                    "label": (opt_en, opt_es)[lang],
                                    "content": _paragraphs(slug, (n, "o", m), items, lang),
                                },
                            }
                            for m, (opt_en, opt_es, items) in enumerate(options)
                        ],
                    },
                }
            )
        else:
            result.append({"type": kind, "id": _id(slug, n), "value": item[1 + lang]})
    return result


def variables(spec: dict, lang: int) -> list[dict]:
    return [
        {
            "type": "variable",
            "id": _id(spec["slug"][EN], "var", name),
            "value": {
                "name": name,
                "type": kind,
                "label": labels[lang],
                "help": helps[lang],
                "default": "",
                "required": required,
                "choices": "",
                "max_length": None,
            },
        }
        for name, kind, labels, helps, required in spec["variables"]
    ]


def fields(spec: dict, lang: int) -> dict:
    return {
        "title": spec["title"][lang],
        "summary": spec["summary"][lang],
        "variables": variables(spec, lang),
        "body": body(spec, lang),
        "talking_points": [
            {"type": "point", "id": _id(spec["slug"][EN], "tp", n), "value": pair[lang]}
            for n, pair in enumerate(spec["talking_points"])
        ],
        "sources": [
            {
                "type": "source",
                "id": _id(spec["slug"][EN], "src", n),
                "value": {"title": (t_en, t_es)[lang], "url": "", "note": (n_en, n_es)[lang]},
            }
            for n, (t_en, t_es, n_en, n_es) in enumerate(spec["sources"])
        ],
    }


def seed_library(
    home,
) -> tuple[ResolutionIndexPage, dict[str, tuple[ResolutionPage, ResolutionPage]]]:
    index = child_page(
        home,
        ResolutionIndexPage,
        slug="resolutions",
        title="Model resolutions",
        intro=(
            "Tested language for your next meeting. Fill in your local and employer, switch "
            "parts on or off, print it in English or Spanish, and tell us how the vote went."
        ),
        show_in_menus=True,
    )
    index_es = translation_of(
        index,
        "es",
        slug="resoluciones",
        title="Resoluciones modelo",
        intro=(
            "Textos probados para su próxima reunión. Pongan su local y su empleador, activen "
            "o quiten partes, imprímanlo en español o en inglés, y cuéntennos cómo salió la "
            "votación."
        ),
    )
    pages = {}
    for spec in RESOLUTIONS:
        english = ResolutionPage.objects.filter(slug=spec["slug"][EN], locale=index.locale).first()
        if english is None:
            english = ResolutionPage(
                slug=spec["slug"][EN], number=spec["number"], **fields(spec, EN)
            )
            index.add_child(instance=english)
            english.tags.add(*spec["tags"][EN])
            english.save_revision().publish()
        spanish = english.get_translation_or_none(index_es.locale)
        if spanish is None:
            spanish = translation_of(english, "es", slug=spec["slug"][ES], **fields(spec, ES))
            spanish.tags.set(spec["tags"][ES])
            spanish.save_revision().publish()
        pages[spec["number"]] = (
            ResolutionPage.objects.get(pk=english.pk),
            ResolutionPage.objects.get(pk=spanish.pk),
        )
    review_workflow_ensure(name=REVIEW_WORKFLOW, pages=[index, index_es])
    return index, pages


# (resolution number, language, local number, user, answers, switched, report or None)
ADAPTATIONS = [
    (
        "R-2027-01",
        EN,
        "1017",
        "steward@unionhall.test",
        {
            "employer": "Harbor Valley Medical Center",
            "union_contact": "the chief steward on duty",
            "meeting_date": "2026-10-14",
        },
        {"optional": {6: False, 7: True}, "alternatives": {3: 1}},
        {
            "outcome": "adopted",
            "meeting_date": date(2026, 10, 14),
            "body": "membership",
            "votes_for": 212,
            "votes_against": 3,
            "abstentions": 4,
            "visibility": "public",
            "moved_by": "Rosa Delgado",
            "seconded_by": "Sam Okafor",
            # (paragraph index, kind, new words, decision, moved by, seconded by, committee)
            "amendments": [
                (
                    2,
                    "replace",
                    "WHEREAS a raid on one of us is an attack on all of us, whatever our papers "
                    "say, and we will answer it together;",
                    "adopted",
                    "Luis Ortega",
                    "Mei Chen",
                    "adopt",
                ),
                (5, "delete", "", "rejected", "Dana Price", "Joe Fields", "reject"),
            ],
        },
    ),
    (
        "R-2027-02",
        ES,
        "412",
        "steward@unionhall.test",
        {"employer": "Quickline Logistics", "team_size": "8", "meeting_date": "2026-09-30"},
        {"optional": {4: True}, "alternatives": {3: 1}},
        {
            "outcome": "adopted",
            "meeting_date": date(2026, 9, 30),
            "body": "membership",
            "votes_for": 96,
            "votes_against": 11,
            "visibility": "counted",
            "amendments": [
                (
                    2,
                    "replace",
                    "SE RESUELVE que el Local 412 forma un equipo santuario de 10 miembros en "
                    "Quickline Logistics, con al menos dos por turno;",
                    "adopted",
                    "",
                    "",
                    "none",
                )
            ],
        },
    ),
    (
        "R-2027-03",
        EN,
        "230",
        "organizer@unionhall.test",
        {"action_date": "2027-02-01", "meeting_date": "2026-11-03"},
        {"alternatives": {2: 2}},
        {
            "outcome": "adopted",
            "meeting_date": date(2026, 11, 3),
            "body": "executive_board",
            "votes_for": 9,
            "votes_against": 0,
            "visibility": "public",
        },
    ),
    (
        "R-2027-04",
        EN,
        "230",
        "organizer@unionhall.test",
        {
            "employer": "Brightside Facility Services",
            "fund_amount": "5000",
            "meeting_date": "2026-11-10",
        },
        {},
        {
            "outcome": "tabled",
            "meeting_date": date(2026, 11, 10),
            "body": "steward_council",
            "visibility": "private",
        },
    ),
    (
        "R-2027-05",
        EN,
        "1017",
        "steward@unionhall.test",
        {
            "city": "Port Alder",
            "police_agency": "the Port Alder Police Department",
            "meeting_date": "2026-12-09",
        },
        {},
        None,
    ),
    (
        "R-2027-01",
        ES,
        "412",
        "steward@unionhall.test",
        {
            "employer": "Quickline Logistics",
            "union_contact": "la delegada principal del turno",
            "meeting_date": "2026-12-02",
        },
        {},
        None,
    ),
]


def _answers(page: ResolutionPage, local: Local, values: dict, switched: dict) -> Answers:
    by_position = {n: child.id for n, child in enumerate(page.body)}
    choices = {c.id: c for c in choices_in(page.body)}
    answers = Answers(values={"local_name": local.display_name, **values})
    for position, on in switched.get("optional", {}).items():
        answers.optional[by_position[position]] = on
    for position, option in switched.get("alternatives", {}).items():
        block_id = by_position[position]
        answers.alternatives[block_id] = choices[block_id].options[option][0]
    return answers


def seed_adaptations(pages) -> int:
    User = get_user_model()
    made = 0
    for number, lang, local_number, email, values, switched, report in ADAPTATIONS:
        page = pages[number][lang]
        local = Local.objects.get(number=local_number)
        user = User.objects.get(email=email)
        adaptation = Adaptation.objects.filter(
            resolution_key=page.translation_key, local=local
        ).first()
        if adaptation is None:
            adaptation = services.adaptation_save(
                user=user,
                resolution=page,
                local=local,
                answers=_answers(page, local, values, switched),
            )
            made += 1
        if report and adaptation.is_open:
            report = dict(report)
            decisions = {}
            for spec in report.pop("amendments", []):
                amendment, decision = _demo_amendment(user, adaptation, *spec)
                decisions[amendment.pk] = decision
            services.adoption_report_create(
                user=user, adaptation=adaptation, decisions=decisions, **report
            )
    return made


def _demo_amendment(user, adaptation, index, kind, new_text, decision, moved, seconded, advice):
    """An amendment citing every printed line of the paragraph at `index`."""
    key = adaptation.blocks[index].key
    numbers = [line.number for line in number_lines(adaptation.blocks) if line.block_key == key]
    amendment = services.amendment_create(
        user=user,
        adaptation=adaptation,
        kind=kind,
        first_line=numbers[0],
        last_line=numbers[-1],
        new_text=new_text,
        moved_by=moved,
        seconded_by=seconded,
        committee_recommendation=advice,
    )
    return amendment, decision


def seed(*, home, stdout) -> None:
    with translation.override("en"):
        _index, pages = seed_library(home)
        made = seed_adaptations(pages)
    stdout.write(
        f"resolutions: {len(pages)} model resolutions in English and Spanish, "
        f"{made} new adaptations\n"
    )
