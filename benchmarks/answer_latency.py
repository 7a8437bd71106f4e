"""Measure question answering: per-question time in-process and the CLI's cold start.

Prints, for the real knowledge base (the golden questions) and for a generated knowledge
base of about 10,000 items, the median and p99 time per question, then the wall time of
``resolution-bot ask "che phu rung"`` in a fresh process. Each figure is the median of
``--runs`` runs.

    python benchmarks/answer_latency.py [--runs 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.answering.evaluate import load_cases  # noqa: E402
from bot.answering.qa import QuestionAnswerer  # noqa: E402
from bot.knowledge.entries import KnowledgeBase, flatten  # noqa: E402
from bot.knowledge.loader import load_knowledge  # noqa: E402
from bot.knowledge.schema import Document  # noqa: E402

_WORDS_OF_TITLES = (
    "phát triển kinh tế xã hội nông thôn miền núi giao thông đường bộ cầu cống thủy lợi "
    "trường học bệnh viện trạm y tế chợ văn hóa thể thao du lịch cửa khẩu khu công nghiệp "
    "rừng đất nước sạch điện lưới viễn thông doanh nghiệp hợp tác xã cây trồng vật nuôi "
    "lúa ngô thuốc lá chè hồi trâu bò lợn gà cá an ninh quốc phòng biên giới dân tộc "
    "tôn giáo cán bộ đảng viên chi bộ tổ chức hội nghị báo cáo kế hoạch đề án dự án"
)
SYLLABLES = _WORDS_OF_TITLES.split()


def percentile(values: list[float], share: float) -> float:
    """Return the value below which ``share`` of the sorted values fall."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def time_questions(answerer: QuestionAnswerer, questions: list[str]) -> tuple[float, float]:
    """Return (median, p99) seconds per question over one pass."""
    timings = []
    for question in questions:
        start = time.perf_counter()
        answerer.answer(question)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings), percentile(timings, 0.99)


def generated_kb(real: KnowledgeBase, items: int, rng: random.Random) -> KnowledgeBase:
    """Return a knowledge base of about ``items`` entries built like the real one."""
    data = real.document.model_dump(mode="json")
    per_group = items // len(data["targets"])
    for g, group in enumerate(data["targets"]):
        targets = []
        for n in range(1, per_group + 1):
            words = " ".join(rng.sample(SYLLABLES, 5))
            figure = {
                "id": f"g{g}-t{n}-f",
                "label": f"Tỷ lệ {words}",
                "value": f"{rng.randint(1, 99)},{rng.randint(1, 9)}",
                "unit": "%",
                "source": f"Tỷ lệ {words}",
            }
            targets.append(
                {
                    "id": f"g{g}-t{n}",
                    "number": n,
                    "title": f"Tỷ lệ {words}",
                    "source": f"({n}) Tỷ lệ {words}",
                    "figures": [figure],
                }
            )
        group["targets"] = targets
    document = Document.model_validate(data)
    entries = {e.id: e for e in flatten(document)}
    return KnowledgeBase((document,), real.vocabulary, entries)


def cold_start(runs: int) -> float:
    """Return the median wall time of a fresh `resolution-bot ask` process."""
    exe = Path(sys.executable).with_name("resolution-bot")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "bot"]
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [*command, "ask", "che phu rung"], check=True, cwd=ROOT, capture_output=True
        )
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def main() -> None:
    """Run the benchmarks and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(
        f"machine: {platform.processor() or platform.machine()}, {platform.system()}, "
        f"Python {platform.python_version()}, {dt.date.today()}"
    )
    real = load_knowledge(ROOT / "knowledge" / "resolution.yaml")
    questions = [c.question for c in load_cases(ROOT / "tests" / "data" / "questions.yaml")]
    answerer = QuestionAnswerer(real)
    time_questions(answerer, questions)  # warm the caches, as a running bot has them
    runs = [time_questions(answerer, questions) for _ in range(args.runs)]
    print(
        f"real KB ({len(real.entries)} items, {len(questions)} questions): "
        f"median {statistics.median(r[0] for r in runs) * 1e3:.3f} ms, "
        f"p99 {statistics.median(r[1] for r in runs) * 1e3:.3f} ms"
    )
    rng = random.Random(20200110)
    big = generated_kb(real, 10_000, rng)
    start = time.perf_counter()
    big_answerer = QuestionAnswerer(big)
    build = time.perf_counter() - start
    titles = [e.title for e in big.entries.values() if e.kind == "target"]
    big_questions = [q.lower() for q in rng.sample(titles, 300)] + questions[:200]
    time_questions(big_answerer, big_questions)
    runs = [time_questions(big_answerer, big_questions) for _ in range(args.runs)]
    print(
        f"generated KB ({len(big.entries)} items, {len(big_questions)} questions, "
        f"index built in {build:.2f} s): "
        f"median {statistics.median(r[0] for r in runs) * 1e3:.3f} ms, "
        f"p99 {statistics.median(r[1] for r in runs) * 1e3:.3f} ms"
    )
    print(f'cold start `resolution-bot ask "che phu rung"`: median {cold_start(args.runs):.3f} s')


if __name__ == "__main__":
    main()
