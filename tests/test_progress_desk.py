"""The reporting desk over a real database (SQLite and PostgreSQL), without Telegram.

Register → approve → report → card → save (once) → progress; refusals by role; corrections,
withdrawal, expiry, /huy, roles granted and revoked, and the audit log of all of it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import zoneinfo
from pathlib import Path

import pytest
from sqlalchemy import update

from bot.access.desk import APPROVE
from bot.access.service import AccessService
from bot.knowledge.loader import load_knowledge
from bot.lines import Reply
from bot.progress.desk import CANCEL, EDIT, SAVE, UNIT, ReportingDesk
from bot.progress.parse import ReportParser
from bot.progress.service import ProgressService
from bot.storage import Database
from bot.storage.models import Card
from bot.storage.repositories.access import audit_entries

ROOT = Path(__file__).resolve().parent.parent
ADMIN, REPORTER, OTHER = 1001, 2002, 3003
TZ = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture(scope="module")
def parser() -> ReportParser:
    return ReportParser(load_knowledge(ROOT / "knowledge" / "resolution.yaml"))


class FixedDesk(ReportingDesk):
    """The desk on a fixed day of the resolution's year."""

    day = dt.date(2020, 7, 15)

    def today(self) -> dt.date:
        return self.day


@pytest.fixture
async def desk(database: Database, parser: ReportParser) -> FixedDesk:
    return FixedDesk(
        AccessService(database, {ADMIN}), ProgressService(database), lambda: parser, TZ
    )


def _button(reply: Reply, action: str) -> str:
    return next(b.value for row in reply.buttons for b in row if b.action == action)


async def _make_reporter(desk: ReportingDesk, unit: str = "huyện Hà Quảng") -> None:
    asked = await desk.register(REPORTER, "Nguyễn Văn A", unit)
    (notice,) = asked.notices
    assert notice.telegram_id == ADMIN
    done = await desk.decide(ADMIN, _button(notice.reply, APPROVE), approve=True)
    assert "Đã duyệt" in done.text
    assert done.notices[0].telegram_id == REPORTER
    assert "đã được duyệt" in done.notices[0].reply.text
    assert done.menus == (REPORTER,)


async def test_register_approve_report_confirm_and_see_progress(desk: FixedDesk) -> None:
    await _make_reporter(desk)
    card = await desk.report(
        REPORTER, REPORTER, "cập nhật kết nạp 35 đảng viên tháng 6", command=False
    )
    assert card is not None
    assert "Huyện Hà Quảng" in card.text
    assert "35 đảng viên" in card.text
    assert "tháng 6/2020" in card.text
    assert "2.000 đảng viên trở lên" in card.text
    saved = await desk.press(REPORTER, SAVE, _button(card, SAVE))
    assert "Đã lưu 1 số liệu" in saved.text
    overview = await desk.show_progress(REPORTER, "")
    assert "Số đảng viên kết nạp mới: 35 đảng viên" in overview.text
    detail = await desk.show_progress(REPORTER, "kết nạp đảng viên")
    assert "Huyện Hà Quảng: 35 đảng viên" in detail.text
    assert detail.attachment is not None
    assert detail.attachment.data.startswith(b"\x89PNG")


async def test_pressing_save_twice_or_at_once_saves_once(desk: FixedDesk) -> None:
    await _make_reporter(desk)
    card = await desk.report(REPORTER, REPORTER, "cập nhật 2 xã đạt NTM quý II", command=True)
    assert card is not None
    value = _button(card, SAVE)
    replies = await asyncio.gather(*(desk.press(REPORTER, SAVE, value) for _ in range(5)))
    assert sum("Đã lưu" in r.text for r in replies) == 1
    again = await desk.press(REPORTER, SAVE, value)
    assert "đã được lưu trước đó" in again.text
    submissions = await desk.progress.submissions(2020)
    assert len(submissions) == 1


async def test_a_viewer_or_stranger_cannot_report(desk: FixedDesk) -> None:
    refused = await desk.report(OTHER, OTHER, "/capnhat che phủ rừng 54,2%", command=True)
    assert refused is not None
    assert "quyền báo cáo" in refused.text
    await desk.grant(ADMIN, [str(OTHER), "xem"])
    refused = await desk.report(OTHER, OTHER, "cập nhật che phủ rừng 54,2%", command=False)
    assert refused is not None
    assert "quyền báo cáo" in refused.text
    entries = await audit_entries(desk.access.db)
    assert sum(1 for e in entries if e[2] == "refused") == 2


async def test_a_question_starting_like_a_report_is_left_to_answering(desk: FixedDesk) -> None:
    assert (
        await desk.report(OTHER, OTHER, "báo cáo tổng kết năm 2019 nói gì?", command=False) is None
    )


async def test_a_reporter_cannot_report_another_unit_or_figure(desk: FixedDesk) -> None:
    await _make_reporter(desk)
    other_unit = await desk.report(
        REPORTER, REPORTER, "cập nhật kết nạp 10 đảng viên huyện Bảo Lạc", command=False
    )
    assert other_unit is not None
    assert "không báo cáo cho Huyện Bảo Lạc" in other_unit.text
    other_figure = await desk.report(REPORTER, REPORTER, "cập nhật BHYT 97%", command=False)
    assert other_figure is not None
    assert "không báo cáo" in other_figure.text


async def test_a_correction_supersedes_and_a_withdrawal_restores(desk: FixedDesk) -> None:
    await _make_reporter(desk)
    for text in ("cập nhật kết nạp 35 đảng viên tháng 6", "cập nhật kết nạp 40 đảng viên tháng 6"):
        card = await desk.report(REPORTER, REPORTER, text, command=False)
        assert card is not None
        await desk.press(REPORTER, SAVE, _button(card, SAVE))
    overview = await desk.overview()
    submissions = await desk.progress.submissions(2020)
    figure = next(f for f in overview.figures if f.figure == "ket-nap-dang-vien")
    assert figure.value == 40
    assert [s.superseded_by is not None for s in submissions] == [True, False]
    withdrawn = await desk.withdraw(REPORTER)
    assert "Đã rút lại" in withdrawn.text
    assert "40" in withdrawn.text
    overview = await desk.overview()
    assert next(f for f in overview.figures if f.figure == "ket-nap-dang-vien").value == 35
    card = await desk.report(
        REPORTER, REPORTER, "cập nhật kết nạp 41 đảng viên tháng 6", command=False
    )
    assert card is not None
    assert "Lần báo cáo trước: 35 đảng viên" in card.text


async def test_cancel_edit_expiry_and_huy(desk: FixedDesk, database: Database) -> None:
    await _make_reporter(desk)
    card = await desk.report(REPORTER, REPORTER, "cập nhật kết nạp 35 đảng viên", command=False)
    assert card is not None
    assert "Đã huỷ" in (await desk.press(REPORTER, CANCEL, _button(card, CANCEL))).text
    assert "đã huỷ" in (await desk.press(REPORTER, SAVE, _button(card, SAVE))).text
    card = await desk.report(REPORTER, REPORTER, "cập nhật kết nạp 36 đảng viên", command=False)
    assert card is not None
    assert "gửi lại" in (await desk.press(REPORTER, EDIT, _button(card, EDIT))).text
    card = await desk.report(REPORTER, REPORTER, "cập nhật kết nạp 37 đảng viên", command=False)
    assert card is not None
    async with database.write() as session:
        past = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
        await session.execute(update(Card).values(expires_at=past))
    assert "hết hạn" in (await desk.press(REPORTER, SAVE, _button(card, SAVE))).text
    card = await desk.report(REPORTER, REPORTER, "cập nhật kết nạp 38 đảng viên", command=False)
    assert card is not None
    assert "Đã huỷ" in (await desk.cancel(REPORTER)).text
    assert "không có thao tác" in (await desk.cancel(REPORTER)).text
    submissions = await desk.progress.submissions(2020)
    assert submissions == []


async def test_a_reporter_of_several_units_chooses_one(desk: FixedDesk) -> None:
    await _make_reporter(desk, "huyện Hà Quảng")
    await _make_reporter(desk, "huyện Bảo Lạc")
    asked = await desk.report(REPORTER, REPORTER, "cập nhật kết nạp 12 đảng viên", command=False)
    assert asked is not None
    assert "đơn vị nào" in asked.text
    choice = next(b.value for row in asked.buttons for b in row if b.label == "Huyện Bảo Lạc")
    card = await desk.press(REPORTER, UNIT, choice)
    assert "Huyện Bảo Lạc" in card.text
    saved = await desk.press(REPORTER, SAVE, _button(card, SAVE))
    assert "Huyện Bảo Lạc" in saved.text


async def test_roles_are_granted_changed_revoked_and_audited(desk: FixedDesk) -> None:
    assert "Lệnh này cần quyền quản trị" in (await desk.grant(OTHER, [str(REPORTER), "xem"])).text
    granted = await desk.grant(ADMIN, [str(REPORTER), "baocao", "sở y tế"])
    assert "không có quyền → quyền báo cáo (Sở Y tế)" in granted.text
    assert granted.notices[0].telegram_id == REPORTER
    assert granted.menus == (REPORTER,)
    assert "cần đơn vị" in (await desk.grant(ADMIN, [str(REPORTER), "baocao"])).text
    revoked = await desk.grant(ADMIN, [str(REPORTER), "xoa"])
    assert "→ không có quyền" in revoked.text
    assert "BOT_ADMIN_IDS" in (await desk.grant(ADMIN, [str(ADMIN), "xem"])).text
    assert "Chưa biết" in (await desk.grant(ADMIN, ["@nobody", "xem"])).text
    entries = await audit_entries(desk.access.db)
    assert [e[2] for e in entries if e[2] == "role"] == ["role", "role"]


async def test_a_request_is_decided_once(desk: FixedDesk) -> None:
    asked = await desk.register(REPORTER, "A", "sở y tế")
    number = _button(asked.notices[0].reply, APPROVE)
    first, second = await asyncio.gather(
        desk.decide(ADMIN, number, approve=True), desk.decide(ADMIN, number, approve=False)
    )
    assert sum("trước đó" in r.text for r in (first, second)) == 1
    assert "Chưa nhận ra đơn vị" in (await desk.register(OTHER, "B", "huyện Lục Yên")).text


async def test_export_is_for_administrators_and_holds_the_figures(desk: FixedDesk) -> None:
    await _make_reporter(desk)
    card = await desk.report(
        REPORTER, REPORTER, "cập nhật kết nạp 35 đảng viên tháng 6", command=False
    )
    assert card is not None
    await desk.press(REPORTER, SAVE, _button(card, SAVE))
    assert "quản trị" in (await desk.export(REPORTER, "")).text
    exported = await desk.export(ADMIN, "")
    assert exported.attachment is not None
    assert exported.attachment.filename.endswith(".xlsx")
    csv = await desk.export(ADMIN, "csv")
    assert csv.attachment is not None
    assert "35" in csv.attachment.data.decode("utf-8-sig")


async def test_a_note_is_shown_on_the_card_and_kept_with_the_figure(desk: FixedDesk) -> None:
    await _make_reporter(desk)
    card = await desk.report(
        REPORTER, REPORTER, "cập nhật kết nạp 35 đảng viên tháng 6 (số liệu ước)", command=False
    )
    assert card is not None
    assert "Ghi chú: số liệu ước" in card.text
    await desk.press(REPORTER, SAVE, _button(card, SAVE))
    (saved,) = await desk.progress.submissions(2020)
    assert saved.note == "số liệu ước"
    assert saved.value == 35


QUESTIONS_STARTING_LIKE_REPORTS = [
    "Báo cáo tổng kết công tác năm 2019 của Tỉnh ủy có được thông qua không?",
    "bao cao tong ket cong tac nam 2019 cua tinh uy",
    "bc tổng kết 2019 đc thông qua chưa ạ",
    "Báo cáo kiểm điểm công tác lãnh đạo, chỉ đạo của BCH, BTV Tỉnh uỷ năm 2019",
    "Báo cáo kết quả công tác kiểm tra, giám sát và thi hành kỷ luật trong Đảng năm 2019",
    "bao cao thi hanh ky luat trong dang nam 2019",
    "Báo cáo kiểm điểm hoạt động của UBKT Tỉnh ủy năm 2019",
    "bao cao kq kiem tra giam sat va thi hanh ky luat trong dang 2019",
    "Báo cáo tổng kết công tác năm 2019; phương hướng, nhiệm vụ công tác năm 2020 của Tỉnh uỷ",
    "báo cáo 6 tháng đầu năm của tỉnh nói gì",
]


@pytest.mark.parametrize("question", QUESTIONS_STARTING_LIKE_REPORTS)
async def test_a_question_about_a_report_is_answered_not_refused(
    desk: FixedDesk, question: str
) -> None:
    # Neither for a cadre without a role nor for a reporter is it read as a report.
    assert await desk.report(OTHER, OTHER, question, command=False) is None
    await desk.grant(ADMIN, [str(REPORTER), "baocao", "huyện Hà Quảng"])
    assert await desk.report(REPORTER, REPORTER, question, command=False) is None
