"""The filing wizard's pages, under /requests/ (included before the request pages)."""

from django.urls import path

from paroledesk.intake.evidence import views as evidence_views
from paroledesk.intake.wizard import views

urlpatterns = [
    path("requests/new/", views.draft_new, name="draft_new"),
    path("requests/drafts/<int:draft_id>/", views.draft_resume, name="draft_resume"),
    path("requests/drafts/<int:draft_id>/review/", views.draft_review, name="draft_review"),
    path("requests/drafts/<int:draft_id>/submit/", views.draft_submit, name="draft_submit"),
    path("requests/drafts/<int:draft_id>/delete/", views.draft_delete, name="draft_delete"),
    path("requests/drafts/<int:draft_id>/paper/", views.draft_paper, name="draft_paper"),
    path("requests/drafts/<int:draft_id>/packet.pdf", views.draft_packet, name="draft_packet"),
    path("requests/drafts/<int:draft_id>/filed/", views.draft_done, name="draft_done"),
    path(
        "requests/drafts/<int:draft_id>/family-member/",
        views.draft_family_member,
        name="draft_family_member",
    ),
    path("requests/drafts/<int:draft_id>/<slug:step>/", views.draft_step, name="draft_step"),
    path(
        "requests/<str:receipt_number>/evidence/",
        evidence_views.evidence_add_page,
        name="evidence_add",
    ),
]
