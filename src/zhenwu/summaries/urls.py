from django.urls import path

from zhenwu.summaries import views

app_name = "summaries"

urlpatterns = [
    path("", views.index, name="index"),
    path("compile/<int:pk>/", views.compile_batch, name="compile_batch"),
    path("compile/document/<int:pk>/", views.compile_document, name="compile_document"),
    path("compile/figure/<int:pk>/", views.compile_figure, name="compile_figure"),
    path("compile/<int:pk>/load/", views.compile_load, name="compile_load"),
    path("<str:code>/<str:period>/", views.draft, name="draft"),
    path("<str:code>/<str:period>/narrative/", views.narrative, name="narrative"),
    path("<str:code>/<str:period>/regenerate/", views.regenerate, name="regenerate"),
    path("<str:code>/<str:period>/export/", views.export, name="export"),
    path("<str:code>/<str:period>/export.pdf", views.export, {"as_pdf": True}, name="export_pdf"),
    path("<str:code>/<str:period>/finalize/", views.finalize, name="finalize"),
    path("<str:code>/<str:period>/new-draft/", views.new_draft, name="new_draft"),
    path("<str:code>/<str:period>/batch/", views.batch, name="batch"),
    path("<str:code>/<str:period>/batch/start/", views.batch_start, name="batch_start"),
    path("<str:code>/<str:period>/compile/", views.compile_new, name="compile"),
]
