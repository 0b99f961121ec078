"""A password hasher for tests: the site's Argon2, at the smallest cost Argon2 allows.

The site's Argon2 takes about a tenth of a second a password, on purpose; a test
suite that makes a few people for each of its thousand tests would spend minutes
on it. The hashes made here are ordinary Argon2 hashes, their costs written in
them, so a server process started by a test with the site's own settings checks
them as it checks any other.
"""

from __future__ import annotations

from django.contrib.auth.hashers import Argon2PasswordHasher


class QuickArgon2PasswordHasher(Argon2PasswordHasher):
    time_cost = 1
    memory_cost = 8  # KiB: Argon2's least, 8 for each lane
    parallelism = 1
