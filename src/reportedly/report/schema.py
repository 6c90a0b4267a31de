"""The JSON Schema of the analysis output, generated from the record dataclasses (run as a module to print it)."""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from importlib import resources

from .. import models

SCHEMA_ID = "https://reportedly.invalid/schema/analysis-%s.schema.json" % models.SCHEMA_VERSION
DOCS = {
    "Analysis": "Everything reportedly found in one article. Character offsets index `text`.",
}


def _type(tp, defs: dict) -> dict:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        non_none = [a for a in args if a is not type(None)]
        inner = _type(non_none[0], defs) if len(non_none) == 1 else {"anyOf": [_type(a, defs) for a in non_none]}
        return {"anyOf": [inner, {"type": "null"}]} if type(None) in args else inner
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": _type(args[0], defs)}
        return {
            "type": "array",
            "prefixItems": [_type(a, defs) for a in args],
            "minItems": len(args),
            "maxItems": len(args),
        }
    if origin is dict:
        return {"type": "object"}
    if dataclasses.is_dataclass(tp):
        _define(tp, defs)
        return {"$ref": f"#/$defs/{tp.__name__}"}
    return {
        str: {"type": "string"},
        int: {"type": "integer"},
        bool: {"type": "boolean"},
        float: {"type": "number"},
    }.get(tp, {})


def _define(cls, defs: dict) -> dict:
    if cls.__name__ in defs:
        return defs[cls.__name__]
    hints = typing.get_type_hints(cls, vars(models))
    defs[cls.__name__] = {}
    props = {f.name: _type(hints[f.name], defs) for f in dataclasses.fields(cls)}
    body = {
        "type": "object",
        "description": DOCS.get(cls.__name__, (cls.__doc__ or "").strip()),
        "properties": props,
        "required": [f.name for f in dataclasses.fields(cls)],
        "additionalProperties": False,
    }
    defs[cls.__name__] = body
    return body


def build() -> dict:
    defs: dict = {}
    root = _define(models.Analysis, defs)
    defs.pop("Analysis")
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"reportedly analysis, schema version {models.SCHEMA_VERSION}",
    }
    schema.update(root)
    schema["properties"]["schema_version"] = {"const": models.SCHEMA_VERSION}
    schema["$defs"] = defs
    return schema


def shipped() -> dict:
    """The schema file in the package (the one documented in the repo)."""
    text = resources.files("reportedly").joinpath("schema", "analysis.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


if __name__ == "__main__":
    print(json.dumps(build(), indent=1, ensure_ascii=False))
