import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend

from paroledesk.intake.services import FilingRefused, request_file
from paroledesk.notices.models import Notice
from paroledesk.notices.services import notices_deliver_after_commit
from paroledesk.notices.tasks import notices_deliver
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
    # The requestor named on the form and the account that filed, each on their own.
    assert [message.to for message in mail.outbox] == [["sara@example.org"], ["alice@example.org"]]
    for message in mail.outbox:
        assert "IOE2704000001" in message.subject
        assert "Haidari" not in message.body
    assert Notice.objects.get().delivered_at is not None


def test_a_representatives_filing_mails_the_requestor_and_the_representative(
    policy, rita, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request_file(raw=filing_document(), filed_by=rita, today=FILED_ON)
    assert sorted(message.to[0] for message in mail.outbox) == [
        "rita@example.org",
        "sara@example.org",
    ]


def test_one_address_gets_one_message(policy, alice, django_capture_on_commit_callbacks):
    requestor = filing_document()["requestor"] | {"email": "alice@example.org"}
    with django_capture_on_commit_callbacks(execute=True):
        request_file(raw=filing_document(requestor=requestor), filed_by=alice, today=FILED_ON)
    assert [message.to for message in mail.outbox] == [["alice@example.org"]]


def test_delivering_twice_sends_one_mail(filed):
    notice = Notice.objects.get(request=filed)
    assert notices_deliver([notice.pk]) == 1
    assert notices_deliver([notice.pk]) == 0
    assert len(mail.outbox) == 2


def test_a_refused_filing_sends_nothing(policy, alice, django_capture_on_commit_callbacks):

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(FilingRefused):
        request_file(raw=filing_document(requested_days=0), filed_by=alice, today=FILED_ON)
    assert mail.outbox == []


def test_one_job_delivers_every_notice_of_a_change_in_one_go(
    policy, alice, django_capture_on_commit_callbacks
):

    with django_capture_on_commit_callbacks(execute=False):
        _file_three(alice)
    notices = list(Notice.objects.order_by("pk"))
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notices_deliver_after_commit(notices)
    assert len(callbacks) == 1
    assert len(mail.outbox) == 6
    assert not Notice.objects.filter(delivered_at__isnull=True).exists()


def test_a_mail_server_failing_midway_leaves_only_the_unsent_for_the_retry(
    policy, alice, django_capture_on_commit_callbacks, monkeypatch
):

    with django_capture_on_commit_callbacks(execute=False):
        _file_three(alice)
    ids = list(Notice.objects.order_by("pk").values_list("pk", flat=True))
    real_send = EmailBackend.send_messages
    sent: list[int] = []

    def failing_second(self, messages):
        sent.append(1)
        if len(sent) == 2:
            raise ConnectionRefusedError("mail server down")
        return real_send(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", failing_second)
    with pytest.raises(ConnectionRefusedError):
        notices_deliver(ids)
    assert len(mail.outbox) == 2  # the first notice's two messages
    assert (
        list(
            Notice.objects.filter(delivered_at__isnull=True)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        == ids[1:]
    )
    monkeypatch.setattr(EmailBackend, "send_messages", real_send)
    assert notices_deliver(ids) == 2
    assert len(mail.outbox) == 6


def _file_three(alice):
    """Three requests for three people, with their notices undelivered."""
    for given_name in ("Farid", "Nadia", "Omid"):
        beneficiary = {**filing_document()["beneficiary"], "given_name": given_name}
        request_file(raw=filing_document(beneficiary=beneficiary), filed_by=alice, today=FILED_ON)
