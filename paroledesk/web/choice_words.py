"""The words of the requests' choices, listed for the translation catalogs.

A model's choices name each value in words made from the value itself
(lib.fields.choices: "in_review" is shown as "In review"). makemessages finds
only written text, so the words are listed here; pages translate them where they
show them (``{% translate item.get_status_display %}``).
web/tests/test_language.py keeps this list complete.
"""

from __future__ import annotations

from django.utils.translation import gettext_noop

CHOICE_WORDS = (
    # Status
    gettext_noop("Received"),
    gettext_noop("Assigned"),
    gettext_noop("In review"),
    gettext_noop("Evidence requested"),
    gettext_noop("Evidence received"),
    gettext_noop("Conditionally approved"),
    gettext_noop("Approved"),
    gettext_noop("Paroled"),
    gettext_noop("Denied"),
    gettext_noop("Withdrawn"),
    gettext_noop("Closed"),
    gettext_noop("Parole ended"),
    # Kind of request
    gettext_noop("Initial"),
    gettext_noop("Reparole"),
    gettext_noop("Refiling"),
    # Basis and category of the reason
    gettext_noop("Urgent humanitarian"),
    gettext_noop("Significant public benefit"),
    gettext_noop("Medical"),
    gettext_noop("Family emergency"),
    gettext_noop("Protection"),
    gettext_noop("Public benefit"),
    gettext_noop("Other"),
    # Who filed
    gettext_noop("Self"),
    gettext_noop("Relative"),
    gettext_noop("Representative"),
    gettext_noop("Organization"),
    # Evidence
    gettext_noop("Passport"),
    gettext_noop("Emergency"),
    gettext_noop("Relationship"),
    gettext_noop("Sponsor income"),
    gettext_noop("Visa attempt"),
    gettext_noop("Prior decision"),
    gettext_noop("G28"),
    gettext_noop("Rfe response"),
    # Notices, by their titles (notices.models.NOTICE_TITLES); the notice itself stays English
    gettext_noop("Receipt notice"),
    gettext_noop("Request for evidence"),
    gettext_noop("Conditional approval: parole fee due"),
    gettext_noop("Approval of parole"),
    gettext_noop("Denial notice"),
    gettext_noop("Withdrawal acknowledged"),
    gettext_noop("Request closed"),
    gettext_noop("Reminder: evidence due"),
    gettext_noop("Reminder: parole fee due"),
    gettext_noop("Reminder: parole ending"),
    gettext_noop("Termination of parole"),
    gettext_noop("Answer to a status inquiry"),
)
