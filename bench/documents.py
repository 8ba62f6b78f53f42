"""Benchmark the document engine: the sample report (4 charts, 2 tables, 6 photos).

Photos are drawn with Pillow here, outside the timing; two of them are 4000×3000 phone-size
shots so the downscaling path is measured too. Prints, as its last line, one JSON object:
``seconds`` is the best of the timed builds of the .docx.

    python bench/documents.py [--repeat 5] [--pages]   (--pages renders with LibreOffice)
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time

from zhenwu.documents import write_docx
from zhenwu.documents.sample import sample_document, sample_photo


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pages", action="store_true", help="count pages with LibreOffice (slower)")
    args = parser.parse_args()
    sizes = [(4000, 3000), (4000, 3000), (1600, 1200), (1600, 1200), (1200, 900), (1200, 900)]
    photos = [sample_photo(seed, size) for seed, size in enumerate(sizes)]
    doc = sample_document(photos)
    started = time.perf_counter()
    data = write_docx(doc)  # first build includes preparing the template
    first = time.perf_counter() - started
    timings = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        data = write_docx(doc, comments=True)
        timings.append(time.perf_counter() - started)
    result = {
        "seconds": round(min(timings), 4),
        "median_seconds": round(statistics.median(timings), 4),
        "first_seconds": round(first, 4),
        "charts": 4,
        "tables": 2,
        "photos": len(photos),
        "bytes": len(data),
    }
    if args.pages:
        import io

        import pdfplumber

        from zhenwu.documents import convert_to_pdf

        started = time.perf_counter()
        pdf = convert_to_pdf(data)
        result["pdf_seconds"] = round(time.perf_counter() - started, 2)
        with pdfplumber.open(io.BytesIO(pdf)) as rendered:
            result["pages"] = len(rendered.pages)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
