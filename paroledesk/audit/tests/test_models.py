import pytest

from paroledesk.audit.models import AppendOnlyError, Event
from paroledesk.audit.services import event_record
from paroledesk.core.codes import EventAction


@pytest.mark.django_db
def test_an_event_cannot_be_changed_once_written():
    event = event_record(action=EventAction.POLICY_LOADED, actor=None)
    event.reason = "rewritten history"
    with pytest.raises(AppendOnlyError):
        event.save()
    assert Event.objects.get(pk=event.pk).reason == ""


@pytest.mark.django_db
def test_an_event_cannot_be_deleted():
    event = event_record(action=EventAction.POLICY_LOADED, actor=None)
    with pytest.raises(AppendOnlyError):
        event.delete()
    assert Event.objects.filter(pk=event.pk).exists()
