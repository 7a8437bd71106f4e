"""The reporting desk: reports and their cards, progress, exports (roles: bot.access.desk).

Every command of the progress feature goes through here, from Telegram and from the
terminal (``resolution-bot chat --user-id N``) alike, and comes back as a
:class:`~bot.lines.Reply`: its text, its buttons (each an action the desk knows: ``save``,
``edit``, ``cancel``, ``unit``, and those of :mod:`bot.access.desk`), a file, and notices.
Nothing here knows Telegram.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
from collections.abc import Callable, Sequence

from bot.access.desk import AccessDesk
from bot.access.service import AccessService
from bot.knowledge.entries import KnowledgeBase
from bot.lines import Attachment, Button, Reply
from bot.progress.model import FigureStatus, Overview, StoredCard
from bot.progress.parse import ReportParser
from bot.progress.render import (
    HOW_TO_REPORT,
    card_lines,
    figure_detail_lines,
    overview_lines,
    previous_text,
    status_line,
)
from bot.progress.service import (
    WITHDRAW_WINDOW,
    ProgressService,
    build_overview,
    card_payload,
)
from bot.vietnamese.text import fold_diacritics

#: What the buttons of a card do.
SAVE, EDIT, CANCEL, UNIT = "save", "edit", "cancel", "unit"
#: What a card's buttons say, and the words typed for them in the terminal.
BUTTON_WORDS = {SAVE: "Lưu", EDIT: "Sửa", CANCEL: "Huỷ"}

CAPNHAT_USAGE = HOW_TO_REPORT
NOTHING_TO_CANCEL = "Hiện không có thao tác nào đang thực hiện để huỷ."


class ReportingDesk(AccessDesk):
    """Commands of unit heads and administrators over the resolution in use."""

    def __init__(
        self,
        access: AccessService,
        progress: ProgressService,
        parser: Callable[[], ReportParser],
        time_zone: dt.tzinfo,
    ) -> None:
        super().__init__(access, lambda: parser().units)
        self.progress = progress
        self._parser = parser
        self.time_zone = time_zone

    @property
    def parser(self) -> ReportParser:
        """Return the report parser of the resolution in use (reloads swap it)."""
        return self._parser()

    @property
    def kb(self) -> KnowledgeBase:
        """Return the resolution in use."""
        return self.parser.kb

    def today(self) -> dt.date:
        """Return today's date in the bot's time zone."""
        return dt.datetime.now(self.time_zone).date()

    # --- reports ---------------------------------------------------------------------------

    def is_report(self, text: str) -> bool:
        """Return whether a message starts like a report ("cập nhật …", "báo cáo …")."""
        return self.parser.starts_like_report(text)

    async def report(
        self, telegram_id: int, chat_id: int, text: str, *, command: bool
    ) -> Reply | None:
        """Read a report (/capnhat, or a private message starting "cập nhật"/"báo cáo").

        Returns None for free text that is no report (it is a question, answered as such).
        """
        parser = self.parser
        today = self.today()
        who = await self.access_of(telegram_id) if command else None
        if who is not None and not who.may("report"):
            return await self._refuse(who, "report", "capnhat")
        parsed = await asyncio.to_thread(parser.parse, text, today)
        if parsed.status == "none":
            return Reply(CAPNHAT_USAGE) if command else None
        who = who or await self.access_of(telegram_id)
        if not command and (
            not parsed.recognised or (parsed.status == "problem" and not _updates(text))
        ):
            # "báo cáo kiểm tra, giám sát năm 2019 …" is a question: free text is a report
            # when it names a target, and, starting with the ambiguous "báo cáo", reads whole.
            return None
        if not who.may("report"):
            return await self._refuse(who, "report", "capnhat")
        if parsed.status == "problem":
            return Reply(
                "\n".join(["Chưa lưu được số liệu:", *(f"- {p}" for p in parsed.problems)])
            )
        named = {item.reporting_unit for item in parsed.items if item.reporting_unit}
        if len(named) > 1:
            return Reply("Mỗi lần đồng chí báo cáo cho một đơn vị; gửi riêng từng đơn vị.")
        if named:
            unit_id = named.pop()
            if not who.reports_for(unit_id):
                return Reply(
                    f"Đồng chí không báo cáo cho {self.unit_name(unit_id)}. "
                    f"Đơn vị của đồng chí: {self._units_text(who)}."
                )
            choices: tuple[str, ...] = (unit_id,)
        else:
            choices = who.units
        if not choices:
            return Reply(
                "Đồng chí ghi tên đơn vị trong tin nhắn, ví dụ “cập nhật … huyện Hà Quảng”."
            )
        figures = [item.figure for item in parsed.items]
        fitting = tuple(unit for unit in choices if not self._not_reported(unit, figures))
        if not fitting:
            problems = self._not_reported(choices[0], figures)
            return Reply("\n".join(["Chưa lưu được số liệu:", *problems]))
        choices = fitting
        payload = card_payload(text, parsed.items, parsed.warnings, parsed.note)
        unit_id = choices[0]
        card = await self.progress.open_card(telegram_id, chat_id, unit_id, parser.year, payload)
        if len(choices) > 1:
            buttons = tuple(
                (Button(self.unit_name(unit), UNIT, f"{card.id}:{unit}"),) for unit in choices
            )
            return Reply("Đồng chí báo cáo cho đơn vị nào?", (*buttons, (self._cancel(card),)))
        return await self._card_reply(card)

    async def press(self, telegram_id: int, action: str, value: str) -> Reply:
        """A card's button: [Lưu], [Sửa], [Huỷ], or the unit chosen."""
        card_id, _, unit_id = value.partition(":")
        if action == SAVE:
            done = await self.progress.confirm(card_id, telegram_id)
            if done.state == "saved":
                count = len(done.submissions)
                unit = self.unit_name(done.submissions[0].unit) if done.submissions else ""
                hours = int(WITHDRAW_WINDOW.total_seconds() // 3600)
                return Reply(
                    f"Đã lưu {count} số liệu của {unit}. Nếu nhầm, gõ /rutlai trong {hours} giờ "
                    "để rút lại số vừa gửi, hoặc gửi số mới cho cùng kỳ để thay."
                )
            return Reply(_CARD_STATES.get(done.state, _CARD_STATES["unknown"]))
        if action in {EDIT, CANCEL}:
            state = await self.progress.cancel(card_id, telegram_id)
            if state != "cancelled":
                return Reply(_CARD_STATES.get(state, _CARD_STATES["unknown"]))
            if action == EDIT:
                return Reply("Phiếu này đã huỷ. Đồng chí gửi lại tin nhắn với số liệu đã sửa.")
            return Reply("Đã huỷ, không lưu số liệu nào.")
        if action == UNIT:
            card = await self.progress.card(card_id)
            who = await self.access_of(telegram_id)
            if card is None or card.telegram_id != telegram_id or card.state != "pending":
                return Reply(_CARD_STATES["unknown" if card is None else card.state])
            if not who.reports_for(unit_id):
                return Reply(f"Đồng chí không báo cáo cho {self.unit_name(unit_id)}.")
            problems = self._not_reported(unit_id, [i["figure"] for i in card.payload["items"]])
            if problems:
                return Reply("\n".join(["Chưa lưu được số liệu:", *problems]))
            await self.progress.set_card_unit(card, unit_id)
            refreshed = await self.progress.card(card_id)
            return await self._card_reply(refreshed or card)
        return Reply(_CARD_STATES["unknown"])

    async def cancel(self, telegram_id: int) -> Reply:
        """/huy: drop the user's pending cards."""
        count = await self.progress.cancel_all(telegram_id)
        if count:
            return Reply("Đã huỷ phiếu số liệu đang chờ xác nhận; không lưu gì.")
        return Reply(NOTHING_TO_CANCEL)

    async def withdraw(self, telegram_id: int) -> Reply:
        """/rutlai: withdraw the user's last submission (within the window)."""
        who = await self.access_of(telegram_id)
        if not who.may("report"):
            return await self._refuse(who, "report", "rutlai")
        item = await self.progress.withdraw(telegram_id)
        if item is None:
            hours = int(WITHDRAW_WINDOW.total_seconds() // 3600)
            return Reply(
                f"Không có số liệu nào của đồng chí gửi trong {hours} giờ qua để rút lại."
            )
        known = self.parser.figures.get(item.figure)
        label = known.figure.label if known is not None else item.figure
        return Reply(f"Đã rút lại số liệu “{item.text}” ({label}, {self.unit_name(item.unit)}).")

    # --- reading progress -----------------------------------------------------------------

    async def overview(self) -> Overview:
        """Return the overview of the resolution in use."""
        return await self.progress.overview(self.kb, self.unit_names, self.today())

    async def show_progress(self, telegram_id: int, query: str) -> Reply:
        """/tiendo [chỉ tiêu]: the overview, or one figure with units, history and a chart."""
        who = await self.access_of(telegram_id)
        if not who.may("view"):
            return await self._refuse(who, "view", "tiendo")
        overview = await self.overview()
        if not query.strip():
            return Reply("\n".join(overview_lines(overview)))
        figure = self._figure_named(query, overview)
        if figure is None:
            return Reply(f"Chưa nhận ra chỉ tiêu “{query.strip()}”. Gõ /tiendo để xem tất cả.")
        history = await self.progress.submissions(overview.year, figure.figure)
        lines = figure_detail_lines(figure, history, self.unit_names, self.time_zone)
        from bot.progress.chart import figure_chart

        png = await asyncio.to_thread(figure_chart, figure, history, self.unit_names)
        return Reply("\n".join(lines), attachment=Attachment("photo", f"{figure.figure}.png", png))

    async def export(self, telegram_id: int, fmt: str) -> Reply:
        """/xuat [csv]: the progress as an Excel workbook (or CSV), for administrators."""
        who = await self.access_of(telegram_id)
        if not who.may("administer"):
            return await self._refuse(who, "administer", "xuat")
        overview = await self.overview()
        submissions = await self.progress.submissions(overview.year)
        from bot.progress.export import overview_csv, overview_workbook

        stamp = self.today().strftime("%Y%m%d")
        build, suffix = (
            (overview_csv, "csv")
            if fmt.strip().casefold() == "csv"
            else (overview_workbook, "xlsx")
        )
        data = await asyncio.to_thread(
            functools.partial(
                build, overview, submissions, self.unit_names, time_zone=self.time_zone
            )
        )
        name = f"tien-do-{overview.year}-{stamp}.{suffix}"
        return Reply(
            f"Tiến độ các chỉ tiêu năm {overview.year} (đến {self.today():%d/%m/%Y}).",
            attachment=Attachment("document", name, data),
        )

    async def progress_line(self, telegram_id: int, item_id: str | None) -> str | None:
        """Return the latest reported figures of an answered target, for registered users.

        One line, or None: not a target, no data, or a user without a role.
        """
        figures = self._figures_of([item_id] if item_id else [])
        if not figures:
            return None
        who = await self.access_of(telegram_id)
        if not who.may("view"):
            return None
        kb = self.kb
        submissions = [
            item
            for figure in sorted(figures)
            for item in await self.progress.submissions(kb.document.year, figure)
        ]
        if not submissions:
            return None
        overview = build_overview(kb, submissions, self.unit_names, self.today())
        shown = [f for f in overview.figures if f.figure in figures and f.value is not None]
        if not shown:
            return None
        return "Số liệu báo cáo mới nhất: " + "; ".join(status_line(f) for f in shown)

    async def digest(self, month: dt.date) -> str:
        """Return the summary of a month's reporting: who reported, who did not, no data."""
        kb = self.kb
        missing = await self.progress.units_not_reported(kb, self.today(), month)
        reporting = {
            unit
            for entry in kb.entries.values()
            if entry.kind == "target"
            for figure in entry.figures
            if figure.progress is not None
            for unit in figure.progress.reporters
        }
        done = sorted(self.unit_name(u) for u in reporting - set(missing))
        late = sorted(self.unit_name(u) for u in missing)
        overview = await self.overview()
        empty = [f.label for f in overview.figures if f.value is None]
        lines = [
            f"Tổng hợp báo cáo số liệu tháng {month.month}/{month.year} (đã qua hạn báo cáo):",
            f"Đã báo cáo đủ ({len(done)}): {', '.join(done) or 'chưa có đơn vị nào'}.",
            f"Chưa báo cáo đủ ({len(late)}): {', '.join(late) or 'không có'}.",
            f"Chỉ tiêu chưa có số liệu ({len(empty)}): {'; '.join(empty[:15]) or 'không có'}"
            + ("…" if len(empty) > 15 else "."),
        ]
        return "\n".join(lines)

    # --- helpers --------------------------------------------------------------------------

    def _not_reported(self, unit_id: str, figures: Sequence[str]) -> list[str]:
        """Return a problem for each figure the unit does not report."""
        problems = []
        for figure_id in dict.fromkeys(figures):
            known = self.parser.figures.get(figure_id)
            if known is None or known.figure.progress is None:
                continue
            reporters = known.figure.progress.reporters
            if unit_id not in reporters:
                owners = ", ".join(self.unit_name(u) for u in reporters[:3])
                more = "…" if len(reporters) > 3 else ""
                problems.append(
                    f"- {self.unit_name(unit_id)} không báo cáo chỉ tiêu “{known.figure.label}” "
                    f"(đơn vị báo cáo: {owners}{more})."
                )
        return problems

    def _cancel(self, card: StoredCard) -> Button:
        return Button(BUTTON_WORDS[CANCEL], CANCEL, card.id)

    async def _card_reply(self, card: StoredCard) -> Reply:
        items = card.payload["items"]
        previous = []
        for item in items:
            before = await self.progress.previous(card.year, item["figure"], card.unit_id)
            previous.append(previous_text(before, self.time_zone) if before else None)
        lines = card_lines(
            items,
            self.unit_name(card.unit_id),
            previous,
            card.payload["warnings"],
            card.payload.get("note"),
        )
        buttons = (
            Button(BUTTON_WORDS[SAVE], SAVE, card.id),
            Button(BUTTON_WORDS[EDIT], EDIT, card.id),
            self._cancel(card),
        )
        return Reply("\n".join(lines), (buttons,))

    def _figure_named(self, query: str, overview: Overview) -> FigureStatus | None:
        parser = self.parser
        ranked = parser.index.rank(parser.index.analyzer.analyze(query))
        if not ranked or ranked[0].score < 50:
            return None
        wanted = ranked[0].id
        return next((f for f in overview.figures if f.figure == wanted), None)

    def _figures_of(self, item_ids: Sequence[str]) -> set[str]:
        figures: set[str] = set()
        for item_id in item_ids:
            entry = self.kb.entries.get(item_id)
            if entry is not None and entry.kind in {"target", "figure"}:
                figures |= {f.id for f in entry.figures if f.progress is not None}
        return figures


def _updates(text: str) -> bool:
    """Return whether a message starts with "cập nhật" (never a question's first words)."""
    return fold_diacritics(text).lstrip().startswith(("cap nhat", "cap nhap", "/capnhat"))


_CARD_STATES = {
    "saved": "Số liệu này đã được lưu.",
    "already-saved": "Số liệu này đã được lưu trước đó; không lưu lần nữa.",
    "cancelled": "Phiếu này đã huỷ; đồng chí gửi lại số liệu nếu cần.",
    "expired": "Phiếu đã hết hạn, chưa lưu gì. Đồng chí gửi lại số liệu.",
    "unknown": "Phiếu không còn; đồng chí gửi lại số liệu.",
}
