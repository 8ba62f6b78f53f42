from django.urls import path

from zhenwu.assessment import views

app_name = "assessment"
urlpatterns = [
    path("", views.index, name="index"),
    path("scores/<int:pk>/", views.score_detail, name="detail"),
    path("<slug:slug>/", views.scheme_detail, name="scheme"),
    path("<slug:slug>/history/", views.history, name="history"),
    path("<slug:slug>/<str:period>/", views.result, name="result"),
    path("<slug:slug>/<str:period>/compute/", views.compute, name="compute"),
    path("<slug:slug>/<str:period>/publish/", views.publish, name="publish"),
    path("<slug:slug>/<str:period>/manual/", views.manual, name="manual"),
    path("<slug:slug>/<str:period>/recompute/", views.recompute, name="recompute"),
    path("<slug:slug>/<str:period>/bulletin.docx", views.bulletin, name="bulletin"),
    path("<slug:slug>/<str:period>/bulletin/job/", views.bulletin_job, name="bulletin_job"),
]
