"""`python -m bot assess "TEXT"`: the assessment the running bot makes, on the trained model."""
import json

from bot.assess import assess


def add_parser(sub) -> None:
    parser = sub.add_parser("assess", help="vurder én melding mot akuttkriteriene")
    parser.add_argument("text")
    parser.add_argument("--audience", choices=["user", "relative", "child"])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--no-model", action="store_true", help="bare røde flagg, uten trent modell")
    parser.set_defaults(func=run)


def get_parser(no_model: bool):
    if no_model:
        return None
    from bot.model_adapter import load_parser

    return load_parser()


def run(args) -> int:
    parse = get_parser(args.no_model)
    nlu = parse(args.text) if parse else None
    result = assess(args.text, nlu=nlu, context={"audience": args.audience})
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False))
    else:
        for key, value in result.as_dict().items():
            print(f"{key}: {value}")
    return 0
