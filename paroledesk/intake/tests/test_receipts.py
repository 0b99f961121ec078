import threading
from datetime import date

import pytest
from django.db import connection, connections, transaction

from paroledesk.core.policy import Channel
from paroledesk.core.receipt_numbers import parse_receipt_number
from paroledesk.intake.models import ReceiptSequence
from paroledesk.intake.receipts import receipt_issue

# Monday 2026-11-30 is the 40th business day of fiscal year 2027
# (Oct 1 is a Thursday; Columbus Day, Veterans Day and Thanksgiving are off).
MONDAY = date(2026, 11, 30)


@pytest.mark.django_db
def test_receipt_numbers_count_up_within_a_workday(policy):
    with transaction.atomic():
        first = receipt_issue(channel=Channel.ONLINE, received_on=MONDAY)
        second = receipt_issue(channel=Channel.ONLINE, received_on=MONDAY)
    assert (first, second) == ("IOE2704000001", "IOE2704000002")


@pytest.mark.django_db
def test_paper_filings_have_their_own_prefix_and_sequence(policy):
    with transaction.atomic():
        receipt_issue(channel=Channel.ONLINE, received_on=MONDAY)
        paper = parse_receipt_number(receipt_issue(channel=Channel.PAPER, received_on=MONDAY))
    assert paper.prefix != "IOE"
    assert paper.sequence == 1


@pytest.mark.django_db
def test_a_weekend_filing_takes_the_next_workday_number(policy):
    with transaction.atomic():
        saturday = receipt_issue(channel=Channel.ONLINE, received_on=date(2026, 11, 28))
    assert saturday.startswith("IOE27040")


@pytest.mark.django_db
def test_a_rolled_back_filing_gives_its_number_back(policy):
    def file_then_fail() -> None:
        with transaction.atomic():
            receipt_issue(channel=Channel.ONLINE, received_on=MONDAY)
            raise RuntimeError("the filing failed after its number was taken")

    with pytest.raises(RuntimeError):
        file_then_fail()
    with transaction.atomic():
        assert receipt_issue(channel=Channel.ONLINE, received_on=MONDAY).endswith("00001")


@pytest.mark.django_db(transaction=True)
def test_concurrent_filings_never_share_a_receipt_number(policy):
    workers, each = 6, 25
    issued: list[str] = []
    failures: list[BaseException] = []
    lock = threading.Lock()
    start = threading.Barrier(workers)

    def file_many() -> None:
        try:
            start.wait()
            for _ in range(each):
                with transaction.atomic():
                    number = receipt_issue(channel=Channel.ONLINE, received_on=MONDAY)
                with lock:
                    issued.append(number)
        except BaseException as error:
            failures.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=file_many) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert len(issued) == workers * each
    assert len(set(issued)) == workers * each
    assert ReceiptSequence.objects.get().last == workers * each
    assert connection.vendor in {"sqlite", "postgresql"}
