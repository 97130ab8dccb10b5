#!/usr/bin/env python3
"""Adds the `schema` feature's JsonSchema derive to every serde type of
runrecovery-core, and the field attributes that say what a hand-decoded
field accepts. Idempotent: run it again after any edit or rebase of
runrecovery-core/src (a new request type gets its line), then `cargo fmt`.

    python3 .ci/annotate-schema.py            # annotate in place
    python3 .ci/annotate-schema.py --check    # exit 1 if a line is missing

Rules:
- after each `#[derive(...)]` (one or several lines) naming Serialize or
  Deserialize, the line `#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]`;
- before each request field that holds a raw JSON log document
  (`pub log: Value` / `Option<Value>`, decoded by `TrainingLog::from_value`),
  `#[cfg_attr(feature = "schema", schemars(with = "crate::log::LogDocument"))]`
  (or `Option<crate::log::LogDocument>`), so the schema says what the log
  reader accepts instead of "any JSON".
Test modules (`#[cfg(test)]` then `mod ... {` up to the `}` in column 0, as
rustfmt writes them) are left alone: their types are no operation's.
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "runrecovery-core" / "src"
DERIVE = '#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]'
# field pattern -> the attribute that goes on the line before it
FIELDS = [
    (re.compile(r"^pub log: (serde_json::)?Value,$"),
     '#[cfg_attr(feature = "schema", schemars(with = "crate::log::LogDocument"))]'),
    (re.compile(r"^pub log: Option<(serde_json::)?Value>,$"),
     '#[cfg_attr(feature = "schema", schemars(with = "Option<crate::log::LogDocument>"))]'),
    # plan rule ids: strings checked against rules::RULE_IDS
    (re.compile(r"^pub rule: String,$"),
     '#[cfg_attr(feature = "schema", schemars(with = "crate::schema::RuleId"))]'),
    (re.compile(r"^pub rules: Option<Vec<String>>,$"),
     '#[cfg_attr(feature = "schema", schemars(with = "Option<Vec<crate::schema::RuleId>>"))]'),
    (re.compile(r"^pub rules: Vec<&'static str>,$"),
     '#[cfg_attr(feature = "schema", schemars(with = "Vec<crate::schema::RuleId>"))]'),
    # per-method session counts: name the keys (LoadMethod)
    (re.compile(r"^pub methods: BTreeMap<LoadMethod, usize>,$"),
     '#[cfg_attr(feature = "schema", schemars(with = "crate::schema::MethodCounts"))]'),
    # strings and numbers the library writes from a fixed set (src/schema.rs)
    (re.compile(r"^pub marker: String,$"),
     '#[cfg_attr(feature = "schema", schemars(with = "crate::schema::MarkerName"))]'),
    (re.compile(r"^pub sign: String,$"),
     '#[cfg_attr(feature = "schema", schemars(with = "crate::schema::WarningSignName"))]'),
    (re.compile(r"^pub option: String,$"),
     '#[cfg_attr(feature = "schema", schemars(with = "crate::schema::ActiveRecoveryOption"))]'),
    (re.compile(r"^pub seiler: u8,$"),
     '#[cfg_attr(feature = "schema", schemars(with = "crate::schema::SeilerZone"))]'),
    (re.compile(r"^pub schema_version: u32,$"),
     '#[cfg_attr(feature = "schema", schemars(with = "crate::schema::SchemaVersion"))]'),
    (re.compile(r"^pub error_code: Option<&'static str>,$"),
     '#[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::ErrorCode>"))]'),
    # chrono's Weekday is inlined by schemars: give it a name
    (re.compile(r"^pub available_days: Option<Vec<Weekday>>,$"),
     '#[cfg_attr(feature = "schema", schemars(with = "Option<Vec<crate::schema::Weekday>>"))]'),
    (re.compile(r"^pub long_run_day: Option<Weekday>,$"),
     '#[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::Weekday>"))]'),
    # the calendar's stamp, parsed by calendar::parse_stamp
    (re.compile(r"^pub stamp: Option<String>,$"),
     '#[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::UtcDateTime>"))]'),
]
# (file, the item's line) -> its schema name
RENAMES = {
    ("session.rs", "pub enum Status {"): "SessionStatus",
    ("readiness.rs", "pub enum Status {"): "ReadinessStatus",
    ("recovery.rs", "pub struct Carbohydrate {"): "CarbohydrateAdvice",
}
SERDE = re.compile(r"\b(Serialize|Deserialize)\b")


def annotate(lines, name):
    out = []
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped == "#[cfg(test)]" and i + 1 < len(lines) and lines[i + 1].startswith("mod "):
            j = i + 1
            if lines[j].rstrip().endswith("{"):
                while j < len(lines) and lines[j].rstrip() != "}":
                    j += 1
            out.extend(lines[i : j + 1])
            i = j + 1
            continue
        indent = line[: len(line) - len(line.lstrip())]
        rename = RENAMES.get((name, stripped))
        if rename:
            attr = f'#[cfg_attr(feature = "schema", schemars(rename = "{rename}"))]'
            if out[-1].strip() != attr:
                out.append(indent + attr + "\n")
        for pattern, attr in FIELDS:
            if pattern.match(stripped):
                # rustfmt may have spread an earlier insertion over lines
                previous = re.sub(r"\s|,(?=\))", "", "".join(out[-6:]))
                if re.sub(r"\s", "", attr) not in previous:
                    out.append(indent + attr + "\n")
        if stripped.startswith("#[derive("):
            # the whole attribute, which rustfmt may spread over lines
            j = i
            text = stripped
            while not lines[j].rstrip().endswith(")]"):
                j += 1
                text += lines[j].strip()
            out.extend(lines[i : j + 1])
            i = j + 1
            if SERDE.search(text):
                following = lines[i].strip() if i < len(lines) else ""
                if following != DERIVE:
                    out.append(indent + DERIVE + "\n")
            continue
        out.append(line)
        i += 1
    return out


def main():
    check = "--check" in sys.argv[1:]
    changed = []
    for path in sorted(SRC.rglob("*.rs")):
        lines = path.read_text().splitlines(keepends=True)
        new = annotate(lines, path.name)
        if new != lines:
            changed.append(path.relative_to(ROOT))
            if not check:
                path.write_text("".join(new))
    for path in changed:
        print(("missing annotations: " if check else "annotated: ") + str(path))
    if check and changed:
        print("run: python3 .ci/annotate-schema.py && cargo fmt --all")
        sys.exit(1)


if __name__ == "__main__":
    main()
