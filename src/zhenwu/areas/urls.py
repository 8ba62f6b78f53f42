from django.urls import path

from zhenwu.areas import views

app_name = "areas"
urlpatterns = [
    path("switch/", views.switch_area, name="switch"),
    path("<str:code>/", views.area_detail, name="detail"),
]
