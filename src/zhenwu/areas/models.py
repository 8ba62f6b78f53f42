"""The administrative tree, departments and who may do what where."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from treebeard.mp_tree import MP_Node, MP_NodeManager, MP_NodeQuerySet


class Level(models.TextChoices):
    PROVINCE = "province", "省"
    CITY = "city", "市"
    COUNTY = "county", "县(区)"
    TOWN = "town", "乡镇(街道)"
    VILLAGE = "village", "村(社区)"


LEVEL_DEPTH = {level: depth for depth, level in enumerate(Level, start=1)}


class Role(models.TextChoices):
    CLERK = "clerk", "填报员"
    REVIEWER = "reviewer", "审核员"
    INSPECTOR = "inspector", "督查员"
    ADMIN = "admin", "管理员"
    LEADER = "leader", "领导"


class Action(models.TextChoices):
    """What a role lets a member do within the subtree of the membership's area."""

    VIEW = "view", "查看"
    ENTER = "enter", "填报"
    REVIEW = "review", "审核"
    INSPECT = "inspect", "督查"
    ADMINISTER = "administer", "管理"


ROLE_ACTIONS: dict[str, frozenset[str]] = {
    Role.CLERK: frozenset({Action.VIEW, Action.ENTER}),
    Role.REVIEWER: frozenset({Action.VIEW, Action.REVIEW}),
    Role.INSPECTOR: frozenset({Action.VIEW, Action.INSPECT}),
    Role.ADMIN: frozenset(Action),
    Role.LEADER: frozenset({Action.VIEW}),
}

area_code_validator = RegexValidator(r"^\d{12}$", "统计用区划代码应为 12 位数字")


class AreaQuerySet(MP_NodeQuerySet):
    def for_user(self, user) -> AreaQuerySet:
        """Areas inside the subtrees of the user's memberships (everything for a superuser)."""
        from zhenwu.areas.access import subtree_filter

        return self.filter(subtree_filter(user, "path"))

    def subtree(self, area: Area) -> AreaQuerySet:
        """The area and everything below it, in one indexed prefix query."""
        return self.filter(path__startswith=area.path)


class AreaManager(MP_NodeManager.from_queryset(AreaQuerySet)):
    def get_queryset(self):
        return AreaQuerySet(self.model, using=self._db).order_by("path")


class Area(MP_Node):
    """A node of the administrative tree: 省 / 市 / 县(区) / 乡镇(街道) / 村(社区)."""

    code = models.CharField("统计用区划代码", max_length=12, unique=True, validators=[area_code_validator])
    name = models.CharField("名称", max_length=60)
    level = models.CharField("层级", max_length=10, choices=Level.choices)

    node_order_by = ["code"]
    objects = AreaManager()

    class Meta:
        verbose_name = "行政区划"
        verbose_name_plural = "行政区划"
        indexes = [
            # LIKE 'prefix%' on PostgreSQL needs pattern ops (a no-op elsewhere).
            models.Index(fields=["path"], name="area_path_prefix", opclasses=["varchar_pattern_ops"]),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def area(self) -> Area:
        """An area belongs to itself, so the access helpers treat it like any area-owned object."""
        return self

    @property
    def is_county_or_above(self) -> bool:
        """Counties and above keep what every town shares (指标); towns and villages follow them."""
        return self.depth <= LEVEL_DEPTH[Level.COUNTY]

    def contains(self, other: Area) -> bool:
        """True when ``other`` is this area or lies below it."""
        return other.path.startswith(self.path)

    @property
    def lineage_paths(self) -> list[str]:
        """The paths of this area and of every area above it, top first: what binds it from above."""
        return [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]


class AreaOwnedQuerySet(models.QuerySet):
    """Queryset for every model that belongs to an area; ``area_lookup`` names the path to it."""

    def for_user(self, user):
        """Only the rows whose area lies in the user's subtrees: a forgotten check shows nothing."""
        from zhenwu.areas.access import subtree_filter

        return self.filter(subtree_filter(user, f"{self.model.area_lookup}__path"))

    def in_subtree(self, area: Area):
        return self.filter(**{f"{self.model.area_lookup}__path__startswith": area.path})


class AreaOwned(models.Model):
    """Base for models that belong to an area."""

    area_lookup = "area"
    objects = AreaOwnedQuerySet.as_manager()

    class Meta:
        abstract = True


class DepartmentQuerySet(AreaOwnedQuerySet):
    def active(self):
        """The departments offered in pickers: those not 停用."""
        return self.filter(is_active=True)

    def offered(self, current=None):
        """Active departments, and ``current`` (a row's own department) even when since retired."""
        if current is None:
            return self.active()
        return self.filter(models.Q(is_active=True) | models.Q(pk=getattr(current, "pk", current)))


class Department(AreaOwned):
    """A department or unit (部门/单位) of an area: owns targets, projects, rectifications."""

    area = models.ForeignKey(
        Area, on_delete=models.PROTECT, related_name="departments", verbose_name="所属区划"
    )
    name = models.CharField("名称", max_length=80)
    short_name = models.CharField("简称", max_length=20, blank=True)
    # 停用: offered in no picker any more; what it owns, issued and signed stays under its name.
    is_active = models.BooleanField("在用", default=True)

    objects = DepartmentQuerySet.as_manager()

    class Meta:
        verbose_name = "部门/单位"
        verbose_name_plural = "部门/单位"
        ordering = ["area__path", "id"]
        constraints = [models.UniqueConstraint(fields=["area", "name"], name="department_unique_name")]

    def __str__(self) -> str:
        return self.name


class Membership(AreaOwned):
    """A user's role over an area and everything below it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships", verbose_name="账号"
    )
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="memberships", verbose_name="区划")
    role = models.CharField("角色", max_length=10, choices=Role.choices)
    department = models.ForeignKey(
        Department, on_delete=models.SET_NULL, null=True, blank=True, verbose_name="所在部门"
    )

    class Meta:
        verbose_name = "成员角色"
        verbose_name_plural = "成员角色"
        ordering = ["area__path", "role"]
        constraints = [
            models.UniqueConstraint(fields=["user", "area", "role"], name="membership_unique_role")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.area} · {self.get_role_display()}"


class SettingChange(AreaOwned):
    """One change a 管理员 made to a setting (指标, 目录, 考核方案, 部门, 账号): who, when, before → after.

    Written by the service function that makes the change; ``subject`` names the row changed
    ("indicator:12"), so a setting's page lists its own history.
    """

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+", verbose_name="区划")
    subject = models.CharField("对象", max_length=40, db_index=True)
    label = models.CharField("名称", max_length=160)
    before = models.TextField("变更前", blank=True)
    after = models.TextField("变更后", blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="操作人",
    )
    at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "设置变更记录"
        verbose_name_plural = "设置变更记录"
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.label} {self.at:%Y-%m-%d %H:%M}"

    @property
    def author(self) -> str:
        """Who made the change, by name ("—" when the account is gone)."""
        if self.user is None:
            return "—"
        return self.user.get_full_name() or self.user.username
