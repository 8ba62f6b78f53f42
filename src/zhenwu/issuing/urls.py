from django.urls import path

from zhenwu.issuing import views

app_name = "issuing"

urlpatterns = [
    path("", views.index, name="index"),
    path("offices/<int:pk>/", views.office, name="office"),
    path("issue/<str:kind>/", views.issue, name="issue"),
]
