"""Demo content: a meeting of Local 1017 with a two-resolution packet on its agenda, the
first resolution with two amendments proposed before the meeting.

Runs after demo.resolutions (it uses that module's adaptations). Idempotent: the meeting is
found by its local and name, the second draft by its label, and an agenda already set is
left as it is.
"""

from __future__ import annotations

from datetime import date

from django.contrib.auth import get_user_model
from django.utils import translation

from resolutions import meeting_services, services
from resolutions.models import Adaptation, AdoptionReport, Meeting, ResolutionPage
from unions.models import Local

from .resolutions import _answers, _demo_amendment

LOCAL_NUMBER = "1017"
STEWARD = "steward@unionhall.test"
TITLE = "December membership meeting"
# (resolution number, label, answers): the local's open draft of R-2027-05 from
# demo.resolutions, and a second draft made here for this meeting.
AGENDA = [
    ("R-2027-05", None, None),
    (
        "R-2027-02",
        TITLE,
        {
            "employer": "Harbor Valley Medical Center",
            "team_size": "6",
            "meeting_date": "2026-12-09",
        },
    ),
]
# Proposed before the meeting on the first item (paragraph index, kind, new words, moved by,
# seconded by, committee recommendation), for the amendment sheet that goes with the packet.
PROPOSED = [
    (
        3,
        "replace",
        "RESOLVED that UHCW Local 1017 will send members to testify, and will ask the council "
        "to hold its hearing in the evening so that every shift can attend;",
        "Ana Flores",
        "Kim Tran",
        "adopt",
    ),
    (0, "delete", "", "Pat Moreno", "", "reject"),
]


def _adaptation(local: Local, user, number: str, label: str | None, values: dict | None):
    page = ResolutionPage.objects.get(number=number, locale__language_code="en")
    found = Adaptation.objects.filter(resolution_key=page.translation_key, local=local)
    if label is not None:
        found = found.filter(label=label)
    adaptation = found.order_by("pk").first()
    if adaptation is None and values is not None:
        adaptation = services.adaptation_save(
            user=user,
            resolution=page,
            local=local,
            answers=_answers(page, local, values, {}),
            label=label or "",
        )
    return adaptation


def seed_meetings(stdout) -> None:
    local = Local.objects.get(number=LOCAL_NUMBER)
    user = get_user_model().objects.get(email=STEWARD)
    with translation.override("en"):
        meeting = Meeting.objects.filter(local=local, title=TITLE).first()
        if meeting is None:
            meeting = meeting_services.meeting_create(
                user=user,
                local=local,
                title=TITLE,
                body=AdoptionReport.Body.MEMBERSHIP,
                date=date(2026, 12, 9),
                place="Union hall, 2nd floor",
            )
        if not meeting.items.exists():
            agenda = [_adaptation(local, user, *row) for row in AGENDA]
            meeting_services.meeting_update_items(
                user=user, meeting=meeting, adaptations=[a for a in agenda if a is not None]
            )
        first = meeting.items.order_by("position").first()
        if first is not None and not first.adaptation.amendments.exists():
            for index, kind, words, moved, seconded, advice in PROPOSED:
                _demo_amendment(
                    user, first.adaptation, index, kind, words, "", moved, seconded, advice
                )
    stdout.write(f"meetings: {TITLE} with {meeting.items.count()} resolutions in its packet\n")
