"""Several years of resolutions in Telegram: the latest first, another year one press away."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.fakes.bot_api import Call
from tests.fixtures.telegram import KNOWLEDGE, StartBot, TelegramHarness
from tests.test_knowledge_years import next_year_copy

LAN = 100001


def callback_data(call: Call) -> list[str]:
    return [button["callback_data"] for button in call.buttons]


@pytest.fixture
async def two_year_bot(tmp_path: Path, start_bot: StartBot) -> TelegramHarness:
    folder = tmp_path / "knowledge"
    folder.mkdir()
    shutil.copy(KNOWLEDGE / "vocabulary.yaml", folder)
    shutil.copy(KNOWLEDGE / "units.yaml", folder)
    shutil.copy(KNOWLEDGE / "resolution.yaml", folder / "resolution-2020.yaml")
    source = (KNOWLEDGE / "resolution.yaml").read_text(encoding="utf-8")
    (folder / "resolution-2021.yaml").write_text(next_year_copy(source), encoding="utf-8")
    return await start_bot({"KNOWLEDGE_PATH": str(folder)})


async def edit_after(bot: TelegramHarness, page: Call, data: str) -> Call:
    assert data in callback_data(page), callback_data(page)
    message = page.response["result"]
    mark = await bot.send(bot.api.callback_query(bot.user(LAN), message, data))
    return await bot.api.wait_for_call("editMessageText", since=mark)


async def test_questions_name_their_year(two_year_bot: TelegramHarness) -> None:
    assert (await two_year_bot.ask("che phu rung nam 2020")).plain_text.startswith(
        "Tỷ lệ che phủ rừng năm 2020: 55%"
    )
    latest = (await two_year_bot.ask("che phu rung")).plain_text
    assert latest.startswith("Tỷ lệ che phủ rừng năm 2021: 56%")
    assert "Theo nghị quyết năm 2021" in latest


async def test_browsing_shows_the_latest_and_offers_the_other_year(
    two_year_bot: TelegramHarness,
) -> None:
    menu = await two_year_bot.ask("/chitieu")
    assert "năm 2021" in menu.plain_text
    assert callback_data(menu)[0] == "g:kinh-te@2021"
    assert callback_data(menu)[-1] == "m:targets@2020"
    older = await edit_after(two_year_bot, menu, "m:targets@2020")
    assert "năm 2020" in older.plain_text
    assert callback_data(older)[0] == "g:kinh-te@2020"
    assert callback_data(older)[-1] == "m:targets@2021"
    group = await edit_after(two_year_bot, older, "g:moi-truong@2020")
    target = await edit_after(two_year_bot, group, "t:che-phu-rung@2020")
    assert target.plain_text.startswith("Tỷ lệ che phủ rừng năm 2020: 55%")


async def test_a_choice_of_an_older_year_answers_from_that_year(
    two_year_bot: TelegramHarness,
) -> None:
    reply = await two_year_bot.ask("tỷ lệ năm 2020")
    assert "i:che-phu-rung@2020" in callback_data(reply)
    message = reply.response["result"]
    mark = await two_year_bot.send(
        two_year_bot.api.callback_query(two_year_bot.user(LAN), message, "i:che-phu-rung@2020")
    )
    answer = await two_year_bot.api.wait_for_call("sendMessage", since=mark)
    assert answer.plain_text.startswith("Tỷ lệ che phủ rừng năm 2020: 55%")
