"""The API object: version 1 at /api/v1/, its schema at openapi.json and the docs page from installed files."""

from __future__ import annotations

from ninja import NinjaAPI, Swagger

from zhenwu.api import areas, assessment, check, errors, inspections, ledger, projects, summaries, targets
from zhenwu.api.auth import AUTH
from zhenwu.api.common import ChineseJSON

api = NinjaAPI(
    renderer=ChineseJSON(),
    title="镇务 API",
    version="1",
    description=(
        "与网页相同的数据和规则：只能看到、修改本账号管辖范围内的数据。"
        "认证：已登录的浏览器会话（修改类请求需带 CSRF 令牌），或 `Authorization: Bearer <令牌>`"
        "（`zhenwu token create 用户名` 生成）。"
    ),
    auth=AUTH,
    urls_namespace="api",
    # The site's CSP allows scripts from itself only: the page loads swagger-ui from /static/ninja/
    # ("ninja" is an installed app), and the validator badge, an image from another site, is off.
    docs=Swagger(settings={"validatorUrl": None}),
)
errors.install(api)
api.add_router("", areas.router)
api.add_router("", ledger.router)
api.add_router("", targets.router)
api.add_router("", projects.router)
api.add_router("", inspections.router)
api.add_router("", assessment.router)
api.add_router("", summaries.router)
api.add_router("", check.router)
