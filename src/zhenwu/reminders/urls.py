from django.urls import path

from zhenwu.reminders import views

app_name = "reminders"
urlpatterns = [
    path("inbox/", views.inbox, name="inbox"),
    path("inbox/<int:pk>/read/", views.read, name="read"),
    path("area/<str:code>/", views.area, name="area"),
    path("area/<str:code>/settings/", views.settings, name="settings"),
    path("area/<str:code>/chase/", views.chase, name="chase"),
    path("deliveries/<int:pk>/retry/", views.retry, name="retry"),
]
