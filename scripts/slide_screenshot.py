"""A slide of the briefing pack as a PNG, for the README: `python -m scripts.slide_screenshot [--out docs/img/slide.png]`.

Builds the slides of the pack for one issue from the project's data, has LibreOffice convert them to PDF and
poppler's pdftoppm draw the issue's first slide. Both are Debian packages (`apt-get install libreoffice-impress
poppler-utils`); without them the script says so and draws nothing.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from briefing.frames import Selection
from briefing.load import Layout
from briefing.pack import build_pack
from briefing.pack.deck import build_deck
from briefing.store import load_frames

PROJECT = Path(__file__).resolve().parent.parent
WIDTH = 1280  # pixels, as the other screenshots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=PROJECT / "docs" / "img" / "slide.png")
    parser.add_argument("--issue", default="ceasefire", help="the issue whose first slide is drawn")
    args = parser.parse_args(argv)
    missing = [tool for tool in ("soffice", "pdftoppm") if shutil.which(tool) is None]
    if missing:
        print(f"needs {' and '.join(missing)}: apt-get install libreoffice-impress poppler-utils", file=sys.stderr)
        return 1
    # the project's own data/, as the other screenshots, and the pictures as the app draws them
    from briefing.pack.drawing import pack_pictures

    frames = load_frames(Layout(root=PROJECT))
    selection = Selection(issues=(args.issue,))
    pack = build_pack(frames, selection)
    deck = build_deck(pack, pack_pictures(frames, selection))
    action = next(section.title for section in pack.sections if section.issue == args.issue)
    from io import BytesIO

    from pptx import Presentation

    titles = [slide.shapes.title.text_frame.text for slide in Presentation(BytesIO(deck)).slides]
    number = titles.index(action) + 1  # its action title (the pack's own title may begin with the issue's label too)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "pack.pptx").write_bytes(deck)
        subprocess.run(
            [
                "soffice",
                "--headless",
                f"-env:UserInstallation=file://{work / 'profile'}",
                "--convert-to",
                "pdf",
                "--outdir",
                str(work),
                str(work / "pack.pptx"),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-singlefile",
                "-f",
                str(number),
                "-l",
                str(number),
                "-scale-to-x",
                str(WIDTH),
                "-scale-to-y",
                "-1",
                str(work / "pack.pdf"),
                str(work / "slide"),
            ],
            check=True,
            timeout=120,
        )
        args.out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(work / "slide.png", args.out)
    print(f"wrote {args.out} (slide {number} of {len(titles)}: {action})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
