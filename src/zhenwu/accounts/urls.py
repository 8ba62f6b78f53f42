from django.urls import path

from zhenwu.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.index, name="index"),
    path("password/", views.PasswordChange.as_view(), name="password_change"),
    path("<int:pk>/reset/", views.reset, name="reset"),
    path("<int:pk>/unlock/", views.unlock, name="unlock"),
    path("setup/<str:code>/", views.setup, name="setup"),
    path("<int:pk>/", views.account, name="account"),
    path("<int:pk>/roles/<int:membership>/", views.change_role, name="role"),
    path("<int:pk>/roles/<int:membership>/remove/", views.remove_role, name="role_remove"),
    path("<int:pk>/roles/add/", views.add_role, name="role_add"),
    path("<int:pk>/active/", views.set_active, name="active"),
    path("<int:pk>/name/", views.rename, name="name"),
    path("contact/", views.contact, name="contact"),
    path("<int:pk>/contact/", views.user_contact, name="user_contact"),
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/<int:pk>/revoke/", views.revoke_token, name="token_revoke"),
]
