"""Absolute links to a day of action's routes, in the endorser's language, for emails."""

from django.conf import settings

from .models import DayOfActionPage, Endorsement


def absolute(url: str) -> str:
    return url if url.startswith(("http://", "https://")) else settings.SITE_URL + url


def day_url(day: DayOfActionPage, route: str | None = None, *args, language: str = "") -> str:
    page = day.localized_for(language) if language else day
    url = page.get_url() or "/"
    if route:
        url = url.rstrip("/") + "/" + page.reverse_subpage(route, args=args).lstrip("/")
    return absolute(url)


def endorsement_link(endorsement: Endorsement) -> str:
    """The contact's own link: confirm while pending, then withdraw or raise the pledge."""
    return day_url(
        endorsement.day, "endorsement", endorsement.link_token(), language=endorsement.language
    )


def find_by_token(day: DayOfActionPage, token: str) -> Endorsement | None:
    import hmac

    pk, _sep, _digest = (token or "").partition("-")
    if not pk.isdigit() or len(token) > 80:
        return None
    endorsement = Endorsement.objects.filter(pk=int(pk), day=day).select_related("day").first()
    if endorsement is None or not hmac.compare_digest(endorsement.link_token(), token):
        return None
    return endorsement
