"""The command line: `ask`, `ask -`, `--json`, `chat`, and every kind of bad input."""

import io
import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from bot.cli import main

ROOT = Path(__file__).resolve().parent.parent


def _ask_json(capsys, *question: str) -> dict:
    assert main(["ask", "--json", *question]) == 0
    return json.loads(capsys.readouterr().out)


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_ask_answers_with_figure_place_and_source(capsys) -> None:
    assert main(["ask", "chỉ tiêu che phủ rừng?"]) == 0
    out = capsys.readouterr().out
    assert "55%" in out
    assert "II.1.3" in out
    assert "Tỷ lệ che phủ rừng 55%" in out


def test_ask_json_follows_the_contract(capsys) -> None:
    result = _ask_json(capsys, "che", "phu", "rung")
    assert set(result) == {"question", "status", "text", "matches"}
    assert result["question"] == "che phu rung"
    assert result["status"] == "answer"
    assert result["matches"][0]["id"] == "che-phu-rung"
    assert set(result["matches"][0]) == {"id", "title", "score"}
    assert 0 <= result["matches"][0]["score"] <= 100


def test_ask_stdin_answers_each_line_in_order(capsys, monkeypatch) -> None:
    _stdin(monkeypatch, "che phu rung\nkim ngach xuat khau\ngiá lúa hôm nay\n".encode())
    assert main(["ask", "--json", "-"]) == 0
    lines = capsys.readouterr().out.splitlines()
    results = [json.loads(line) for line in lines]
    assert [r["question"] for r in results] == [
        "che phu rung",
        "kim ngach xuat khau",
        "giá lúa hôm nay",
    ]
    assert results[0]["matches"][0]["id"] == "che-phu-rung"
    assert results[1]["matches"][0]["id"] == "kim-ngach-xuat-khau"
    assert results[2]["status"] == "none"


def test_ask_stdin_with_invalid_utf8_gets_a_clear_message(capsys, monkeypatch) -> None:
    _stdin(monkeypatch, b"che phu rung\n\xff\xfe\xc3(\nkim ngach xuat khau\n")
    assert main(["ask", "--json", "-"]) == 0
    results = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(results) == 3
    assert results[1]["status"] == "none"
    assert "UTF-8" in results[1]["text"]
    assert results[2]["status"] == "answer"


@pytest.mark.parametrize(
    "question",
    [
        "",
        "   \t  ",
        "a" * 5000,
        "che phu rung " * 400,
        "😀😀😀",
        "\x00\x01\x1b[31m\x7f",
        "<b>che phu rung</b><script>alert(1)</script>",
        "'; DROP TABLE users; --",
        "SELECT * FROM chi_tieu WHERE 1=1",
        "Привет мир 你好 che phủ rừng",
        "\u202e\u200b\u200d",
    ],
)
def test_odd_input_gets_a_reply_never_a_traceback(capsys, question: str) -> None:
    result = _ask_json(capsys, question)
    assert result["status"] in {"answer", "choices", "none"}
    assert result["text"].strip()


def test_a_very_long_question_is_refused_politely(capsys) -> None:
    result = _ask_json(capsys, "che phu rung " * 400)
    assert result["status"] == "none"
    assert "quá dài" in result["text"]


def test_nfd_input_is_answered_like_nfc(capsys) -> None:
    nfd = _ask_json(capsys, unicodedata.normalize("NFD", "tỷ lệ che phủ rừng"))
    nfc = _ask_json(capsys, "tỷ lệ che phủ rừng")
    assert nfd["status"] == nfc["status"] == "answer"
    assert nfd["text"] == nfc["text"]


def test_html_looking_text_is_kept_as_text(capsys) -> None:
    result = _ask_json(capsys, "<b>che phu rung</b> & <script>")
    assert result["question"] == "<b>che phu rung</b> & <script>"
    # Unknown words ("b", "script") leave one unsure candidate: named as advice, no choice.
    assert result["status"] == "none"
    assert "Tỷ lệ che phủ rừng" in result["text"]


def test_chat_answers_picks_a_choice_and_exits(capsys, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("che phu rung\nthu\n1\nthoát\n"))
    assert main(["chat"]) == 0
    out = capsys.readouterr().out
    assert "55%" in out
    assert "Gõ số thứ tự" in out


def test_chat_ends_on_ctrl_d(capsys, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("kim ngach xuat khau\n"))
    assert main(["chat"]) == 0
    assert "600 triệu USD" in capsys.readouterr().out


def test_a_broken_knowledge_path_exits_2_with_one_clear_message(tmp_path, capsys) -> None:
    assert main(["--knowledge", str(tmp_path / "missing.yaml"), "ask", "x"]) == 2
    assert "không tìm thấy" in capsys.readouterr().err


def test_the_console_script_runs_in_a_fresh_process(tmp_path) -> None:
    # From another folder (no .env, no knowledge/ there): the shipped knowledge answers.
    done = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "che phu rung"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "55%" in done.stdout
    assert "Traceback" not in done.stderr


def test_bad_usage_exits_2(tmp_path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "nonsense"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr


def test_answering_loads_no_database_library(tmp_path) -> None:
    # SQLAlchemy, Alembic and Telegram would double the cold start of `ask` (aim 0.5 s).
    code = (
        "import sys; from bot.cli import main; main(['ask', 'che phu rung']); "
        "print(sorted(m for m in ('sqlalchemy', 'alembic', 'telegram') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "[]"
    assert not (tmp_path / "data").exists()  # no database file created either


@pytest.mark.parametrize("question", ["9" * 400, "1e309 là chỉ tiêu gì", "0," + "9" * 500])
def test_absurd_numbers_are_not_a_crash(question: str, capsys) -> None:
    assert main(["ask", "--json", question]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "none"
