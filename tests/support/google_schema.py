"""Google's own Calendar v3 discovery document, and a strict check of a JSON body against it.

The document is the one google-api-python-client ships (a test dependency: it follows Google's
API as that package is upgraded, and nothing of Google's is copied into this repository). A
field name the schema does not know, or a value of the wrong type, is refused as Google would.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from pathlib import Path
from typing import Any


@functools.cache
def discovery() -> dict[str, Any]:
    import googleapiclient

    path = Path(googleapiclient.__file__).parent / "discovery_cache/documents/calendar.v3.json"
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return document


def method(resource: str, name: str) -> dict[str, Any]:
    found: dict[str, Any] = discovery()["resources"][resource]["methods"][name]
    return found


def check_query(resource: str, name: str, query: dict[str, list[str]]) -> str:
    """Why these query parameters are refused ("" when they are fine)."""
    parameters = method(resource, name).get("parameters", {})
    for key, values in query.items():
        spec = parameters.get(key)
        if spec is None or spec.get("location") != "query":
            return f"Invalid parameter: {key}"
        if spec.get("type") == "integer":
            try:
                number = int(values[0])
            except ValueError:
                return f"Invalid value for {key}: {values[0]}"
            if "maximum" in spec and number > int(spec["maximum"]):
                return f"Invalid value for {key}: above {spec['maximum']}"
            if "minimum" in spec and number < int(spec["minimum"]):
                return f"Invalid value for {key}: below {spec['minimum']}"
    return ""


def check_body(schema_name: str, body: Any) -> str:
    """Why this body is refused ("" when every field is one the schema has, typed right)."""
    return _check(body, {"$ref": schema_name}, "resource")


def _check(value: Any, schema: dict[str, Any], where: str) -> str:
    schemas = discovery()["schemas"]
    if "$ref" in schema:
        schema = schemas[schema["$ref"]]
    kind = schema.get("type", "any")
    if kind == "object":
        if not isinstance(value, dict):
            return f"Invalid value for {where}: expected an object"
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        for key, item in value.items():
            if key in properties:
                problem = _check(item, properties[key], f"{where}.{key}")
            elif extra is not None:
                problem = _check(item, extra, f"{where}.{key}")
            else:
                problem = f"Invalid field: {where}.{key}"
            if problem:
                return problem
        return ""
    if kind == "array":
        if not isinstance(value, list):
            return f"Invalid value for {where}: expected a list"
        for number, item in enumerate(value):
            problem = _check(item, schema.get("items", {}), f"{where}[{number}]")
            if problem:
                return problem
        return ""
    if kind == "string":
        if not isinstance(value, str):
            return f"Invalid value for {where}: expected a string"
        if "enum" in schema and value not in schema["enum"]:
            return f"Invalid value for {where}: {value}"
        return _format(value, schema.get("format", ""), where)
    if kind == "integer":
        ok = isinstance(value, int) and not isinstance(value, bool)
        return "" if ok else f"Invalid value for {where}: expected an integer"
    if kind == "boolean":
        return "" if isinstance(value, bool) else f"Invalid value for {where}: expected true/false"
    return ""


def _format(value: str, form: str, where: str) -> str:
    try:
        if form == "date":
            dt.date.fromisoformat(value)
        elif form == "date-time":
            dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return f"Invalid value for {where}: not a {form}: {value}"
    return ""
