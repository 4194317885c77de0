"""The `cleanup` command.

`cleanup PAGE.txt` converts one page (the default command); subcommands
do the rest.  A page file named like a subcommand converts with
`cleanup convert FILE`.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from cleanup import exports, model
from cleanup.api import Document, convert
from cleanup.files import write_atomically
from cleanup.record import page_text
from cleanup.stages.decode import DecodeError
from cleanup.version import __version__

FORMATS = ("tei", "json", "text", "jsonl", "markdown")
EXIT_INPUT = 2


def build() -> str:
    """Which build runs: the mypyc-compiled modules or pure Python (see setup.py)."""
    return "compiled" if model.__file__.endswith((".so", ".pyd")) else "pure Python"


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
    if fmt == "jsonl":
        return exports.jsonl([doc.page]).encode("utf-8")
    if fmt == "markdown":
        return exports.markdown(doc.page).encode("utf-8")
    return (doc.to_text() + "\n").encode("utf-8")


@click.group(cls=DefaultToConvert, invoke_without_command=False,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cleanup", message=f"%(prog)s %(version)s ({build()})")
def main() -> None:
    """Turn raw text of scanned Chinese newspaper pages into TEI-XML articles.

    \b
      cleanup PAGE.txt                 print the page's TEI
      cleanup PAGE.txt -o PAGE.xml     write it to a file
      cleanup - < PAGE.txt             read the page from standard input
      cleanup batch seeds -o out       convert a folder of pages
      cleanup export out > out.jsonl   its articles, one JSON object a line
      cleanup eval GOLD_DIR TEI_DIR    score TEI against gold records

    A page file named like a subcommand converts with `cleanup convert FILE`.
    """


@main.command("convert")
@click.argument("page", metavar="PAGE")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write here instead of standard output.")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="tei", show_default=True,
              help="tei: the TEI document; json: the page record in the gold format; text: the clean text (heads marked ## , other units indented; reads back as itself); "
                   "jsonl: one article per line for search indexes; markdown: for reading.")
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
    if explain and doc.page.changes:
        click.echo(doc.explain(), err=True)
    else:
        for warning in doc.page.warnings:
            click.echo(f"cleanup: warning: {name}: {warning}", err=True)
    out = render(doc, fmt)
    if output is None:
        sys.stdout.buffer.write(out)
    else:
        write_atomically(output, out)


@main.command("batch")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--outdir", required=True,
              help="Folder (or fsspec URL) for the TEI files; the input tree is mirrored below it.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default="all cores",
              help="Worker processes.")
@click.option("-q", "--quiet", is_flag=True, help="No progress and no summary; failures are still told.")
@click.option("--force", is_flag=True, help="Convert every page again, even those whose output is current.")
@click.option("--issues", "whole_issues", is_flag=True,
              help="One TEI document per issue, continued articles joined (see below).")
@click.option("--manifest", help="The SQLite manifest [default: OUTDIR/.cleanup/manifest.sqlite]; "
                                 "needed when OUTDIR is a URL.")
@click.option("--encoding", help="Read every page in this encoding instead of detecting it.")
@click.option("--script", type=click.Choice(["simplified", "traditional"]),
              help="Convert every page to this script.")
@click.option("--dask", "use_dask", is_flag=True, help="Run on a local Dask cluster of --jobs worker processes.")
@click.option("--scheduler", metavar="tcp://HOST:PORT", help="Run on the Dask cluster of this scheduler.")
def batch_command(inputs: tuple[str, ...], outdir: str, jobs: int, quiet: bool, force: bool, whole_issues: bool,
                  manifest: str | None, encoding: str | None, script: str | None, use_dask: bool,
                  scheduler: str | None) -> None:
    """Convert pages into OUTDIR, one TEI file per page.

    INPUTS are page files, folders (searched recursively for *.txt), globs
    or fsspec URLs.  Every output is written atomically; OUTDIR/.cleanup/
    keeps the manifest (SQLite, one row per page: input, sha256, output,
    version, settings, status, articles, warnings, error), so a re-run skips
    pages whose output is current and a killed run resumes.  Which pages
    failed: sqlite3 OUTDIR/.cleanup/manifest.sqlite
    "SELECT input, error FROM pages WHERE status = 'failed'".  The exit code
    is 1 when any page failed.

    \b
    --issues: a page whose file name carries a date and then a page number
    (cqkjb_2022-04-19_p02.txt, 20220419-3.txt) belongs to the issue named by
    the file name up to the date, in its folder; any other page belongs to the
    issue of its folder.  Page numbers: the number ending the file name, else
    the printed one, else the order.  Each issue becomes ISSUE.xml with a
    <pb n="NN"/> per page; an article continued on another page (下转02版)
    is joined with the fragment there (上接1版) that fits it best.
    """
    from cleanup.batch import BatchError, ConsoleReporter, pool_runner, run_batch, serial_runner
    from cleanup.model import Options

    try:
        if use_dask or scheduler:
            from cleanup.cluster import dask_runner

            runner = dask_runner(scheduler, jobs)
        else:
            runner = serial_runner if jobs == 1 else pool_runner(jobs)
        summary = run_batch(inputs, outdir, options=Options(encoding=encoding, script=script),
                            whole_issues=whole_issues, force=force, manifest=manifest, runner=runner,
                            workers=jobs, reporter=ConsoleReporter(sys.stderr, quiet))
    except BatchError as e:
        raise fail(str(e)) from None
    if not quiet:
        click.echo(f"cleanup: {summary}", err=True)
    if summary.failed:
        raise click.exceptions.Exit(1)


@main.command("export")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-f", "--format", "fmt", type=click.Choice(["jsonl", "markdown", "text"]), default="jsonl",
              show_default=True, help="jsonl: one article per line; markdown or text: one page after another.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write here instead of standard output.")
def export_command(inputs: tuple[Path, ...], fmt: str, output: Path | None) -> None:
    """Export TEI files that cleanup wrote (single files, or the folders of a
    batch, searched for *.xml) as one stream, e.g. JSON Lines for a search
    index.  The TEI is read back into the data model (tei.reader)."""
    from tei.reader import read

    files = [f for item in inputs for f in (sorted(item.rglob("*.xml")) if item.is_dir() else [item])
             if ".cleanup" not in f.parts]
    pages = []
    for f in files:
        try:
            pages.append(read(f))
        except Exception as e:  # lxml raises several kinds; any unreadable file is one line and exit 2
            raise fail(f"{f}: not a readable TEI file: {e}") from None
    if fmt == "jsonl":
        data = exports.jsonl(pages)
    else:
        render_page = exports.markdown if fmt == "markdown" else page_text
        data = "\n\n".join(render_page(p) for p in pages) + "\n"
    if output is None:
        sys.stdout.write(data)
    else:
        write_atomically(output, data.encode("utf-8"))


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
    """Check TEI files against the profile's schema and tei_all; print
    `FILE: line N: message` for the first error of each invalid one."""
    from tei.schema import first_error

    bad = 0
    for f in files:
        error = first_error(f)
        if error:
            bad += 1
            click.echo(f"{f}: {error}")
        else:
            click.echo(f"{f}: valid")
    if bad:
        raise click.exceptions.Exit(1)


@main.command("review")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--outdir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the HTML pages and their index.html.")
def review_command(inputs: tuple[str, ...], outdir: Path) -> None:
    """Convert pages (files, folders of *.txt, globs) and write static HTML
    review pages into OUTDIR: each page's raw text beside the result, every
    correction visible, and an index.html with counts and failures."""
    from cleanup.batch import BatchError, find_pages, read_bytes
    from cleanup.review import review_files

    results: list[tuple[Path, Document | str]] = []
    try:
        sources = list(find_pages(inputs, skip=str(outdir.resolve())))
    except BatchError as e:
        raise fail(str(e)) from None
    for src in sources:
        try:
            results.append((Path(src.rel), convert(read_bytes(src.location), source=src.name)))
        except (OSError, DecodeError) as e:
            results.append((Path(src.rel), str(e)))
            click.echo(f"cleanup: error: {src.location}: {e}", err=True)
    for rel, html in review_files(results).items():
        write_atomically(outdir / rel, html.encode("utf-8"))
    click.echo(f"{outdir / 'index.html'}: {len(results)} pages", err=True)
    if any(isinstance(outcome, str) for _, outcome in results):
        raise click.exceptions.Exit(1)
