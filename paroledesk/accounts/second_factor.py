"""Staff sign in with a second factor: an authenticator app (TOTP), with recovery codes.

allauth's MFA asks for a code at every sign-in of an account that has one; a
staff account without one is sent to set it up (accounts.middleware) and its
API tokens are refused until it has.
"""

from __future__ import annotations

import time

from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from allauth.mfa.utils import decrypt, encrypt

from paroledesk.accounts.models import User

SET_UP_FIRST = (
    "Staff accounts sign in with a second factor. Set up your authenticator app before you go on."
)


def has_second_factor(user: User) -> bool:
    return bool(Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists())


def needs_second_factor(user: User) -> bool:
    """A staff account that has not set up its authenticator app yet."""
    return user.is_staff_role and not has_second_factor(user)


def second_factor_enrol(*, user: User) -> None:
    """Give ``user`` an authenticator secret and recovery codes, as if set up in the app.

    For the demo's staff and for tests: real staff set theirs up at first sign-in."""
    TOTP.activate(user, generate_totp_secret())
    RecoveryCodes.activate(user)


def current_code(user: User) -> str:
    """The code the user's authenticator app shows now. LookupError if it has none."""
    found = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if found is None:
        raise LookupError(f"{user.username} has no authenticator app set up.")
    secret = str(decrypt(found.data["secret"]))
    return str(format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD)))


def second_factors_reseal() -> int:
    """Seal every second-factor secret again under the current data key (after a rotation)."""
    done = 0
    for found in Authenticator.objects.filter(
        type__in=[Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES]
    ).iterator():
        field = "secret" if found.type == Authenticator.Type.TOTP else "seed"
        found.data[field] = encrypt(decrypt(found.data[field]))
        found.save(update_fields=["data"])
        done += 1
    return done
