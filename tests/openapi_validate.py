"""Validates an OpenAPI document and the error responses observed on the wire against it.

Usage: python3 tests/openapi_validate.py DOCUMENT.json [OBSERVED.json]

1. The document is validated with openapi-spec-validator (OpenAPI 3.1 schema and
   JSON Schema 2020-12 dialect).
2. Every example in the document is validated against its schema: response bodies
   against the media type's schema, header values against the header's schema.
3. Every observed response ({"path", "method", "status", "content_type", "body"}) is
   validated against the schema of the documented response and media type.

Exit status: 0 valid, 1 invalid, 3 the validator packages are not installed.
"""

import json
import sys

try:
    from jsonschema import Draft202012Validator
    from openapi_spec_validator import validate
except ImportError as e:  # pragma: no cover - reported to the Rust test
    print(f"openapi validator not installed: {e}", file=sys.stderr)
    sys.exit(3)


def check(schema, value, where, errors):
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    for err in validator.iter_errors(value):
        errors.append(f"{where}: {err.message}")


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        doc = json.load(f)
    validate(doc)
    errors = []
    checked = 0
    for path, item in doc["paths"].items():
        for method, op in item.items():
            for status, response in op.get("responses", {}).items():
                where = f"{method.upper()} {path} {status}"
                for ct, media in response.get("content", {}).items():
                    schema = media.get("schema")
                    if schema is None:
                        continue
                    examples = [(k, e["value"]) for k, e in media.get("examples", {}).items()]
                    if "example" in media:
                        examples.append(("example", media["example"]))
                    for name, value in examples:
                        check(schema, value, f"{where} {ct} example {name}", errors)
                        checked += 1
                for name, header in response.get("headers", {}).items():
                    schema = header.get("schema")
                    values = [e["value"] for e in header.get("examples", {}).values()]
                    if "example" in header:
                        values.append(header["example"])
                    for value in values:
                        check(schema, value, f"{where} header {name}", errors)
                        checked += 1
    observed = 0
    if len(sys.argv) > 2:
        with open(sys.argv[2], encoding="utf-8") as f:
            for r in json.load(f):
                where = f"observed {r['method'].upper()} {r['path']} {r['status']}"
                response = doc["paths"][r["path"]][r["method"]]["responses"].get(str(r["status"]))
                if response is None:
                    errors.append(f"{where}: status not documented")
                    continue
                media = response.get("content", {}).get(r["content_type"])
                if media is None:
                    errors.append(f"{where}: content type {r['content_type']} not documented")
                    continue
                check(media["schema"], r["body"], where, errors)
                observed += 1
    for e in errors:
        print(e, file=sys.stderr)
    print(f"openapi: {len(errors)} errors, {checked} examples and {observed} observed bodies checked")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
