import threading
from datetime import date, timedelta

import pytest
from django.db import connection, connections, transaction

from paroledesk.core.policy import Channel
from paroledesk.core.receipt_numbers import parse_receipt_number
from paroledesk.intake.models import ReceiptSequence
from paroledesk.intake.receipts import receipt_issue, receipts_issue

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


@pytest.mark.django_db
def test_a_batch_takes_its_numbers_at_once_in_the_order_asked(policy):
    """Many counters (more than one statement's worth), several numbers from some,
    and the numbers given before and after continue each counter's sequence."""

    days = [MONDAY - timedelta(days=offset) for offset in range(320)]
    wanted = [(Channel.PAPER, day) for day in days] + [(Channel.ONLINE, MONDAY)] * 3
    with transaction.atomic():
        before = receipt_issue(channel=Channel.ONLINE, received_on=MONDAY)
        numbers = receipts_issue(wanted)
        after = receipt_issue(channel=Channel.ONLINE, received_on=MONDAY)
    assert len(numbers) == len(set(numbers)) == len(wanted)
    assert numbers[-3:] == ["IOE2704000002", "IOE2704000003", "IOE2704000004"]
    assert (before, after) == ("IOE2704000001", "IOE2704000005")
    for (_, day), number in zip(wanted, numbers, strict=True):
        parsed = parse_receipt_number(number)
        assert parsed.prefix != "IOE" or day == MONDAY
    # Weekend days share the next workday's counter: their numbers count up within it.
    saturday, sunday, friday_before = (
        numbers[days.index(MONDAY - timedelta(days=2))],
        numbers[days.index(MONDAY - timedelta(days=1))],
        numbers[days.index(MONDAY - timedelta(days=3))],
    )
    assert saturday[:-5] == sunday[:-5] == numbers[0][:-5] != friday_before[:-5]
    assert sorted([int(numbers[0][-5:]), int(saturday[-5:]), int(sunday[-5:])]) == [1, 2, 3]
