from django.urls import path

from zhenwu.projects import views

app_name = "projects"
urlpatterns = [
    path("", views.index, name="index"),
    path("overview/", views.overview, name="overview"),
    path("report/<str:code>/", views.report, name="report"),
    path("report/<str:code>.pdf", views.report, {"as_pdf": True}, name="report_pdf"),
    path("report/<str:code>/preview/", views.report_preview, name="report_preview"),
    path("export/<str:code>/", views.export, name="export"),
    path("background/<str:code>/<str:kind>/", views.in_background, name="background"),
    path("import/", views.import_ledger, name="import"),
    path("new/", views.new, name="new"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/update/", views.update, name="update"),
    path("<int:pk>/advance/", views.advance, name="advance"),
    path("photos/<int:pk>/", views.photo, name="photo"),
    path("photos/<int:pk>/thumbnail/", views.photo_thumbnail, name="photo_thumbnail"),
]
