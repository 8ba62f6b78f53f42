from django.apps import AppConfig


class CheckingConfig(AppConfig):
    name = "zhenwu.checking"
    verbose_name = "核稿"
