# Not a task file: converts the raw challenge export into a JSON Lines dataset.
# It runs at import, so `inspect eval`/`list_tasks` must never execute it (there is
# no raw export here and this would fail).
import csv
import json
from pathlib import Path

here = Path(__file__).parent
with open(here / "raw" / "challenges.csv", newline="") as raw:
    rows = list(csv.DictReader(raw))
with open(here / "challenges.jsonl", "w") as out:
    for row in rows:
        out.write(json.dumps({"input": row["question"], "target": row["flag"]}) + "\n")
