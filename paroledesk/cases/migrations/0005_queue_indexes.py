"""Indexes the work lists walk in their own order, so that a page of a list reads a page of rows;
the officer in request_due, so that overdue work per officer reads only that index."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0004_decision_due_on'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='parolerequest',
            name='request_due',
        ),
        migrations.AddIndex(
            model_name='parolerequest',
            index=models.Index(fields=['status', 'decision_due_on'], include=('assigned_officer',), name='request_due'),
        ),
        migrations.AddIndex(
            model_name='parolerequest',
            index=models.Index(condition=models.Q(('status', 'received')), fields=['received_on', 'id'], include=('category', 'expedited'), name='request_waiting'),
        ),
        migrations.AddIndex(
            model_name='parolerequest',
            index=models.Index(condition=models.Q(('status__in', ['assigned', 'evidence_received', 'evidence_requested', 'in_review', 'received'])), fields=['received_on', 'id'], include=('category', 'expedited'), name='request_open_age'),
        ),
        migrations.AddIndex(
            model_name='parolerequest',
            index=models.Index(condition=models.Q(('status__in', ['assigned', 'evidence_received', 'evidence_requested', 'in_review', 'received'])), fields=['assigned_officer', 'received_on', 'id'], name='request_open_officer'),
        ),
        migrations.AddIndex(
            model_name='parolerequest',
            index=models.Index(condition=models.Q(('status__in', ['approved', 'closed', 'conditionally_approved', 'denied', 'parole_ended', 'paroled'])), fields=['decided_on', 'id'], include=('category', 'expedited'), name='request_decided'),
        ),
        migrations.AddIndex(
            model_name='parolerequest',
            index=models.Index(condition=models.Q(('status__in', ['approved', 'closed', 'conditionally_approved', 'denied', 'parole_ended', 'paroled'])), fields=['assigned_officer', 'decided_on', 'id'], name='request_decided_officer'),
        ),
    ]
