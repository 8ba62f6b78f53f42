from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "zhenwu.web"
    verbose_name = "网站外壳"
