"""How many tries a client has left, counted in the shared cache (settings.CACHES).

The cache is shared by every server process (a table of the database when
embedded, Redis when CACHE_URL names one), so a limit counted here holds
whichever process answers.

Each try takes one of ``tries`` slots, a cache entry that lives ``seconds``
from the moment it is taken; a client with no free slot has used up its tries
until its oldest slot expires. Slots are taken with ``cache.add``, which is
atomic on both backends (an insert that a unique key refuses; Redis SET NX),
so two processes answering one client at once never take the same slot.
A counter raised with ``cache.incr`` would not hold on the database cache:
Django does that as a read then a write, which loses tries to a race and
resets the entry's lifetime (docs/adr/0015-status-inquiry-guesses.md).
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from allauth.account.adapter import get_adapter
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import HttpRequest
from django.utils.crypto import salted_hmac

# One IPv6 network of this size is one client: a home or a phone gets a whole /64.
_IPV6_CLIENT_PREFIX = 64
UNKNOWN_CLIENT = "unknown"


def client_of(request: HttpRequest) -> str:
    """The client's address as sign-in counts it (allauth's rule, REMOTE_ADDR unless
    ALLAUTH_TRUSTED_PROXY_COUNT or ALLAUTH_TRUSTED_CLIENT_IP_HEADER say otherwise), an
    IPv6 address widened to its /64. Clients whose address cannot be read share one."""
    try:
        address = ipaddress.ip_address(get_adapter(request).get_client_ip(request))
    except (PermissionDenied, ImproperlyConfigured, ValueError):
        return UNKNOWN_CLIENT
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is None:
        network = ipaddress.ip_network(f"{address}/{_IPV6_CLIENT_PREFIX}", strict=False)
        return str(network)
    return str(address.ipv4_mapped if isinstance(address, ipaddress.IPv6Address) else address)


@dataclass(frozen=True)
class AttemptLimit:
    """At most ``tries`` tries in any ``seconds``, per client, for one ``scope``."""

    scope: str
    tries: int
    seconds: int

    def _slots(self, client: str) -> list[str]:
        # The address itself stays out of the cache: a keyed hash names the client.
        digest = salted_hmac(f"attempts:{self.scope}", client).hexdigest()[:32]
        return [f"attempts:{self.scope}:{digest}:{slot}" for slot in range(self.tries)]

    def spent(self, client: str) -> bool:
        """Whether the client has no try left now (nothing is counted)."""
        return len(cache.get_many(self._slots(client))) >= self.tries

    def take(self, client: str) -> bool:
        """Count one try: True if the client had one left, False if it is refused."""
        slots = self._slots(client)
        taken = cache.get_many(slots)
        return any(cache.add(slot, 1, timeout=self.seconds) for slot in slots if slot not in taken)
