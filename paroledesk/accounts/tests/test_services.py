import pytest
from django.core.exceptions import ValidationError

from paroledesk.accounts.models import ApiToken, User
from paroledesk.accounts.services import token_digest, user_create
from paroledesk.audit.models import Event
from paroledesk.core.roles import Role


@pytest.mark.django_db
def test_a_new_user_gets_a_token_that_is_stored_only_as_a_digest():
    user, token = user_create(username="olivia", role=Role.OFFICER)
    stored = ApiToken.objects.get(user=user)
    assert stored.digest == token_digest(token)
    assert token not in stored.digest
    assert stored.prefix == token[:8]


@pytest.mark.django_db
def test_roles_decide_who_may_open_the_admin():
    officer, _ = user_create(username="olivia", role=Role.OFFICER)
    supervisor, _ = user_create(username="sam", role=Role.SUPERVISOR)
    admin, _ = user_create(username="ada", role=Role.ADMIN)
    assert (officer.is_staff, supervisor.is_staff, admin.is_staff) == (False, True, True)
    assert (supervisor.is_superuser, admin.is_superuser) == (False, True)


@pytest.mark.django_db
def test_creating_a_user_writes_its_event():
    user_create(username="rita", role=Role.REPRESENTATIVE)
    event = Event.objects.get(action="user_created")
    assert event.data == {"user": "rita", "role": "representative"}


@pytest.mark.django_db
def test_a_taken_user_name_is_refused_whatever_its_case():
    user_create(username="alice", role=Role.REQUESTOR)
    with pytest.raises(ValidationError) as refused:
        user_create(username="Alice", role=Role.REQUESTOR)
    assert "already taken" in str(refused.value.message_dict["username"])
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_a_weak_password_is_refused_and_nothing_is_saved():
    with pytest.raises(ValidationError):
        user_create(username="alice", role=Role.REQUESTOR, password="short")
    assert not User.objects.exists()
