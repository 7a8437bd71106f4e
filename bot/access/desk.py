"""Who may do what, as commands: /dangky and its decision, /duyet, /quyen; refusals by role.

Like the reporting desk (which builds on this one), every command comes back as a
:class:`~bot.lines.Reply` whose buttons name an action of this module (``approve``,
``refuse``), for Telegram and the terminal alike.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.access.roles import NEEDED, ROLE_TITLES, ROLE_WORDS, Access, Action, RoleName
from bot.access.service import AccessService
from bot.lines import Button, Notice, Reply
from bot.matching.units import UnitFinder
from bot.vietnamese.text import fold_diacritics

APPROVE, REFUSE = "approve", "refuse"
BUTTON_WORDS = {APPROVE: "Duyệt", REFUSE: "Từ chối"}

REFUSAL = "Lệnh này cần quyền {role}. {how}"
HOW_TO_REGISTER = "Đồng chí gõ /dangky <đơn vị> để đăng ký báo cáo cho đơn vị mình."
HOW_TO_GET_VIEW = "Đồng chí gõ /dangky <đơn vị>, hoặc đề nghị quản trị cấp quyền."
DANGKY_USAGE = "Cú pháp: /dangky <đơn vị>, ví dụ: /dangky huyện Hà Quảng"
QUYEN_USAGE = (
    "Cú pháp: /quyen <user id hoặc @username> <admin|baocao|xem|xoa> [đơn vị], "
    "ví dụ: /quyen 123456789 baocao huyện Hà Quảng"
)
#: Requests listed by /duyet at once (the rest after these are decided).
MAX_LISTED_REQUESTS = 20


class AccessDesk:
    """Registration and roles as commands, over the reporting units in use."""

    def __init__(self, access: AccessService, units: Callable[[], UnitFinder]) -> None:
        self.access = access
        self._units = units

    async def access_of(self, telegram_id: int) -> Access:
        """Return a user's role and units."""
        return await self.access.access_of(telegram_id)

    async def _refuse(self, who: Access, action: Action, subject: str) -> Reply:
        await self.access.refused(who.telegram_id, action, subject)
        how = HOW_TO_REGISTER if action == "report" else HOW_TO_GET_VIEW
        if action == "administer":
            how = "Chỉ quản trị viên dùng được lệnh này."
        return Reply(REFUSAL.format(role=ROLE_TITLES[NEEDED[action]], how=how))

    async def register(self, telegram_id: int, who: str, unit_text: str) -> Reply:
        """/dangky <đơn vị>: ask to report for a unit; the administrators decide."""
        if not unit_text.strip():
            return Reply(DANGKY_USAGE)
        unit = self.units.one(unit_text)
        if unit is None:
            return Reply(f"Chưa nhận ra đơn vị “{unit_text.strip()}”. {self._unit_list()}")
        access = await self.access_of(telegram_id)
        if unit.id in access.units:
            return Reply(f"Đồng chí đã là người báo cáo của {unit.name}.")
        number, new = await self.access.register(telegram_id, unit.id)
        if not new:
            return Reply(f"Đề nghị báo cáo cho {unit.name} đã gửi, đang chờ quản trị duyệt.")
        request = Reply(
            f"Đề nghị đăng ký báo cáo số {number}: {who} (id {telegram_id}) "
            f"xin báo cáo số liệu cho {unit.name}.",
            ((Button(BUTTON_WORDS[APPROVE], APPROVE, str(number)),
              Button(BUTTON_WORDS[REFUSE], REFUSE, str(number))),),
        )  # fmt: skip
        admins = await self.access.administrators()
        return Reply(
            f"Đã gửi đề nghị báo cáo cho {unit.name}; quản trị sẽ duyệt và báo lại đồng chí.",
            notices=tuple(Notice(admin, request) for admin in admins),
        )

    async def decide(self, actor_id: int, registration: str, approve: bool) -> Reply:
        """[Duyệt]/[Từ chối] a request; the requester is told."""
        actor = await self.access_of(actor_id)
        if not actor.may("administer"):
            return await self._refuse(actor, "administer", f"registration:{registration}")
        if not registration.isdigit():
            return Reply("Đề nghị không còn.")
        decided, now = await self.access.decide(int(registration), actor_id, approve)
        if decided is None:
            return Reply("Đề nghị không còn.")
        unit = self.unit_name(decided.unit_id)
        if not now:
            state = "đã được duyệt" if decided.state == "approved" else "đã bị từ chối"
            return Reply(f"Đề nghị số {decided.id} ({unit}) {state} trước đó.")
        if approve:
            told = (
                f"Đề nghị báo cáo cho {unit} đã được duyệt. Đồng chí gửi số liệu bằng "
                "/capnhat hoặc tin nhắn bắt đầu bằng “cập nhật”."
            )
            done = (
                f"Đã duyệt đề nghị số {decided.id}: id {decided.telegram_id} báo cáo cho {unit}."
            )
        else:
            told = f"Đề nghị báo cáo cho {unit} chưa được chấp thuận."
            done = f"Đã từ chối đề nghị số {decided.id} ({unit})."
        return Reply(
            done,
            notices=(Notice(decided.telegram_id, Reply(told)),),
            menus=(decided.telegram_id,) if approve else (),
        )

    async def pending(self, actor_id: int) -> Reply:
        """/duyet: the requests waiting for a decision, each with its buttons."""
        actor = await self.access_of(actor_id)
        if not actor.may("administer"):
            return await self._refuse(actor, "administer", "duyet")
        waiting = await self.access.pending()
        if not waiting:
            return Reply("Không có đề nghị đăng ký nào đang chờ duyệt.")
        lines = ["Đề nghị đăng ký báo cáo đang chờ duyệt:"]
        buttons = []
        for request in waiting[:MAX_LISTED_REQUESTS]:
            unit = self.unit_name(request.unit_id)
            lines.append(f"{request.id}. id {request.telegram_id} xin báo cáo cho {unit}")
            buttons.append(
                (
                    Button(f"{BUTTON_WORDS[APPROVE]} {request.id}", APPROVE, str(request.id)),
                    Button(f"{BUTTON_WORDS[REFUSE]} {request.id}", REFUSE, str(request.id)),
                )
            )
        if len(waiting) > MAX_LISTED_REQUESTS:
            lines.append(f"… và {len(waiting) - MAX_LISTED_REQUESTS} đề nghị khác.")
        return Reply("\n".join(lines), tuple(buttons))

    async def grant(self, actor_id: int, args: Sequence[str]) -> Reply:
        """/quyen <user id|@username> <admin|baocao|xem|xoa> [đơn vị]."""
        actor = await self.access_of(actor_id)
        if not actor.may("administer"):
            return await self._refuse(actor, "administer", "quyen")
        if len(args) < 2:
            return Reply(QUYEN_USAGE)
        target_text, word, unit_text = args[0], fold_diacritics(args[1]), " ".join(args[2:])
        target = await self._user(target_text)
        if target is None:
            return Reply(
                f"Chưa biết người dùng “{target_text}”: dùng user id (số), hoặc @username "
                "của người đã nhắn tin cho bot."
            )
        if target in self.access.admin_ids:
            return Reply("Quản trị viên khai báo trong BOT_ADMIN_IDS không đổi quyền được.")
        if word not in {*ROLE_WORDS, "xoa"}:
            return Reply(QUYEN_USAGE)
        role: RoleName | None = None if word == "xoa" else ROLE_WORDS[word]
        units: tuple[str, ...] = ()
        if unit_text:
            unit = self.units.one(unit_text)
            if unit is None:
                return Reply(f"Chưa nhận ra đơn vị “{unit_text}”. {self._unit_list()}")
            units = (unit.id,)
        elif role == "reporter":
            return Reply("Quyền báo cáo cần đơn vị: " + QUYEN_USAGE)
        before, after = await self.access.grant(actor_id, target, role, units)
        was, now = self._role_text(before), self._role_text(after)
        told = f"Quản trị đã đổi quyền của đồng chí: {now}."
        return Reply(
            f"Đã đổi quyền của {target}: {was} → {now}.",
            notices=(Notice(target, Reply(told)),),
            menus=(target,),
        )

    # --- units and names ------------------------------------------------------------------

    @property
    def units(self) -> UnitFinder:
        """Return the finder of reporting units."""
        return self._units()

    @property
    def unit_names(self) -> dict[str, str]:
        """Return each unit's name by id."""
        return {unit.id: unit.name for unit in self.units.units}

    def unit_name(self, unit_id: str) -> str:
        """Return a unit's name (its id if unknown)."""
        return self.unit_names.get(unit_id, unit_id)

    def _unit_list(self) -> str:
        names = ", ".join(unit.name for unit in self.units.units)
        return f"Các đơn vị: {names}."

    def _units_text(self, who: Access) -> str:
        return ", ".join(self.unit_name(u) for u in who.units) or "chưa có"

    def _role_text(self, access: Access) -> str:
        if access.role is None:
            return "không có quyền"
        title = f"quyền {ROLE_TITLES[access.role]}"
        return f"{title} ({self._units_text(access)})" if access.units else title

    async def _user(self, text: str) -> int | None:
        if text.startswith("@"):
            return await self.access.user_named(text)
        return int(text) if text.isascii() and text.isdigit() and len(text) <= 15 else None
