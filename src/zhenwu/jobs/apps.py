from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "zhenwu.jobs"
    verbose_name = "后台任务"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from zhenwu.jobs import checks  # noqa: F401  (registers the schedule check)
