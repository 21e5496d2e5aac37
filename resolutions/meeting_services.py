"""Writes for meetings: planning one, and setting which adaptations its packet holds, in order."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from unions.models import Local
from unions.permissions import may_act_for_local

from .models import Adaptation, AdoptionReport, Meeting, MeetingItem

TITLE_MAX = 200
PLACE_MAX = 200
# A packet is laid out while the steward waits (a fraction of a second per resolution):
# a ceiling keeps one request from holding a worker for long.
ITEMS_MAX = 20


def _require_local(user, local: Local) -> None:
    if not may_act_for_local(user, local):
        raise PermissionDenied(_("You are not a steward or organizer of this local."))


def _one_line(text: str, limit: int) -> str:
    return " ".join(text.split())[:limit]


def _validated(*, title: str, body: str, place: str) -> dict:
    title = _one_line(title, TITLE_MAX)
    errors = {}
    if not title:
        errors["title"] = [_("Give the meeting a name, e.g. “March membership meeting”.")]
    if body not in AdoptionReport.Body.values:
        errors["body"] = [_("Choose which body meets.")]
    if errors:
        raise ValidationError(errors)
    return {"title": title, "body": body, "place": _one_line(place, PLACE_MAX)}


def meeting_create(
    *, user, local: Local, title: str, body: str, date: datetime.date, place: str = ""
) -> Meeting:
    """A meeting of the local with an empty agenda. PermissionDenied for someone else's
    local, ValidationError (by field) for a missing name or an unknown body."""
    _require_local(user, local)
    fields = _validated(title=title, body=body, place=place)
    with transaction.atomic():
        return Meeting.objects.create(local=local, date=date, created_by=user, **fields)


def meeting_update(
    *, user, meeting: Meeting, title: str, body: str, date: datetime.date, place: str = ""
) -> Meeting:
    """Change the meeting's name, body, date or place; the agenda stays as it is."""
    _require_local(user, meeting.local)
    fields = _validated(title=title, body=body, place=place)
    with transaction.atomic():
        Meeting.objects.filter(pk=meeting.pk).update(date=date, **fields)
    meeting.refresh_from_db()
    return meeting


def meeting_update_items(
    *, user, meeting: Meeting, adaptations: Sequence[Adaptation]
) -> list[MeetingItem]:
    """Make the agenda exactly `adaptations`, in that order (positions 1, 2, ...).

    Only the meeting's own local's adaptations can be on it: another local's is refused
    with a ValidationError naming nothing of it, and nothing is written. The meeting row is
    locked while its items are replaced, so two stewards ordering the same agenda at once
    each leave a whole agenda, never a mix of the two."""
    _require_local(user, meeting.local)
    if any(adaptation.local_id != meeting.local_id for adaptation in adaptations):
        raise ValidationError(
            _("Only %(local)s's own adaptations can go in this meeting's packet.")
            % {"local": meeting.local.display_name}
        )
    if len(adaptations) > ITEMS_MAX:
        raise ValidationError(_("A packet holds at most %(max)s resolutions.") % {"max": ITEMS_MAX})
    try:
        with transaction.atomic():
            Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
            MeetingItem.objects.filter(meeting=meeting).delete()
            items = MeetingItem.objects.bulk_create(
                MeetingItem(meeting=meeting, adaptation=adaptation, position=position)
                for position, adaptation in enumerate(adaptations, start=1)
            )
            Meeting.objects.filter(pk=meeting.pk).update(updated_at=timezone.now())
    except IntegrityError:
        raise ValidationError(_("A resolution can be on the agenda only once.")) from None
    return items
