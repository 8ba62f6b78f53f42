from django.urls import path

from zhenwu.ledger import views

app_name = "ledger"
period = "<str:code>/<int:year>/<int:month>"
urlpatterns = [
    path("", views.index, name="index"),
    path("upload/", views.upload, name="upload"),
    path("county/<str:code>/", views.county, name="county"),
    path("county/<str:code>/table.xlsx", views.county_export, name="county_export"),
    path(f"entry/{period}/", views.entry, name="entry"),
    path(f"entry/{period}/check/<int:indicator>/", views.check, name="check"),
    path(f"entry/{period}/submit/", views.submit, name="submit"),
    path(f"entry/{period}/approve/", views.approve, name="approve"),
    path(f"entry/{period}/unlock/", views.unlock, name="unlock"),
    path(f"entry/{period}/history/", views.history, name="history"),
    path(f"entry/{period}/template.xlsx", views.template, name="template"),
    path(f"table/{period}.xlsx", views.export, name="export"),
    path("targets/<str:code>/<int:year>/", views.targets, name="targets"),
    path("target/<int:pk>/revise/", views.revise, name="revise"),
    path("standards/<str:code>/", views.standards, name="standards"),
]
