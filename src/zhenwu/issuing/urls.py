from django.urls import path

from zhenwu.issuing import views

app_name = "issuing"

urlpatterns = [
    path("", views.index, name="index"),
    path("offices/<int:pk>/", views.office, name="office"),
    path("issue/<str:kind>/", views.issue, name="issue"),
    path("issued/<int:pk>.docx", views.issued, name="issued"),
    path("issued/<int:pk>.pdf", views.issued, {"as_pdf": True}, name="issued_pdf"),
]
