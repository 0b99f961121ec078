import io

import pytest

from paroledesk.accounts.models import User
from paroledesk.accounts.services import token_digest
from paroledesk.cli import main


@pytest.mark.django_db
def test_user_add_prints_the_token_alone_on_its_last_line(capsys):
    assert main(["user", "add", "oscar", "--role", "officer", "--email", "oscar@example.org"]) == 0
    token = capsys.readouterr().out.strip().splitlines()[-1]
    user = User.objects.get(username="oscar")
    assert user.role == "officer"
    assert user.api_tokens.get().digest == token_digest(token)


@pytest.mark.django_db
def test_user_add_says_when_a_password_needs_an_address_and_when_a_staff_token_waits(
    capsys, monkeypatch
):
    assert main(["user", "add", "oscar", "--role", "officer"]) == 0
    assert "set up their second factor" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("a long and unusual passphrase 7\n"))
    assert main(["user", "add", "rae", "--role", "requestor", "--password"]) == 2
    assert "needs an e-mail address" in capsys.readouterr().err


@pytest.mark.django_db
def test_user_add_refuses_a_taken_name_with_exit_code_2(capsys):
    main(["user", "add", "oscar", "--role", "officer"])
    assert main(["user", "add", "oscar", "--role", "officer"]) == 2
    assert "already taken" in capsys.readouterr().err


def test_user_add_refuses_an_unknown_role(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["user", "add", "oscar", "--role", "wizard"])
    assert exited.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("argv", "field"),
    [
        (["osc\u202ear"], "username"),
        (["oscar\x00"], "username"),
        (["oscar", "--email", "oscar\u200b@example.org"], "email"),
    ],
)
def test_user_add_refuses_hidden_characters_as_every_channel_does(capsys, argv, field):
    assert main(["user", "add", *argv[:1], "--role", "officer", *argv[1:]]) == 2
    assert capsys.readouterr().err.startswith(f"{field}: ")
    assert not User.objects.exists()


@pytest.mark.django_db
def test_user_add_writes_names_in_nfkc():
    assert main(["user", "add", "ｏｓｃａｒ", "--role", "officer"]) == 0
    assert User.objects.get().username == "oscar"
