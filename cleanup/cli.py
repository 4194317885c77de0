"""The `cleanup` command.

`cleanup PAGE.txt` converts one page (the default command); subcommands
do the rest.  A page file named like a subcommand converts with
`cleanup convert FILE`.
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

import click

from cleanup.api import Document, convert
from cleanup.stages.decode import DecodeError
from cleanup.version import __version__

FORMATS = ("tei", "json", "text")
EXIT_INPUT = 2


class DefaultToConvert(click.Group):
    """A group whose first argument, when it names no subcommand, is a page:
    `cleanup page.txt` means `cleanup convert page.txt`."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["convert", *args]
        return super().parse_args(ctx, args)


def fail(message: str) -> "click.exceptions.Exit":
    click.echo(f"cleanup: error: {message}", err=True)
    return click.exceptions.Exit(EXIT_INPUT)


def read_input(path: str) -> tuple[bytes, str]:
    """The page's bytes and its name; one-line errors for what cannot be read."""
    if path == "-":
        return sys.stdin.buffer.read(), "stdin"
    p = Path(path)
    if p.is_dir():
        raise fail(f"{path}: is a directory (use `cleanup batch {path} -o OUTDIR`)")
    try:
        return p.read_bytes(), p.name
    except FileNotFoundError:
        raise fail(f"{path}: no such file") from None
    except OSError as e:
        raise fail(f"{path}: cannot read: {e.strerror or e}") from None


def render(doc: Document, fmt: str) -> bytes:
    if fmt == "tei":
        return doc.to_tei()
    if fmt == "json":
        return (json.dumps(doc.to_record(), ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    return (doc.to_text() + "\n").encode("utf-8")


def write_atomically(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder, then rename: no
    half-written file ever stands under the output name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


@click.group(cls=DefaultToConvert, invoke_without_command=False,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cleanup")
def main() -> None:
    """Turn raw text of scanned Chinese newspaper pages into TEI-XML articles.

    \b
      cleanup PAGE.txt                 print the page's TEI
      cleanup PAGE.txt -o PAGE.xml     write it to a file
      cleanup - < PAGE.txt             read the page from standard input
      cleanup batch seeds -o out       convert a folder of pages
      cleanup eval GOLD_DIR TEI_DIR    score TEI against gold records

    A page file named like a subcommand converts with `cleanup convert FILE`.
    """


@main.command("convert")
@click.argument("page", metavar="PAGE")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write here instead of standard output.")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="tei", show_default=True,
              help="tei: the TEI document; json: the page record in the gold format; text: the clean text.")
@click.option("--explain", is_flag=True, help="Print each stage's changes, and why, to standard error.")
@click.option("--encoding", help="Read the page in this encoding instead of detecting it.")
@click.option("--script", type=click.Choice(["simplified", "traditional"]),
              help="Convert the whole page to this script (default: keep the page's own).")
def convert_command(page: str, output: Path | None, fmt: str, explain: bool, encoding: str | None,
                    script: str | None) -> None:
    """Convert one raw PAGE (a text file, or - for standard input)."""
    data, name = read_input(page)
    try:
        doc = convert(data, source=name, encoding=encoding, script=script)
    except DecodeError as e:
        raise fail(f"{page}: {e}") from None
    if explain:
        click.echo(doc.explain(), err=True)
    out = render(doc, fmt)
    if output is None:
        sys.stdout.buffer.write(out)
    else:
        write_atomically(output, out)


@main.command("batch")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--outdir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the TEI files; the input tree is mirrored below it.")
@click.option("-q", "--quiet", is_flag=True, help="No progress lines.")
def batch_command(inputs: tuple[Path, ...], outdir: Path, quiet: bool) -> None:
    """Convert page files and folders of them (*.txt, searched recursively)
    into OUTDIR, one TEI file per page."""
    pages = [(p, p.relative_to(root)) for root, p in _page_files(inputs)]
    failures = 0
    for i, (path, rel) in enumerate(pages, 1):
        try:
            doc = convert(path.read_bytes(), source=path.name)
        except (OSError, DecodeError) as e:
            failures += 1
            click.echo(f"cleanup: error: {path}: {e}", err=True)
            continue
        write_atomically(outdir / rel.with_suffix(".xml"), doc.to_tei())
        if not quiet:
            click.echo(f"[{i}/{len(pages)}] {path}", err=True)
    if not quiet:
        click.echo(f"{len(pages) - failures} pages converted, {failures} failed", err=True)
    if failures:
        raise click.exceptions.Exit(1)


def _page_files(inputs: tuple[Path, ...]) -> list[tuple[Path, Path]]:
    """(root, file) pairs: files stand alone, folders are searched for *.txt."""
    found = []
    for item in inputs:
        if item.is_dir():
            found += [(item, f) for f in sorted(item.rglob("*.txt"))]
        else:
            found.append((item.parent, item))
    return found


@main.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("tei_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--raw", "raw_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of the raw pages: count characters lost or added.")
@click.option("--schema", "schema_path", type=click.Path(exists=True, dir_okay=False),
              help="RELAX NG schema to validate every TEI file against.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("-v", "--verbose", is_flag=True, help="List missed articles and lost characters per page.")
def eval_command(gold_dir: Path, tei_dir: Path, raw_dir: Path | None, schema_path: str | None,
                 as_json: bool, verbose: bool) -> None:
    """Score the TEI files in TEI_DIR against the gold records in GOLD_DIR
    (one <stem>.json per page; format: tests/gold/README.md)."""
    from lxml import etree

    from cleanup.evaluation import evaluate, format_summary

    schema = etree.RelaxNG(etree.parse(schema_path)) if schema_path else None
    summary = evaluate(gold_dir, tei_dir, raw_dir, schema, verbose)
    click.echo(json.dumps(summary, ensure_ascii=False, indent=1) if as_json else format_summary(summary))


@main.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
def validate_command(files: tuple[str, ...]) -> None:
    """Check TEI files against tei_all; print the first error of each invalid one."""
    from lxml import etree

    from tei.schema import errors

    bad = 0
    for f in files:
        try:
            errs = errors(etree.parse(f, etree.XMLParser(resolve_entities=False, no_network=True)))
        except etree.XMLSyntaxError as e:
            errs = [str(e)]
        if errs:
            bad += 1
            click.echo(f"{f}: invalid: {errs[0]}")
        else:
            click.echo(f"{f}: valid")
    if bad:
        raise click.exceptions.Exit(1)
