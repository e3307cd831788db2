"""`python -m bot catalogue check [--strict]`

Validates data/services.yml (every problem with service id and field) and lists facts
checked more than 12 months ago. Exit 1 on any validation problem.
"""
from bot import clock
from bot.catalogue import CatalogueError, fact_table, read_catalogue
from bot.catalogue_sources import parse_checked
from bot.hours_text import STALE_AFTER


def add_parser(subparsers):
    parser = subparsers.add_parser("catalogue", help="tjenestekatalogen")
    sub = parser.add_subparsers(dest="catalogue_command", metavar="SUBCOMMAND")
    check = sub.add_parser("check", help="validate data/services.yml and list stale facts")
    check.add_argument("--strict", action="store_true", help="fail on the first load (as the tests do)")
    check.add_argument("--path", help="another catalogue file (default data/services.yml)")
    parser.set_defaults(func=run)
    return parser


def stale_facts(catalogue, today):
    """(service id, field, checked) for channel and fact blocks older than 12 months or undated."""
    for service in catalogue.services:
        items = [(f"channels[{i}] {c.type} {c.value}", c.checked) for i, c in enumerate(service.channels)]
        items += [(name, block.get("checked")) for name, block in service.facts.items() if isinstance(block, dict)]
        for fieldname, checked in items:
            day = parse_checked(checked)
            if day is None or today - day > STALE_AFTER:
                yield service.id, fieldname, str(checked)


def run(args) -> int:
    if getattr(args, "catalogue_command", None) != "check":
        print("usage: python -m bot catalogue check [--strict]")
        return 2
    try:
        catalogue = read_catalogue(args.path, strict=args.strict)
    except CatalogueError as err:
        for problem in err.problems:
            print(f"PROBLEM  {problem}")
        print(f"{len(err.problems)} problem(s)")
        return 1
    for problem in catalogue.problems:
        print(f"PROBLEM  {problem}")
    today = clock.now().date()
    stale = list(stale_facts(catalogue, today))
    print(fact_table(catalogue, today))  # facts by age and confidence, oldest first
    print(f"{len(catalogue.services)} services, {len(catalogue.problems)} problem(s), "
          f"{len(stale)} fact(s) checked more than 12 months ago or undated (as of {today})")
    return 1 if catalogue.problems else 0
