import pytest
from django.core import mail

from paroledesk.intake.services import request_file
from paroledesk.notices.models import Notice
from paroledesk.notices.tasks import notice_deliver
from paroledesk.testing.fixtures import FILED_ON, filing_document

pytestmark = pytest.mark.django_db


def test_a_notice_is_delivered_only_after_its_filing_commits(
    policy, alice, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        request_file(raw=filing_document(), filed_by=alice, today=FILED_ON)
    assert mail.outbox == []
    assert len(callbacks) == 1
    callbacks[0]()
    (message,) = mail.outbox
    assert message.to == ["sara@example.org"]
    assert "IOE2704000001" in message.subject
    assert "Haidari" not in message.body
    assert Notice.objects.get().delivered_at is not None


def test_delivering_twice_sends_one_mail(filed):
    notice = Notice.objects.get(request=filed)
    assert notice_deliver(notice.pk) is True
    assert notice_deliver(notice.pk) is False
    assert len(mail.outbox) == 1


def test_a_refused_filing_sends_nothing(policy, alice, django_capture_on_commit_callbacks):
    from paroledesk.intake.services import FilingRefused

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(FilingRefused):
        request_file(raw=filing_document(requested_days=0), filed_by=alice, today=FILED_ON)
    assert mail.outbox == []
