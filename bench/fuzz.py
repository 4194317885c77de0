"""Coverage-guided fuzzing of `cleanup.convert` with atheris (not run in CI).

    pip install atheris
    python bench/fuzz.py -max_total_time=1800 [corpus_dir]

Every input, as bytes and as text, must convert or raise DecodeError and
give valid TEI with nothing lost or added, and clean text that converts
to itself (`cleanup.invariants`).  A failing input is written by libFuzzer as
crash-<hash> in the working directory.
"""
import sys

import atheris

with atheris.instrument_imports():
    import cleanup
    from cleanup.invariants import check_document, check_text_fixed_point


def one_input(data: bytes) -> None:
    try:
        doc = cleanup.convert(data)
    except cleanup.DecodeError:
        return
    check_document(doc)
    check_text_fixed_point(doc)
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(len(data))
    check_document(cleanup.convert(text))


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
