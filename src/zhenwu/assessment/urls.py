from django.urls import path

from zhenwu.assessment import setup_views, views

app_name = "assessment"
urlpatterns = [
    path("", views.index, name="index"),
    # 设置 first: “setup/…” would otherwise read as a scheme's slug and period.
    path("setup/<str:code>/", setup_views.scheme_list, name="setup_schemes"),
    path("setup/<str:code>/criterion/<int:pk>/", setup_views.criterion, name="setup_criterion"),
    path(
        "setup/<str:code>/criterion/<int:pk>/remove/",
        setup_views.criterion_remove,
        name="setup_criterion_remove",
    ),
    path("setup/<str:code>/<slug:slug>/", setup_views.scheme, name="setup_scheme"),
    path("setup/<str:code>/<slug:slug>/criteria/", setup_views.criterion_add, name="setup_criterion_add"),
    path("setup/<str:code>/<slug:slug>/preview/", setup_views.preview, name="setup_preview"),
    path("scores/<int:pk>/", views.score_detail, name="detail"),
    path("<slug:slug>/", views.scheme_detail, name="scheme"),
    path("<slug:slug>/history/", views.history, name="history"),
    path("<slug:slug>/<str:period>/", views.result, name="result"),
    path("<slug:slug>/<str:period>/compute/", views.compute, name="compute"),
    path("<slug:slug>/<str:period>/publish/", views.publish, name="publish"),
    path("<slug:slug>/<str:period>/manual/", views.manual, name="manual"),
    path("<slug:slug>/<str:period>/recompute/", views.recompute, name="recompute"),
    path("<slug:slug>/<str:period>/bulletin.docx", views.bulletin, name="bulletin"),
    path("<slug:slug>/<str:period>/bulletin.pdf", views.bulletin, {"as_pdf": True}, name="bulletin_pdf"),
    path("<slug:slug>/<str:period>/bulletin/job/", views.bulletin_job, name="bulletin_job"),
]
