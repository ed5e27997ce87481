"""Write N realistic synthetic articles for the benchmark, deterministically for a given seed.

    python benchmarks/make_corpus.py OUT_DIR N [--seed 1] [--reword 0.8]

Articles are built from the seeds' own sentences and list items: a title, a dated lede naming a
speaker, body paragraphs, one or two numbered lists in the shapes the extractor handles
("Thứ nhất, ...", "Một là, ...", "(1) ...", inline "gồm: A; B; C"), a byline and a related-news
block, with dates spread over a range of years. The same seed always gives the same files.

The seeds' items recur word for word, which an archive of syndicated reports resembles but
which spares the linker most of its work (a word-for-word repeat joins its thread without
scoring). `--reword P` rewords each list item with probability P (a synonym, a dropped word, an
added phrase), so that linking has to score its candidates as it does on real restatements.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

SPEAKERS = [
    "Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn",
    "Thủ tướng Phạm Minh Chính",
    "Thứ trưởng Bộ Ngoại giao Nguyễn Minh Hằng",
    "Phó Thủ tướng Trần Lưu Quang",
    "Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên",
]
NOUNS = ["trọng tâm", "nhiệm vụ", "nhóm nhiệm vụ trọng tâm", "định hướng", "giải pháp"]
NUMBER_WORDS = {2: "hai", 3: "ba", 4: "bốn", 5: "năm", 6: "sáu"}
THU = ["Thứ nhất", "Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu"]
LA = ["Một là", "Hai là", "Ba là", "Bốn là", "Năm là", "Sáu là"]

# Rewordings a minister's staff uses from one year to the next.
SYNONYMS = {
    "đẩy mạnh": "tăng cường", "tăng cường": "đẩy mạnh", "thúc đẩy": "đẩy mạnh", "nâng cao": "cải thiện",
    "triển khai": "thực hiện", "thực hiện": "triển khai", "hiệu quả": "thực chất", "chủ động": "tích cực",
    "phát huy": "khai thác", "tập trung": "chú trọng", "hỗ trợ": "đồng hành cùng", "mở rộng": "đa dạng hóa",
}
ADDED = ["trong bối cảnh mới", "một cách thực chất", "theo hướng bền vững", "trong thời gian tới", "hơn nữa"]


def reword(rng: random.Random, text: str) -> str:
    """One restatement of an item: a synonym, then maybe a dropped word or an added phrase."""
    for old, new in rng.sample(sorted(SYNONYMS.items()), len(SYNONYMS)):
        if old in text:
            text = text.replace(old, new, 1)
            break
    words = text.split()
    if len(words) > 8 and rng.random() < 0.5:
        del words[rng.randrange(2, len(words))]
    if rng.random() < 0.5:
        words.insert(rng.randrange(3, len(words) + 1) if len(words) > 3 else len(words), rng.choice(ADDED))
    return " ".join(words)


def seed_material() -> tuple[list[str], list[str]]:
    """(body sentences, list items) cut from the seed articles."""
    sentences, items = [], []
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            marker = re.match(r"^(?:Thứ \w+(?: là)?|\w+ là),\s*|^Thứ \w+ là\s+", line)
            if marker and len(line) > 60:
                items.append(line[marker.end():].rstrip("."))
            elif len(line) > 120:
                sentences += [s.strip() for s in re.split(r"(?<=\.)\s+(?=[A-ZĐÂƯ])", line) if len(s) > 60]
    for line in (SEEDS / "002_7f21be67278d383d.txt").read_text(encoding="utf-8").splitlines():
        if "gồm:" in line:
            items += [p.strip().rstrip(".") for p in line.split("gồm:", 1)[1].split(";") if len(p.strip()) > 40]
    return sentences, items


def _list_block(rng: random.Random, items: list[str], speaker: str, year: int, rewording: float) -> str:
    count = rng.randint(2, 6)
    chosen = [reword(rng, item) if rng.random() < rewording else item for item in rng.sample(items, count)]
    noun = rng.choice(NOUNS)
    number = rng.choice([str(count), NUMBER_WORDS[count]])
    lead = f"{speaker} cho biết, trong năm {year} có {number} {noun} của công tác ngoại giao kinh tế"
    shape = rng.randrange(4)
    if shape == 0:
        return lead + ".\n\n" + "\n\n".join(f"{THU[i]}, {text}." for i, text in enumerate(chosen))
    if shape == 1:
        return lead + ".\n\n" + "\n\n".join(f"{LA[i]}, {text}." for i, text in enumerate(chosen))
    if shape == 2:
        return lead + ":\n\n" + "\n\n".join(f"({i + 1}) {text};" for i, text in enumerate(chosen))
    return lead + " gồm: " + "; ".join(text[0].upper() + text[1:] for text in chosen) + "."


def article(rng: random.Random, sentences: list[str], items: list[str], years: range, rewording: float = 0.0) -> str:
    year = rng.choice(list(years))
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    speaker = rng.choice(SPEAKERS)
    paragraphs = [
        f"Thứ {rng.choice(['Hai', 'Ba', 'Tư', 'Năm', 'Sáu'])}, {day:02d}/{month:02d}/{year} 08:{rng.randint(10, 59)}",
        f"{speaker} nêu các {rng.choice(NOUNS)} ngoại giao kinh tế năm {year}",
        f"Sáng {day}/{month}, tại Hà Nội, {speaker} chủ trì hội nghị triển khai công tác ngoại giao kinh tế năm {year}.",
    ]
    paragraphs += rng.sample(sentences, rng.randint(3, 8))
    paragraphs.append(_list_block(rng, items, speaker, year, rewording))
    paragraphs += rng.sample(sentences, rng.randint(2, 6))
    if rng.random() < 0.3:
        paragraphs.append(_list_block(rng, items, speaker, year, rewording))
    paragraphs += [rng.choice(["Hoàng Giang", "Kim Oanh", "Hà Mỹ", "Minh Anh"]), "Tin cùng chuyên mục"]
    paragraphs += [f"Thủ tướng dự hội nghị tổng kết năm {year + 1} số {rng.randint(1, 999)}" for _ in range(3)]
    return "\n\n".join(paragraphs) + "\n"


def write_corpus(
    folder: Path, count: int, seed: int = 1, years: range = range(2018, 2026), rewording: float = 0.0
) -> list[Path]:
    """Write `count` articles into `folder` (each list item reworded with probability
    `rewording`); returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    sentences, items = seed_material()
    paths = []
    for number in range(count):
        path = folder / f"article_{seed}_{number:06d}.txt"
        path.write_text(article(rng, sentences, items, years, rewording), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--reword", type=float, default=0.0, help="Share of list items reworded (0 to 1).")
    args = parser.parse_args()
    paths = write_corpus(args.out, args.count, args.seed, rewording=args.reword)
    print(f"wrote {len(paths)} articles to {args.out}")


if __name__ == "__main__":
    main()
