from django.urls import path

from zhenwu.areas import views

app_name = "areas"
urlpatterns = [
    path("switch/", views.switch_area, name="switch"),
    path("<str:code>/", views.area_detail, name="detail"),
    path("setup/<str:code>/history/", views.setting_history, name="history"),
    path("setup/<str:code>/departments/", views.departments, name="departments"),
    path("setup/<str:code>/departments/<int:pk>/", views.department_change, name="department_change"),
    path("setup/<str:code>/departments/<int:pk>/active/", views.department_active, name="department_active"),
    path("setup/<str:code>/departments/<int:pk>/remove/", views.department_remove, name="department_remove"),
]
