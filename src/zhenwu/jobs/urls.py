from django.urls import path

from zhenwu.jobs import views

app_name = "jobs"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/status/", views.status, name="status"),
    path("<int:pk>/download/", views.download, name="download"),
    path("<int:pk>/download/pdf/", views.download_pdf, name="download_pdf"),
]
