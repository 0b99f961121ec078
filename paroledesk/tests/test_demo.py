from datetime import date

import pytest

from paroledesk.accounts.models import User
from paroledesk.accounts.second_factor import has_second_factor, second_factor_enrol
from paroledesk.accounts.services import user_create
from paroledesk.audit.models import Event
from paroledesk.cases.models import ParoleRequest
from paroledesk.cli import main
from paroledesk.cli.demo import COUNTS, demo_accounts_file, demo_seed, demo_seed_if_empty
from paroledesk.core.lifecycle import TRANSITIONS, Status
from paroledesk.core.roles import Role

TODAY = date(2026, 11, 30)


@pytest.fixture
def seeded(policy, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    return demo_seed(today=TODAY)


@pytest.mark.django_db
def test_the_demo_spreads_requests_over_every_state(seeded):
    found = dict.fromkeys(Status, 0)
    for status in ParoleRequest.objects.values_list("status", flat=True):
        found[Status(status)] += 1
    assert {status.value: count for status, count in found.items()} == COUNTS
    assert set(COUNTS) == {status.value for status in Status}


@pytest.mark.django_db
def test_every_demo_change_is_an_event_the_lifecycle_table_allows(seeded):
    allowed = {(t.source.value, t.target.value) for t in TRANSITIONS.values()}
    changes = Event.objects.exclude(from_status="").values_list("from_status", "to_status")
    assert changes
    assert set(changes) <= allowed


@pytest.mark.django_db
def test_no_demo_event_is_dated_in_the_future(seeded):
    assert not Event.objects.filter(on__gt=TODAY).exists()


@pytest.mark.django_db
def test_demo_passwords_are_random_and_kept_only_for_the_owner(seeded, settings):
    text = demo_accounts_file().read_text()
    assert all(password in text for password in seeded.values())
    assert len(set(seeded.values())) == len(seeded)
    assert demo_accounts_file().stat().st_mode & 0o077 == 0


@pytest.mark.django_db
def test_the_demo_is_seeded_only_into_an_empty_database(seeded):
    count = ParoleRequest.objects.count()
    assert demo_seed_if_empty() is False
    assert ParoleRequest.objects.count() == count


@pytest.mark.django_db
def test_demo_staff_have_an_authenticator_app_and_its_code_is_printed(seeded, capsys):
    staff = {user.username for user in User.objects.all() if has_second_factor(user)}
    assert staff == {"olivia", "oscar", "sam", "ada"}
    assert main(["totp", "sam"]) == 0
    code = capsys.readouterr().out.strip()
    assert code.isdigit()
    assert len(code) == 6


@pytest.mark.django_db
def test_the_code_command_serves_the_demo_staff_only(seeded, olivia_elsewhere, capsys):
    assert main(["totp", "alice"]) == 2
    assert "no authenticator app" in capsys.readouterr().err
    assert main(["totp", "olivia2"]) == 2
    assert "not a demo account" in capsys.readouterr().err


@pytest.fixture
def olivia_elsewhere(seeded):
    user, _ = user_create(username="olivia2", role=Role.OFFICER)
    second_factor_enrol(user=user)
    return user
