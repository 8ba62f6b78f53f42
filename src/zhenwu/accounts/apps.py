from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "zhenwu.accounts"
    verbose_name = "账号与密码"
