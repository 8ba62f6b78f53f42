from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "zhenwu.jobs"
    verbose_name = "后台任务"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.contrib import admin
        from django_tasks_db.models import DBTaskResult

        from zhenwu.jobs import checks  # noqa: F401  (registers the schedule check)

        # The queue rows belong to no area, so no area's 管理员 may browse them in the admin
        # (django-tasks-db registers them there); a job is seen on 我的任务 by whom it concerns.
        if admin.site.is_registered(DBTaskResult):
            admin.site.unregister(DBTaskResult)
