from django.urls import path

from zhenwu.inspections import views

app_name = "inspections"
urlpatterns = [
    path("", views.index, name="index"),
    path("todo/", views.todo, name="todo"),
    path("findings/new/", views.new_finding, name="new_finding"),
    path("report/", views.grid_report, name="grid_report"),
    path("findings/<int:pk>/", views.finding_detail, name="finding"),
    path("findings/<int:pk>/assign/", views.assign, name="assign"),
    path("findings/<int:pk>/start/", views.start, name="start"),
    path("findings/<int:pk>/submit/", views.submit, name="submit"),
    path("findings/<int:pk>/close/", views.close, name="close"),
    path("findings/<int:pk>/return/", views.return_for_rework, name="return"),
    path("photos/<int:pk>/", views.photo, name="photo"),
    path("photos/<int:pk>/thumbnail/", views.photo_thumbnail, name="photo_thumbnail"),
    path("bulletin/<str:code>/<year:year>-<month:month>/", views.bulletin, name="bulletin"),
    path(
        "bulletin/<str:code>/<year:year>-<month:month>.pdf",
        views.bulletin,
        {"as_pdf": True},
        name="bulletin_pdf",
    ),
    path("bulletin/<str:code>/<year:year>-<month:month>/job/", views.bulletin_job, name="bulletin_job"),
    path("rounds/", views.inspection_list, name="inspections"),
    path("rounds/new/", views.new_inspection, name="new_inspection"),
    path("rounds/<int:pk>/", views.inspection_detail, name="inspection"),
]
