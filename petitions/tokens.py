"""What petition emails' links are for, and how long each lives (the scheme: core.tokens).

A token carries only the signature's id and when it was made, signed for one purpose.

Lifetimes: a confirm link lives as long as an unconfirmed signature is kept
(SIGNATURE_PENDING_DAYS); a withdraw link until the petition's signer data is purged, and
never longer than WITHDRAW_MAX_AGE, so a link copied into a log or a forwarded email stops
working. Someone who still wants out signs again with the same email: the "already signed"
email carries fresh links. Whether a link was already used is the signature's state (the
views check it), so a used link does nothing either.
"""

CONFIRM = "petitions.confirm"
WITHDRAW = "petitions.withdraw"
CONFIRM_MAX_AGE = 7 * 24 * 3600  # matches SIGNATURE_PENDING_DAYS in services
WITHDRAW_MAX_AGE = 180 * 24 * 3600
MAX_AGE = {CONFIRM: CONFIRM_MAX_AGE, WITHDRAW: WITHDRAW_MAX_AGE}
