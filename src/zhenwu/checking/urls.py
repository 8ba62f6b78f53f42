from django.urls import path

from zhenwu.checking import views

app_name = "checking"
urlpatterns = [path("", views.index, name="index")]
