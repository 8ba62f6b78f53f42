from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from zhenwu.api.main import api
from zhenwu.web import views as web_views

admin.site.site_header = "镇务 · 管理后台"
admin.site.site_title = "镇务管理后台"
admin.site.index_title = "数据管理"
handler400 = web_views.bad_request
handler403 = web_views.permission_denied
handler404 = web_views.page_not_found
handler500 = web_views.server_error

help_urls = [
    path("", web_views.help_index, name="index"),
    path("<slug:topic>/", web_views.help_topic, name="topic"),
]

urlpatterns = [
    path("", web_views.home, name="home"),
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("settings/<str:code>/", web_views.settings_index, name="settings"),
    path("accounts/", include("zhenwu.accounts.urls")),
    path("areas/", include("zhenwu.areas.urls")),
    path("ledger/", include("zhenwu.ledger.urls")),
    path("check/", include("zhenwu.checking.urls")),
    path("projects/", include("zhenwu.projects.urls")),
    path("inspections/", include("zhenwu.inspections.urls")),
    path("assessment/", include("zhenwu.assessment.urls")),
    path("summaries/", include("zhenwu.summaries.urls")),
    path("help/", include((help_urls, "help"))),
    path("search/", web_views.search, name="search"),
    path("jobs/", include("zhenwu.jobs.urls")),
    path("reminders/", include("zhenwu.reminders.urls")),
    path("issuing/", include("zhenwu.issuing.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
