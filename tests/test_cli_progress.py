"""`resolution-bot progress parse`: the JSON contract, stdin, text output, bad input."""

from __future__ import annotations

import io
import json
import sys

from bot.cli import main


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_parse_json_follows_the_contract(capsys) -> None:
    message = "cập nhật: che phủ rừng 54,2%; kết nạp 120 đảng viên; 3 xã đạt NTM tháng 6"
    assert main(["progress", "parse", "--json", "--today", "2020-07-15", message]) == 0
    result = json.loads(capsys.readouterr().out)
    assert {"message", "status", "items", "problems"} <= set(result)
    assert result["message"] == message
    assert result["status"] == "ok"
    first = result["items"][0]
    assert set(first) == {
        "figure", "label", "place", "value", "text", "unit", "period", "reporting_unit"
    }  # fmt: skip
    assert (first["figure"], first["place"], first["value"], first["text"], first["unit"]) == (
        "che-phu-rung-so-lieu",
        "II.1.3.(1)",
        54.2,
        "54,2%",
        "%",
    )
    assert first["period"] == {"start": "2020-06-01", "end": "2020-06-30"}
    assert first["reporting_unit"] is None
    assert [i["figure"] for i in result["items"]] == [
        "che-phu-rung-so-lieu",
        "ket-nap-dang-vien",
        "nong-thon-moi-so-lieu",
    ]


def test_parse_converts_to_the_figures_unit_and_keeps_what_was_written(capsys) -> None:
    message = "Sở NN&PTNT báo cáo sản lượng lương thực 80.200 tấn quý II"
    assert main(["progress", "parse", "--json", "--today", "2020-07-15", message]) == 0
    (item,) = json.loads(capsys.readouterr().out)["items"]
    assert (item["value"], item["text"], item["unit"]) == (80.2, "80.200 tấn", "ngàn tấn")
    assert item["reporting_unit"] == "so-nong-nghiep"


def test_parse_reads_one_message_a_line_from_stdin(capsys, monkeypatch) -> None:
    lines = "cập nhật BHYT 97,8% tháng 5\nche phủ rừng bao nhiêu?\ncập nhật che phủ rừng 154%\n"
    _stdin(monkeypatch, lines.encode())
    assert main(["progress", "parse", "--json", "--today", "2020-07-15", "-"]) == 0
    results = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["status"] for r in results] == ["ok", "none", "problem"]
    assert "100" in results[2]["problems"][0]


def test_parse_prints_vietnamese_text_without_json(capsys) -> None:
    assert main(["progress", "parse", "--today", "2020-07-15", "cập nhật che phủ rừng 54,2%"]) == 0
    out = capsys.readouterr().out
    assert "Tỷ lệ che phủ rừng" in out
    assert "54,2%" in out
    assert "tháng 7/2020" in out
    assert "chưa lưu" in out


def test_a_report_without_a_period_outside_the_year_asks_for_one(capsys) -> None:
    assert main(["progress", "parse", "--json", "--today", "2021-02-10", "cập nhật BHYT 98%"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["status"] == "problem"
    assert "kỳ báo cáo" in result["problems"][0]


def test_a_bad_today_is_a_usage_error(capsys) -> None:
    assert main(["progress", "parse", "--today", "15/07/2020", "cập nhật BHYT 98%"]) == 2
    assert "--today" in capsys.readouterr().err


def test_a_huge_number_is_no_crash(capsys) -> None:
    assert main(["progress", "parse", "--json", "cập nhật che phủ rừng " + "9" * 400]) == 0
    assert json.loads(capsys.readouterr().out)["status"] in {"problem", "none"}


def test_chat_as_users_registers_reports_confirms_and_shows_progress(
    capsys, monkeypatch, tmp_path
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'bot.sqlite3'}")
    monkeypatch.setenv("BOT_ADMIN_IDS", "1")
    monkeypatch.chdir(tmp_path)

    def chat(user: int, lines: str) -> str:
        _stdin(monkeypatch, lines.encode())
        assert main(["chat", "--user-id", str(user)]) == 0
        return capsys.readouterr().out

    asked = chat(5, "/dangky huyện Hà Quảng\n")
    assert "Đã gửi đề nghị báo cáo cho Huyện Hà Quảng" in asked
    assert "(Gửi tới người dùng 1: Đề nghị đăng ký báo cáo số 1" in asked
    decided = chat(1, "/duyet\nduyệt 1\n")
    assert "Đã duyệt đề nghị số 1" in decided
    reported = chat(
        5, "cập nhật kết nạp 35 đảng viên tháng 6\nlưu\n/tiendo kết nạp\nkết nạp đảng viên\n"
    )
    assert "Xác nhận số liệu báo cáo (chưa lưu)" in reported
    assert "[1. Lưu]  [2. Sửa]  [3. Huỷ]" in reported
    assert "Đã lưu 1 số liệu của Huyện Hà Quảng" in reported
    assert "Huyện Hà Quảng: 35 đảng viên" in reported
    assert (tmp_path / "ket-nap-dang-vien.png").read_bytes().startswith(b"\x89PNG")
    # A question about the target shows where it stands, to a registered user.
    assert "Số liệu báo cáo mới nhất: Số đảng viên kết nạp mới: 35 đảng viên" in reported
    assert main(["progress", "--json"]) == 0
    overview = json.loads(capsys.readouterr().out)
    figure = next(f for f in overview["figures"] if f["figure"] == "ket-nap-dang-vien")
    assert (figure["value"], figure["status"], figure["reported_by"]) == (
        35,
        "chậm",
        ["Huyện Hà Quảng"],
    )
    assert main(["progress"]) == 0
    assert "Tiến độ thực hiện các chỉ tiêu năm 2020" in capsys.readouterr().out


def test_parse_keeps_a_note_apart_from_the_figures(capsys) -> None:
    message = "cập nhật BHYT 97,5% quý 2 (số liệu ước) ghi chú: theo BHXH"
    assert main(["progress", "parse", "--json", "--today", "2020-07-15", message]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["status"] == "ok"
    assert [i["value"] for i in result["items"]] == [97.5]
    assert result["note"] == "theo BHXH; số liệu ước"
