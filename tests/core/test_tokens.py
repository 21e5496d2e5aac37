"""The one token scheme: purpose-bound, ASCII only, and links already emailed still work."""

import hashlib
import hmac
import time

import pytest
from django.core import signing

from core.tokens import TokenExpired, TokenInvalid, mac, make_token, read_token

DAY = 86400


def test_a_token_reads_back_for_its_purpose_only():
    token = make_token(42, "petitions.confirm")
    assert token.isascii()
    assert read_token(token, "petitions.confirm", max_age=DAY) == 42
    with pytest.raises(TokenInvalid):
        read_token(token, "petitions.withdraw", max_age=DAY)


def test_an_old_token_expires():
    token = make_token(42, "petitions.confirm", at=time.time() - 2 * DAY)
    with pytest.raises(TokenExpired):
        read_token(token, "petitions.confirm", max_age=DAY)


@pytest.mark.parametrize("mangle", [str.upper, lambda t: t.replace("1", "١"), lambda t: t + "0"])
def test_a_mangled_or_non_ascii_token_is_invalid_not_an_error(mangle):
    token = make_token(1111, "petitions.confirm")
    with pytest.raises(TokenInvalid):
        read_token(mangle(token), "petitions.confirm", max_age=DAY)


def test_a_petition_link_emailed_before_the_one_scheme_still_reads_until_it_expires():
    def signed_the_old_way(at: float) -> str:
        value = f"{signing.b62_encode(42)}_{signing.b62_encode(int(at))}"
        return f"{value}_{signing.Signer(salt='petitions.withdraw').signature(value)}"

    assert read_token(signed_the_old_way(time.time()), "petitions.withdraw", max_age=DAY) == 42
    with pytest.raises(TokenExpired):
        read_token(signed_the_old_way(time.time() - 2 * DAY), "petitions.withdraw", max_age=DAY)
    with pytest.raises(TokenInvalid):
        read_token(signed_the_old_way(time.time()), "petitions.confirm", max_age=DAY)


def test_the_mac_is_the_one_endorsement_links_were_emailed_with(settings):
    """Endorsement links never expire: the scheme keeps the bytes they were made with."""
    settings.HASH_KEY = "k"
    before = hmac.new(b"k", b"campaigns.endorsement:7:abc", hashlib.sha256).hexdigest()[:40]
    assert mac("campaigns.endorsement", "7:abc") == before
