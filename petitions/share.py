"""What the signed page offers for passing a petition on: plain links to messaging apps, the
text to paste, and a QR code, all made here (no share button or script from another site)."""

from dataclasses import dataclass
from urllib.parse import quote

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from core.qr import qr_svg


@dataclass(frozen=True)
class Share:
    url: str
    message: str
    whatsapp: str
    sms: str
    email: str
    qr: SafeString


def share_for(*, title: str, url: str) -> Share:
    """The share links for the petition at `url`, in the active language. `title` is the
    petition's shown title, so an unlisted petition's code name travels, not its employer.
    Signal has no web link that fills in a message (signal.me opens a contact), so the page
    offers the same message to copy and paste instead."""
    message = _("I signed “%(title)s”. Will you sign too? %(url)s") % {"title": title, "url": url}
    subject = _("Sign “%(title)s”") % {"title": title}
    text = quote(message, safe="")
    return Share(
        url=url,
        message=message,
        whatsapp=f"https://wa.me/?text={text}",
        sms=f"sms:?&body={text}",
        email=f"mailto:?subject={quote(subject, safe='')}&body={text}",
        # qrcode's own SVG, with no text of ours in it.
        qr=mark_safe(qr_svg(url, css_class="petition-share__qr")),  # noqa: S308
    )
