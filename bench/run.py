"""Run every benchmark in bench/ and print its figures. Budgets are printed, never asserted."""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    scripts = sorted(
        p for p in HERE.glob("*.py") if p.name != "run.py" and not p.name.startswith("_")
    )
    only = set(sys.argv[1:])
    failed = 0
    for script in scripts:
        if only and script.stem not in only:
            continue
        print(f"== {script.stem}", flush=True)
        failed += subprocess.call([sys.executable, str(script)]) != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
